/**
 * The manual documents the same structure again for every operation (Table 4-23, 4-44, 4-65, 4-87
 * MeshMetadata). Copies that are identical become one component; copies that differ (a request
 * table with a Mandatory column, a description that differs in one operation) become variants:
 *
 * - the variant documented most often keeps the table's name ("MeshMetadata");
 * - a request-side variant is named `<Title>Input` ("MeshMetadataInput");
 * - another response-side variant is named after the first operation documenting it
 *   ("CreateServiceMeshMeshMetadata").
 *
 * The report names every copy that differs and says how (schema-copy-differs), and every group of
 * identical copies that was merged (schema-copies-merged). An untitled body table ("Parameters in
 * the response body") that is structurally one of the titled tables takes that table's name
 * (body-matches-table).
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { SchemaModel } from '../../model/types.ts';
import { canonical, pascal } from '../../openapi/context.ts';

export interface SchemaRoot {
  schema: SchemaModel;
  operationId: string;
  side: 'request' | 'response';
  /** "response 201" / "request body" */
  where: string;
}

interface Occurrence {
  schema: SchemaModel;
  operationId: string;
  side: 'request' | 'response';
  where: string;
}

/**
 * Structure keys (what the emitter's dedup compares: everything but sources and names), computed
 * once per schema object: a nested structure's key is interned to a number and stands for it in
 * its parent's key, so a manual's many copies of deep tables are not serialised again at every
 * level (that was most of the Huawei dialect's time). Keys are equal exactly when the structures
 * are; one instance per pass, since a later change to a schema (a title given) is not seen by the
 * keys already made.
 */
export class StructureKeys {
  private readonly ids = new Map<string, number>();
  private readonly idOf = new Map<SchemaModel, number>();
  /** Strings (names, descriptions) interned too: a key holds their numbers, not their text. */
  private readonly texts = new Map<string, number>();

  /**
   * The schema's own fields in key order, each as `name:length:value;` (the length makes the
   * string unambiguous): a nested schema by its structure's number, a string by its number, any
   * other value as canonical JSON.
   */
  key(s: SchemaModel, withTitle = true): string {
    const fields = s as unknown as Record<string, unknown>;
    let out = '';
    for (const k of Object.keys(fields).sort()) {
      if (k === 'source' || k === 'componentName' || (k === 'title' && !withTitle)) continue;
      const v = fields[k];
      let value: string;
      if (k === 'properties') value = s.properties!.map((p) => `${this.text(p.name)},${canonical(p.required)},${this.id(p.schema)}`).join(' ');
      else if (k === 'items' || k === 'contentSchema' || (k === 'additionalProperties' && typeof v === 'object' && v !== null)) value = `#${this.id(v as SchemaModel)}`;
      else value = typeof v === 'string' ? `s${this.text(v)}` : `j${canonical(v)}`;
      out += `${k}:${value.length}:${value};`;
    }
    return out;
  }

  private id(s: SchemaModel): number {
    let id = this.idOf.get(s);
    if (id === undefined) {
      const k = this.key(s, true);
      id = this.ids.get(k);
      if (id === undefined) this.ids.set(k, (id = this.ids.size));
      this.idOf.set(s, id);
    }
    return id;
  }

  private text(t: string): number {
    let n = this.texts.get(t);
    if (n === undefined) this.texts.set(t, (n = this.texts.size));
    return n;
  }
}

/** One schema's structure key (keys from one StructureKeys instance are only comparable among themselves). */
export function structureKey(s: SchemaModel, withTitle = true): string {
  return new StructureKeys().key(s, withTitle);
}

/** First few differences between two copies of a structure, for the report. */
export function describeDifferences(a: SchemaModel, b: SchemaModel, path = '', limit = 3): string[] {
  const out: string[] = [];
  const at = path || '(top)';
  if (a.type !== b.type) out.push(`${at}: type ${a.type ?? 'none'} vs ${b.type ?? 'none'}`);
  if ((a.description ?? '') !== (b.description ?? '')) out.push(`${at}: description differs`);
  for (const k of ['const', 'enum', 'minLength', 'maxLength', 'pattern', 'format'] as const) {
    if (canonical(a[k]) !== canonical(b[k])) out.push(`${at}: ${k} differs`);
  }
  const pa = new Map((a.properties ?? []).map((p) => [p.name, p]));
  const pb = new Map((b.properties ?? []).map((p) => [p.name, p]));
  for (const [n, p] of pa) {
    const q = pb.get(n);
    const sub = path ? `${path}.${n}` : n;
    if (!q) out.push(`${sub}: only in this copy`);
    else {
      if (p.required !== q.required) out.push(`${sub}: ${p.required ? 'required' : 'optional'} here, ${q.required ? 'required' : 'optional'} there`);
      out.push(...describeDifferences(p.schema, q.schema, sub, limit));
    }
    if (out.length >= limit) return out.slice(0, limit);
  }
  for (const n of pb.keys()) if (!pa.has(n)) out.push(`${path ? `${path}.` : ''}${n}: missing here`);
  if (a.items && b.items) out.push(...describeDifferences(a.items, b.items, `${at}[]`, limit));
  return out.slice(0, limit);
}

