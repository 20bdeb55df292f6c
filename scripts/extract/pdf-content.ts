/**
 * One pass over a page's operator list (pdf.js `getOperatorList`) gives both what the layout stage
 * needs: the positioned text runs and the ruling lines. pdf.js's own `getTextContent` would parse
 * the page's content stream a second time, and it joins the text of separate drawing operations
 * into one run whenever the gap between them is under about half an em — which is what a table
 * cell's padding is, so a name filling its cell came back as one run with the type in the next
 * cell ("ProjectGmtCreate String"). Here glyph positions follow the PDF text model exactly as
 * pdf.js's canvas renders them (text matrix, CTM, font matrix, character and word spacing,
 * horizontal scaling, rise, TJ adjustments), and runs are cut where the document says so:
 * - inside one show-text operation, glyphs join a run unless a gap of more than 0.6 em or a
 *   vertical ruling line lies between them (a space when the gap is wider than tracking, or the
 *   document drew a space glyph);
 * - separate operations continue a run only when the text goes on with no visible gap (a producer
 *   that draws a word glyph by glyph), or across a drawn space with no ruling line between;
 *   otherwise the layout stage decides from the gap (scripts/layout/lines.ts).
 */
import type { PdfRule, TextRun } from './types.ts';

type Matrix = [number, number, number, number, number, number];

/** What a run needs of a font pdf.js loaded: our index for it, its glyph-to-text matrix, direction. */
export interface FontMetrics {
  index: number;
  matrix: number[];
  vertical: boolean;
}

/** A glyph as pdf.js puts it in a show-text operation (after the worker's structured clone). */
interface Glyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
  vmetric?: number[] | null;
}

export interface PageContent {
  runs: TextRun[];
  rules: PdfRule[];
  /** Ruling lines beyond the limit, ignored. */
  dropped: number;
  /** Characters seen (every glyph and every show-text operation counts: the PDF bomb guard). */
  chars: number;
  /** Any glyph that is not white space. */
  visible: boolean;
}

