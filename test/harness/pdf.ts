/**
 * Typeset a ManualLayout as the vendors' PDFs look, with pdfkit: ruled table cells (lines drawn as
 * paths), text wrapped inside cells (words too wide for a cell broken mid-word, at a hyphen when
 * there is one), child rows indented in the first column, the header row repeated after a page
 * break, rows split across pages, odd/even running headers and footers (chapter-dependent, sides
 * alternating), a table of contents with dot leaders and page numbers, chapters on new pages,
 * monospace sample blocks that break across pages, and everything drawn in a typesetter's order
 * (not reading order).
 *
 * Every geometric choice comes from a seeded `PdfStyle` (fonts, sizes, margins, column widths,
 * cell padding, indentation step, vertical alignment, how rules are drawn, draw order …) so the
 * layout stage is measured on many geometries, not fitted to one.
 *
 * Test code: nothing in scripts/ may import it, and it imports nothing from scripts/.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ManualBlock, ManualLayout, TableRow } from './layout.ts';
import type { Rng } from './rng.ts';

type FontRole = 'body' | 'bold' | 'mono' | 'heading';

export interface PdfStyle {
  /** Name of the font family ("dejavu-sans", "helvetica" …). */
  family: string;
  /** Font files (or pdfkit standard font names) per role. */
  fonts: Record<FontRole, string>;
  /** True when the fonts can draw any BMP text we generate (TrueType with wide coverage). */
  unicode: boolean;
  pageSize: [number, number];
  /** Margins; inner/outer mirror on even pages when `mirror`. */
  margin: { top: number; bottom: number; inner: number; outer: number };
  mirror: boolean;
  bodySize: number;
  tableSize: number;
  codeSize: number;
  /** Heading sizes by level (1 = chapter). */
  headingSizes: number[];
  /** Line height as a multiple of the font size. */
  leading: number;
  /** Table borders: a stroked rectangle per cell, or full-width row lines + column lines. */
  rules: 'cells' | 'lines' | 'thin-fills';
  headerFill: boolean;
  headerAlign: 'left' | 'center';
  valign: 'top' | 'middle';
  cellPad: number;
  indentStep: number;
  /** Multiplicative jitter of the relative column widths. */
  widthJitter: number;
  /** Order in which the typesetter emits a table part's glyphs and rules. */
  drawOrder: 'rows' | 'columns' | 'reverse' | 'rules-last' | 'shuffled';
  repeatHeader: boolean;
  splitRows: boolean;
  /** Table of contents: dot leaders to the page number, spaced dots, or none (the number right-aligned). */
  tocLeader: 'dots' | 'spaced-dots' | 'none';
  /** A thin rule under the running header / above the footer. */
  furnitureRules: boolean;
  /** Code blocks on a shaded background. */
  codeFill: boolean;
  /** Where the running header sits above the text block (points). */
  headerGap: number;
  footerGap: number;
  /** Seed of the shuffled draw order and width jitter. */
  seed: number;
  /**
   * Vertical rules between columns (false: only the horizontal rules between rows, as many
   * vendors' tables are drawn; the columns are then only white space).
   */
  verticalRules: boolean;
  /** The header row set in bold (false: the same weight as the body, told apart by shading or place). */
  headerBold: boolean;
  /**
   * Width factor for the middle columns (Type, Required, Example …): below 1 they are narrow, so
   * "Array of ClusterInfo" and long examples wrap (never narrower than the header's longest word).
   */
  squeeze: number;
  /** Where the page number goes: where the manual's furniture puts it, centred in the footer, or in the header's outer corner. */
  folio: 'layout' | 'footer-center' | 'header-outer';
  /** A font with CJK glyphs for Chinese text (a .ttc/.ttf path and the face's PostScript name), when this machine has one. */
  cjk?: { file: string; face: string };
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FAMILIES: { name: string; fonts: Record<FontRole, string>; unicode: boolean }[] = [
  ...(existsSync(`${DEJAVU}/DejaVuSans.ttf`)
    ? [
        { name: 'dejavu-sans', unicode: true, fonts: { body: `${DEJAVU}/DejaVuSans.ttf`, bold: `${DEJAVU}/DejaVuSans-Bold.ttf`, heading: `${DEJAVU}/DejaVuSans-Bold.ttf`, mono: `${DEJAVU}/DejaVuSansMono.ttf` } },
        { name: 'dejavu-condensed', unicode: true, fonts: { body: `${DEJAVU}/DejaVuSansCondensed.ttf`, bold: `${DEJAVU}/DejaVuSansCondensed-Bold.ttf`, heading: `${DEJAVU}/DejaVuSans-Bold.ttf`, mono: `${DEJAVU}/DejaVuSansMono.ttf` } },
        { name: 'dejavu-serif', unicode: true, fonts: { body: `${DEJAVU}/DejaVuSerif.ttf`, bold: `${DEJAVU}/DejaVuSerif-Bold.ttf`, heading: `${DEJAVU}/DejaVuSans-Bold.ttf`, mono: `${DEJAVU}/DejaVuSansMono.ttf` } },
      ]
    : []),
  { name: 'helvetica', unicode: false, fonts: { body: 'Helvetica', bold: 'Helvetica-Bold', heading: 'Helvetica-Bold', mono: 'Courier' } },
  { name: 'times', unicode: false, fonts: { body: 'Times-Roman', bold: 'Times-Bold', heading: 'Helvetica-Bold', mono: 'Courier' } },
];

