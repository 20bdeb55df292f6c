/**
 * The layout stage end to end on PDFs typeset from hand-made manuals, one style dimension at a time
 * (the random styles of test/harness/pdf/pdf.test.ts mix them): a word cut at the cell edge, a table
 * running over several pages with and without a repeated header and with rows split by the page
 * break, each way of drawing rules, a table of contents, code continued on the next page.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../scripts/extract/index.ts';
import { layoutDocument } from '../../scripts/layout/index.ts';
import type { Block } from '../../scripts/layout/types.ts';
import type { ManualLayout, TableRow } from '../harness/layout.ts';
import { plainStyle, renderManualPdf, type PdfStyle } from '../harness/pdf.ts';

const furniture: ManualLayout['furniture'] = (page, chapter) =>
  page % 2 ? { header: { right: `Widget Service API Reference·${chapter ?? ''}` }, footer: { right: String(page) } } : { header: { left: `${chapter ?? ''}·Widget Service API Reference` }, footer: { left: String(page) } };

async function lay(layout: ManualLayout, style: Partial<PdfStyle> = {}): Promise<Block[]> {
  const pdf = await renderManualPdf(layout, plainStyle(style));
  return layoutDocument(await extractBytes('t.pdf', pdf)).blocks;
}

const tables = (bs: Block[]) => bs.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('cells', () => {
  it('a value wider than its cell comes back whole; words wrapped at spaces keep their space', async () => {
    const layout: ManualLayout = {
      furniture: () => ({}),
      blocks: [
        {
          kind: 'table',
          header: ['Parameter', 'Type', 'Example', 'Description'],
          widths: [20, 12, 14, 54],
          rows: [
            { level: 0, cells: [['Action'], ['String'], ['DescribeServiceMeshKubeconfig'], ['The operation that you want to perform.']] },
            { level: 0, cells: [['RequestId'], ['String'], ['11fd0027-c27e-41bb-a565-75583054****'], ['The ID of the request.']] },
            { level: 0, cells: [['Name'], ['String'], ['test mesh name'], ['Two words that wrap at a space.']] },
          ],
        },
      ],
    };
    const [t] = tables(await lay(layout, { tableSize: 9 }));
    expect(t.rows.map((r) => r.cells[2].paragraphs.join('|'))).toEqual(['Example', 'DescribeServiceMeshKubeconfig', '11fd0027-c27e-41bb-a565-75583054****', 'test mesh name']);
  });
});

describe('a table over several pages', () => {
  const rows: TableRow[] = [];
  for (let i = 0; i < 160; i++) {
    const level = i % 5 === 0 ? 0 : i % 5 === 4 ? 2 : 1;
    rows.push({ level, cells: [[`Field${i}`], [level < 2 ? 'Object' : 'String'], [String(i)], [`Description of field ${i}. `.repeat(1 + (i % 4)).trim(), ...(i % 3 ? [] : ['Valid values: a, b.'])]] });
  }
  const layout: ManualLayout = { furniture, blocks: [{ kind: 'heading', level: 1, number: '1.', text: 'Things', chapter: true }, { kind: 'table', header: ['Parameter', 'Type', 'Example', 'Description'], widths: [25, 12, 10, 53], rows }] };
  const want = rows.map((r) => `${r.level} ${r.cells.map((c) => c.join('¶')).join(' | ')}`);
  it.each([
    ['cells', true, false],
    ['lines', false, true],
    ['thin-fills', true, true],
    ['cells', false, false],
  ] as const)('rules %s, header repeated %s, rows split %s: one table, every row once, in order, with its level', async (rules, repeatHeader, splitRows) => {
    const bs = await lay(layout, { rules, repeatHeader, splitRows, drawOrder: 'shuffled', valign: 'middle', mirror: true });
    const ts = tables(bs);
    expect(ts).toHaveLength(1);
    expect(ts[0].endPage).toBeGreaterThan(ts[0].page);
    expect(ts[0].rows.filter((r) => r.header)).toHaveLength(1);
    const got = ts[0].rows.filter((r) => !r.header).map((r) => `${r.level} ${r.cells.map((c) => c.paragraphs.join('¶')).join(' | ')}`);
    expect(got).toEqual(want);
    expect(bs.some((b) => b.kind === 'paragraph' && /Widget Service|^\d+$/.test(b.text))).toBe(false);
  });
});

describe('contents and code', () => {
  it('leaves out the table of contents and keeps code indentation across a page break', async () => {
    const code = ['{', ...Array.from({ length: 260 }, (_, i) => `${' '.repeat(2 + 2 * (i % 3))}"Key${i}": ${i},`), '}'];
    const layout: ManualLayout = {
      furniture,
      blocks: [
        { kind: 'toc', title: 'Contents', entries: [{ level: 1, text: '1. Samples' }, { level: 2, text: '1.1. A sample' }, { level: 2, text: '1.2. Another sample' }] },
        { kind: 'heading', level: 1, number: '1.', text: 'Samples', chapter: true },
        { kind: 'heading', level: 2, number: '1.1.', text: 'A sample' },
        { kind: 'code', lines: code },
        { kind: 'heading', level: 2, number: '1.2.', text: 'Another sample' },
        { kind: 'paragraph', text: 'The end.' },
      ],
    };
    const bs = await lay(layout, { mirror: true });
    expect(bs.filter((b) => b.kind === 'toc')).toHaveLength(1);
    const c = bs.filter((b) => b.kind === 'code');
    expect(c).toHaveLength(1);
    expect(c[0].kind === 'code' && c[0].lines).toEqual(code);
    expect(bs.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['Contents', '1. Samples', '1.1. A sample', '1.2. Another sample']);
  });
});

describe('cells of one-line paragraphs (labelled descriptions)', () => {
  // "Definition" / text / "Range" / "Enumeration values:" / "- a" …: paragraph gaps outnumber
  // wrapped lines, so the table line spacing is not the most common distance between cell lines.
  const rows: TableRow[] = [];
  for (let i = 0; i < 90; i++) {
    const desc = ['Definition', `The mode of thing ${i}.`, 'Constraints', 'N/A', 'Range', 'Enumeration values:', '- ACTIVE', '- INACTIVE', ...(i % 2 ? ['- pending'] : []), 'Default Value', i % 3 ? 'ACTIVE' : 'N/A'];
    if (i % 7 === 0) desc.splice(2, 0, 'A longer sentence that wraps in its cell because it goes on and on about the thing it describes.');
    rows.push({ level: 0, cells: [[`field${i}`], ['No'], ['String'], desc] });
  }
  const layout: ManualLayout = { furniture, blocks: [{ kind: 'heading', level: 1, number: '1', text: 'Things', chapter: true }, { kind: 'table', caption: 'Table 1-1 Things', header: ['Parameter', 'Mandatory', 'Type', 'Description'], widths: [20, 11, 19, 50], rows }] };
  const want = rows.map((r) => r.cells.map((c) => c.join('¶')).join(' | '));
  it.each([
    [true, true],
    [false, false],
  ] as const)('rows split across pages %s, header repeated %s: every paragraph of a cell stays a paragraph', async (splitRows, repeatHeader) => {
    const ts = tables(await lay(layout, { splitRows, repeatHeader, tableSize: 8, leading: 1.4 }));
    expect(ts).toHaveLength(1);
    expect(ts[0].endPage).toBeGreaterThan(ts[0].page);
    expect(ts[0].rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.paragraphs.join('¶')).join(' | '))).toEqual(want);
  });
});

describe('tables ruled between rows only (no vertical rules)', () => {
  const rows: TableRow[] = [];
  // The first row is tall: where less than it fits below the header, the header stays alone at the foot of the page.
  for (let i = 0; i < 6; i++) rows.push({ level: 0, cells: [[`field${i}`], ['String'], i ? [`The value of field ${i}.`] : ['The value of field 0.', 'Valid values:', '- a', '- b', '- c', '- d']] });
  const table = (caption: string): Extract<ManualLayout['blocks'][number], { kind: 'table' }> => ({ kind: 'table', caption, header: ['Parameter', 'Type', 'Description'], widths: [25, 15, 60], rows });
  const text = (t: Extract<Block, { kind: 'table' }>) => t.rows.map((r) => `${r.header ? 'H ' : ''}${r.cells.map((c) => c.paragraphs.join(' ')).join(' | ')}`);
  const want = ['H Parameter | Type | Description', ...rows.map((r) => r.cells.map((c) => c.join(' ')).join(' | '))];
  // (Paragraphs inside cells are compared joined: one tall cell is too few to measure the table line spacing by.)
  const filler = (k: number) => Array.from({ length: k }, (_, i) => ({ kind: 'paragraph' as const, text: `Filler line ${i}.` }));

  it('a page of running text between the running header\'s rule and the footer\'s is not the table of the page before continued', async () => {
    const prose = 'Requests are authenticated with a token that is added to the request header; the token is valid for one day.';
    const layout: ManualLayout = {
      furniture,
      blocks: [table('Table 1-1 Things'), { kind: 'page-break' }, { kind: 'heading', level: 2, number: '1.2', text: 'Authentication' }, ...Array.from({ length: 6 }, () => ({ kind: 'paragraph' as const, text: prose })), { kind: 'list', items: ['Token: a user token.', 'AK/SK: an access key pair.'] }],
    };
    const bs = await lay(layout, { verticalRules: false, rules: 'lines', furnitureRules: true });
    expect(tables(bs).map(text)).toEqual([want]);
    expect(bs.some((b) => b.kind === 'heading' && b.text === '1.2 Authentication')).toBe(true);
    const prosePlaces = bs.filter((b) => b.kind === 'paragraph').map((b) => ('text' in b ? b.text : '')).join(' ').split(prose).length - 1;
    expect(prosePlaces).toBe(6);
  });

  // Filler paragraphs push the table down a line at a time: with 34 to 37 of them (plain style) its
  // header row is left alone at the foot of page 1 (its columns then measured from the labels only);
  // 33 and 38 are the cases either side.
  it.each([
    ['left', true, true],
    ['center', false, true],
    ['center', true, false],
  ] as const)('header %s, bold %s, repeated %s: wherever the page break falls, one table with its header and every row', async (headerAlign, headerBold, repeatHeader) => {
    for (let k = 33; k <= 38; k++) {
      // (No running header: two pages are too few to tell furniture by repetition.)
      const layout: ManualLayout = { furniture: () => ({}), blocks: [...filler(k), table(`Table 1-${k} Things`)] };
      const bs = await lay(layout, { verticalRules: false, rules: 'lines', headerAlign, headerBold, repeatHeader, splitRows: false });
      expect(tables(bs).map(text), `${k} filler lines`).toEqual([want]);
      expect(bs.some((b) => b.kind !== 'table' && 'text' in b && /^Parameter\s+Type/.test(b.text)), `${k} filler lines: the header as text`).toBe(false);
    }
  });

  // The last row is tall and split by the page break; the header repeated overleaf (centred labels)
  // may have only the row's last line below it, then the next table's caption (with 30 filler
  // lines, among others): that header and line are the table continued, not a heading and a paragraph.
  it('a repeated header with only the rest of a split row below it continues the table', async () => {
    const last: TableRow = { level: 0, cells: [['mode'], ['String'], ['The mode.', 'Valid values:', '- alpha: first', '- beta: second', '- gamma: third', '- delta: fourth']] };
    const split: Extract<ManualLayout['blocks'][number], { kind: 'table' }> = { ...table('Table 1-1 Things'), rows: [...rows.slice(0, 2), last] };
    const wantSplit = ['H Parameter | Type | Description', ...split.rows.map((r) => r.cells.map((c) => c.join(' ')).join(' | '))];
    for (let k = 30; k <= 50; k++) {
      const layout: ManualLayout = { furniture: () => ({}), blocks: [...filler(k), split, table('Table 1-2 Others')] };
      const bs = await lay(layout, { verticalRules: false, rules: 'thin-fills', headerAlign: 'center', headerBold: true, repeatHeader: true, splitRows: true });
      expect(tables(bs).map(text), `${k} filler lines`).toEqual([wantSplit, want]);
    }
  });

  const levels = (bs: Block[]) => tables(bs).map((t) => t.rows.filter((r) => !r.header).map((r) => `${r.level} ${r.cells.map((c) => c.paragraphs.join(' ')).join(' | ')}`));
  const wantLevels = (rs: TableRow[]) => [rs.map((r) => `${r.level} ${r.cells.map((c) => c.join(' ')).join(' | ')}`)];

  // Indented rows overleaf where every unindented name there is short ("Url", "Id": their text ends
  // before the indented names start, leaving a river inside the first column): not a new table.
  it('indented rows overleaf under short unindented names continue the table', async () => {
    const rs: TableRow[] = [
      { level: 0, cells: [['Items'], ['Array of Entry'], ['The entries.']] },
      ...Array.from({ length: 10 }, (_, i): TableRow => ({ level: 1, cells: [[`Serial${i}`], ['Long'], [`The serial number ${i}.`]] })),
      { level: 0, cells: [['Url'], ['String'], ['The address.']] },
      { level: 0, cells: [['Id'], ['String'], ['The ID.']] },
    ];
    for (let k = 36; k <= 46; k++) {
      const bs = await lay({ furniture: () => ({}), blocks: [...filler(k), { ...table('Table 1-1 Things'), rows: rs }] }, { verticalRules: false, rules: 'cells', repeatHeader: false, splitRows: false, indentStep: 20, tableSize: 7.5 });
      expect(levels(bs), `${k} filler lines`).toEqual(wantLevels(rs));
    }
  });

  // Rows that are all indented children, after the rest of a row split by the page break (a band
  // with one cell filled): they measure their indentation as the cell padding, yet are the table.
  it('indented rows after the rest of a split row continue the table', async () => {
    const tall = (name: string): TableRow => ({ level: 1, cells: [[name], ['String'], ['The mode.', 'Valid values:', '- warn: the node is warn', '- info: the node is info', '- error: the node is in error']] });
    const rs: TableRow[] = [
      { level: 0, cells: [['alpha'], ['String'], ['The first value.']] },
      { level: 0, cells: [['Images'], ['Array of Image'], ['The images.']] },
      tall('Level'),
      tall('RoleStrategy'),
    ];
    for (let k = 30; k <= 44; k++) {
      const bs = await lay({ furniture: () => ({}), blocks: [...filler(k), { ...table('Table 1-1 Things'), rows: rs }] }, { verticalRules: false, rules: 'thin-fills', repeatHeader: true, splitRows: true, indentStep: 14 });
      expect(levels(bs), `${k} filler lines`).toEqual(wantLevels(rs));
    }
  });
});
