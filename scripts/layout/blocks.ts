/**
 * The text lines of a page (furniture removed) and its tables -> blocks in reading order (top to
 * bottom; manuals are set in one column):
 * - code: consecutive monospace lines (blank lines inside kept, indentation rebuilt from x);
 * - heading: a line set larger than the body text, or a short bold line of its own;
 * - list item: a line starting with a bullet glyph, with the lines hanging under it;
 * - toc: three or more entries ending in a page number after dot leaders, or after a wide gap with
 *   the number set flush with the text's right edge (a table of contents without leaders);
 * - paragraph: consecutive lines of one style at the paragraph's line spacing.
 */
import type { Block, VLine } from './types.ts';
import type { PageTable } from './tables.ts';
import { joinParagraph } from './tables.ts';
import { brokenMidWord } from './wrap.ts';

export interface DocStyle {
  bodySize: number;
  /** Baseline distance of body text as a multiple of the size. */
  leading: number;
  /**
   * Where code starts on a page (x of unindented code): a code block continued on the next page
   * may begin with indented lines, so its own leftmost line is no reference.
   */
  codeLeft(page: number): number | undefined;
}

const BULLET = /^[•◦▪●‣∙■□➢►–]\s*/u;
const TOC_ENTRY = /^(.*?\S)\s*(?:(?:\.\s?){3,}|\t)\s*(\d{1,4})$/;

type Kind = 'code' | 'heading' | 'list-item' | 'paragraph' | 'toc';

export function classify(l: VLine, s: DocStyle, right = Infinity): Kind {
  if (l.mono) return 'code';
  if (TOC_ENTRY.test(l.text) && (/(?:\.\s?){3,}\s*\d{1,4}$/.test(l.text) || (/\S\t\d{1,4}$/.test(l.text) && Math.abs(l.end - right) <= 2))) return 'toc';
  if (BULLET.test(l.text)) return 'list-item';
  if (l.size >= s.bodySize * 1.12) return 'heading';
  if (l.bold && l.text.length <= 100) return 'heading';
  return 'paragraph';
}

export function pageBlocks(lines: VLine[], tables: PageTable[], s: DocStyle, nextTableId: () => number): Block[] {
  const items: ({ y: number; line: VLine } | { y: number; table: PageTable })[] = [];
  for (const l of lines) items.push({ y: l.y, line: l });
  for (const t of tables) items.push({ y: t.grid.top, table: t });
  items.sort((a, b) => a.y - b.y);
  const right = Math.max(0, ...lines.filter((l) => !l.mono).map((l) => l.end));
  const blocks: Block[] = [];
  let cur: { kind: Kind; lines: VLine[] } | undefined;
  const flush = () => {
    if (cur) blocks.push(toBlock(cur.kind, cur.lines, s, right));
    cur = undefined;
  };
  for (const it of items) {
    if ('table' in it) {
      flush();
      const t = it.table;
      blocks.push({
        kind: 'table',
        id: nextTableId(),
        rows: t.rows,
        columns: t.grid.columns.map((x) => x - t.grid.x0),
        page: t.page,
        y: t.grid.top,
        endPage: t.page,
        bottom: t.grid.bottom,
      });
      continue;
    }
    const l = it.line;
    let kind = classify(l, s, right);
    if (cur && continues(cur.kind, cur.lines, l, kind, s, right)) {
      cur.lines.push(l);
      continue;
    }
    // A TOC entry wrapped over two lines: the first line has no page number.
    if (kind === 'paragraph' && cur?.kind === 'toc') kind = 'toc';
    flush();
    cur = { kind, lines: [l] };
  }
  flush();
  // A "toc" of fewer than three entries is ordinary text.
  return blocks.map((b) => (b.kind === 'toc' && b.entries.length < 3 ? { kind: 'paragraph', text: b.entries.join(' '), page: b.page, y: b.y, x: 0, endPage: b.page, bold: false, size: s.bodySize } : b));
}

