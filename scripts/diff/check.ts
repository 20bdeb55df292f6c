/**
 * What a check is, and the iterators checks share. A check is one small function over the
 * structural diff (structure.ts) returning findings; the engine turns findings into Changes using
 * the message template kept in messages.ts under the check's id.
 */
import type { Level } from './types.ts';
import type { OperationDiff, ParamPair, SpecDiff, ResponsePair } from './structure.ts';
import type { SchemaNode } from './schema.ts';

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

export interface Check {
  /** Stable kebab-case id; also the file name and the key of its message template. */
  id: string;
  level: Level;
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