/**
 * Fonts with CJK glyphs, when installed (Debian: fonts-wqy-microhei, fonts-noto-cjk). Chinese text
 * is set in one of them, Latin text around it in the style's family, as typesetters fall back from
 * font to font; without one, Chinese characters are typeset as "?" (drawing characters the font
 * lacks gives widths that no two programs agree on).
 */
const CJK_FONTS = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
].filter((f) => existsSync(f.file));

/** The font families this machine can typeset with (standard PDF fonts always; DejaVu when installed). */
export const FONT_FAMILIES = FAMILIES.map((f) => f.name);

/** A seeded style. `family` forces a font family (e.g. a Unicode one for Chinese text). */
export function randomStyle(rng: Rng, opts: { family?: string } = {}): PdfStyle {
  const fam = opts.family ? FAMILIES.find((f) => f.name === opts.family) ?? FAMILIES[0] : rng.pick(FAMILIES);
  const bodySize = rng.pick([8.5, 9, 9.5, 10, 10.5]);
  const tableSize = rng.pick([7, 7.5, 8, 8.5, 9]);
  const letter = rng.chance(0.3);
  const style: PdfStyle = {
    family: fam.name,
    fonts: fam.fonts,
    unicode: fam.unicode,
    pageSize: letter ? [612, 792] : [595.28, 841.89],
    margin: { top: rng.int(50, 80), bottom: rng.int(45, 75), inner: rng.int(45, 75), outer: rng.int(40, 65) },
    mirror: rng.chance(0.5),
    bodySize,
    tableSize,
    codeSize: rng.pick([7, 7.5, 8, 8.5]),
    headingSizes: [rng.pick([16, 18, 20]), rng.pick([13, 14]), rng.pick([11, 12]), Math.max(bodySize + 0.5, 10)],
    leading: rng.pick([1.2, 1.25, 1.3, 1.4]),
    rules: rng.pick(['cells', 'lines', 'thin-fills'] as const),
    headerFill: rng.chance(0.6),
    headerAlign: rng.chance(0.25) ? 'center' : 'left',
    valign: rng.chance(0.7) ? 'top' : 'middle',
    cellPad: rng.pick([2.5, 3, 4, 5]),
    indentStep: rng.pick([6, 8, 10, 12, 14]),
    widthJitter: rng.pick([0, 0.1, 0.25]),
    drawOrder: rng.pick(['rows', 'columns', 'reverse', 'rules-last', 'shuffled'] as const),
    repeatHeader: rng.chance(0.6),
    splitRows: rng.chance(0.5),
    tocLeader: rng.pick(['dots', 'spaced-dots'] as const),
    furnitureRules: rng.chance(0.5),
    codeFill: rng.chance(0.5),
    headerGap: rng.int(18, 30),
    footerGap: rng.int(14, 26),
    seed: rng.int(1, 2 ** 30),
    // Drawn after the others, so that adding them left every earlier dimension of a seed as it was.
    verticalRules: true,
    headerBold: true,
    squeeze: 1,
    folio: 'layout',
    ...(CJK_FONTS[0] ? { cjk: CJK_FONTS[0] } : {}),
  };
  style.verticalRules = !rng.chance(0.25);
  style.headerBold = !rng.chance(0.25);
  style.squeeze = rng.pick([1, 1, 0.75, 0.55]);
  style.folio = rng.pick(['layout', 'layout', 'footer-center', 'header-outer'] as const);
  if (rng.chance(0.25)) style.tocLeader = 'none';
  return style;
}

