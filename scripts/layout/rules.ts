/**
 * Ruling lines -> table grids. Horizontal and vertical segments (cell rectangles give four edges
 * each, shared edges coincide) are merged where they continue each other; segments that cross or
 * touch form a connected component; a component with at least two horizontal lines spanning its
 * width and two vertical lines is a table. Its rows are the bands between full-width horizontal
 * lines; the cells of a band are bounded by the vertical lines that cross the band (so cells that
 * span columns are one cell).
 */
import type { PdfRule } from '../extract/types.ts';

interface HSeg {
  y: number;
  x0: number;
  x1: number;
}
interface VSeg {
  x: number;
  y0: number;
  y1: number;
}

export interface GridCell {
  x0: number;
  x1: number;
  /** Index of the column boundary the cell starts at. */
  col: number;
}

export interface GridRow {
  top: number;
  bottom: number;
  cells: GridCell[];
}

export interface Grid {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Every column boundary of the table (x), left to right. */
  columns: number[];
  rows: GridRow[];
  /** Tables without vertical rules (columns.ts): where a column's text starts from its boundary. */
  pad?: number;
}

const TOL = 1.5;

/** Rules of a page (PDF y upwards) -> grids (y from the top of the page). */
export function findGrids(rules: PdfRule[], pageHeight: number): Grid[] {
  const hs: HSeg[] = [];
  const vs: VSeg[] = [];
  for (const r of rules) {
    if (Math.abs(r.y0 - r.y1) <= 0.5) hs.push({ y: pageHeight - (r.y0 + r.y1) / 2, x0: Math.min(r.x0, r.x1), x1: Math.max(r.x0, r.x1) });
    else if (Math.abs(r.x0 - r.x1) <= 0.5) vs.push({ x: (r.x0 + r.x1) / 2, y0: pageHeight - Math.max(r.y0, r.y1), y1: pageHeight - Math.min(r.y0, r.y1) });
  }
  const H = mergeH(hs);
  const V = mergeV(vs);
  if (H.length < 2 || V.length < 2) return [];
  // Connected components (union-find) over H ∪ V.
  const parent = Array.from({ length: H.length + V.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // Sort V by x so each H only looks at the verticals within its x-range.
  const vOrder = V.map((_, i) => i).sort((a, b) => V[a].x - V[b].x);
  const vx = vOrder.map((i) => V[i].x);
  for (let h = 0; h < H.length; h++) {
    const s = H[h];
    let k = lowerBound(vx, s.x0 - TOL - 0.5);
    for (; k < vOrder.length && vx[k] <= s.x1 + TOL + 0.5; k++) {
      const v = V[vOrder[k]];
      if (s.y >= v.y0 - TOL - 0.5 && s.y <= v.y1 + TOL + 0.5) parent[find(h)] = find(H.length + vOrder[k]);
    }
  }
  const comps = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  for (let i = 0; i < H.length + V.length; i++) {
    const root = find(i);
    let c = comps.get(root);
    if (!c) comps.set(root, (c = { h: [], v: [] }));
    if (i < H.length) c.h.push(H[i]);
    else c.v.push(V[i - H.length]);
  }
  const grids: Grid[] = [];
  for (const { h, v } of comps.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const x0 = Math.min(...h.map((s) => s.x0), ...v.map((s) => s.x));
    const x1 = Math.max(...h.map((s) => s.x1), ...v.map((s) => s.x));
    const width = x1 - x0;
    if (width < 20) continue;
    const full = h.filter((s) => s.x1 - s.x0 >= 0.95 * width - TOL).map((s) => s.y);
    const ys = cluster(full);
    if (ys.length < 2) continue;
    const columns = cluster(v.map((s) => s.x));
    const rows: GridRow[] = [];
    for (let i = 0; i + 1 < ys.length; i++) {
      const top = ys[i];
      const bottom = ys[i + 1];
      if (bottom - top < 2) continue;
      const mid = (top + bottom) / 2;
      const xs = cluster(v.filter((s) => s.y0 <= mid && s.y1 >= mid).map((s) => s.x));
      if (xs.length < 2) continue;
      const cells: GridCell[] = [];
      for (let k = 0; k + 1 < xs.length; k++) {
        if (xs[k + 1] - xs[k] < 2) continue;
        cells.push({ x0: xs[k], x1: xs[k + 1], col: nearestIndex(columns, xs[k]) });
      }
      if (cells.length) rows.push({ top, bottom, cells });
    }
    if (rows.length) grids.push({ x0, x1, top: ys[0], bottom: ys[ys.length - 1], columns, rows });
  }
  return grids.sort((a, b) => a.top - b.top);
}

function mergeH(segs: HSeg[]): HSeg[] {
  segs.sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: HSeg[] = [];
  for (const s of segs) {
    // Continue a segment on (nearly) the same y that this one touches or overlaps.
    let merged = false;
    for (let k = out.length - 1; k >= 0 && s.y - out[k].y <= 1; k--) {
      const o = out[k];
      if (Math.abs(o.y - s.y) <= 1 && s.x0 <= o.x1 + TOL && s.x1 >= o.x0 - TOL) {
        o.x0 = Math.min(o.x0, s.x0);
        o.x1 = Math.max(o.x1, s.x1);
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ ...s });
  }
  return out;
}

function mergeV(segs: VSeg[]): VSeg[] {
  segs.sort((a, b) => a.x - b.x || a.y0 - b.y0);
  const out: VSeg[] = [];
  for (const s of segs) {
    let merged = false;
    for (let k = out.length - 1; k >= 0 && s.x - out[k].x <= 1; k--) {
      const o = out[k];
      if (Math.abs(o.x - s.x) <= 1 && s.y0 <= o.y1 + TOL && s.y1 >= o.y0 - TOL) {
        o.y0 = Math.min(o.y0, s.y0);
        o.y1 = Math.max(o.y1, s.y1);
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ ...s });
  }
  return out;
}

/** Sorted values with near-equal ones (within TOL) merged into their mean. */
export function cluster(values: number[]): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  for (const x of v) {
    if (n && x - sum / n > TOL) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += x;
    n++;
  }
  if (n) out.push(sum / n);
  return out;
}

function nearestIndex(sorted: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i] - x) < Math.abs(sorted[best] - x)) best = i;
  return best;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m] < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}
