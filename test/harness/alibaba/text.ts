/**
 * ManualLayout (Alibaba) -> a damaged text extraction, imitating the extraction of the bundled
 * manual (sources/alibaba-cloud-service-mesh-api-reference-20220712.txt). Every damage kind that
 * manual shows is switchable and drawn at a random rate and position from its own seeded stream, so
 * switching one kind off does not move the others:
 *
 * - `pageBreaks`: the text is paginated (a page holds 38–56 lines); a page breaks between any two
 *   paragraphs or table rows, inside a row's description, and between any two lines of a sample
 *   (request, XML, JSON). The new page's first line carries one leading space. Numbered headings
 *   ("5.ASM instance", "5.1. CreateServiceMesh", long names wrapped as "9.2." / name) are not where
 *   they were printed: the extraction moved them to the end of their page, as breadcrumbs.
 * - `furniture`: some page ends also keep the running header (even pages "<Product> API
 *   Reference·<chapter>", odd pages "API Reference·<chapter> <Product>", the chapter ligature-split,
 *   wrapped or cut off), the footer ("> Document  Version: 20220712 50" / "131 > Document  Version:
 *   20220712") and the page's links (OpenAPI Explorer, API Error Center, help-page links); the
 *   next page then starts without the leading space.
 * - `repeatedHeaders`: a table continued on the next page repeats its header row before it.
 * - `headingEchoes`: a page with no heading of its own ends with the current section's heading.
 * - `lostHeadings`: numbered headings lost altogether; section labels lost ("Debugging", "Request
 *   parameters", table header rows, "Examples", "XML format" …); a section's summary lost (it
 *   starts with "Debugging" or with the OpenAPI Explorer paragraph); rarely a section reduced to its
 *   table rows and samples; the title page lost.
 * - `wrappedCells`: table cells wrapped in their column (names and examples mid-token, after a
 *   hyphen when there is one; "Array of" / "ServiceMesh"; descriptions at words), laid out the way
 *   the extraction reads them (single-line cells joined on one line, a wrapped cell's lines after
 *   it, blank lines between cell groups, the Required cell after a wrapped Type cell).
 * - `wrappedSamples`: sample lines longer than the page wrapped mid-token (one-line JSON, long XML
 *   elements, JSON values in sample requests).
 * - `ligatures`: "t"/"f" ligatures come out as a space after the letter ("t he", "Creat e",
 *   "Ist io", "UpdateT ime", "Saf et y") in prose, running headers, the Action row's "Set the value
 *   to …" and a few table names.
 * - `flattenedNesting`: child rows lose their indentation (always so in the bundled extraction;
 *   off, they keep two spaces per level).
 * - `garbledSamples`: duplicated XML tags, `""""` for an empty string, a missing comma, a stray
 *   leading space in a sample line.
 *
 * A damage value is the rate of its events (0 = off). The renderer is test code and shares no code
 * with the parser.
 */
import { Rng } from '../rng.ts';
import type { Api } from '../model.ts';
import type { ManualBlock, TableRow } from '../layout.ts';
import type { AlibabaManual } from './document.ts';

export const TEXT_DAMAGE_KINDS = [
  'pageBreaks',
  'furniture',
  'repeatedHeaders',
  'headingEchoes',
  'lostHeadings',
  'wrappedCells',
  'wrappedSamples',
  'ligatures',
  'flattenedNesting',
  'garbledSamples',
] as const;
export type TextDamageKind = (typeof TEXT_DAMAGE_KINDS)[number];
export type TextDamage = Record<TextDamageKind, number>;

/** Rates like the bundled manual's (every kind on). */
export const BUNDLED_LIKE: TextDamage = {
  pageBreaks: 1,
  furniture: 0.12,
  repeatedHeaders: 0.85,
  headingEchoes: 0.1,
  lostHeadings: 0.06,
  wrappedCells: 1,
  wrappedSamples: 1,
  ligatures: 0.12,
  flattenedNesting: 1,
  garbledSamples: 0.04,
};

export const NO_DAMAGE: TextDamage = Object.fromEntries(TEXT_DAMAGE_KINDS.map((k) => [k, 0])) as TextDamage;