function collect(root: SchemaRoot, into: Occurrence[], seen: Set<SchemaModel>): void {
  const walk = (s: SchemaModel | undefined): void => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    if (s.type === 'object' && (s.title || s.componentName) && s.properties?.length) into.push({ schema: s, operationId: root.operationId, side: root.side, where: root.where });
    for (const p of s.properties ?? []) walk(p.schema);
    walk(s.items);
  };
  walk(root.schema);
}

export function nameVariants(roots: SchemaRoot[], diags: Diagnostic[], label?: (s: SchemaModel) => string | undefined): void {
  const fallback = (s: SchemaModel): string => (s.source ? `line ${s.source.line}` : '?');
  const tableNo = (s: SchemaModel): string => label?.(s) ?? fallback(s);
  // 1. Untitled body tables that are one of the titled structures take its name.
  const titled: SchemaModel[] = [];
  const seenAll = new Set<SchemaModel>();
  const all: Occurrence[] = [];
  for (const r of roots) collect(r, all, seenAll);
  for (const o of all) if (o.schema.title) titled.push(o.schema);
  // Keys computed before any title is given, once per schema (StructureKeys).
  const before = new StructureKeys();
  const untitledKeys = new Map<string, SchemaModel>();
  for (const t of titled) {
    const k = before.key(t, false);
    if (!untitledKeys.has(k)) untitledKeys.set(k, t);
  }
  const matches = roots.map((r) =>
    r.schema.title || r.schema.type !== 'object' || !r.schema.properties?.length ? undefined : untitledKeys.get(before.key(r.schema, false)),
  );
  for (const [i, r] of roots.entries()) {
    const match = matches[i];
    // (the same body object under two roots is named once)
    if (match && r.schema.source && !r.schema.title) {
      r.schema.title = match.title;
      diags.push(diag('body-matches-table', 'info', `${r.operationId} ${r.where}: the body table is the same structure as the ${match.title} table (${tableNo(match)}); named ${match.title}`, r.schema.source));
    }
  }
  // 2. Group every titled structure by title, then by structure.
  const occ: Occurrence[] = [];
  const seen = new Set<SchemaModel>();
  for (const r of roots) collect(r, occ, seen);
  const after = new StructureKeys();
  const byTitle = new Map<string, Map<string, Occurrence[]>>();
  for (const o of occ) {
    // Untitled bodies the dialect named (ErrorResponse) are grouped by that name.
    const name = o.schema.title ?? o.schema.componentName!;
    const g = byTitle.get(name) ?? new Map<string, Occurrence[]>();
    const k = after.key(o.schema);
    g.set(k, [...(g.get(k) ?? []), o]);
    byTitle.set(name, g);
  }
  for (const [title, group] of byTitle) {
    const variants = [...group.values()];
    for (const v of variants) {
      if (v.length > 1 && v[0].schema.source) {
        diags.push(
          diag('schema-copies-merged', 'info', `${title}: the copies at ${v.map((o) => tableNo(o.schema)).join(', ')} are the same structure; emitted once`, v[0].schema.source),
        );
      }
    }
    if (variants.length === 1) continue;
    // Most copies first; ties: response side first, then document order.
    const ranked = [...variants].sort(
      (a, b) => b.length - a.length || (a[0].side === b[0].side ? 0 : a[0].side === 'response' ? -1 : 1) || (a[0].schema.source?.line ?? 0) - (b[0].schema.source?.line ?? 0),
    );
    const primary = ranked[0];
    for (const v of ranked.slice(1)) {
      const first = v[0];
      const name = first.side === 'request' ? `${pascal(title)}Input` : `${pascal(first.operationId)}${pascal(title)}`;
      for (const o of v) o.schema.componentName = name;
      const diffs = describeDifferences(first.schema, primary[0].schema);
      diags.push(
        diag(
          'schema-copy-differs',
          'info',
          `${title} at ${v.map((o) => tableNo(o.schema)).join(', ')} (${first.operationId} ${first.where}) differs from the copy at ${tableNo(primary[0].schema)}: ${diffs.join('; ') || 'nested structures differ'}; emitted as ${name}`,
          first.schema.source!,
        ),
      );
    }
  }
}
