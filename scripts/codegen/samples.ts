/**
 * The manuals' sample requests, seen from the generated builders: decode a sample's printed
 * parameters into typed builder input, and compare what a builder produced with the sample
 * (operation parameters only, canonical order). Used by the Markdown docs ("the same request with
 * the builder") and by the round-trip tests.
 */
import type { OperationInfo, ParamInfo, RequestSample } from './model.ts';
import { RPC_SIGNING_PARAMS } from './model.ts';
import { inputParams } from './builders.ts';
import { stringLiteral } from './escape.ts';
import { IDENTIFIER } from './names.ts';

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
  const keys = new Map(inputParams(op).map((p) => [p.name, p.key]));
  const obj = Object.fromEntries(Object.entries(decoded.input).flatMap(([k, v]) => (keys.has(k) ? [[keys.get(k)!, v]] : [])));
  return Object.keys(obj).length ? tsLiteral(obj) : undefined;
}

/**
 * A TypeScript literal for plain data: identifiers unquoted, strings JSON-escaped, and a key
 * spelled `__proto__` written as a computed key (in an object literal `__proto__: v` would set
 * the prototype instead of a property).
 */
export function tsLiteral(value: unknown, indent = ''): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return stringLiteral(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Obj).filter(([, v]) => v !== undefined);
  if (!entries.length) return '{}';
  const key = (k: string) => (k === '__proto__' ? '["__proto__"]' : IDENTIFIER.test(k) ? k : stringLiteral(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${tsLiteral(v, inner)},`).join('\n')}\n${indent}}`;
}

// ---------------------------------------------------------------------------------------------
// Builder examples from the spec: every required input filled, every value of the input's type.

export interface ExampleSources {
  /** Follows `$ref` (the docs' resolver); without one, a `$ref` counts as unknown. */
  deref?: (value: unknown) => Obj | undefined;
}

const MAX_EXAMPLE_DEPTH = 10;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function schemaTypes(s: Obj): string[] {
  if (Array.isArray(s.type)) return s.type.map(String);
  if (typeof s.type === 'string') return [s.type];
  return [];
}

function sameValue_(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Does a value have the TypeScript type the generated code gives this schema (schemaType /
 * openapi-typescript)? const and enum are literal types, objects with `properties` and no
 * `additionalProperties` reject unknown keys (excess property check), required keys must be there.
 */
export function fitsSchema(value: unknown, schema: unknown, src: ExampleSources = {}, depth = 0): boolean {
  const s = isObj(schema) && typeof schema.$ref === 'string' ? src.deref?.(schema) : (schema as Obj | undefined);
  // No schema, or a reference that cannot be followed: the type is unknown and takes anything.
  if (!isObj(s)) return value !== undefined;
  if (depth > MAX_EXAMPLE_DEPTH * 2) return true;
  if (value === undefined) return false;
  if (s.const !== undefined) return sameValue_(value, s.const);
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.some((e) => sameValue_(e, value));
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[k]) && (s[k] as unknown[]).length) return (s[k] as unknown[]).some((alt) => fitsSchema(value, alt, src, depth + 1));
  }
  if (Array.isArray(s.allOf) && (s.allOf as unknown[]).length) {
    const merged = mergeAllOf(s, src, depth);
    return fitsSchema(value, merged, src, depth + 1);
  }
  const types = schemaTypes(s);
  if (value === null) return types.includes('null') || s.nullable === true || !types.length;
  const objectLike = isObj(s.properties) || isObj(s.additionalProperties);
  if (!types.length && !objectLike && !isObj(s.items)) return true;
  const ok = (t: string): boolean => {
    switch (t) {
      case 'string':
        return typeof value === 'string';
      case 'integer':
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'array':
        return Array.isArray(value) && value.every((v) => fitsSchema(v, s.items, src, depth + 1));
      case 'object':
        return fitsObject(value, s, src, depth);
      default:
        return false;
    }
  };
  if (!types.length) return objectLike ? fitsObject(value, s, src, depth) : Array.isArray(value) && value.every((v) => fitsSchema(v, s.items, src, depth + 1));
  return types.some(ok);
}

function fitsObject(value: unknown, s: Obj, src: ExampleSources, depth: number): boolean {
  if (!isObj(value)) return false;
  const props = isObj(s.properties) ? s.properties : {};
  const required = Array.isArray(s.required) ? s.required.map(String) : [];
  if (required.some((r) => !Object.prototype.hasOwnProperty.call(value, r) || value[r] === undefined)) return false;
  const extra = s.additionalProperties;
  for (const [k, v] of Object.entries(value)) {
    if (Object.prototype.hasOwnProperty.call(props, k)) {
      if (!fitsSchema(v, props[k], src, depth + 1)) return false;
    } else if (isObj(extra)) {
      if (!fitsSchema(v, extra, src, depth + 1)) return false;
    } else if (extra !== true && Object.keys(props).length) {
      return false;
    }
  }
  return true;
}

