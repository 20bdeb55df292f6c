/**
 * Reading any OpenAPI document for codegen (scripts/codegen/load.ts + model.ts): `$ref`s resolved
 * by Redocly wherever OpenAPI allows them (other files included, never URLs), bad input refused
 * with one line, and the names generation needs made up and reported.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../scripts/extract/types.ts';
import { loadApi } from '../../scripts/codegen/index.ts';
import { generateInto, typecheck } from './helpers.ts';

type Obj = Record<string, any>;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'refspec-load-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const base = (paths: Obj, components: Obj = {}): Obj => ({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths, components });
const ok = { '200': { description: 'ok' } };

async function failure(doc: unknown, sourceFile?: string): Promise<string> {
  try {
    await loadApi(doc, { specPath: 'spec.yaml', ...(sourceFile ? { sourceFile } : {}) });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('bad input: one line naming the file', () => {
  it.each([
    ['Swagger 2.0', { swagger: '2.0', info: {}, paths: {} }, /^spec\.yaml: not an OpenAPI 3 document \(Swagger 2\.0; convert it/],
    ['no openapi field', { info: {}, paths: {} }, /^spec\.yaml: not an OpenAPI 3 document \(no "openapi" field\)/],
    ['OpenAPI 4', { openapi: '4.0.0', paths: {} }, /"openapi: 4\.0\.0"/],
    ['a list', [1, 2], /expected a YAML\/JSON object/],
    ['paths not an object', { openapi: '3.1.0', paths: [] }, /"paths" is not an object/],
    ['a $ref to nothing', base({ '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }], responses: ok } } }), /cannot resolve a \$ref.*#\/paths\/~1a\/get\/parameters\/0/],
    ['a $ref to a URL', base({ '/a': { get: { responses: { '200': { description: 'x', content: { 'application/json': { schema: { $ref: 'https://example.test/s.json' } } } } } } } }), /"https:\/\/example\.test\/s\.json" is a URL and is not fetched/],
  ])('%s', async (_, doc, message) => {
    const text = await failure(doc);
    expect(text).toMatch(message);
    expect(text.split('\n')).toHaveLength(1);
  });

  it('a $ref to a file that does not exist', async () => {
    const doc = base({ '/a': { get: { responses: { '200': { $ref: './missing.yaml#/Ok' } } } } });
    expect(await failure(doc, join(dir, 'spec.yaml'))).toMatch(/^spec\.yaml: cannot resolve a \$ref.*missing\.yaml/);
  });
});

describe('references', () => {
  it('pulls in other files (parameters, responses, schemas by their names) and leaves the caller\'s object alone', async () => {
    await writeFile(join(dir, 'parts.yaml'), stringify({ Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } }, Pet: { type: 'object', properties: { name: { type: 'string' } } } }));
    await writeFile(join(dir, 'pet.json'), JSON.stringify({ name: 'Rex' }));
    const doc = base({
      '/pets': {
        get: {
          operationId: 'listPets',
          parameters: [{ $ref: './parts.yaml#/Limit' }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: './parts.yaml#/Pet' }, examples: { file: { externalValue: './pet.json' }, web: { externalValue: 'https://example.test/pet.json' } } } } } },
        },
      },
    });
    const before = structuredClone(doc);
    const api = await loadApi(doc, { specPath: 'spec.yaml', sourceFile: join(dir, 'spec.yaml') });
    expect(doc).toEqual(before);
    const op = api.operations[0];
    expect(op.params.map((p) => [p.name, p.in, p.schema.type])).toEqual([['limit', 'query', 'integer']]);
    expect(op.success?.examples).toEqual([{ name: 'file', value: { name: 'Rex' } }]);
    expect(api.diagnostics.map((d) => d.id)).toContain('example-not-read');
    expect(Object.keys((api.doc.components as Obj).schemas)).toEqual(['Pet']);
  });

  it('follows $refs to parameters, request bodies, responses, examples and path items', async () => {
    const doc = base(
      {
        '/a/{id}': { $ref: '#/components/pathItems/A' },
      },
      {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
        requestBodies: { Pet: { required: true, content: { 'application/json': { schema: { type: 'object' }, examples: { rex: { $ref: '#/components/examples/Rex' } } } } } },
        examples: { Rex: { summary: 'Rex', value: { name: 'Rex' } } },
        responses: { Ok: { description: 'fine', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    );
    doc.openapi = '3.1.0';
    (doc.components as Obj).pathItems = { A: { parameters: [{ $ref: '#/components/parameters/Id' }], post: { operationId: 'createA', requestBody: { $ref: '#/components/requestBodies/Pet' }, responses: { '200': { $ref: '#/components/responses/Ok' } } } } };
    const api = await loadApi(doc, { specPath: 'spec.yaml' });
    const op = api.operations[0];
    expect(op.params.map((p) => p.name)).toEqual(['id']);
    expect(op.body).toMatchObject({ contentType: 'application/json', required: true, examples: [{ name: 'rex', summary: 'Rex', value: { name: 'Rex' } }] });
    expect(op.success).toMatchObject({ status: '200', contentType: 'text/plain', kind: 'text' });
  });
});

describe('names', () => {
  it('names operations without operationId from method and path, makes duplicates unique, and reports both', async () => {
    const doc = base({
      '/users/{id}': { get: { responses: ok }, delete: { operationId: 'remove', responses: ok } },
      '/others/{id}': { delete: { operationId: 'remove', responses: ok } },
    });
    const api = await loadApi(doc, { specPath: 'spec.yaml' });
    expect(api.operations.map((o) => [o.operationId, o.fnName])).toEqual([
      ['getUsersId', 'getUsersId'],
      ['remove', 'remove'],
      ['remove_2', 'remove2'],
    ]);
    expect(api.diagnostics.map((d) => d.message)).toEqual([
      'GET /users/{id} has no operationId; named "getUsersId" in the generated code (from method and path)',
      'DELETE /others/{id}: operationId "remove" is used by another operation; this one is named "remove_2" in the generated code',
    ]);
  });

  it('gives a path item shared by two paths one operation per path', async () => {
    const doc = base({ '/a': { get: { operationId: 'getIt', responses: ok } }, '/b': { $ref: '#/paths/~1a' } });
    const api = await loadApi(doc, { specPath: 'spec.yaml' });
    expect(api.operations.map((o) => [o.operationId, o.wirePath])).toEqual([
      ['getIt', '/a'],
      ['getIt_2', '/b'],
    ]);
  });

  it('strips a fragment from the wire path and takes constants as fixed values, with no vendor assumed from the path', async () => {
    const doc = base({ '/#Action=Run': { get: { operationId: 'Run', parameters: [{ name: 'Action', in: 'query', required: true, schema: { type: 'string', enum: ['Run'] } }], responses: ok } } });
    const api = await loadApi(doc, { specPath: 'spec.yaml' });
    expect(api.kind).toBe('rest');
    expect(api.operations[0]).toMatchObject({ wirePath: '/', params: [{ name: 'Action', const: 'Run' }] });
  });
});

describe('a query-protocol API with /#Action= paths that names no vendor signing (AWS query style)', () => {
  const action = (name: string) => ({ name: 'Action', in: 'query', required: true, schema: { type: 'string', enum: [name] } });
  const version = { name: 'Version', in: 'query', required: true, schema: { type: 'string', enum: ['2016-11-15'] } };
  const xml = { '200': { description: 'Success', content: { 'text/xml': { schema: { type: 'object', properties: { requestId: { type: 'string' } } } } } } };
  const doc = {
    openapi: '3.0.0',
    info: { title: 'Query API', version: '2016-11-15', 'x-logo': { url: 'https://example.test/logo.png' } },
    servers: [{ url: 'https://compute.{region}.example.test', variables: { region: { default: 'us-east-1' } } }],
    security: [{ hmac: [] }],
    paths: {
      '/#Action=DescribeThings': {
        parameters: [{ name: 'X-Amz-Date', in: 'header', schema: { type: 'string' } }],
        get: { operationId: 'GET_DescribeThings', parameters: [{ name: 'ThingId', in: 'query', schema: { type: 'array', items: { type: 'string' } } }, action('DescribeThings'), version], responses: xml },
        post: {
          operationId: 'POST_DescribeThings',
          parameters: [action('DescribeThings'), version],
          requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { ThingId: { type: 'array', items: { type: 'string' } } } } } } },
          responses: xml,
        },
      },
    },
    components: { securitySchemes: { hmac: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' } } },
  };

  it('is sent as the spec says, unsigned: Action and Version as fixed query values, the caller\'s Authorization, the neutral runtime', async () => {
    const g = await generateInto(doc, 'aws-query');
    try {
      expect(g.api.kind).toBe('rest');
      expect([...g.files.keys()].filter((f) => f.startsWith('runtime/'))).not.toContain('runtime/alibaba-rpc.ts');
      // A leading run of capitals is one word in function names.
      expect(g.api.operations.map((o) => o.fnName)).toEqual(['getDescribeThings', 'postDescribeThings']);
      const { builders } = await g.import<{ builders: Record<string, (i?: Obj, o?: Obj) => { url: string; headers: Record<string, string>; body?: unknown } > }>('builders.ts');
      const get = builders.GET_DescribeThings({ ThingId: ['a', 'b'] });
      expect(get.url).toBe('https://compute.us-east-1.example.test/?ThingId=a&ThingId=b&Action=DescribeThings&Version=2016-11-15');
      const post = builders.POST_DescribeThings({ body: { ThingId: ['a'] } });
      expect(post.url).toBe('https://compute.us-east-1.example.test/?Action=DescribeThings&Version=2016-11-15');
      expect(post.body).toBe('ThingId=a');
      const { createClient } = await g.import<{ createClient: (o: Obj) => Record<string, (i?: Obj) => Promise<unknown>> }>('client.ts');
      const seen: Request[] = [];
      const fetch = async (url: string, init: RequestInit) => (seen.push(new Request(url, init)), new Response('<r/>', { headers: { 'content-type': 'text/xml' } }));
      expect(await createClient({ auth: { hmac: 'AWS4-HMAC-SHA256 Credential=AKID' }, fetch, retries: 0 }).getDescribeThings()).toBe('<r/>');
      const url = new URL(seen[0].url);
      expect([...url.searchParams.keys()]).toEqual(['Action', 'Version']);
      expect(seen[0].headers.get('authorization')).toBe('AWS4-HMAC-SHA256 Credential=AKID');
      const files = [...g.files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(g.dir, f));
      expect(typecheck(files)).toEqual([]);
    } finally {
      await g.cleanup();
    }
  });
});

describe('what openapi-typescript cannot follow is rewritten so every document types', () => {
  it('discriminator mappings that name schemas, and schema $refs into paths, compile', async () => {
    const doc = base(
      {
        '/a': {
          get: {
            operationId: 'getA',
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { other: { $ref: '#/paths/~1b/post/requestBody/content/application~1json/schema/properties/inner' } } } } } } },
          },
        },
        '/b': {
          post: {
            operationId: 'postB',
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { inner: { type: 'object', properties: { n: { type: 'integer' } } } } } } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
          },
        },
      },
      {
        schemas: {
          Pet: { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping: { dog: 'Dog', cat: '#/components/schemas/Cat' } } },
          Dog: { type: 'object', properties: { kind: { type: 'string' } } },
          Cat: { type: 'object', properties: { kind: { type: 'string' } } },
        },
      },
    );
    const g = await generateInto(doc, 'load-rewrite');
    try {
      expect(((g.api.doc.components as Obj).schemas.Pet.discriminator.mapping as Obj).dog).toBe('#/components/schemas/Dog');
      expect(g.api.diagnostics.map((d) => d.id)).toContain('ref-target-hoisted');
      const files = [...g.files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(g.dir, f));
      expect(typecheck(files)).toEqual([]);
    } finally {
      await g.cleanup();
    }
  });
});
