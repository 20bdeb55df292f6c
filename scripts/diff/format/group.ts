import type { SourceRef } from '../../model/diagnostic.ts';
import { LEVEL_RANK, type Change, type Level } from '../types.ts';

export const API_WIDE = '(API-wide)';

export interface Group {
  /** The operation, the shared definition's pointer (changes affecting several operations), or API_WIDE. */
  operation: string;
  worst: Level;
  changes: Change[];
}

/**
 * Changes grouped by operation (a change to a shared definition that affects several operations
 * goes under that definition's pointer); groups with breaking changes first, then by name.
 */
export function groupByOperation(changes: Change[]): Group[] {
  const map = new Map<string, Change[]>();
  for (const c of changes) {
    const k = c.operation ?? c.shared ?? API_WIDE;
    map.set(k, [...(map.get(k) ?? []), c]);
  }
  const groups = [...map.entries()].map(([operation, list]) => ({
    operation,
    worst: list.reduce<Level>((w, c) => (LEVEL_RANK[c.level] < LEVEL_RANK[w] ? c.level : w), 'info'),
    changes: list,
  }));
  return groups.sort((a, b) => LEVEL_RANK[a.worst] - LEVEL_RANK[b.worst] || (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
}

/** The operations a change reaches, in order, each with the statuses involved (`A (400, 404)`). */
export function affectedOperations(c: Change): { operation: string; statuses: string[] }[] {
  if (!c.affects) return c.operation ? [{ operation: c.operation, statuses: [] }] : [];
  const out = new Map<string, string[]>();
  for (const a of c.affects) {
    const list = out.get(a.operation) ?? [];
    if (a.status !== undefined && !list.includes(a.status)) list.push(a.status);
    out.set(a.operation, list);
  }
  return [...out.entries()].map(([operation, statuses]) => ({ operation, statuses }));
}

/** Distinct operations reached by changes to shared definitions that affect several operations. */
export function sharedReach(changes: readonly Change[]): { changes: number; operations: number } {
  const ops = new Set<string>();
  let n = 0;
  for (const c of changes) {
    if (!c.affects || c.operation) continue;
    n++;
    for (const a of c.affects) ops.add(a.operation);
  }
  return { changes: n, operations: ops.size };
}

/** `A (400, 404), B, C … and 12 more`: the first `limit` operations a grouped change affects. */
export function affectsList(c: Change, limit: number): string {
  const ops = affectedOperations(c);
  const shown = ops.slice(0, limit).map((o) => `${o.operation}${o.statuses.length ? ` (${o.statuses.join(', ')})` : ''}`);
  return ops.length > limit ? `${shown.join(', ')} … and ${ops.length - limit} more` : shown.join(', ');
}

export function lines(s: SourceRef): string {
  const range = s.endLine && s.endLine !== s.line ? `${s.line}-${s.endLine}` : `${s.line}`;
  return `${s.file}:${range}${s.page ? ` (p.${s.page})` : ''}`;
}

/**
 * `2 breaking changes, 0 warnings, 5 other changes`; given the changes, says how many of them are
 * changes to shared definitions and how many operations those reach.
 */
export function summaryLine(summary: Record<Level, number>, changes?: readonly Change[]): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const line = `${n(summary.breaking, 'breaking change', 'breaking changes')}, ${n(summary.warning, 'warning', 'warnings')}, ${n(summary.info, 'other change', 'other changes')}`;
  const reach = changes ? sharedReach(changes) : { changes: 0, operations: 0 };
  if (!reach.changes) return line;
  return `${line} (${reach.changes} of them in shared definitions, affecting ${n(reach.operations, 'operation', 'operations')})`;
}