function mergeAllOf(s: Obj, src: ExampleSources, depth: number): Obj {
  const properties: Obj = {};
  const required = new Set<string>();
  let additional: unknown;
  const visit = (n: unknown, d: number) => {
    const node = isObj(n) && typeof n.$ref === 'string' ? src.deref?.(n) : (n as Obj | undefined);
    if (!isObj(node) || d > MAX_EXAMPLE_DEPTH * 2) return;
    for (const part of Array.isArray(node.allOf) ? (node.allOf as unknown[]) : []) visit(part, d + 1);
    if (isObj(node.properties)) Object.assign(properties, node.properties);
    if (Array.isArray(node.required)) for (const r of node.required) required.add(String(r));
    if (node.additionalProperties !== undefined) additional = node.additionalProperties;
  };
  visit(s, depth);
  return { type: 'object', properties, required: [...required], ...(additional !== undefined ? { additionalProperties: additional } : {}) };
}

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00',
  email: 'user@example.com',
  uuid: '00000000-0000-0000-0000-000000000000',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'AA==',
};

/**
 * A value for a schema, taken from the document where it offers one that fits (the given hints
 * such as the parameter's example, then the schema's example, examples, default, const, first enum
 * value), otherwise built from the type: objects with their required fields, arrays of one item,
 * strings by format. Always of the schema's TypeScript type (checked with fitsSchema).
 */
export function exampleValue(schema: unknown, src: ExampleSources = {}, hints: unknown[] = [], depth = 0, onPath: Set<Obj> = new Set()): unknown {
  const s = isObj(schema) && typeof schema.$ref === 'string' ? src.deref?.(schema) : (schema as Obj | undefined);
  if (!isObj(s)) return 'string';
  const candidates = [...hints, s.example, ...(Array.isArray(s.examples) ? s.examples : []), s.default, s.const, ...(Array.isArray(s.enum) ? s.enum.slice(0, 1) : [])];
  for (const c of candidates) if (c !== undefined && fitsSchema(c, s, src)) return c;
  if (depth > MAX_EXAMPLE_DEPTH || onPath.has(s)) return undefined;
  const next = new Set(onPath).add(s);
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(s[k])) {
      for (const alt of s[k] as unknown[]) {
        const v = exampleValue(alt, src, [], depth + 1, next);
        if (v !== undefined && fitsSchema(v, s, src)) return v;
      }
    }
  }
  const target = Array.isArray(s.allOf) && (s.allOf as unknown[]).length ? mergeAllOf(s, src, depth) : s;
  const types = schemaTypes(target).filter((t) => t !== 'null');
  const t = types[0] ?? (isObj(target.properties) || isObj(target.additionalProperties) ? 'object' : isObj(target.items) ? 'array' : 'string');
  switch (t) {
    case 'string':
      return FORMAT_SAMPLES[String(target.format)] ?? 'string';
    case 'integer':
    case 'number': {
      const min = typeof target.minimum === 'number' ? target.minimum : typeof target.exclusiveMinimum === 'number' ? target.exclusiveMinimum + 1 : 0;
      return t === 'integer' ? Math.ceil(min) : min;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const item = exampleValue(target.items, src, [], depth + 1, next);
      return item === undefined ? [] : [item];
    }
    default: {
      const out: Obj = {};
      const props = isObj(target.properties) ? target.properties : {};
      for (const r of Array.isArray(target.required) ? target.required.map(String) : []) {
        const v = exampleValue(props[r] ?? target.additionalProperties, src, [], depth + 1, next);
        if (v === undefined) return undefined;
        Object.defineProperty(out, r, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

export interface BuilderExample {
  input: Record<string, unknown>;
  /** Required inputs the sample did not give, filled from the spec. */
  filled: string[];
  /** Sample values that do not have the input's type, replaced by values from the spec. */
  replaced: string[];
}

function inputTypeSchema(p: ParamInfo): Obj | undefined {
  return p.style === 'json' ? p.inputSchema : p.schema;
}

/**
 * Builder input for one operation: the given values (a decoded sample, a body example) where they
 * have the input's type, plus every required input the document can fill. The result always has
 * the builder's input type, so the example compiles even when the sample misses a parameter that
 * a later manual made required.
 */
export function builderExample(op: OperationInfo, given: Record<string, unknown> = {}, src: ExampleSources = {}): BuilderExample {
  const input: Record<string, unknown> = {};
  const filled: string[] = [];
  const replaced: string[] = [];
  const set = (k: string, v: unknown) => Object.defineProperty(input, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const p of inputParams(op)) {
    const has = Object.prototype.hasOwnProperty.call(given, p.name);
    const schema = inputTypeSchema(p);
    // JSON-string parameters also take ready-made JSON text.
    const fits = (v: unknown) => (p.style === 'json' ? typeof v === 'string' || (schema ? fitsSchema(v, schema, src) : true) : fitsSchema(v, schema, src));
    if (has && fits(given[p.name])) {
      set(p.key, given[p.name]);
      continue;
    }
    if (has) replaced.push(p.key);
    if (!p.required && !has) continue;
    const v = schema ? exampleValue(schema, src, [p.example]) : p.example;
    if (v !== undefined && fits(v)) set(p.key, v);
    else if (p.required) set(p.key, p.style === 'json' ? '{}' : exampleValue({ type: 'string' }));
    if (p.required && !has) filled.push(p.key);
  }
  if (op.body) {
    const has = Object.prototype.hasOwnProperty.call(given, 'body');
    if (has && (!op.body.schema || fitsSchema(given.body, op.body.schema, src))) set('body', given.body);
    else {
      if (has) replaced.push('body');
      if (op.body.required || has) {
        const v = op.body.schema ? exampleValue(op.body.schema, src) : {};
        if (v !== undefined) set('body', v);
        if (!has) filled.push('body');
      }
    }
  }
  return { input, filled, replaced };
}
