/**
 * The manuals' sample requests, seen from the generated builders: decode a sample's printed
 * parameters into typed builder input, and compare what a builder produced with the sample
 * (operation parameters only, canonical order). Used by the Markdown docs ("the same request with
 * the builder") and by the round-trip tests.
 */
import type { OperationInfo, ParamInfo, RequestSample } from './model.ts';
import { RPC_SIGNING_PARAMS } from './model.ts';
import { inputParams } from './builders.ts';

type Obj = Record<string, unknown>;

export interface DecodedSample {
  input: Record<string, unknown>;
  /** Sample parameters that name no parameter of the operation. */
  unknown: string[];
  /** Parameters printed more than once (the first value is used). */
  duplicates: string[];
}

function typeOf(schema: Obj | undefined): string | undefined {
  if (!schema) return undefined;
  const t = schema.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined);
}

function scalar(schema: Obj | undefined, value: string): unknown {
  const t = typeOf(schema);
  if ((t === 'integer' || t === 'number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.trim())) return Number(value);
  if (t === 'boolean' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return value;
}

/** Rebuild `Name.1.Key=v` pairs into arrays / objects (indices are 1-based). */
function unflatten(entries: [string[], string][], itemSchema: Obj | undefined): unknown {
  const isIndex = entries.every(([path]) => /^\d+$/.test(path[0] ?? ''));
  if (entries.length === 1 && entries[0][0].length === 0) return scalar(itemSchema, entries[0][1]);
  const groups = new Map<string, [string[], string][]>();
  for (const [path, v] of entries) {
    const head = path[0] ?? '';
    groups.set(head, [...(groups.get(head) ?? []), [path.slice(1), v]]);
  }
  if (isIndex) {
    const keys = [...groups.keys()].sort((a, b) => Number(a) - Number(b));
    const items = (itemSchema?.items as Obj | undefined) ?? undefined;
    return keys.map((k) => unflatten(groups.get(k)!, items ?? itemSchema));
  }
  const out: Obj = {};
  const props = (itemSchema?.properties ?? {}) as Obj;
  for (const [k, g] of groups) out[k] = unflatten(g, props[k] as Obj | undefined);
  return out;
}

export function decodeRpcSample(op: OperationInfo, sample: RequestSample, signingParams: Set<string> = RPC_SIGNING_PARAMS): DecodedSample {
  const params = new Map(op.params.map((p) => [p.name, p]));
  const input: Record<string, unknown> = {};
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const nested = new Map<string, [string[], string][]>();
  for (const { name, value } of sample.parameters ?? []) {
    if (signingParams.has(name)) continue;
    const p = params.get(name);
    if (p) {
      if (seen.has(name)) {
        duplicates.push(name);
        continue;
      }
      seen.add(name);
      if (p.const !== undefined) continue;
      // defineProperty: a parameter the manual calls `__proto__` is kept as a key, not as a prototype.
      Object.defineProperty(input, name, { value: decodeValue(p, value), enumerable: true, writable: true, configurable: true });
      continue;
    }
    const dot = name.indexOf('.');
    const head = dot > 0 ? name.slice(0, dot) : '';
    if (head && params.has(head)) {
      nested.set(head, [...(nested.get(head) ?? []), [name.slice(dot + 1).split('.'), value]]);
      continue;
    }
    unknown.push(name);
  }
  for (const [head, entries] of nested) {
    const p = params.get(head)!;
    input[head] = unflatten(entries, p.schema.type === 'array' ? p.schema : p.schema);
  }
  return { input, unknown, duplicates };
}

function decodeValue(p: ParamInfo, value: string): unknown {
  if (p.style === 'json') {
    try {
      return JSON.parse(value);
    } catch {
      return value; // printed JSON that does not parse is passed through verbatim
    }
  }
  return scalar(p.schema, value);
}

export type Verdict = 'exact' | 'equivalent' | 'different';

export interface ParamComparison {
  name: string;
  sample?: string;
  built?: string;
  verdict: Verdict;
}

function canonicalJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), (_, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    );
  } catch {
    return undefined;
  }
}

/** Same value on the wire, up to number formatting (100 vs 100.0) and JSON whitespace / key order. */
export function sameValue(sample: string, built: string): Verdict {
  if (sample === built) return 'exact';
  if (/^-?\d+(\.\d+)?$/.test(sample) && /^-?\d+(\.\d+)?$/.test(built) && Number(sample) === Number(built)) return 'equivalent';
  const a = canonicalJson(sample);
  if (a !== undefined && a === canonicalJson(built)) return 'equivalent';
  return 'different';
}

/**
 * Compare the operation parameters of a built query with a sample's. Signing / common
 * parameters the sample does not print are ignored; order does not matter (both are sorted).
 */
export function compareRpc(
  sample: { name: string; value: string }[],
  built: [string, string][],
  ignore: Set<string>,
): ParamComparison[] {
  const first = new Map<string, string>();
  for (const { name, value } of sample) if (!first.has(name)) first.set(name, value);
  const got = new Map<string, string>();
  for (const [k, v] of built) if (!ignore.has(k) && !got.has(k)) got.set(k, v);
  const names = [...new Set([...first.keys(), ...got.keys()])].filter((n) => !ignore.has(n) || first.has(n)).sort();
  return names.map((name) => {
    const s = first.get(name);
    const b = got.get(name);
    const verdict: Verdict = s === undefined || b === undefined ? 'different' : sameValue(s, b);
    return { name, ...(s !== undefined ? { sample: s } : {}), ...(b !== undefined ? { built: b } : {}), verdict };
  });
}

/** Input for a builder from a decoded RPC sample, keeping only the caller's parameters. */
export function builderInputText(op: OperationInfo, decoded: DecodedSample): string | undefined {
  const names = new Set(inputParams(op).map((p) => p.name));
  const obj = Object.fromEntries(Object.entries(decoded.input).filter(([k]) => names.has(k)));
  // In an object literal `"__proto__": v` sets the prototype; the computed key makes it a property.
  return Object.keys(obj).length ? JSON.stringify(obj, null, 2).replace(/^(\s*)"__proto__":/gm, '$1["__proto__"]:') : undefined;
}
