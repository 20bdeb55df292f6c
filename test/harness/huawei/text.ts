/**
 * ManualLayout -> the text a PDF-to-text conversion of a Huawei Cloud API reference gives, with the
 * damage the bundled manual (sources/huawei-cloud-asm-api-reference-2025-05-28.txt) and other Huawei
 * manuals show. Each damage kind is switchable and has a rate; positions are drawn from the seed.
 *
 * The undamaged form already is what the converter writes: one line per paragraph, headings as plain
 * lines ("4.1.1 Creating a Service Mesh"), table cells separated by tabs, a cell's further
 * paragraphs on continuation lines led by tabs, "Table 4-4 MeshMetadata" captions, fenced code.
 *
 * Damage kinds (DAMAGE_KINDS):
 * - page-breaks: the page ends anywhere. Inside a table: a blank line, then the header row again
 *   (or not) and the rest of the rows; a row's continuation lines may go to the next page; a caption
 *   may end a page with its table on the next. Inside a code block: the fence closes and reopens.
 * - furniture: at a page break, the running footer ("Issue 01 (2025-06-12)  Copyright © …  23") and
 *   header ("<Product> API Reference  4 API") lines, spelled with spaces or tabs, page number on the
 *   footer line or its own line: inside tables too.
 * - homoglyphs: header cells in Cyrillic look-alike letters ("Туре", "Dеscription").
 * - split-names: identifiers longer than the first column wrapped in it: "creationTimes tamp",
 *   "includeOutbound- Ports" (a wrap hyphen), three pieces for very long names.
 * - wrapped-types: a Type cell too long for its column continues on the next line in that column
 *   ("Array of Table" / "4-12 objects").
 * - stray-fragments: a piece of a wrapped name lands on a continuation line in another column ("\tideis").
 * - split-codes: error codes wrapped in their cell ("SVC.01400 001").
 * - damaged-headers: header cells split by a space ("Statu s Code", "Mandator y").
 * - empty-type: a row's Type cell comes out empty ("includeInboundPo rts\t\tPorts …").
 * - empty-mandatory: a row's Mandatory cell comes out empty.
 * - latex-headings: chapter headings as "$\mathbf{4}_{\mathsf{API}}$"; some lose their number.
 * - garbled-examples: JSON examples lose lines (their first lines, others at random), indentation,
 *   or their fences.
 * - toc-damage: contents entries run together, lose or garble their page numbers.
 * - caption-space: a caption line starts with a space; trailing tabs after rows.
 *
 * Test code only: shares nothing with scripts/.
 */
import type { ManualBlock, ManualLayout, TableRow } from '../layout.ts';
import { Rng } from '../rng.ts';

export const DAMAGE_KINDS = [
  'page-breaks',
  'furniture',
  'homoglyphs',
  'split-names',
  'wrapped-types',
  'stray-fragments',
  'split-codes',
  'damaged-headers',
  'empty-type',
  'empty-mandatory',
  'latex-headings',
  'garbled-examples',
  'toc-damage',
  'caption-space',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];
export type DamageRates = Record<DamageKind, number>;

/**
 * Rates of the full-damage run: per opportunity (a page break, a too-long name, a row, a header
 * cell, a code block …). The information-destroying kinds (empty cells) are as rare as in the
 * bundled manual (2 empty Type cells and 1 empty Mandatory cell in ~500 rows); the others are
 * frequent.
 */
export const DEFAULT_RATES: DamageRates = {
  'page-breaks': 1,
  furniture: 0.8,
  homoglyphs: 0.7,
  'split-names': 0.9,
  'wrapped-types': 0.3,
  'stray-fragments': 0.05,
  'split-codes': 0.6,
  'damaged-headers': 0.15,
  'empty-type': 0.01,
  'empty-mandatory': 0.005,
  'latex-headings': 0.5,
  'garbled-examples': 0.4,
  'toc-damage': 0.2,
  'caption-space': 0.1,
};

export const NO_DAMAGE: DamageRates = Object.fromEntries(DAMAGE_KINDS.map((k) => [k, 0])) as DamageRates;

/**
 * Rates for a run of one kind alone, at a high rate so that it shows. Two kinds need another to
 * happen at all: furniture shows at page breaks, stray fragments come from split names.
 */
