import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { InputError, type PdfFont, type PdfPage, type PdfRule, type SourceDocument, type TextRun } from './types.ts';

/** Limits that keep a hostile or absurd PDF from exhausting memory or time. */
export interface PdfLimits {
  /** Refuse PDFs with more pages than this. */
  maxPages: number;
  /** Stop and refuse when the extracted text grows beyond this many characters. */
  maxChars: number;
  /** Refuse when the PDF's Flate streams inflate to more than this many bytes in total. */
  maxInflatedBytes: number;
  /** Ruling lines kept per page (more are ignored, and the layout stage says so). */
  maxRulesPerPage: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxPages: 5000,
  maxChars: 40_000_000,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxRulesPerPage: 20_000,
};

/**
 * Extract a PDF's geometry with pdf.js (pdfjs-dist, legacy build for Node): per page the
 * positioned text runs (with their font: name, bold, monospace) and the ruling lines the page
 * draws as paths (table borders: stroked lines and rectangles, thin filled rectangles), in the
 * page's user space (y grows upwards). The layout stage (scripts/layout) turns that into lines and
 * blocks. Corrupt and truncated PDFs become InputErrors; so do PDF bombs (too many pages, too much
 * text, streams that inflate beyond a bound) and PDFs whose pages hold no text (scanned manuals
 * need OCR, which is not our job).
 */
export async function extractPdf(
  file: string,
  bytes: Uint8Array,
  limits: Partial<PdfLimits> = {},
): Promise<SourceDocument> {
  const lim = { ...DEFAULT_PDF_LIMITS, ...limits };
  if (bytes.length === 0) throw new InputError(file, 'file is empty');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(file, 'not a PDF (no %PDF- header)');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new InputError(file, 'truncated PDF (no %%EOF trailer)');
  checkInflatedSize(file, bytes, lim.maxInflatedBytes);

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given; hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    maxImageSize: 1,
    enableXfa: false,
  });
  const pages: PdfPage[] = [];
  const fonts: PdfFont[] = [];
  const fontIndex = new Map<string, number>();
  let hasText = false;
  try {
    const pdf = await task.promise.catch((err: unknown) => {
      throw new InputError(file, `corrupt PDF (${firstLine(err)})`);
    });
    if (pdf.numPages > lim.maxPages) {
      throw new InputError(file, `PDF has ${pdf.numPages} pages, over the ${lim.maxPages}-page limit (PDF bomb?)`);
    }
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      let page: PdfPage;
      try {
        const pg = await pdf.getPage(p);
        const [, , width, height] = pg.view;
        const ops = await pg.getOperatorList();
        const rules = rulesFromOperators(ops.fnArray, ops.argsArray, pdfjs.OPS, lim.maxRulesPerPage);
        const content = await pg.getTextContent();
        const runs: TextRun[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          chars += it.str.length + 1; // every run counts, so millions of empty runs are refused too
          if (it.str === '') continue;
          const t = it.transform as number[];
          const size = Math.hypot(t[2], t[3]) || it.height || 1;
          let font = fontIndex.get(it.fontName);
          if (font === undefined) {
            font = fonts.length;
            fontIndex.set(it.fontName, font);
            fonts.push(describeFont(pg, it.fontName, content.styles[it.fontName]?.fontFamily));
          }
          if (!hasText && it.str.trim() !== '') hasText = true;
          runs.push({ str: it.str, x: t[4], y: t[5], width: it.width, size, font });
        }
        page = { number: p, width: width ?? 612, height: height ?? 792, runs, rules: rules.rules };
        if (rules.dropped) page.rulesDropped = rules.dropped;
        pg.cleanup();
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(file, `corrupt PDF: page ${p} cannot be read (${firstLine(err)})`);
      }
      if (chars > lim.maxChars) {
        throw new InputError(file, `PDF text exceeds ${lim.maxChars} characters by page ${p} (PDF bomb?)`);
      }
      pages.push(page);
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }
  if (!hasText) throw new InputError(file, 'PDF has no extractable text (scanned images?)');
  markMonospace(pages, fonts);
  return { file, kind: 'pdf', lines: [], bytes: bytes.length, pdf: { pages, fonts } };
}

/** Name, weight and pitch of a font, from what pdf.js loaded for the page. */
function describeFont(page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } }, id: string, family: string | undefined): PdfFont {
  let name = id;
  let bold = false;
  let italic = false;
  try {
    if (page.commonObjs.has(id)) {
      const f = page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean; italic?: boolean } | null;
      if (f?.name) name = f.name.replace(/^[A-Z]{6}\+/, '');
      bold = !!(f?.bold || f?.black);
      italic = !!f?.italic;
    }
  } catch {
    // Not loaded: the name stays the id; pitch is decided from the glyph widths below.
  }
  if (/bold|black|heavy|semibold|demi/i.test(name)) bold = true;
  if (/italic|oblique/i.test(name)) italic = true;
  const mono = family === 'monospace' || /mono|courier|consol|menlo|fixed|typewriter|code/i.test(name);
  return { name, bold, italic, mono };
}

