/**
 * The layout stage's constructs one by one, on hand-made input: the wrapped-line join, grids from
 * ruling lines, furniture by repetition, runs split at the column rules they cross.
 */
import { describe, expect, it } from 'vitest';
import { brokenMidWord, joinLines } from '../../scripts/layout/wrap.ts';
import { findGrids, type Grid } from '../../scripts/layout/rules.ts';
import { splitAtRules } from '../../scripts/layout/tables.ts';
import type { PRun } from '../../scripts/layout/lines.ts';
import { findFurniture } from '../../scripts/layout/furniture.ts';
import type { VLine } from '../../scripts/layout/types.ts';

describe('wrapped lines joined (wrap.ts)', () => {
  const g = (end: number, limit = 100, size = 8) => ({ end, limit, nextCharWidth: 4.4, size });
  it.each([
    ['a word that did not fit, cut at the cell edge', 'DescribeServiceMeshKubec', 'onfig', g(99), true],
    ['the same word ending well before the edge: two words', 'DescribeServiceMeshKubec', 'onfig', g(80), false],
    ['a line of several words ends at a space whatever its end', 'The ID of the', 'instance.', g(99.5), false],
    ['a hyphen inside a value', '11fd0027-c27e-41bb-', 'a565-75583054****', g(70), true],
    ['a dash standing alone is not a broken word', 'values -', 'see below', g(70), false],
    ['CJK on either side', '服务网格的', '名称。', g(50), true],
    ['no geometry: only hyphen and CJK count', 'c08ba3fd1e6484b0f', '8cc1ad8fe10d****', undefined, false],
  ] as const)('%s', (_, a, b, geom, want) => {
    expect(brokenMidWord(a, b, geom)).toBe(want);
  });
  it('joins a paragraph line by line', () => {
    expect(joinLines(['Describe', 'ServiceMeshKub', 'econfig returns the', 'configuration.'], [g(50), g(99), g(60)])).toBe('Describe ServiceMeshKubeconfig returns the configuration.');
  });
});

describe('grids from ruling lines (rules.ts)', () => {
  const H = 800;
  // Rules in PDF space (y up): a 3-column, 3-row table drawn as one rectangle per cell.
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  const xs = [50, 150, 220, 400];
  const ys = [700, 680, 640, 600];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) rects.push({ x: xs[c], y: ys[r + 1], w: xs[c + 1] - xs[c], h: ys[r] - ys[r + 1] });
  const edges = rects.flatMap((r) => [
    { x0: r.x, y0: r.y, x1: r.x + r.w, y1: r.y },
    { x0: r.x, y0: r.y + r.h, x1: r.x + r.w, y1: r.y + r.h },
    { x0: r.x, y0: r.y, x1: r.x, y1: r.y + r.h },
    { x0: r.x + r.w, y0: r.y, x1: r.x + r.w, y1: r.y + r.h },
  ]);
  it('cell rectangles make one table with its rows and columns', () => {
    const grids = findGrids(edges, H);
    expect(grids).toHaveLength(1);
    expect(grids[0].columns.map(Math.round)).toEqual(xs);
    expect(grids[0].rows.map((r) => [Math.round(r.top), Math.round(r.bottom), r.cells.length])).toEqual([
      [100, 120, 3],
      [120, 160, 3],
      [160, 200, 3],
    ]);
  });
  it('a cell spanning two columns is one cell starting at its column', () => {
    // Last row: no rule between columns 2 and 3.
    const spanning = edges.filter((e) => !(e.x0 === 220 && e.x1 === 220 && e.y0 === 600));
    const row = findGrids(spanning, H)[0].rows[2];
    expect(row.cells.map((c) => [Math.round(c.x0), Math.round(c.x1), c.col])).toEqual([
      [50, 150, 0],
      [150, 400, 1],
    ]);
  });
  it('lines that do not cross (a rule under a running header, a box around code) are no table', () => {
    expect(findGrids([{ x0: 50, y0: 780, x1: 545, y1: 780 }, { x0: 50, y0: 40, x1: 545, y1: 40 }], H)).toEqual([]);
  });
  it('two tables on a page stay two tables', () => {
    const shifted = edges.map((e) => ({ ...e, y0: e.y0 - 300, y1: e.y1 - 300 }));
    expect(findGrids([...edges, ...shifted], H)).toHaveLength(2);
  });
});

