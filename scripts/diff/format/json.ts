/**
 * JSON: the DiffResult as is (id, level, operation, location, message, source per change; a change
 * to a shared definition has `shared` and `affects` instead of `operation`).
 */
import type { DiffResult } from '../types.ts';

export function formatJson(r: DiffResult): string {
  return `${JSON.stringify({ base: r.base, revision: r.revision, summary: r.summary, changes: r.changes }, null, 2)}\n`;
}
