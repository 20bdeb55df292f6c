/**
 * Structural diff: two OpenAPI documents -> what was added, removed and modified per operation,
 * parameter, request body, response, schema property, security scheme and server. `$ref`s are
 * followed inside each document, so renaming a component is not a change; operations are matched
 * by operationId first and by method + path second, so a renamed or moved operation is one
 * modified operation, not a removal plus an addition.
 */
import { canonical, deref, isObject, join } from './pointer.ts';
import { resolvedCanonical, schemaAt, walkSchemas, type SchemaAt, type SchemaNode } from './schema.ts';
import type { Json, SpecInput } from './types.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OpView {
  method: string;
  path: string;
  operationId?: string;
  /** operationId, or `GET /path` when there is none. */
  name: string;
  node: Json;
  pointer: string;
  deprecated: boolean;
}

export interface ParamView {
  /** `query:Name` */
  key: string;
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  node: Json;
  /** Where the parameter object is (after following a `$ref` to components/parameters). */
  pointer: string;
  schema?: SchemaAt;
  /** How the value goes on the wire: x-refspec-serialization, else style/explode. */
  serialization: string;
}

export interface ParamPair {
  base: ParamView;
  revision: ParamView;
  /** The parameter's schema, walked: root plus nested properties (JSON / object parameters). */
  nodes: SchemaNode[];
}

export interface MediaPair {
  mediaType: string;
  nodes: SchemaNode[];
}

export interface BodyView {
  pointer: string;
  required: boolean;
  media: Map<string, SchemaAt | undefined>;
}

export interface BodyDiff {
  base?: BodyView;
  revision?: BodyView;
  mediaAdded: string[];
  mediaRemoved: string[];
  /** One walked schema pair per distinct schema among the media types both sides have. */
  schemas: MediaPair[];
}

export interface ResponseView {
  status: string;
  pointer: string;
  node: Json;
  media: Map<string, SchemaAt | undefined>;
  headers: Map<string, { name: string; pointer: string; node: Json; required: boolean; schema?: SchemaAt }>;
}

export interface ResponsePair {
  status: string;
  base: ResponseView;
  revision: ResponseView;
  mediaAdded: string[];
  mediaRemoved: string[];
  schemas: MediaPair[];
  headersAdded: string[];
  headersRemoved: string[];
}

export interface OperationDiff {
  base: OpView;
  revision: OpView;
  params: {
    added: ParamView[];
    removed: ParamView[];
    both: ParamPair[];
    /** Same location and description and schema, different name. */
    renamed: ParamPair[];
    /** Same name, different location (`in`). */
    moved: ParamPair[];
  };
  body: BodyDiff;
  responses: { added: ResponseView[]; removed: ResponseView[]; both: ResponsePair[] };
  /** Effective security requirements (operation's own, else the document's), normalised. */
  security: { base: string[]; revision: string[]; basePointer: string; revisionPointer: string };
}

export interface NamedAt {
  name: string;
  pointer: string;
  node: Json;
}

export interface SpecDiff {
  base: SpecInput;
  revision: SpecInput;
  operations: { added: OpView[]; removed: OpView[]; both: OperationDiff[] };
  servers: { added: NamedAt[]; removed: NamedAt[] };
  securitySchemes: { added: NamedAt[]; removed: NamedAt[]; both: { base: NamedAt; revision: NamedAt }[] };
  /** components/schemas that only changed name (same resolved content): generated type names change. */
  schemaRenames: { base: NamedAt; revision: NamedAt }[];
}

// ---------------------------------------------------------------------------------------------

export function collectOperations(doc: Json): OpView[] {
  const out: OpView[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem, join('#/paths', path));
    if (!item) continue;
    for (const method of METHODS) {
      const op = item.node[method];
      if (!isObject(op)) continue;
      const operationId = typeof op.operationId === 'string' ? op.operationId : undefined;
      out.push({
        method,
        path,
        operationId,
        name: operationId ?? `${method.toUpperCase()} ${path}`,
        node: op,
        pointer: join(item.pointer, method),
        deprecated: op.deprecated === true,
      });
    }
  }
  return out;
}

function pathItemOf(doc: Json, op: OpView): Json | undefined {
  const paths = isObject(doc.paths) ? doc.paths : {};
  return deref(doc, paths[op.path], join('#/paths', op.path))?.node;
}

