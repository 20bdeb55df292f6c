/**
 * Repair of PDF-extraction damage in prose and names.
 *
 * Ligature splits: the PDF's "t"/"f" ligatures come out as a space after the letter ("t he",
 * "Creat e", "Saf et y Verif icat ion", "Updat eMeshFeat ure"). We join fragments only when the
 * joined word is attested intact elsewhere in the same document (the document's own vocabulary) or
 * is a known identifier, so real word pairs ("at the", "not be") are left alone.
 */
import { HASH_START, hashStep, PairCounts, WordTable } from '../../util/word-table.ts';
import { isSpace } from '../../util/chars.ts';

export class Vocabulary {
  /**
   * Word (any case) -> how often it is printed, and how often in prose shape ("found", "Note"; not
   * CamelCase names like "NotFound"). Read in place from each line (scripts/util/word-table.ts).
   */
  private readonly words = new WordTable(16384);
  private readonly identifiers = new Set<string>();
  /**
   * Adjacent token pairs "a b" (lower case) where a ends in t/f and b starts with a letter, from
   * lines that show a ligature-shaped gap ("t h"): the candidates for fragment counting. Kept as
   * counts so the lazy fragment pass is one walk over distinct pairs, not over the text again.
   */
  private readonly pairs = new PairCounts(4096);
  /** How often each word occurs as one fragment of a ligature-split word (computed lazily). */
  private fragments: Map<string, number> | undefined;

  /**
   * One pass over the text: tokens are the runs of [A-Za-z0-9-] (what splitting at
   * /[^A-Za-z0-9-]+/ gives), read with char codes rather than a split and a RegExp per word.
   */
  addText(text: string): void {
    this.fragments = undefined;
    const ligatureGap = LIGATURE_GAP.test(text);
    // The previous token's id, and its last letter (lower case) when that is t or f (else 0).
    let prev = -1;
    let prevLast = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordChar(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      // Prose shape: a letter, then only lower-case letters, digits and hyphens.
      const c0 = text.charCodeAt(i);
      let prose = isLetter(c0);
      let h = hashStep(HASH_START, c0);
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isWordChar(c)) break;
        if (prose && c >= 65 && c <= 90) prose = false;
        h = hashStep(h, c);
        i++;
      }
      // Words of two or more characters are counted; single letters only take part in pairs.
      if (i - start >= 2) {
        const id = this.words.add(text, start, i, prose, h);
        if (ligatureGap) {
          if (prevLast !== 0 && isLetter(c0)) this.pairs.add(prev, id);
          prev = id;
          prevLast = text.charCodeAt(i - 1) | 32;
        }
      } else if (ligatureGap) {
        const id = this.words.intern(text, start, i, h);
        if (prevLast !== 0 && isLetter(c0)) this.pairs.add(prev, id);
        prev = id;
        prevLast = c0 | 32;
      }
      // Only a word ending in t/f can be the first half of a ligature pair.
      if (prevLast !== 116 && prevLast !== 102) prevLast = 0;
    }
  }

  addIdentifier(name: string): void {
    this.identifiers.add(name);
  }

  /**
   * Occurrences of the word as a whole word: printed occurrences minus those where it is one half
   * of a ligature split whose joined form the document prints intact ("act ion": "act" and "ion"
   * are not words of their own).
   */
  count(word: string): number {
    const k = word.toLowerCase();
    const raw = this.words.count(k);
    if (!raw) return 0;
    return Math.max(0, raw - (this.fragmentCounts().get(k) ?? 0));
  }

  private fragmentCounts(): Map<string, number> {
    if (this.fragments) return this.fragments;
    const frag = new Map<string, number>();
    this.pairs.forEach((ia, ib, times) => {
      const a = this.words.keyAt(ia);
      const b = this.words.keyAt(ib);
      if (this.words.proseCount(a + b) >= 2) {
        frag.set(a, (frag.get(a) ?? 0) + times);
        frag.set(b, (frag.get(b) ?? 0) + times);
      }
    });
    this.fragments = frag;
    return frag;
  }

  isIdentifier(word: string): boolean {
    return this.identifiers.has(word);
  }

  /** A word attested intact at least twice, or a known identifier. */
  knows(word: string): boolean {
    return this.isIdentifier(word) || this.count(word) >= 2;
  }
}

/** A line where a t/f ligature may have left a gap ("t he", "Creat e"). */
const LIGATURE_GAP = /[tfTF] [A-Za-z]/;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** [A-Za-z0-9-] */
function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45;
}

const MAX_JOIN = 8;

