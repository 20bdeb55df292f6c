/**
 * Parameter tables -> schemas. A row's "Table 4-4 object" / "Array of Table 4-7 objects" type is
 * resolved to the schema of that table (nested, titled by the table's caption: "MeshMetadata");
 * request tables honour the Mandatory column; names and types damaged by the extraction are
 * repaired here, with a diagnostic each.
 */
import type { Diagnostic, SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { PropertyModel, SchemaModel } from '../../model/types.ts';
import { applyProseConstraints } from './constraints.ts';
import { repairIdentifier, restoreLostHyphens, tidyProse, type Vocabulary } from './repair.ts';
import { cell, strayFragments, type Table, type TableRow } from './tables.ts';
import { parseTypeCell } from './type-cell.ts';

/** A caption that names a structure ("MeshMetadata") rather than a role ("Path parameters"). */
export function structureName(caption: string | undefined): string | undefined {
  const c = caption?.trim();
  return c && /^[A-Z][A-Za-z0-9]*$/.test(c) ? c : undefined;
}

export interface SchemaContext {
  file: string;
  /** Every table of the document by id ("4-4"). */
  tables: Map<string, Table>;
  vocab: Vocabulary;
  diags: Diagnostic[];
  /** Tables already turned into schemas (each is read once; references share the result). */
  built: Map<string, SchemaModel>;
  /** Table ids referenced from some row (to report unreferenced ones). */
  referenced: Set<string>;
  /** How many rows of the whole manual refer to each table id. */
  refCounts: Map<string, number>;
}

/** Count, for every table id, the rows whose Type cell refers to it. */
export function countReferences(tables: Iterable<Table>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tables) {
    for (const row of t.rows) {
      const parsed = parseTypeCell(cell(t, row, 'Type', true).replace(/\n/g, ' '));
      if (parsed.kind === 'table') out.set(parsed.table, (out.get(parsed.table) ?? 0) + 1);
    }
  }
  return out;
}

export function rowRef(file: string, row: TableRow): SourceRef {
  const r: SourceRef = { file, line: row.line };
  if (row.endLine !== row.line) r.endLine = row.endLine;
  if (row.page !== undefined) r.page = row.page;
  return r;
}

export function tableRef(file: string, t: Table): SourceRef {
  const r: SourceRef = { file, line: t.captionLine ?? t.line, endLine: t.endLine };
  if (t.page !== undefined) r.page = t.page;
  return r;
}

export function tableLabel(t: Table): string {
  return t.id ? `Table ${t.id}${t.caption ? ` ${t.caption}` : ''}` : `table at line ${t.line}`;
}

/** The repaired name of a row's first cell (diagnostics: name-rejoined, name-rejoined-unattested). */
export function rowName(ctx: SchemaContext, t: Table, row: TableRow): string {
  const raw = row.cells[0][0] ?? '';
  const r = repairIdentifier(raw, ctx.vocab);
  if (r.repaired) {
    ctx.diags.push(
      r.attested || r.corroborated
        ? diag('name-rejoined', 'info', `${tableLabel(t)}: name "${raw}" split by the extraction rejoined as "${r.name}" (${r.attested ? 'spelled so elsewhere in the manual' : 'other copies, split elsewhere, give the same name'})`, rowRef(ctx.file, row))
        : diag('name-rejoined-unattested', 'warning', `${tableLabel(t)}: name "${raw}" rejoined as "${r.name}", a spelling found nowhere else in the manual`, rowRef(ctx.file, row)),
    );
  }
  return r.name;
}

/** Object schema of a parameter table. `nested` = reached through a "Table x-y object" reference. */
export function tableSchema(ctx: SchemaContext, t: Table, seen: string[] = []): SchemaModel {
  if (t.id && ctx.built.has(t.id)) return ctx.built.get(t.id)!;
  const schema: SchemaModel = { type: 'object', properties: [], source: tableRef(ctx.file, t) };
  const title = structureName(t.caption);
  if (title) schema.title = title;
  if (t.id) ctx.built.set(t.id, schema);
  for (const row of t.rows) schema.properties!.push(rowProperty(ctx, t, row, [...seen, t.id ?? '']));
  return schema;
}

