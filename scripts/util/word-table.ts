/**
 * Counts of words read straight out of a longer text, case-insensitively for ASCII letters,
 * without making a string per occurrence.
 *
 * Counting the words of a 27 MB manual with `text.slice(a, b).toLowerCase()` and a Map costs two
 * allocations and a fresh string hash per word (4 million words: ~0.6 s). This table hashes the
 * characters in place, compares candidates character by character, and makes a string only the
 * first time a word is seen. Two counters per word ("all" and "prose") cover what the vocabulary
 * needs. Lower-casing is ASCII only, like the [A-Za-z0-9-] words it is used for; other characters
 * are compared as they are.
 */
export class WordTable {
  private keys: (string | undefined)[];
  private hashes: Int32Array;
  private all: Int32Array;
  private prose: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.all = new Int32Array(size);
    this.prose = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.used;
  }

  /**
   * Count text[start, end) once (and once as prose when `prose`); returns the word's slot. `h` is
   * its hash when the caller computed it while scanning (see `hashStep`).
   */
  add(text: string, start: number, end: number, prose: boolean, h = hashLower(text, start, end)): number {
    let slot = h & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) break;
      if (this.hashes[slot] === h && equalsLower(text, start, end, k)) {
        this.all[slot]++;
        if (prose) this.prose[slot]++;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = text.slice(start, end).toLowerCase();
    this.hashes[slot] = h;
    this.all[slot] = 1;
    this.prose[slot] = prose ? 1 : 0;
    this.used++;
    if (this.used * 2 > this.mask) {
      const key = this.keys[slot]!;
      this.grow();
      return this.find(key);
    }
    return slot;
  }

  /** The lower-cased word in a slot returned by `add`. */
  keyAt(slot: number): string {
    return this.keys[slot]!;
  }

  /** Occurrences of the word (any case). */
  count(word: string): number {
    const slot = this.find(word);
    return slot < 0 ? 0 : this.all[slot];
  }

  /** Occurrences of the word in prose shape. */
  proseCount(word: string): number {
    const slot = this.find(word);
    return slot < 0 ? 0 : this.prose[slot];
  }

  private find(word: string): number {
    const h = hashLower(word, 0, word.length);
    let slot = h & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) return -1;
      if (this.hashes[slot] === h && equalsLower(word, 0, word.length, k)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, hashes, all, prose } = this;
    const size = keys.length * 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.all = new Int32Array(size);
    this.prose = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === undefined) continue;
      let slot = hashes[i] & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.hashes[slot] = hashes[i];
      this.all[slot] = all[i];
      this.prose[slot] = prose[i];
    }
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

/** text[start, end) equals `key` (already lower case) after ASCII lower-casing. */
function equalsLower(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (lower(text.charCodeAt(start + i)) !== key.charCodeAt(i)) return false;
  return true;
}
