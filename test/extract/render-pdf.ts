/**
 * Test helper: typeset an excerpt of a vendor manual as a realistic PDF with pdfkit — ruled table
 * cells, nested rows indented, wrapped cells, running headers and page footers, monospace samples —
 * drawing cells in the order a typesetter does (row by row, cell by cell, line by line).
 *
 * Two sources of layout:
 * - `parseLayout`: a small markup (test/fixtures/extract/*.layout) for manuals whose text lost the
 *   table structure (Alibaba): the markup restores rows, cells and nesting; the words are the
 *   manual's own.
 * - `layoutFromTabbedText`: manuals whose text keeps cells as tab-separated columns (Huawei): rows
 *   come straight from the text.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export type Cell = string[][]; // paragraphs of lines ('auto' tables: one line per paragraph, wrapped when drawn)

export interface Row {
  level: number;
  cells: Cell[];
}

export type Block =
  | { kind: 'line'; text: string; style: 'body' | 'bold' | 'mono' }
  | { kind: 'gap' }
  | { kind: 'page' }
  | { kind: 'table'; widths: number[]; rows: Row[]; valign: 'top' | 'middle'; wrap: 'forced' | 'auto' };

export interface Layout {
  header?: string;
  footer?: string;
  blocks: Block[];
}

/** Left x of row text in a table: margin + cell padding (+ indent per nesting level). */
export const GEOMETRY = { margin: 40, pad: 3, indent: 10, size: 7.5, leading: 9.5 } as const;

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONTS = existsSync(`${FONT_DIR}/DejaVuSans.ttf`)
  ? { body: `${FONT_DIR}/DejaVuSans.ttf`, bold: `${FONT_DIR}/DejaVuSans-Bold.ttf`, mono: `${FONT_DIR}/DejaVuSansMono.ttf` }
  : { body: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier' };
/** True when a Unicode font is embedded; otherwise non-Latin-1 characters cannot be drawn. */
export const UNICODE_FONT = FONTS.body.endsWith('.ttf');

/**
 * Markup: `@header …`, `@footer … {page} …`, `@page`, `@table w1 w2 … [top|middle]` … `@end`,
 * `@code` … `@endcode`; `**` starts a line set in bold (the manual's headings); a table row is `| cell | cell |` with `>` before the first `|` per nesting
 * level; inside a cell ` // ` is a line break and ` //// ` a paragraph break. Any other line is a
 * line of body text (verbatim, leading spaces kept); an empty line is a paragraph gap.
 */
export function parseLayout(src: string): Layout {
  const layout: Layout = { blocks: [] };
  let table: Extract<Block, { kind: 'table' }> | undefined;
  let code = false;
  for (const line of src.split('\n')) {
    if (line.startsWith('#!')) continue; // comment
    if (line.startsWith('@header ')) layout.header = line.slice(8);
    else if (line.startsWith('@footer ')) layout.footer = line.slice(8);
    else if (line.startsWith('@source')) continue;
    else if (line === '@page') layout.blocks.push({ kind: 'page' });
    else if (line === '@code') code = true;
    else if (line === '@endcode') code = false;
    else if (line.startsWith('@table ')) {
      const parts = line.slice(7).trim().split(/\s+/);
      const valign = parts[parts.length - 1] === 'top' ? 'top' : 'middle';
      table = { kind: 'table', widths: parts.filter((p) => /^\d+$/.test(p)).map(Number), rows: [], valign, wrap: 'forced' };
      layout.blocks.push(table);
    } else if (line === '@end') table = undefined;
    else if (table && /^>*\|/.test(line)) {
      const level = /^>*/.exec(line)![0].length;
      const cells = line
        .slice(level + 1)
        .replace(/\|\s*$/, '')
        .split('|')
        .map((c) => c.trim().split(' //// ').map((p) => p.split(' // ')));
      table.rows.push({ level, cells });
    } else if (table) throw new Error(`layout: stray line inside a table: ${line}`);
    else if (line.trim() === '') layout.blocks.push({ kind: 'gap' });
    else if (!code && line.startsWith('**')) layout.blocks.push({ kind: 'line', text: line.slice(2), style: 'bold' });
    else layout.blocks.push({ kind: 'line', text: line, style: code ? 'mono' : 'body' });
  }
  return layout;
}

/**
 * Layout straight from text whose table rows are tab-separated: a run of tabbed lines is a table;
 * a line whose first cells are empty continues the cells of the row above (a new paragraph in
 * each non-empty cell); ``` fences (an artefact of the text conversion) become monospace samples.
 */
export function layoutFromTabbedText(text: string, header?: string, footer?: string): Layout {
  const layout: Layout = { header, footer, blocks: [] };
  let table: Extract<Block, { kind: 'table' }> | undefined;
  let code = false;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '```') {
      code = !code;
      table = undefined;
      continue;
    }
    if (!code && raw.includes('\t')) {
      const cells = raw.split('\t');
      while (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
      if (table && cells[0].trim() === '' && table.rows.length) {
        const prev = table.rows[table.rows.length - 1];
        cells.forEach((c, i) => {
          if (c.trim() && prev.cells[i]) prev.cells[i].push([c.trim()]);
        });
        continue;
      }
      if (!table || table.widths.length !== cells.length) {
        const n = cells.length;
        const total = 470;
        const widths = n === 2 ? [110, total - 110] : n === 3 ? [110, 90, total - 200] : [100, 62, 80, total - 242].slice(0, n);
        while (widths.length < n) widths.push(60);
        table = { kind: 'table', widths, rows: [], valign: 'top', wrap: 'auto' };
        layout.blocks.push(table);
      }
      table.rows.push({ level: 0, cells: cells.map((c) => [[c.trim()]]) });
      continue;
    }
    table = undefined;
    if (raw.trim() === '') layout.blocks.push({ kind: 'gap' });
    else layout.blocks.push({ kind: 'line', text: raw, style: code ? 'mono' : 'body' });
  }
  return layout;
}

