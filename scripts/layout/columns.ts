/**
 * Tables drawn with horizontal rules only (a rule between rows, none between columns, as many
 * vendors draw them): the rows are the bands between rules of one width stacked on a page, the
 * columns come from white space. A band is a row when a line of its text falls into at least two
 * blocks separated by more than a space (cells); consecutive rows make a table (a band of one
 * block is text between tables: a heading, a paragraph). Its columns start where the text of every row leaves a vertical river of
 * white space: each column's text starts at its left edge plus the cell padding, and the padding is
 * what the first column shows from the rules' left end. A table part continued on the next page
 * whose own rows leave fewer columns (an empty column, no repeated header) takes the columns of the
 * part above it when they contain its own.
 */
import type { PdfRule } from '../extract/types.ts';
import type { PRun } from './lines.ts';
import type { Grid, GridRow } from './rules.ts';

interface HLine {
  y: number;
  x0: number;
  x1: number;
}

/** A gap between two blocks of a line that no space explains, in ems. */
const CELL_GAP = 0.45;
const TOL = 2;

/**
 * Grids for the tables ruled by horizontal lines only, on one page.
 * @param rules the page's rules (PDF y upwards)
 * @param runs the runs outside the page's fully ruled grids (top-down y)
 * @param ruled the page's fully ruled grids (their rules are theirs)
 * @param mono whether a font is monospaced
 * @param above the rule-less tables of the page before, which a part at the top may continue
 */
export function gridsFromRowRules(rules: PdfRule[], pageHeight: number, runs: PRun[], ruled: Grid[], mono: (font: number) => boolean, above: Grid[] = []): Grid[] {
  const hs: HLine[] = [];
  for (const r of rules) {
    if (Math.abs(r.y0 - r.y1) > 0.5) continue;
    const h = { y: pageHeight - (r.y0 + r.y1) / 2, x0: Math.min(r.x0, r.x1), x1: Math.max(r.x0, r.x1) };
    if (h.x1 - h.x0 < 60) continue;
    if (ruled.some((g) => h.y >= g.top - TOL && h.y <= g.bottom + TOL && h.x1 > g.x0 && h.x0 < g.x1)) continue;
    hs.push(h);
  }
  if (hs.length < 2 || !runs.length) return [];
  const lines = mergeLines(hs);
  // Rules of one width, top to bottom.
  const groups: HLine[][] = [];
  for (const h of lines) {
    const g = groups.find((gr) => Math.abs(gr[0].x0 - h.x0) <= TOL && Math.abs(gr[0].x1 - h.x1) <= TOL);
    if (g) g.push(h);
    else groups.push([h]);
  }
  const grids: Grid[] = [];
  for (const g of groups) {
    if (g.length < 2) continue;
    g.sort((a, b) => a.y - b.y);
    const x0 = g[0].x0;
    const x1 = g[0].x1;
    const inside = runs.filter((r) => {
      const cx = r.x + Math.min(r.width, r.size) / 2;
      return cx >= x0 && cx <= x1;
    });
    const bands: Band[] = [];
    for (let i = 0; i + 1 < g.length; i++) {
      const top = g[i].y;
      const bottom = g[i + 1].y;
      if (bottom - top < 3) continue;
      if (ruled.some((gr) => gr.top < bottom && gr.bottom > top && gr.x1 > x0 && gr.x0 < x1)) continue;
      const rs = inside.filter((r) => {
        const cy = r.y - r.size * 0.3;
        return cy > top && cy < bottom;
      });
      // Sample code in monospace aligns with spaces: not cells.
      bands.push({ top, bottom, runs: rs, cells: rs.length > 0 && !rs.every((r) => mono(r.font)) && hasCells(rs.filter((r) => !mono(r.font))) });
    }
    const touching = (a: Band, b: Band) => Math.abs(b.top - a.bottom) <= TOL;
    // The table a part at the top continues is the last of that width on the page before.
    // Mirrored margins move it on the page: same width, columns shifted with it.
    const last = above.filter((gr) => Math.abs(gr.x1 - gr.x0 - (x1 - x0)) <= TOL).pop();
    const prev = last && { ...last, x0, x1, columns: last.columns.map((c) => c - last.x0 + x0) };
    const used = bands.map(() => false);
    const parts: { from: number; to: number; cols: Columns }[] = [];
    // Rows: runs of touching bands with cells (a band of one block is text between tables: a
    // heading, a paragraph) …
    for (let i = 0; i < bands.length; ) {
      if (!bands[i].cells) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < bands.length && bands[j].cells && touching(bands[j - 1], bands[j])) j++;
      const cols = columnsOf(bands.slice(i, j), x0, x1, parts.length === 0 ? prev : undefined);
      if (cols) parts.push({ from: i, to: j, cols });
      i = j;
    }
    // … and the touching bands whose text sits where the columns' text starts (a row with one
    // cell filled: the rest of a row cut by the page break, a name without a type).
    // (Every part's own bands first: one part extending must not run into the next.)
    for (const part of parts) for (let k = part.from; k < part.to; k++) used[k] = true;
    for (const part of parts) {
      while (part.from > 0 && !used[part.from - 1] && touching(bands[part.from - 1], bands[part.from]) && aligned(bands[part.from - 1], part.cols)) used[--part.from] = true;
      while (part.to < bands.length && !used[part.to] && touching(bands[part.to - 1], bands[part.to]) && aligned(bands[part.to], part.cols)) used[part.to++] = true;
    }
    // Parts that now touch with the same columns are one table (a band between them was one cell only).
    for (let k = parts.length - 1; k > 0; k--) {
      const [a, b] = [parts[k - 1], parts[k]];
      // (Compared where the text starts: a part whose rows are all indented children measures its
      // indentation as padding, and its boundaries shift by the difference.)
      const start = (c: Columns, i: number) => c.columns[i] + (i > 0 && i < c.columns.length - 1 ? c.pad : 0);
      const same = a.cols.columns.length === b.cols.columns.length && a.cols.columns.every((_, i) => Math.abs(start(a.cols, i) - start(b.cols, i)) <= TOL + 1);
      if (a.to === b.from && same && touching(bands[a.to - 1], bands[b.from])) {
        a.to = b.to;
        parts.splice(k, 1);
      }
    }
    // A lone band at the top of the page continuing the table of the page before.
    const first = bands.findIndex((b) => b.runs.length > 0);
    if (prev && first >= 0 && !used[first] && !parts.some((p) => p.from < first)) {
      const cols = { columns: prev.columns, pad: prev.pad ?? 0, continued: true };
      if (aligned(bands[first], cols) && within([bands[first]], cols.columns, CELL_GAP * em(bands[first].runs))) parts.push({ from: first, to: first + 1, cols });
    }
    for (const { from, to, cols } of parts) {
      // One band alone is a table only as the continuation of one (a line with a wide gap, such as
      // a table-of-contents entry between a running header's rule and a footer's, is not).
      // Nor is one band alone, unless it is a table's first row left at the foot of the page (the
      // rest of the table continues on the next page): a short band, the last with text.
      const alone = to - from < 2 && !cols.continued;
      if (alone && !atFoot(bands, from)) continue;
      const part = bands.slice(from, to);
      const rows: GridRow[] = part.map((b) => ({
        top: b.top,
        bottom: b.bottom,
        cells: cols.columns.slice(0, -1).map((c, k) => ({ x0: c, x1: cols.columns[k + 1], col: k })),
      }));
      // (A header alone measured its padding from its labels, which may be centred: not a padding the part overleaf can take.)
      grids.push({ x0, x1, top: part[0].top, bottom: part[part.length - 1].bottom, columns: cols.columns, rows, ...(alone ? {} : { pad: cols.pad }) });
    }
  }
  return grids.sort((a, b) => a.top - b.top);
}