interface TextState {
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  font: FontMetrics | undefined;
  fontSize: number;
  /** Text matrix (null: identity) and the current point in text space. */
  tm: Matrix | null;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** A piece of a run: glyphs that abut, in device (user) space. */
interface Piece {
  str: string;
  x: number;
  y: number;
  /** Position of its start and end along the baseline, and of the baseline across it. */
  a0: number;
  a1: number;
  c: number;
  ux: number;
  uy: number;
  size: number;
  font: number;
  /** Operation it came from. */
  op: number;
  /** A space glyph, or a gap wider than tracking, precedes it. */
  space: boolean;
  /** A space glyph follows it in the same operation. */
  spaceAfter: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** pdf.js's text-content thresholds, in ems: tracking (no space), the widest gap a space explains, a backwards step. */
const TRACKING = 0.102;
const SPACE_MAX = 0.6;
const NEGATIVE = -0.2;
/** Characters that draw nothing and mean nothing (format marks, byte-order mark). */
const INVISIBLE = /^[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]*$/;
const WHITE = /^\s+$/;

export function readPageContent(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  OPS: Record<string, number>,
  fontOf: (loadedName: string) => FontMetrics,
  view: number[],
  maxRules: number,
): PageContent {
  const rules: PdfRule[] = [];
  let dropped = 0;
  const pushRule = (r: PdfRule) => {
    if (rules.length < maxRules) rules.push(r);
    else dropped++;
  };
  let ctm: Matrix = IDENTITY;
  let lineWidth = 1;
  let ts: TextState = { charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, font: undefined, fontSize: 0, tm: null, x: 0, y: 0, lineX: 0, lineY: 0 };
  const stack: { ctm: Matrix; lineWidth: number; ts: TextState }[] = [];
  const STROKE = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILL = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const [vx0, vy0, vx1, vy1] = view.length >= 4 ? view : [-Infinity, -Infinity, Infinity, Infinity];

  const pieces: Piece[] = [];
  let chars = 0;
  let visible = false;

  const moveText = (x: number, y: number) => {
    ts.x = ts.lineX += x;
    ts.y = ts.lineY += y;
  };

  const showText = (glyphs: ArrayLike<Glyph | number>, op: number) => {
    chars++;
    const font = ts.font;
    const fontSize = ts.fontSize;
    if (!font || fontSize === 0) return;
    const dirSign = fontSize < 0 ? -1 : 1;
    const size0 = Math.abs(fontSize);
    const hs = ts.hScale * dirSign;
    const widthScale = size0 * (font.matrix[0] || 0.001);
    const m = ts.tm ? multiply(ctm, ts.tm) : ctm;
    // Device size of the type (height of the glyph box) and direction of the baseline.
    const size = size0 * Math.hypot(m[2], m[3]) || size0;
    const bx = m[0] * hs;
    const by = m[1] * hs;
    const bl = Math.hypot(bx, by) || 1;
    const ux = bx / bl;
    const uy = by / bl;
    const ty = ts.y + ts.rise;
    let x = 0;
    let pendingSpace = false;
    let cur: Piece | undefined;
    const n = glyphs.length;
    for (let i = 0; i < n; i++) {
      const g = glyphs[i];
      if (typeof g === 'number') {
        x += ((font.vertical ? 1 : -1) * g * size0) / 1000;
        continue;
      }
      if (!g) continue;
      chars++;
      const spacing = (g.isSpace ? ts.wordSpacing : 0) + ts.charSpacing;
      let w = g.width * widthScale;
      if (font.vertical) {
        // Top-to-bottom text: every glyph a run of its own (the layout stage reads horizontal text).
        const vm = g.vmetric;
        w = (vm ? -vm[0] : -g.width) * widthScale;
        const [px, py] = apply(m, ts.x, ty + x);
        const u = g.unicode ?? '';
        if (u && !WHITE.test(u) && !INVISIBLE.test(u) && inView(px, py, vx0, vy0, vx1, vy1)) {
          visible = true;
          pieces.push({ str: u, x: px, y: py, a0: px, a1: px + size, c: py, ux: 0, uy: -1, size, font: font.index, op, space: true, spaceAfter: true });
        }
        x += w - spacing * dirSign;
        continue;
      }
      const u = g.unicode ?? '';
      const tx = ts.x + x * hs;
      x += w + spacing * dirSign;
      if (!u || INVISIBLE.test(u)) continue;
      if (g.isSpace || WHITE.test(u)) {
        pendingSpace = true;
        if (cur) cur.spaceAfter = true;
        continue;
      }
      const [px, py] = apply(m, tx, ty);
      const glyphW = w * hs * bl;
      if (!inView(px, py, vx0, vy0, vx1, vy1) && !inView(px + ux * glyphW, py + uy * glyphW, vx0, vy0, vx1, vy1)) continue;
      visible = true;
      const a0 = px * ux + py * uy;
      const c = -px * uy + py * ux;
      const a1 = a0 + Math.abs(glyphW);
      if (cur && !pendingSpace) {
        const gap = a0 - cur.a1;
        if (gap <= TRACKING * size && gap >= NEGATIVE * size && Math.abs(c - cur.c) <= 0.25 * size) {
          cur.str += u;
          cur.a1 = Math.max(cur.a1, a1);
          continue;
        }
      }
      const gapBefore = cur ? a0 - cur.a1 : 0;
      cur = { str: u, x: px, y: py, a0, a1, c, ux, uy, size, font: font.index, op, space: pendingSpace || gapBefore > TRACKING * size, spaceAfter: false };
      pieces.push(cur);
      pendingSpace = false;
    }
    if (font.vertical) ts.y -= x;
    else ts.x += x * hs;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, lineWidth, ts: { ...ts } });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, lineWidth, ts } = s);
        break;
      }
      case OPS.transform:
        if (args) ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, lineWidth, ts: { ...ts } });
        const fm = args?.[0] as number[] | null | undefined;
        if (fm && fm.length === 6) ctm = multiply(ctm, Array.from(fm) as Matrix);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, lineWidth, ts } = s);
        break;
      }
      case OPS.setLineWidth:
        if (args) lineWidth = Number(args[0]) || 0;
        break;
      case OPS.beginText:
        ts.tm = null;
        ts.x = ts.lineX = ts.y = ts.lineY = 0;
        break;
      case OPS.setCharSpacing:
        if (args) ts.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        if (args) ts.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        if (args) ts.hScale = (Number(args[0]) || 0) / 100;
        break;
      case OPS.setLeading:
        if (args) ts.leading = -(Number(args[0]) || 0);
        break;
      case OPS.setTextRise:
        if (args) ts.rise = Number(args[0]) || 0;
        break;
      case OPS.setFont:
        if (args) {
          ts.font = fontOf(String(args[0]));
          ts.fontSize = Number(args[1]) || 0;
        }
        break;
      case OPS.moveText:
        if (args) moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        if (args) {
          ts.leading = Number(args[1]) || 0;
          moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        }
        break;
      case OPS.setTextMatrix: {
        const tm = (args?.[0] ?? null) as ArrayLike<number> | null;
        if (tm && tm.length === 6) ts.tm = Array.from(tm) as Matrix;
        ts.x = ts.lineX = ts.y = ts.lineY = 0;
        break;
      }
      case OPS.nextLine:
        moveText(0, ts.leading);
        break;
      case OPS.showText:
        if (args && args[0] && typeof args[0] === 'object') showText(args[0] as ArrayLike<Glyph | number>, i);
        break;
      case OPS.constructPath:
        if (args) pathRules(args, ctm, lineWidth, STROKE, FILL, pushRule);
        break;
    }
  }
  return { runs: joinPieces(pieces, rules), rules, dropped, chars, visible };
}

