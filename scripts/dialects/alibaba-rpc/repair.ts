/**
 * Repair of PDF-extraction damage in prose and names.
 *
 * Ligature splits: the PDF's "t"/"f" ligatures come out as a space after the letter ("t he",
 * "Creat e", "Saf et y Verif icat ion", "Updat eMeshFeat ure"). We join fragments only when the
 * joined word is attested intact elsewhere in the same document (the document's own vocabulary) or
 * is a known identifier, so real word pairs ("at the", "not be") are left alone.
 */

export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /** Counts of prose-shaped words only ("found", "Note"), not CamelCase names ("NotFound"). */
  private readonly proseCounts = new Map<string, number>();
  private readonly identifiers = new Set<string>();
  private readonly texts: string[] = [];
  /** How often each word occurs as one fragment of a ligature-split word (computed lazily). */
  private fragments: Map<string, number> | undefined;

  addText(text: string): void {
    this.texts.push(text);
    this.fragments = undefined;
    for (const w of text.split(/[^A-Za-z0-9-]+/)) {
      if (w.length < 2) continue;
      const k = w.toLowerCase();
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
      if (/^[A-Za-z][a-z0-9-]*$/.test(w)) this.proseCounts.set(k, (this.proseCounts.get(k) ?? 0) + 1);
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
    const raw = this.counts.get(k) ?? 0;
    if (!raw) return 0;
    return Math.max(0, raw - (this.fragmentCounts().get(k) ?? 0));
  }

  private fragmentCounts(): Map<string, number> {
    if (this.fragments) return this.fragments;
    const frag = new Map<string, number>();
    const bump = (w: string) => frag.set(w, (frag.get(w) ?? 0) + 1);
    for (const text of this.texts) {
      if (!/[tfTF] [A-Za-z]/.test(text)) continue;
      const tokens = text.split(/[^A-Za-z0-9-]+/).filter(Boolean);
      for (let i = 0; i + 1 < tokens.length; i++) {
        const a = tokens[i].toLowerCase();
        const b = tokens[i + 1].toLowerCase();
        if (!/[tf]$/.test(a) || !/^[a-z]/.test(b)) continue;
        if ((this.proseCounts.get(a + b) ?? 0) >= 2) {
          bump(a);
          bump(b);
        }
      }
    }
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

const MAX_JOIN = 8;

/** Join ligature-split fragments in a line of prose. Bounded work: O(tokens × MAX_JOIN). */
export function repairLigatures(text: string, vocab: Vocabulary): string {
  if (!/[tfTF] \S/.test(text)) return text.replace(/ {2,}/g, ' ').replace(/ +([.,;:)])/g, '$1');
  const tokens = text.split(/ +/);
  const out: string[] = [];
  const seam = tokens.map((t) => /[tfTF]$/.test(t));
  for (let i = 0; i < tokens.length; ) {
    let joined = 0;
    // Every internal seam must follow a t/f ligature: the longest run that can join starts here.
    let longest = 1;
    while (longest < MAX_JOIN && i + longest < tokens.length && seam[i + longest - 1]) longest++;
    for (let k = longest; k >= 2; k--) {
      const run = tokens.slice(i, i + k);
      const cand = run.join('');
      const { core } = splitPunct(cand);
      if (!core || !/^[A-Za-z][A-Za-z0-9-]*$/.test(core)) continue;
      // Each fragment must not be a word of its own that the whole is not (avoid "at"+"the").
      const fragmentsAreWords = run.every((t, j) => {
        const c = splitPunct(t).core;
        return vocab.count(c) >= 3 && c.length > 2;
      });
      // "Real-T ime": judge a hyphenated compound by its parts.
      const known = vocab.count(core) >= 2 || (core.includes('-') && core.split('-').every((part) => part.length > 1 && vocab.count(part) >= 2));
      if (vocab.isIdentifier(core) || (known && !fragmentsAreWords)) {
        out.push(cand);
        i += k;
        joined = k;
        break;
      }
    }
    if (!joined) out.push(tokens[i++]);
  }
  return out.join(' ').replace(/ +([.,;:)])/g, '$1');
}

function splitPunct(s: string): { core: string } {
  return { core: s.replace(/^[("'[]+/, '').replace(/[)"'\].,;:!?]+$/, '') };
}

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
    const last = /([A-Za-z0-9-]+)$/.exec(out)?.[1] ?? '';
    const first = /^([A-Za-z0-9-]+)/.exec(line)?.[1] ?? '';
    if (last && first && !vocab.knows(last) && vocab.knows(last + first) && !/-$/.test(last)) out += line;
    else if (last.endsWith('-') && first && vocab.knows(last + first)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

/** Normalise the spacing the extraction leaves around inline code ("Set the value to  false ."). */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:)])/g, '$1')
    .replace(/\( /g, '(')
    .trim();
}
