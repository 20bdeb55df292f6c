/**
 * Table grids + the runs inside them -> rows of cells. The glyphs of a cell are grouped into lines
 * by baseline, the lines into paragraphs by vertical gaps (a gap clearly wider than the table's
 * line spacing), and the lines of a paragraph joined (wrap.ts: no space where a word was cut at
 * the cell edge). The first row is the header when it is set in bold and the others are not (or
 * when the table carries no bold at all). The first cell's indentation from its column rule is
 * kept: child rows are indented, and `finishTable` turns indentations into levels.
 */
import type { PdfFont } from '../extract/types.ts';
import type { Grid } from './rules.ts';
import { makeLine, type PRun } from './lines.ts';
import type { Cell, TableRow, VLine } from './types.ts';
import { joinLines, type WrapGeometry } from './wrap.ts';

export interface PageTable {
  grid: Grid;
  rows: TableRow[];
  page: number;
  /** Line spacing seen inside the table's cells. */
  leading: number;
  /** Every row's cells are bold (a header-only part). */
  bold: boolean[];
}

/**
 * Line spacing of table text as a multiple of the type size: the baseline distance between
 * consecutive lines of one cell, over every table of the document (a table part with no wrapped
 * cell on its page shows only paragraph gaps). Cells whose paragraphs are mostly one line long
 * (labelled descriptions: "Definition" / text / "Range" / values …) make the paragraph gap the most
 * common distance, so the line spacing is the smallest distance seen often enough (3 times and 1 %
 * of all), not the most common one; distances within 0.1 of it count as the same spacing.
 */
export function tableLeadingRatio(cellLines: VLine[][]): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (const ls of cellLines) {
    for (let i = 1; i < ls.length; i++) {
      const r = Math.round(((ls[i].y - ls[i - 1].y) / Math.max(ls[i].size, 1)) * 20) / 20;
      if (r > 0.8 && r < 3) {
        counts.set(r, (counts.get(r) ?? 0) + 1);
        total++;
      }
    }
  }
  const sorted = [...counts].sort((a, b) => a[0] - b[0]);
  for (const [r] of sorted) {
    const near = sorted.filter(([x]) => x >= r - 1e-9 && x <= r + 0.1 + 1e-9);
    const n = near.reduce((a, [, c]) => a + c, 0);
    if (n < 3 || n < total * 0.01) continue;
    let best = r;
    let most = 0;
    for (const [x, c] of near) if (c > most) [best, most] = [x, c];
    return best;
  }
  return 1.25;
}

/**
 * The line spacing among baseline distances (ratio -> how often): the smallest distance that is
 * common. Paragraph gaps are wider, and where lines rarely wrap (a narrow font, one-line
 * paragraphs, bullet lists) they can outnumber it, so the most common distance is not the answer.
 */
export function lineSpacing(counts: Map<number, number>, fallback: number): number {
  const most = Math.max(0, ...counts.values());
  for (const [r, c] of [...counts].sort((a, b) => a[0] - b[0])) if (c >= Math.max(2, most * 0.2) || c === most) return r;
  return fallback;
}

export interface RawTables {
  grids: Grid[];
  /** Per grid, per row, per cell: its lines. */
  lines: VLine[][][][];
  page: number;
}

/** Assign runs to the grids' cells (grouped into lines); returns them and the runs outside every grid. */
export function collectTables(grids: Grid[], runs: PRun[], page: number, fonts: PdfFont[]): { raw: RawTables; rest: PRun[] } {
  if (!grids.length) return { raw: { grids, lines: [], page }, rest: runs };
  const buckets = grids.map((g) => g.rows.map((r) => r.cells.map(() => [] as PRun[])));
  const rest: PRun[] = [];
  for (const r of runs.flatMap((x) => splitAtRules(x, grids))) {
    const cx = r.x + Math.min(r.width, r.size) / 2;
    const cy = r.y - r.size * 0.3;
    let placed = false;
    for (let g = 0; g < grids.length && !placed; g++) {
      const grid = grids[g];
      if (cx < grid.x0 || cx > grid.x1 || cy < grid.top || cy > grid.bottom) continue;
      for (let i = 0; i < grid.rows.length && !placed; i++) {
        const row = grid.rows[i];
        if (cy < row.top || cy > row.bottom) continue;
        for (let c = 0; c < row.cells.length; c++) {
          if (cx >= row.cells[c].x0 && cx <= row.cells[c].x1) {
            buckets[g][i][c].push(r);
            placed = true;
            break;
          }
        }
      }
    }
    if (!placed) rest.push(r);
  }
  const lines = buckets.map((rows) => rows.map((row) => row.map((cell) => cellLines(cell, page, fonts))));
  return { raw: { grids, lines, page }, rest };
}

