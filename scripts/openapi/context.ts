import type { Diagnostic, SourceRef } from '../model/diagnostic.ts';

/** One JSON pointer reference token, escaped (RFC 6901: `~` -> `~0`, `/` -> `~1`). */
export function escapeSegment(part: string | number): string {
  const s = String(part);
  // Most segments (names, statuses, indexes) need no escaping: skip the two regex passes for them.
  if (!s.includes('~') && !s.includes('/')) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer escaping (RFC 6901). */
export function ptr(...parts: (string | number)[]): string {
  return parts.map(escapeSegment).join('/');
}

/** Shared state of one OpenAPI emission: the source map, diagnostics and the component registry. */
export class EmitContext {
  readonly sourceMap = new Map<string, SourceRef>();
  readonly diagnostics: Diagnostic[] = [];
  /** structure of a component's schema -> component name (see StructureIndex) */
  readonly schemaByStructure = new StructureIndex<string>();
  readonly schemas = new Map<string, Record<string, unknown>>();
  /** component name -> where its first copy was documented (for the source map and diagnostics) */
  readonly schemaOrigins = new Map<string, SourceRef | undefined>();

  constructor(readonly file: string) {}

  mark(pointer: string, source: SourceRef | undefined): void {
    if (source && !this.sourceMap.has(pointer)) this.sourceMap.set(pointer, source);
  }
}

/** Canonical JSON (sorted keys) used to decide whether two schemas are the same structure. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A map from values to items where two values are the same key exactly when their canonical()
 * strings are equal (same structure, object key order ignored), without building those strings:
 * on large manuals the canonical JSON of every emitted component (most of them copies of one
 * another) was the costliest part of emission. Values are bucketed by a structural hash that
 * ignores key order, and a hash match is confirmed by a deep comparison.
 *
 * That shortcut holds for plain JSON data. canonical() is lossy for other values (NaN and null
 * both give `null`, `[undefined]` gives `[]` …), so once such a value turns up the index switches
 * to canonical strings for every entry, old and new: the answer is the same either way.
 *
 * The index keeps references to the values added: they must not be mutated afterwards.
 */
export class StructureIndex<T> {
  private readonly buckets = new Map<number, { value: unknown; item: T }[]>();
  /** All entries in insertion order (to switch to canonical keys). */
  private readonly entries: { value: unknown; item: T }[] = [];
  /** canonical JSON -> item, once a value that is not plain JSON was seen */
  private byCanonical: Map<string, T> | undefined;

  /** The item of a value with the same structure added before; else `create()`'s, added. */
  findOrAdd(value: unknown, create: () => T): T {
    const hash = this.byCanonical ? undefined : structureHash(value);
    if (hash === undefined) return this.findOrAddCanonical(value, create);
    const bucket = this.buckets.get(hash);
    if (bucket) for (const entry of bucket) if (sameStructure(entry.value, value)) return entry.item;
    const entry = { value, item: create() };
    this.entries.push(entry);
    if (bucket) bucket.push(entry);
    else this.buckets.set(hash, [entry]);
    return entry.item;
  }

  private findOrAddCanonical(value: unknown, create: () => T): T {
    if (!this.byCanonical) {
      this.byCanonical = new Map();
      for (const e of this.entries) if (!this.byCanonical.has(canonical(e.value))) this.byCanonical.set(canonical(e.value), e.item);
    }
    const key = canonical(value);
    const found = this.byCanonical.get(key);
    if (found !== undefined) return found;
    const item = create();
    this.byCanonical.set(key, item);
    return item;
  }
}

/**
 * FNV-1a over the UTF-16 code units, seeded by the length. A long string (descriptions) is hashed
 * by its first and last 16 units and 32 spread between: equal strings still hash equal, and a
 * bucket match is confirmed by a full comparison anyway.
 */
function hashString(s: string): number {
  const n = s.length;
  let h = 0x811c9dc5 ^ n;
  if (n <= 64) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }
  for (let i = 0; i < 16; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  const step = Math.floor((n - 32) / 32);
  for (let i = 16, k = 0; k < 32; i += step, k++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  for (let i = n - 16; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Hash of a plain JSON value that is equal for values with equal canonical() strings (the
 * members of an object are combined by a sum, so their order does not matter). undefined when
 * the value is not plain JSON data.
 */
function structureHash(v: unknown): number | undefined {
  switch (typeof v) {
    case 'string':
      return hashString(v);
    case 'boolean':
      return v ? 0x2f1d3a57 : 0x6c8e9cf5;
    case 'number':
      // String(-0) is "0", as in canonical(); NaN and ±Infinity would serialise as null.
      return Number.isFinite(v) ? mix(0x1b873593, hashString(String(v))) : undefined;
    case 'object': {
      if (v === null) return 0x3c6ef372;
      if (Array.isArray(v)) {
        let h = mix(0x5bd1e995, v.length);
        for (let i = 0; i < v.length; i++) {
          const x = structureHash(v[i]);
          if (x === undefined) return undefined;
          h = mix(h, x);
        }
        return h;
      }
      const o = v as Record<string, unknown>;
      let sum = 0;
      for (const k of Object.keys(o)) {
        const x = structureHash(o[k]);
        if (x === undefined) return undefined;
        sum = (sum + mix(hashString(k), x)) >>> 0;
      }
      return mix(0x85ebca6b, sum);
    }
    default:
      return undefined;
  }
}

/** canonical(a) === canonical(b) for two plain JSON values (both accepted by structureHash). */
function sameStructure(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameStructure(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  for (const k of keys) {
    if (!Object.prototype.propertyIsEnumerable.call(bo, k) || !sameStructure(ao[k], bo[k])) return false;
  }
  return true;
}

/** PascalCase identifier from arbitrary text ("Table 4-4 MeshMetadata" -> "MeshMetadata" is done by dialects). */
export function pascal(text: string): string {
  const words = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const out = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (!out) return 'Schema';
  return /^[0-9]/.test(out) ? `S${out}` : out;
}