/** Render a layout to PDF bytes (A4 pages). */
export function renderPdf(layout: Layout): Promise<Buffer> {
  const { margin, pad, indent, size, leading } = GEOMETRY;
  const doc = new PDFDocument({ size: 'A4', margin, autoFirstPage: false, info: { Title: 'excerpt', CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', FONTS.body);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('mono', FONTS.mono);
  const pageH = 841.89;
  const bottom = pageH - margin - 14;
  let page = 0;
  let y = 0;
  const draw = (text: string, x: number, yy: number, font: 'body' | 'bold' | 'mono' = 'body') => {
    if (!UNICODE_FONT) text = text.replace(/[^\x20-\xff]/g, '?');
    doc.font(font).fontSize(size).text(text, x, yy, { lineBreak: false });
  };
  const newPage = () => {
    if (page > 0 && layout.footer) draw(layout.footer.replace('{page}', String(9 + page)), margin, pageH - margin + 8);
    doc.addPage();
    page++;
    if (layout.header) draw(layout.header, margin, margin - 22);
    y = margin;
  };
  const wrapWords = (text: string, width: number, font: 'body' | 'bold'): string[] => {
    doc.font(font).fontSize(size);
    const out: string[] = [];
    let cur = '';
    for (const word of text.split(/(?<= )/)) {
      if (doc.widthOfString(cur + word.trimEnd()) <= width) {
        cur += word;
        continue;
      }
      if (cur) out.push(cur.trimEnd());
      cur = word;
      // A word wider than the cell breaks inside the word, as typesetters of these manuals do.
      while (doc.widthOfString(cur.trimEnd()) > width) {
        let n = cur.length - 1;
        while (n > 1 && doc.widthOfString(cur.slice(0, n)) > width) n--;
        out.push(cur.slice(0, n));
        cur = cur.slice(n);
      }
    }
    if (cur.trim()) out.push(cur.trimEnd());
    return out;
  };
  newPage();
  for (const b of layout.blocks) {
    if (b.kind === 'page') {
      newPage();
      continue;
    }
    if (b.kind === 'gap') {
      y += leading * 0.8;
      continue;
    }
    if (b.kind === 'line') {
      if (y + leading > bottom) newPage();
      const lead = b.text.length - b.text.trimStart().length;
      draw(b.text.trimStart(), margin + lead * size * 0.3, y, b.style);
      y += leading;
      continue;
    }
    // Table: rows of ruled cells.
    for (let r = 0; r < b.rows.length; r++) {
      const row = b.rows[r];
      const font = r === 0 && b.rows.length > 1 && /^Parameter$/.test(row.cells[0][0][0]) ? 'bold' : 'body';
      const laid: { lines: (string | null)[] }[] = row.cells.map((cell, c) => {
        const width = b.widths[c] - 2 * pad - (c === 0 ? row.level * indent : 0);
        const lines: (string | null)[] = [];
        cell.forEach((para, p) => {
          if (p > 0) lines.push(null); // paragraph gap
          if (b.wrap === 'auto') for (const l of para) lines.push(...wrapWords(l, width, font));
          else lines.push(...para);
        });
        return { lines };
      });
      const heightOf = (ls: (string | null)[]) => ls.reduce((h, l) => h + (l === null ? leading * 0.6 : leading), 0);
      const rowH = Math.max(...laid.map((c) => heightOf(c.lines))) + 2 * pad;
      if (y + rowH > bottom) newPage();
      let x = margin;
      row.cells.forEach((_, c) => {
        doc.lineWidth(0.4).rect(x, y, b.widths[c], rowH).stroke('#888888');
        x += b.widths[c];
      });
      x = margin;
      laid.forEach((cell, c) => {
        const h = heightOf(cell.lines);
        let yy = y + pad + (b.valign === 'middle' ? (rowH - 2 * pad - h) / 2 : 0);
        const left = x + pad + (c === 0 ? row.level * indent : 0);
        for (const l of cell.lines) {
          if (l === null) {
            yy += leading * 0.6;
            continue;
          }
          if (l.trim()) draw(l, left, yy, font);
          yy += leading;
        }
        x += b.widths[c];
      });
      y += rowH;
    }
    y += leading * 0.5;
  }
  if (layout.footer) draw(layout.footer.replace('{page}', String(9 + page)), margin, pageH - margin + 8);
  doc.end();
  return done;
}
