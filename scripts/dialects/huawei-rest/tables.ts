/**
 * Tab-separated tables, with their "Table 4-4 MeshMetadata" captions.
 *
 * - A header row is a line of known column names ("Parameter\tMandatory\tType\tDescription"); the
 *   names are compared after folding homoglyphs ("Туре") and dropping split spaces ("Statu s Code").
 * - A row starts with a non-empty first cell. A line that starts with a tab continues the previous
 *   row: its cells are appended, column by column, to the row's cells (description paragraphs,
 *   option lists).
 * - A page break inside a table shows as a blank line followed by the same header again: the table
 *   continues.
 * - Any other non-blank line without a tab, or a blank line followed by something else, ends it.
 *
 * PDF input read through the layout stage carries the table structure itself: every row is one
 * line with its `cells` (a cell's paragraphs separated by "\n") and the `table` it belongs to.
 * Such a table is read from the cells (`layoutRows`): rows are the layout's rows, a cell's
 * paragraphs are its lines (as continuation lines give them in text), the `table-continuation`
 * lines (the same paragraphs, tab-led) are skipped. The header vocabulary, captions and the
 * continuation rules across page breaks are the same as for text.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import { type Line, isBlank, nextContent, refOf } from './lines.ts';
import { foldHomoglyphs } from './repair.ts';

/**
 * Column names by meaning: each canonical column with the spellings manuals use for it (compared
 * with white space removed, lower-cased, look-alike letters folded). A header cell outside this
 * vocabulary is kept as written (a column the dialect does not read).
 */
const COLUMN_VOCABULARY: [string, string[]][] = [
  ['Parameter', ['parameter', 'parametername']],
  ['Mandatory', ['mandatory', 'required', 'mandatoryornot']],
  ['Type', ['type', 'datatype', 'parametertype']],
  ['Description', ['description', 'remarks']],
  ['Status Code', ['statuscode', 'httpstatuscode', 'httpstatus']],
  ['Error Code', ['errorcode']],
  ['Error Message', ['errormessage', 'errorinformation', 'errormsg']],
  ['Troubleshooting', ['troubleshooting', 'handlingmeasure', 'handlingmeasures', 'solution', 'measure', 'measures']],
  ['Message Title', ['messagetitle']],
  ['API', ['api', 'apiname']],
  ['Region Name', ['regionname']],
  ['Region', ['region', 'regionid']],
  ['Endpoint', ['endpoint', 'endpoints', 'domainname']],
];
export const KNOWN_COLUMNS = COLUMN_VOCABULARY.map(([c]) => c);
export type Column = string;
/** A header row outside a captioned table must start with one of these. */
const FIRST_COLUMNS = ['Parameter', 'Status Code', 'API', 'Region Name', 'Region', 'Error Code'];

export interface TableRow {
  /** Per column, the cell's lines (the first line, then one per continuation line that filled it). */
  cells: string[][];
  line: number;
  endLine: number;
  page?: number;
}

export interface Table {
  /** "4-4" */
  id?: string;
  /** Caption text after the id: "MeshMetadata", "Path parameters" … */
  caption?: string;
  captionLine?: number;
  columns: Column[];
  rows: TableRow[];
  /** Line of the (first) header row. */
  line: number;
  endLine: number;
  page?: number;
  /** Lines where a repeated header continued the table after a page break. */
  continuations: number[];
}

const CAPTION = /^\s*Table\s+(\d+-\d+)\s+(\S.*?)\s*$/;

function canonicalColumn(folded: string): string | undefined {
  const key = folded.replace(/\s+/g, '').toLowerCase();
  return COLUMN_VOCABULARY.find(([, spellings]) => spellings.includes(key))?.[0];
}

/**
 * Recognise a header row; returns canonical column names, or undefined. Outside a caption's table
 * every cell must be a known column and the first a first column; right after a caption any row of
 * short title cells is the header (unknown columns are kept as written).
 */
export function parseHeader(text: string, afterCaption = false): { columns: Column[]; folded: boolean; rejoined: string[] } | undefined {
  if (!text.includes('\t')) return undefined;
  const cells = text.split('\t').map((c) => c.trim());
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  if (cells.length < 2 || cells.some((c) => c === '')) return undefined;
  let folded = false;
  const rejoined: string[] = [];
  const columns: Column[] = [];
  for (const c of cells) {
    const f = foldHomoglyphs(c);
    if (f.changed) folded = true;
    const col = canonicalColumn(f.text);
    if (!col) {
      if (!afterCaption || c.length > 40 || /[.:;。]$/.test(c) || !/^[A-Z]/.test(f.text) || c.split(/\s+/).length > 6) return undefined;
      columns.push(f.text.replace(/\s+/g, ' '));
      continue;
    }
    const spaced = f.text.replace(/\s+/g, ' ');
    if (spaced.toLowerCase() !== col.toLowerCase() && spaced.replace(/ /g, '').toLowerCase() === col.replace(/ /g, '').toLowerCase()) rejoined.push(`"${c}"`);
    columns.push(col);
  }
  if (!afterCaption && (!FIRST_COLUMNS.includes(columns[0]) || columns.some((c) => !KNOWN_COLUMNS.includes(c)))) return undefined;
  if (afterCaption && !KNOWN_COLUMNS.includes(columns[0]) && columns.filter((c) => KNOWN_COLUMNS.includes(c)).length < 2) return undefined;
  return { columns, folded, rejoined };
}

