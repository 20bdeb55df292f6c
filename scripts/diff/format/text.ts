/**
 * Human text: grouped by operation, breaking first; each change with its location and manual lines.
 * A change to a shared definition that affects several operations is listed once under the
 * definition, with the operations it affects (`refspec diff --expand` lists one change per operation).
 */
import type { DiffResult } from '../types.ts';
import { affectedOperations, affectsList, groupByOperation, lines, summaryLine } from './group.ts';

const TAG = { breaking: 'BREAKING', warning: 'warning ', info: 'info    ' } as const;

/** Operations named on an `affects` line before "… and N more". */
const AFFECTS_SHOWN = 8;

export function formatText(r: DiffResult): string {
  const out: string[] = [`${r.base} -> ${r.revision}: ${summaryLine(r.summary, r.changes)}`];
  if (!r.changes.length) return `${out[0]}\n`;
  for (const g of groupByOperation(r.changes)) {
    const shared = g.changes.every((c) => !c.operation && c.shared);
    if (shared) {
      const ops = new Set(g.changes.flatMap((c) => affectedOperations(c).map((o) => o.operation)));
      out.push('', `${g.operation} (shared by ${ops.size} operations)`);
    } else out.push('', g.operation);
    for (const c of g.changes) {
      out.push(`  ${TAG[c.level]} ${c.message}  [${c.id}]`);
      const where = c.location.revision ? `revision ${c.location.revision}` : `base ${c.location.base}`;
      out.push(`           at ${where}`);
      const src: string[] = [];
      if (c.source?.base) src.push(`base ${lines(c.source.base)}`);
      if (c.source?.revision) src.push(`revision ${lines(c.source.revision)}`);
      if (src.length) out.push(`           manual ${src.join(' | ')}`);
      if (c.affects && !c.operation) {
        const n = affectedOperations(c).length;
        const more = n > AFFECTS_SHOWN ? ' (--expand lists each)' : '';
        out.push(`           affects ${n} operations: ${affectsList(c, AFFECTS_SHOWN)}${more}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