/** Join ligature-split fragments in a line of prose. Bounded work: O(tokens × MAX_JOIN). */
export function repairLigatures(text: string, vocab: Vocabulary): string {
  if (!/[tfTF] \S/.test(text)) return collapseSpaces(text);
  const tokens = text.split(/ +/);
  const out: string[] = [];
  let anyJoined = false;
  // seam[i]: token i ends in a t/f ligature, so it may join the token after it.
  const seam = tokens.map(endsInLigature);
  for (let i = 0; i < tokens.length; ) {
    let joined = 0;
    // Every internal seam must follow a t/f ligature: the longest run that can join starts here.
    let longest = 1;
    while (longest < MAX_JOIN && i + longest < tokens.length && seam[i + longest - 1]) longest++;
    for (let k = longest; k >= 2; k--) {
      let cand = tokens[i];
      for (let j = 1; j < k; j++) cand += tokens[i + j];
      const core = punctCore(cand);
      if (!core || !WORD.test(core)) continue;
      // Accept a known identifier, or a word the document prints intact whose fragments are not
      // words of their own that the whole is not (avoid "at"+"the"). Cheapest tests first.
      let accept = vocab.isIdentifier(core);
      if (!accept) {
        // "Real-T ime": judge a hyphenated compound by its parts.
        const known = vocab.count(core) >= 2 || (core.includes('-') && core.split('-').every((part) => part.length > 1 && vocab.count(part) >= 2));
        if (known) {
          let fragmentsAreWords = true;
          for (let j = 0; j < k && fragmentsAreWords; j++) {
            const c = punctCore(tokens[i + j]);
            fragmentsAreWords = c.length > 2 && vocab.count(c) >= 3;
          }
          accept = !fragmentsAreWords;
        }
      }
      if (accept) {
        anyJoined = true;
        out.push(cand);
        i += k;
        joined = k;
        break;
      }
    }
    if (!joined) out.push(tokens[i++]);
  }
  // Nothing joined: the tokens joined back are the text with its spaces collapsed.
  if (!anyJoined) return collapseSpaces(text);
  // out.join(' ') without the spaces before . , ; : ) (tokens hold no spaces)
  let joined = out[0];
  for (let i = 1; i < out.length; i++) joined += out[i].length && CLOSING.has(out[i].charCodeAt(0)) ? out[i] : ` ${out[i]}`;
  return joined;
}

/**
 * Runs of spaces become one space, none before . , ; : ) — one pass, the same result as
 * `replace(/ {2,}/g, ' ').replace(/ +([.,;:)])/g, '$1')`.
 */
export function collapseSpaces(text: string): string {
  const n = text.length;
  let out = '';
  let seg = 0;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 32) continue;
    const runStart = i;
    while (i + 1 < n && text.charCodeAt(i + 1) === 32) i++;
    const runEnd = i + 1;
    const before = runEnd < n && CLOSING.has(text.charCodeAt(runEnd));
    if (!before && runEnd - runStart === 1) continue;
    out += text.slice(seg, runStart) + (before ? '' : ' ');
    seg = runEnd;
  }
  return seg === 0 ? text : out + text.slice(seg);
}

const WORD = /^[A-Za-z][A-Za-z0-9-]*$/;

function endsInLigature(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c === 116 || c === 102 || c === 84 || c === 70;
}

/** The token without the punctuation around it: leading ( " ' [ and trailing ) " ' ] . , ; : ! ? */
function punctCore(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && LEADING_PUNCT.has(s.charCodeAt(a))) a++;
  while (b > a && TRAILING_PUNCT.has(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
const LEADING_PUNCT = new Set([...'("\'['].map((c) => c.charCodeAt(0)));
const TRAILING_PUNCT = new Set([...')"\']].,;:!?'].map((c) => c.charCodeAt(0)));

/** Join the fragments of a table cell that wrapped mid-word (names, example values). */
export function joinWrapped(parts: string[]): string {
  return parts.map((p) => p.trim()).join('');
}

/**
 * Join prose lines of a description. A line that ends inside a word ("istio-readonl" / "y") is
 * joined without a space when the document knows the joined word and not the fragment.
 */
export function joinProse(lines: string[], vocab: Vocabulary): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    // The word at the end of what is joined so far (scanned back from the end: a RegExp anchored
    // with $ would walk the whole growing paragraph for every line).
    let from = out.length;
    while (from > 0 && isWordChar(out.charCodeAt(from - 1))) from--;
    const last = out.slice(from);
    let to = 0;
    while (to < line.length && isWordChar(line.charCodeAt(to))) to++;
    const first = line.slice(0, to);
    if (last && first && !vocab.knows(last) && vocab.knows(last + first) && !/-$/.test(last)) out += line;
    else if (last.endsWith('-') && first && vocab.knows(last + first)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

/**
 * Normalise the spacing the extraction leaves around inline code ("Set the value to  false ."):
 * white space runs become one space, dropped before . , ; : ) and after (, and at both ends.
 * One pass; the same result as `replace(/\s+/g, ' ').replace(/ ([.,;:)])/g, '$1')
 * .replace(/\( /g, '(').trim()`.
 */
export function tidy(text: string): string {
  const n = text.length;
  const parts: string[] = [];
  let seg = 0;
  let i = 0;
  let changed = false;
  while (i < n) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const wsStart = i;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const next = text.charCodeAt(i);
    const prev = wsStart > 0 ? text.charCodeAt(wsStart - 1) : NaN;
    // Keep one space unless the run is at either end, before . , ; : ) or after (.
    const keep = wsStart > 0 && i < n && !CLOSING.has(next) && prev !== 40;
    if (keep && i - wsStart === 1 && text.charCodeAt(wsStart) === 32) continue;
    changed = true;
    parts.push(text.slice(seg, wsStart));
    if (keep) parts.push(' ');
    seg = i;
  }
  if (!changed) return text;
  parts.push(text.slice(seg));
  return parts.join('');
}
const CLOSING = new Set([...'.,;:)'].map((c) => c.charCodeAt(0)));

