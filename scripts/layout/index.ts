/**
 * The layout stage: a document's geometry -> blocks -> the SourceLines the dialects read.
 *
 * PDF input (extract gave pages of positioned runs and ruling lines):
 *   rules.ts      ruling lines -> table grids (rows × cells)
 *   tables.ts     runs inside a grid -> rows of cells (wrapped lines joined, paragraphs, header
 *                 row, first-cell indentation)
 *   lines.ts      the other runs -> visual lines
 *   furniture.ts  running headers / footers / page numbers, by repetition in the margins
 *   blocks.ts     lines -> headings, paragraphs, list items, code, tables of contents
 *   index.ts      tables and paragraphs continued on the next page joined; levels
 *   emit.ts       blocks -> SourceLines (roles, cells, levels)
 * Text input passes through unchanged (the dialects keep their text heuristics).
 */
import type { PdfGeometry, SourceDocument } from '../extract/types.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import { findGrids, type Grid } from './rules.ts';
import { gridsFromRowRules } from './columns.ts';
import { collectTables, readTables, markHeader, assignLevels, indentStep, tableLeadingRatio, lineSpacing, type PageTable, type RawTables } from './tables.ts';
import { groupLines, toPageRuns, type PRun } from './lines.ts';
import { findFurniture } from './furniture.ts';
import { pageBlocks, joinAcrossPages, type DocStyle } from './blocks.ts';
import { emitLines } from './emit.ts';
import type { Block, TableRow, VLine } from './types.ts';

export type { Block } from './types.ts';

export interface LayoutResult {
  document: SourceDocument;
  blocks: Block[];
  diagnostics: Diagnostic[];
}

export function layoutDocument(doc: SourceDocument): LayoutResult {
  if (doc.kind !== 'pdf' || !doc.pdf || doc.lines.length) return { document: doc, blocks: [], diagnostics: [] };
  const { blocks, diagnostics } = layoutPdf(doc.file, doc.pdf);
  const lines = emitLines(blocks);
  return { document: { ...doc, lines }, blocks, diagnostics };
}

