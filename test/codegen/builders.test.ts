/**
 * Generated request builders: pure, deterministic given a clock and nonce, parameters placed and
 * serialised as the spec says (RPC JSON-string / repeat-list / flat; REST path, query, header, body).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDoc, generateInto, type Generated } from './helpers.ts';
import { generateApi } from '../../scripts/codegen/index.ts';
import { decodeQuery } from '../../templates/runtime/encode.ts';
import { signRpcRequest } from '../../templates/runtime/alibaba-rpc.ts';
import { AlibabaCredentials } from '../../templates/runtime/credentials.ts';
import type { BuiltRequest, BuildOptions } from '../../templates/runtime/types.ts';

type Builder = (input: Record<string, unknown>, options?: BuildOptions) => BuiltRequest;

let ali: Generated;
let hw: Generated;
let aB: Record<string, Builder>;
let hB: Record<string, Builder>;

beforeAll(async () => {
  ali = await generateInto(await fixtureDoc('alibaba-mini.openapi.yaml'), 'builders-ali');
  hw = await generateInto(await fixtureDoc('huawei-mini.openapi.yaml'), 'builders-hw');
  aB = (await ali.import<{ builders: Record<string, Builder> }>('builders.ts')).builders;
  hB = (await hw.import<{ builders: Record<string, Builder> }>('builders.ts')).builders;
});
afterAll(async () => {
  await ali?.cleanup();
  await hw?.cleanup();
});

const query = (r: BuiltRequest) => decodeQuery(new URL(r.url).search);

describe('RPC builders', () => {
  it('put Action and Version (constants) first-class and serialise each parameter style', () => {
    const r = aB.DescribeThings({ ServiceMeshId: 'm-1', Names: ['a', 'b'], Ids: ['x', 'y'], Limit: 10, Verbose: false }, { endpoint: 'https://servicemesh.aliyuncs.com' });
    expect(r.method).toBe('GET');
    expect(r.url.startsWith('https://servicemesh.aliyuncs.com/?')).toBe(true);
    expect(query(r)).toEqual([
      ['Action', 'DescribeThings'],
      ['ServiceMeshId', 'm-1'],
      ['Limit', '10'],
      ['Verbose', 'false'],
      ['Names', '["a","b"]'],
      ['Ids.1', 'x'],
      ['Ids.2', 'y'],
      ['Version', '2020-01-11'],
    ]);
    expect(r.body).toBeUndefined();
  });

  it('passes ready-made JSON text of a JSON-string parameter through verbatim', () => {
    const r = aB.DescribeThings({ ServiceMeshId: 'm', Names: '[ "a" ]' }, { endpoint: 'https://e' });
    expect(query(r)).toContainEqual(['Names', '[ "a" ]']);
  });

  it('rejects a missing required parameter with a BuildError naming it', () => {
    expect(() => aB.DescribeThings({})).toThrow(/DescribeThings: missing required parameter "ServiceMeshId"/);
  });

  it('is deterministic: same input, clock and nonce -> identical signed request', () => {
    const creds = new AlibabaCredentials('id', 'secret');
    const opts: BuildOptions = {
      endpoint: 'https://e',
      now: () => new Date('2022-07-12T00:00:00Z'),
      nonce: () => 'n-1',
      sign: (req, ctx) => signRpcRequest(req, creds, ctx),
    };
    const a = aB.DescribeThings({ ServiceMeshId: 'm', Ids: ['1'] }, opts);
    const b = aB.DescribeThings({ ServiceMeshId: 'm', Ids: ['1'] }, opts);
    expect(a).toEqual(b);
    const c = aB.DescribeThings({ ServiceMeshId: 'm', Ids: ['1'] }, { ...opts, nonce: () => 'n-2' });
    expect(c.url).not.toBe(a.url);
  });

  it('does no I/O: a builder works with fetch removed (and starts from the spec\'s server without an endpoint)', () => {
    const saved = globalThis.fetch;
    (globalThis as { fetch?: unknown }).fetch = undefined;
    try {
      expect(aB.DeleteThing({ ThingId: 'a*/b' }).url).toBe('https://servicemesh.aliyuncs.com/?Action=DeleteThing&ThingId=a%2A%2Fb&Version=2020-01-11');
    } finally {
      globalThis.fetch = saved;
    }
  });
});