/** The style of test/extract/render-pdf.ts-like excerpts: fixed and simple. */
export function plainStyle(overrides: Partial<PdfStyle> = {}): PdfStyle {
  return {
    family: FAMILIES[0].name,
    fonts: FAMILIES[0].fonts,
    unicode: FAMILIES[0].unicode,
    pageSize: [595.28, 841.89],
    margin: { top: 60, bottom: 60, inner: 50, outer: 50 },
    mirror: false,
    bodySize: 9,
    tableSize: 8,
    codeSize: 8,
    headingSizes: [18, 14, 12, 10],
    leading: 1.3,
    rules: 'cells',
    headerFill: true,
    headerAlign: 'left',
    valign: 'top',
    cellPad: 3,
    indentStep: 10,
    widthJitter: 0,
    drawOrder: 'rows',
    repeatHeader: true,
    splitRows: false,
    tocLeader: 'dots',
    furnitureRules: false,
    codeFill: false,
    headerGap: 24,
    footerGap: 20,
    seed: 1,
    verticalRules: true,
    headerBold: true,
    squeeze: 1,
    folio: 'layout',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Display list: the typesetter lays out pages first (twice: the table of contents needs the page
// numbers of the headings), then draws each page's items in its draw order.

type Item =
  | { kind: 'text'; x: number; y: number; text: string; font: FontRole; size: number }
  | { kind: 'line'; x0: number; y0: number; x1: number; y1: number; width: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; stroke: boolean; fill?: string };

interface Page {
  number: number;
  chapter?: string;
  items: Item[];
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const CJK_SPLIT = /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+)/;
/** What the standard PDF fonts can draw (WinAnsiEncoding); anything else is drawn as "?". */
const NOT_WINANSI = /[^\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g;

class Typesetter {
  pages: Page[] = [];
  page!: Page;
  y = 0;
  chapter: string | undefined;
  /** Printed heading text -> page number (for the table of contents). */
  headingPages = new Map<string, number>();
  private rng: () => number;

  constructor(
    private doc: PDFKit.PDFDocument,
    private s: PdfStyle,
    private tocPages: Map<string, number> | undefined,
    private widths: Map<string, number> = new Map(),
  ) {
    let state = s.seed >>> 0 || 1;
    this.rng = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  get left(): number {
    const odd = this.page.number % 2 === 1;
    return !this.s.mirror || odd ? this.s.margin.inner : this.s.margin.outer;
  }
  get right(): number {
    const odd = this.page.number % 2 === 1;
    return this.s.pageSize[0] - (!this.s.mirror || odd ? this.s.margin.outer : this.s.margin.inner);
  }
  get bottom(): number {
    return this.s.pageSize[1] - this.s.margin.bottom;
  }
  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.page = { number: this.pages.length + 1, chapter: this.chapter, items: [] };
    this.pages.push(this.page);
    this.y = this.s.margin.top;
  }

  /** Start a new page unless the current one is still empty. */
  freshPage(): void {
    if (!this.page || this.page.items.length) this.newPage();
  }

  ensure(h: number): void {
    if (this.y + h > this.bottom && this.y > this.s.margin.top + 0.5) this.newPage();
  }

  /** Width of a text (cached: both passes measure the same words). */
  measure(text: string, font: FontRole, size: number): number {
    const key = `${font}\u0000${size}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      // Word by word: widths of words are shared by many lines (kerning across spaces is nil).
      w = text.includes(' ') && text.length > 24 ? text.split(' ').reduce((a, t, i) => a + this.measure(t, font, size) + (i ? this.measure(' ', font, size) : 0), 0) : drawnPieces(text, font, this.s).reduce((a, p) => a + this.doc.font(p.font).fontSize(size).widthOfString(p.text), 0);
      this.widths.set(key, w);
    }
    return w;
  }

  text(x: number, y: number, text: string, font: FontRole, size: number): void {
    if (text !== '') this.page.items.push({ kind: 'text', x, y, text, font, size });
  }

  /** Greedy word wrap; a word wider than the line breaks at its last hyphen that fits, else mid-word. */
  wrap(text: string, width: number, font: FontRole, size: number): string[] {
    const out: string[] = [];
    const tokens = tokenize(text);
    let cur = '';
    const fits = (t: string) => this.measure(t, font, size) <= width + 0.01;
    for (const tok of tokens) {
      if (tok === ' ') {
        if (cur) cur += ' ';
        continue;
      }
      if (fits(cur + tok)) {
        cur += tok;
        continue;
      }
      if (cur.trim()) out.push(cur.trimEnd());
      cur = '';
      let word = tok;
      while (!fits(word)) {
        // Break at the last hyphen that fits, else at the last character that fits.
        let lo = 1;
        let hi = word.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (fits(word.slice(0, mid))) lo = mid;
          else hi = mid - 1;
        }
        let n = lo;
        const hy = word.lastIndexOf('-', n - 1);
        if (hy > 0 && hy + 1 < word.length && !CJK.test(word)) n = hy + 1;
        out.push(word.slice(0, n));
        word = word.slice(n);
      }
      cur = word;
    }
    if (cur.trim()) out.push(cur.trimEnd());
    return out.length ? out : [''];
  }

  lineHeight(size: number): number {
    return size * this.s.leading;
  }

  // -- blocks -----------------------------------------------------------------------------------

  block(b: ManualBlock): void {
    switch (b.kind) {
      case 'title':
        return this.title(b.lines);
      case 'toc':
        return this.toc(b.title, b.entries);
      case 'heading':
        return this.heading(b.level, b.number, b.text, b.chapter);
      case 'paragraph':
        return this.paragraph(b.text, b.style === 'bold' ? 'bold' : 'body', b.style === 'note' ? 12 : 0);
      case 'list':
        for (const item of b.items) this.paragraph(item, 'body', 10, '•');
        return;
      case 'table':
        return this.table(b.caption, b.header, b.widths, b.rows);
      case 'code':
        return this.code(b.lines);
      case 'page-break':
        return this.newPage();
    }
  }

  title(lines: string[]): void {
    this.freshPage();
    this.y = this.s.pageSize[1] * 0.3;
    lines.forEach((l, i) => {
      const size = i === 0 ? this.s.headingSizes[0] + 6 : this.s.headingSizes[1];
      for (const w of this.wrap(l, this.width, 'heading', size)) {
        this.text(this.left, this.y, w, 'heading', size);
        this.y += this.lineHeight(size) * 1.4;
      }
    });
    this.newPage();
  }

  toc(title: string, entries: { level: number; text: string }[]): void {
    this.freshPage();
    this.heading(1, undefined, title, false, true);
    const size = this.s.bodySize;
    const lh = this.lineHeight(size);
    for (const e of entries) {
      this.ensure(lh);
      const indent = (e.level - 1) * 12;
      const page = String(this.tocPages?.get(norm(e.text)) ?? 888);
      const pw = this.measure(page, 'body', size);
      const maxText = this.width - indent - pw - 24;
      const lines = this.wrap(e.text, maxText, 'body', size);
      lines.forEach((l, i) => {
        this.ensure(lh);
        this.text(this.left + indent, this.y, l, 'body', size);
        if (i === lines.length - 1 && this.s.tocLeader === 'none') this.text(this.right - pw, this.y, page, 'body', size);
        else if (i === lines.length - 1) {
          const end = this.left + indent + this.measure(l, 'body', size);
          const dot = this.s.tocLeader === 'dots' ? '.' : '. ';
          const dw = this.measure(dot, 'body', size);
          const n = Math.max(2, Math.floor((this.right - pw - 4 - end - 4) / dw));
          this.text(end + 4, this.y, dot.repeat(n).trimEnd(), 'body', size);
          this.text(this.right - pw, this.y, page, 'body', size);
        }
        this.y += lh;
      });
    }
  }

  heading(level: number, number: string | undefined, text: string, chapter?: boolean, noToc = false): void {
    const printed = number ? `${number} ${text}` : text;
    if (chapter) {
      this.chapter = text;
      this.freshPage();
      this.page.chapter = text;
    }
    const size = this.s.headingSizes[Math.min(level, this.s.headingSizes.length) - 1];
    const lh = this.lineHeight(size);
    const lines = this.wrap(printed, this.width, 'heading', size);
    // Keep a heading with the first lines of what follows.
    this.ensure(lh * lines.length + lh * 0.6 + this.lineHeight(this.s.bodySize) * 3);
    this.y += this.page.items.length ? lh * 0.6 : 0;
    if (!noToc) {
      this.headingPages.set(norm(printed), this.page.number);
      this.headingPages.set(norm(text), this.page.number);
    }
    for (const l of lines) {
      this.text(this.left, this.y, l, 'heading', size);
      this.y += lh;
    }
    this.y += lh * 0.3;
  }

  paragraph(text: string, font: FontRole, indent: number, bullet?: string): void {
    const size = this.s.bodySize;
    const lh = this.lineHeight(size);
    const off = indent + (bullet ? 10 : 0);
    const lines = this.wrap(text, this.width - off, font, size);
    lines.forEach((l, i) => {
      this.ensure(lh);
      // After a page break the text block may sit elsewhere (mirrored margins).
      const x = this.left + off;
      if (i === 0 && bullet) this.text(x - 10, this.y, bullet, 'body', size);
      this.text(x, this.y, l, font, size);
      this.y += lh;
    });
    this.y += lh * 0.5;
  }

  code(lines: string[]): void {
    const size = this.s.codeSize;
    const lh = this.lineHeight(size);
    const pad = 4;
    const charW = this.measure('M', 'mono', size);
    const maxChars = Math.max(10, Math.floor((this.width - 2 * pad) / charW));
    // Lines longer than the block wrap onto continuation lines.
    const laid: { indent: number; text: string }[] = [];
    for (const raw of lines) {
      const lead = raw.length - raw.trimStart().length;
      let rest = raw.trimStart();
      if (!rest) {
        laid.push({ indent: 0, text: '' });
        continue;
      }
      let indent = Math.min(lead, maxChars - 10);
      while (rest.length > maxChars - indent) {
        laid.push({ indent, text: rest.slice(0, maxChars - indent) });
        rest = rest.slice(maxChars - indent);
        indent = Math.min(lead, maxChars - 10);
      }
      laid.push({ indent, text: rest });
    }
    this.ensure(lh * 2 + 2 * pad);
    let top = this.y;
    this.y += pad;
    const fill = () => {
      if (this.s.codeFill) this.page.items.unshift({ kind: 'rect', x: this.left, y: top, w: this.width, h: this.y + pad - top, stroke: false, fill: '#eeeeee' });
    };
    for (const l of laid) {
      if (this.y + lh + pad > this.bottom) {
        fill();
        this.newPage();
        top = this.y;
        this.y += pad;
      }
      this.text(this.left + pad + l.indent * charW, this.y, l.text, 'mono', size);
      this.y += lh;
    }
    fill();
    this.y += pad + this.lineHeight(this.s.bodySize) * 0.6;
  }

  table(caption: string | undefined, header: string[], relWidths: number[], rows: TableRow[]): void {
    const s = this.s;
    const size = s.tableSize;
    const lh = this.lineHeight(size);
    if (caption) {
      this.ensure(this.lineHeight(s.bodySize) + lh * 4);
      this.paragraph(caption, 'bold', 0);
    }
    const total = relWidths.reduce((a, b) => a + b, 0);
    const jittered = relWidths.map((w) => w * (1 + (this.rng() * 2 - 1) * s.widthJitter));
    // Narrow middle columns (first and last keep their share), never narrower than a header word.
    const squeezed = jittered.map((w, i) => (i > 0 && i < jittered.length - 1 ? w * s.squeeze : w));
    const jt = squeezed.reduce((a, b) => a + b, 0);
    const pad = s.cellPad;
    const headFont: FontRole = s.headerBold ? 'bold' : 'body';
    const minW = header.map((h) => Math.max(...h.split(/\s+/).map((w) => this.measure(w, headFont, size))) + 2 * pad + 1);
    let widths = squeezed.map((w, i) => Math.max((w / jt) * this.width, minW[i]));
    const over = widths.reduce((a, b) => a + b, 0) - this.width;
    if (over > 0) {
      const last = widths.length - 1;
      widths = widths.map((w, i) => (i === last ? Math.max(minW[i], w - over) : w));
    }
    void total;

    interface Laid {
      cells: (string | null)[][];
      level: number;
      header: boolean;
    }
    const lay = (cells: string[][], level: number, isHeader: boolean): Laid => ({
      level,
      header: isHeader,
      cells: cells.map((paras, c) => {
        const avail = widths[c] - 2 * pad - (c === 0 ? level * s.indentStep : 0);
        const out: (string | null)[] = [];
        paras.forEach((p, i) => {
          if (i > 0) out.push(null);
          out.push(...this.wrap(p, avail, isHeader ? headFont : 'body', size));
        });
        return out;
      }),
    });
    const headerRow = lay(
      header.map((h) => [h]),
      0,
      true,
    );
    const cellH = (ls: (string | null)[]) => ls.reduce((h, l) => h + (l === null ? lh * 0.5 : lh), 0);
    const rowH = (r: Laid) => Math.max(...r.cells.map(cellH), lh) + 2 * pad;

    // Parts of the table, one per page.
    let part: { top: number; rows: { r: Laid; y: number; h: number }[] } = { top: this.y, rows: [] };
    const flush = () => {
      if (part.rows.length) this.drawTablePart(part, widths);
    };
    const place = (r: Laid) => {
      const h = rowH(r);
      part.rows.push({ r, y: this.y, h });
      this.y += h;
    };
    this.ensure(rowH(headerRow) + lh * 2 + 2 * pad);
    part.top = this.y;
    place(headerRow);
    const queue = rows.map((r) => lay(r.cells, r.level, false));
    while (queue.length) {
      const r = queue.shift()!;
      const h = rowH(r);
      if (this.y + h <= this.bottom) {
        place(r);
        continue;
      }
      const room = this.bottom - this.y - 2 * pad;
      const pageRoom = this.bottom - s.margin.top - 2 * pad - rowH(headerRow);
      if ((s.splitRows && room >= lh * 3) || h > pageRoom) {
        // Split the row: what fits stays here, the rest continues on the next page.
        const fitLines = Math.max(1, Math.floor(room / lh));
        const head: Laid = { level: r.level, header: false, cells: [] };
        const tail: Laid = { level: r.level, header: false, cells: [] };
        for (const c of r.cells) {
          let hgt = 0;
          let k = 0;
          while (k < c.length && hgt + (c[k] === null ? lh * 0.5 : lh) <= fitLines * lh) hgt += c[k++] === null ? lh * 0.5 : lh;
          head.cells.push(c.slice(0, k));
          const rest = c.slice(k);
          while (rest[0] === null) rest.shift();
          tail.cells.push(rest);
        }
        if (room >= lh && head.cells.some((c) => c.length)) {
          place(head);
          queue.unshift(tail);
        } else queue.unshift(r);
      } else queue.unshift(r);
      flush();
      this.newPage();
      part = { top: this.y, rows: [] };
      if (s.repeatHeader) place(headerRow);
    }
    flush();
    this.y += this.lineHeight(s.bodySize) * 0.8;
  }

  private drawTablePart(part: { top: number; rows: { r: { cells: (string | null)[][]; level: number; header: boolean }; y: number; h: number }[] }, widths: number[]): void {
    const s = this.s;
    const size = s.tableSize;
    const lh = this.lineHeight(size);
    const pad = s.cellPad;
    const x0 = this.left;
    const xs = [x0];
    for (const w of widths) xs.push(xs[xs.length - 1] + w);
    const bottom = part.rows[part.rows.length - 1].y + part.rows[part.rows.length - 1].h;
    // Per row: its rules and its cells' glyph lines.
    const rowItems: { rules: Item[]; cells: Item[][]; fills: Item[] }[] = [];
    for (const { r, y, h } of part.rows) {
      const rules: Item[] = [];
      const fills: Item[] = [];
      if (r.header && s.headerFill) fills.push({ kind: 'rect', x: x0, y, w: xs[xs.length - 1] - x0, h, stroke: false, fill: '#dddddd' });
      if (s.rules === 'cells' && s.verticalRules) {
        for (let c = 0; c < widths.length; c++) rules.push({ kind: 'rect', x: xs[c], y, w: widths[c], h, stroke: true });
      } else if (s.rules === 'lines' || s.rules === 'cells') {
        rules.push({ kind: 'line', x0, y0: y + h, x1: xs[xs.length - 1], y1: y + h, width: 0.5 });
        if (y === part.top) rules.push({ kind: 'line', x0, y0: y, x1: xs[xs.length - 1], y1: y, width: 0.5 });
      } else {
        // Borders as thin filled rectangles (what some office suites emit).
        rules.push({ kind: 'rect', x: x0, y: y + h - 0.25, w: xs[xs.length - 1] - x0, h: 0.5, stroke: false, fill: '#555555' });
        if (y === part.top) rules.push({ kind: 'rect', x: x0, y: y - 0.25, w: xs[xs.length - 1] - x0, h: 0.5, stroke: false, fill: '#555555' });
      }
      const cells: Item[][] = r.cells.map((lines, c) => {
        const out: Item[] = [];
        const hgt = lines.reduce((a, l) => a + (l === null ? lh * 0.5 : lh), 0);
        let yy = y + pad + (s.valign === 'middle' ? (h - 2 * pad - hgt) / 2 : 0);
        const font: FontRole = r.header && s.headerBold ? 'bold' : 'body';
        for (const l of lines) {
          if (l === null) {
            yy += lh * 0.5;
            continue;
          }
          let x = xs[c] + pad + (c === 0 ? r.level * s.indentStep : 0);
          if (r.header && s.headerAlign === 'center') x = xs[c] + (widths[c] - this.measure(l, font, size)) / 2;
          if (l) out.push({ kind: 'text', x, y: yy, text: l, font, size });
          yy += lh;
        }
        return out;
      });
      rowItems.push({ rules, cells, fills });
    }
    const colRules: Item[] = [];
    if (s.rules === 'lines' && s.verticalRules) for (const x of xs) colRules.push({ kind: 'line', x0: x, y0: part.top, x1: x, y1: bottom, width: 0.5 });
    if (s.rules === 'thin-fills' && s.verticalRules) for (const x of xs) colRules.push({ kind: 'rect', x: x - 0.25, y: part.top, w: 0.5, h: bottom - part.top, stroke: false, fill: '#555555' });

    const items: Item[] = [];
    const fills = rowItems.flatMap((r) => r.fills);
    items.push(...fills);
    const order = s.drawOrder;
    if (order === 'rows' || order === 'reverse') {
      const rs = order === 'reverse' ? [...rowItems].reverse() : rowItems;
      for (const r of rs) {
        items.push(...r.rules);
        for (const c of r.cells) items.push(...c);
      }
      items.push(...colRules);
    } else if (order === 'columns') {
      for (const r of rowItems) items.push(...r.rules);
      items.push(...colRules);
      const n = Math.max(...rowItems.map((r) => r.cells.length));
      for (let c = 0; c < n; c++) for (const r of rowItems) items.push(...(r.cells[c] ?? []));
    } else if (order === 'rules-last') {
      for (const r of rowItems) for (const c of r.cells) items.push(...c);
      for (const r of rowItems) items.push(...r.rules);
      items.push(...colRules);
    } else {
      const all = rowItems.flatMap((r) => [...r.rules, ...r.cells.flat()]).concat(colRules);
      for (let i = all.length - 1; i > 0; i--) {
        const j = Math.floor(this.rng() * (i + 1));
        [all[i], all[j]] = [all[j], all[i]];
      }
      items.push(...all);
    }
    this.page.items.push(...items);
  }
}

/**
 * A text as it is drawn: Chinese in the CJK font (or "?" without one), the rest in the role's font
 * (characters outside WinAnsi as "?" in the standard PDF fonts).
 */
function drawnPieces(text: string, font: FontRole, s: PdfStyle): { text: string; font: FontRole | 'cjk' }[] {
  const latin = (t: string) => (s.unicode ? t : t.replace(NOT_WINANSI, '?'));
  if (!CJK.test(text)) return [{ text: latin(text), font }];
  const out: { text: string; font: FontRole | 'cjk' }[] = [];
  for (const part of text.split(CJK_SPLIT)) {
    if (!part) continue;
    if (CJK.test(part)) out.push(s.cjk ? { text: part, font: 'cjk' } : { text: '?'.repeat([...part].length), font });
    else out.push({ text: latin(part), font });
  }
  return out;
}

function tokenize(text: string): string[] {
  // Words and single spaces; CJK characters are break opportunities of their own.
  const out: string[] = [];
  for (const part of text.split(/( +)/)) {
    if (!part) continue;
    if (/^ +$/.test(part)) {
      out.push(' ');
      continue;
    }
    if (!CJK.test(part)) {
      out.push(part);
      continue;
    }
    let buf = '';
    for (const ch of part) {
      if (CJK.test(ch)) {
        if (buf) out.push(buf);
        buf = '';
        out.push(ch);
      } else buf += ch;
    }
    if (buf) out.push(buf);
  }
  return out;
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Render a manual to PDF bytes with the given style. */
export async function renderManualPdf(layout: ManualLayout, style: PdfStyle): Promise<Buffer> {
  const doc = new PDFDocument({ size: style.pageSize, margin: 0, autoFirstPage: false, compress: true, info: { Title: 'manual', CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const role of ['body', 'bold', 'mono', 'heading'] as const) doc.registerFont(role, style.fonts[role]);
  if (style.cjk) doc.registerFont('cjk', style.cjk.file, style.cjk.face);
  /** Draw a text whose top is at y: piece by piece on one baseline (the fonts' ascents differ). */
  const drawText = (text: string, font: FontRole, size: number, x: number, y: number) => {
    const pieces = drawnPieces(text, font, style);
    if (pieces.length === 1 && pieces[0].font === font) {
      doc.font(font).fontSize(size).fillColor('#000000').text(pieces[0].text, x, y, { lineBreak: false });
      return;
    }
    doc.font(font).fontSize(size);
    const base = y + ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
    for (const p of pieces) {
      doc.font(p.font).fontSize(size).fillColor('#000000').text(p.text, x, base, { lineBreak: false, baseline: 'alphabetic' });
      x += doc.widthOfString(p.text);
    }
  };

  const widths = new Map<string, number>();
  const run = (toc: Map<string, number> | undefined) => {
    const t = new Typesetter(doc, style, toc, widths);
    t.newPage();
    for (const b of layout.blocks) t.block(b);
    return t;
  };
  // Pass 1 finds the pages of the headings; pass 2 prints them in the table of contents (its
  // entries take the same room either way, so the pagination does not move).
  const first = run(undefined);
  const t = run(first.headingPages);

  for (const page of t.pages) {
    doc.addPage({ size: style.pageSize, margin: 0 });
    const draw = (it: Item) => {
      if (it.kind === 'text') drawText(it.text, it.font, it.size, it.x, it.y); else if (it.kind === 'line') {
        doc.lineWidth(it.width).moveTo(it.x0, it.y0).lineTo(it.x1, it.y1).stroke('#666666');
      } else if (it.stroke) {
        doc.lineWidth(0.5).rect(it.x, it.y, it.w, it.h).stroke('#666666');
      } else {
        doc.rect(it.x, it.y, it.w, it.h).fill(it.fill ?? '#000000');
      }
    };
    for (const it of page.items) draw(it);
    // Running header and footer: chapter-dependent text, odd/even forms from the layout.
    const f = layout.furniture(page.number, page.chapter);
    const odd = page.number % 2 === 1;
    const left = !style.mirror || odd ? style.margin.inner : style.margin.outer;
    const right = style.pageSize[0] - (!style.mirror || odd ? style.margin.outer : style.margin.inner);
    const size = Math.max(6.5, style.bodySize - 1.5);
    const hy = style.margin.top - style.headerGap;
    const fy = style.pageSize[1] - style.margin.bottom + style.footerGap - size;
    const put = (text: string | undefined, y: number, side: 'left' | 'right' | 'center') => {
      if (!text) return;
      const w = drawnPieces(text, 'body', style).reduce((a, p) => a + doc.font(p.font).fontSize(size).widthOfString(p.text), 0);
      draw({ kind: 'text', x: side === 'left' ? left : side === 'right' ? right - w : (left + right - w) / 2, y, text, font: 'body', size });
    };
    // The page number where the style puts it (the manual's own place by default).
    const folio = String(page.number);
    const strip = (p: { left?: string; right?: string } | undefined) => (p ? { left: p.left === folio ? undefined : p.left, right: p.right === folio ? undefined : p.right } : p);
    let header = f.header;
    let footer = f.footer;
    if (style.folio !== 'layout') {
      header = strip(header);
      footer = strip(footer);
    }
    if (style.folio === 'header-outer') {
      // The outer corner: right on odd pages, left on even ones, beside what the header has there.
      header = odd ? { ...header, right: header?.right ? `${header.right}   ${folio}` : folio } : { ...header, left: header?.left ? `${folio}   ${header.left}` : folio };
    }
    if (page.number > 1) {
      put(header?.left, hy, 'left');
      put(header?.right, hy, 'right');
      if (style.furnitureRules && (header?.left || header?.right)) draw({ kind: 'line', x0: left, y0: hy + size * 1.4, x1: right, y1: hy + size * 1.4, width: 0.4 });
      put(footer?.left, fy, 'left');
      put(footer?.right, fy, 'right');
      if (style.folio === 'footer-center') put(folio, fy, 'center');
      if (style.furnitureRules && (footer?.left || footer?.right)) draw({ kind: 'line', x0: left, y0: fy - 4, x1: right, y1: fy - 4, width: 0.4 });
    }
  }
  doc.end();
  return done;
}
