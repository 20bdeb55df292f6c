/**
 * Blocks -> the SourceLines the dialects read (the hand-off, see ARCHITECTURE.md "Layout"):
 * - a heading, a paragraph, a list item: one line each (wrapped lines joined), role set;
 * - a code block: one line per printed line, indentation rebuilt;
 * - a table: the header row and every row as one line whose `cells` hold the joined cell texts
 *   (paragraphs separated by "\n"), `level` the first cell's indentation level, and whose text is
 *   the cells' first paragraphs joined by tabs; each further paragraph of a row's cells follows as
 *   a `table-continuation` line with tabs before the cells it belongs to (the shape text
 *   extractions of tab-separated tables have, which the Huawei dialect reads);
 * - a table of contents: left out (the pages it names are of no use once furniture is gone);
 * - one blank line between blocks; none between the rows of a table.
 */
import type { SourceLine } from '../extract/types.ts';
import type { Block } from './types.ts';

export function emitLines(blocks: Block[]): SourceLine[] {
  const out: SourceLine[] = [];
  const push = (l: Omit<SourceLine, 'line'>): number => {
    const line = { ...l, line: out.length + 1 } as SourceLine;
    out.push(line);
    return line.line;
  };
  const blank = (page: number) => {
    if (out.length && out[out.length - 1].text !== '') push({ text: '', page });
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'toc':
        continue;
      case 'heading':
        blank(b.page);
        b.line = push({ text: b.text, page: b.page, x: round(b.x), role: 'heading', headingLevel: b.level });
        break;
      case 'paragraph':
        blank(b.page);
        b.line = push({ text: b.text, page: b.page, x: round(b.x), role: 'paragraph' });
        break;
      case 'list-item':
        blank(b.page);
        b.line = push({ text: b.text, page: b.page, x: round(b.x), role: 'list-item' });
        break;
      case 'code':
        blank(b.page);
        b.lines.forEach((t, i) => {
          const n = push({ text: t, page: b.page, x: round(b.x), role: 'code' });
          if (i === 0) b.line = n;
          b.endLine = n;
        });
        break;
      case 'table': {
        blank(b.page);
        for (const r of b.rows) {
          const cells = r.cells.map((c) => c.paragraphs.join('\n'));
          const first = r.cells.map((c) => c.paragraphs[0] ?? '');
          const line: Omit<SourceLine, 'line'> = {
            text: first.join('\t').replace(/\s+$/, ''),
            page: r.page,
            role: r.header ? 'table-header' : 'table-row',
            cells,
            table: b.id,
          };
          const x = r.cells[0]?.x;
          if (x !== undefined) line.x = round(x);
          if (r.level !== undefined) line.level = r.level;
          r.line = push(line);
          r.endLine = r.line;
          const depth = Math.max(0, ...r.cells.map((c) => c.paragraphs.length));
          for (let k = 1; k < depth; k++) {
            const parts = r.cells.map((c) => c.paragraphs[k] ?? '');
            const cont: Omit<SourceLine, 'line'> = { text: parts.join('\t').replace(/\s+$/, ''), page: r.page, role: 'table-continuation', table: b.id };
            const cx = r.cells[parts.findIndex((p) => p !== '')]?.x;
            if (cx !== undefined) cont.x = round(cx);
            r.endLine = push(cont);
          }
          b.line ??= r.line;
          b.endLine = r.endLine;
        }
        break;
      }
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