/** Text width of the page (prose) and of a monospace sample line, in average characters. */
const PAGE_WIDTH = 112;
const CODE_WIDTH = 102;
/** Table width in the same unit; columns get their share of it by the layout's relative widths. */
const TABLE_WIDTH = 105;
const CELL_PADDING = 2;

interface Chunk {
  lines: string[];
  /** Blank lines before the chunk (dropped at a page start). */
  gap: number;
  /** A numbered heading: printed at the end of its page (or lost), not where it stands. */
  heading?: { text: string; level: number; lost: boolean };
  /** The header line of the table this chunk is a row of (for repeated headers). */
  table?: string;
  /** Do not break the page right after this chunk (headings, labels). */
  keepWithNext?: boolean;
}

export function renderAlibabaText(manual: AlibabaManual, api: Api, damage: Partial<TextDamage> = BUNDLED_LIKE): string {
  const d: TextDamage = { ...NO_DAMAGE, ...damage };
  return new TextRenderer(manual, api, d).render();
}

class TextRenderer {
  private readonly rng: Record<TextDamageKind | 'layout', Rng>;
  private chunks: Chunk[] = [];
  /** Per-manual column scale (fonts differ a little between manuals). */
  private readonly scale: number;

  constructor(
    private manual: AlibabaManual,
    private api: Api,
    private d: TextDamage,
  ) {
    const base = new Rng(api.seed).fork('alibaba-text');
    this.rng = Object.fromEntries([...TEXT_DAMAGE_KINDS, 'layout'].map((k) => [k, base.fork(k)])) as Record<TextDamageKind | 'layout', Rng>;
    this.scale = 0.92 + this.rng.layout.next() * 0.2;
  }

  render(): string {
    let section: 'front' | 'op' = 'front';
    let stripped = false;
    let summaryNext = false;
    for (let i = 0; i < this.manual.blocks.length; i++) {
      const b = this.manual.blocks[i];
      if (b.kind === 'heading' && b.level === 2 && b.number && /^[A-Z][A-Za-z0-9]+$/.test(b.text)) {
        section = 'op';
        // A section reduced to its table rows and samples (DescribeUserPermissions in the bundled manual).
        stripped = this.lost(0.25);
        summaryNext = true;
        this.heading(b);
        continue;
      }
      if (summaryNext && b.kind === 'paragraph') {
        summaryNext = false;
        // The summary lost: the section starts with "Debugging" (or later).
        if (stripped || this.lost(0.5)) continue;
      }
      summaryNext = false;
      if (section === 'op' && stripped && isLabel(b)) continue;
      if (section === 'op' && stripped && b.kind === 'paragraph' && b.text.startsWith('OpenAPI Explorer')) continue;
      this.block(b, stripped);
    }
    return this.paginate();
  }

  /** Lost-heading events: `factor` scales the kind's rate for rarer losses. */
  private lost(factor = 1): boolean {
    return this.d.lostHeadings > 0 && this.rng.lostHeadings.chance(Math.min(1, this.d.lostHeadings * factor));
  }

  /** The gap the next chunk gets, whatever it asks for ("Debugging" runs into its paragraph). */
  private forceGap: number | undefined;

  private push(c: Chunk): void {
    if (this.forceGap !== undefined) {
      c.gap = this.forceGap;
      this.forceGap = undefined;
    }
    this.chunks.push(c);
  }

  // ---- blocks -------------------------------------------------------------------------------

