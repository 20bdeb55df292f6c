/**
 * Schema pairs -> a flat list of nodes (root, properties, array items, map values, JSON carried in
 * strings), each with its base and revision side. A node present on one side only is an added or
 * removed property; the walk does not descend into it (one change, not one per nested field).
 */
import { deref, esc, isObject, canonical, unesc } from './pointer.ts';
import type { Json } from './types.ts';

export interface SchemaAt {
  /** The schema with `$ref`s followed. */
  schema: Json;
  /** Where it is declared (the property / items slot), for locations and source lines. */
  pointer: string;
  /** Where the schema object itself is (differs from `pointer` behind a `$ref`). */
  resolved: string;
}

export interface SchemaNode {
  /** Display path below the root: `Data.Items[].Name`; `` for the root itself. */
  path: string;
  depth: number;
  base?: SchemaAt;
  revision?: SchemaAt;
  /** Whether the parent object lists it in `required` (true for roots and array items). */
  requiredBase: boolean;
  requiredRevision: boolean;
}

interface Child {
  key: string;
  at: SchemaAt;
  required: boolean;
  /** A oneOf / anyOf alternative: compared only when both versions have it. */
  branch?: boolean;
  /** What pairs it with the other version's child, when not `key`. */
  match?: string;
}

/** A name for a oneOf / anyOf alternative: the component it refers to (directly or via allOf), or its title. */
function branchName(m: unknown): string | undefined {
  if (!isObject(m)) return undefined;
  const refName = (x: unknown) => (isObject(x) && typeof x.$ref === 'string' && x.$ref.startsWith('#/') ? unesc(x.$ref.slice(x.$ref.lastIndexOf('/') + 1)) : undefined);
  const own = refName(m);
  if (own) return own;
  if (Array.isArray(m.allOf)) {
    const names = m.allOf.map(refName).filter((n): n is string => !!n);
    if (names.length) return names.join('+');
  }
  return typeof m.title === 'string' && m.title ? m.title : undefined;
}

export function schemaAt(doc: Json, node: unknown, pointer: string): SchemaAt | undefined {
  const r = deref(doc, node, pointer);
  return r ? { schema: r.node, pointer, resolved: r.pointer } : undefined;
}

/**
 * Child slots of a schema: properties (incl. allOf members), oneOf / anyOf alternatives, items,
 * map values, contentSchema.
 */
function children(doc: Json, at: SchemaAt): Child[] {
  let s = at.schema;
  let p = at.resolved;
  // Alibaba "JSON string" parameters: the structure lives in contentSchema.
  if (isObject(s.contentSchema)) {
    const c = schemaAt(doc, s.contentSchema, `${p}/contentSchema`);
    if (c) {
      s = c.schema;
      p = c.resolved;
    }
  }
  const out: Child[] = [];
  const addProps = (obj: Json, ptr: string) => {
    const required = Array.isArray(obj.required) ? (obj.required as unknown[]) : [];
    if (isObject(obj.properties)) {
      for (const [name, prop] of Object.entries(obj.properties)) {
        const cp = `${ptr}/properties/${esc(name)}`;
        const c = schemaAt(doc, prop, cp);
        if (c) out.push({ key: `.${name}`, at: c, required: required.includes(name) });
      }
    }
  };
  addProps(s, p);
  if (Array.isArray(s.allOf)) {
    s.allOf.forEach((m, i) => {
      const r = deref(doc, m, `${p}/allOf/${i}`);
      if (r) addProps(r.node, r.pointer);
    });
  }
  // oneOf / anyOf alternatives: one child each, named by the component a branch refers to
  // (`oneOf[Dog]`) or its title; unnamed ones by position (`anyOf[1]`), paired only when both
  // versions list as many alternatives (an insertion would otherwise pair unrelated branches).
  // Alternatives are not properties: one present in one version only is not reported (walkSchemas).
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const list = s[kw];
    // alternatives that only list values are compared as the schema's enum (enumOf)
    if (!Array.isArray(list) || enumOf(s) !== undefined) continue;
    list.forEach((m, i) => {
      const c = schemaAt(doc, m, `${p}/${kw}/${i}`);
      if (!c) return;
      const name = branchName(m);
      out.push(name ? { key: `.${kw}[${name}]`, at: c, required: true, branch: true } : { key: `.${kw}[${i}]`, match: `.${kw}#${i}/${list.length}`, at: c, required: true, branch: true });
    });
  }
  if (s.items !== undefined) {
    const c = schemaAt(doc, s.items, `${p}/items`);
    if (c) out.push({ key: '[]', at: c, required: true });
  }
  if (isObject(s.additionalProperties)) {
    const c = schemaAt(doc, s.additionalProperties, `${p}/additionalProperties`);
    if (c) out.push({ key: '{}', at: c, required: true });
  }
  return out;
}

