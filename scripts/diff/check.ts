/**
 * What a check is, and the iterators checks share. A check is one small function over the
 * structural diff (structure.ts) returning findings; the engine turns findings into Changes using
 * the message template kept in messages.json under the check's id.
 *
 * Most checks are one of four shapes and are written with a builder below, so a check file only
 * states its id, level and the comparison: parameterCheck / parameterSchemaCheck (parameters
 * present in both versions) and propertyCheck / propertySchemaCheck (request or response schema
 * nodes). The builders fix the location (pointers) and the shared message values.
 */
import type { Level } from './types.ts';
import type { OperationDiff, ParamPair, ParamView, SpecDiff, ResponsePair } from './structure.ts';
import type { SchemaNode } from './schema.ts';
import type { Json } from './types.ts';

export interface Finding {
  /** Operation name (operationId or `METHOD path`); absent for API-wide changes. */
  operation?: string;
  /** JSON pointer of the thing in the base document (absent when it was added). */
  base?: string;
  /** JSON pointer of the thing in the revision (absent when it was removed). */
  revision?: string;
  /** Values for the message template. */
  params: Record<string, string | number>;
}

/**
 * `operation`: the change is to the operation itself (an operation, parameter, body or status
 * added / removed / renamed): always reported per operation. `definition`: the change is to the
 * content of the thing at the finding's location (a schema, a parameter object, a request body
 * or response object, a security requirement); when that thing lives outside the operation — in
 * `components`, a path-level parameter list, the document's `security` — the operations using it
 * are reported together as one change (engine.ts).
 */
export type Scope = 'operation' | 'definition';

export interface Check {
  /** Stable kebab-case id; also the file name and the key of its message template. */
  id: string;
  level: Level;
  /** Default `operation`. */
  scope?: Scope;
  run(diff: SpecDiff): Finding[];
}

export function defineCheck(c: Check): Check {
  return c;
}

/** A value as shown in messages: strings quoted, everything else as JSON. */
export function show(v: unknown): string {
  if (v === undefined) return '(none)';
  return JSON.stringify(v);
}

export function opParams(op: OperationDiff): Record<string, string> {
  return { operation: op.revision.name, method: op.revision.method.toUpperCase(), path: op.revision.path };
}

/** Every parameter present in both versions under the same name and location. */
export function* paramPairs(d: SpecDiff): Generator<{ op: OperationDiff; pair: ParamPair }> {
  for (const op of d.operations.both) for (const pair of op.params.both) yield { op, pair };
}

/** Display path of a schema node: `Data.Items[].Name`, or `(body)` for a request body root. */
export function nodePath(n: SchemaNode): string {
  return n.path || '(body)';
}

/**
 * Request-side schema nodes: every node of request body schemas (root included) and the nested
 * properties of parameters (JSON-string, object and list parameters). Parameter roots are the
 * parameter checks' business.
 */
export function* requestNodes(d: SpecDiff): Generator<{ op: OperationDiff; node: SchemaNode }> {
  for (const op of d.operations.both) {
    for (const m of op.body.schemas) for (const node of m.nodes) yield { op, node };
    for (const pair of [...op.params.both, ...op.params.moved]) {
      for (const node of pair.nodes) if (node.depth > 0) yield { op, node };
    }
  }
}

/** Response-side schema nodes (root included) of every status both versions document. */
export function* responseNodes(d: SpecDiff): Generator<{ op: OperationDiff; response: ResponsePair; node: SchemaNode }> {
  for (const op of d.operations.both) {
    for (const response of op.responses.both) {
      for (const m of response.schemas) for (const node of m.nodes) yield { op, response, node };
    }
  }
}

/** Nodes present on both sides. */
export function both(n: SchemaNode): n is SchemaNode & { base: NonNullable<SchemaNode['base']>; revision: NonNullable<SchemaNode['revision']> } {
  return n.base !== undefined && n.revision !== undefined;
}

export function responseLabel(node: SchemaNode): string {
  return node.path || '(response body)';
}

/** Extra message values a comparison contributes; `undefined` means "no change here". */
export type Extra = Record<string, string | number> | undefined;

/** `{ values: '"a", "b"' }` for a non-empty list of enum values, else no change. */
export function enumValues(values: unknown[]): Extra {
  return values.length ? { values: values.map((v) => JSON.stringify(v)).join(', ') } : undefined;
}

