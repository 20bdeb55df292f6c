/**
 * Types shared by the diff stages: structural diff (structure.ts) -> checks (checks/*.ts) ->
 * changes (engine.ts) -> formatters (format/*.ts).
 */
import type { SourceRef } from '../model/diagnostic.ts';

export type Level = 'breaking' | 'warning' | 'info';
export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];
export const LEVEL_RANK: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

export type Json = Record<string, unknown>;

/** One side of a diff: a parsed OpenAPI document plus, when known, where its parts came from. */
export interface SpecInput {
  /** How the user named it (`spec/x.openapi.yaml@HEAD~1`, `sources/x.txt`). */
  label: string;
  spec: Json;
  /** JSON pointer (`#/paths/...`) -> manual lines (the build's sidecar source map). */
  sourceMap?: Record<string, SourceRef>;
}

/** One classified change, as reported to users. */
export interface Change {
  /** Stable kebab-case check id, e.g. `request-parameter-removed`. */
  id: string;
  level: Level;
  /**
   * operationId (or `METHOD path` when there is none); absent for API-wide changes and for a
   * change to a shared definition that affects several operations (see `affects`).
   */
  operation?: string;
  /**
   * A change inside a definition several operations (or several responses of one) use — a
   * `components/...` entry, a path-level parameter, the document's `security` — reported once:
   * the pointer of that definition (`#/components/schemas/Error`). Absent for per-operation changes.
   */
  shared?: string;
  /** Where the change is: a JSON pointer in the base document, the revision, or both. */
  location: { base?: string; revision?: string };
  message: string;
  /** The manual lines of both versions, when the specs came from manuals (or carry a source map). */
  source?: { base?: SourceRef; revision?: SourceRef };
  /**
   * With `shared`: each place the change reaches, as the per-operation change would have said it
   * (`refspec diff --expand` prints these instead of the grouped change). Same id, level, location.
   */
  affects?: Affected[];
}

/** One operation (and status / parameter) a shared change reaches. */
export interface Affected {
  operation: string;
  /** Response status, for response-side changes. */
  status?: string;
  /** The per-operation message. */
  message: string;
}

export interface DiffResult {
  base: string;
  revision: string;
  changes: Change[];
  summary: Record<Level, number>;
}