export function collectParameters(doc: Json, op: OpView): Map<string, ParamView> {
  const out = new Map<string, ParamView>();
  const add = (list: unknown, pointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const r = deref(doc, raw, `${pointer}/${i}`);
      if (!r || typeof r.node.name !== 'string' || typeof r.node.in !== 'string') return;
      const p = r.node;
      const key = `${p.in}:${p.name}`;
      const style = typeof p.style === 'string' ? p.style : '';
      const explode = typeof p.explode === 'boolean' ? String(p.explode) : '';
      const serialization =
        typeof p['x-refspec-serialization'] === 'string' ? (p['x-refspec-serialization'] as string) : style || explode ? `${style}/${explode}` : '';
      out.set(key, {
        key,
        name: p.name as string,
        in: p.in as string,
        required: p.required === true || p.in === 'path',
        deprecated: p.deprecated === true,
        node: p,
        pointer: r.pointer,
        schema: p.schema !== undefined ? schemaAt(doc, p.schema, `${r.pointer}/schema`) : undefined,
        serialization,
      });
    });
  };
  const item = pathItemOf(doc, op);
  if (item) add(item.parameters, join('#/paths', op.path, 'parameters'));
  add(op.node.parameters, `${op.pointer}/parameters`); // operation parameters override path-level ones
  return out;
}

function mediaOf(doc: Json, content: unknown, pointer: string): Map<string, SchemaAt | undefined> {
  const out = new Map<string, SchemaAt | undefined>();
  if (!isObject(content)) return out;
  for (const [type, media] of Object.entries(content)) {
    const m = isObject(media) ? media : {};
    out.set(type, m.schema !== undefined ? schemaAt(doc, m.schema, join(pointer, type, 'schema')) : undefined);
  }
  return out;
}

function bodyOf(doc: Json, op: OpView): BodyView | undefined {
  if (op.node.requestBody === undefined) return undefined;
  const r = deref(doc, op.node.requestBody, `${op.pointer}/requestBody`);
  if (!r) return undefined;
  return { pointer: r.pointer, required: r.node.required === true, media: mediaOf(doc, r.node.content, `${r.pointer}/content`) };
}

function responsesOf(doc: Json, op: OpView): Map<string, ResponseView> {
  const out = new Map<string, ResponseView>();
  const responses = isObject(op.node.responses) ? op.node.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    const r = deref(doc, raw, join(`${op.pointer}/responses`, status));
    if (!r) continue;
    const headers = new Map<string, { name: string; pointer: string; node: Json; required: boolean; schema?: SchemaAt }>();
    if (isObject(r.node.headers)) {
      for (const [name, h] of Object.entries(r.node.headers)) {
        const hr = deref(doc, h, join(`${r.pointer}/headers`, name));
        if (!hr) continue;
        const schema = hr.node.schema !== undefined ? schemaAt(doc, hr.node.schema, `${hr.pointer}/schema`) : undefined;
        headers.set(name.toLowerCase(), { name, pointer: hr.pointer, node: hr.node, required: hr.node.required === true, schema });
      }
    }
    out.set(status, { status, pointer: r.pointer, node: r.node, media: mediaOf(doc, r.node.content, `${r.pointer}/content`), headers });
  }
  return out;
}