  private block(b: ManualBlock, stripped: boolean): void {
    switch (b.kind) {
      case 'title':
        // The cover is often an image: its text is lost.
        if (this.lost(5)) return;
        this.push({ lines: b.lines.slice(), gap: 0 });
        return;
      case 'toc':
        // Printed with dot leaders and page numbers, or not extracted at all.
        if (this.rng.layout.chance(0.5)) return;
        this.push({ lines: [b.title], gap: 1 });
        b.entries.forEach((e, k) => {
          const page = String(4 + k * 2).padStart(2, '0');
          const text = e.text;
          this.push({ lines: [`${text} ${'.'.repeat(Math.max(3, 90 - text.length))} ${page}`], gap: 0 });
        });
        return;
      case 'heading':
        this.heading(b);
        return;
      case 'paragraph': {
        if (b.style === 'bold' && /^(XML|JSON) format$/.test(b.text)) {
          if (this.lost(0.5)) return;
          // An icon glyph before the label leaves a space; the label's words a double one.
          const t = this.rng.layout.chance(0.8) ? ` ${b.text.replace(' ', '  ')}` : b.text;
          this.push({ lines: [t], gap: 1, keepWithNext: true });
          return;
        }
        if (b.style === 'bold') {
          this.push({ lines: [b.text], gap: 1, keepWithNext: true });
          return;
        }
        let text = b.text;
        if (b.style === 'note') text = text.replace(/^Note /, this.d.ligatures > 0 && this.rng.ligatures.chance(0.7) ? 'Not e   ' : 'Note   ');
        text = this.ligate(text, 'prose');
        this.push({ lines: wrapText(text, PAGE_WIDTH), gap: 1 });
        return;
      }
      case 'list':
        for (const it of b.items) this.push({ lines: wrapText(this.ligate(it, 'prose'), PAGE_WIDTH), gap: 1 });
        return;
      case 'code':
        this.code(b.lines);
        return;
      case 'table':
        this.table(b, stripped);
        return;
      case 'page-break':
        return;
    }
  }

  private heading(b: Extract<ManualBlock, { kind: 'heading' }>): void {
    if (b.number) {
      // Numbered: a breadcrumb at the end of its page.
      const text = b.chapter ? `${b.number}${b.text}` : `${b.number} ${b.text}`;
      this.push({ lines: [], gap: 0, heading: { text, level: b.level, lost: this.lost() } });
      return;
    }
    if (b.level >= 3 && this.lost(0.5)) return;
    this.push({ lines: [b.text], gap: b.text === 'Sample requests' ? 0 : 1, keepWithNext: true });
    // "Debugging", "Examples" and "Error codes" run straight into what follows; other labels have a
    // blank line after them.
    if (b.text === 'Debugging' || b.text === 'Examples' || b.text === 'Error codes') this.forceGap = 0;
  }

