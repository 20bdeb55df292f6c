/**
 * diffSpecs(base, revision): structural diff -> every check -> sorted, de-duplicated Changes with
 * messages from messages.json and, when known, the manual lines of both versions. A change inside
 * a definition that several operations use (a component, a path-level parameter, the document's
 * `security`) is reported once, with the operations it affects (`Change.shared`, `Change.affects`);
 * expandResult() gives back one change per operation.
 */
import messages from './messages.json' with { type: 'json' };
import { checks as allChecks } from './registry.ts';
import type { Check, Finding } from './check.ts';
import { unesc } from './pointer.ts';
import { SourceLookup } from './source.ts';
import { structuralDiff, type SpecDiff } from './structure.ts';
import { LEVEL_RANK, type Affected, type Change, type DiffResult, type Level, type SpecInput } from './types.ts';

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
    cmp(a.operation ?? a.shared ?? '', b.operation ?? b.shared ?? '') ||
    cmp(a.id, b.id) ||
    cmp(a.location.revision ?? a.location.base ?? '', b.location.revision ?? b.location.base ?? '') ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function summarize(changes: readonly Change[]): Record<Level, number> {
  const summary: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) summary[c.level]++;
  return summary;
}

/** A change with what its check found, kept until grouping decides how it is reported. */
interface Found {
  change: Change;
  params: Finding['params'];
  check: Check;
}

