/**
 * Score a parsed ApiModel against the truth it was rendered from: operations, parameters and
 * fields (by path, so nesting counts), documented type, Required, enum and default, names the parser
 * invented, and the API's identity (title, service code, server host).
 *
 * RPC operations are matched by Action name, REST operations by method + path (their operationIds
 * are the parser's own invention). Request-side fields are scored for Required; response fields are
 * not (manuals do not document it).
 */
import type { ApiModel, OperationModel, SchemaModel } from '../../scripts/model/types.ts';
import type { Api, Field, Operation, TypeRef } from './model.ts';

export interface Count {
  total: number;
  found: number;
  /** Names the parser produced that the truth does not have (at that place). */
  invented: number;
}

export interface Score {
  operations: Count;
  parameters: Count & { typeOk: number; requiredOk: number };
  fields: Count & { typeOk: number; requiredOk: number; requiredTotal: number };
  enums: { total: number; ok: number };
  defaults: { total: number; ok: number };
  meta: { total: number; ok: number };
  /**
   * Operations tagged with their group (RPC: the "List of operations by function" group; REST
   * manuals' chapters are not scored here).
   */
  tags: { total: number; ok: number };
  /** Human-readable misses (capped), for the failure message of a test. */
  problems: string[];
}

const MAX_PROBLEMS = 60;

export function emptyScore(): Score {
  return {
    operations: { total: 0, found: 0, invented: 0 },
    parameters: { total: 0, found: 0, invented: 0, typeOk: 0, requiredOk: 0 },
    fields: { total: 0, found: 0, invented: 0, typeOk: 0, requiredOk: 0, requiredTotal: 0 },
    enums: { total: 0, ok: 0 },
    defaults: { total: 0, ok: 0 },
    meta: { total: 0, ok: 0 },
    tags: { total: 0, ok: 0 },
    problems: [],
  };
}

/** Type class a documented type must end up as: "string", "integer", "array<object>" … */
export function expectedClass(t: TypeRef): string {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'long' ? 'integer' : t.name === 'float' || t.name === 'double' ? 'number' : t.name;
    case 'json':
      return 'string';
    case 'object':
    case 'map':
      return 'object';
    case 'array':
      return t.items ? `array<${expectedClass(t.items)}>` : 'array';
  }
}

function parsedClass(s: SchemaModel | undefined): string {
  if (!s) return 'none';
  const t = s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'none');
  if (t === 'array') return s.items ? `array<${parsedClass(s.items)}>` : 'array';
  return t;
}

/** Does a parsed class satisfy the expected one? A plain "Array" may come back with any items. */
function classOk(expected: string, got: string): boolean {
  if (expected === got) return true;
  if (expected === 'array' && got.startsWith('array')) return true;
  return false;
}

interface Flat {
  schema: SchemaModel;
  required: boolean;
}

/** Every property of a parsed schema by path (same notation as the truth's walkFields). */
function flatten(s: SchemaModel | undefined, prefix: string, out: Map<string, Flat>, depth = 0): void {
  if (!s || depth > 12) return;
  const inner = s.contentSchema ?? s;
  for (const p of inner.properties ?? []) {
    const path = prefix ? `${prefix}.${p.name}` : p.name;
    out.set(path, { schema: p.schema, required: p.required });
    flatten(p.schema, path, out, depth + 1);
  }
  if (inner.items) flatten(inner.items, `${prefix}[]`, out, depth + 1);
  if (inner.additionalProperties && typeof inner.additionalProperties === 'object') flatten(inner.additionalProperties, `${prefix}{}`, out, depth + 1);
}

function truthFields(fields: Field[], prefix: string, out: Map<string, Field>): void {
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    out.set(path, f);
    descend(f.type, path, out);
  }
}

function descend(t: TypeRef, path: string, out: Map<string, Field>): void {
  if (t.kind === 'object') truthFields(t.fields, path, out);
  else if (t.kind === 'array' && t.items) descend(t.items, `${path}[]`, out);
  else if (t.kind === 'map' && t.value) descend(t.value, `${path}{}`, out);
}

function opKey(api: Api, o: Operation): string {
  return api.style === 'rpc' ? o.name : `${o.method.toUpperCase()} ${o.path}`;
}