export function parseCaption(text: string): { id: string; caption: string } | undefined {
  // A caption is a line of its own; "\tTable 4-31 objects" is the rest of a wrapped Type cell, and
  // "Table 5-1 describes status codes." a sentence about a table.
  if (text.includes('\t')) return undefined;
  const m = CAPTION.exec(text);
  return m && !/[.:;。：；]$/.test(m[2]) ? { id: m[1], caption: m[2] } : undefined;
}

/** A caption no table header row follows: reported, never silent (its table, if any, is not read). */
function captionAlone(caption: { id: string; caption: string; line: number }, file: string, diags: Diagnostic[]): void {
  diags.push(diag('table-caption-without-table', 'warning', `Table ${caption.id} ${caption.caption}: no table header row follows the caption (the header vocabulary did not match); the table is not read`, { file, line: caption.line }));
}

/**
 * Every table in lines[start, end). Diagnostics: header-homoglyph, header-rejoined, table-continued,
 * table-stray-cell, table-caption-without-table.
 */
export function parseTables(lines: Line[], start: number, end: number, file: string, diags: Diagnostic[]): Table[] {
  const out: Table[] = [];
  let caption: { id: string; caption: string; line: number } | undefined;
  let i = start;
  while (i < end) {
    const text = lines[i].text;
    const cap = parseCaption(text);
    if (cap) {
      if (caption) captionAlone(caption, file, diags);
      caption = { ...cap, line: lines[i].line };
      i++;
      continue;
    }
    const header = parseHeader(headerText(lines[i]), !!caption);
    if (!header) {
      // A caption waits for its header across blank lines (a page break may sit between them).
      if (!isBlank(lines[i]) && caption) {
        captionAlone(caption, file, diags);
        caption = undefined;
      }
      i++;
      continue;
    }
    const table: Table = { columns: header.columns, rows: [], line: lines[i].line, endLine: lines[i].line, continuations: [] };
    if (lines[i].page !== undefined) table.page = lines[i].page;
    if (caption) {
      table.id = caption.id;
      table.caption = caption.caption;
      table.captionLine = caption.line;
    }
    caption = undefined;
    const name = table.id ? `Table ${table.id}` : `table at line ${table.line}`;
    if (header.folded) diags.push(diag('header-homoglyph', 'info', `${name}: header cell in Cyrillic look-alike letters ("Туре") read as "Type"`, refOf(file, lines[i])));
    if (header.rejoined.length) diags.push(diag('header-rejoined', 'info', `${name}: split header cell ${header.rejoined.join(', ')} rejoined`, refOf(file, lines[i])));
    const headerKey = header.columns.join('|');
    if (lines[i].cells && lines[i].table !== undefined) {
      i = layoutRows(lines, i, end, table, headerKey, name, file, diags);
      out.push(table);
      continue;
    }
    i++;
    while (i < end) {
      const l = lines[i];
      if (isBlank(l)) {
        const j = nextContent(lines, i, end);
        if (j >= end) break;
        const again = parseHeader(lines[j].text, true);
        if (again && again.columns.join('|') === headerKey) {
          table.continuations.push(lines[j].line);
          diags.push(diag('table-continued', 'info', `${name} continues after a page break (header repeated)`, refOf(file, lines[j])));
          i = j + 1;
          continue;
        }
        // A page break without a repeated header: the next content line is a row of this table
        // (tab-separated, neither a caption nor another table's header).
        if (table.rows.length && continuesTable(lines[j].text, table.columns.length)) {
          table.continuations.push(lines[j].line);
          diags.push(diag('table-continued', 'info', `${name} continues after a page break (no repeated header)`, refOf(file, lines[j])));
          i = j;
          continue;
        }
        break;
      }
      if (!l.text.includes('\t') || parseCaption(l.text)) break;
      const again = parseHeader(l.text);
      if (again && again.columns.join('|') !== headerKey) break;
      if (again) {
        // The same header again straight after a row: a page break whose blank line was lost.
        table.continuations.push(l.line);
        i++;
        continue;
      }
      const cells = l.text.split('\t');
      while (cells.length > table.columns.length && cells[cells.length - 1].trim() === '') cells.pop();
      if (cells.length > table.columns.length) {
        const extra = cells.splice(table.columns.length).join(' ').trim();
        cells[table.columns.length - 1] = `${cells[table.columns.length - 1]} ${extra}`;
        diags.push(diag('table-stray-cell', 'warning', `${name}: row has more cells than the header; "${extra}" appended to ${table.columns[table.columns.length - 1]}`, refOf(file, l)));
      }
      const trimmed = cells.map((c) => c.trim());
      if (trimmed[0] !== '') {
        const row: TableRow = { cells: table.columns.map((_, k) => (trimmed[k] ? [trimmed[k]] : [])), line: l.line, endLine: l.line };
        if (l.page !== undefined) row.page = l.page;
        table.rows.push(row);
      } else {
        const row = table.rows[table.rows.length - 1];
        if (!row) {
          diags.push(diag('table-stray-cell', 'warning', `${name}: continuation line before any row ignored`, refOf(file, l)));
        } else {
          trimmed.forEach((c, k) => {
            if (c && k < table.columns.length) row.cells[k].push(c);
          });
          row.endLine = l.line;
        }
      }
      table.endLine = l.line;
      i++;
    }
    out.push(table);
  }
  if (caption) captionAlone(caption, file, diags);
  return out;
}