export function only(kind: DamageKind, rate?: number): DamageRates {
  const solo: Partial<DamageRates> = { 'empty-type': 0.05, 'empty-mandatory': 0.05, 'stray-fragments': 0.3 };
  const needs: Partial<Record<DamageKind, DamageKind>> = { furniture: 'page-breaks', 'stray-fragments': 'split-names' };
  const base = needs[kind] ? { [needs[kind]]: 1 } : {};
  return { ...NO_DAMAGE, ...base, [kind]: rate ?? solo[kind] ?? 1 };
}

export interface TextOptions {
  rates?: Partial<DamageRates>;
  /** Lines per page (inclusive range). */
  pageLines?: [number, number];
}

export interface DamageEvent {
  kind: DamageKind;
  /** The table row it hit, when it hit one. */
  row?: TableRow;
  /** Column it hit. */
  column?: string;
}

export interface TextResult {
  text: string;
  /** How often each kind was applied. */
  applied: Record<DamageKind, number>;
  events: DamageEvent[];
}

const CYRILLIC: Record<string, string> = { T: 'Т', y: 'у', p: 'р', e: 'е', a: 'а', o: 'о', c: 'с', P: 'Р', M: 'М', C: 'С' };
const NOTE_GLYPHS = ['∩ NOTE', 'Ⅲ NOTE', '□ NOTE', 'NOTE'];

interface TableCtx {
  header: string;
  trailingTab: boolean;
}

export function renderHuaweiText(layout: ManualLayout, seed: number, opts: TextOptions = {}): TextResult {
  return new TextWriter(layout, new Rng(seed).fork('huawei-text'), { ...NO_DAMAGE, ...opts.rates }, opts.pageLines ?? [28, 56]).render();
}

class TextWriter {
  private out: string[] = [];
  private page = 1;
  private onPage = 0;
  private pageSize: number;
  private chapter: string | undefined;
  private applied = Object.fromEntries(DAMAGE_KINDS.map((k) => [k, 0])) as Record<DamageKind, number>;
  private events: DamageEvent[] = [];
  /** Per manual: are footers spelled with tabs, page numbers on their own line … */
  private readonly style: { footerTabs: boolean; ownPageLine: boolean; headerTwoLines: boolean };

  constructor(
    private layout: ManualLayout,
    private rng: Rng,
    private rates: DamageRates,
    private pageLines: [number, number],
  ) {
    this.pageSize = rng.int(pageLines[0], pageLines[1]);
    this.style = { footerTabs: rng.chance(0.4), ownPageLine: rng.chance(0.3), headerTwoLines: rng.chance(0.3) };
  }

  private hit(kind: DamageKind, extra: Omit<DamageEvent, 'kind'> = {}): boolean {
    const rate = this.rates[kind];
    if (rate <= 0 || !this.rng.chance(rate)) return false;
    this.applied[kind]++;
    this.events.push({ kind, ...extra });
    return true;
  }

  render(): TextResult {
    for (const b of this.layout.blocks) this.block(b);
    return { text: `${this.out.join('\n')}\n`, applied: this.applied, events: this.events };
  }

  // ---- lines and pages ----------------------------------------------------------------------

  /** Write one line; the page may end after it. `inTable` / `inCode` say how a break shows. */
  private line(text: string, where: { table?: TableCtx; code?: boolean; pastHeader?: boolean; noBreak?: boolean } = {}): void {
    this.out.push(text);
    this.onPage++;
    if (this.onPage >= this.pageSize && !where.noBreak) this.pageBreak(where);
  }

  private blank(): void {
    if (this.out.length && this.out[this.out.length - 1] !== '') this.out.push('');
  }

  private newPage(): void {
    this.page++;
    this.onPage = 0;
    this.pageSize = this.rng.int(this.pageLines[0], this.pageLines[1]);
  }

  private furniture(): string[] {
    const f = this.layout.furniture(this.page, this.chapter);
    const next = this.layout.furniture(this.page + 1, this.chapter);
    const sep = this.style.footerTabs ? '\t' : '  ';
    const lines: string[] = [];
    const footer = [f.footer?.left, f.footer?.right].filter(Boolean).join(sep);
    if (footer) {
      if (this.style.ownPageLine) {
        lines.push(footer.replace(/\s*\d+$/, ''), String(this.page));
      } else lines.push(footer);
    }
    const hl = next.header?.left ?? '';
    const hr = next.header?.right ?? '';
    if (this.style.headerTwoLines) lines.push(hl.replace(/ API Reference$/, ''), `API Reference${hr ? `${sep}${hr}` : ''}`);
    else lines.push([hl, hr].filter(Boolean).join(sep));
    return lines;
  }