/**
 * A band that is a table's first row (its header) at the foot of a page: no band below it holds
 * text, and it is as short as a row of one or two lines (a band between a running header's rule and
 * a footer's is a page tall).
 */
function atFoot(bands: Band[], k: number): boolean {
  const b = bands[k];
  if (bands.slice(k + 1).some((o) => o.runs.length)) return false;
  const lines = byLine(b.runs).length;
  return lines >= 1 && lines <= 2 && b.bottom - b.top <= (lines + 1.5) * 1.6 * em(b.runs);
}

interface Band {
  top: number;
  bottom: number;
  runs: PRun[];
  cells: boolean;
}

interface Columns {
  /** Column boundaries, the table's ends included. */
  columns: number[];
  /** Cell padding: where a column's text starts from its boundary. */
  pad: number;
  /** Taken over from the table part on the page before. */
  continued: boolean;
}

/**
 * Whether every block of text in the bands lies inside one column. Columns found from rivers do by
 * construction; columns taken over from the table on the page before must be checked: a page of
 * running text between a running header's rule and a footer's rule of the table's width is one
 * "band" with no river at all, and it does not continue the table.
 */
function within(bands: Band[], columns: number[], gap: number): boolean {
  return bands.every((b) =>
    byLine(b.runs).every((l) => blocks(l, gap).every((bl) => columns.slice(0, -1).some((c, k) => bl.x0 >= c - TOL && bl.x1 <= columns[k + 1] + TOL))),
  );
}

/** Every line of the band starts its blocks where a column's text starts (the first column's further in: indentation). */
function aligned(b: Band, cols: Columns): boolean {
  if (!b.runs.length) return false;
  const gap = CELL_GAP * em(b.runs);
  const starts = cols.columns.slice(0, -1).map((c) => c + cols.pad);
  return byLine(b.runs).every((l) =>
    blocks(l, gap).every((bl) => starts.some((s, k) => Math.abs(bl.x0 - s) <= 1.5 || (k === 0 && bl.x0 > s && bl.x0 < cols.columns[1]))),
  );
}

function em(runs: PRun[]): number {
  const sizes = runs.map((r) => r.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] || 10;
}

/** Runs grouped into lines by baseline (top to bottom), each sorted left to right. */
function byLine(runs: PRun[]): PRun[][] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const out: PRun[][] = [];
  for (const r of sorted) {
    const cur = out[out.length - 1];
    if (cur && Math.abs(r.y - cur[0].y) <= 0.35 * Math.max(r.size, cur[0].size)) cur.push(r);
    else out.push([r]);
  }
  for (const l of out) l.sort((a, b) => a.x - b.x);
  return out;
}