export function layoutPdf(file: string, geo: PdfGeometry): { blocks: Block[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const raws: RawTables[] = [];
  const pageLines: VLine[][] = [];
  const heights: number[] = [];
  let openAbove: Grid[] = [];
  for (const page of geo.pages) {
    const runs = toPageRuns(page.runs, page.height);
    const ruled = findGrids(page.rules, page.height);
    // Tables with rules between rows only: columns from white space (columns.ts).
    const open = gridsFromRowRules(page.rules, page.height, outside(runs, ruled), ruled, (f) => !!geo.fonts[f]?.mono, openAbove);
    openAbove = open;
    const grids = open.length ? [...ruled, ...open].sort((a, b) => a.top - b.top) : ruled;
    const { raw, rest } = collectTables(grids, runs, page.number, geo.fonts);
    raws.push(raw);
    pageLines.push(groupLines(rest, page.number, geo.fonts));
    heights.push(page.height);
    if (page.rulesDropped) {
      diagnostics.push(diag('layout-rules-dropped', 'warning', `page ${page.number} draws more ruling lines than the limit; ${page.rulesDropped} ignored (tables there may be misread)`, { file, line: 1, page: page.number }));
    }
  }
  const ratio = tableLeadingRatio(raws.flatMap((r) => r.lines.flat(2)));
  const pageTables: PageTable[][] = raws.map((r) => {
    const tables = readTables(r, ratio);
    for (const t of tables) markHeader(t);
    return tables;
  });
  const extents = pageTables.map((ts) => ({ top: Math.min(Infinity, ...ts.map((t) => t.grid.top)), bottom: Math.max(-Infinity, ...ts.map((t) => t.grid.bottom)) }));
  const furniture = findFurniture(pageLines, heights, extents);
  const kept = pageLines.map((ls) => ls.filter((l) => !furniture.lines.has(l)));
  const style = docStyle(kept);
  let tableId = 0;
  const perPage = kept.map((ls, i) => pageBlocks(ls, pageTables[i], style, () => ++tableId));

  // Join what continues across a page break.
  const blocks: Block[] = [];
  let joinedTables = 0;
  let repeatedHeaders = 0;
  let splitRows = 0;
  for (const pb of perPage) {
    for (let i = 0; i < pb.length; i++) {
      const b = pb[i];
      const prev = blocks[blocks.length - 1];
      if (i === 0 && prev && (prev.endPage ?? prev.page) === b.page - 1) {
        if (prev.kind === 'table' && b.kind === 'table' && (sameColumns(prev.columns, b.columns) || headerAlone(prev, b.columns))) {
          // A header row alone at the foot of the page measured its columns from its labels only
          // (centred labels put them elsewhere): the rows overleaf tell where they are.
          if (!sameColumns(prev.columns, b.columns)) prev.columns = b.columns;
          const r = joinTables(prev, b.rows);
          repeatedHeaders += r.header ? 1 : 0;
          splitRows += r.split ? 1 : 0;
          joinedTables++;
          prev.endPage = b.page;
          prev.bottom = b.bottom;
          continue;
        }
        if (prev.kind === 'code' && b.kind === 'code') {
          prev.lines.push(...b.lines);
          prev.endPage = b.page;
          continue;
        }
        if (prev.kind === 'paragraph' && b.kind === 'paragraph' && prev.bold === b.bold && Math.abs(prev.size - b.size) < 0.3 && !/[.:;!?。：；！？)]$/.test(prev.text)) {
          prev.text = joinAcrossPages(prev.text, b.text);
          prev.endPage = b.page;
          continue;
        }
        if (prev.kind === 'toc' && b.kind === 'toc') {
          prev.entries.push(...b.entries);
          prev.endPage = b.page;
          continue;
        }
      }
      blocks.push(b);
    }
  }
  // Renumber tables in document order after joins.
  let id = 0;
  const step = indentStep(blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : [])));
  for (const b of blocks) {
    if (b.kind === 'table') {
      b.id = ++id;
      assignLevels(b.rows, step);
    }
  }
  // Heading levels: larger type = higher level.
  const sizes = [...new Set(blocks.filter((b) => b.kind === 'heading').map((b) => Math.round((b as { size: number }).size * 2) / 2))].sort((a, b) => b - a);
  for (const b of blocks) if (b.kind === 'heading') b.level = sizes.indexOf(Math.round(b.size * 2) / 2) + 1;

  const src = (page: number) => ({ file, line: 1, page });
  if (furniture.lines.size) {
    diagnostics.push(diag('layout-furniture-removed', 'info', `${furniture.lines.size} running header, footer and page-number lines left out (forms: ${furniture.forms.map((f) => JSON.stringify(f)).join(', ')})`, src(1)));
  }
  const tocs = blocks.filter((b) => b.kind === 'toc');
  for (const t of tocs) {
    if (t.kind === 'toc') diagnostics.push(diag('layout-toc-removed', 'info', `table of contents (${t.entries.length} entries, pages ${t.page}–${t.endPage}) left out`, src(t.page)));
  }
  if (joinedTables) {
    diagnostics.push(
      diag('layout-tables-joined', 'info', `${joinedTables} table parts continued on the next page were joined to their table (${repeatedHeaders} repeated header rows dropped, ${splitRows} rows split across pages rejoined)`, src(1)),
    );
  }
  return { blocks, diagnostics };
}

/** Runs not inside any of the grids. */
function outside(runs: PRun[], grids: Grid[]): PRun[] {
  if (!grids.length) return runs;
  return runs.filter((r) => {
    const cx = r.x + Math.min(r.width, r.size) / 2;
    const cy = r.y - r.size * 0.3;
    return !grids.some((g) => cx >= g.x0 && cx <= g.x1 && cy >= g.top && cy <= g.bottom);
  });
}

