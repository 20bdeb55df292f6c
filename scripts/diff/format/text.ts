/** Human text: grouped by operation, breaking first; each change with its location and manual lines. */
import type { DiffResult } from '../types.ts';
import { groupByOperation, lines, summaryLine } from './group.ts';

const TAG = { breaking: 'BREAKING', warning: 'warning ', info: 'info    ' } as const;

export function formatText(r: DiffResult): string {
  const out: string[] = [`${r.base} -> ${r.revision}: ${summaryLine(r.summary)}`];
  if (!r.changes.length) return `${out[0]}\n`;
  for (const g of groupByOperation(r.changes)) {
    out.push('', g.operation);
    for (const c of g.changes) {
      out.push(`  ${TAG[c.level]} ${c.message}  [${c.id}]`);
      const where = c.location.revision ? `revision ${c.location.revision}` : `base ${c.location.base}`;
      out.push(`           at ${where}`);
      const src: string[] = [];
      if (c.source?.base) src.push(`base ${lines(c.source.base)}`);
      if (c.source?.revision) src.push(`revision ${lines(c.source.revision)}`);
      if (src.length) out.push(`           manual ${src.join(' | ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
