import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical } from '../../../scripts/openapi/context.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import type { PropertyModel, SchemaModel } from '../../../scripts/model/types.ts';
import { describeDifferences, nameVariants, StructureKeys, structureKey } from '../../../scripts/dialects/huawei-rest/variants.ts';

const src = (line: number) => ({ file: 'f.txt', line });
// Three copies of MeshMetadata as the manual prints them: the request table (name mandatory),
// the CreateServiceMesh response (a longer uid text) and the copy of the other operations.
const metadata = (line: number, opts: { required?: boolean; uid?: string } = {}): SchemaModel => ({
  type: 'object',
  title: 'MeshMetadata',
  source: src(line),
  properties: [
    { name: 'name', required: !!opts.required, schema: { type: 'string', source: src(line + 1) } },
    ...(opts.uid ? [{ name: 'uid', required: false, schema: { type: 'string', description: opts.uid, source: src(line + 2) } } satisfies PropertyModel] : []),
  ],
});
const body = (line: number, meta: SchemaModel): SchemaModel => ({ type: 'object', source: src(line), properties: [{ name: 'metadata', required: false, schema: meta }] });

describe('nameVariants', () => {
  it('merges identical copies, names the differing ones and says how they differ', () => {
    const req = metadata(10, { required: true });
    const create = metadata(20, { uid: 'Service mesh ID. A custom value will not take effect.' });
    const del = metadata(30, { uid: 'Service mesh ID.' });
    const get = metadata(40, { uid: 'Service mesh ID.' });
    const diags: Diagnostic[] = [];
    nameVariants(
      [
        { schema: body(9, req), operationId: 'CreateServiceMesh', side: 'request', where: 'request body' },
        { schema: body(19, create), operationId: 'CreateServiceMesh', side: 'response', where: 'response 201' },
        { schema: body(29, del), operationId: 'DeleteServiceMesh', side: 'response', where: 'response 200' },
        { schema: body(39, get), operationId: 'GetServiceMesh', side: 'response', where: 'response 200' },
      ],
      diags,
    );
    expect([req.componentName, create.componentName, del.componentName, get.componentName]).toEqual(['MeshMetadataInput', 'CreateServiceMeshMeshMetadata', undefined, undefined]);
    expect(diags.map((d) => [d.id, d.source.line])).toEqual([
      ['schema-copies-merged', 30],
      ['schema-copy-differs', 20],
      ['schema-copy-differs', 10],
    ]);
    expect(diags[0].message).toBe('MeshMetadata: the copies at line 30, line 40 are the same structure; emitted once');
    expect(diags[1].message).toContain('uid: description differs');
    expect(diags[2].message).toContain('name: required here, optional there; uid: missing here');
  });

  it('names an untitled body after the titled table it equals', () => {
    const mesh: SchemaModel = { type: 'object', title: 'Mesh', source: src(50), properties: [{ name: 'kind', required: false, schema: { type: 'string' } }] };
    const untitled: SchemaModel = { type: 'object', source: src(60), properties: [{ name: 'kind', required: false, schema: { type: 'string' } }] };
    const listBody: SchemaModel = { type: 'object', source: src(49), properties: [{ name: 'items', required: false, schema: { type: 'array', items: mesh } }] };
    const diags: Diagnostic[] = [];
    nameVariants(
      [
        { schema: untitled, operationId: 'GetServiceMesh', side: 'response', where: 'response 200' },
        { schema: listBody, operationId: 'ListServiceMeshes', side: 'response', where: 'response 200' },
      ],
      diags,
    );
    expect(untitled.title).toBe('Mesh');
    expect(structureKey(untitled)).toBe(structureKey(mesh));
  });
});

describe('describeDifferences', () => {
  it('reports nested and missing properties by path', () => {
    const a = body(1, metadata(2, { uid: 'x' }));
    const b = body(1, metadata(2));
    expect(describeDifferences(a, b)).toEqual(['metadata.uid: only in this copy']);
    expect(describeDifferences(b, a)).toEqual(['metadata.uid: missing here']);
  });
});

