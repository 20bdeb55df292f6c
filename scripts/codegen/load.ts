/**
 * The document codegen reads: any OpenAPI 3.0 / 3.1 document, bundled and with its `$ref`s
 * resolved by Redocly (@redocly/openapi-core), never by hand.
 *
 * - `bundle` pulls every external `$ref` (other files, relative to the spec) into the document, so
 *   every later stage sees one self-contained document. URLs are never fetched (no network at run
 *   time): a `$ref` to a URL, a file that cannot be read or a pointer that leads nowhere is bad input.
 * - Redocly's resolver then resolves the bundled document and its walker visits every place where
 *   OpenAPI allows a `$ref` (parameters, request bodies, responses, headers, examples, path items,
 *   links, callbacks, schemas …); `deref(node)` answers with what a `$ref` there points at. A
 *   `$ref` anywhere else (inside an example value, an extension) is data and stays as it is.
 * - Operations get an operationId when they have none (from method + path) and duplicate ids are
 *   made unique, each reported; discriminator mappings that name a schema (allowed by OpenAPI) are
 *   written as references. openapi-typescript and the builders then agree on every operation.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Config, Document, NormalizedProblem, Source as SourceType } from '@redocly/openapi-core';
import { redocly } from './redocly.ts';
import { InputError } from '../extract/types.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import { fnName } from './names.ts';

const { BaseResolver, Source, bundle, createConfig, detectSpec, getTypes, isAbsoluteUrl, mapTypeToComponent, normalizeTypes, normalizeVisitors, resolveDocument, walkDocument } = redocly;

type Obj = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface PreparedDocument {
  /** The bundled document (a copy: the caller's object is never changed). */
  doc: Obj;
  /** What a `$ref` at an OpenAPI reference position points at; any other value is returned as is. */
  deref<T = Obj>(node: unknown): T;
  diagnostics: Diagnostic[];
}

/**
 * Never fetches: generation has no network access. A URL resolves to an empty placeholder and the
 * bundle keeps the URL reference; a `$ref` to a URL is then refused below, while an example's
 * `externalValue` URL (documentation only) is left as it is. Files next to the spec are read.
 */
class LocalResolver extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<SourceType> {
    if (isAbsoluteUrl(absoluteRef)) return new Source(absoluteRef, '{}', 'application/json');
    return super.loadExternalRef(absoluteRef);
  }
}

/** The node a problem's JSON pointer designates in the document, if any. */
function atPointer(doc: unknown, pointer: string | undefined): unknown {
  if (!pointer) return undefined;
  let cur = doc;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    cur = isObj(cur) || Array.isArray(cur) ? (cur as Obj)[key] : undefined;
  }
  return cur;
}

let configPromise: Promise<Config> | undefined;
function redoclyConfig(): Promise<Config> {
  // No lint rules: bundling and resolving only. Validation is not codegen's job (`refspec lint` is).
  configPromise ??= createConfig({ rules: {} }, { extends: [] } as never);
  return configPromise;
}

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function problemText(p: NormalizedProblem): string {
  const where = p.location?.[0]?.pointer;
  const msg = p.message.replace(/\s+/g, ' ').trim();
  return where ? `${msg} (at ${where})` : msg;
}

/** One line for the first problem, with the count of the others. */
function failure(file: string, what: string, problems: NormalizedProblem[]): InputError {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new InputError(file, `${what}: ${problemText(problems[0])}${more}`);
}

export function checkOpenApi(doc: unknown, file: string): asserts doc is Obj {
  if (!isObj(doc)) throw new InputError(file, 'not an OpenAPI 3 document (expected a YAML/JSON object)');
  if (typeof doc.swagger === 'string') throw new InputError(file, `not an OpenAPI 3 document (Swagger ${doc.swagger}; convert it to OpenAPI 3 first)`);
  if (typeof doc.openapi !== 'string' || !/^3\.\d+(\.\d+)?(-[0-9A-Za-z.-]+)?$/.test(doc.openapi)) {
    throw new InputError(file, `not an OpenAPI 3 document (${doc.openapi === undefined ? 'no "openapi" field' : `"openapi: ${String(doc.openapi)}"`})`);
  }
  for (const key of ['paths', 'components', 'webhooks'] as const) {
    if (doc[key] !== undefined && doc[key] !== null && !isObj(doc[key])) throw new InputError(file, `not an OpenAPI 3 document ("${key}" is not an object)`);
  }
  if (doc.info !== undefined && !isObj(doc.info)) throw new InputError(file, 'not an OpenAPI 3 document ("info" is not an object)');
}

