/** JSON: the DiffResult as is (id, level, operation, location, message, source per change). */
import type { DiffResult } from '../types.ts';

export function formatJson(r: DiffResult): string {
  return `${JSON.stringify({ base: r.base, revision: r.revision, summary: r.summary, changes: r.changes }, null, 2)}\n`;
}
