/**
 * Joining the lines of a wrapped paragraph or table cell. A typesetter wraps at spaces; a word
 * wider than the whole line (an identifier, a long example value) is broken where it runs out of
 * room — mid-word, or after a hyphen — and continued on the next line. So two lines are joined
 * with no space when:
 * - the break follows a hyphen inside a word ("11fd0027-c27e-41bb-" / "a565-75583054****"), or
 * - either side of the break is CJK (Chinese text has no spaces), or
 * - the line is one word that fills the line to within about one (wide) character of the right edge
 *   ("DescribeServiceMeshKubec" / "onfig"): the word did not fit and was cut.
 * Otherwise the break was at a space and one space is put back.
 */

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export interface WrapGeometry {
  /** Where the line's text ends (x of the right end of its last glyph). */
  end: number;
  /** Where text of this column / block may end at most (right edge minus padding). */
  limit: number;
  /** Width of the first character of the next line (an estimate: its run's mean advance). */
  nextCharWidth: number;
  /** Font size of the next line (a wide glyph such as "m" or "W" takes up to about one em). */
  size: number;
}

/** True when `next` continues the word `prev` ends with (no space between them). */
export function brokenMidWord(prev: string, next: string, g: WrapGeometry | undefined): boolean {
  const a = prev.trimEnd();
  const b = next.trimStart();
  if (!a || !b) return false;
  const last = a[a.length - 1];
  const first = b[0];
  if (CJK.test(last) || CJK.test(first)) return true;
  if (last === '-' && a.length >= 2 && /[\p{L}\p{N}*]/u.test(a[a.length - 2]) && /[\p{L}\p{N}*]/u.test(first)) return true;
  if (!g) return false;
  if (/\s/.test(a)) return false; // the line holds more than one word: the break was at a space
  const room = g.limit - g.end;
  return room < Math.max(g.nextCharWidth * 1.6, g.size * 0.75) + 1;
}

/** Join wrapped lines; `geom[i]` describes the break after line i. */
export function joinLines(lines: string[], geom: (WrapGeometry | undefined)[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (!t) continue;
    if (!out) {
      out = t;
      continue;
    }
    out += brokenMidWord(lines[i - 1] ?? out, t, geom[i - 1]) ? t : ` ${t}`;
  }
  return out;
}
