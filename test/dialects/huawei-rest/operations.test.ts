import { describe, expect, it } from 'vitest';
import { parseHuawei } from '../../../scripts/dialects/huawei-rest/parse.ts';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { fixtureDoc } from './helpers.ts';

// The CreateServiceMesh section alone (manual lines 352-731): no Authentication section, no
// appendix, so what is built comes from the section itself.
const { model, diagnostics } = parseHuawei(fixtureDoc('create-section.txt'));
const op = model.operations[0];
const prop = (s: SchemaModel | undefined, name: string) => s?.properties?.find((p) => p.name === name);

describe('one operation section', () => {
  it('yields the operation with summary, description, tag and a stable operationId', () => {
    expect(model.operations).toHaveLength(1);
    expect(op).toMatchObject({
      operationId: 'CreateServiceMesh',
      method: 'post',
      path: '/v1/{project_id}/meshes',
      summary: 'Creating a Service Mesh',
      description: 'This API is used to create a service mesh.',
      tags: ['Service Mesh'],
    });
    expect(op.source).toMatchObject({ line: 5, endLine: 379 });
  });

  it('path parameters from Table 4-1; Content-Type becomes the body media type; X-Auth-Token stays a header when no scheme claims it', () => {
    expect(op.parameters.map((p) => [p.name, p.in, p.required, p.schema.type])).toEqual([
      ['project_id', 'path', true, 'string'],
      ['X-Auth-Token', 'header', true, 'string'],
    ]);
    expect(op.requestBody?.contentType).toBe('application/json');
    expect(diagnostics.map((d) => d.id)).toContain('header-as-content-type');
  });

  it('request body from Table 4-3 honours Mandatory, down the nesting', () => {
    const body = op.requestBody!.schema;
    expect(body.properties!.map((p) => [p.name, p.required])).toEqual([
      ['apiVersion', true],
      ['kind', true],
      ['metadata', true],
      ['spec', true],
    ]);
    const spec = prop(body, 'spec')!.schema;
    expect(spec.title).toBe('MeshSpec');
    expect(spec.properties!.map((p) => [p.name, p.required])).toEqual([
      ['type', true],
      ['version', true],
      ['extendParams', true],
      ['ipv6Enable', false],
      ['config', false],
    ]);
    const cluster = prop(prop(spec, 'extendParams')!.schema, 'clusters')!.schema.items!;
    expect(cluster.properties!.map((p) => [p.name, p.required])).toEqual([
      ['clusterID', true],
      ['injection', false],
      ['installation', true],
    ]);
    const selector = prop(prop(cluster, 'installation')!.schema, 'nodes')!.schema;
    expect(prop(prop(selector, 'fieldSelector')!.schema, 'values')!.schema).toMatchObject({ type: 'array', items: { type: 'string' } });
  });

  it('responses per status code, described by the Status Codes table, with body schemas', () => {
    expect(op.responses.map((r) => [r.status, r.description, r.schema?.properties?.map((p) => p.name)])).toEqual([
      ['201', 'The service mesh creation task is delivered and the service mesh creation starts.', ['apiVersion', 'kind', 'metadata', 'spec', 'status']],
      ['400', 'Verification failed due to incorrect parameters for creating the service mesh.', ['errorCode', 'errorMsg']],
      ['409', 'The service mesh to be created conflicts with an existing service mesh.', ['errorCode', 'errorMsg']],
      ['500', 'An error occurs during the service mesh creation.', ['errorCode', 'errorMsg']],
    ]);
    expect(op.responses[1].schema!.componentName).toBe('ErrorResponse');
  });

  it('keeps the recoverable 201 example and leaves out the request example that lacks required fields', () => {
    expect(op.requestBody!.examples).toEqual([]);
    const dropped = diagnostics.find((d) => d.id === 'example-dropped')!;
    expect(dropped.source).toMatchObject({ line: 310, endLine: 338 });
    expect(dropped.message).toContain('lacks required "apiVersion"');
    const ex = op.responses[0].examples[0];
    expect(ex.value).toMatchObject({ kind: 'Mesh', apiVersion: 'v1', metadata: { name: 'mesh-test-api' }, spec: { type: 'InCluster', version: '1.18.7-r5' } });
    expect(Object.keys(ex.value as object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
});
