/**
 * Loss made loud: diagnostics that mean part of the manual did not reach the spec (operations
 * listed but never documented, sections that end early, a line too long to read) are summed up in a
 * few stderr lines after a build, instead of appearing only in the report.
 */
import type { Diagnostic } from '../model/diagnostic.ts';

/** Diagnostic id -> what a count of them means (singular, plural). */
const LOSS: Record<string, [string, string]> = {
  'operation-not-documented': ['operation listed in the manual is not documented', 'operations listed in the manual are not documented'],
  'operation-incomplete': ['operation section ends before its responses', 'operation sections end before their responses'],
  'operation-part-missing': ['part of an operation section is missing', 'parts of operation sections are missing'],
  'no-operations': ['no operation section was found', 'no operation section was found'],
  'line-too-long': ['line is too long to be read as manual text', 'lines are too long to be read as manual text'],
};

export const LOSS_IDS = Object.keys(LOSS);

function where(d: Diagnostic): string {
  const s = d.source;
  return `${s.file}:${s.line}${s.endLine && s.endLine !== s.line ? `-${s.endLine}` : ''}`;
}

/** One line per kind of loss, e.g. `59 operations listed in the manual are not documented (first: … at f.txt:157)`. */
export function lossLines(diagnostics: Diagnostic[]): string[] {
  const by = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!(d.id in LOSS) || d.severity === 'info') continue;
    by.set(d.id, [...(by.get(d.id) ?? []), d]);
  }
  const out: string[] = [];
  for (const id of LOSS_IDS) {
    const list = by.get(id);
    if (!list) continue;
    const [one, many] = LOSS[id];
    const first = list[0];
    const count = id === 'no-operations' ? '' : `${list.length} `;
    out.push(`${count}${list.length === 1 ? one : many} [${id}] (first at ${where(first)}: ${first.message})`);
  }
  return out;
}