/** Message values shared by every finding about a parameter present in both versions. */
function paramFindingParams(op: OperationDiff, pair: ParamPair, extra: Extra): Record<string, string | number> {
  return { ...opParams(op), name: pair.revision.name, in: pair.revision.in, ...extra };
}

/**
 * A check over the parameter objects of every parameter present in both versions (same name and
 * location). `when` decides; `params` adds message values. Located at the parameter objects.
 */
export function parameterCheck(c: {
  id: string;
  level: Level;
  when: (base: ParamView, revision: ParamView) => boolean;
  params?: (base: ParamView, revision: ParamView) => Extra;
}): Check {
  return defineCheck({
    id: c.id,
    level: c.level,
    scope: 'definition',
    run: (d) =>
      [...paramPairs(d)]
        .filter(({ pair }) => c.when(pair.base, pair.revision))
        .map(({ op, pair }) => ({
          operation: op.revision.name,
          base: pair.base.pointer,
          revision: pair.revision.pointer,
          params: paramFindingParams(op, pair, c.params?.(pair.base, pair.revision)),
        })),
  });
}

/**
 * A check comparing the (dereferenced) schemas of every parameter present in both versions with
 * a compare function from compare.ts. Parameters without a schema on either side are skipped.
 * Located where the schemas are defined (the parameter's schema slot, or the component it refers to).
 */
export function parameterSchemaCheck(c: { id: string; level: Level; compare: (base: Json, revision: Json) => Extra }): Check {
  return defineCheck({
    id: c.id,
    level: c.level,
    scope: 'definition',
    run: (d) =>
      [...paramPairs(d)].flatMap(({ op, pair }) => {
        const b = pair.base.schema;
        const r = pair.revision.schema;
        if (!b || !r) return [];
        const extra = c.compare(b.schema, r.schema);
        if (!extra) return [];
        return [{ operation: op.revision.name, base: b.resolved, revision: r.resolved, params: paramFindingParams(op, pair, extra) }];
      }),
  });
}

type Side = 'request' | 'response';

type SideNode = { op: OperationDiff; node: SchemaNode; label: Record<string, string | number> };

/** Per structural diff, the node list of each side: listed once, read by every property check. */
const sideCache = new WeakMap<SpecDiff, Record<Side, SideNode[] | undefined>>();

/** Nodes of one side with the message values naming them (`property`, plus `status` for responses). */
function sideNodes(d: SpecDiff, side: Side): SideNode[] {
  let cached = sideCache.get(d);
  if (!cached) sideCache.set(d, (cached = { request: undefined, response: undefined }));
  const hit = cached[side];
  if (hit) return hit;
  const list: SideNode[] = [];
  if (side === 'request') {
    for (const { op, node } of requestNodes(d)) list.push({ op, node, label: { property: nodePath(node) } });
  } else {
    for (const { op, response, node } of responseNodes(d)) list.push({ op, node, label: { property: responseLabel(node), status: response.status } });
  }
  cached[side] = list;
  return list;
}

/**
 * A check over the properties (non-root schema nodes) of request or response schemas: added,
 * removed, required-ness. Located at the property in whichever versions have it.
 */
export function propertyCheck(c: { id: string; level: Level; side: Side; when: (node: SchemaNode) => boolean }): Check {
  return defineCheck({
    id: c.id,
    level: c.level,
    scope: 'definition',
    run: (d) =>
      sideNodes(d, c.side).flatMap(({ op, node, label }) => {
        if (node.depth === 0 || !c.when(node)) return [];
        return [
          {
            operation: op.revision.name,
            ...(node.base ? { base: node.base.pointer } : {}),
            ...(node.revision ? { revision: node.revision.pointer } : {}),
            params: { ...opParams(op), ...label },
          },
        ];
      }),
  });
}

/**
 * A check comparing the schemas of every request or response schema node (roots included) present
 * in both versions with a compare function from compare.ts. Located where the schemas are defined
 * (behind a `$ref`: the component), so a change to a shared schema has one location.
 */
export function propertySchemaCheck(c: { id: string; level: Level; side: Side; compare: (base: Json, revision: Json) => Extra }): Check {
  return defineCheck({
    id: c.id,
    level: c.level,
    scope: 'definition',
    run: (d) =>
      sideNodes(d, c.side).flatMap(({ op, node, label }) => {
        if (!both(node)) return [];
        const extra = c.compare(node.base.schema, node.revision.schema);
        if (!extra) return [];
        return [{ operation: op.revision.name, base: node.base.resolved, revision: node.revision.resolved, params: { ...opParams(op), ...label, ...extra } }];
      }),
  });
}
