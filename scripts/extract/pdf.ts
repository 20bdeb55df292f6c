import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { InputError, type SourceDocument, type SourceLine } from './types.ts';

/** Limits that keep a hostile or absurd PDF from exhausting memory or time. */
export interface PdfLimits {
  /** Refuse PDFs with more pages than this. */
  maxPages: number;
  /** Stop and refuse when the extracted text grows beyond this many characters. */
  maxChars: number;
  /** Refuse when the PDF's Flate streams inflate to more than this many bytes in total. */
  maxInflatedBytes: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxPages: 5000,
  maxChars: 40_000_000,
  maxInflatedBytes: 512 * 1024 * 1024,
};

/** A positioned run of text as pdf.js reports it (user-space units, y grows upwards). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the glyph box). */
  size: number;
}

/**
 * Extract a PDF with pdf.js (pdfjs-dist, legacy build for Node), one SourceLine per visual line,
 * each with its page number and the x position of its first glyph (indentation that plain text
 * loses: nested table rows are indented). Corrupt and truncated PDFs become InputErrors; so do PDF
 * bombs (too many pages, too much text, streams that inflate beyond a bound) and PDFs whose pages
 * hold no text (scanned manuals need OCR, which is not our job).
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
  const pages: TextRun[][] = [];
  try {
    const pdf = await task.promise.catch((err: unknown) => {
      throw new InputError(file, `corrupt PDF (${firstLine(err)})`);
    });
    if (pdf.numPages > lim.maxPages) {
      throw new InputError(file, `PDF has ${pdf.numPages} pages, over the ${lim.maxPages}-page limit (PDF bomb?)`);
    }
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      let runs: TextRun[];
      try {
        const page = await pdf.getPage(p);
        const content = await page.getTextContent();
        runs = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const t = it.transform as number[];
          const size = Math.hypot(t[2], t[3]) || it.height || 1;
          runs.push({ str: it.str, x: t[4], y: t[5], width: it.width, size });
          chars += it.str.length + 1; // every run counts, so millions of empty runs are refused too
        }
        page.cleanup();
      } catch (err) {
        throw new InputError(file, `corrupt PDF: page ${p} cannot be read (${firstLine(err)})`);
      }
      if (chars > lim.maxChars) {
        throw new InputError(file, `PDF text exceeds ${lim.maxChars} characters by page ${p} (PDF bomb?)`);
      }
      pages.push(runs);
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }
  const lines = linesFromPages(pages);
  if (!lines.some((l) => l.text.trim() !== '')) {
    throw new InputError(file, 'PDF has no extractable text (scanned images?)');
  }
  return { file, kind: 'pdf', lines, bytes: bytes.length };
}

/** A line under construction. */
interface RawLine {
  page: number;
  x: number;
  y: number;
  size: number;
  end: number;
  text: string;
  /** Blank line before it (the vertical flow broke: paragraph gap or a jump back up). */
  gapBefore: boolean;
  /** x where each tab-separated cell starts. */
  cells: number[];
  /** Merged into another line. */
  dropped?: boolean;
}

/**
 * Turn positioned runs into lines. Runs are taken in content-stream order (the order the vendor's
 * typesetter drew them, which keeps table cells together); a run joins the current line when it sits
 * on the same baseline to the right of it, otherwise it starts a new line. Within a line a gap wider
 * than a column gap becomes a tab (a cell boundary), a word-sized gap a space. A blank line marks a
 * paragraph gap or a jump back up the page (the next cell of a table row). Repeated page furniture
 * (running headers and footers: the same text, digits aside, near the top or bottom of most pages)
 * is dropped.
 */
export function linesFromPages(pages: TextRun[][]): SourceLine[] {
  const perPage: RawLine[][] = pages.map((runs, i) => groupRuns(runs, i + 1));
  const furniture = findFurniture(perPage);
  const out: SourceLine[] = [];
  for (const lines of perPage) {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (furniture.has(furnitureKey(l))) continue;
      // A gap measured from dropped furniture or across a page break is not a paragraph gap.
      const prevKept = out[out.length - 1];
      const afterFurniture = i > 0 && furniture.has(furnitureKey(lines[i - 1]));
      if (l.gapBefore && prevKept && prevKept.text !== '' && prevKept.page === l.page && !afterFurniture) {
        out.push({ text: '', line: out.length + 1, page: l.page });
      }
      out.push({ text: l.text, line: out.length + 1, page: l.page, x: Math.round(l.x * 10) / 10 });
    }
  }
  return out;
}

