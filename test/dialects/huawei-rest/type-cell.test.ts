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
    ['Long', { kind: 'scalar', schema: { type: 'integer', format: 'int64' } }],
    ['Double', { kind: 'scalar', schema: { type: 'number', format: 'double' } }],
    ['Object', { kind: 'object' }],
    ['Array', { kind: 'array' }],
    ['Array of objects', { kind: 'array', items: { type: 'object', additionalProperties: true } }],
    ['Array of integers', { kind: 'array', items: { type: 'integer' } }],
    ['Array of longs', { kind: 'array', items: { type: 'integer', format: 'int64' } }],
    ['Array of Table 4-7\nobjects', { kind: 'table', table: '4-7', array: true }],
    ['List<String>', { kind: 'array', items: { type: 'string' } }],
    ['Map<String,String>', { kind: 'map', values: { type: 'string' } }],
    ['Map<String, Integer>', { kind: 'map', values: { type: 'integer' } }],
    ['Map<String,Object>', { kind: 'map' }],
    ['Foo', { kind: 'unknown', text: 'Foo' }],
    ['Map<String,Foo>', { kind: 'unknown', text: 'Map<String,Foo>' }],
  ])('%s', (text, expected) => {
    expect(parseTypeCell(text)).toEqual(expected);
  });
});
