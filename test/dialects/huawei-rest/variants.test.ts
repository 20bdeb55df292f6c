import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import type { PropertyModel, SchemaModel } from '../../../scripts/model/types.ts';
import { describeDifferences, nameVariants, structureKey } from '../../../scripts/dialects/huawei-rest/variants.ts';

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