  private pageBreak(where: { table?: TableCtx; code?: boolean; pastHeader?: boolean }): void {
    const visible = this.hit('page-breaks');
    const withFurniture = visible && this.hit('furniture');
    this.newPage();
    if (!visible) return;
    if (where.code) {
      this.out.push('```', '');
      if (withFurniture) this.out.push(...this.furniture(), '');
      this.out.push('```');
      return;
    }
    if (where.table) {
      this.out.push('');
      if (withFurniture) {
        this.out.push(...this.furniture());
        if (this.rng.chance(0.5)) this.out.push('');
      }
      if (where.pastHeader && this.rng.chance(0.7)) {
        if (withFurniture && this.out[this.out.length - 1] !== '') this.out.push('');
        this.out.push(where.table.header);
      }
      return;
    }
    if (withFurniture) {
      this.blank();
      this.out.push(...this.furniture(), '');
    }
  }

  // ---- blocks -------------------------------------------------------------------------------

  private block(b: ManualBlock): void {
    switch (b.kind) {
      case 'title':
        for (const l of b.lines) {
          this.line(l);
          this.blank();
        }
        this.out.push('', '', '');
        break;
      case 'toc':
        this.toc(b);
        break;
      case 'heading':
        this.heading(b);
        break;
      case 'paragraph':
        if (b.style === 'note') {
          this.line(this.rng.pick(NOTE_GLYPHS));
          this.blank();
        }
        this.line(b.text);
        this.blank();
        break;
      case 'list':
        for (const item of b.items) this.line(`- ${item}`);
        this.blank();
        break;
      case 'table':
        this.table(b);
        break;
      case 'code':
        this.code(b.lines);
        break;
      case 'page-break':
        if (this.onPage > 0) {
          this.pageBreak({});
        }
        break;
    }
  }

  private toc(b: ManualBlock & { kind: 'toc' }): void {
    this.line(b.title);
    this.blank();
    let page = 1;
    const entries = b.entries.map((e) => `${e.text}\t${(page += this.rng.int(0, 3))}`);
    for (let i = 0; i < entries.length; i++) {
      let text = entries[i];
      if (this.hit('toc-damage')) {
        const how = this.rng.int(0, 2);
        if (how === 0 && i + 1 < entries.length) text = `${text.replace(/\t\d+$/, '')}${entries[++i]}`;
        else if (how === 1) text = text.replace(/\t\d+$/, '');
        else text = text.replace(/\d$/, 'C');
      }
      this.line(text);
    }
    this.blank();
  }

  private heading(b: ManualBlock & { kind: 'heading' }): void {
    if (b.chapter) this.chapter = b.text;
    let text = b.number ? `${b.number} ${b.text}` : b.text;
    if (b.chapter && b.number && this.hit('latex-headings')) {
      text = this.rng.chance(0.6) ? `$\\mathbf{${b.number}}_{\\mathsf{${b.text}}}$` : b.text;
    }
    this.blank();
    this.line(text);
    this.blank();
  }

  private code(lines: string[]): void {
    let body = lines.slice();
    let fenced = true;
    if (this.hit('garbled-examples')) {
      const how = this.rng.int(0, 3);
      if (how === 0 && body.length > 4) body = body.slice(this.rng.int(1, Math.floor(body.length / 2)));
      else if (how === 1) body = body.filter(() => !this.rng.chance(0.15));
      else if (how === 2) body = body.map((l) => l.trimStart());
      else fenced = false;
    }
    // A break right after the opening fence or the last line falls outside the block.
    if (fenced) this.line('```', { noBreak: true });
    body.forEach((l, i) => this.line(l, i === body.length - 1 ? { noBreak: fenced } : { code: fenced }));
    if (fenced) this.line('```');
    this.blank();
  }

  // ---- tables -------------------------------------------------------------------------------

  private headerCell(name: string): string {
    let out = name;
    if (/^Type$|^Description$/.test(out) && this.hit('homoglyphs', { column: name })) {
      out = [...out].map((c, i) => (i < 4 && CYRILLIC[c] && (name === 'Type' || c === 'e') ? CYRILLIC[c] : c)).join('');
    }
    if (out.length > 5 && this.hit('damaged-headers', { column: name })) {
      const at = this.rng.int(2, out.length - 2);
      out = `${out.slice(0, at)} ${out.slice(at)}`;
    }
    return out;
  }