describe('page furniture by repetition (furniture.ts)', () => {
  const line = (page: number, y: number, text: string, size = 8): VLine => ({ page, x: 50, end: 300, y, size, text, bold: false, mono: false, charWidth: 4, firstCharWidth: 4 });
  const chapters = ['Instances', 'Instances', 'Instances', 'Tags', 'Tags', 'Tags', 'Clusters', 'Clusters', 'Clusters', 'Clusters'];
  const pages = chapters.map((ch, i) => {
    const p = i + 1;
    const odd = p % 2 === 1;
    return [
      line(p, 40, odd ? `Widget Service API Reference·${ch}` : `API Reference·${ch}   Widget Service`),
      // The first body line: a heading that starts many pages, or prose.
      line(p, 70, p % 3 === 0 ? 'Request parameters' : `Body text number ${p * 7} of the manual, different on every page ${'x'.repeat(p)}`, 10),
      line(p, 300, 'More body text.', 10),
      line(p, 800, odd ? `> Document Version: 20220712  ${p}` : `${p}  > Document Version: 20220712`),
    ];
  });
  const r = findFurniture(pages, pages.map(() => 842));
  it('odd/even running headers naming the chapter, footers with page numbers', () => {
    for (const ls of pages) {
      expect(r.lines.has(ls[0])).toBe(true);
      expect(r.lines.has(ls[3])).toBe(true);
    }
  });
  it('body lines are kept, also a heading that starts several pages', () => {
    for (const ls of pages) {
      expect(r.lines.has(ls[1])).toBe(false);
      expect(r.lines.has(ls[2])).toBe(false);
    }
  });
  it('documents of fewer than three pages have none', () => {
    expect(findFurniture(pages.slice(0, 2), [842, 842]).lines.size).toBe(0);
  });
});

describe('runs that cross a column rule (tables.ts splitAtRules)', () => {
  // Three columns at 50 | 170 | 280 | 550, one row from y 100 to 140 (top-down).
  const grid: Grid = { x0: 50, x1: 550, top: 100, bottom: 140, columns: [50, 170, 280, 550], rows: [{ top: 100, bottom: 140, cells: [{ x0: 50, x1: 170, col: 0 }, { x0: 170, x1: 280, col: 1 }, { x0: 280, x1: 550, col: 2 }] }] };
  const run = (str: string, x: number, width: number): PRun => ({ str, x, y: 115, width, size: 9, font: 0 });
  it.each([
    ['one cell: unchanged', run('The details of the pools.', 283, 100), ['The details of the pools.']],
    ['type + description joined by pdf.js', run('Array of Table 4-34 objects The details of the pools.', 172.5, 212), ['Array of Table 4-34 objects', 'The details of the pools.']],
    ['an unmapped (CJK) description after the type', run('Array of Table 4-16 objects \u0000\u0000\u0000\u0000\u0000', 172.5, 163), ['Array of Table 4-16 objects', '\u0000\u0000\u0000\u0000\u0000']],
    ['a name that fills its cell + the type', run('outboundTrafficRecordRetryTim Integer', 52.5, 148), ['outboundTrafficRecordRetryTim', 'Integer']],
    ['name, type and description each filling their cell', run('outboundTrafficRecordRetryTim Array of Table 4-34 objects The details.', 52.5, 274), ['outboundTrafficRecordRetryTim', 'Array of Table 4-34 objects', 'The details.']],
    ['no space to split at: unchanged', run('averyveryverylongidentifierthatoverflows', 52.5, 160), ['averyveryverylongidentifierthatoverflows']],
  ])('%s', (_, r, want) => {
    const parts = splitAtRules(r, [grid]);
    expect(parts.map((p) => p.str)).toEqual(want);
    // Every part starts in a different cell, in order.
    const cells = parts.map((p) => grid.rows[0].cells.findIndex((c) => p.x + Math.min(p.width, p.size) / 2 >= c.x0 && p.x + Math.min(p.width, p.size) / 2 <= c.x1));
    expect(cells).toEqual(cells.map((_, i) => cells[0] + i));
  });
});
