/**
 * The Huawei dialect on the lines the layout stage gives for a PDF (roles, cells, table numbers):
 * tables read from the cells (a cell's paragraphs are its lines), parts the layout stage could not
 * join after a page break continued, list items and code blocks in the text form's shape, headings
 * only from heading lines, and captions that no table follows reported.
 */
import { describe, expect, it } from 'vitest';
import type { SourceDocument, SourceLine } from '../../../scripts/extract/types.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { readLines } from '../../../scripts/dialects/huawei-rest/lines.ts';
import { parseTables } from '../../../scripts/dialects/huawei-rest/tables.ts';
import { findHeadings } from '../../../scripts/dialects/huawei-rest/sections.ts';
import { optionsFromProse } from '../../../scripts/dialects/huawei-rest/constraints.ts';

type L = Omit<SourceLine, 'line'>;
const blank: L = { text: '' };
const para = (text: string): L => ({ text, role: 'paragraph' });
const heading = (text: string): L => ({ text, role: 'heading' });
/** A table row as emit.ts writes it: cells, first paragraphs tab-joined, continuation lines. */
function row(table: number, cells: string[], header = false): L[] {
  const paras = cells.map((c) => c.split('\n'));
  const out: L[] = [{ text: paras.map((p) => p[0]).join('\t').replace(/\s+$/, ''), role: header ? 'table-header' : 'table-row', cells, table, level: 0 }];
  const depth = Math.max(...paras.map((p) => p.length));
  for (let k = 1; k < depth; k++) out.push({ text: paras.map((p) => p[k] ?? '').join('\t').replace(/\s+$/, ''), role: 'table-continuation', table });
  return out;
}
const HEAD = ['Parameter', 'Mandatory', 'Type', 'Description'];

function doc(ls: L[]): SourceDocument {
  return { file: 'm.pdf', kind: 'pdf', lines: ls.map((l, i) => ({ ...l, line: i + 1 })), bytes: new Uint8Array() } as unknown as SourceDocument;
}

function tables(ls: L[]) {
  const lines = readLines(doc(ls));
  const diags: Diagnostic[] = [];
  return { tables: parseTables(lines, 0, lines.length, 'm.pdf', diags), diags, lines };
}

describe('tables from layout cells', () => {
  it('a cell of several paragraphs: its paragraphs are the cell lines; continuation lines are not rows', () => {
    const { tables: ts } = tables([
      para('Table 4-3 Request body parameters'),
      blank,
      ...row(1, HEAD, true),
      ...row(1, ['name', 'Yes', 'String', 'Definition\nThe name.\nRange\nEnumeration values:\n- a\n- b']),
      ...row(1, ['limits', 'No', 'Array of Table 4-4 objects', 'The limits.']),
    ]);
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({ id: '4-3', caption: 'Request body parameters', columns: HEAD });
    expect(ts[0].rows.map((r) => r.cells)).toEqual([
      [['name'], ['Yes'], ['String'], ['Definition', 'The name.', 'Range', 'Enumeration values:', '- a', '- b']],
      [['limits'], ['No'], ['Array of Table 4-4 objects'], ['The limits.']],
    ]);
    expect(optionsFromProse(ts[0].rows[0].cells[3].join('\n'))?.map((o) => o.value)).toEqual(['a', 'b']);
  });

  it.each([
    ['with the header repeated', true],
    ['without a repeated header', false],
  ])('a table part the layout stage did not join (%s) continues the table', (_, repeated) => {
    const { tables: ts, diags } = tables([
      para('Table 4-3 Request body parameters'),
      blank,
      ...row(1, HEAD, true),
      ...row(1, ['name', 'Yes', 'String', 'The name.']),
      blank,
      ...(repeated ? row(2, HEAD, true) : []),
      ...row(2, ['size', 'No', 'Integer', 'The size.']),
      blank,
      para('Table 4-4 Limit'),
      blank,
      ...row(3, HEAD, true),
      ...row(3, ['max', 'No', 'Integer', 'Upper bound.']),
    ]);
    expect(ts.map((t) => [t.id, t.rows.map((r) => r.cells[0][0])])).toEqual([
      ['4-3', ['name', 'size']],
      ['4-4', ['max']],
    ]);
    expect(diags.filter((d) => d.id === 'table-continued')).toHaveLength(1);
  });

  it('a row with no name cell is the rest of the row above (a split row the layout did not rejoin)', () => {
    const { tables: ts } = tables([...row(1, HEAD, true), ...row(1, ['name', 'Yes', 'String', 'The name.']), ...row(1, ['', '', '', 'Default Value\nx'])]);
    expect(ts[0].rows.map((r) => r.cells[3])).toEqual([['The name.', 'Default Value', 'x']]);
  });

  it('a caption that no table header follows is reported; a sentence about a table is not a caption', () => {
    const { tables: ts, diags } = tables([para('Table 5-1 describes status codes.'), blank, para('Table 5-1 Figure of the flow'), blank, para('The flow is shown above.'), blank, para('Table 5-2 Orphan caption at the end')]);
    expect(ts).toEqual([]);
    expect(diags.filter((d) => d.id === 'table-caption-without-table').map((d) => [d.source.line, d.message.slice(0, 30)])).toEqual([
      [3, 'Table 5-1 Figure of the flow: '],
      [7, 'Table 5-2 Orphan caption at th'],
    ]);
  });
});

describe('other roles in the text form', () => {
  it('list items start with "- " (a bullet glyph replaced), code blocks are fenced', () => {
    const { lines } = tables([{ text: '• Token authentication: Requests are authenticated using tokens.', role: 'list-item' }, blank, { text: '{', role: 'code' }, { text: '  "a" : 1', role: 'code' }, { text: '}', role: 'code' }, blank, para('After.')]);
    expect(lines.map((l) => l.text)).toEqual(['- Token authentication: Requests are authenticated using tokens.', '', '```', '{', '  "a" : 1', '}', '```', '', 'After.']);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 3, 4, 5, 5, 6, 7]);
  });

  it('numbered headings from heading and paragraph lines, never from list items or table rows', () => {
    const lines = readLines(doc([heading('4.1 Widget APIs'), blank, { text: '3 Things that are listed', role: 'list-item' }, blank, { text: '2 Widgets', role: 'table-row', cells: ['2 Widgets'], table: 1 }, blank, para('4.1.1 Creating a Widget'), blank]));
    expect(findHeadings(lines, 'm.pdf', []).map((h) => h.number)).toEqual(['4.1', '4.1.1']);
  });
});