  private table(b: ManualBlock & { kind: 'table' }): void {
    const trailingTab = this.hit('caption-space');
    if (b.caption) {
      this.blank();
      this.line(`${trailingTab && this.rng.chance(0.5) ? ' ' : ''}${b.caption}`);
      this.blank();
    }
    const header = b.header.map((h) => this.headerCell(h)).join('\t') + (trailingTab ? '\t' : '');
    const ctx: TableCtx = { header, trailingTab };
    this.line(header, { noBreak: true });
    const lines: string[] = [];
    const total = b.widths.reduce((s, w) => s + w, 0);
    // Characters a column holds on one line (the page is ~90 characters of table text wide).
    const capacity = b.widths.map((w) => Math.max(6, Math.round((w / total) * 72)));
    const cols = b.header.map((h) => h.toLowerCase());
    for (const row of b.rows) {
      const cells = row.cells.map((c) => c.slice());
      const nameCol = cols.indexOf('parameter');
      const typeCol = cols.indexOf('type');
      const mandCol = cols.indexOf('mandatory');
      const codeCol = cols.indexOf('error code');
      if (nameCol === 0 && cells[0][0]) {
        const name = cells[0][0];
        const cap = capacity[0] + this.rng.int(-2, 1);
        if (name.length > cap && this.hit('split-names', { row, column: 'Parameter' })) {
          const pieces = splitName(name, cap, this.rng);
          cells[0][0] = pieces.join(' ');
          if (pieces.length > 1 && this.hit('stray-fragments', { row, column: 'Parameter' })) {
            const frag = pieces[pieces.length - 1];
            const target = Math.min(1, cells.length - 1);
            cells[target].splice(1, 0, frag.slice(0, Math.max(2, frag.length - 1)));
          }
        }
      }
      if (typeCol >= 0 && cells[typeCol][0]) {
        if (this.hit('empty-type', { row, column: 'Type' })) cells[typeCol] = [];
        else {
          const t = cells[typeCol][0];
          if (t.length > capacity[typeCol] && /\s/.test(t) && this.hit('wrapped-types', { row, column: 'Type' })) {
            const words = t.split(' ');
            const k = this.rng.int(1, words.length - 1);
            cells[typeCol] = [words.slice(0, k).join(' '), words.slice(k).join(' '), ...cells[typeCol].slice(1)];
          }
        }
      }
      if (mandCol >= 0 && cells[mandCol][0] && this.hit('empty-mandatory', { row, column: 'Mandatory' })) cells[mandCol] = [];
      if (codeCol >= 0 && cells[codeCol][0] && cells[codeCol][0].length > 8 && this.hit('split-codes', { row, column: 'Error Code' })) {
        const c = cells[codeCol][0];
        const at = this.rng.int(Math.ceil(c.length / 2), c.length - 2);
        cells[codeCol][0] = `${c.slice(0, at)} ${c.slice(at)}`;
      }
      const height = Math.max(1, ...cells.map((c) => c.length));
      for (let j = 0; j < height; j++) {
        const parts = cells.map((c) => c[j] ?? '');
        if (j > 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
        lines.push(parts.join('\t') + (trailingTab ? '\t' : ''));
      }
    }
    // A page that ends after the last row ends outside the table.
    lines.forEach((l, i) => this.line(l, i === lines.length - 1 ? {} : { table: ctx, pastHeader: true }));
    this.blank();
  }
}

/**
 * Wrap an identifier in a column of `cap` characters, the way the PDF does: pieces of about `cap`
 * characters; a wrap hyphen is sometimes added at a camelCase seam ("includeOutbound- Ports") or
 * anywhere ("extensionProvid- ers"); names with hyphens of their own break after one of them.
 */
export function splitName(name: string, cap: number, rng: Rng): string[] {
  const pieces: string[] = [];
  let rest = name;
  while (rest.length > cap && pieces.length < 3) {
    let at = cap;
    const hy = rest.lastIndexOf('-', cap);
    if (hy > 2) at = hy + 1;
    else if (rest.includes('_')) {
      const us = rest.lastIndexOf('_', cap);
      if (us > 2 && rng.chance(0.5)) at = us + 1;
    }
    let head = rest.slice(0, at);
    if (!name.includes('-') && !head.endsWith('_') && rng.chance(0.25)) head = `${head}-`;
    pieces.push(head);
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces.filter(Boolean);
}