function inView(x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean {
  return x >= x0 - 1 && x <= x1 + 1 && y >= y0 - 1 && y <= y1 + 1;
}

/**
 * Pieces -> runs: a piece continues the run before it (same font, size, direction and baseline)
 * when no vertical ruling line lies in the gap and the gap is one the text explains: within one
 * operation anything up to 0.6 em; across operations only a gap under tracking, or a drawn space.
 */
function joinPieces(pieces: Piece[], rules: PdfRule[]): TextRun[] {
  const verticals = rules.filter((r) => r.x0 === r.x1).sort((a, b) => a.x0 - b.x0);
  const xs = verticals.map((r) => r.x0);
  const ruleBetween = (xa: number, xb: number, y: number, size: number): boolean => {
    let k = lowerBound(xs, Math.min(xa, xb) - 0.5);
    for (; k < xs.length && xs[k] <= Math.max(xa, xb) + 0.5; k++) {
      const r = verticals[k];
      if (r.y0 <= y + size * 0.6 && r.y1 >= y - size * 0.1) return true;
    }
    return false;
  };
  const runs: TextRun[] = [];
  let run: Piece | undefined;
  const flush = () => {
    if (run) runs.push({ str: normalize(run.str), x: run.x, y: run.y, width: run.a1 - run.a0, size: run.size, font: run.font });
    run = undefined;
  };
  for (const p of pieces) {
    if (run && run.font === p.font && Math.abs(run.size - p.size) <= 0.01 * p.size && Math.abs(run.ux - p.ux) < 1e-3 && Math.abs(run.uy - p.uy) < 1e-3 && Math.abs(run.c - p.c) <= 0.25 * p.size) {
      const gap = p.a0 - run.a1;
      const spaced = p.space || gap > TRACKING * p.size;
      const joins =
        gap >= NEGATIVE * p.size &&
        (!spaced || (gap <= SPACE_MAX * p.size && (run.op === p.op || run.spaceAfter || p.space) && !(Math.abs(p.uy) < 1e-3 && ruleBetween(run.x + (run.a1 - run.a0) * p.ux, p.x, p.y, p.size))));
      if (joins) {
        run.str += spaced ? ` ${p.str}` : p.str;
        run.a1 = Math.max(run.a1, p.a1);
        run.op = p.op;
        run.spaceAfter = p.spaceAfter;
        continue;
      }
    }
    flush();
    run = { ...p };
  }
  flush();
  return runs;
}

/** Ligatures and compatibility characters as plain text (pdf.js's text-content normalisation). */
function normalize(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s.replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ').replace(/[\ufb00-\ufb06]+/g, (m) => m.normalize('NFKC'));
}

/**
 * Rules from one path-painting operation: stroked straight segments and rectangle edges, and
 * filled rectangles thin enough to be lines. Curves, diagonal segments and large filled areas
 * (shading, backgrounds) are not rules. Coordinates go through the current transformation matrix.
 */
function pathRules(args: unknown[], ctm: Matrix, lineWidth: number, STROKE: Set<number>, FILL: Set<number>, push: (r: PdfRule) => void): void {
  const paint = args[0] as number;
  const stroke = STROKE.has(paint);
  const fill = FILL.has(paint);
  if (!stroke && !fill) return;
  const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
  if (!data || typeof data !== 'object' || !('length' in data)) return;
  const w = lineWidth * Math.hypot(ctm[0], ctm[1]);
  for (const sub of subpaths(data)) {
    if (sub.curved) continue;
    const pts = sub.points.map(([x, y]) => apply(ctm, x, y));
    if (fill && pts.length >= 4) {
      const box = boxOf(pts);
      const bw = box.x1 - box.x0;
      const bh = box.y1 - box.y0;
      if (box.axis && (bw <= 2.5 || bh <= 2.5) && Math.max(bw, bh) > 3) {
        push(bw <= bh ? { x0: (box.x0 + box.x1) / 2, x1: (box.x0 + box.x1) / 2, y0: box.y0, y1: box.y1 } : { x0: box.x0, x1: box.x1, y0: (box.y0 + box.y1) / 2, y1: (box.y0 + box.y1) / 2 });
        continue;
      }
    }
    if (!stroke || w > 4) continue;
    const n = pts.length;
    const segs = sub.closed ? n : n - 1;
    for (let k = 0; k < segs; k++) {
      const [ax, ay] = pts[k];
      const [bx, by] = pts[(k + 1) % n];
      if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) > 2) push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
      else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) > 2) push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  }
}

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF `cm` pre-multiplies the CTM).
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) -> subpaths. */
function* subpaths(data: ArrayLike<number>): Generator<{ points: [number, number][]; closed: boolean; curved: boolean }> {
  let cur: { points: [number, number][]; closed: boolean; curved: boolean } | undefined;
  for (let i = 0; i < data.length && i < 200_000; ) {
    const op = data[i];
    if (op === 0) {
      if (cur && cur.points.length > 1) yield cur;
      cur = { points: [[data[i + 1], data[i + 2]]], closed: false, curved: false };
      i += 3;
    } else if (op === 1) {
      cur ??= { points: [], closed: false, curved: false };
      cur.points.push([data[i + 1], data[i + 2]]);
      i += 3;
    } else if (op === 2) {
      if (cur) cur.curved = true;
      i += 7;
    } else if (op === 3) {
      if (cur) cur.curved = true;
      i += 5;
    } else if (op === 4) {
      if (cur) {
        cur.closed = true;
        if (cur.points.length > 1) yield cur;
        const start = cur.points[0];
        cur = start ? { points: [start], closed: false, curved: false } : undefined;
      }
      i += 1;
    } else break;
  }
  if (cur && cur.points.length > 1) yield cur;
}

function boxOf(pts: [number, number][]): { x0: number; y0: number; x1: number; y1: number; axis: boolean } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of pts) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  // Every point on the box's outline: an axis-aligned rectangle.
  const on = (v: number, a: number, b: number) => Math.abs(v - a) <= 0.5 || Math.abs(v - b) <= 0.5;
  const axis = pts.every(([x, y]) => on(x, x0, x1) && on(y, y0, y1));
  return { x0, y0, x1, y1, axis };
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

