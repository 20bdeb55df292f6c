import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { cell, parseHeader, parseTables, strayFragments } from '../../../scripts/dialects/huawei-rest/tables.ts';
import { fixtureLines } from './helpers.ts';

function tablesOf(name: string) {
  const lines = fixtureLines(name);
  const diags: Diagnostic[] = [];
  return { tables: parseTables(lines, 0, lines.length, 'f.txt', diags), diags };
}

describe('parseHeader', () => {
  it('recognises the header with the Cyrillic "Туре"', () => {
    expect(parseHeader('Parameter\tMandatory\tТуре\tDescription')).toMatchObject({ columns: ['Parameter', 'Mandatory', 'Type', 'Description'], folded: true });
  });
  it('recognises "Statu s Code" split by the extraction and ignores trailing empty cells', () => {
    expect(parseHeader('Statu s Code\tError Code\tError Message\tDescription\tTroubleshooting')).toMatchObject({ columns: ['Status Code', 'Error Code', 'Error Message', 'Description', 'Troubleshooting'], rejoined: ['"Statu s Code"'] });
    expect(parseHeader('Status Code\tMessage Title\tDescription\t\t')?.columns).toEqual(['Status Code', 'Message Title', 'Description']);
  });
  it('does not take a data row for a header', () => {
    expect(parseHeader('project_id\tYes\tString\tProject ID.')).toBeUndefined();
  });
});

describe('parseTables', () => {
  it('continues a table after a page break (Table 4-13: 1 row, repeated header, 5 more rows)', () => {
    const { tables, diags } = tablesOf('proxy-config-page-break.txt');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ id: '4-13', caption: 'ProxyConfig' });
    expect(tables[0].rows.map((r) => r.cells[0][0])).toEqual([
      'includeIPRang es',
      'excludeIPRan ges',
      'excludeOutbo undPorts',
      'excludeInbou ndPorts',
      'includeOutbo undPorts',
      'includeInboun dPorts',
    ]);
    expect(tables[0].continuations).toEqual([6]);
    expect(diags.map((d) => d.id)).toEqual(['header-homoglyph', 'table-continued']);
  });

  it('keeps an empty Type cell empty (Table 4-28 includeInboundPo rts)', () => {
    const { tables } = tablesOf('proxy-config-empty-type.txt');
    const t = tables[0];
    const last = t.rows[t.rows.length - 1];
    expect(cell(t, last, 'Parameter')).toBe('includeInboundPo rts');
    expect(cell(t, last, 'Type')).toBe('');
    expect(cell(t, last, 'Description')).toMatch(/^Ports that will be included for inbound/);
  });

  it('appends tab-led continuation lines to the cell of their column; text in another column is a stray fragment', () => {
    const { tables } = tablesOf('tracing-request.txt');
    const tracing = tables.find((t) => t.id === '4-19')!;
    expect(tracing.rows.map((r) => r.cells[0][0])).toEqual(['randomSampl ingPercentage', 'defaultProvid ers', 'extensionProv iders']);
    const defaults = tracing.rows[1];
    expect(cell(tracing, defaults, 'Mandatory')).toBe('');
    expect(cell(tracing, defaults, 'Description', true).split('\n')).toHaveLength(2);
    expect(strayFragments(tracing, tracing.rows[2])).toEqual([{ column: 'Mandatory', text: 'ideis' }]);
    expect(tables.map((t) => t.id)).toEqual(['4-19', '4-20', '4-21']);
  });

  it('reads tables whose rows end with an extra tab and numbered captions that follow them', () => {
    const { tables } = tablesOf('mesh-status-and-error.txt');
    expect(tables.map((t) => [t.id, t.caption, t.rows.length])).toEqual([
      ['4-37', 'MeshStatus', 2],
      ['4-38', 'Parameters in the response body', 2],
    ]);
    expect(cell(tables[0], tables[0].rows[0], 'Description', true).split('\n')).toHaveLength(10);
  });
});
