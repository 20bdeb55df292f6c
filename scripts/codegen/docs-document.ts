/**
 * The OpenAPI document as the docs read it: `$ref`s resolved by @redocly/openapi-core's resolver
 * (the same one lint and the codegen model use; external references are refused, nothing is read
 * from disk or network), the parameters every operation shares, and schemas flattened into field
 * rows (nested, with types) for the Markdown reference.
 */
import type { ResolvedRefMap } from '@redocly/openapi-core';
import type { ApiInfo, OperationInfo } from './model.ts';

type Obj = Record<string, unknown>;

const ROOT = '/refspec/openapi.json';
const MAX_HOPS = 32;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export interface Deref {
  node: Obj | undefined;
  /** The last `$ref` followed (`#/components/schemas/Name`), if any. */
  ref?: string;
  /** A reference that could not be resolved (missing target, external file or URL). */
  unresolved?: string;
}

export class DocsDocument {
  private constructor(
    readonly doc: Obj,
    private readonly refs: ResolvedRefMap,
  ) {}

  static async load(doc: Obj): Promise<DocsDocument> {
    // The copy codegen already loaded (redocly.ts): importing the project's own costs ~1 s of start-up.
    const { redocly: core } = await import('./redocly.ts');
    // No file or URL is ever read for the docs: the document given is the whole input.
    class Refuse extends core.BaseResolver {
      override async loadExternalRef(ref: string): Promise<never> {
        throw new Error(`external reference not followed: ${ref}`);
      }
    }
    let types = core.Oas3_1Types;
    try {
      const spec = core.detectSpec(doc);
      if (spec === 'oas3_0' || spec === 'oas3_1' || spec === 'oas3_2') types = core.getTypes(spec) as typeof types;
    } catch {
      // an unrecognised version string: read it as 3.1
    }
    let refs: ResolvedRefMap = new Map();
    try {
      refs = await core.resolveDocument({
        rootDocument: { source: new core.Source(ROOT, ''), parsed: doc },
        externalRefResolver: new Refuse(),
        rootType: core.normalizeTypes(types).Root,
      });
    } catch {
      // A document the resolver cannot walk: every $ref stays unresolved (shown as such).
    }
    return new DocsDocument(doc, refs);
  }

  /** Follow `$ref` (chains are followed by the resolver). Non-objects give `node: undefined`. */
  deref(value: unknown): Deref {
    let cur = value;
    let ref: string | undefined;
    for (let i = 0; i < MAX_HOPS && isObj(cur) && typeof cur.$ref === 'string'; i++) {
      ref = cur.$ref;
      const hit = this.refs.get(`${ROOT}::${ref}`);
      if (!hit || !hit.resolved) return { node: undefined, ref, unresolved: ref };
      cur = hit.node;
    }
    return { node: isObj(cur) ? cur : undefined, ...(ref ? { ref } : {}) };
  }

  node(value: unknown): Obj | undefined {
    return this.deref(value).node;
  }

  /** The raw operation object of an operation of the codegen model. */
  operation(op: Pick<OperationInfo, 'specPath' | 'method'>): { item: Obj; op: Obj } | undefined {
    const item = this.node(((this.doc.paths ?? {}) as Obj)[op.specPath]);
    const o = item ? this.node(item[op.method.toLowerCase()]) : undefined;
    return item && o ? { item, op: o } : undefined;
  }
}

/** Name of a component from its reference (`#/components/schemas/A~1B` → `A/B`). */
export function refName(ref: string | undefined): string | undefined {
  const m = ref ? /^#\/components\/[^/]+\/([^/]+)$/.exec(ref) : null;
  return m ? decodeURIComponent(m[1].replace(/~1/g, '/').replace(/~0/g, '~')) : undefined;
}

export interface CommonParam {
  ref: string;
  name: string;
  in: string;
  param: Obj;
  /** Set by the signer (a parameter named by the security scheme), not by the caller. */
  signing: boolean;
}

/**
 * Parameters documented once instead of on every operation: those the signer owns (named by a
 * security scheme's `x-refspec-signing`, or the model's signing parameters), and those every
 * operation references through the same `components/parameters` entry (two operations or more).
 */