describe('REST builders', () => {
  it('place path, query and body as the spec says', () => {
    const r = hB.CreateMesh({ project_id: 'p 1', body: { apiVersion: 'v1', kind: 'Mesh', metadata: { name: 'm' }, spec: {} } }, { endpoint: 'https://asm.x.com/' });
    expect(r).toEqual({
      method: 'POST',
      url: 'https://asm.x.com/v1/p%201/meshes',
      headers: { 'Content-Type': 'application/json' },
      body: '{"apiVersion":"v1","kind":"Mesh","metadata":{"name":"m"},"spec":{}}',
    });
    const l = hB.ListMeshes({ project_id: 'p', limit: 5 }, { endpoint: 'https://asm.x.com' });
    expect(l.url).toBe('https://asm.x.com/v1/p/meshes?limit=5');
    const d = hB.DeleteMesh({ project_id: 'p', mesh_id: 'm', 'X-Request-Tag': 't' });
    // no endpoint: the first server, its variable at the spec's default (never a relative URL)
    expect(d).toEqual({ method: 'DELETE', url: 'https://asm.cn-north-4.myhuaweicloud.com/v1/p/meshes/m', headers: { 'X-Request-Tag': 't' } });
    expect(hB.DeleteMesh({ project_id: 'p', mesh_id: 'm' }, { serverVariables: { region: 'ap-southeast-1' } }).url).toBe('https://asm.ap-southeast-1.myhuaweicloud.com/v1/p/meshes/m');
  });

  it('leaves token and Content-Type headers out of the input (the client and the body set them)', () => {
    const src = hw.files.get('builders.ts')!;
    const listInput = /export interface ListMeshesInput \{[^}]*\}/.exec(src)![0];
    expect(listInput).not.toMatch(/X-Auth-Token/);
    expect(src).not.toMatch(/"Content-Type"\??:/);
  });

  it('requires a required body', () => {
    expect(() => hB.CreateMesh({ project_id: 'p' })).toThrow(/missing required request body/);
  });
});

describe('generation', () => {
  it('is byte-identical across runs and every file starts with the do-not-edit banner', async () => {
    const doc = await fixtureDoc('alibaba-mini.openapi.yaml');
    const a = await generateApi(doc, { specPath: 'x.yaml', html: false });
    const b = await generateApi(structuredClone(doc), { specPath: 'x.yaml', html: false });
    expect([...a.files.entries()]).toEqual([...b.files.entries()]);
    for (const [name, content] of a.files) {
      expect(content.split('\n', 2).join('\n'), name).toMatch(/DO NOT EDIT/);
    }
  });

  it('rejects a document that is not OpenAPI 3', async () => {
    await expect(generateApi({ swagger: '2.0' }, { specPath: 'old.yaml', html: false })).rejects.toThrow(/old.yaml: not an OpenAPI 3 document/);
  });
});

describe('names', () => {
  it('never clash with each other or with the modules\' own exports', async () => {
    const doc = await fixtureDoc('huawei-mini.openapi.yaml');
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    paths['/x/{project_id}/a'] = { get: { ...paths['/v1/{project_id}/meshes'].get, operationId: 'Builders' } };
    paths['/x/{project_id}/b'] = { get: { ...paths['/v1/{project_id}/meshes'].get, operationId: 'ListMeshesOperation' } };
    paths['/x/{project_id}/c'] = { get: { ...paths['/v1/{project_id}/meshes'].get, operationId: 'list-meshes' } };
    paths['/x/{project_id}/d'] = { get: { ...paths['/v1/{project_id}/meshes'].get, operationId: 'delete' } };
    const g = await generateInto(doc, 'names');
    try {
      const names = g.api.operations.map((o) => o.fnName);
      expect(new Set(names).size).toBe(names.length);
      expect(names).not.toContain('builders');
      expect(names).toContain('deleteOp');
      const mod = await g.import<{ builders: Record<string, unknown> }>('builders.ts');
      expect(Object.keys(mod.builders).sort()).toEqual(['Builders', 'CreateMesh', 'DeleteMesh', 'ListMeshes', 'ListMeshesOperation', 'delete', 'list-meshes'].sort());
      const { typecheck } = await import('./helpers.ts');
      const { join } = await import('node:path');
      expect(typecheck([join(g.dir, 'client.ts')])).toEqual([]);
    } finally {
      await g.cleanup();
    }
  });
});