function groupRuns(runs: TextRun[], page: number): RawLine[] {
  const lines: RawLine[] = [];
  let cur: RawLine | undefined;
  for (const r of runs) {
    const blank = r.str.trim() === '';
    if (blank && !cur) continue;
    const sameLine =
      cur !== undefined && Math.abs(r.y - cur.y) <= 0.35 * Math.max(cur.size, r.size) && r.x >= cur.end - 0.5 * cur.size;
    if (sameLine && cur) {
      if (blank) {
        // Spacing runs carry no text; the gap they span is measured from the next real run.
        continue;
      }
      const gap = r.x - cur.end;
      const sep = gap > 0.8 * cur.size ? '\t' : gap > 0.12 * cur.size && !/\s$/.test(cur.text) && !/^\s/.test(r.str) ? ' ' : '';
      if (sep === '\t') cur.cells.push(r.x);
      cur.text += sep + r.str;
      cur.end = Math.max(cur.end, r.x + r.width);
      continue;
    }
    if (blank) continue;
    // A cell drawn after a neighbour that wrapped onto several lines jumps back up to the row's
    // first baseline: it belongs on that line (top-aligned table rows), provided every line drawn
    // since hangs below it (so it is the same row, not a vertically centred cell of another).
    if (cur && r.y > cur.y + 0.35 * r.size) {
      const target = rowLineAt(lines, r);
      if (target) {
        target.cells.push(r.x);
        target.text += `\t${r.str.trimStart()}`;
        target.end = Math.max(target.end, r.x + r.width);
        cur = target;
        continue;
      }
    }
    const prev = cur;
    const lead = r.str.length - r.str.trimStart().length;
    cur = {
      page,
      x: r.x,
      y: r.y,
      size: r.size,
      end: r.x + r.width,
      text: r.str.slice(lead),
      gapBefore: prev !== undefined && (r.y > prev.y + 0.35 * r.size || prev.y - r.y > 1.9 * Math.max(prev.size, r.size)),
      cells: [],
    };
    if (lead && r.str.length) cur.x += (r.width * lead) / r.str.length;
    cur.cells.push(cur.x);
    lines.push(cur);
  }
  for (const l of lines) l.text = l.text.replace(/\s+$/, '');
  alignToColumns(lines);
  return lines.filter((l) => !l.dropped);
}

/** The earlier line on r's baseline, left of r, with every later line hanging below it. */
function rowLineAt(lines: RawLine[], r: TextRun): RawLine | undefined {
  const tol = 0.35 * r.size;
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 60; i--, seen++) {
    const l = lines[i];
    if (Math.abs(l.y - r.y) <= tol) {
      if (l.end > r.x + 0.5 * r.size) return undefined;
      for (let j = i + 1; j < lines.length; j++) if (lines[j].y > l.y - tol) return undefined;
      return l;
    }
    if (l.y > r.y + tol) return undefined; // above the run: the row has been passed
  }
  return undefined;
}

/**
 * Table continuation lines: a line that starts under the k-th cell of the table row above it (a
 * wrapped cell, the next paragraph of a description) gets k leading tabs, as a text extraction of
 * the table gives ("\t\t\tEnter 4 to 64 characters…"); rows of one table are not separated by
 * blank lines. The table ends at a line that starts left of its first column.
 */
function alignToColumns(lines: RawLine[]): void {
  let row: RawLine | undefined;
  let last: RawLine | undefined;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
  for (const l of lines) {
    if (!row) {
      if (l.cells.length > 1) row = l;
      last = l;
      continue;
    }
    const k = row.cells.findIndex((x) => near(x, l.x));
    if (k === 0 && l.cells.length === 1 && row.cells.length > 1 && last && last.y - l.y <= 1.4 * l.size && last.y > l.y) {
      // The first cell wrapped ("randomSamplingP" / "ercentage"): rejoin it in the row's first
      // cell with a space, as text extractions of such tables do ("randomSamplingP ercentage").
      const tab = row.text.indexOf('\t');
      row.text = `${row.text.slice(0, tab)} ${l.text}${row.text.slice(tab)}`;
      l.dropped = true;
      last = l;
      continue;
    }
    last = l;
    if (k > 0) {
      l.text = '\t'.repeat(k) + l.text;
      l.gapBefore = false;
      continue;
    }
    if (k === 0 && l.cells.length > 1) {
      // The next row of the same table.
      l.gapBefore = false;
      row = l;
      continue;
    }
    if (k === 0) continue; // a row whose other cells are empty or start lower
    row = l.cells.length > 1 ? l : undefined;
  }
}

function furnitureKey(l: RawLine): string {
  return `${Math.round(l.y)}|${l.text.replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
}

/** Keys of lines that repeat near the top or bottom edge of at least half the pages (3 or more). */
function findFurniture(perPage: RawLine[][]): Set<string> {
  const out = new Set<string>();
  if (perPage.length < 3) return out;
  const counts = new Map<string, number>();
  for (const lines of perPage) {
    if (!lines.length) continue;
    let top = -Infinity;
    let bottom = Infinity;
    for (const l of lines) {
      top = Math.max(top, l.y);
      bottom = Math.min(bottom, l.y);
    }
    const seen = new Set<string>();
    for (const l of lines) {
      // Only the outermost lines of a page can be furniture.
      if (l.y < top - 3 * l.size && l.y > bottom + 3 * l.size) continue;
      const k = furnitureKey(l);
      if (seen.has(k)) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const need = Math.max(3, Math.ceil(perPage.length / 2));
  for (const [k, n] of counts) if (n >= need) out.add(k);
  return out;
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