function docStyle(pages: VLine[][]): DocStyle {
  const lines = pages.flat();
  const bySize = new Map<number, number>();
  for (const l of lines) {
    if (l.mono) continue;
    const k = Math.round(l.size * 4) / 4;
    bySize.set(k, (bySize.get(k) ?? 0) + l.text.length);
  }
  let bodySize = 10;
  let best = -1;
  for (const [k, n] of bySize) if (n > best) [bodySize, best] = [k, n];
  const ratios = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a.page !== b.page || a.mono || b.mono || Math.abs(a.size - bodySize) > 0.3 || Math.abs(b.size - bodySize) > 0.3) continue;
    const r = Math.round(((b.y - a.y) / bodySize) * 20) / 20;
    if (r > 0.9 && r < 2) ratios.set(r, (ratios.get(r) ?? 0) + 1);
  }
  const leading = lineSpacing(ratios, 1.25);
  // Text left edge of each page (odd and even pages may differ), and where code starts from it.
  const textLeft = pages.map((ls) => mode(ls.filter((l) => !l.mono).map((l) => Math.round(l.x * 2) / 2)));
  const parityLeft = [0, 1].map((par) => mode(textLeft.filter((x, i) => x !== undefined && (i + 1) % 2 === par) as number[]));
  const leftOf = (page: number) => textLeft[page - 1] ?? parityLeft[page % 2];
  const offsets: number[] = [];
  for (const ls of pages) {
    let min = Infinity;
    let left: number | undefined;
    for (const l of ls) {
      if (!l.mono) continue;
      left ??= leftOf(l.page);
      if (left !== undefined) min = Math.min(min, l.x - left);
    }
    if (min !== Infinity) offsets.push(Math.round(min * 2) / 2);
  }
  const codeOffset = mode(offsets);
  const codeLeft = (page: number) => {
    const left = leftOf(page);
    return left === undefined || codeOffset === undefined ? undefined : left + codeOffset;
  };
  return { bodySize, leading, codeLeft };
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let n = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > n || (c === n && best !== undefined && v < best)) [best, n] = [v, c];
  }
  return best;
}

/** A table of one row (its header, left at the foot of a page) with as many columns, as wide, as the part overleaf. */
function headerAlone(prev: Extract<Block, { kind: 'table' }>, columns: number[]): boolean {
  const a = prev.columns;
  return prev.rows.length === 1 && a.length === columns.length && Math.abs(a[a.length - 1] - a[0] - (columns[columns.length - 1] - columns[0])) <= 3;
}

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= 3);
}

/** Append a table part from the next page: drop a repeated header, rejoin a row split by the break. */
function joinTables(prev: Extract<Block, { kind: 'table' }>, rows: TableRow[]): { header: boolean; split: boolean } {
  let rest = rows;
  let header = false;
  let split = false;
  const text = (r: TableRow) => r.cells.map((c) => c.paragraphs.join(' ')).join('\t');
  // A header row set like the body (not bold) left alone at the foot of the page: the first row
  // overleaf repeats it.
  if (!prev.rows.some((r) => r.header) && prev.rows[0] && rest[0] && text(rest[0]) === text(prev.rows[0])) prev.rows[0].header = true;
  const head = prev.rows.find((r) => r.header);
  if (rest[0] && head && (rest[0].header || text(rest[0]) === text(head)) && text(rest[0]) === text(head)) {
    rest = rest.slice(1);
    header = true;
  } else if (rest[0]?.header) rest[0].header = false;
  const last = prev.rows[prev.rows.length - 1];
  const cont = rest[0];
  if (cont && last && !last.header && cont.cells.length === last.cells.length && cont.cells.length >= 2 && !cont.cells[0].paragraphs.length && !cont.cells[1].paragraphs.length) {
    // The first two cells (name, type) are empty: the rest of the row above, cut by the page break.
    cont.cells.forEach((c, k) => {
      if (!c.paragraphs.length) return;
      const into = last.cells[k];
      if (!into.paragraphs.length) {
        into.paragraphs.push(...c.paragraphs);
        into.room = c.room;
        return;
      }
      const a = into.paragraphs[into.paragraphs.length - 1];
      const b = c.paragraphs[0];
      // A bullet starts a paragraph of its own; so does a line whose first word would have fitted
      // on the line before the break (that line ended its paragraph), or, without that geometry,
      // a sentence after a finished one.
      const fitted = into.room !== undefined && c.firstWord !== undefined ? into.room > c.firstWord + 1 : /[.:;!?。：；！？)]$/.test(a) && /^[A-Z\p{Lo}]/u.test(b);
      into.room = c.room;
      if (fitted || /^[-•◦▪●‣∙■–]\s/u.test(b)) into.paragraphs.push(...c.paragraphs);
      else {
        into.paragraphs[into.paragraphs.length - 1] = joinAcrossPages(a, b);
        into.paragraphs.push(...c.paragraphs.slice(1));
      }
    });
    rest = rest.slice(1);
    split = true;
  }
  prev.rows.push(...rest);
  return { header, split };
}
