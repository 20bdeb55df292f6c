/**
 * Repairs of PDF-extraction damage in the Huawei manual's names and cells.
 *
 * - Homoglyphs: the "Type" column header comes out in Cyrillic ("Туре"); we fold Cyrillic look-alikes
 *   to Latin before matching header names.
 * - Split identifiers: a name wrapped in a narrow table column comes out with a space ("creationTimes
 *   tamp", "randomSamplingP ercentage") or with the hyphen the PDF added at the wrap ("includeOutbound-
 *   Ports", "extensionProvid- ers"). Identifiers never contain white space, so the pieces are joined;
 *   whether a wrap hyphen is kept is decided by the document's own vocabulary.
 * - Split codes / titles: "ASM.01400 001", "Statu s Code", "MethodNotAllow ed".
 * - LaTeX left in a heading by the converter: "$\mathbf{4}_{\mathsf{API}}$" -> "4 API".
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
};

/** Fold Cyrillic look-alike letters to Latin. */
export function foldHomoglyphs(text: string): { text: string; changed: boolean } {
  let changed = false;
  const out = text.replace(/[\u0400-\u04FF]/g, (c) => {
    const l = CYRILLIC_TO_LATIN[c];
    if (l) {
      changed = true;
      return l;
    }
    return c;
  });
  return { text: out, changed };
}

/** Identifiers the document spells intact somewhere (table names, JSON keys, words in prose). */
export class Vocabulary {
  private readonly words = new Set<string>();
  /** Joined reading -> the distinct split spellings that produce it. */
  private readonly splits = new Map<string, Set<string>>();

  /** Record a split identifier cell ("excludeOutbo undPorts") with every reading it has. */
  addSplit(raw: string): void {
    const cell = raw.trim().replace(/\s+/g, ' ');
    for (const r of readingsOf(cell)) {
      const set = this.splits.get(r) ?? new Set<string>();
      set.add(cell);
      this.splits.set(r, set);
    }
  }

  /** Spelled the same way by two or more differently split cells ("excludeOutbo undPorts", "excludeOutbound Ports"). */
  corroborated(word: string): boolean {
    return (this.splits.get(word)?.size ?? 0) >= 2;
  }

  /** Occurrences of each prose word; hyphen-less spelling -> hyphenated word ("apmotel" -> "apm-otel"). */
  private readonly counts = new Map<string, number>();
  private readonly hyphenated = new Map<string, string>();

  add(word: string): void {
    if (/^[A-Za-z][A-Za-z0-9_.-]*$/.test(word)) this.words.add(word);
  }

  addText(text: string): void {
    for (const w of text.match(/[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]/g) ?? []) {
      this.add(w);
      this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
      if (w.includes('-')) {
        const bare = w.replace(/-/g, '');
        const known = this.hyphenated.get(bare);
        if (!known || (this.counts.get(w) ?? 0) > (this.counts.get(known) ?? 0)) this.hyphenated.set(bare, w);
      }
    }
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** The hyphenated spelling of a word whose hyphen the extraction lost, when the manual has it. */
  hyphenatedFormOf(word: string): string | undefined {
    return this.hyphenated.get(word);
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}

export interface NameRepair {
  name: string;
  /** The raw cell differed from the name. */
  repaired: boolean;
  /** The repaired name is spelled intact elsewhere in the document. */
  attested: boolean;
  /** Not attested intact, but other cells split differently give the same name. */
  corroborated?: boolean;
}

/** Every way of joining a split cell: each seam after a wrap hyphen keeps or drops the hyphen. */
export function readingsOf(cell: string): string[] {
  const pieces = cell.trim().split(/\s+/);
  let readings = [pieces[0]];
  for (const p of pieces.slice(1)) {
    const next: string[] = [];
    for (const r of readings) {
      if (r.endsWith('-')) next.push(r + p, r.slice(0, -1) + p);
      else next.push(r + p);
    }
    readings = next;
  }
  return readings;
}

/**
 * Rejoin a table-cell identifier split by the extraction. "includeOutbound- Ports" has two
 * readings ("includeOutbound-Ports", "includeOutboundPorts"); the one the document spells intact
 * elsewhere wins; failing that, a wrap hyphen is kept only in names that carry other hyphens
 * (header names like "X-Auth-Token") and dropped in camelCase names.
 */
export function repairIdentifier(raw: string, vocab: Vocabulary): NameRepair {
  const cell = raw.trim();
  if (!/\s/.test(cell)) return { name: cell, repaired: false, attested: vocab.has(cell) };
  const readings = readingsOf(cell);
  const attested = readings.find((r) => vocab.has(r));
  if (attested) return { name: attested, repaired: true, attested: true };
  const corroborated = readings.find((r) => vocab.corroborated(r));
  if (corroborated) return { name: corroborated, repaired: true, attested: false, corroborated: true };
  const hyphenated = readings[0];
  const otherHyphens = (hyphenated.match(/-/g) ?? []).length > (cell.match(/-\s/g) ?? []).length;
  const name = otherHyphens ? hyphenated : readings[readings.length - 1];
  return { name, repaired: true, attested: false };
}

/** A code or single-token cell split by a space ("ASM.01400 001"): the pieces are one token. */
export function joinSplitToken(raw: string): { text: string; changed: boolean } {
  const t = raw.trim();
  const joined = t.replace(/\s+/g, '');
  return { text: joined, changed: joined !== t };
}

/**
 * A short title cell wrapped mid-word ("MethodNotAllow ed", "UnprocessableEn- tity"). Joined only
 * when a piece is not a word on its own: a lower-case fragment glued to a longer run.
 */
export function joinWrappedTitle(raw: string): { text: string; changed: boolean } {
  const t = raw.trim();
  const out = t.replace(/([A-Za-z]{3,})-? ([a-z]{1,4})\b/g, (m, a: string, b: string) =>
    /[A-Z][a-z]*[A-Z]/.test(a) || /^[a-z]{1,2}$/.test(b) || /-/.test(m) ? a + b : m,
  );
  return { text: out, changed: out !== t };
}

/** Normalise the spacing the extraction leaves in prose ("by spec .", "InCluster : service"). */
export function tidyProse(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/\*\*/g, '')
        .replace(/[ \t]+/g, ' ')
        .replace(/ ([.,;:)])/g, '$1')
        .replace(/\( /g, '(')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

const LATEX_HEADING = /^\s*\$\\mathbf\{(\d+)\}_\{\\mathsf\{([^}]*)\}\}\$\s*$/;

/** "$\mathbf{4}_{\mathsf{API}}$" -> "4 API" (undefined when the line is not such markup). */
export function stripLatexHeading(text: string): string | undefined {
  const m = LATEX_HEADING.exec(text);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/**
 * A hyphen lost inside a word ("the preset provider apmotel of ASM", printed "apm-otel" in the next
 * sentence and in every other copy): restored when the hyphen-less spelling occurs at most once and
 * the hyphenated one at least twice.
 */
export function restoreLostHyphens(text: string, vocab: Vocabulary): { text: string; restored: string[] } {
  const restored: string[] = [];
  const out = text.replace(/\b[A-Za-z][A-Za-z0-9]{3,}\b/g, (w) => {
    const h = vocab.hyphenatedFormOf(w);
    if (h && vocab.count(w) <= 1 && vocab.count(h) >= 2) {
      restored.push(`${w} -> ${h}`);
      return h;
    }
    return w;
  });
  return { text: out, restored };
}
