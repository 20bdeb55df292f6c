import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { InputError, type PdfFont, type PdfPage, type SourceDocument } from './types.ts';
import { readPageContent, type FontMetrics } from './pdf-content.ts';

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

  const pdfjs = await loadPdfjs();
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
  const fontMetrics = new Map<string, FontMetrics>();
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
        // One pass: the operator list gives the text (glyphs with their positions) and the rules.
        const ops = await pg.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
        const fontOf = (id: string): FontMetrics => {
          let f = fontMetrics.get(id);
          if (!f) {
            const obj = loadedFont(pg, id);
            f = { index: fonts.length, matrix: obj?.fontMatrix && obj.fontMatrix.length === 6 ? Array.from(obj.fontMatrix) : [0.001, 0, 0, 0.001, 0, 0], vertical: !!obj?.vertical };
            fonts.push(describeFont(id, obj));
            fontMetrics.set(id, f);
          }
          return f;
        };
        const content = readPageContent(ops.fnArray, ops.argsArray, pdfjs.OPS, fontOf, pg.view, lim.maxRulesPerPage);
        chars += content.chars;
        if (content.visible) hasText = true;
        page = { number: p, width: width ?? 612, height: height ?? 792, runs: content.runs, rules: content.rules };
        if (content.dropped) page.rulesDropped = content.dropped;
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
    restoreNatives();
  }
  if (!hasText) throw new InputError(file, 'PDF has no extractable text (scanned images?)');
  markMonospace(pages, fonts);
  return { file, kind: 'pdf', lines: [], bytes: bytes.length, pdf: { pages, fonts } };
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoaded: Promise<Pdfjs> | undefined;

/**
 * pdf.js's legacy build (the one that runs on Node 20) bundles core-js, which on this V8 replaces
 * built-ins process-wide with JavaScript polyfills for edge cases and proposals: Array.prototype.push
 * (an error on non-writable lengths), JSON.parse (the reviver's source text) and JSON.stringify,
 * Function.prototype.toString. Every later push and JSON.parse in the process — the layout stage,
 * the dialects, emit, lint — then runs several times slower. The built-ins it *adds*
 * (Promise.withResolvers, Map.prototype.getOrInsert …) stay, pdf.js needs them; the ones it
 * *replaced* are put back once its modules (the API and the worker it runs in this thread) are
 * loaded, and checked again after every document.
 */
const NATIVES: [object, PropertyKey, PropertyDescriptor | undefined][] = (
  [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Function.prototype, 'toString'],
  ] as [object, PropertyKey][]
).map(([o, k]) => [o, k, Object.getOwnPropertyDescriptor(o, k)]);

function restoreNatives(): void {
  for (const [o, k, d] of NATIVES) if (d && Object.getOwnPropertyDescriptor(o, k)?.value !== d.value) Object.defineProperty(o, k, d);
}

function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoaded ??= (async () => {
    try {
      const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // The worker runs in this thread (pdf.js's "fake worker" on Node) and would be loaded with
      // the first document; load it now (the same module pdf.js imports) so its polyfills come first.
      const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      await import(worker);
      return api;
    } finally {
      restoreNatives();
    }
  })();
  return pdfjsLoaded;
}

/** The font object pdf.js loaded for a page (its `commonObjs`), when it is there. */
interface LoadedFont {
  name?: string;
  bold?: boolean;
  black?: boolean;
  italic?: boolean;
  vertical?: boolean;
  fallbackName?: string;
  fontMatrix?: ArrayLike<number>;
}

function loadedFont(page: { commonObjs: { has(id: string): boolean; get(id: string): unknown } }, id: string): LoadedFont | undefined {
  try {
    if (page.commonObjs.has(id)) return (page.commonObjs.get(id) as LoadedFont | null) ?? undefined;
  } catch {
    // Not loaded: the name stays the id; pitch is decided from the glyph widths below.
  }
  return undefined;
}

/** Name, weight and pitch of a font, from what pdf.js loaded for the page. */
function describeFont(id: string, f: LoadedFont | undefined): PdfFont {
  let name = id;
  if (f?.name) name = f.name.replace(/^[A-Z]{6}\+/, '');
  let bold = !!(f?.bold || f?.black);
  let italic = !!f?.italic;
  if (/bold|black|heavy|semibold|demi/i.test(name)) bold = true;
  if (/italic|oblique/i.test(name)) italic = true;
  const mono = f?.fallbackName === 'monospace' || /mono|courier|consol|menlo|fixed|typewriter|code/i.test(name);
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
