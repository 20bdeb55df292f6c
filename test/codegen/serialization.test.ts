/**
 * Parameter and body serialisation of the runtime, table-driven against the OpenAPI
 * Specification's "Style Examples" (parameter `color` = "blue", ["blue","black","brown"],
 * {R:100,G:200,B:150}); label follows RFC 6570 §3.2.5, which OpenAPI names as its definition
 * (`{.list}` = `.red,green,blue`, `{.list*}` = `.red.green.blue`).
 */
import { describe, expect, it } from 'vitest';
import { buildRequest, cookiePair, formBody, headerValue, multipartBody, pathValue, queryPairs } from '../../templates/runtime/request.ts';
import type { OperationDescriptor, ParamDescriptor, ParamStyle } from '../../templates/runtime/types.ts';

const STRING = 'blue';
const ARRAY = ['blue', 'black', 'brown'];
const OBJECT = { R: 100, G: 200, B: 150 };

const p = (location: ParamDescriptor['in'], style: ParamStyle, explode?: boolean): ParamDescriptor => ({ name: 'color', in: location, required: false, style, ...(explode !== undefined ? { explode } : {}) });

describe('path styles', () => {
  it.each([
    ['simple', false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    ['simple', true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
    ['label', false, '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
    ['label', true, '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
    ['matrix', false, ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
    ['matrix', true, ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ] as const)('%s explode=%s', (style, explode, string, array, object) => {
    const d = p('path', style, explode);
    expect(pathValue(d, STRING)).toBe(string);
    expect(pathValue(d, ARRAY)).toBe(array);
    expect(pathValue(d, OBJECT)).toBe(object);
  });

  it('plain is simple, values percent-encoded, delimiters literal', () => {
    expect(pathValue(p('path', 'plain'), ['a,b', 'c/d'])).toBe('a%2Cb,c%2Fd');
  });
});

describe('query styles', () => {
  it.each([
    ['form', false, 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    ['form', true, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
    ['spaceDelimited', false, 'color=blue', 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
    ['pipeDelimited', false, 'color=blue', 'color=blue|black|brown', 'color=R|100|G|200|B|150'],
    ['deepObject', true, 'color=blue', 'color[0]=blue&color[1]=black&color[2]=brown', 'color[R]=100&color[G]=200&color[B]=150'],
    ['plain', undefined, 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ] as const)('%s explode=%s', (style, explode, string, array, object) => {
    const d = p('query', style, explode);
    expect(queryPairs(d, STRING).join('&')).toBe(string);
    expect(queryPairs(d, ARRAY).join('&')).toBe(array);
    expect(queryPairs(d, OBJECT).join('&')).toBe(object);
  });

  it('keeps a delimiter inside a value distinguishable from one between values', () => {
    expect(queryPairs(p('query', 'form', false), ['a,b', 'c']).join('&')).toBe('color=a%2Cb,c');
  });

  it('allowReserved leaves reserved characters as they are, but not those that would end the value', () => {
    const d: ParamDescriptor = { ...p('query', 'plain'), allowReserved: true };
    expect(queryPairs(d, 'a/b:c?d[e]@f!g,h;i&j=k#l+m').join('&')).toBe('color=a/b:c?d[e]@f!g,h;i%26j%3Dk%23l%2Bm');
    expect(queryPairs(p('query', 'plain'), 'a/b').join('&')).toBe('color=a%2Fb');
  });

  it('deepObject nests further objects by brackets', () => {
    expect(queryPairs(p('query', 'deepObject', true), { a: { 'b c': 1 }, d: [true] }).join('&')).toBe('color[a][b%20c]=1&color[d][0]=true');
  });
});

describe('headers and cookies', () => {
  it.each([
    [false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    [true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ] as const)('header simple explode=%s', (explode, string, array, object) => {
    const d = p('header', 'simple', explode);
    expect(headerValue(d, STRING)).toBe(string);
    expect(headerValue(d, ARRAY)).toBe(array);
    expect(headerValue(d, OBJECT)).toBe(object);
  });

  it('cookie pairs are name=value with encoded values', () => {
    expect(cookiePair(p('cookie', 'plain'), 'a b;c')).toBe('color=a%20b%3Bc');
    expect(cookiePair(p('cookie', 'plain'), ARRAY)).toBe('color=blue,black,brown');
  });
});

describe('bodies', () => {
  it('form-urlencoded honours the Encoding Object (deepObject) and repeats arrays by default', () => {
    const text = formBody({ name: 'Rex & co', tags: ['a', 'b'], meta: { k: 'v' }, skip: undefined }, { meta: { style: 'deepObject', explode: true } });
    expect(text).toBe('name=Rex%20%26%20co&tags=a&tags=b&meta[k]=v');
    // a form parser reads back exactly what was given
    expect([...new URLSearchParams(text)]).toEqual([['name', 'Rex & co'], ['tags', 'a'], ['tags', 'b'], ['meta[k]', 'v']]);
  });

  it('multipart keeps files as files (name, type, bytes), repeats arrays and sends objects as JSON parts', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const form = multipartBody(
      { file: new File([png], 'pic.png', { type: 'image/png' }), raw: png, tags: ['x', 'y'], meta: { a: 1 }, n: 3 },
      { meta: { contentType: 'application/json' }, raw: { contentType: 'application/octet-stream' } },
    );
    const file = form.get('file') as File;
    expect(file.name).toBe('pic.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
    expect(new Uint8Array(await (form.get('raw') as File).arrayBuffer())).toEqual(png);
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    const meta = form.get('meta') as File;
    expect(meta.type).toBe('application/json');
    expect(JSON.parse(await meta.text())).toEqual({ a: 1 });
    expect(form.get('n')).toBe('3');
  });

  it('multipart: a single Encoding contentType labels an untyped Blob, a list of types (or a wildcard) labels nothing', () => {
    const form = multipartBody(
      { one: new Blob(['1']), many: new Blob(['2']), wild: new Blob(['3']), own: new Blob(['4'], { type: 'image/gif' }) },
      { one: { contentType: 'image/png' }, many: { contentType: 'image/png, image/jpeg' }, wild: { contentType: 'image/*' }, own: { contentType: 'image/png' } },
    );
    expect((['one', 'many', 'wild', 'own'] as const).map((k) => (form.get(k) as File).type)).toEqual(['image/png', '', '', 'image/gif']);
  });

  const op = (contentType: string): OperationDescriptor => ({ operationId: 'Op', method: 'POST', path: '/x', style: 'rest', params: [], body: { contentType, required: true } });

  it.each([
    ['application/json', { a: 1 }, '{"a":1}', 'application/json'],
    ['application/merge-patch+json', { a: null }, '{"a":null}', 'application/merge-patch+json'],
    ['application/x-www-form-urlencoded', { a: [1, 2] }, 'a=1&a=2', 'application/x-www-form-urlencoded'],
    ['text/plain', 'hello', 'hello', 'text/plain'],
    ['application/xml', '<a/>', '<a/>', 'application/xml'],
    ['application/octet-stream', 'bytes', 'bytes', 'application/octet-stream'],
  ])('%s body', (contentType, value, body, header) => {
    const r = buildRequest(op(contentType), { body: value }, { endpoint: 'https://h' });
    expect(r.body).toBe(body);
    expect(r.headers['Content-Type']).toBe(header);
  });

  it('multipart leaves Content-Type to fetch (it writes the boundary); binary wildcards take the Blob type', () => {
    const m = buildRequest(op('multipart/form-data'), { body: { a: 'b' } }, { endpoint: 'https://h' });
    expect(m.body).toBeInstanceOf(FormData);
    expect(m.headers['Content-Type']).toBeUndefined();
    const blob = new Blob(['x'], { type: 'image/gif' });
    const b = buildRequest(op('image/*'), { body: blob }, { endpoint: 'https://h' });
    expect(b.body).toBe(blob);
    expect(b.headers['Content-Type']).toBe('image/gif');
  });

  it('refuses a body the media type cannot carry, naming the operation', () => {
    expect(() => buildRequest(op('text/plain'), { body: { a: 1 } })).toThrow(/Op: a text\/plain body is sent as text/);
    expect(() => buildRequest(op('application/octet-stream'), { body: { a: 1 } })).toThrow(/Op: .*Blob, bytes/);
  });
});

describe('servers', () => {
  const op: OperationDescriptor = { operationId: 'Op', method: 'GET', path: '/things/{id}', style: 'rest', params: [{ name: 'id', in: 'path', required: true, style: 'plain' }] };
  const servers = [{ url: 'https://{tenant}.example.test/v1', variables: { tenant: 'demo' } }];

  it('start with the first server, its variables at their defaults or as given; endpoint replaces it', () => {
    expect(buildRequest(op, { id: 'a b' }, {}, servers).url).toBe('https://demo.example.test/v1/things/a%20b');
    expect(buildRequest(op, { id: 1 }, { serverVariables: { tenant: 'acme' } }, servers).url).toBe('https://acme.example.test/v1/things/1');
    expect(buildRequest(op, { id: 1 }, { endpoint: 'http://127.0.0.1:9/' }, servers).url).toBe('http://127.0.0.1:9/things/1');
  });

  it('prefer the operation\'s own servers', () => {
    const own = { ...op, servers: [{ url: 'https://files.example.test', variables: {} }] };
    expect(buildRequest(own, { id: 1 }, {}, servers).url).toBe('https://files.example.test/things/1');
  });

  it('name a variable without a default that nobody gave', () => {
    expect(() => buildRequest(op, { id: 1 }, {}, [{ url: 'https://{zone}.x', variables: {} }])).toThrow(/Op: the server URL https:\/\/\{zone\}\.x needs "zone"/);
  });
});