  private code(lines: string[]): void {
    const garble = this.d.garbledSamples;
    const g = this.rng.garbledSamples;
    let first = true;
    let prev = '';
    for (const raw of lines) {
      let line = raw;
      const out: string[] = [];
      if (garble > 0 && g.chance(garble)) {
        const t = line.trim();
        if (/^<\/?[A-Za-z][\w.-]*>$/.test(t)) out.push(line); // a duplicated XML tag line
        else if (/"[^"]*"\s*:\s*"",?$/.test(t)) line = line.replace(/""(,?)$/, '""""$1');
        else if (/,$/.test(t) && /^"/.test(t)) line = line.replace(/,$/, '');
        else if (/^\s/.test(line)) line = ` ${line}`;
      }
      out.push(line);
      for (const l of out) {
        const wrapped = this.d.wrappedSamples > 0 && l.length > CODE_WIDTH ? hardWrap(l, CODE_WIDTH) : [l];
        for (const w of wrapped) {
          this.push({ lines: [w], gap: first ? 1 : 0 });
          first = false;
        }
      }
      prev = line;
    }
    void prev;
  }

  private table(b: Extract<ManualBlock, { kind: 'table' }>, stripped: boolean): void {
    const header = b.header.join(' ');
    const param = b.header[0] === 'Parameter';
    const lostHeader = stripped || (param && this.lost(0.6));
    this.forceGap = undefined;
    if (!lostHeader) this.push({ lines: [header], gap: 1, keepWithNext: true });
    const total = b.widths.reduce((s, w) => s + w, 0);
    const caps = b.widths.map((w) => Math.max(3, (w / total) * TABLE_WIDTH * this.scale - CELL_PADDING));
    if (b.header[0] === 'Operation') caps[0] = Math.max(caps[0], 33);
    for (const row of b.rows) this.row(row, b, caps, header);
  }

  private row(row: TableRow, b: Extract<ManualBlock, { kind: 'table' }>, caps: number[], header: string): void {
    const L = this.rng.layout;
    const wrap = this.d.wrappedCells > 0;
    const isParam = b.header[0] === 'Parameter';
    const ncols = b.header.length;
    // Cells: name, type, [required], example (short cells) and the last (description) cell.
    const short: string[][] = [];
    for (let c = 0; c < ncols - 1; c++) {
      let text = (row.cells[c] ?? []).join(' ');
      // Names: split after a capital T ("UpdateT ime", "T itle" in the bundled manual), rarely a small t.
      if (c === 0 && isParam && text && this.d.ligatures > 0 && this.rng.ligatures.chance(this.d.ligatures * 0.3)) text = splitName(text, this.rng.ligatures);
      // The first column is indented by the row's level: less room for the name.
      const cap = c === 0 ? Math.max(6, caps[0] - row.level * 1.5) : caps[c];
      short.push(text === '' ? [] : wrap ? wrapCell(text, cap) : [text]);
    }
    const desc = (row.cells[ncols - 1] ?? []).filter((p) => p !== '');
    const paras: string[][] = desc.map((p) => {
      const bullet = p.startsWith('• ');
      let text = bullet ? p.slice(2) : p;
      if (bullet && text.includes(' : ')) {
        // A value bullet: the value (code font) intact, its description may be split ("Ult imate").
        const at = text.indexOf(' : ') + 3;
        text = text.slice(0, at) + this.ligate(text.slice(at), 'prose');
      } else {
        // "Set the value to Updat eMeshFeat ure ." (the name in code font): ligature-split.
        text = this.ligate(text, /Set the value to/.test(text) ? 'code' : 'prose');
      }
      const lines = wrap ? wrapText(text, caps[ncols - 1] - (bullet ? 2 : 0)) : [text];
      // A bullet's glyph is lost; its space stays.
      if (bullet) lines[0] = ` ${lines[0]}`;
      return lines;
    });

    // Lay the row out the way the extraction reads it.
    const out: string[] = [];
    let line: string[] = [];
    let afterBlock = false;
    const flush = () => {
      if (line.length) out.push(line.join(' '));
      line = [];
    };
    const typeWrapped = isParam && short[1]?.length > 1;
    for (let c = 0; c < short.length; c++) {
      const cell = short[c];
      if (!cell.length) continue;
      if (cell.length === 1) {
        if (afterBlock) {
          out.push('');
          afterBlock = false;
        }
        line.push(cell[0]);
        continue;
      }
      // A wrapped cell: after the single cells before it (on their own line), then its lines.
      if (line.length) {
        flush();
        if (c >= 2 && L.chance(0.25)) out.push('');
      } else if (afterBlock) out.push('');
      out.push(...cell);
      afterBlock = true;
    }
    void typeWrapped;
    // The description (a page may break between its paragraphs, never among the row's cells).
    const descFrom = out.length + 1;
    if (paras.length) {
      const single = paras.length === 1;
      if (line.length && single && paras[0].length === 1) {
        line.push(paras[0][0].trimStart());
        flush();
      } else if (line.length && single && L.chance(0.75)) {
        const merge = L.chance(0.12);
        if (merge) {
          line.push(paras[0][0].trimStart());
          flush();
          out.push(...paras[0].slice(1));
        } else {
          flush();
          out.push(...paras[0]);
        }
      } else if (!line.length && afterBlock && single && paras[0].length <= 2 && /^\S/.test(out[out.length - 1] ?? '') && L.chance(0.15) && out.length > 1) {
        // "8D93-38D2015C**** The ID of the request.": the description on the example's last line
        // (an Action cell "DescribeServiceMes" / "hDetail The operation that you …" reads short).
        out[out.length - 1] += ` ${paras[0][0]}`;
        out.push(...paras[0].slice(1));
      } else {
        flush();
        for (const p of paras) {
          out.push('');
          out.push(...p);
        }
      }
    } else flush();
    // Indentation kept (no flattening): two spaces per level on every line of the row.
    const indent = this.d.flattenedNesting > 0 || !row.level ? '' : '  '.repeat(row.level + 1);
    const lines = out.map((l) => (l && indent ? indent + l : l));
    // A row may be split across pages between its description paragraphs (rarely).
    const splitAt: number[] = [];
    if (this.d.pageBreaks > 0) {
      for (let k = descFrom + 1; k < lines.length; k++) if (lines[k] === '' && this.rng.pageBreaks.chance(0.3)) splitAt.push(k);
    }
    let from = 0;
    for (const k of [...splitAt, lines.length]) {
      const part = lines.slice(from, k);
      while (part.length && part[0] === '') part.shift();
      if (part.length) this.push({ lines: part, gap: from === 0 ? 1 : 1, table: header });
      from = k;
    }
  }

  // ---- ligatures ----------------------------------------------------------------------------

  private ligate(text: string, kind: 'prose' | 'code' | 'header'): string {
    if (this.d.ligatures <= 0) return text;
    const r = this.rng.ligatures;
    if (kind === 'code') {
      // "Set the value to Updat eMeshFeat ure ." — the code-font name is always split.
      if (!r.chance(Math.min(1, this.d.ligatures * 2))) return text;
      return text.replace(/(Set the value to\s+)([A-Z][A-Za-z0-9]+)/, (_, a: string, name: string) => `${a}${splitLigature(name, r, true)} `);
    }
    if (kind === 'header') return splitLigature(text, r, false);
    if (!r.chance(this.d.ligatures)) return text;
    return splitLigature(text, r, false, 0.6);
  }

  // ---- pagination ---------------------------------------------------------------------------

  private paginate(): string {
    const out: string[] = [];
    if (this.d.pageBreaks <= 0) {
      // One endless page: headings stay where they stand.
      for (const c of this.chunks) {
        if (c.heading) {
          if (c.heading.lost) continue;
          out.push('', ...headingLines(c.heading.text, this.rng.layout));
          continue;
        }
        if (out.length) for (let g = 0; g < c.gap; g++) out.push('');
        out.push(...c.lines);
      }
      return out.join('\n') + '\n';
    }
    const P = this.rng.pageBreaks;
    let page = 1;
    let cap = P.int(38, 56);
    let used = 0;
    let pageHeadings: Chunk['heading'][] = [];
    let current: { chapter?: string; section?: string; op?: string } = {};
    /** The next chunk starts right after page-end lines (its gap is dropped). */
    let pageStart = true;
    /** The next chunk is the first of a new page (it gets the leading space). */
    let freshPage = false;
    let noLead = false;
    let lastTable: string | undefined;
    const endPage = (next: Chunk | undefined) => {
      // Breadcrumbs: the headings printed on this page, else (sometimes) the current section again.
      const crumbs: string[] = [];
      for (const h of pageHeadings) if (h && !h.lost) crumbs.push(...headingLines(h.text, this.rng.layout));
      if (!pageHeadings.length && current.section && this.d.headingEchoes > 0 && this.rng.headingEchoes.chance(this.d.headingEchoes)) {
        crumbs.push(...headingLines(current.section, this.rng.headingEchoes));
      }
      const mark = out.length;
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push(...crumbs);
      noLead = false;
      if (this.d.furniture > 0 && this.rng.furniture.chance(this.d.furniture)) {
        const F = this.rng.furniture;
        const form = F.weighted([['full', 6], ['header', 2], ['links', 1]] as const);
        if (form === 'header') {
          out.push(...this.runningHeader(page, current.chapter));
        } else if (form === 'links') {
          if (current.op) out.push(` https://www.alibabacloud.com/help/doc-detail/${F.int(100000, 499999)}.htm#doc-api-${this.api.product.code}-${current.op}`);
        } else {
          if (crumbs.length) out.push('');
          out.push(...this.runningHeader(page, current.chapter), '');
          const f = this.manual.furniture(page, current.chapter).footer;
          out.push(`${f?.left ?? ''} ${f?.right ?? ''}`.trim().replace('Document Version', 'Document  Version'), '');
          if (F.chance(0.3)) out.push(`https://error-center.alibabacloud.com/status/product/${this.api.product.code}`);
          if (current.op) out.push(`https://api.aliyun.com/#product=${this.api.product.code}&api=${current.op}&type=RPC&version=${this.api.apiVersion}`);
          out.push('', '');
          noLead = true;
        }
      }
      // A table that goes on repeats its header row.
      if (next?.table && next.table === lastTable && this.d.repeatedHeaders > 0 && this.rng.repeatedHeaders.chance(this.d.repeatedHeaders)) {
        out.push(next.table);
      }
      // Nothing printed at the page end: no blank line for it, and the next chunk keeps its own gap.
      const printed = out.length > mark + 1 || (out.length === mark + 1 && out[mark] !== '');
      if (!printed) out.length = mark;
      page++;
      cap = P.int(38, 56);
      used = 0;
      pageHeadings = [];
      pageStart = printed;
      freshPage = true;
    };
    for (let i = 0; i < this.chunks.length; i++) {
      const c = this.chunks[i];
      if (c.heading) {
        // The heading takes its line on the page it starts (kept with what follows).
        if (used + 2 > cap && used > 0) endPage(this.chunks[i + 1]);
        pageHeadings.push(c.heading);
        used++;
        if (c.heading.level === 1) current = { chapter: c.heading.text.replace(/^\d+\./, '') };
        else {
          current.section = c.heading.text;
          current.op = /^[\d.]+\s+([A-Z][A-Za-z0-9]+)$/.exec(c.heading.text)?.[1];
        }
        continue;
      }
      const need = c.lines.length + (pageStart ? 0 : c.gap);
      const keep = c.keepWithNext ? 2 : 0;
      if (used > 0 && used + need + keep > cap) endPage(c);
      if (!pageStart) for (let g = 0; g < c.gap; g++) out.push('');
      c.lines.forEach((l, k) => {
        if (k === 0 && freshPage && !noLead && page > 1) out.push(` ${l}`);
        else out.push(l);
      });
      used += need;
      pageStart = false;
      freshPage = false;
      noLead = false;
      lastTable = c.table;
    }
    // The last page's breadcrumbs.
    const crumbs: string[] = [];
    for (const h of pageHeadings) if (h && !h.lost) crumbs.push(...headingLines(h.text, this.rng.layout));
    if (crumbs.length) out.push('', ...crumbs);
    return out.join('\n') + '\n';
  }

  private runningHeader(page: number, chapter: string | undefined): string[] {
    const F = this.rng.furniture;
    const f = this.manual.furniture(page, chapter ? this.ligate(chapter, 'header') : chapter);
    const left = f.header?.left ?? '';
    const right = f.header?.right ? ` ${f.header.right}` : '';
    // The left part ("<Product> API Reference·<chapter>", "API Reference·<chapter>") has ~60
    // characters of room: a longer chapter wraps ("Permission managem" / "ent") or is cut at a
    // word ("List  of operat ions by "); "… API Reference·" itself and the right part (the product on
    // odd pages) stay whole.
    const room = 58;
    if (left.length <= room) return [left + right];
    const keep = left.indexOf('Reference·') + 'Reference·'.length + 3;
    const at = Math.max(room, keep);
    if (at >= left.length - 1) return [left + right];
    if (F.chance(0.5)) return [left.slice(0, at) + right, left.slice(at).trimStart()];
    const cut = left.lastIndexOf(' ', at);
    return [`${left.slice(0, cut > keep ? cut : at)} ${right.trim()}`.replace(/ $/, ' ')];
  }
}

function isLabel(b: ManualBlock): boolean {
  return (b.kind === 'heading' && !b.number) || (b.kind === 'paragraph' && b.style === 'bold');
}

function headingLines(text: string, r: Rng): string[] {
  // A long operation name wraps after its number ("9.2." / "DescribeNamespaceScopeSidecarConfig").
  const m = /^(\d+\.\d+\.) (\S+)$/.exec(text);
  if (m && m[2].length > 28 && r.chance(0.7)) return [m[1], m[2]];
  return [text];
}

// ---- text geometry ------------------------------------------------------------------------------

/** Width of an ASCII character in average-character units (a proportional font). */
const ASCII_WIDTH: number[] = Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  if (c === ' ') return 0.55;
  if (/[iljtfr.,:;'!|()[\]]/.test(c)) return 0.65;
  if (/[mwMW]/.test(c)) return 1.5;
  if (/[A-Z]/.test(c)) return 1.2;
  return 1;
});

function charWidth(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 128) return ASCII_WIDTH[code];
  return code >= 0x2e80 ? 2 : 1;
}

function width(s: string): number {
  let w = 0;
  for (const c of s) w += charWidth(c);
  return w;
}

/** Longest prefix of `s` no wider than `cap` (at least one character). */
function fit(s: string, cap: number): number {
  let w = 0;
  let i = 0;
  for (const c of s) {
    w += charWidth(c);
    if (w > cap) break;
    i += c.length;
  }
  return Math.max(i, Math.min(s.length, s.codePointAt(0)! > 0xffff ? 2 : 1));
}

/** Wrap a token that does not fit: after a hyphen when one fits, else mid-token. */
function breakToken(tok: string, cap: number): string[] {
  const out: string[] = [];
  let rest = tok;
  while (width(rest) > cap) {
    const n = fit(rest, cap);
    const hy = rest.lastIndexOf('-', n - 1);
    const at = hy > 0 && hy < n ? hy + 1 : n;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

/** A table cell's text wrapped at its column width (words kept whole when they fit). */
function wrapCell(text: string, cap: number): string[] {
  return wrapText(text, cap);
}

/** Greedy word wrap; a word wider than the line is broken (after a hyphen if possible). */
export function wrapText(text: string, cap: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/ +/)) {
    if (!word) continue;
    const candidate = cur ? `${cur} ${word}` : word;
    if (width(candidate) <= cap) {
      cur = candidate;
      continue;
    }
    // A hyphenated word may break after a hyphen on this line ("Application Real-" / "Time").
    if (cur) {
      const room = cap - width(cur) - 0.55;
      const hy = word.indexOf('-');
      if (hy > 0 && hy < word.length - 1 && room > 0 && width(word.slice(0, hy + 1)) <= room) {
        let at = hy;
        for (let k = word.indexOf('-', hy + 1); k > 0 && width(word.slice(0, k + 1)) <= room; k = word.indexOf('-', k + 1)) at = k;
        lines.push(`${cur} ${word.slice(0, at + 1)}`);
        cur = '';
        const parts = breakToken(word.slice(at + 1), cap);
        cur = parts.pop() ?? '';
        lines.push(...parts);
        continue;
      }
      lines.push(cur);
      cur = '';
    }
    const parts = breakToken(word, cap);
    cur = parts.pop() ?? '';
    lines.push(...parts);
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

/** Monospace lines broken at a fixed width, mid-token. */
function hardWrap(line: string, w: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += w) out.push(line.slice(i, i + w));
  return out;
}

/**
 * A space after "t"/"T" (and rarely "f") before a lower-case letter: the ligature gap. `all` splits
 * (nearly) every such place (a code-font name); otherwise each with probability `p`.
 */
function splitLigature(text: string, r: Rng, all: boolean, p = 0.9): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out += c;
    const next = text[i + 1];
    if (!next || !/[a-z]/.test(next)) continue;
    // "t"/"T" before any lower-case letter; "f" far more rarely, before e, i, y ("Saf et y").
    const split = c === 't' || c === 'T' ? true : (c === 'f' || c === 'F') && /[eiy]/.test(next) && r.chance(0.3);
    if (split && (all ? r.chance(0.9) : r.chance(p))) out += ' ';
  }
  return out;
}

function splitName(name: string, r: Rng): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    out += name[i];
    const next = name[i + 1];
    if (next && /[a-z]/.test(next) && ((name[i] === 'T' && r.chance(0.9)) || (name[i] === 't' && r.chance(0.1)))) out += ' ';
  }
  return out;
}