/** The text a header row is recognised from: a layout row's cells (paragraphs joined), else the line. */
function headerText(l: Line): string {
  return l.cells ? l.cells.map((c) => c.replace(/\s*\n\s*/g, ' ')).join('\t') : l.text;
}

/**
 * The rows of a table the layout stage recognised, from the header line at `i`: every row line of
 * the same layout table, then the parts the layout stage could not join after a page break (a
 * table right after it, behind blank lines only, that repeats the header or starts with a row of no
 * more cells). Returns the index after the table.
 */
function layoutRows(lines: Line[], i: number, end: number, table: Table, headerKey: string, name: string, file: string, diags: Diagnostic[]): number {
  let id = lines[i].table;
  const width = table.columns.length;
  i++;
  while (i < end) {
    const l = lines[i];
    if (isBlank(l)) {
      const j = nextContent(lines, i, end);
      const next = lines[j];
      if (j >= end || !next.cells || next.table === id) break;
      const again = parseHeader(headerText(next), true);
      if (again && again.columns.join('|') === headerKey) {
        table.continuations.push(next.line);
        diags.push(diag('table-continued', 'info', `${name} continues after a page break (header repeated)`, refOf(file, next)));
        id = next.table;
        i = j + 1;
        continue;
      }
      if (table.rows.length && !again && next.role === 'table-row' && next.cells.filter((c, k) => k >= width && c.trim()).length === 0 && next.cells[0].trim() !== '') {
        table.continuations.push(next.line);
        diags.push(diag('table-continued', 'info', `${name} continues after a page break (no repeated header)`, refOf(file, next)));
        id = next.table;
        i = j;
        continue;
      }
      break;
    }
    if (l.table !== id || (!l.cells && l.role !== 'table-continuation')) break;
    i++;
    if (l.role === 'table-continuation' || !l.cells) {
      const last = table.rows[table.rows.length - 1];
      if (last) last.endLine = l.line;
      table.endLine = l.line;
      continue;
    }
    const again = parseHeader(headerText(l), true);
    if (again && again.columns.join('|') === headerKey) {
      // A header row repeated inside the table (a page break the layout joined without dropping it).
      table.continuations.push(l.line);
      continue;
    }
    const cells = l.cells.map((c) => c.split('\n').map((p) => p.trim()).filter(Boolean));
    while (cells.length > width && !cells[cells.length - 1].length) cells.pop();
    if (cells.length > width) {
      const extra = cells.splice(width).flat().join(' ');
      cells[width - 1] = [...cells[width - 1], extra];
      diags.push(diag('table-stray-cell', 'warning', `${name}: row has more cells than the header; "${extra}" appended to ${table.columns[width - 1]}`, refOf(file, l)));
    }
    while (cells.length < width) cells.push([]);
    const prev = table.rows[table.rows.length - 1];
    if (!cells[0].length && prev) {
      // No name: the rest of the row above (cut by a page break the layout did not rejoin).
      cells.forEach((c, k) => prev.cells[k].push(...c));
      prev.endLine = l.line;
    } else {
      const row: TableRow = { cells, line: l.line, endLine: l.line };
      if (l.page !== undefined) row.page = l.page;
      table.rows.push(row);
    }
    table.endLine = l.line;
  }
  return i;
}

/** Can a line after a page break be a row of a table with `width` columns? */
function continuesTable(text: string, width: number): boolean {
  if (!text.includes('\t') || parseCaption(text) || parseHeader(text)) return false;
  const cells = text.split('\t');
  while (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
  return cells.length <= width;
}

/** Cell text of a column ('' when absent); `all` joins every line of the cell with newlines. */
export function cell(table: Table, row: TableRow, column: Column, all = false): string {
  const k = table.columns.indexOf(column);
  if (k < 0) return '';
  return all ? row.cells[k].join('\n') : (row.cells[k][0] ?? '');
}

/** Continuation lines that landed in a column other than the last (not a continuation of prose). */
export function strayFragments(table: Table, row: TableRow): { column: Column; text: string }[] {
  const out: { column: Column; text: string }[] = [];
  row.cells.forEach((c, k) => {
    if (k === table.columns.length - 1) return;
    for (const t of c.slice(1)) out.push({ column: table.columns[k], text: t });
  });
  return out;
}