const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Rough advance of a character in a proportional font (ems): enough to tell which space is where. */
function advance(ch: string): number {
  if (ch === ' ') return 0.28;
  if (/[il.,:;'!|()[\]jtfI]/.test(ch)) return 0.3;
  if (/[mwMW@%]/.test(ch)) return 0.85;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[0-9]/.test(ch)) return 0.55;
  // CJK, and glyphs the font does not map to text (pdf.js gives U+0000; mostly CJK fonts).
  if (CJK_CHAR.test(ch) || ch === '\u0000' || ch === '\ufffd') return 1;
  return 0.5;
}

/**
 * A run that crosses a column rule of its row is split there. pdf.js joins glyphs drawn close
 * together into one text item, so with narrow cell padding the end of one cell's line and the
 * start of the next cell's ("Array of Table 4-34 objects" + "The details of …") arrive as one run
 * with a space where the rule is. The split is at the space whose position (estimated from the
 * run's width and rough character advances) is nearest the rule; the right part starts as far
 * after the rule as the left part is estimated to end before it.
 */
export function splitAtRules(r: PRun, grids: Grid[]): PRun[] {
  if (!r.str.includes(' ')) return [r];
  const cy = r.y - r.size * 0.3;
  const start = r.x + Math.min(r.width, r.size) / 2;
  for (const grid of grids) {
    if (start < grid.x0 || start > grid.x1 || cy < grid.top || cy > grid.bottom) continue;
    const row = grid.rows.find((x) => cy >= x.top && cy <= x.bottom);
    const cell = row?.cells.find((c) => start >= c.x0 && start <= c.x1);
    if (!cell || cell.x1 >= grid.x1 - 0.5 || r.x + r.width <= cell.x1 + 1) return [r];
    const b = cell.x1;
    const cum: number[] = [0];
    for (const ch of r.str) cum.push(cum[cum.length - 1] + advance(ch));
    const scale = r.width / (cum[cum.length - 1] || 1);
    let best = -1;
    let dist = Infinity;
    for (let k = 1; k < r.str.length - 1; k++) {
      if (r.str[k] !== ' ') continue;
      const mid = r.x + ((cum[k] + cum[k + 1]) / 2) * scale;
      if (Math.abs(mid - b) < dist) [best, dist] = [k, Math.abs(mid - b)];
    }
    if (best < 0) return [r];
    const leftEnd = Math.min(r.x + cum[best] * scale, b - 0.5);
    const gap = Math.min(10, Math.max(0.5, b - leftEnd));
    const left: PRun = { ...r, str: r.str.slice(0, best).trimEnd(), width: leftEnd - r.x };
    const rightX = b + gap;
    const right: PRun = { ...r, str: r.str.slice(best + 1).trimStart(), x: rightX, width: Math.max(0.5, r.x + r.width - rightX) };
    if (!left.str || !right.str) return [r];
    return [left, ...splitAtRules(right, grids)];
  }
  return [r];
}

/** Cells' lines -> rows of cells, with the document's table line spacing. */
export function readTables(raw: RawTables, ratio: number): PageTable[] {
  const { grids, page } = raw;
  const tables: PageTable[] = [];
  grids.forEach((grid, g) => {
    const lines = raw.lines[g];
    const size = Math.max(0, ...lines.flat(2).map((l) => l.size)) || 10;
    const leading = ratio * size;
    // Cell padding per column: the smallest distance from a column's left rule to its text (rows
    // that are not indented); the right padding is taken to be the same.
    const pads = new Map<number, number>();
    grid.rows.forEach((gr, i) =>
      gr.cells.forEach((gc, c) => {
        const ls = lines[i][c];
        if (!ls.length) return;
        const pad = Math.max(0, Math.min(...ls.map((l) => l.x)) - gc.x0);
        pads.set(gc.col, Math.min(pads.get(gc.col) ?? Infinity, pad));
      }),
    );
    const rows: TableRow[] = [];
    const bold: boolean[] = [];
    grid.rows.forEach((gr, i) => {
      const cells: Cell[] = gr.cells.map((gc, c) => readCell(lines[i][c], gc.x1 - Math.min(pads.get(gc.col) ?? 3, 10), leading));
      // Cells that span columns: pad so every row has one cell per column.
      const full: Cell[] = [];
      gr.cells.forEach((gc, c) => {
        while (full.length < gc.col) full.push({ paragraphs: [] });
        full.push(cells[c]);
      });
      while (full.length < grid.columns.length - 1) full.push({ paragraphs: [] });
      const row: TableRow = { cells: full, page, y: gr.top, header: false };
      const first = lines[i][0]?.[0];
      if (first && gr.cells[0]) row.indent = first.x - gr.cells[0].x0;
      rows.push(row);
      const ls = lines[i].flat();
      bold.push(ls.length > 0 && ls.every((l) => l.bold));
    });
    tables.push({ grid, rows, page, leading, bold });
  });
  return tables;
}

function cellLines(runs: PRun[], page: number, fonts: PdfFont[]): VLine[] {
  if (!runs.length) return [];
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const out: VLine[] = [];
  let cur: PRun[] = [];
  for (const r of sorted) {
    if (cur.length && Math.abs(r.y - cur[0].y) <= 0.35 * Math.max(r.size, cur[0].size)) cur.push(r);
    else {
      if (cur.length) out.push(makeLine(cur.sort((a, b) => a.x - b.x), page, fonts));
      cur = [r];
    }
  }
  if (cur.length) out.push(makeLine(cur.sort((a, b) => a.x - b.x), page, fonts));
  return out;
}

const BULLET = /^[•◦▪●‣∙■]\s/u;

function readCell(lines: VLine[], limit: number, leading: number): Cell {
  if (!lines.length) return { paragraphs: [] };
  const paras: VLine[][] = [[lines[0]]];
  for (let i = 1; i < lines.length; i++) {
    // A wider gap starts a paragraph; so does a bullet (a list inside the cell, however tight).
    if (lines[i].y - lines[i - 1].y > leading * 1.3 || BULLET.test(lines[i].text)) paras.push([]);
    paras[paras.length - 1].push(lines[i]);
  }
  const last = lines[lines.length - 1];
  const word = /^\S+/.exec(lines[0].text)?.[0] ?? '';
  return { paragraphs: paras.map((p) => joinParagraph(p, limit)), x: lines[0].x, room: limit - last.end, firstWord: lines[0].charWidth * (word.length + 1) };
}

export function joinParagraph(p: VLine[], limit: number): string {
  const geom: (WrapGeometry | undefined)[] = [];
  for (let i = 0; i + 1 < p.length; i++) geom.push({ end: p[i].end, limit, nextCharWidth: p[i + 1].firstCharWidth, size: p[i + 1].size });
  return joinLines(
    p.map((l) => l.text.replace(/\t/g, ' ')),
    geom,
  );
}

/** Header row of a table part: bold when the rest is not (or no bold anywhere). */
export function markHeader(t: PageTable): void {
  if (t.rows.length === 1) {
    // A header left alone at the foot of a page (the table goes on overleaf).
    if (t.bold[0]) t.rows[0].header = true;
    return;
  }
  const anyBold = t.bold.some(Boolean);
  if ((t.bold[0] && !t.bold.slice(1).every(Boolean)) || !anyBold) t.rows[0].header = true;
}

function indentSteps(rows: TableRow[]): number[] {
  const indents = rows.filter((r) => !r.header && r.indent !== undefined && r.cells[0]?.paragraphs.length).map((r) => r.indent!);
  const sorted = [...indents].sort((a, b) => a - b);
  const steps: number[] = [];
  for (const v of sorted) if (!steps.length || v - steps[steps.length - 1] > 1.5) steps.push(v);
  return steps;
}

/**
 * The typesetter's indentation step: the smallest difference between two distinct first-cell
 * indentations of one table, over the whole document (a table whose rows skip a level, such as the
 * nameless value row of a map, shows only multiples of it).
 */
export function indentStep(tables: TableRow[][]): number | undefined {
  let step: number | undefined;
  for (const rows of tables) {
    const s = indentSteps(rows);
    for (let i = 1; i < s.length; i++) {
      const d = s[i] - s[i - 1];
      if (d >= 2 && (step === undefined || d < step - 1)) step = d;
    }
  }
  return step;
}

/** Indentations of the first cells -> levels: steps of the document's indentation from the table's least indented row. */
export function assignLevels(rows: TableRow[], step: number | undefined): void {
  const steps = indentSteps(rows);
  if (!steps.length) return;
  for (const r of rows) {
    if (r.header || r.indent === undefined || !r.cells[0]?.paragraphs.length) continue;
    if (step) r.level = Math.max(0, Math.round((r.indent - steps[0]) / step));
    else {
      let k = 0;
      while (k + 1 < steps.length && r.indent >= steps[k + 1] - 1.5) k++;
      r.level = k;
    }
  }
}