function joinPath(path: string, key: string): string {
  if (!path) return key.startsWith('.') ? key.slice(1) : key;
  return `${path}${key}`;
}

/** Walk two schemas side by side. Cycles (recursive schemas) are visited once. */
export function walkSchemas(
  baseDoc: Json,
  revDoc: Json,
  base: SchemaAt | undefined,
  revision: SchemaAt | undefined,
  rootPath = '',
): SchemaNode[] {
  const out: SchemaNode[] = [];
  // Pairs on the current path from the root: a pair met again below itself is a recursive schema.
  const ancestors: string[] = [];
  const visit = (b: SchemaAt | undefined, r: SchemaAt | undefined, path: string, depth: number, rb: boolean, rr: boolean) => {
    out.push({ path, depth, base: b, revision: r, requiredBase: rb, requiredRevision: rr });
    if (!b || !r) return;
    const key = `${identity(b)}|${identity(r)}`;
    if (ancestors.includes(key) || depth > 32) return;
    ancestors.push(key);
    const bc = children(baseDoc, b);
    const rc = children(revDoc, r);
    const rmap = new Map(rc.map((c) => [c.match ?? c.key, c]));
    const bkeys = new Set(bc.map((c) => c.match ?? c.key));
    for (const c of bc) {
      const other = rmap.get(c.match ?? c.key);
      if (c.branch && !other) continue;
      visit(c.at, other?.at, joinPath(path, c.key), depth + 1, c.required, other?.required ?? false);
    }
    for (const c of rc) {
      if (!bkeys.has(c.match ?? c.key) && !c.branch) visit(undefined, c.at, joinPath(path, c.key), depth + 1, false, c.required);
    }
    ancestors.pop();
  };
  visit(base, revision, rootPath, 0, true, true);
  return out;
}

/** Identity of a schema object for cycle detection (the object itself, as a number). */
const ids = new WeakMap<object, number>();
let nextId = 1;
function identity(at: SchemaAt): number {
  let id = ids.get(at.schema);
  if (id === undefined) {
    id = nextId++;
    ids.set(at.schema, id);
  }
  return id;
}

/**
 * `string`, `integer`, `string|null` … or undefined when the schema does not say. OpenAPI 3.0's
 * `nullable: true` reads as 3.1's `type: [..., "null"]`, so a 3.0 -> 3.1 migration is no change.
 */
export function typeOf(s: Json): string | undefined {
  const t = s.type;
  if (typeof t === 'string' && s.nullable !== true) return t;
  const types = Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : isObject(s.properties) ? ['object'] : s.items !== undefined ? ['array'] : [];
  if (!types.length) return undefined;
  if (s.nullable === true && !types.includes('null')) types.push('null');
  return [...new Set(types)].sort().join('|');
}

/**
 * The enumerated values (`enum`, or inline alternatives that each list values). A `const` of the
 * schema itself is deliberately not an enum here: generated clients fill constants
 * themselves (Alibaba `Action`, `Version`), so a new constant is not something callers send wrong;
 * a new API version is reported once by `api-version-changed`.
 */
export function enumOf(s: Json): unknown[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  // Values listed as alternatives (`oneOf: [{enum: [a]}, {const: b}]`, inline) are an enum too.
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const list = s[kw];
    if (!Array.isArray(list) || !list.length) continue;
    const values: unknown[] = [];
    for (const m of list) {
      if (!isObject(m) || m.$ref !== undefined) return undefined;
      if (Array.isArray(m.enum)) values.push(...m.enum);
      else if (m.const !== undefined) values.push(m.const);
      else return undefined;
    }
    const seen = new Set<string>();
    return values.filter((v) => !seen.has(canonical(v)) && !!seen.add(canonical(v)));
  }
  return undefined;
}

/** Alternatives whose values enumOf cannot list (refs, objects): the schema's enum is unknown. */
export function opaqueAlternatives(s: Json): boolean {
  return (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) && enumOf(s) === undefined;
}

/** The schema with every local `$ref` inlined (cycles cut), as canonical JSON. */
export function resolvedCanonical(doc: Json, node: unknown, depth = 0, stack: unknown[] = []): string {
  if (depth > 24) return '"…"';
  if (Array.isArray(node)) return `[${node.map((n) => resolvedCanonical(doc, n, depth + 1, stack)).join(',')}]`;
  if (!isObject(node)) return canonical(node);
  let n: Json = node;
  if (typeof n.$ref === 'string') {
    const r = deref(doc, n, '#');
    if (!r) return canonical(n);
    if (stack.includes(r.node)) return `{"$cycle":${JSON.stringify(r.pointer)}}`;
    n = r.node;
  }
  const next = [...stack, n];
  const keys = Object.keys(n).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${resolvedCanonical(doc, n[k], depth + 1, next)}`).join(',')}}`;
}
