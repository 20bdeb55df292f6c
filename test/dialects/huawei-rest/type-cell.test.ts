import { describe, expect, it } from 'vitest';
import { parseTypeCell } from '../../../scripts/dialects/huawei-rest/type-cell.ts';

describe('parseTypeCell', () => {
  it.each([
    ['String', { kind: 'scalar', schema: { type: 'string' } }],
    ['Integer', { kind: 'scalar', schema: { type: 'integer' } }],
    ['Float', { kind: 'scalar', schema: { type: 'number', format: 'float' } }],
    ['Boolean', { kind: 'scalar', schema: { type: 'boolean' } }],
    ['Array of strings', { kind: 'array', items: { type: 'string' } }],
    ['Table 4-4 object', { kind: 'table', table: '4-4', array: false }],
    ['Array of Table 4-7 objects', { kind: 'table', table: '4-7', array: true }],
    ['', { kind: 'empty' }],
    ['Map<String,String>', { kind: 'unknown', text: 'Map<String,String>' }],
  ])('%s', (text, expected) => {
    expect(parseTypeCell(text)).toEqual(expected);
  });
});
