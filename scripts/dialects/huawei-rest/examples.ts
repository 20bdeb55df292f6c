/**
 * Recovery of the garbled JSON examples.
 *
 * The extraction loses lines and braces of the example bodies and shuffles keys ("kind" before
 * "apiVersion", "proxyConfig" after "tracing", a stray "mdateTimestamp"). We do not try to re-parse
 * the text as JSON. Instead every printed `"key" : value` line is a fact, every `"key" : {` /
 * `"key" : [ {` line a hint of where the following facts live, and each fact is placed where the
 * schema says a property of that name lives:
 *
 * - a key that exists at one place in the schema goes there;
 * - a key that exists at several places ("name", "kind") goes under the most recently opened
 *   container that is one of its ancestors, else at the shallowest place;
 * - a key the schema does not know is matched after undoing look-alike letters ("includelPRanges"
 *   -> "includeIPRanges"); otherwise the line is dropped and reported;
 * - a key already filled in the current element of an array of objects starts the next element.
 *
 * Only printed values are used; nothing is invented. The rebuilt value must satisfy the schema
 * (required properties included), or the example is left out and the report says why.
 */
import type { Diagnostic, SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { JsonValue, SchemaModel } from '../../model/types.ts';
import { checkValue } from './check-value.ts';
import { type Line, refOf } from './lines.ts';

export interface Fact {
  key: string;
  /** Present for `"key": value` lines. */
  value?: JsonValue;
  /** Present for `"key": {` / `"key": [ {` / `"key": [` lines. */
  opens?: 'object' | 'array';
  line: Line;
}

export interface ScannedBlock {
  facts: Fact[];
  /** Lines that carry no recoverable fact (brace debris, a key without a value, unreadable values). */
  dropped: { line: Line; reason: string }[];
  /** Brace/punctuation-only lines (the structure the schema replaces). */
  debris: number;
}

const KEY_LINE = /^\s*"([^"]+)"\s*:\s*(.*?)\s*$/;