/** One row -> one property (name repaired, required from Mandatory, type resolved, prose constraints). */
export function rowProperty(ctx: SchemaContext, t: Table, row: TableRow, seen: string[]): PropertyModel {
  const name = rowName(ctx, t, row);
  const source = rowRef(ctx.file, row);
  for (const f of strayFragments(t, row)) {
    ctx.diags.push(diag('table-stray-fragment', 'info', `${tableLabel(t)}: stray text "${f.text}" in the ${f.column} column of "${name}" (a piece of a wrapped cell) ignored`, source));
  }
  let required = false;
  if (t.columns.includes('Mandatory')) {
    const m = cell(t, row, 'Mandatory').trim();
    if (/^yes$/i.test(m)) required = true;
    else if (!/^no$/i.test(m)) {
      ctx.diags.push(
        diag('mandatory-missing', 'warning', `${tableLabel(t)}: "${name}" has ${m ? `Mandatory "${m}"` : 'an empty Mandatory cell'}; treated as optional`, source),
      );
    }
  }
  const hyphens = restoreLostHyphens(tidyProse(cell(t, row, 'Description', true)), ctx.vocab);
  const description = hyphens.text;
  if (hyphens.restored.length) {
    ctx.diags.push(diag('hyphen-restored', 'info', `${tableLabel(t)}: ${name}: lost hyphen restored (${hyphens.restored.join(', ')}), as the manual spells it elsewhere`, source));
  }
  const { schema, shared } = cellSchema(ctx, t, row, name, seen);
  if (shared) {
    // The nested table's schema is shared by every row that refers to it. When one row refers to
    // the table, its words describe the structure; when several do, no one row's words fit all:
    // they describe the property (beside its $ref in the spec).
    const id = [...ctx.built.entries()].find(([, v]) => v === schema)?.[0];
    const count = id ? (ctx.refCounts.get(id) ?? 0) : 0;
    if (description && count <= 1) schema.description = description;
    else if (description && count > 1) return { name, required, schema, description };
    return { name, required, schema };
  }
  schema.source = source;
  if (description) schema.description = description;
  for (const f of applyProseConstraints(schema.type === 'array' && schema.items ? schema.items : schema, description)) {
    ctx.diags.push(diag(f.id, 'info', `${tableLabel(t)}: ${name}: ${f.note}`, source));
  }
  return { name, required, schema };
}

function cellSchema(ctx: SchemaContext, t: Table, row: TableRow, name: string, seen: string[]): { schema: SchemaModel; shared: boolean } {
  const s = cellSchemaInner(ctx, t, row, name, seen);
  return { schema: s, shared: [...ctx.built.values()].includes(s) };
}

function cellSchemaInner(ctx: SchemaContext, t: Table, row: TableRow, name: string, seen: string[]): SchemaModel {
  const raw = cell(t, row, 'Type', true).replace(/\n/g, ' ');
  const parsed = parseTypeCell(raw);
  switch (parsed.kind) {
    case 'scalar':
      return { ...parsed.schema };
    case 'array':
      return { type: 'array', items: parsed.items };
    case 'table': {
      const target = ctx.tables.get(parsed.table);
      ctx.referenced.add(parsed.table);
      if (!target) {
        ctx.diags.push(diag('table-ref-unresolved', 'error', `${tableLabel(t)}: "${name}" refers to Table ${parsed.table}, which is not in the manual`, rowRef(ctx.file, row)));
        return { type: 'object', additionalProperties: true, documentedType: raw.trim() };
      }
      if (seen.includes(parsed.table)) {
        ctx.diags.push(diag('table-ref-cycle', 'warning', `${tableLabel(t)}: "${name}" refers back to Table ${parsed.table}; the cycle is cut here`, rowRef(ctx.file, row)));
        return { type: 'object', additionalProperties: true };
      }
      const inner = tableSchema(ctx, target, seen);
      return parsed.array ? { type: 'array', items: inner } : inner;
    }
    case 'empty':
      return inferMissingType(ctx, t, row, name);
    case 'unknown':
      ctx.diags.push(diag('type-unknown', 'warning', `${tableLabel(t)}: "${name}" has type "${parsed.text}", which is not a known type; left untyped`, rowRef(ctx.file, row)));
      return { documentedType: parsed.text };
  }
}

/**
 * An empty Type cell ("includeInboundPo rts"): the same structure is documented in other tables
 * with the same caption; when every copy that has the row agrees on its type, that type is used.
 */
function inferMissingType(ctx: SchemaContext, t: Table, row: TableRow, name: string): SchemaModel {
  const title = structureName(t.caption);
  const types = new Map<string, string[]>();
  if (title) {
    for (const other of ctx.tables.values()) {
      if (other === t || structureName(other.caption) !== title) continue;
      for (const r of other.rows) {
        if (repairIdentifier(r.cells[0][0] ?? '', ctx.vocab).name !== name) continue;
        const ty = cell(other, r, 'Type', true).replace(/\s+/g, ' ').trim();
        if (!ty) continue;
        const list = types.get(ty) ?? [];
        list.push(other.id ?? String(other.line));
        types.set(ty, list);
      }
    }
  }
  if (types.size === 1) {
    const [[ty, from]] = [...types.entries()];
    const parsed = parseTypeCell(ty);
    if (parsed.kind === 'scalar' || parsed.kind === 'array') {
      ctx.diags.push(
        diag('type-inferred', 'warning', `${tableLabel(t)}: "${name}" has an empty Type cell; "${ty}" taken from the same row of Table ${from.join(', ')}`, rowRef(ctx.file, row)),
      );
      return parsed.kind === 'scalar' ? { ...parsed.schema } : { type: 'array', items: parsed.items };
    }
  }
  ctx.diags.push(
    diag('type-missing', 'warning', `${tableLabel(t)}: "${name}" has an empty Type cell${types.size > 1 ? ' and the other copies disagree' : ''}; left untyped`, rowRef(ctx.file, row)),
  );
  return {};
}