function continues(kind: Kind, ls: VLine[], l: VLine, lk: Kind, s: DocStyle, right: number): boolean {
  const prev = ls[ls.length - 1];
  const dy = l.y - prev.y;
  const lead = Math.max(prev.size, l.size) * s.leading;
  if (kind === 'code') return lk === 'code' && dy <= lead * 3.2 && Math.abs(l.size - prev.size) < 0.3;
  if (kind === 'toc') {
    const wrapped = !TOC_ENTRY.test(prev.text);
    return (lk === 'toc' || (wrapped && lk === 'paragraph')) && dy <= lead * 1.6;
  }
  if (kind === 'heading') return lk === 'heading' && Math.abs(l.size - prev.size) < 0.3 && l.bold === prev.bold && dy <= lead * 1.25 && Math.abs(l.x - ls[0].x) <= 2 && !roomFor(prev, l, right);
  if (kind === 'list-item') {
    // Lines hanging under the item's text.
    return lk === 'paragraph' && dy <= lead * 1.45 && l.x > ls[0].x + 2 && Math.abs(l.size - prev.size) < 0.3;
  }
  // paragraph
  if (lk !== 'paragraph' && !(lk === 'heading' && l.bold && prev.bold)) return false;
  if (Math.abs(l.size - prev.size) >= 0.3 || l.bold !== prev.bold) return false;
  if (dy > lead * 1.45 || dy <= 0) return false;
  return Math.abs(l.x - ls[0].x) <= 2 || (ls.length === 1 && l.x < ls[0].x) || (ls.length > 1 && Math.abs(l.x - ls[1].x) <= 2);
}

/**
 * The first word of `next` would have fitted at the end of `prev`: a typesetter filling lines would
 * have put it there, so `prev` ended its paragraph (or heading) and `next` starts another.
 */
function roomFor(prev: VLine, next: VLine, right: number): boolean {
  const word = /^\S+/.exec(next.text)?.[0] ?? '';
  return prev.end + next.charWidth * (word.length + 1) < right - 1;
}

function toBlock(kind: Kind, ls: VLine[], s: DocStyle, right: number): Block {
  const first = ls[0];
  const base = { page: first.page, y: first.y, x: first.x };
  switch (kind) {
    case 'code': {
      const own = Math.min(...ls.map((l) => l.x));
      const ref = s.codeLeft(first.page);
      const left = ref !== undefined && ref <= own + 0.5 ? ref : own;
      const out: string[] = [];
      ls.forEach((l, i) => {
        if (i > 0) {
          const gap = Math.round((l.y - ls[i - 1].y) / (l.size * s.leading)) - 1;
          for (let k = 0; k < Math.min(gap, 3); k++) out.push('');
        }
        const indent = Math.max(0, Math.round((l.x - left) / (l.charWidth || l.size * 0.6)));
        out.push(' '.repeat(indent) + l.text.replace(/\t/g, ' '));
      });
      return { kind: 'code', lines: out, endPage: first.page, ...base };
    }
    case 'heading':
      return { kind: 'heading', text: ls.map((l) => l.text.replace(/\t/g, ' ')).join(' '), level: 0, size: first.size, ...base };
    case 'list-item': {
      const text = joinParagraph(ls, right).replace(BULLET, '');
      return { kind: 'list-item', text, ...base };
    }
    case 'toc': {
      const entries: string[] = [];
      let pending = '';
      for (const l of ls) {
        const m = TOC_ENTRY.exec(l.text);
        if (m) {
          entries.push(`${pending ? `${pending} ` : ''}${m[1].replace(/\t/g, ' ')}`);
          pending = '';
        } else pending = pending ? `${pending} ${l.text}` : l.text;
      }
      return { kind: 'toc', entries, page: first.page, y: first.y, endPage: first.page };
    }
    default:
      return { kind: 'paragraph', text: joinParagraph(ls, right), endPage: first.page, bold: first.bold, size: first.size, last: ls[ls.length - 1], ...base };
  }
}

/** Join a paragraph continued on the next page. */
export function joinAcrossPages(a: string, b: string): string {
  return brokenMidWord(a, b, undefined) ? a + b : `${a} ${b}`;
}