/** Read the facts of one or more code-block bodies. */
export function scanFacts(lines: Line[]): ScannedBlock {
  const out: ScannedBlock = { facts: [], dropped: [], debris: 0 };
  for (const l of lines) {
    const text = l.text.trim();
    if (!text) continue;
    if (/^[{}[\],;.\s]*$/.test(text)) {
      out.debris++;
      continue;
    }
    const m = KEY_LINE.exec(text);
    if (!m) {
      out.dropped.push({ line: l, reason: /^"[^"]*"$/.test(text) ? 'a key without a value' : 'not a "key": value line' });
      continue;
    }
    const key = m[1];
    let rest = m[2].replace(/,\s*$/, '').trim();
    if (rest === '{') {
      out.facts.push({ key, opens: 'object', line: l });
      continue;
    }
    if (/^\[\s*\{?$/.test(rest)) {
      out.facts.push({ key, opens: 'array', line: l });
      continue;
    }
    // "values" : [ "default" ] } ] — trailing debris after a complete value.
    if (/^\[.*\]/.test(rest)) rest = rest.slice(0, rest.lastIndexOf(']') + 1);
    try {
      out.facts.push({ key, value: JSON.parse(rest) as JsonValue, line: l });
    } catch {
      out.dropped.push({ line: l, reason: `value ${JSON.stringify(rest)} is not readable JSON` });
    }
  }
  return out;
}

interface Slot {
  /** Property names from the root; `[]` after a name marks an array of objects. */
  names: string[];
  /** For each name, whether it is an array of objects (its children live in elements). */
  arrays: boolean[];
  schema: SchemaModel;
}

/** Every property of the schema with its path (bounded depth; shared tables appear once per path). */
export function slotsOf(schema: SchemaModel, maxDepth = 12): Slot[] {
  const out: Slot[] = [];
  const walk = (s: SchemaModel, names: string[], arrays: boolean[], depth: number): void => {
    if (depth > maxDepth) return;
    for (const p of s.properties ?? []) {
      const isObjArray = p.schema.type === 'array' && p.schema.items?.type === 'object';
      const slot: Slot = { names: [...names, p.name], arrays: [...arrays, isObjArray], schema: p.schema };
      out.push(slot);
      if (p.schema.type === 'object') walk(p.schema, slot.names, slot.arrays, depth + 1);
      if (isObjArray) walk(p.schema.items!, slot.names, slot.arrays, depth + 1);
    }
  };
  walk(schema, [], [], 0);
  return out;
}

const LOOKALIKES: [string, string][] = [
  ['l', 'I'],
  ['I', 'l'],
  ['0', 'O'],
  ['O', '0'],
  ['1', 'l'],
  ['rn', 'm'],
];

/** Spellings one look-alike substitution away ("includelPRanges" -> "includeIPRanges"). */
export function lookalikeVariants(key: string): string[] {
  const out = new Set<string>();
  for (const [a, b] of LOOKALIKES) {
    for (let i = key.indexOf(a); i >= 0; i = key.indexOf(a, i + 1)) out.add(key.slice(0, i) + b + key.slice(i + a.length));
  }
  return [...out];
}

export interface Rebuilt {
  value: JsonValue;
  placed: number;
  diagnostics: Diagnostic[];
  /** Reasons the value is not usable (empty when it is). */
  problems: string[];
}

const isPrefix = (a: string[], b: string[]): boolean => a.length < b.length && a.every((x, i) => x === b[i]);

/** Place the facts of an example into a value shaped by `schema`. */
export function rebuildExample(block: ScannedBlock, schema: SchemaModel, file: string, label: string): Rebuilt {
  const diagnostics: Diagnostic[] = [];
  const slots = slotsOf(schema);
  const byName = new Map<string, Slot[]>();
  for (const s of slots) {
    const k = s.names[s.names.length - 1];
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  const opened: Slot[] = [];
  const index = new Map<string, number>();
  const root: Record<string, JsonValue> = {};
  let placed = 0;
  const where = (l: Line): SourceRef => refOf(file, l);

  const choose = (cands: Slot[], wantContainer: boolean): Slot | undefined => {
    const fitting = cands.filter((c) => (wantContainer ? c.schema.type === 'object' || c.schema.type === 'array' : true));
    if (!fitting.length) return undefined;
    let best: Slot | undefined;
    let bestScore = -Infinity;
    for (const c of fitting) {
      let score = -1 - c.names.length / 100; // no context: the shallowest place
      for (let r = opened.length - 1; r >= 0; r--) {
        if (isPrefix(opened[r].names, c.names)) {
          score = r + opened[r].names.length / 100;
          break;
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  };

  const concrete = (slot: Slot): (string | number)[] => {
    const path: (string | number)[] = [];
    slot.names.forEach((n, i) => {
      path.push(n);
      if (slot.arrays[i] && i < slot.names.length - 1) path.push(index.get(slot.names.slice(0, i + 1).join('.')) ?? 0);
    });
    return path;
  };
  const get = (path: (string | number)[]): JsonValue | undefined => {
    let cur: JsonValue | undefined = root;
    for (const k of path) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, JsonValue>)[k as string];
    }
    return cur;
  };
  const set = (path: (string | number)[], value: JsonValue): void => {
    let cur: Record<string, JsonValue> | JsonValue[] = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i];
      const nextIsIndex = typeof path[i + 1] === 'number';
      const c = cur as Record<string, JsonValue>;
      if (c[k as string] === undefined) c[k as string] = nextIsIndex ? [] : {};
      cur = c[k as string] as Record<string, JsonValue>;
    }
    (cur as Record<string, JsonValue>)[path[path.length - 1] as string] = value;
  };

  for (const f of block.facts) {
    let cands = byName.get(f.key) ?? [];
    let key = f.key;
    if (!cands.length) {
      const fixes = lookalikeVariants(f.key).filter((v) => byName.has(v));
      if (fixes.length === 1) {
        key = fixes[0];
        cands = byName.get(key)!;
        diagnostics.push(diag('example-key-repaired', 'info', `${label}: key "${f.key}" read as "${key}" (look-alike letters)`, where(f.line)));
      } else {
        diagnostics.push(diag('example-fragment-dropped', 'info', `${label}: key "${f.key}" is not in the schema; line left out`, where(f.line)));
        continue;
      }
    }
    if (f.opens) {
      const slot = choose(cands, true);
      if (slot) opened.push(slot);
      continue;
    }
    const slot = choose(cands, false);
    if (!slot) continue;
    const errs = checkValue(f.value!, slot.schema);
    if (errs.length) {
      diagnostics.push(diag('example-fragment-dropped', 'info', `${label}: "${key}": ${JSON.stringify(f.value)} does not fit the schema (${errs[0]}); line left out`, where(f.line)));
      continue;
    }
    let path = concrete(slot);
    if (get(path) !== undefined) {
      // Already filled: the next element of the innermost array of objects on the path.
      const k = slot.arrays.lastIndexOf(true, slot.names.length - 2);
      if (k < 0) {
        diagnostics.push(diag('example-fragment-dropped', 'info', `${label}: "${key}" printed twice; the repeat is left out`, where(f.line)));
        continue;
      }
      const arrKey = slot.names.slice(0, k + 1).join('.');
      index.set(arrKey, (index.get(arrKey) ?? 0) + 1);
      for (const other of [...index.keys()]) if (other.startsWith(`${arrKey}.`)) index.delete(other);
      path = concrete(slot);
    }
    set(path, f.value!);
    if (!opened.length || !isPrefix(opened[opened.length - 1].names, slot.names)) {
      // The fact tells where we are: its container becomes the current context.
      const parent = slots.find((s) => s.names.join('.') === slot.names.slice(0, -1).join('.'));
      if (parent) opened.push(parent);
    }
    placed++;
  }
  const value = ordered(root, schema);
  const problems = placed ? checkValue(value, schema) : ['no value could be placed'];
  return { value, placed, diagnostics, problems };
}

/** Keys in schema order (the order the manual documents them). */
function ordered(value: JsonValue, schema: SchemaModel): JsonValue {
  if (Array.isArray(value)) return value.map((v) => (schema.items ? ordered(v, schema.items) : v));
  if (value && typeof value === 'object' && schema.properties) {
    const out: Record<string, JsonValue> = {};
    for (const p of schema.properties) if (p.name in value) out[p.name] = ordered(value[p.name], p.schema);
    return out;
  }
  return value;
}
