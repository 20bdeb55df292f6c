import type { SourceRef } from '../../model/diagnostic.ts';
import { LEVEL_RANK, type Change, type Level } from '../types.ts';

export const API_WIDE = '(API-wide)';

export interface Group {
  operation: string;
  worst: Level;
  changes: Change[];
}

/** Changes grouped by operation; groups with breaking changes first, then by name. */
export function groupByOperation(changes: Change[]): Group[] {
  const map = new Map<string, Change[]>();
  for (const c of changes) {
    const k = c.operation ?? API_WIDE;
    map.set(k, [...(map.get(k) ?? []), c]);
  }
  const groups = [...map.entries()].map(([operation, list]) => ({
    operation,
    worst: list.reduce<Level>((w, c) => (LEVEL_RANK[c.level] < LEVEL_RANK[w] ? c.level : w), 'info'),
    changes: list,
  }));
  return groups.sort((a, b) => LEVEL_RANK[a.worst] - LEVEL_RANK[b.worst] || (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
}

export function lines(s: SourceRef): string {
  const range = s.endLine && s.endLine !== s.line ? `${s.line}-${s.endLine}` : `${s.line}`;
  return `${s.file}:${range}${s.page ? ` (p.${s.page})` : ''}`;
}

export function summaryLine(summary: Record<Level, number>): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(summary.breaking, 'breaking change', 'breaking changes')}, ${n(summary.warning, 'warning', 'warnings')}, ${n(summary.info, 'other change', 'other changes')}`;
}