describe('StructureKeys against the canonical JSON of the stripped tree (the keys before 2026-12-06)', () => {
  // Oracle: variants.ts's structureKey before the interned keys, verbatim apart from names.
  const strip = (s: SchemaModel, withTitle: boolean): unknown => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'source' || k === 'componentName' || (k === 'title' && !withTitle)) continue;
      if (k === 'properties') out[k] = (v as SchemaModel['properties'])!.map((p) => ({ name: p.name, required: p.required, schema: strip(p.schema, true) }));
      else if (k === 'items' || k === 'contentSchema' || (k === 'additionalProperties' && typeof v === 'object')) out[k] = strip(v as SchemaModel, true);
      else out[k] = v;
    }
    return out;
  };
  const oldKey = (s: SchemaModel, withTitle = true) => canonical(strip(s, withTitle));
  const leaf = fc.record(
    { type: fc.constantFrom('string', 'integer', 'boolean'), description: fc.constantFrom('a', 'b', 'a "quoted" : text;', '1:2;'), enum: fc.constantFrom(['x', 'y'], ['x'], [1, 2]), title: fc.constantFrom('T', 'U') },
    { requiredKeys: ['type'] },
  ) as fc.Arbitrary<SchemaModel>;
  const tree: fc.Arbitrary<SchemaModel> = fc.letrec<{ node: SchemaModel }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ type: fc.constant('array'), items: tie('node') }) as fc.Arbitrary<SchemaModel>,
      fc.record(
        {
          type: fc.constant('object'),
          title: fc.constantFrom('Mesh', 'Meta'),
          source: fc.nat(50).map((line) => ({ file: 'f.txt', line })),
          properties: fc.array(fc.record({ name: fc.constantFrom('name', 'uid', 'n,1'), required: fc.boolean(), schema: tie('node') }), { maxLength: 3 }),
        },
        { requiredKeys: ['type', 'properties'] },
      ) as fc.Arbitrary<SchemaModel>,
    ),
  })).node;

  it('two trees get equal keys exactly when their stripped trees serialise equally', () => {
    fc.assert(
      fc.property(tree, tree, fc.boolean(), (a, b, withTitle) => {
        const keys = new StructureKeys();
        expect(keys.key(a, withTitle) === keys.key(b, withTitle)).toBe(oldKey(a, withTitle) === oldKey(b, withTitle));
        expect(keys.key(a, withTitle)).toBe(keys.key(structuredClone(a), withTitle));
      }),
      { seed: 20261206, numRuns: 3000 },
    );
  });

  // Every node of a tree, depth first (for the one-edit copies below).
  const nodes = (s: SchemaModel): SchemaModel[] => [s, ...(s.properties ?? []).flatMap((p) => nodes(p.schema)), ...(s.items ? nodes(s.items) : [])];
  const EDITS: ((s: SchemaModel) => void)[] = [
    () => undefined,
    (s) => s.properties?.length && (s.properties[0].required = !s.properties[0].required),
    (s) => (s.description = s.description === 'a' ? 'b' : 'a'),
    (s) => delete s.title,
    (s) => s.properties?.length && (s.properties[0].name = 'n,1'),
    (s) => (s.source = { file: 'g.txt', line: 99 }),
    (s) => (s.enum = ['x', 'y']),
  ];

  it('a copy with one edit somewhere gets an equal key exactly when the serialisations are equal', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(EDITS.length - 1), fc.boolean(), (a, at, edit, withTitle) => {
        const b = structuredClone(a);
        const all = nodes(b);
        EDITS[edit](all[at % all.length]);
        const keys = new StructureKeys();
        expect(keys.key(a, withTitle) === keys.key(b, withTitle)).toBe(oldKey(a, withTitle) === oldKey(b, withTitle));
      }),
      { seed: 20261206, numRuns: 3000 },
    );
  });
});
