/**
 * Page furniture: running headers and footers, page numbers. A line is furniture when it is one of
 * the outermost lines of its page (top or bottom margin) and lines like it sit at the same height
 * on many pages: "like" means the same words once digits are set aside (page numbers, dates), or
 * at least half the words in common (chapter-dependent headers: "<Product> API Reference·<chapter>";
 * odd and even forms with the sides swapped). Once a height is known to carry furniture, every
 * outermost line at that height in the same type size is furniture too (a chapter's first page
 * names a chapter no other page names). Repetition alone is not enough: most of what sits at that
 * height on other pages must repeat too (the first body line of every page sits at one height, and
 * a heading such as "Request parameters" starts many pages).
 */
import type { VLine } from './types.ts';

export interface FurnitureResult {
  lines: Set<VLine>;
  /** Distinct forms removed (digits as #), for the report. */
  forms: string[];
}

interface Cand {
  line: VLine;
  side: 'top' | 'bottom';
  tokens: Set<string>;
  numeric: boolean;
  norm: string;
}

const BAND = 1.5;

/**
 * @param extents per page, the top and bottom of its tables: furniture lies outside them.
 */
export function findFurniture(pages: VLine[][], heights: number[], extents: { top: number; bottom: number }[] = []): FurnitureResult {
  const result: FurnitureResult = { lines: new Set(), forms: [] };
  const nPages = pages.length;
  if (nPages < 3) return result;
  // The body frame, as far as tables show it: no table is ever furniture, so furniture lies above
  // the highest table top and below the lowest table bottom of the whole document.
  const frameTop = Math.min(Infinity, ...extents.map((e) => e.top));
  const frameBottom = Math.max(-Infinity, ...extents.map((e) => e.bottom));
  const cands: Cand[] = [];
  pages.forEach((lines, p) => {
    if (!lines.length) return;
    const h = heights[p];
    const ext = extents[p] ?? { top: Infinity, bottom: -Infinity };
    const sorted = [...lines].sort((a, b) => a.y - b.y);
    for (const l of sorted.slice(0, 2)) if (l.y < h * 0.2 && l.y < ext.top && l.y < frameTop) cands.push(cand(l, 'top'));
    for (const l of sorted.slice(-2)) if (l.y > h * 0.8 && l.y - l.size > ext.bottom && l.y - l.size > frameBottom && !cands.some((c) => c.line === l)) cands.push(cand(l, 'bottom'));
  });
  // Bands: candidates of one side at (nearly) the same height.
  const bands: Cand[][] = [];
  for (const side of ['top', 'bottom'] as const) {
    const cs = cands.filter((c) => c.side === side).sort((a, b) => a.line.y - b.line.y);
    let cur: Cand[] = [];
    for (const c of cs) {
      if (cur.length && c.line.y - cur[0].line.y > BAND) {
        bands.push(cur);
        cur = [];
      }
      cur.push(c);
    }
    if (cur.length) bands.push(cur);
  }
  const need = Math.max(3, Math.ceil(0.2 * nPages));
  const furnitureBands: { side: string; y: number; size: number }[] = [];
  // Bands from the page edge inwards: furniture is the outermost band, or one stacked tightly on
  // it (a two-line header); the first band after a wider gap is the body.
  bands.sort((a, b) => (a[0].side === b[0].side ? (a[0].side === 'top' ? a[0].line.y - b[0].line.y : b[0].line.y - a[0].line.y) : a[0].side === 'top' ? -1 : 1));
  const stopped = new Set<string>();
  const lastY = new Map<string, { y: number; size: number }>();
  for (const band of bands) {
    const side = band[0].side;
    if (stopped.has(side)) continue;
    const prevBand = lastY.get(side);
    if (prevBand && Math.abs(band[0].line.y - prevBand.y) > 1.8 * Math.max(prevBand.size, band[0].line.size)) {
      stopped.add(side);
      continue;
    }
    // Group identical forms first, then forms sharing half their words.
    const forms = new Map<string, Cand[]>();
    for (const c of band) {
      if (!c.numeric && !c.tokens.size) continue; // no words, no page number: never furniture
      const k = c.numeric ? '#' : c.norm;
      const f = forms.get(k);
      if (f) f.push(c);
      else forms.set(k, [c]);
    }
    const keys = [...forms.keys()];
    const parent = keys.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]];
      return i;
    };
    const tok = keys.map((k) => forms.get(k)![0].tokens);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length && j < i + 400; j++) {
        if (keys[i] !== '#' && keys[j] !== '#' && jaccard(tok[i], tok[j]) >= 0.5) parent[find(i)] = find(j);
      }
    }
    const groups = new Map<number, Cand[]>();
    keys.forEach((k, i) => {
      const root = find(i);
      const g = groups.get(root) ?? [];
      g.push(...forms.get(k)!);
      groups.set(root, g);
    });
    // Repeated groups must make up most of the band: the first body line of a page sits at one
    // height too, and a heading ("Request parameters") often starts a page, but most of what
    // starts pages differs from page to page.
    const repeated = [...groups.values()].filter((g) => new Set(g.map((c) => c.line.page)).size >= need);
    if (repeated.reduce((n, g) => n + g.length, 0) < 0.5 * band.length) {
      // Not furniture; only a band stacked outside it could still be (checked above).
      if (prevBand) stopped.add(side);
      continue;
    }
    lastY.set(side, { y: band[0].line.y, size: band[0].line.size });
    for (const g of repeated) {
      for (const c of g) result.lines.add(c.line);
      const sizes = g.map((c) => c.line.size).sort((a, b) => a - b);
      furnitureBands.push({ side: g[0].side, y: g[0].line.y, size: sizes[sizes.length >> 1] });
      for (const f of new Set(g.map((c) => (c.numeric ? '#' : c.norm)))) if (result.forms.length < 12) result.forms.push(f);
    }
  }
  // Outermost lines at a furniture height in the furniture's type size.
  for (const c of cands) {
    if (result.lines.has(c.line)) continue;
    if (furnitureBands.some((b) => b.side === c.side && Math.abs(b.y - c.line.y) <= BAND && Math.abs(b.size - c.line.size) <= 0.6)) result.lines.add(c.line);
  }
  return result;
}

function cand(line: VLine, side: 'top' | 'bottom'): Cand {
  const norm = line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const words = norm.match(/[\p{L}]{2,}/gu) ?? [];
  const tokens = new Set(words.filter((w) => !/^(page|of|[ivxlc]+)$/.test(w)));
  return { line, side, tokens, numeric: tokens.size === 0 && /\d/.test(norm + line.text), norm };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
