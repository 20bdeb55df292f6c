/**
 * Parameter tables -> schemas. A row's "Table 4-4 object" / "Array of Table 4-7 objects" type is
 * resolved to the schema of that table (nested, titled by the table's caption: "MeshMetadata");
 * request tables honour the Mandatory column; names and types damaged by the extraction are
 * repaired here, with a diagnostic each.
 */
import type { Diagnostic, SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { JsonValue, PropertyModel, SchemaModel } from '../../model/types.ts';
import type { Fact } from './examples.ts';
import { captionRole, isIdentifierCaption } from './captions.ts';
import { applyProseConstraints, optionsFromProse } from './constraints.ts';
import { repairIdentifier, restoreLostHyphens, tidyProse, type Vocabulary } from './repair.ts';
import { cell, strayFragments, type Table, type TableRow } from './tables.ts';
import { parseTypeCell, type TypeCell, typeCellSchema } from './type-cell.ts';

/** A caption that names a structure ("MeshMetadata") rather than a role ("Path parameters"). */
export function structureName(caption: string | undefined): string | undefined {
  return isIdentifierCaption(caption) ? caption!.trim() : undefined;
}

/** A row whose Type cell was empty and that no other copy typed. */
export interface Untyped {
  table: Table;
  row: TableRow;
  name: string;
  /** The property it became (absent for parameters, whose schema is completed in place). */
  prop?: PropertyModel;
  /** The row's description (a parameter's moves off its schema). */
  description?: string;
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
  /** Properties whose Type cell was empty and that no other copy typed (examples may still). */
  untyped: Map<SchemaModel, Untyped>;
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
    if (/^(?:yes|true|mandatory|required)$/i.test(m)) required = true;
    else if (!/^(?:no|false|optional)$/i.test(m)) {
      const copy = mandatoryFromCopies(ctx, t, name);
      if (copy) {
        required = copy.required;
        ctx.diags.push(diag('mandatory-inferred', 'warning', `${tableLabel(t)}: "${name}" has ${m ? `Mandatory "${m}"` : 'an empty Mandatory cell'}; ${copy.required ? 'Yes' : 'No'} taken from the same row of Table ${copy.from.join(', ')}`, source));
      } else {
        ctx.diags.push(
          diag('mandatory-missing', 'warning', `${tableLabel(t)}: "${name}" has ${m ? `Mandatory "${m}"` : 'an empty Mandatory cell'} and no other copy of the table gives it; treated as optional`, source),
        );
      }
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
  const prop: PropertyModel = { name, required, schema };
  const untyped = ctx.untyped.get(schema);
  if (untyped) {
    untyped.prop = prop;
    untyped.description = description;
  }
  return prop;
}

/** The Mandatory cell of the same row in other copies of the same structure, when they agree. */
function mandatoryFromCopies(ctx: SchemaContext, t: Table, name: string): { required: boolean; from: string[] } | undefined {
  const title = structureName(t.caption);
  if (!title) return undefined;
  const seen = new Map<boolean, string[]>();
  for (const other of ctx.tables.values()) {
    if (other === t || structureName(other.caption) !== title || !other.columns.includes('Mandatory')) continue;
    for (const r of other.rows) {
      if (repairIdentifier(r.cells[0][0] ?? '', ctx.vocab).name !== name) continue;
      const m = cell(other, r, 'Mandatory').trim();
      const v = /^(?:yes|true)$/i.test(m) ? true : /^(?:no|false)$/i.test(m) ? false : undefined;
      if (v !== undefined) seen.set(v, [...(seen.get(v) ?? []), other.id ?? String(other.line)]);
    }
  }
  if (seen.size !== 1) return undefined;
  const [[required, from]] = [...seen.entries()];
  return { required, from };
}

function cellSchema(ctx: SchemaContext, t: Table, row: TableRow, name: string, seen: string[]): { schema: SchemaModel; shared: boolean } {
  const s = cellSchemaInner(ctx, t, row, name, seen);
  return { schema: s, shared: [...ctx.built.values()].includes(s) };
}

/**
 * The Type cell, read whole ("Array of Table" / "4-12 objects" wrapped in its column); when the
 * whole does not read, its first line alone (a stray piece of a wrapped name landed under it).
 */
function readTypeCell(ctx: SchemaContext, t: Table, row: TableRow, name: string): { parsed: TypeCell; raw: string } {
  const lines = t.columns.includes('Type') ? row.cells[t.columns.indexOf('Type')] : [];
  const raw = lines.join(' ');
  const parsed = parseTypeCell(raw);
  if (parsed.kind !== 'unknown' || lines.length < 2) return { parsed, raw };
  for (let k = lines.length - 1; k >= 1; k--) {
    const head = lines.slice(0, k).join(' ');
    const p = parseTypeCell(head);
    if (p.kind !== 'unknown' && p.kind !== 'empty') {
      ctx.diags.push(diag('table-stray-fragment', 'info', `${tableLabel(t)}: stray text "${lines.slice(k).join(' ')}" under the Type "${head}" of "${name}" (a piece of a wrapped cell) ignored`, rowRef(ctx.file, row)));
      return { parsed: p, raw: head };
    }
  }
  return { parsed, raw };
}

function cellSchemaInner(ctx: SchemaContext, t: Table, row: TableRow, name: string, seen: string[]): SchemaModel {
  const { parsed, raw } = readTypeCell(ctx, t, row, name);
  switch (parsed.kind) {
    case 'scalar':
      return { ...parsed.schema };
    case 'array':
    case 'object':
    case 'map':
      return typeCellSchema(parsed)!;
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
 * Otherwise the property stays untyped here and is registered in `ctx.untyped`: the operation's
 * examples (inferTypesFromExamples) or the description (inferTypeFromDescription) may decide later.
 */
function inferMissingType(ctx: SchemaContext, t: Table, row: TableRow, name: string): SchemaModel {
  const title = structureName(t.caption);
  const description = tidyProse(cell(t, row, 'Description', true));
  const types = new Map<string, string[]>();
  const collect = (same: (other: Table, r: TableRow) => boolean, structures: boolean) => {
    for (const other of ctx.tables.values()) {
      if (other === t) continue;
      for (const r of other.rows) {
        if (!same(other, r) || repairIdentifier(r.cells[0][0] ?? '', ctx.vocab).name !== name) continue;
        let ty = cell(other, r, 'Type', true).replace(/\s+/g, ' ').trim();
        const parsed = parseTypeCell(ty);
        // Outside copies of the same structure, a "Table x-y object" is another structure.
        if (!ty || (!structures && parsed.kind === 'table')) continue;
        // Copies refer to their own copy of a nested structure: compared by its name.
        if (parsed.kind === 'table') ty = `${parsed.array ? 'Array of ' : ''}${structureName(ctx.tables.get(parsed.table)?.caption) ?? parsed.table}|${parsed.table}`;
        const list = types.get(ty.split('|')[0]) ?? [];
        list.push(other.id ?? String(other.line));
        types.set(ty.split('|')[0], list);
        if (ty.includes('|')) refs.set(ty.split('|')[0], ty.split('|')[1]);
      }
    }
  };
  const refs = new Map<string, string>();
  // 1. The same row in the other copies of the same structure ("Table 4-28 ProxyConfig" again).
  if (title) collect((other) => structureName(other.caption) === title, true);
  // 2. The same field elsewhere: a row with the same name and the same description.
  if (!types.size && description) collect((other, r) => tidyProse(cell(other, r, 'Description', true)) === description, false);
  const role = captionRole(t.caption);
  if (types.size === 1) {
    let [[ty, from]] = [...types.entries()];
    if (refs.has(ty)) {
      // The structure the copies name: this operation's own copy when it has one no row refers to.
      const array = ty.startsWith('Array of ');
      const nameOf = ty.replace(/^Array of /, '');
      const local = orphansNear(ctx, t).find((o) => structureName(o.caption) === nameOf);
      const id = local?.id ?? refs.get(ty)!;
      ty = `${array ? 'Array of ' : ''}Table ${id} object${array ? 's' : ''}`;
    }
    const parsed = parseTypeCell(ty);
    if (parsed.kind === 'table') {
      const target = ctx.tables.get(parsed.table);
      if (target) {
        ctx.referenced.add(parsed.table);
        ctx.diags.push(diag('type-inferred', 'warning', `${tableLabel(t)}: "${name}" has an empty Type cell; "${ty}" taken from the same row of Table ${from.join(', ')}`, rowRef(ctx.file, row)));
        const inner = tableSchema(ctx, target, []);
        return parsed.array ? { type: 'array', items: inner } : inner;
      }
    }
    const schema = parsed.kind === 'scalar' ? { ...parsed.schema } : typeCellSchema(parsed);
    if (schema) {
      ctx.diags.push(diag('type-inferred', 'warning', `${tableLabel(t)}: "${name}" has an empty Type cell; "${ty}" taken from the same row of Table ${from.join(', ')}`, rowRef(ctx.file, row)));
      return schema;
    }
  }
  if (types.size > 1) {
    ctx.diags.push(diag('type-missing', 'warning', `${tableLabel(t)}: "${name}" has an empty Type cell and the other copies disagree (${[...types.keys()].join(' / ')}); left untyped`, rowRef(ctx.file, row)));
    return {};
  }
  // 3. A path parameter is a segment of the URI: text.
  if (role === 'path') {
    ctx.diags.push(diag('type-from-uri', 'warning', `${tableLabel(t)}: "${name}" has an empty Type cell and no other copy; a path parameter is a segment of the URI, read as a string`, rowRef(ctx.file, row)));
    return { type: 'string' };
  }
  const schema: SchemaModel = {};
  ctx.untyped.set(schema, { table: t, row, name });
  return schema;
}

/** What a JSON value says about the type of the property it was printed for. */
function typeOfValue(v: JsonValue): SchemaModel | undefined {
  if (typeof v === 'string') return { type: 'string' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  if (typeof v === 'number') return Number.isInteger(v) ? { type: 'integer' } : { type: 'number' };
  if (Array.isArray(v)) {
    const items = v.length ? typeOfValue(v[0]) : undefined;
    return items ? { type: 'array', items } : { type: 'array' };
  }
  if (v && typeof v === 'object') return { type: 'object', additionalProperties: true };
  return undefined;
}

/**
 * The structure tables that follow a parameter table up to the next parameter table (its nested
 * structures: "Table 4-4 MeshMetadata" … after "Table 4-3 Parameters in the request body"), that no
 * row refers to: one of them is what a row whose Type cell was lost referred to.
 */
function orphansNear(ctx: SchemaContext, t: Table): Table[] {
  const all = [...ctx.tables.values()].sort((a, b) => a.line - b.line);
  let k = all.indexOf(t);
  while (k > 0 && structureName(all[k].caption)) k--;
  const out: Table[] = [];
  for (let j = k + 1; j < all.length && structureName(all[j].caption); j++) {
    // Unreferenced and referenced by no row at all: the top of a lost branch (its own nested
    // tables are referenced by its rows).
    if (!ctx.referenced.has(all[j].id!) && !ctx.built.has(all[j].id!) && !ctx.refCounts.get(all[j].id!)) out.push(all[j]);
  }
  return out;
}

/**
 * An example prints `"name" : {` (or `[ {`) for a row whose Type cell is empty, followed by keys
 * the schema does not know: they are the rows of the lost structure. The unreferenced structure
 * table beside the row with the most of those keys (the first among them) is its type.
 */
export function linkStructuresFromFacts(ctx: SchemaContext, facts: Fact[], within: (t: Table) => boolean, label: string): void {
  // A linked structure may have untyped rows of its own: go again until nothing changes.
  for (let round = 0; round < 8 && ctx.untyped.size; round++) {
    if (!linkRound(ctx, facts, within, label)) break;
  }
}

/** One pass over the untyped rows; how many were settled. */
function linkRound(ctx: SchemaContext, facts: Fact[], within: (t: Table) => boolean, label: string): number {
  let settled = 0;
  for (const [schema, info] of [...ctx.untyped]) {
    if (!ctx.untyped.has(schema)) continue;
    if (!within(info.table)) continue;
    const openers = facts.map((f, k) => (f.key === info.name && f.opens ? k : -1)).filter((k) => k >= 0);
    if (!openers.length) continue;
    const orphans = (info.prop ? orphansNear(ctx, info.table) : []).map((t) => ({ t, names: new Set(t.rows.map((r) => repairIdentifier(r.cells[0][0] ?? '', ctx.vocab).name)) }));
    // The same key may open several objects (a "keys" inside a "keys"): the opener whose keys are
    // a lost structure's rows.
    // The opener that belongs to this row sits among the row's siblings (the other rows of its table).
    const siblings = new Set(info.table.rows.map((r) => repairIdentifier(r.cells[0][0] ?? '', ctx.vocab).name).filter((n) => n !== info.name));
    const near = (at: number) => facts.slice(Math.max(0, at - 5), at).reduce((n, f) => n + (siblings.has(f.key) ? 1 : -1), 0);
    let best: { t: Table; hits: number; at: number; sib: number } | undefined; // sib: siblings minus strangers before it
    for (const at of openers) {
      const keys = facts.slice(at + 1, at + 40).map((f) => f.key);
      const sib = near(at);
      for (const o of orphans) {
        if (!o.names.has(keys[0])) continue;
        const hits = keys.filter((k) => o.names.has(k)).length;
        if (!best || sib > best.sib || (sib === best.sib && hits > best.hits)) best = { t: o.t, hits, at, sib };
      }
    }
    const at = best?.at ?? openers[openers.length - 1];
    if (!best) {
      // An object or list whose keys are no structure of the manual: a map, or a list of them.
      const array = facts[at].opens === 'array';
      settle(ctx, schema, info, array ? { type: 'array' } : { type: 'object', additionalProperties: true }, false);
      settled++;
      ctx.diags.push(diag('type-from-example', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell; the ${label} opens ${array ? 'a list' : 'an object'} there whose keys no structure table lists: read as ${array ? 'an array' : 'an object with any properties'}`, rowRef(ctx.file, info.row)));
      continue;
    }
    ctx.referenced.add(best.t.id!);
    const inner = tableSchema(ctx, best.t, []);
    const array = facts[at].opens === 'array';
    settle(ctx, schema, info, array ? { type: 'array', items: inner } : inner, true);
    settled++;
    ctx.diags.push(diag('structure-from-example', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell; the ${label} opens ${array ? 'a list of objects' : 'an object'} there with the fields of ${tableLabel(best.t)}, which no row refers to: read as ${array ? 'an array of ' : ''}that structure`, rowRef(ctx.file, info.row)));
  }
  return settled;
}

/**
 * Give an untyped row the type found, and read its description's constraints again. A structure
 * table's schema (shared) replaces the property's schema; a plain type completes it in place.
 */
function settle(ctx: SchemaContext, schema: SchemaModel, info: Untyped, found: SchemaModel, shared: boolean): boolean {
  const description = info.description ?? schema.description;
  if (shared) {
    if (!info.prop) return false;
    const inner = found.items ?? found;
    if (description && !inner.description) inner.description = description;
    info.prop.schema = found;
    ctx.untyped.delete(schema);
    return true;
  }
  ctx.untyped.delete(schema);
  Object.assign(schema, found);
  if (description) {
    for (const f of applyProseConstraints(schema.type === 'array' && schema.items ? schema.items : schema, description)) {
      ctx.diags.push(diag(f.id, 'info', `${tableLabel(info.table)}: ${info.name}: ${f.note}`, rowRef(ctx.file, info.row)));
    }
  }
  return true;
}

/** Link an untyped row to an unreferenced structure table whose rows are the keys its example shows. */
function structureFromExample(ctx: SchemaContext, info: Untyped, v: JsonValue): { schema: SchemaModel; table: Table } | undefined {
  const objects = (Array.isArray(v) ? v : [v]).filter((x): x is Record<string, JsonValue> => !!x && typeof x === 'object' && !Array.isArray(x));
  const keys = new Set(objects.flatMap((o) => Object.keys(o)));
  if (!keys.size) return undefined;
  for (const orphan of orphansNear(ctx, info.table)) {
    const names = new Set(orphan.rows.map((r) => repairIdentifier(r.cells[0][0] ?? '', ctx.vocab).name));
    if (![...keys].every((k) => names.has(k))) continue;
    ctx.referenced.add(orphan.id!);
    const inner = tableSchema(ctx, orphan, []);
    return { schema: Array.isArray(v) ? { type: 'array', items: inner } : inner, table: orphan };
  }
  return undefined;
}

/**
 * Untyped properties of `schema` whose value the rebuilt example shows take the value's type
 * (type-from-example); an object value whose keys are the rows of a structure table no row refers
 * to is that table (structure-from-example). Integral numbers read as integer: a Float printed as
 * 100 is not told apart.
 */
export function inferTypesFromExamples(ctx: SchemaContext, schema: SchemaModel, value: JsonValue | undefined, label: string, depth = 0): void {
  if (!ctx.untyped.size || value === undefined || value === null || depth > 12) return;
  if (Array.isArray(value)) {
    if (schema.items) for (const v of value) inferTypesFromExamples(ctx, schema.items, v, label, depth + 1);
    return;
  }
  if (typeof value !== 'object') return;
  for (const p of schema.properties ?? []) {
    const v = (value as Record<string, JsonValue>)[p.name];
    if (v === undefined) continue;
    const info = ctx.untyped.get(p.schema);
    if (info) {
      const linked = typeof v === 'object' && v !== null && info.prop ? structureFromExample(ctx, info, v) : undefined;
      if (linked) {
        settle(ctx, p.schema, info, linked.schema, true);
        ctx.diags.push(diag('structure-from-example', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell; its ${label} value has the fields of ${tableLabel(linked.table)}, which no row refers to: read as ${Array.isArray(v) ? 'an array of ' : ''}that structure`, rowRef(ctx.file, info.row)));
        continue;
      }
      const t = typeOfValue(v);
      if (t) {
        settle(ctx, p.schema, info, t, false);
        ctx.diags.push(diag('type-from-example', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell; ${t.type}${t.items?.type ? ` of ${t.items.type}` : ''} taken from the value ${JSON.stringify(v).slice(0, 40)} in the ${label}`, rowRef(ctx.file, info.row)));
      }
      continue;
    }
    inferTypesFromExamples(ctx, p.schema, v, label, depth + 1);
  }
}

/**
 * Words of a description that settle a type: "Whether …" is a boolean, "The number of …" an
 * integer, "The ID / name / description / address / region of …" a string (and the same in Chinese:
 * 是否 …, …的数量, …的ID / 名称 / 描述 / 地址). Times, sizes and ports are left alone: manuals give
 * them as strings or as numbers.
 */
const DESCRIPTION_TYPES: [RegExp, SchemaModel][] = [
  [/^(?:specifies |indicates )?whether\b|^是否/i, { type: 'boolean' }],
  [/^(?:the )?(?:total )?number of\b|的数量。?$/i, { type: 'integer' }],
  [/^(?:the )?(?:unique )?(?:id|identifier|uuid|name|display name|description|address|url|uri|domain name|region)\b(?! list)(?!s\b)|的(?:ID|名称|描述信息|描述|访问地址|地址|唯一标识)。?$|所在的地域。?$/i, { type: 'string' }],
  [/^\S+ (?:id|name)\.$/i, { type: 'string' }],
];

/** The first line of a description that says what the field is (not a "Definition" label). */
function leadSentence(description: string): string {
  return description.split('\n').map((l) => l.trim()).find((l) => l && !/^definition$/i.test(l)) ?? '';
}

/**
 * Does a row stand for a list? Its description says so ("The list of …", "… that are returned"),
 * else its name reads as one ("members", "ruleList", "items"). Only used when nothing else tells.
 */
function readsAsList(name: string, description: string): boolean {
  if (/\b(?:list|lists|array|collection)\b|\bare returned\b/i.test(description)) return true;
  if (/^(?:the )?(?:configuration|configurations|information|settings|metadata|specification)\b/i.test(description)) return false;
  return /(?:[^su]s|List|Items|Records|Entries)$/.test(name);
}

/**
 * Untyped properties left after the examples. A row beside exactly one structure table that no
 * row refers to is that structure (an array of it when its name reads as a list); otherwise the
 * description decides; else it stays untyped. Each is reported with what decided it.
 */
export function inferRemainingTypes(ctx: SchemaContext): void {
  for (const [schema, info] of [...ctx.untyped]) {
    const prop = info.prop;
    const orphans = orphansNear(ctx, info.table);
    const pending = [...ctx.untyped.values()].filter((o) => orphansNear(ctx, o.table).some((x) => orphans.includes(x)));
    if (prop && orphans.length === 1 && pending.length === 1) {
      const orphan = orphans[0];
      ctx.referenced.add(orphan.id!);
      const inner = tableSchema(ctx, orphan, []);
      const array = readsAsList(info.name, leadSentence(info.description ?? schema.description ?? ''));
      settle(ctx, schema, info, array ? { type: 'array', items: inner } : inner, true);
      ctx.diags.push(diag('structure-inferred', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell and no example value; ${tableLabel(orphan)}, the one structure beside it that no row refers to, read as its type (${array ? 'an array: its description or name reads as a list' : 'one object'})`, rowRef(ctx.file, info.row)));
      continue;
    }
    const text = leadSentence(info.description ?? schema.description ?? '');
    const listed = optionsFromProse(info.description ?? schema.description ?? '')?.map((o) => o.value);
    if (listed?.length && listed.every((v) => !/^-?\d+(?:\.\d+)?$/.test(v) && !/^(?:true|false)$/i.test(v))) {
      settle(ctx, schema, info, { type: 'string' }, false);
      ctx.diags.push(diag('type-from-description', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell and no example value; string read from the values its description lists (${listed.slice(0, 3).join(', ')}${listed.length > 3 ? ', …' : ''})`, rowRef(ctx.file, info.row)));
      continue;
    }
    const hit = DESCRIPTION_TYPES.find(([re]) => re.test(text));
    if (hit) {
      settle(ctx, schema, info, { ...hit[1] }, false);
      ctx.diags.push(diag('type-from-description', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell and no example value; ${hit[1].type} read from its description "${text.slice(0, 50)}"`, rowRef(ctx.file, info.row)));
    } else {
      ctx.untyped.delete(schema);
      ctx.diags.push(diag('type-missing', 'warning', `${tableLabel(info.table)}: "${info.name}" has an empty Type cell; no other copy, example or description gives its type; left untyped`, rowRef(ctx.file, info.row)));
    }
  }
}