/** JSON media types first, so locations point at the JSON schema when XML shares it. */
function mediaOrder(a: string, b: string): number {
  const j = (t: string) => (/json/i.test(t) ? 0 : 1);
  return j(a) - j(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function mediaPairs(
  baseDoc: Json,
  revDoc: Json,
  b: Map<string, SchemaAt | undefined>,
  r: Map<string, SchemaAt | undefined>,
  rootPath: string,
): { added: string[]; removed: string[]; schemas: MediaPair[] } {
  const added = [...r.keys()].filter((k) => !b.has(k)).sort(mediaOrder);
  const removed = [...b.keys()].filter((k) => !r.has(k)).sort(mediaOrder);
  const schemas: MediaPair[] = [];
  const seen = new Set<string>();
  for (const type of [...b.keys()].filter((k) => r.has(k)).sort(mediaOrder)) {
    const bs = b.get(type);
    const rs = r.get(type);
    if (!bs && !rs) continue;
    // The same schema pair under JSON and XML is walked once.
    const key = `${bs ? canonical(bs.schema) : '-'}|${rs ? canonical(rs.schema) : '-'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    schemas.push({ mediaType: type, nodes: walkSchemas(baseDoc, revDoc, bs, rs, rootPath) });
  }
  return { added, removed, schemas };
}

function normaliseSecurity(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .map((alt) =>
      Object.entries(alt)
        .map(([name, scopes]) => (Array.isArray(scopes) && scopes.length ? `${name}[${[...scopes].map(String).sort().join(',')}]` : name))
        .sort()
        .join(' + ') || '(none)',
    )
    .sort();
}

function securityOf(doc: Json, op: OpView): { list: string[]; pointer: string } {
  if (op.node.security !== undefined) return { list: normaliseSecurity(op.node.security), pointer: `${op.pointer}/security` };
  return { list: normaliseSecurity(doc.security), pointer: '#/security' };
}

/** Pairs a removed and an added parameter as a rename when nothing but the name changed. */
function findRenames(
  baseDoc: Json,
  revDoc: Json,
  removed: ParamView[],
  added: ParamView[],
): { pairs: [ParamView, ParamView][]; removed: ParamView[]; added: ParamView[] } {
  const sig = (doc: Json, p: ParamView) =>
    typeof p.node.description === 'string' && p.node.description.trim()
      ? `${p.in}|${p.required}|${p.node.description.trim()}|${resolvedCanonical(doc, p.node.schema)}`
      : undefined;
  const bySig = (doc: Json, list: ParamView[]) => {
    const m = new Map<string, ParamView[]>();
    for (const p of list) {
      const s = sig(doc, p);
      if (s) m.set(s, [...(m.get(s) ?? []), p]);
    }
    return m;
  };
  const rs = bySig(baseDoc, removed);
  const as = bySig(revDoc, added);
  const pairs: [ParamView, ParamView][] = [];
  for (const [s, list] of rs) {
    const other = as.get(s);
    if (list.length === 1 && other?.length === 1) pairs.push([list[0], other[0]]);
  }
  const used = new Set(pairs.flat());
  return { pairs, removed: removed.filter((p) => !used.has(p)), added: added.filter((p) => !used.has(p)) };
}

function diffOperation(base: SpecInput, revision: SpecInput, b: OpView, r: OpView): OperationDiff {
  const bd = base.spec;
  const rd = revision.spec;
  // parameters
  const bp = collectParameters(bd, b);
  const rp = collectParameters(rd, r);
  const both: ParamPair[] = [];
  let removed: ParamView[] = [];
  let added: ParamView[] = [];
  const walkParam = (x: ParamView, y: ParamView) => walkSchemas(bd, rd, x.schema, y.schema, y.name);
  for (const [k, p] of bp) {
    const q = rp.get(k);
    if (q) both.push({ base: p, revision: q, nodes: walkParam(p, q) });
    else removed.push(p);
  }
  for (const [k, q] of rp) if (!bp.has(k)) added.push(q);
  const ren = findRenames(bd, rd, removed, added);
  removed = ren.removed;
  added = ren.added;
  const renamed = ren.pairs.map(([x, y]) => ({ base: x, revision: y, nodes: [] }));
  const moved: ParamPair[] = [];
  for (const x of [...removed]) {
    const y = added.find((q) => q.name === x.name);
    if (!y) continue;
    moved.push({ base: x, revision: y, nodes: walkParam(x, y) });
    removed = removed.filter((q) => q !== x);
    added = added.filter((q) => q !== y);
  }

  // request body
  const bb = bodyOf(bd, b);
  const rb = bodyOf(rd, r);
  const bm = mediaPairs(bd, rd, bb?.media ?? new Map(), rb?.media ?? new Map(), '');
  const body: BodyDiff = { base: bb, revision: rb, mediaAdded: bm.added, mediaRemoved: bm.removed, schemas: bb && rb ? bm.schemas : [] };

  // responses
  const brs = responsesOf(bd, b);
  const rrs = responsesOf(rd, r);
  const responses: OperationDiff['responses'] = { added: [], removed: [], both: [] };
  for (const [status, x] of brs) {
    const y = rrs.get(status);
    if (!y) {
      responses.removed.push(x);
      continue;
    }
    const m = mediaPairs(bd, rd, x.media, y.media, '');
    responses.both.push({
      status,
      base: x,
      revision: y,
      mediaAdded: m.added,
      mediaRemoved: m.removed,
      schemas: m.schemas,
      headersAdded: [...y.headers.keys()].filter((h) => !x.headers.has(h)).sort(),
      headersRemoved: [...x.headers.keys()].filter((h) => !y.headers.has(h)).sort(),
    });
  }
  for (const [status, y] of rrs) if (!brs.has(status)) responses.added.push(y);

  const bs = securityOf(bd, b);
  const rs = securityOf(rd, r);
  return {
    base: b,
    revision: r,
    params: { added, removed, both, renamed, moved },
    body,
    responses,
    security: { base: bs.list, revision: rs.list, basePointer: bs.pointer, revisionPointer: rs.pointer },
  };
}

function matchOperations(base: OpView[], revision: OpView[]): { pairs: [OpView, OpView][]; removed: OpView[]; added: OpView[] } {
  const pairs: [OpView, OpView][] = [];
  const usedB = new Set<OpView>();
  const usedR = new Set<OpView>();
  const byId = new Map<string, OpView>();
  for (const r of revision) if (r.operationId && !byId.has(r.operationId)) byId.set(r.operationId, r);
  for (const b of base) {
    const r = b.operationId ? byId.get(b.operationId) : undefined;
    if (r && !usedR.has(r)) {
      pairs.push([b, r]);
      usedB.add(b);
      usedR.add(r);
    }
  }
  const byRoute = new Map<string, OpView>();
  for (const r of revision) if (!usedR.has(r)) byRoute.set(`${r.method} ${r.path}`, r);
  for (const b of base) {
    if (usedB.has(b)) continue;
    const r = byRoute.get(`${b.method} ${b.path}`);
    if (r && !usedR.has(r)) {
      pairs.push([b, r]);
      usedB.add(b);
      usedR.add(r);
    }
  }
  return { pairs, removed: base.filter((b) => !usedB.has(b)), added: revision.filter((r) => !usedR.has(r)) };
}

function namedMap(obj: unknown, pointer: string, doc: Json): Map<string, NamedAt> {
  const out = new Map<string, NamedAt>();
  if (!isObject(obj)) return out;
  for (const [name, raw] of Object.entries(obj)) {
    const r = deref(doc, raw, join(pointer, name));
    if (r) out.set(name, { name, pointer: join(pointer, name), node: r.node });
  }
  return out;
}

function serversOf(doc: Json): Map<string, NamedAt> {
  const out = new Map<string, NamedAt>();
  if (!Array.isArray(doc.servers)) return out;
  doc.servers.forEach((s, i) => {
    if (isObject(s) && typeof s.url === 'string' && !out.has(s.url)) out.set(s.url, { name: s.url, pointer: `#/servers/${i}`, node: s });
  });
  return out;
}

function splitMaps<T>(b: Map<string, T>, r: Map<string, T>): { added: T[]; removed: T[]; both: { base: T; revision: T }[] } {
  const added: T[] = [];
  const removed: T[] = [];
  const both: { base: T; revision: T }[] = [];
  for (const [k, v] of b) {
    const w = r.get(k);
    if (w === undefined) removed.push(v);
    else both.push({ base: v, revision: w });
  }
  for (const [k, w] of r) if (!b.has(k)) added.push(w);
  return { added, removed, both };
}

function schemaRenames(base: Json, revision: Json): { base: NamedAt; revision: NamedAt }[] {
  const schemasOf = (d: Json) => namedMap(isObject(d.components) ? d.components.schemas : undefined, '#/components/schemas', d);
  const { added, removed } = splitMaps(schemasOf(base), schemasOf(revision));
  if (!added.length || !removed.length) return [];
  const key = (d: Json, n: NamedAt) => resolvedCanonical(d, n.node);
  const addedByKey = new Map<string, NamedAt[]>();
  for (const a of added) {
    const k = key(revision, a);
    addedByKey.set(k, [...(addedByKey.get(k) ?? []), a]);
  }
  const removedByKey = new Map<string, NamedAt[]>();
  for (const r of removed) {
    const k = key(base, r);
    removedByKey.set(k, [...(removedByKey.get(k) ?? []), r]);
  }
  const out: { base: NamedAt; revision: NamedAt }[] = [];
  for (const [k, rs] of removedByKey) {
    const as = addedByKey.get(k);
    if (rs.length === 1 && as?.length === 1) out.push({ base: rs[0], revision: as[0] });
  }
  return out;
}

export function structuralDiff(base: SpecInput, revision: SpecInput): SpecDiff {
  const m = matchOperations(collectOperations(base.spec), collectOperations(revision.spec));
  const schemesOf = (d: Json) => namedMap(isObject(d.components) ? d.components.securitySchemes : undefined, '#/components/securitySchemes', d);
  const servers = splitMaps(serversOf(base.spec), serversOf(revision.spec));
  return {
    base,
    revision,
    operations: { added: m.added, removed: m.removed, both: m.pairs.map(([b, r]) => diffOperation(base, revision, b, r)) },
    servers: { added: servers.added, removed: servers.removed },
    securitySchemes: splitMaps(schemesOf(base.spec), schemesOf(revision.spec)),
    schemaRenames: schemaRenames(base.spec, revision.spec),
  };
}

