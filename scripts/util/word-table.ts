/**
 * Counts of words read straight out of a longer text, case-insensitively for ASCII letters,
 * without making a string per occurrence.
 *
 * Counting the words of a 27 MB manual with `text.slice(a, b).toLowerCase()` and a Map costs two
 * allocations and a fresh string hash per word, for millions of words. This table hashes the
 * characters in place, compares candidates character by character, and makes a string only the
 * first time a word is seen. Two counters per word ("all" and "prose") cover what the vocabulary
 * needs. Lower-casing is ASCII only, like the [A-Za-z0-9-] words it is used for; other characters
 * are compared as they are.
 */
export class WordTable {
  /**
   * Open addressing, two Int32 per slot: the word's hash and its id + 1 (0: empty slot). Probing
   * touches one array; the word itself is compared only on a hash match.
   */
  private slots: Int32Array;
  private mask: number;
  /** id -> lower-cased word; ids are given in first-seen order */
  private readonly byId: string[] = [];
  /** id -> occurrences, and occurrences in prose shape */
  private all: Int32Array;
  private prose: Int32Array;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    // At least one counter: the arrays grow by doubling, and an empty one would never grow.
    this.all = new Int32Array(Math.max(1, capacity));
    this.prose = new Int32Array(Math.max(1, capacity));
  }

  /** Distinct words seen (counted or interned). */
  get size(): number {
    return this.byId.length;
  }

  /**
   * Count text[start, end) once (and once as prose when `prose`); returns the word's id (see
   * `keyAt`). `h` is its hash when the caller computed it while scanning (see `hashStep`).
   */
  add(text: string, start: number, end: number, prose: boolean, h = hashLower(text, start, end)): number {
    const id = this.intern(text, start, end, h);
    this.all[id]++;
    if (prose) this.prose[id]++;
    return id;
  }

  /** The id of text[start, end) without counting it (a word first seen this way counts 0). */
  intern(text: string, start: number, end: number, h = hashLower(text, start, end)): number {
    const slots = this.slots;
    let slot = h & this.mask;
    for (;;) {
      const id1 = slots[2 * slot + 1];
      if (id1 === 0) break;
      if (slots[2 * slot] === h && equalsLower(text, start, end, this.byId[id1 - 1])) return id1 - 1;
      slot = (slot + 1) & this.mask;
    }
    const id = this.byId.length;
    this.byId.push(lowerKey(text, start, end));
    if (id >= this.all.length) {
      const all = new Int32Array(this.all.length * 2);
      all.set(this.all);
      this.all = all;
      const prose = new Int32Array(this.prose.length * 2);
      prose.set(this.prose);
      this.prose = prose;
    }
    slots[2 * slot] = h;
    slots[2 * slot + 1] = id + 1;
    if ((id + 1) * 2 > this.mask) this.grow();
    return id;
  }

  /** The lower-cased word of an id returned by `add` or `intern`. */
  keyAt(id: number): string {
    return this.byId[id];
  }

  /** Occurrences of the word (any case). */
  count(word: string): number {
    const id = this.find(word);
    return id < 0 ? 0 : this.all[id];
  }

  /** Occurrences of the word in prose shape. */
  proseCount(word: string): number {
    const id = this.find(word);
    return id < 0 ? 0 : this.prose[id];
  }

  private find(word: string): number {
    const h = hashLower(word, 0, word.length);
    let slot = h & this.mask;
    for (;;) {
      const id1 = this.slots[2 * slot + 1];
      if (id1 === 0) return -1;
      if (this.slots[2 * slot] === h && equalsLower(word, 0, word.length, this.byId[id1 - 1])) return id1 - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let slot = old[i] & this.mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      slots[2 * slot] = old[i];
      slots[2 * slot + 1] = old[i + 1];
    }
    this.slots = slots;
  }
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Start value of a word hash (FNV-1a). */
export const HASH_START = 0x811c9dc5 | 0;

/** One step of the word hash: FNV-1a over ASCII-lower-cased UTF-16 code units. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ lower(c), 0x01000193);
}

function hashLower(text: string, start: number, end: number): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

/**
 * text[start, end) with its ASCII letters lower-cased, as `hashLower` and `equalsLower` see it
 * (not toLowerCase(), which also folds other letters: "É" -> "é" would never match "É" again).
 * Runs once per distinct word.
 */
function lowerKey(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** text[start, end) equals `key` (already lower case) after ASCII lower-casing. */
function equalsLower(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (lower(text.charCodeAt(start + i)) !== key.charCodeAt(i)) return false;
  return true;
}

/**
 * Counts of ordered pairs of small non-negative integers (word ids), in an open-addressing table:
 * no string or Map entry per pair occurrence.
 */
export class PairCounts {
  private first: Int32Array;
  private second: Int32Array;
  private counts: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.first = new Int32Array(size).fill(-1);
    this.second = new Int32Array(size);
    this.counts = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.used;
  }

  add(a: number, b: number): void {
    let slot = pairHash(a, b) & this.mask;
    for (;;) {
      const f = this.first[slot];
      if (f === -1) break;
      if (f === a && this.second[slot] === b) {
        this.counts[slot]++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.first[slot] = a;
    this.second[slot] = b;
    this.counts[slot] = 1;
    if (++this.used * 2 > this.mask) this.grow();
  }

  /** Calls fn(a, b, count) for every pair, in slot order (callers must not depend on the order). */
  forEach(fn: (a: number, b: number, count: number) => void): void {
    for (let i = 0; i < this.first.length; i++) if (this.first[i] !== -1) fn(this.first[i], this.second[i], this.counts[i]);
  }

  private grow(): void {
    const { first, second, counts } = this;
    const size = first.length * 2;
    this.first = new Int32Array(size).fill(-1);
    this.second = new Int32Array(size);
    this.counts = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < first.length; i++) {
      if (first[i] === -1) continue;
      let slot = pairHash(first[i], second[i]) & this.mask;
      while (this.first[slot] !== -1) slot = (slot + 1) & this.mask;
      this.first[slot] = first[i];
      this.second[slot] = second[i];
      this.counts[slot] = counts[i];
    }
  }
}

function pairHash(a: number, b: number): number {
  const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 13);
}
