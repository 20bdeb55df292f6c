import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { Vocabulary } from '../../../scripts/dialects/huawei-rest/repair.ts';
import { countReferences, inferRemainingTypes, tableSchema, type SchemaContext } from '../../../scripts/dialects/huawei-rest/schemas.ts';
import { parseTables, type Table } from '../../../scripts/dialects/huawei-rest/tables.ts';
import { fixtureLines } from './helpers.ts';

function context(...fixtures: string[]): { ctx: SchemaContext; tables: Table[] } {
  const diags: Diagnostic[] = [];
  const all: Table[] = [];
  const vocab = new Vocabulary();
  for (const f of fixtures) {
    const lines = fixtureLines(f);
    for (const l of lines) vocab.addText(l.text);
    all.push(...parseTables(lines, 0, lines.length, f, []));
  }
  const tables = new Map(all.map((t) => [t.id!, t]));
  return { ctx: { file: 'f.txt', tables, vocab, diags, built: new Map(), referenced: new Set(), untyped: new Map(), refCounts: countReferences(all) }, tables: all };
}

const props = (s: SchemaModel) => (s.properties ?? []).map((p) => [p.name, p.required, p.schema.type]);

describe('tableSchema', () => {
  it('resolves "Array of Table 4-20 objects" and "Table 4-21 object" into nested schemas titled by the caption', () => {
    const { ctx, tables } = context('tracing-request.txt');
    const tracing = tableSchema(ctx, tables[0]);
    expect(tracing.title).toBe('Tracing');
    expect(props(tracing)).toEqual([
      ['randomSamplingPercentage', false, 'number'],
      ['defaultProviders', false, 'array'],
      ['extensionProviders', false, 'array'],
    ]);
    const provider = tracing.properties![2].schema.items!;
    expect(provider.title).toBe('TracingExtensionProvider');
    expect(props(provider)).toEqual([
      ['name', false, 'string'],
      ['zipkin', false, 'object'],
    ]);
    expect(props(provider.properties![1].schema)).toEqual([
      ['service', false, 'string'],
      ['port', false, 'integer'],
    ]);
    // The description continued on a tab-led line is kept; the stray "ideis" is not.
    expect(tracing.properties![2].schema.description).toBe('User-defined provider. Currently, Zipkin is supported.\nIf you configure the Zipkin provider, ensure that the service mesh version is 1.15 or later.');
    const ids = ctx.diags.map((d) => d.id);
    expect(ids).toContain('mandatory-missing');
    expect(ids).toContain('table-stray-fragment');
    // Only "extensionProviders" is spelled intact in this excerpt (in the defaultProviders text).
    expect(ctx.diags.filter((d) => d.id.startsWith('name-rejoined')).map((d) => [d.id, d.message.match(/"([^"]+)"$|as "([^"]+)"/)?.slice(1).find(Boolean)])).toEqual([
      ['name-rejoined-unattested', 'randomSamplingPercentage'],
      ['name-rejoined-unattested', 'defaultProviders'],
      ['name-rejoined', 'extensionProviders'],
    ]);
  });

  it('every property carries the lines it was read from', () => {
    const { ctx, tables } = context('tracing-request.txt');
    const tracing = tableSchema(ctx, tables[0]);
    expect(tracing.properties!.map((p) => [p.schema.source?.line, p.schema.source?.endLine])).toEqual([
      [4, undefined],
      [7, 8],
      [9, 10],
    ]);
  });

  it('an empty Type cell takes the type the other copies of the same table agree on', () => {
    const { ctx, tables } = context('proxy-config-page-break.txt', 'proxy-config-empty-type.txt');
    const copy = tableSchema(ctx, tables.find((t) => t.id === '4-28')!);
    const last = copy.properties![copy.properties!.length - 1];
    expect(last.name).toBe('includeInboundPorts');
    expect(last.schema.type).toBe('string');
    const d = ctx.diags.find((x) => x.id === 'type-inferred')!;
    expect(d.message).toContain('Table 4-13');
    expect(d.source.line).toBe(11);
  });

  it('with no other copy, an empty Type cell stays untyped and is reported', () => {
    const { ctx, tables } = context('proxy-config-empty-type.txt');
    const copy = tableSchema(ctx, tables[0]);
    // Examples or the description may still decide (inferRemainingTypes, after the operations).
    inferRemainingTypes(ctx);
    expect(copy.properties![copy.properties!.length - 1].schema.type).toBeUndefined();
    expect(ctx.diags.map((d) => d.id)).toContain('type-missing');
  });

  it('a reference to a table that is not there is an error, not a crash', () => {
    const { ctx, tables } = context('tracing-request.txt');
    ctx.tables.delete('4-21');
    tableSchema(ctx, tables[0]);
    expect(ctx.diags.filter((d) => d.id === 'table-ref-unresolved').map((d) => d.message)).toEqual([
      'Table 4-20 TracingExtensionProvider: "zipkin" refers to Table 4-21, which is not in the manual',
    ]);
  });
});
