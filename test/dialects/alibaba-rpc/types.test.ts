/** types.ts: every documented Alibaba type -> schema, and the types the real tables use. */
import { describe, expect, it } from 'vitest';
import { mapType } from '../../../scripts/dialects/alibaba-rpc/types.ts';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { FIXTURES, manualVocab, rowsOf, type FixtureName } from './helpers.ts';

type Case = [documented: string, schema: SchemaModel, container: boolean, known: boolean];

const cases: Case[] = [
  ['String', { type: 'string', documentedType: 'String' }, false, true],
  ['Integer', { type: 'integer', format: 'int32', documentedType: 'Integer' }, false, true],
  ['Int', { type: 'integer', format: 'int32', documentedType: 'Int' }, false, true],
  ['Long', { type: 'integer', format: 'int64', documentedType: 'Long' }, false, true],
  ['Float', { type: 'number', format: 'float', documentedType: 'Float' }, false, true],
  ['Double', { type: 'number', format: 'double', documentedType: 'Double' }, false, true],
  ['Number', { type: 'number', documentedType: 'Number' }, false, true],
  ['Boolean', { type: 'boolean', documentedType: 'Boolean' }, false, true],
  ['Object', { type: 'object', documentedType: 'Object' }, true, true],
  ['Struct', { type: 'object', documentedType: 'Struct' }, true, true],
  ['Map', { type: 'object', additionalProperties: true, documentedType: 'Map' }, false, true],
  ['JSON', { type: 'string', contentMediaType: 'application/json', documentedType: 'JSON' }, false, true],
  ['Array', { type: 'array', documentedType: 'Array' }, true, true],
  ['List', { type: 'array', documentedType: 'List' }, true, true],
  ['Array of String', { type: 'array', items: { type: 'string' }, documentedType: 'Array of String' }, false, true],
  ['Array of Integer', { type: 'array', items: { type: 'integer', format: 'int32' }, documentedType: 'Array of Integer' }, false, true],
  ['Array of Long', { type: 'array', items: { type: 'integer', format: 'int64' }, documentedType: 'Array of Long' }, false, true],
  // A list of structs: the item is named after the struct, its fields follow in the table.
  ['Array of ServiceMesh', { type: 'array', items: { type: 'object', title: 'ServiceMesh' }, documentedType: 'Array of ServiceMesh' }, true, true],
  ['Array of AccessLogDashboardInfo', { type: 'array', items: { type: 'object', title: 'AccessLogDashboardInfo' }, documentedType: 'Array of AccessLogDashboardInfo' }, true, true],
  // Struct names printed in lower case are capitalised for the title.
  ['Array of tlsMatchAttribute', { type: 'array', items: { type: 'object', title: 'TlsMatchAttribute' }, documentedType: 'Array of tlsMatchAttribute' }, true, true],
  // Case-insensitive type words; surrounding spaces dropped.
  ['string', { type: 'string', documentedType: 'string' }, false, true],
  [' Boolean ', { type: 'boolean', documentedType: 'Boolean' }, false, true],
  // Unknown: read as a string, flagged as unknown.
  ['Date', { type: 'string', documentedType: 'Date' }, false, false],
  ['Array of', { type: 'string', documentedType: 'Array of' }, false, false],
  // Names of Object.prototype members are not primitive types. (Before 4051b43 the lookup table was
  // a plain object: "constructor" gave a schema with no type, "Array of constructor" items {}.)
  ['constructor', { type: 'string', documentedType: 'constructor' }, false, false],
  ['__proto__', { type: 'string', documentedType: '__proto__' }, false, false],
  ['Array of constructor', { type: 'array', items: { type: 'object', title: 'Constructor' }, documentedType: 'Array of constructor' }, true, true],
];

describe('mapType', () => {
  it.each(cases)('%j', (documented, schema, container, known) => {
    expect(mapType(documented)).toEqual({ schema, container, known });
  });

  it('returns a fresh schema each time (callers decorate it)', () => {
    const a = mapType('Array of String');
    a.schema.items!.format = 'x';
    a.schema.description = 'changed';
    expect(mapType('Array of String').schema).toEqual({ type: 'array', items: { type: 'string' }, documentedType: 'Array of String' });
    expect(mapType('String').schema).toEqual({ type: 'string', documentedType: 'String' });
  });
});

describe('types in the real tables', () => {
  const all = (Object.keys(FIXTURES) as FixtureName[]).flatMap((f) => rowsOf(f, undefined, manualVocab()));
  const documented = [...new Set(all.map((r) => r.type))].sort();

  it('are all known types', () => {
    expect(documented.filter((t) => !mapType(t).known)).toEqual([]);
  });

  it('cover the type words and "Array of" forms the excerpts print', () => {
    expect(documented).toEqual([
      'Array',
      'Array of AccessLogDashboardInfo',
      'Array of Cluster',
      'Array of Integer',
      'Array of ServiceMesh',
      'Array of String',
      'Array of detail',
      'Array of header',
      'Array of tlsMatchAttribute',
      'Boolean',
      'Float',
      'Integer',
      'Long',
      'Map',
      'Object',
      'String',
    ]);
  });
});