function modelKey(api: Api, o: OperationModel): string {
  return api.style === 'rpc' ? o.operationId : `${o.method.toUpperCase()} ${o.path}`;
}

export function scoreModel(api: Api, model: ApiModel, score: Score = emptyScore()): Score {
  const problem = (s: string) => {
    if (score.problems.length < MAX_PROBLEMS) score.problems.push(`seed ${api.seed}: ${s}`);
  };
  // Identity: read from the document, never the bundled manuals' names.
  score.meta.total += 3;
  if (model.title.includes(api.product.name) || model.title.includes(api.product.abbreviation)) score.meta.ok++;
  else problem(`title "${model.title}" does not name the product "${api.product.name}"`);
  if (model.service.toLowerCase() === api.product.code.toLowerCase()) score.meta.ok++;
  else problem(`service "${model.service}", expected "${api.product.code}"`);
  const host = api.endpoint.replace('{region}', '');
  if (model.servers.some((s) => s.url.replace(/\{[^}]+\}/g, '').includes(host.replace(/\.\./g, '.').replace(/^\./, '')) || s.url.includes(api.endpoint))) score.meta.ok++;
  else problem(`servers [${model.servers.map((s) => s.url).join(', ')}] do not name ${api.endpoint}`);

  const parsed = new Map<string, OperationModel>();
  for (const o of model.operations) parsed.set(modelKey(api, o), o);
  const truthKeys = new Set(api.operations.map((o) => opKey(api, o)));
  score.operations.total += api.operations.length;
  for (const k of parsed.keys()) {
    if (!truthKeys.has(k)) {
      score.operations.invented++;
      problem(`invented operation ${k}`);
    }
  }
  for (const op of api.operations) {
    const got = parsed.get(opKey(api, op));
    if (got) score.operations.found++;
    else problem(`operation ${opKey(api, op)} lost`);
    if (api.style === 'rpc') {
      score.tags.total++;
      if (got?.tags.length === 1 && got.tags[0] === op.group) score.tags.ok++;
      else if (got) problem(`${op.name}: tags [${got.tags.join(', ')}], listed under "${op.group}"`);
    }
    scoreParameters(api, op, got, score, problem);
    scoreFields(op, got, score, problem);
  }
  return score;
}

function scoreParameters(api: Api, op: Operation, got: OperationModel | undefined, score: Score, problem: (s: string) => void): void {
  const key = (name: string, inn?: string) => (api.style === 'rpc' ? name : `${inn ?? 'query'}:${name}`);
  const parsed = new Map((got?.parameters ?? []).filter((p) => !(api.style === 'rpc' && p.name === 'Action')).map((p) => [key(p.name, p.in), p]));
  const truth = new Map(op.params.map((p) => [key(p.name, p.in), p]));
  score.parameters.total += truth.size;
  for (const [k, p] of truth) {
    const q = parsed.get(k);
    if (!q) {
      if (got) problem(`${op.name}: parameter ${k} lost`);
      continue;
    }
    score.parameters.found++;
    const exp = expectedClass(p.type);
    const cls = parsedClass(q.schema);
    if (classOk(exp, cls)) score.parameters.typeOk++;
    else problem(`${op.name}: parameter ${k} is ${cls}, documented ${exp}`);
    if (q.required === p.required) score.parameters.requiredOk++;
    else problem(`${op.name}: parameter ${k} required=${q.required}, documented ${p.required}`);
    scoreConstraints(op, k, p, q.schema, score, problem);
  }
  for (const k of parsed.keys()) {
    if (!truth.has(k)) {
      score.parameters.invented++;
      problem(`${op.name}: invented parameter ${k}`);
    }
  }
  // Children of structured RPC parameters are fields (scored with the request body's fields).
}

