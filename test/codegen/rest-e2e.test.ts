/**
 * The client of a spec that names no vendor (test/fixtures/codegen/rest-features.openapi.yaml)
 * over real HTTP against a loopback server: one call per security scheme kind, per request body
 * media type and per response media type, each checked on what the server received.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDoc, generateInto, typecheck, type Generated } from './helpers.ts';
import { PNG, XML, parseMultipart, startEchoServer, type EchoServer } from './echo-server.ts';

type Obj = Record<string, unknown>;
type Method = (input?: Obj, init?: { signal?: AbortSignal }) => Promise<unknown>;
type Builder = (input?: Obj, options?: Obj) => { method: string; url: string; headers: Record<string, string>; body?: unknown };

let g: Generated;
let server: EchoServer;
let createClient: (options: Obj) => Record<string, Method>;
let builders: Record<string, Builder>;

const AUTH = {
  bearerAuth: 'bearer-TOKEN-1',
  basicAuth: { username: 'ann', password: 'pä:ss' },
  headerKey: 'hdr-KEY-2',
  queryKey: 'q&KEY=3',
  cookieKey: 'cookie KEY;4',
  oauth: 'oauth-TOKEN-5',
  oidc: 'oidc-TOKEN-6',
  tokenScheme: 'custom-7',
};

beforeAll(async () => {
  g = await generateInto(await fixtureDoc('rest-features.openapi.yaml'), 'rest-e2e');
  server = await startEchoServer();
  ({ createClient } = await g.import<{ createClient: typeof createClient }>('client.ts'));
  ({ builders } = await g.import<{ builders: typeof builders }>('builders.ts'));
});
afterAll(async () => {
  await server?.close();
  await g?.cleanup();
});

const client = (auth: Obj = AUTH, extra: Obj = {}) => createClient({ endpoint: server.url, auth, retries: 0, ...extra });
const query = () => new URL(server.last().url, 'http://x').searchParams;

describe('authentication from the spec\'s security schemes', () => {
  it.each([
    ['http bearer (document-level security)', 'authBearer', (h: Obj) => expect(h.authorization).toBe('Bearer bearer-TOKEN-1')],
    ['http basic', 'authBasic', (h: Obj) => expect(Buffer.from(String(h.authorization).replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('ann:pä:ss')],
    ['apiKey in a header', 'authHeader', (h: Obj) => expect(h['x-api-key']).toBe('hdr-KEY-2')],
    ['apiKey in the query', 'authQuery', () => expect(query().get('api_key')).toBe('q&KEY=3')],
    ['apiKey in a cookie', 'authCookie', (h: Obj) => expect(h.cookie).toBe('session=cookie%20KEY%3B4')],
    ['oauth2 (caller-supplied token)', 'authOauth', (h: Obj) => expect(h.authorization).toBe('Bearer oauth-TOKEN-5')],
    ['openIdConnect (caller-supplied token)', 'authOidc', (h: Obj) => expect(h.authorization).toBe('Bearer oidc-TOKEN-6')],
    ['another http scheme', 'authCustom', (h: Obj) => expect(h.authorization).toBe('Token custom-7')],
  ] as const)('%s', async (_, op, check) => {
    await client()[op]();
    const h = server.last().headers;
    check(h);
    // exactly one credential: the operation's scheme only
    const others = ['authorization', 'x-api-key', 'cookie'].filter((k) => h[k] !== undefined);
    expect(others.length + (query().has('api_key') ? 1 : 0)).toBe(1);
  });

  it('sends nothing for security: [] even when credentials are configured (operation "public": a reserved word, so publicOp)', async () => {
    await client().publicOp();
    const s = server.last();
    expect(s.headers.authorization).toBeUndefined();
    expect(s.headers['x-api-key']).toBeUndefined();
    expect(s.url).toBe('/public');
  });

  it('uses the first requirement whose schemes all have credentials (AND within, OR between)', async () => {
    await client().authEither();
    expect(server.last().headers['x-api-key']).toBe('hdr-KEY-2');
    expect(query().get('api_key')).toBe('q&KEY=3');
    expect(server.last().headers.authorization).toBeUndefined();
    await client({ headerKey: 'only-half', basicAuth: { username: 'u', password: 'p' } }).authEither();
    expect(server.last().headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(server.last().headers['x-api-key']).toBeUndefined();
  });

  it('asks a credential function for every request (tokens that change)', async () => {
    let n = 0;
    const c = client({ bearerAuth: async () => `t${++n}` });
    await c.authBearer();
    await c.authBearer();
    expect(server.seen.slice(-2).map((s) => s.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('keeps credentials out of error messages', async () => {
    const c = createClient({ endpoint: 'http://127.0.0.1:1', auth: AUTH, retries: 0 });
    const err = (await c.authBearer().catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/NetworkError/);
    for (const secret of ['bearer-TOKEN-1']) expect(JSON.stringify(err) + err.message).not.toContain(secret);
  });
});

describe('request bodies by media type', () => {
  it('application/json', async () => {
    await client().sendJson({ body: { name: 'Rex', tags: ['dog'] } });
    const s = server.last();
    expect(s.headers['content-type']).toBe('application/json');
    expect(JSON.parse(s.body.toString('utf8'))).toEqual({ name: 'Rex', tags: ['dog'] });
  });

  it('application/merge-patch+json (a +json type)', async () => {
    await client().sendMergePatch({ id: 7, body: { name: null } });
    const s = server.last();
    expect(s.method).toBe('PATCH');
    expect(s.url).toBe('/bodies/merge/7');
    expect(s.headers['content-type']).toBe('application/merge-patch+json');
    expect(JSON.parse(s.body.toString('utf8'))).toEqual({ name: null });
  });

  it('application/x-www-form-urlencoded, arrays repeated, deepObject per the Encoding Object', async () => {
    await client().sendForm({ body: { name: 'Rex & Co', tags: ['a', 'b c'], meta: { color: 'brown' } } });
    const s = server.last();
    expect(s.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect([...new URLSearchParams(s.body.toString('utf8'))]).toEqual([
      ['name', 'Rex & Co'],
      ['tags', 'a'],
      ['tags', 'b c'],
      ['meta[color]', 'brown'],
    ]);
  });

  it('multipart/form-data: the file arrives as a file with its bytes, arrays as repeated parts, objects as JSON', async () => {
    const file = new File([PNG], 'pixel.png', { type: 'image/png' });
    const second = new Blob([new Uint8Array([1, 2, 3])]);
    await client().uploadFile({ body: { file, attachments: [second, new Uint8Array([4, 5])], description: 'a picture', tags: ['x', 'y'], meta: { size: PNG.length } } });
    const s = server.last();
    expect(s.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(s.body.includes(Buffer.from(PNG))).toBe(true);
    const form = await parseMultipart(s);
    const got = form.get('file') as File;
    expect(got.name).toBe('pixel.png');
    expect(got.type).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    const att = form.getAll('attachments') as File[];
    expect(await Promise.all(att.map(async (a) => [...new Uint8Array(await a.arrayBuffer())]))).toEqual([[1, 2, 3], [4, 5]]);
    expect(form.get('description')).toBe('a picture');
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    const meta = form.get('meta') as File;
    expect(meta.type).toBe('application/json');
    expect(JSON.parse(await meta.text())).toEqual({ size: PNG.length });
  });

  it('application/octet-stream: the bytes as given', async () => {
    await client().sendBytes({ body: PNG });
    const s = server.last();
    expect(s.method).toBe('PUT');
    expect(s.headers['content-type']).toBe('application/octet-stream');
    expect(new Uint8Array(s.body)).toEqual(PNG);
  });

  it('text/plain', async () => {
    await client().sendText({ body: 'héllo\nworld' });
    const s = server.last();
    expect(s.headers['content-type']).toBe('text/plain');
    expect(s.body.toString('utf8')).toBe('héllo\nworld');
  });
});

describe('responses by media type', () => {
  it('JSON is parsed, XML and text come back as text, an image as a Blob, 204 as undefined', async () => {
    const c = client();
    await expect(c.authBearer()).resolves.toMatchObject({ method: 'GET', url: '/auth/bearer' });
    await expect(c.getXml()).resolves.toBe(XML);
    expect(server.last().headers.accept).toBe('application/xml');
    await expect(c.getText()).resolves.toBe('plain words');
    const image = (await c.getImage()) as Blob;
    expect(image).toBeInstanceOf(Blob);
    expect(image.type).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    await expect(c.deleteNothing()).resolves.toBeUndefined();
  });
});

describe('parameters', () => {
  it('puts each value where its parameter lives, shared names under distinct keys', async () => {
    await client().params({
      path_langCode: 'de',
      query_langCode: 'en',
      ids: [1, 2],
      filter: { status: 'open', since: '2024' },
      pick: ['a', 'b'],
      pipes: ['c', 'd'],
      path: '/x/y?z',
      'X-Trace': 't-1',
      prefs: ['dark', 'big'],
      query_body: 'q',
      class: 'a',
      body: { note: 'n' },
    });
    const s = server.last();
    expect(s.url).toBe('/params/de/items/1,2?langCode=en&filter[status]=open&filter[since]=2024&pick=a%20b&pipes=c|d&path=/x/y?z&body=q&class=a');
    expect(s.headers['x-trace']).toBe('t-1');
    expect(s.headers.cookie).toBe('prefs=dark,big');
    expect(s.headers.accept).toBe('application/json');
    expect(JSON.parse(s.body.toString('utf8'))).toEqual({ note: 'n' });
  });

  it('matrix style in the path', async () => {
    await client().styled({ id: ['a', 'b'] });
    expect(server.last().url).toBe('/params/;id=a;id=b/styled');
  });

  it('names an operation without operationId from method and path', async () => {
    await client().getAnonymousItemId({ 'item-id': 'i 1' });
    expect(server.last().url).toBe('/anonymous/i%201');
    await client().deleteOp({ 'item-id': 'i' });
    expect(server.last().method).toBe('DELETE');
  });
});

describe('servers', () => {
  it('builders start from the document, path-item or operation server (never a relative URL)', () => {
    expect(builders.authBearer().url).toBe('https://demo.api.example.test/v1/auth/bearer');
    expect(builders.authBearer({}, { serverVariables: { tenant: 'acme' } }).url).toBe('https://acme.api.example.test/v1/auth/bearer');
    expect(builders.operationServer().url).toBe('https://files.example.test/beta/servers/operation');
    expect(builders.pathServer().url).toBe('https://path-level.example.test/servers/path');
  });
});

describe('the generated code', () => {
  it('mentions no vendor in its client, options or runtime, and its banner points at the spec', () => {
    for (const [name, content] of g.files) {
      if (!name.endsWith('.ts')) continue;
      expect(content, name).not.toMatch(/alibaba|aliyun|huawei|HUAWEICLOUD|ALIBABA_CLOUD|X-Auth-Token|AccessKey/i);
      expect(content.split('\n')[0], name).toMatch(/DO NOT EDIT: change the spec and run `refspec generate` again\./);
    }
    expect([...g.files.keys()].filter((f) => f.startsWith('runtime/')).sort()).toEqual(['runtime/encode.ts', 'runtime/http.ts', 'runtime/request.ts', 'runtime/rest-core.ts', 'runtime/types.ts']);
  });

  it('type-checks under tsc --strict, with typed credentials and file uploads (and rejects wrong ones)', async () => {
    const usage = join(g.dir, 'usage.ts');
    await writeFile(
      usage,
      [
        "import { createClient } from './client.ts';",
        "const c = createClient({ auth: { bearerAuth: 't', basicAuth: { username: 'u', password: 'p' }, oauth: async () => 'x' } });",
        "export const a = c.uploadFile({ body: { file: new Blob(['x']), tags: ['t'] } });",
        "export const b: Promise<Blob> = c.getImage();",
        "export const d: Promise<string> = c.getXml();",
        "export const e = c.params({ path_langCode: 'de', ids: [1] });",
        '// @ts-expect-error basic needs { username, password }',
        "createClient({ auth: { basicAuth: 'u:p' } });",
        '// @ts-expect-error the enum is "a" | "b"',
        "c.params({ path_langCode: 'de', ids: [1], class: 'c' });",
        '// @ts-expect-error no scheme of that name',
        "createClient({ auth: { nope: 'x' } });",
      ].join('\n'),
    );
    const files = [...g.files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(g.dir, f));
    expect(typecheck([...files, usage])).toEqual([]);
  });
});