/**
 * @param file the spec as named in messages; `sourceFile` (absolute or relative to the working
 *   directory) is where relative external `$ref`s are looked up.
 */
export async function prepareDocument(input: unknown, opts: { file: string; sourceFile?: string }): Promise<PreparedDocument> {
  const { file } = opts;
  checkOpenApi(input, file);
  const diagnostics: Diagnostic[] = [];
  const config = await redoclyConfig();
  const resolver = new LocalResolver();
  const sourcePath = opts.sourceFile ?? file;
  const absoluteRef = isAbsolute(sourcePath) ? sourcePath : resolve(sourcePath);
  const parsed = structuredClone(input);
  mappingNamesToRefs(parsed);
  const document: Document = { source: new Source(absoluteRef, '', 'application/json'), parsed };
  const bundled = await bundle({ doc: document, config, externalRefResolver: resolver, dereference: false, keepUrlRefs: true });
  const doc = bundled.bundle.parsed as Obj;
  const errors: NormalizedProblem[] = [];
  for (const p of bundled.problems) {
    if (p.severity !== 'error') continue;
    const node = atPointer(doc, p.location?.[0]?.pointer);
    // An example's externalValue that cannot be read costs the docs one example, nothing else.
    if (isObj(node) && typeof node.externalValue === 'string' && node.$ref === undefined) {
      diagnostics.push(diag('example-not-read', 'warning', `example ${String(node.externalValue)} was not read: ${p.message.replace(/\s+/g, ' ')}`, { file, line: 1 }));
    } else errors.push(p);
  }
  if (errors.length) throw failure(file, 'cannot resolve a $ref', errors);

  const specVersion = detectSpec(doc);
  const types = normalizeTypes(getTypes(specVersion));
  const refMap = await resolveDocument({ rootDocument: bundled.bundle, rootType: types.Root, externalRefResolver: resolver });
  const targets = new WeakMap<object, { node: unknown; schema: boolean }>();
  const unresolved: NormalizedProblem[] = [];
  // References that point somewhere else than a whole component (a schema inside a path, another
  // operation's parameter, a property of a component): openapi-typescript cannot follow them, so
  // their targets become components of their own below.
  const elsewhere: Hoist[] = [];
  const visitors = normalizeVisitors(
    [
      {
        severity: 'error',
        ruleId: 'codegen-resolve',
        visitor: {
          ref: {
            leave(node: Obj, ctx: { location: { pointer: string }; type: { name: string } }, resolved: { node: unknown; location?: unknown }) {
              if (typeof node.$ref === 'string' && isAbsoluteUrl(node.$ref)) {
                unresolved.push({ message: `"${node.$ref}" is a URL and is not fetched (no network access while generating); bundle it into the document first`, ruleId: 'codegen-resolve', severity: 'error', location: [{ source: document.source, pointer: ctx.location.pointer }], suggest: [] });
                return;
              }
              if (resolved.node === undefined) {
                unresolved.push({ message: `"${String(node.$ref)}" points at nothing`, ruleId: 'codegen-resolve', severity: 'error', location: [{ source: document.source, pointer: ctx.location.pointer }], suggest: [] });
                return;
              }
              const schema = ctx.type.name === 'Schema';
              targets.set(node, { node: resolved.node, schema });
              const pointer = (resolved.location as { pointer?: string } | undefined)?.pointer;
              const kind = mapTypeToComponent(ctx.type.name, 'oas3');
              if (kind && HOISTED.has(kind) && pointer) {
                const whole = new RegExp(`^#/components/${kind}/[^/]+$`);
                if (!whole.test(String(node.$ref))) {
                  // A chain that ends at a component is written as that component; anything else is hoisted.
                  if (whole.test(pointer)) node.$ref = pointer;
                  else elsewhere.push({ ref: node, pointer, node: resolved.node, kind });
                }
              }
            },
          },
          Example: {
            leave(example: Obj) {
              // Never fetched by anyone downstream (openapi-typescript, Redoc): generation has no network.
              if (typeof example.externalValue === 'string' && isAbsoluteUrl(example.externalValue) && example.value === undefined) {
                diagnostics.push(diag('example-not-read', 'info', `example ${example.externalValue} is a URL and is not fetched; it is left out`, { file, line: 1 }));
                delete example.externalValue;
              }
            },
          },
        },
      },
    ] as never,
    types,
  );
  walkDocument({ document: bundled.bundle, rootType: types.Root, normalizedVisitors: visitors, resolvedRefMap: refMap, ctx: { problems: [], specVersion, config, visitorsData: {} } });
  if (unresolved.length) throw failure(file, 'cannot resolve a $ref', unresolved);
  hoistComponents(doc, elsewhere, file, diagnostics);
  separateSharedPathItems(doc, (n) => deref(n));

  normaliseOperationIds(doc, file, diagnostics, (n) => deref(n));

  function deref<T = Obj>(node: unknown): T {
    let cur = node;
    // A chain of references (a parameter that refers to one that refers …) is followed to its end.
    for (let i = 0; i < 32 && isObj(cur) && typeof cur.$ref === 'string' && targets.has(cur); i++) {
      const ref = cur;
      const { node: next, schema } = targets.get(ref)!;
      // OpenAPI 3.1: `summary` / `description` beside a Reference Object override the target's.
      const siblings = schema ? [] : Object.keys(ref).filter((k) => k === 'summary' || k === 'description');
      cur = siblings.length && isObj(next) ? { ...next, ...Object.fromEntries(siblings.map((k) => [k, ref[k]])) } : next;
    }
    return cur as T;
  }
  return { doc, deref, diagnostics };
}