function scoreFields(op: Operation, got: OperationModel | undefined, score: Score, problem: (s: string) => void): void {
  const truth = new Map<string, { f: Field; request: boolean }>();
  const add = (fields: Field[], prefix: string, request: boolean) => {
    const m = new Map<string, Field>();
    truthFields(fields, prefix, m);
    for (const [p, f] of m) truth.set(p, { f, request });
  };
  // Children of structured parameters (RPC Object / Array rows) count as request fields.
  for (const p of op.params) {
    const m = new Map<string, Field>();
    descend(p.type, `param:${p.name}`, m);
    for (const [path, f] of m) truth.set(path, { f, request: true });
  }
  if (op.body) add(op.body, 'body', true);
  for (const r of op.responses) add(r.fields, `${r.status}`, false);

  const parsed = new Map<string, Flat>();
  if (got) {
    for (const p of got.parameters) flatten(p.schema, `param:${p.name}`, parsed);
    if (got.requestBody) flatten(got.requestBody.schema, 'body', parsed);
    for (const r of got.responses) if (r.schema) flatten(r.schema, r.status, parsed);
  }
  for (const [path, { f, request }] of truth) {
    score.fields.total++;
    const q = parsed.get(path);
    if (!q) {
      if (got) problem(`${op.name}: field ${path} lost`);
      continue;
    }
    score.fields.found++;
    const exp = expectedClass(f.type);
    const cls = parsedClass(q.schema);
    if (classOk(exp, cls)) score.fields.typeOk++;
    else problem(`${op.name}: field ${path} is ${cls}, documented ${exp}`);
    if (request) {
      score.fields.requiredTotal++;
      if (q.required === f.required) score.fields.requiredOk++;
      else problem(`${op.name}: field ${path} required=${q.required}, documented ${f.required}`);
    }
    scoreConstraints(op, path, f, q.schema, score, problem);
  }
  // Invented: parsed paths under a status / body / parameter the truth documents, that it lacks.
  const roots = new Set([...truth.keys()].map((p) => p.split(/[.[]/)[0]));
  for (const path of parsed.keys()) {
    if (truth.has(path) || !roots.has(path.split(/[.[]/)[0])) continue;
    score.fields.invented++;
    problem(`${op.name}: invented field ${path}`);
  }
}

function scoreConstraints(op: Operation, where: string, f: Field, s: SchemaModel, score: Score, problem: (s: string) => void): void {
  const prim = f.type.kind === 'primitive' ? f.type.name : undefined;
  if (f.enum && prim && prim !== 'boolean') {
    score.enums.total++;
    const want = f.enum.map((e) => e.value).sort().join('|');
    const have = (s.enum ?? []).map(String).sort().join('|');
    if (want === have) score.enums.ok++;
    else problem(`${op.name}: ${where} enum [${have}], documented [${want}]`);
  }
  if (f.default !== undefined) {
    score.defaults.total++;
    if (s.default !== undefined && String(s.default) === f.default) score.defaults.ok++;
    else problem(`${op.name}: ${where} default ${JSON.stringify(s.default)}, documented ${f.default}`);
  }
}

/** Add b into a (for totals over many manuals). */
export function addScores(a: Score, b: Score): Score {
  for (const k of ['operations', 'parameters', 'fields', 'enums', 'defaults', 'meta', 'tags'] as const) {
    const x = a[k] as unknown as Record<string, number>;
    const y = b[k] as unknown as Record<string, number>;
    for (const f of Object.keys(y)) x[f] = (x[f] ?? 0) + y[f];
  }
  for (const p of b.problems) if (a.problems.length < MAX_PROBLEMS) a.problems.push(p);
  return a;
}

export function percent(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(n === d ? 0 : 1)} %` : '—';
}

/** One row of a results table: the figures "Done means" asks for. */
export function summarise(s: Score): Record<string, string> {
  return {
    operations: `${percent(s.operations.found, s.operations.total)} (${s.operations.found}/${s.operations.total})`,
    parameters: `${percent(s.parameters.found, s.parameters.total)} (${s.parameters.found}/${s.parameters.total})`,
    fields: `${percent(s.fields.found, s.fields.total)} (${s.fields.found}/${s.fields.total})`,
    types: percent(s.parameters.typeOk + s.fields.typeOk, s.parameters.found + s.fields.found),
    required: percent(s.parameters.requiredOk + s.fields.requiredOk, s.parameters.found + s.fields.requiredTotal),
    'enum/default': percent(s.enums.ok + s.defaults.ok, s.enums.total + s.defaults.total),
    invented: String(s.operations.invented + s.parameters.invented + s.fields.invented),
    identity: percent(s.meta.ok, s.meta.total),
    ...(s.tags.total ? { tags: percent(s.tags.ok, s.tags.total) } : {}),
  };
}