/** Blocks of a line: runs closer than a cell gap are one block. */
function blocks(line: PRun[], gap: number): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  for (const r of line) {
    const last = out[out.length - 1];
    if (last && r.x - last.x1 < gap) last.x1 = Math.max(last.x1, r.x + r.width);
    else out.push({ x0: r.x, x1: r.x + r.width });
  }
  return out;
}

function hasCells(runs: PRun[]): boolean {
  const gap = CELL_GAP * em(runs);
  return byLine(runs).some((l) => blocks(l, gap).length >= 2);
}

/** The column (boundaries `cols`, the ends included) a block of text sits centred in, or -1. */
function centredIn(b: { x0: number; x1: number }, cols: number[]): number {
  return cols.slice(0, -1).findIndex((c, k) => b.x0 >= c && b.x1 <= cols[k + 1] && Math.abs((b.x0 + b.x1) / 2 - (c + cols[k + 1]) / 2) <= 2);
}

/** Where columns start: after every river (a stretch where no line of the bands has text). */
function riverStarts(part: Band[], gap: number): number[] {
  const spans = part.flatMap((b) => byLine(b.runs).flatMap((l) => blocks(l, gap))).sort((a, b) => a.x0 - b.x0);
  if (!spans.length) return [];
  const starts: number[] = [spans[0].x0];
  let reach = spans[0].x1;
  for (const s of spans.slice(1)) {
    if (s.x0 - reach >= gap) starts.push(s.x0);
    reach = Math.max(reach, s.x1);
  }
  return starts;
}

function columnsOf(part: Band[], x0: number, x1: number, above: Grid | undefined): Columns | undefined {
  const runs = part.flatMap((b) => b.runs);
  const gap = CELL_GAP * em(runs);
  let starts = riverStarts(part, gap);
  if (!starts.length) return undefined;
  // The cell padding: where the first column's text starts, unless the table continues one whose
  // padding is known (a part whose rows are all indented would measure its indentation too).
  const padFrom = (first: number) => above?.pad ?? Math.max(0, Math.min(first - x0, gap * 2));
  let pad = padFrom(starts[0]);
  // A header row whose labels are centred over their columns leaves rivers of its own when few
  // rows are below it (a short label over a short value: "Parameter" centred, "Action" at the
  // left). The columns of the rows below stand when every label of the first row sits centred in
  // one of them; a label at a start of its own (over a column empty in every row) keeps it.
  if (part.length >= 2) {
    const body = riverStarts(part.slice(1), gap);
    if (body.length && body.length < starts.length) {
      const bpad = padFrom(body[0]);
      const cols = [x0, ...body.slice(1).map((s) => s - bpad), x1];
      const labels = byLine(part[0].runs).flatMap((l) => blocks(l, gap));
      const ownStart = (b: { x0: number }) => body.some((s) => Math.abs(s - b.x0) <= 1.5);
      if (labels.length && labels.every((b) => ownStart(b) || centredIn(b, cols) >= 0)) {
        starts = body;
        pad = bpad;
      }
    }
  }
  const columns = [x0, ...starts.slice(1).map((s) => s - pad), x1];
  // A part continued from the page before whose rows leave out a column: that table's columns.
  // Compared where the text starts (a part whose first column is all indented rows would measure
  // a wider padding, and its boundaries would shift by the difference).
  const abovePad = above?.pad ?? pad;
  // (Text starting inside that table's first column is an indented row, a child deeper than any on
  // the page before: its river is not a column.)
  const own = starts.slice(1).filter((s) => !above || s <= above.columns[0] + abovePad + TOL || s >= above.columns[1]);
  if (above && above.columns.length >= own.length + 2 && own.every((s) => above.columns.some((p) => Math.abs(p + abovePad - s) <= TOL + 1)) && within(part, above.columns, gap)) {
    return { columns: above.columns, pad: above.pad ?? pad, continued: true };
  }
  // The header row repeated alone at the top of the page (the rest of the page's part has one
  // cell filled: the end of a row cut by the page break): labels centred, one in each of that
  // table's columns.
  if (above && part.length === 1) {
    const labels = byLine(part[0].runs).flatMap((l) => blocks(l, gap));
    if (labels.length === above.columns.length - 1 && labels.every((b, i) => centredIn(b, above.columns) === i)) return { columns: above.columns, pad: above.pad ?? pad, continued: true };
  }
  return columns.length >= 3 ? { columns, pad, continued: false } : undefined;
}

function mergeLines(hs: HLine[]): HLine[] {
  hs.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: HLine[] = [];
  for (const s of hs) {
    const o = out.find((p) => Math.abs(p.y - s.y) <= 1 && s.x0 <= p.x1 + TOL && s.x1 >= p.x0 - TOL);
    if (o) {
      o.x0 = Math.min(o.x0, s.x0);
      o.x1 = Math.max(o.x1, s.x1);
    } else out.push({ ...s });
  }
  return out;
}