/**
 * `discriminator.mapping: { dog: Dog }` names a schema (OpenAPI allows it); written as a reference it
 * says the same to every tool, the bundler included (it takes mapping values for references).
 */
function mappingNamesToRefs(doc: Obj): void {
  const schemas = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
  const seen = new Set<unknown>();
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || seen.has(node) || depth > 200) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const v of node) visit(v, depth + 1);
      return;
    }
    const d = (node as Obj).discriminator;
    if (isObj(d) && typeof d.propertyName === 'string' && isObj(d.mapping)) {
      for (const [k, v] of Object.entries(d.mapping)) {
        if (typeof v === 'string' && !v.includes('/') && !v.includes('#') && Object.hasOwn(schemas, v)) d.mapping[k] = `#/components/schemas/${v.replace(/~/g, '~0')}`;
      }
    }
    for (const v of Object.values(node as Obj)) visit(v, depth + 1);
  };
  visit(doc, 0);
}

/** Component kinds whose references openapi-typescript turns into `components[kind][name]`. */
const HOISTED = new Set(['schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'examples', 'links', 'callbacks']);

interface Hoist {
  ref: Obj;
  pointer: string;
  node: unknown;
  kind: string;
}

/** Give everything a `$ref` reaches outside components/<kind>/<name> a component name of its own. */
function hoistComponents(doc: Obj, refs: Hoist[], file: string, diagnostics: Diagnostic[]): void {
  if (!refs.length) return;
  const components = (isObj(doc.components) ? doc.components : (doc.components = {})) as Obj;
  const named = new Map<string, string>();
  const structural = new Set(['properties', 'items', 'schema', 'content', 'paths', 'components', 'schemas', 'parameters', 'requestBody', 'requestBodies', 'responses', 'headers', 'examples']);
  for (const { ref, pointer, node, kind } of refs) {
    const map = (isObj(components[kind]) ? components[kind] : (components[kind] = {})) as Obj;
    let name = named.get(`${kind} ${pointer}`);
    if (!name) {
      const parts = pointer.replace(/^#\/?/, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const label = kind === 'parameters' && isObj(node) && typeof node.name === 'string' ? node.name : parts.filter((p) => !structural.has(p) && !p.includes('/') && !/^\d+$/.test(p)).pop() ?? kind;
      const base = label.replace(/[^A-Za-z0-9_.-]/g, '') || 'Component';
      name = base;
      for (let n = 2; Object.hasOwn(map, name); n++) name = `${base}${n}`;
      map[name] = node;
      named.set(`${kind} ${pointer}`, name);
      diagnostics.push(diag('ref-target-hoisted', 'info', `the ${kind.replace(/s$/, '')} at ${pointer} is referenced from elsewhere; it is components/${kind}/${name} in the generated types`, { file, line: 1 }));
    }
    ref.$ref = `#/components/${kind}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
}

/**
 * A path item reached from two paths (`/b: {$ref: '#/paths/~1a'}`) is two sets of operations on
 * the wire: each path gets its own (shallow) copy, so its operations can get their own ids.
 */
function separateSharedPathItems(doc: Obj, deref: (n: unknown) => unknown): void {
  if (!isObj(doc.paths)) return;
  const seen = new Set<unknown>();
  for (const [path, raw] of Object.entries(doc.paths)) {
    const item = deref(raw);
    if (!isObj(item)) continue;
    if (!seen.has(item)) {
      seen.add(item);
      continue;
    }
    const copy: Obj = { ...item };
    for (const m of HTTP_METHODS) if (isObj(item[m])) copy[m] = { ...(item[m] as Obj) };
    doc.paths[path] = copy;
  }
}

/** Every operation object: paths, and the path items of webhooks and callbacks (ids share one namespace). */
function* operationsOf(doc: Obj, deref: (n: unknown) => unknown): Generator<{ where: 'paths' | 'other'; path: string; method: string; op: Obj }> {
  const seenItems = new Set<unknown>();
  function* items(map: unknown, where: 'paths' | 'other', depth: number): Generator<{ where: 'paths' | 'other'; path: string; method: string; op: Obj }> {
    if (!isObj(map) || depth > 4) return;
    for (const [path, raw] of Object.entries(map)) {
      const item = deref(raw);
      if (!isObj(item) || seenItems.has(item)) continue;
      seenItems.add(item);
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObj(op)) continue;
        yield { where, path, method, op };
        if (isObj(op.callbacks)) for (const cb of Object.values(op.callbacks)) yield* items(deref(cb), 'other', depth + 1);
      }
    }
  }
  yield* items(doc.paths, 'paths', 0);
  yield* items(doc.webhooks, 'other', 0);
}

function normaliseOperationIds(doc: Obj, file: string, diagnostics: Diagnostic[], deref: (n: unknown) => unknown): void {
  const all = [...operationsOf(doc, deref)];
  const taken = new Set<string>();
  for (const { op } of all) if (typeof op.operationId === 'string' && op.operationId) taken.add(op.operationId);
  const used = new Set<string>();
  for (const { where, path, method, op } of all) {
    const id = typeof op.operationId === 'string' && op.operationId ? op.operationId : undefined;
    if (id && !used.has(id)) {
      used.add(id);
      continue;
    }
    let name = id ? `${id}_2` : fnName(`${method} ${path}`);
    for (let n = 2; used.has(name) || (taken.has(name) && name !== id); n++) name = id ? `${id}_${n + 1}` : `${fnName(`${method} ${path}`)}${n}`;
    used.add(name);
    op.operationId = name;
    const at = `${method.toUpperCase()} ${path}${where === 'paths' ? '' : ' (webhook or callback)'}`;
    diagnostics.push(
      id
        ? diag('operation-id-duplicate', 'warning', `${at}: operationId "${id}" is used by another operation; this one is named "${name}" in the generated code`, { file, line: 1 })
        : diag('operation-id-missing', 'info', `${at} has no operationId; named "${name}" in the generated code (from method and path)`, { file, line: 1 }),
    );
  }
}
