/**
 * diffSpecs(base, revision): structural diff -> every check -> sorted, de-duplicated Changes with
 * messages from messages.json and, when known, the manual lines of both versions.
 */
import messages from './messages.json' with { type: 'json' };
import { checks as allChecks } from './registry.ts';
import type { Check, Finding } from './check.ts';
import { SourceLookup } from './source.ts';
import { structuralDiff } from './structure.ts';
import { LEVEL_RANK, type Change, type DiffResult, type Level, type SpecInput } from './types.ts';

const templates = messages as Record<string, string>;

/** Fill `{name}` placeholders; a missing value is a programming error in the check. */
export function renderMessage(id: string, params: Record<string, string | number>): string {
  const t = templates[id];
  if (t === undefined) throw new Error(`diff check ${id} has no message template in messages.json`);
  return t.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (params[k] === undefined) throw new Error(`diff check ${id}: message placeholder {${k}} has no value`);
    return String(params[k]);
  });
}

export function compareChanges(a: Change, b: Change): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    cmp(a.operation ?? '', b.operation ?? '') ||
    cmp(a.id, b.id) ||
    cmp(a.location.revision ?? a.location.base ?? '', b.location.revision ?? b.location.base ?? '') ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function diffSpecs(base: SpecInput, revision: SpecInput, checks: readonly Check[] = allChecks): DiffResult {
  const d = structuralDiff(base, revision);
  const baseSources = new SourceLookup(base.spec, base.sourceMap);
  const revSources = new SourceLookup(revision.spec, revision.sourceMap);
  const seen = new Set<string>();
  const changes: Change[] = [];
  for (const check of checks) {
    for (const f of check.run(d)) {
      const c = toChange(check, f, baseSources, revSources);
      const key = `${c.id}\u0000${c.operation ?? ''}\u0000${c.location.base ?? ''}\u0000${c.location.revision ?? ''}\u0000${c.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      changes.push(c);
    }
  }
  changes.sort(compareChanges);
  const summary: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) summary[c.level]++;
  return { base: base.label, revision: revision.label, changes, summary };
}

function toChange(check: Check, f: Finding, baseSources: SourceLookup, revSources: SourceLookup): Change {
  const c: Change = { id: check.id, level: check.level, location: {}, message: renderMessage(check.id, f.params) };
  if (f.operation) c.operation = f.operation;
  if (f.base) c.location.base = f.base;
  if (f.revision) c.location.revision = f.revision;
  const sb = baseSources.find(f.base);
  const sr = revSources.find(f.revision);
  if (sb || sr) {
    c.source = {};
    if (sb) c.source.base = sb;
    if (sr) c.source.revision = sr;
  }
  // Key order of the JSON output: id, level, operation, location, message, source.
  return { id: c.id, level: c.level, ...(c.operation ? { operation: c.operation } : {}), location: c.location, message: c.message, ...(c.source ? { source: c.source } : {}) };
}