export function commonParameters(dd: DocsDocument, api: ApiInfo): CommonParam[] {
  const ops = api.operations.map((o) => dd.operation(o)).filter((x): x is { item: Obj; op: Obj } => !!x);
  const counts = new Map<string, number>();
  for (const { item, op } of ops) {
    const refs = new Set<string>();
    for (const p of [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])]) {
      if (isObj(p) && typeof p.$ref === 'string') refs.add(p.$ref);
    }
    for (const r of refs) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const out: CommonParam[] = [];
  const seen = new Set<string>();
  for (const [ref, n] of counts) {
    const param = dd.node({ $ref: ref });
    if (!param || typeof param.name !== 'string') continue;
    const signing = api.signingParams.has(param.name) && param.in !== 'path';
    if (!signing && !(ops.length >= 2 && n === ops.length)) continue;
    const key = `${String(param.in)}:${param.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ref, name: param.name, in: String(param.in ?? ''), param, signing });
  }
  return out.sort((a, b) => Number(b.signing) - Number(a.signing) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface FieldRow {
  /** `Clusters[].ClusterId`, `Labels.<key>`; empty for the root. */
  path: string;
  type: string;
  required: boolean;
  description?: string;
  /** Valid values (the first few), how many there are, the default. */
  enum?: string[];
  enumCount?: number;
  default?: string;
  /** The field has the structure of one of its ancestors (not expanded again). */
  recursive?: boolean;
  deprecated: boolean;
}

export interface FieldTable {
  rootType: string;
  rows: FieldRow[];
  /** More fields exist than the table lists (row limit reached). */
  truncated: boolean;
}

const MAX_DEPTH = 8;
const MAX_ROWS = 250;
const MAX_VALUES = 12;
const MAX_VISITS = 5000;
const MAX_LABEL = 90;

function types(s: Obj): string[] {
  if (Array.isArray(s.type)) return s.type.map(String);
  if (typeof s.type === 'string') return [s.type];
  if (isObj(s.properties) || isObj(s.additionalProperties)) return ['object'];
  if (isObj(s.items)) return ['array'];
  return [];
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

/** A short type label: `string (date-time)`, `array of Cluster`, `map of string`, `A | B`. */
export function schemaLabel(dd: DocsDocument, value: unknown, depth = 0): string {
  const label = (v: unknown, d: number) => schemaLabel(dd, v, d);
  const { node, ref, unresolved } = dd.deref(value);
  if (unresolved) return `unresolved ${unresolved}`;
  if (!node) return 'any';
  const name = refName(ref);
  if (depth > 3) return name ?? 'object';
  if (node.const !== undefined) return `const ${valueText(node.const)}`;
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[k]) && (node[k] as unknown[]).length) {
      const alts = (node[k] as unknown[]).map((x) => label(x, depth + 1));
      return name ? `${name} (${alts.join(' | ')})` : alts.join(' | ');
    }
  }
  if (Array.isArray(node.allOf) && (node.allOf as unknown[]).length) {
    return name ?? (node.allOf as unknown[]).map((x) => label(x, depth + 1)).join(' & ');
  }
  const ts = types(node);
  const nullable = node.nullable === true || ts.includes('null');
  const base = ts.filter((t) => t !== 'null');
  let text: string;
  if (!base.length) text = name ?? (nullable ? 'null' : 'any');
  else {
    text = base
      .map((t) => {
        if (t === 'array') return `array of ${label(node.items, depth + 1)}`;
        if (t === 'object') {
          if (name) return name;
          if (!isObj(node.properties) && isObj(node.additionalProperties)) return `map of ${label(node.additionalProperties, depth + 1)}`;
          return 'object';
        }
        const fmt = typeof node.format === 'string' ? ` (${node.format})` : '';
        return `${t}${fmt}`;
      })
      .join(' | ');
  }
  const full = nullable && base.length ? `${text} | null` : text;
  return full.length > MAX_LABEL ? `${full.slice(0, MAX_LABEL - 1)}…` : full;
}

/** Field rows of a schema (request body, response body, object parameter). */
export function fieldTable(dd: DocsDocument, schema: unknown): FieldTable {
  const rows: FieldRow[] = [];
  const seenPaths = new Set<string>();
  let truncated = false;
  let visits = 0;

  const facts = (node: Obj): Pick<FieldRow, 'enum' | 'enumCount' | 'default'> => ({
    ...(Array.isArray(node.enum) ? { enum: node.enum.slice(0, MAX_VALUES).map(valueText), enumCount: node.enum.length } : {}),
    ...(node.default !== undefined ? { default: valueText(node.default) } : {}),
  });

  /** Properties of an object schema, allOf branches merged (own properties last win). */
  const propertiesOf = (node: Obj, depth: number): { props: [string, unknown][]; required: Set<string> } => {
    const props = new Map<string, unknown>();
    const required = new Set<string>();
    const visit = (n: Obj | undefined, d: number) => {
      if (!n || d > MAX_DEPTH) return;
      for (const part of Array.isArray(n.allOf) ? (n.allOf as unknown[]) : []) visit(dd.node(part), d + 1);
      if (isObj(n.properties)) for (const [k, v] of Object.entries(n.properties)) props.set(k, v);
      if (Array.isArray(n.required)) for (const r of n.required) required.add(String(r));
    };
    visit(node, depth);
    return { props: [...props.entries()], required };
  };

  const walk = (value: unknown, path: string, depth: number, onPath: Set<Obj>): void => {
    const node = dd.node(value);
    if (!node || depth > MAX_DEPTH || onPath.has(node) || truncated) return;
    // Bounded work however the schemas nest (alternatives of alternatives of shared structures).
    if (++visits > MAX_VISITS) {
      truncated = true;
      return;
    }
    const next = new Set(onPath).add(node);
    const ts = types(node);
    // Alternatives: their object members are listed (each field once) under the same path.
    for (const k of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(node[k])) for (const alt of node[k] as unknown[]) walk(alt, path, depth + 1, next);
    }
    if (ts.includes('array') || (isObj(node.items) && !ts.length)) {
      walk(node.items, `${path}[]`, depth + 1, next);
      return;
    }
    const { props, required } = propertiesOf(node, depth);
    for (const [name, prop] of props) {
      const target = dd.node(prop);
      const p = target ?? {};
      const own = isObj(prop) && typeof prop.description === 'string' ? prop.description : undefined;
      const description = own ?? (typeof p.description === 'string' ? p.description : undefined);
      const row: FieldRow = {
        path: path ? `${path}.${name}` : name,
        type: schemaLabel(dd, prop),
        required: required.has(name),
        ...(description ? { description } : {}),
        ...facts(p),
        ...((target && next.has(target)) || (target && dd.node(target.items) && next.has(dd.node(target.items)!)) ? { recursive: true } : {}),
        deprecated: p.deprecated === true,
      };
      if (seenPaths.has(row.path)) continue;
      if (rows.length >= MAX_ROWS) {
        truncated = true;
        return;
      }
      seenPaths.add(row.path);
      rows.push(row);
      walk(prop, row.path, depth + 1, next);
    }
    if (isObj(node.additionalProperties)) walk(node.additionalProperties, path ? `${path}.<key>` : '<key>', depth + 1, next);
  };

  walk(schema, '', 0, new Set());
  return { rootType: schemaLabel(dd, schema), rows, truncated };
}