export function diffSpecs(base: SpecInput, revision: SpecInput, checks: readonly Check[] = allChecks): DiffResult {
  const d = structuralDiff(base, revision);
  const baseSources = new SourceLookup(base.spec, base.sourceMap);
  const revSources = new SourceLookup(revision.spec, revision.sourceMap);
  const seen = new Set<string>();
  const found: Found[] = [];
  for (const check of checks) {
    for (const f of check.run(d)) {
      const c = toChange(check, f, baseSources, revSources);
      const key = `${c.id}\u0000${c.operation ?? ''}\u0000${c.location.base ?? ''}\u0000${c.location.revision ?? ''}\u0000${c.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ change: c, params: f.params, check });
    }
  }
  const changes = groupShared(d, found);
  changes.sort(compareChanges);
  return { base: base.label, revision: revision.label, changes, summary: summarize(changes) };
}

/** One change per operation again: each grouped change replaced by the places it affects. */
export function expandChanges(changes: readonly Change[]): Change[] {
  return changes
    .flatMap((c) =>
      c.affects
        ? c.affects.map((a) => ({ id: c.id, level: c.level, operation: a.operation, location: c.location, message: a.message, ...(c.source ? { source: c.source } : {}) }))
        : [c],
    )
    .sort(compareChanges);
}

/** The result with one change per operation (`refspec diff --expand`); the summary counts those. */
export function expandResult(r: DiffResult): DiffResult {
  const changes = expandChanges(r.changes);
  return { ...r, changes, summary: summarize(changes) };
}

// ---------------------------------------------------------------------------------------------
// Grouping changes to shared definitions

/** Pointers of every operation object of one document. */
function operationPointers(d: SpecDiff, side: 'base' | 'revision'): Set<string> {
  const out = new Set<string>();
  for (const op of d.operations.both) out.add(op[side].pointer);
  for (const op of side === 'base' ? d.operations.removed : d.operations.added) out.add(op.pointer);
  return out;
}

function insideAny(pointer: string, ops: Set<string>): boolean {
  for (let p = pointer; p.length > 1; p = p.slice(0, p.lastIndexOf('/'))) if (ops.has(p)) return true;
  return false;
}

/**
 * Definition-scope changes located outside every operation object are changes to something
 * operations share; those with the same check and location become one change. A group of one
 * stays the per-operation change it was.
 */
function groupShared(d: SpecDiff, found: Found[]): Change[] {
  const ops = { base: operationPointers(d, 'base'), revision: operationPointers(d, 'revision') };
  const shared = (c: Change) =>
    (c.location.base !== undefined || c.location.revision !== undefined) &&
    (c.location.base === undefined || !insideAny(c.location.base, ops.base)) &&
    (c.location.revision === undefined || !insideAny(c.location.revision, ops.revision));
  const out: Change[] = [];
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    if (f.check.scope !== 'definition' || !f.change.operation || !shared(f.change)) {
      out.push(f.change);
      continue;
    }
    const key = `${f.change.id}\u0000${f.change.location.base ?? ''}\u0000${f.change.location.revision ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  for (const members of groups.values()) out.push(members.length === 1 ? members[0].change : groupChange(members));
  return out;
}

function groupChange(members: Found[]): Change {
  members.sort((a, b) => compareChanges(a.change, b.change) || cmp(String(a.params.status ?? ''), String(b.params.status ?? '')));
  const first = members[0].change;
  const operations = [...new Set(members.map((m) => m.change.operation!))];
  const where = first.location.revision ?? first.location.base!;
  const affects: Affected[] = members.map((m) => ({
    operation: m.change.operation!,
    ...(m.params.status !== undefined ? { status: String(m.params.status) } : {}),
    message: m.change.message,
  }));
  const c: Change = {
    id: first.id,
    level: first.level,
    ...(operations.length === 1 ? { operation: operations[0] } : {}),
    shared: definitionOf(where),
    location: first.location,
    message: renderMessage(first.id, mergeParams(members, where, operations.length)),
    ...(first.source ? { source: first.source } : {}),
    affects,
  };
  return c;
}

/**
 * Message values for a grouped change: values every member agrees on as they are; otherwise the
 * operation becomes "N operations", statuses and names are listed. The property is named by where
 * it is defined (`Error.code`), not by the path from one operation's body.
 */
function mergeParams(members: Found[], where: string, operationCount: number): Record<string, string | number> {
  const values = new Map<string, string[]>();
  for (const m of members) {
    for (const [k, v] of Object.entries(m.params)) {
      const list = values.get(k) ?? [];
      if (!list.includes(String(v))) list.push(String(v));
      values.set(k, list);
    }
  }
  const out: Record<string, string | number> = {};
  for (const [k, list] of values) {
    if (list.length === 1) out[k] = list[0];
    else if (k === 'operation') out[k] = `${operationCount} operations`;
    else if (k === 'status') out[k] = [...list].sort(statusOrder).join(', ');
    else out[k] = [...list].sort().join(', ');
  }
  const props = values.get('property');
  const path = props ? definitionPath(where) : undefined;
  if (props && path !== undefined) {
    // A whole component reached as a property (`kind: {$ref: Kind}`): name the property too.
    const last = new Set(props.map((v) => v.slice(v.lastIndexOf('.') + 1)));
    const name = [...last][0];
    out.property = !path.includes('.') && !path.includes('[') && last.size === 1 && name !== path && !name.startsWith('(') ? `${name} (${path})` : path;
  }
  return out;
}

function statusOrder(a: string, b: string): number {
  const n = (s: string) => (/^\d+$/.test(s) ? Number(s) : /^\dXX$/i.test(s) ? Number(s[0]) * 100 + 99 : 1000);
  return n(a) - n(b) || cmp(a, b);
}

/**
 * The shared definition a pointer is in: `#/components/<kind>/<name>`, a path-level parameter
 * `#/paths/<path>/parameters/<i>`, else the pointer itself (`#/security`).
 */
export function definitionOf(pointer: string): string {
  const parts = pointer.split('/');
  if (parts[1] === 'components' && parts.length >= 4) return parts.slice(0, 4).join('/');
  if (parts[1] === 'paths' && parts[3] === 'parameters' && parts.length >= 5) return parts.slice(0, 5).join('/');
  return pointer;
}

/**
 * A schema location inside a component as a property path: `#/components/schemas/Error/properties/
 * detail/items/properties/code` -> `Error.detail[].code`. Undefined outside components or for a
 * pointer that is not a schema path.
 */
export function definitionPath(pointer: string): string | undefined {
  const parts = pointer.split('/').slice(1).map(unesc);
  if (parts[0] !== 'components' || parts.length < 3) return undefined;
  let out = parts[2];
  for (let i = 3; i < parts.length; i++) {
    const p = parts[i];
    if (p === 'properties' && i + 1 < parts.length) out += `.${parts[++i]}`;
    else if (p === 'items') out += '[]';
    else if (p === 'additionalProperties') out += '{}';
    else if ((p === 'allOf' || p === 'oneOf' || p === 'anyOf' || p === 'content') && i + 1 < parts.length) i++;
    else if (p !== 'schema' && p !== 'contentSchema') return undefined;
  }
  return out;
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