/**
 * A font whose every run advances the same width per character, over runs of different text, is
 * monospaced whatever its name says.
 */
function markMonospace(pages: PdfPage[], fonts: PdfFont[]): void {
  const stats = fonts.map(() => ({ n: 0, min: Infinity, max: -Infinity, texts: new Set<string>() }));
  for (const p of pages) {
    for (const r of p.runs) {
      const st = stats[r.font];
      if (r.str.length < 3 || st.n > 400 || /[^\x20-\x7e]/.test(r.str)) continue;
      const adv = r.width / r.str.length / r.size;
      st.n++;
      st.min = Math.min(st.min, adv);
      st.max = Math.max(st.max, adv);
      if (st.texts.size < 8) st.texts.add(r.str);
    }
  }
  stats.forEach((st, i) => {
    if (st.n >= 5 && st.texts.size >= 5 && st.max - st.min <= 0.01 * st.max) fonts[i].mono = true;
  });
}

/**
 * Horizontal and vertical ruling lines of a page from its operator list: stroked straight
 * segments and rectangles (each edge), and filled rectangles thin enough to be lines. Curves,
 * diagonal segments and large filled areas (shading, backgrounds) are not rules. Coordinates are
 * taken through the current transformation matrix (save/restore, cm, form XObjects).
 */
export function rulesFromOperators(
  fnArray: number[],
  argsArray: unknown[],
  OPS: Record<string, number>,
  max: number,
): { rules: PdfRule[]; dropped: number } {
  const rules: PdfRule[] = [];
  let dropped = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let lineWidth = 1;
  const widthStack: number[] = [];
  const STROKE = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILL = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const push = (r: PdfRule) => {
    if (rules.length < max) rules.push(r);
    else dropped++;
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) {
      stack.push(ctm);
      widthStack.push(lineWidth);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? ctm;
      lineWidth = widthStack.pop() ?? lineWidth;
    } else if (fn === OPS.transform && args) {
      ctm = multiply(ctm, args as Matrix);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      widthStack.push(lineWidth);
      const m = args?.[0] as number[] | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, m as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm;
      lineWidth = widthStack.pop() ?? lineWidth;
    } else if (fn === OPS.setLineWidth && args) {
      lineWidth = Number(args[0]) || 0;
    } else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const stroke = STROKE.has(paint);
      const fill = FILL.has(paint);
      if (!stroke && !fill) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || typeof data !== 'object' || !('length' in data)) continue;
      const w = lineWidth * Math.hypot(ctm[0], ctm[1]);
      for (const sub of subpaths(data)) {
        const pts = sub.points.map(([x, y]) => apply(ctm, x, y));
        if (sub.curved) continue;
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
  }
  return { rules, dropped };
}

type Matrix = [number, number, number, number, number, number];

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

/**
 * PDF bomb guard: inflate every FlateDecode stream with a running output budget, so a few
 * kilobytes that expand to gigabytes are refused before pdf.js allocates them. Streams are found
 * by their `stream`/`endstream` keywords; damaged streams are left for pdf.js to judge.
 */
export function checkInflatedSize(file: string, bytes: Uint8Array, budget: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let from = 0;
  for (;;) {
    const s = buf.indexOf('stream', from, 'latin1');
    if (s < 0) break;
    from = s + 6;
    // Skip `endstream` and words that merely end in "stream".
    if (s >= 3 && buf.toString('latin1', s - 3, s) === 'end') continue;
    let start = s + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    else if (buf[start - 1] !== 0x0d) continue;
    const dictStart = Math.max(0, buf.lastIndexOf('<<', s, 'latin1'));
    const dict = buf.toString('latin1', Math.max(dictStart, s - 4096), s);
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    from = end + 9;
    if (!/\/FlateDecode|\/Fl\b/.test(dict)) continue;
    const remaining = budget - total;
    try {
      const out = inflateSync(buf.subarray(start, end), {
        maxOutputLength: Math.max(1, remaining),
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
      });
      total += out.length;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new InputError(file, `PDF streams inflate to more than ${budget} bytes (PDF bomb?)`);
      }
      // A damaged stream: pdf.js decides whether the document is still readable.
    }
  }
  return total;
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].slice(0, 160);
}
