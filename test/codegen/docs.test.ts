/**
 * The docs steps (reference.md, reference.html) on their own: text shown as written with HTML,
 * images and external links neutralised; an awkward but valid document (test/fixtures/codegen/
 * docs-odd.openapi.yaml: x-logo, Markdown images and links, $ref examples, externalValue, no
 * summary, no operationId, odd names, recursion, maps) never makes them fail; every operation has
 * its response fields and a stable `#operation/<name>` anchor; every builder example in the
 * Markdown compiles against the generated builders (tsc --strict), also after a manual update adds
 * a required parameter that the sample lacks.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { cellMarkdown, neutraliseMarkdown, plainText, type TextFinding } from '../../scripts/codegen/docs-text.ts';
import { repairXmlSample, generateMarkdown } from '../../scripts/codegen/docs-markdown.ts';
import { docsDiagnostics, generateHtml, redocPage } from '../../scripts/codegen/docs-html.ts';
import { DocsDocument, fieldTable } from '../../scripts/codegen/docs-document.ts';
import { builderExample, exampleValue, fitsSchema, tsLiteral } from '../../scripts/codegen/samples.ts';
import type { OperationInfo } from '../../scripts/codegen/model.ts';
import { loadApi } from '../../scripts/codegen/index.ts';
import { apiConfigs, fixtureDoc, generateInto, specOf, typecheck, type Generated } from './helpers.ts';

type Obj = Record<string, unknown>;

describe('neutraliseMarkdown: text as written, nothing that loads, runs or leaves the page', () => {
  it.each([
    ['parentheses and backticks stay', 'Creates an instance (ASM). Set `true` to enable.', 'Creates an instance (ASM). Set `true` to enable.'],
    ['emphasis and names stay Markdown', 'a_b_c and *em* and 2 * 3', 'a_b_c and *em* and 2 * 3'],
    ['inline HTML shows as text', 'x <b onclick="a()">y</b>', 'x &lt;b onclick="a()">y&lt;/b>'],
    ['block HTML shows as text', '<script>\nalert(1)\n</script>', '&lt;script>\nalert(1)\n&lt;/script>'],
    ['HTML in a code span stays code', 'use `<b>` here', 'use `<b>` here'],
    ['image → alt text and address', 'see ![diagram](https://i.example/a.png "t")', 'see diagram (image `https://i.example/a.png`)'],
    ['data: image stays', '![dot](data:image/png;base64,AAAA)', '![dot](data:image/png;base64,AAAA)'],
    ['external link → text and address', 'a [guide](https://g.example/x) here', 'a guide (`https://g.example/x`) here'],
    ['reference link → text and address', 'a [guide][g]\n\n[g]: https://g.example/y', 'a guide (`https://g.example/y`)\n\n[g]: https://g.example/y'],
    ['autolink → code', 'at <https://a.example>', 'at `https://a.example`'],
    ['same-page link stays', 'see [that](#operation/X)', 'see [that](#operation/X)'],
    ['image inside a link', '[![i](https://i.example/b.png)](https://l.example)', 'i (image `https://i.example/b.png`) (`https://l.example`)'],
    ['fenced code untouched', '```\n<b>![x](https://i.example/c.png)</b>\n```', '```\n<b>![x](https://i.example/c.png)</b>\n```'],
    ['a lone < stays', '1 < 2 and a<', '1 < 2 and a<'],
  ])('%s', (_, input, want) => {
    expect(neutraliseMarkdown(input)).toBe(want);
  });

  it('closes a fenced code block the text leaves open (it would swallow the rest of the page)', () => {
    expect(neutraliseMarkdown('text\n```js\nconst a = 1;')).toBe('text\n```js\nconst a = 1;\n```');
    expect(neutraliseMarkdown('~~~~\nx\n~~~~')).toBe('~~~~\nx\n~~~~');
  });

  it('escapes Markdoc tags only where asked (the Redoc page) and never inside code', () => {
    expect(neutraliseMarkdown('{% partial file="x" /%} `{% y %}`', { markdoc: true })).toBe('{\\% partial file="x" /%} `{% y %}`');
    expect(neutraliseMarkdown('{% partial file="x" /%}')).toBe('{% partial file="x" /%}');
  });

  it('reports what it changed', () => {
    const findings: TextFinding[] = [];
    neutraliseMarkdown('![a](https://i.example/a.png) [b](https://l.example) <i>x</i>', {}, findings);
    expect(findings.map((f) => f.kind).sort()).toEqual(['html', 'html', 'image', 'link']);
  });

  it('is total on hostile input (unbalanced brackets, nested constructs, control characters)', () => {
    for (const s of ['[[[[', '![', '<', '`', '[a](<b', '\u0000<a>\u202e', '![![![x](y)](z)](w)', '[x]: <>\n[x]', '<!-- unclosed']) {
      expect(typeof neutraliseMarkdown(s)).toBe('string');
      expect(neutraliseMarkdown(s)).not.toMatch(/<(?:a|script|img)\b/);
    }
  });
});

describe('plainText and table cells', () => {
  it.each([
    ['Alibaba Cloud Service Mesh (ASM)', 'Alibaba Cloud Service Mesh (ASM)'],
    ['snake_case_name', 'snake_case_name'],
    ['_leading and trailing_', '\\_leading and trailing\\_'],
    ['a*b `c` [d]', 'a\\*b \\`c\\` \\[d\\]'],
    ['<script>', '\\<script>'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['AT&amp;T', 'AT\\&amp;T'],
    ['A | B', 'A | B'],
  ])('%j → %j', (input, want) => {
    expect(plainText(input)).toBe(want);
  });

  it('cellMarkdown keeps a description on one line and cannot end the cell', () => {
    expect(cellMarkdown('- `true`: on\n- `false`: off | `a|b`')).toBe('- `true`: on<br>- `false`: off \\| `a\\|b`');
    expect(cellMarkdown('already \\| escaped')).toBe('already \\| escaped');
    // a lone backtick is escaped (shown the same), so it cannot pair with code in a later cell
    expect(cellMarkdown('a `` lone run, `code` and \\` escaped')).toBe('a \\`\\` lone run, `code` and \\` escaped');
  });
});

describe('samples shown as printed, PDF wraps inside XML tags joined', () => {
  it.each([
    ['<Url>https://x</Ur\nl>', '<Url>https://x</Url>', 1],
    ['<A>\n  <B x="1"\n     y="2">t</B>\n</A>', '<A>\n  <B x="1" y="2">t</B>\n</A>', 1],
    ['<A>\n  <B>text\nmore</B>\n</A>', '<A>\n  <B>text\nmore</B>\n</A>', 0],
  ])('%j', (input, want, joined) => {
    expect(repairXmlSample(input)).toEqual({ text: want, joined });
  });
});

describe('builder examples from the spec', () => {
  const op = (params: Partial<OperationInfo['params'][number]>[], body?: OperationInfo['body']): OperationInfo =>
    ({
      operationId: 'Op',
      fnName: 'op',
      method: 'GET',
      specPath: '/x',
      wirePath: '/x',
      tags: [],
      deprecated: false,
      params: params.map((p) => ({ key: p.name, in: 'query', required: false, style: 'plain', schema: {}, inputSchema: p.schema ?? {}, ...p }) as OperationInfo['params'][number]),
      ...(body ? { body } : {}),
      responses: [],
      requestSamples: [],
      errorCodes: [],
    }) as OperationInfo;

  it.each([
    ['example of the parameter', { name: 'a', required: true, schema: { type: 'string' }, example: 'ex' }, 'ex'],
    ['first enum value', { name: 'a', required: true, schema: { type: 'string', enum: ['x', 'y'] } }, 'x'],
    ['default', { name: 'a', required: true, schema: { type: 'integer', default: 7 } }, 7],
    ['an example of the wrong type is not used', { name: 'a', required: true, schema: { type: 'integer' }, example: 'ten' }, 0],
    ['minimum', { name: 'a', required: true, schema: { type: 'integer', minimum: 3 } }, 3],
    ['format', { name: 'a', required: true, schema: { type: 'string', format: 'date-time' } }, '2024-01-01T00:00:00Z'],
    ['object with its required fields', { name: 'a', required: true, schema: { type: 'object', required: ['k'], properties: { k: { type: 'boolean' }, o: { type: 'string' } } } }, { k: true }],
    ['array of one item', { name: 'a', required: true, schema: { type: 'array', items: { type: 'string', enum: ['p'] } } }, ['p']],
  ])('fills a required input from the %s', (_, param, want) => {
    const ex = builderExample(op([param as Partial<OperationInfo['params'][number]>]));
    expect(ex.input.a).toEqual(want);
    expect(ex.filled).toEqual(['a']);
  });

  it('keeps sample values that fit, replaces those that do not, leaves optional inputs out', () => {
    const o = op([
      { name: 'n', required: true, schema: { type: 'integer' } },
      { name: 'e', required: true, schema: { type: 'string', enum: ['a', 'b'] } },
      { name: 'opt', required: false, schema: { type: 'string' } },
    ]);
    const ex = builderExample(o, { n: 5, e: 'zzz' });
    expect(ex.input).toEqual({ n: 5, e: 'a' });
    expect(ex.replaced).toEqual(['e']);
    expect(ex.filled).toEqual([]);
  });

  it('replaces a body example that lacks a required field', () => {
    const schema = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, size: { type: 'integer' } } };
    const ex = builderExample(op([], { contentType: 'application/json', kind: 'json', required: true, schema, examples: [], alternatives: [] }), { body: { size: 1 } });
    expect(ex.input.body).toEqual({ name: 'string' });
    expect(ex.replaced).toEqual(['body']);
  });

  it('fitsSchema follows the generated types: excess keys, required keys, const, nullable', () => {
    const s = { type: 'object', required: ['a'], properties: { a: { type: 'string' } } };
    expect(fitsSchema({ a: 'x' }, s)).toBe(true);
    expect(fitsSchema({ a: 'x', b: 1 }, s)).toBe(false);
    expect(fitsSchema({}, s)).toBe(false);
    expect(fitsSchema({ a: 'x', b: 1 }, { ...s, additionalProperties: true })).toBe(true);
    expect(fitsSchema('v', { const: 'v' })).toBe(true);
    expect(fitsSchema('w', { const: 'v' })).toBe(false);
    expect(fitsSchema(null, { type: 'string', nullable: true })).toBe(true);
    expect(fitsSchema(null, { type: ['string', 'null'] })).toBe(true);
    expect(fitsSchema(null, { type: 'string' })).toBe(false);
  });

  it('exampleValue terminates on recursive schemas', () => {
    const node: Obj = { type: 'object', required: ['child'], properties: {} };
    (node.properties as Obj).child = node;
    expect(() => exampleValue(node)).not.toThrow();
  });

  it('tsLiteral writes __proto__ as a computed key', () => {
    expect(tsLiteral(JSON.parse('{"__proto__": 1, "a-b": "x"}'))).toBe('{\n  ["__proto__"]: 1,\n  "a-b": "x",\n}');
  });
});

describe('an awkward but valid document (docs-odd fixture)', () => {
  let doc: Obj;
  let md: string;
  let html: string;
  let loaded: Awaited<ReturnType<typeof loadApi>>;
  beforeAll(async () => {
    doc = await fixtureDoc('docs-odd.openapi.yaml');
    const api = await loadApi(doc, { specPath: 'docs-odd.openapi.yaml' });
    loaded = api;
    md = await generateMarkdown(api, 'test/fixtures/codegen/docs-odd.openapi.yaml');
    html = await generateHtml(doc, 'test/fixtures/codegen/docs-odd.openapi.yaml', api);
  });

  it('writes both pages (x-logo, images, $ref examples and externalValue do not stop it)', () => {
    expect(md.length).toBeGreaterThan(1000);
    expect(html).toContain('<div id="redoc"></div>');
  });

  it('resolves $ref examples; an external example is left out with a diagnostic', () => {
    expect(md).toContain('Response 200 `application/json` `page`:');
    expect(md).toContain('"name": "first"');
    // An example kept at a URL is never fetched: the loader leaves it out and says so.
    expect(md).not.toContain('examples.example.com/thing.json');
    expect(loaded.diagnostics.map((d) => d.message)).toContain('example https://examples.example.com/thing.json is a URL and is not fetched; it is left out');
  });

  it('shows description Markdown as written, neutralised', () => {
    expect(md).toContain('a `backtick code` with &lt;b>markup&lt;/b>, a*b*c, snake_case_name');
    expect(md).toContain('Architecture (image `https://img.example.com/arch.png`)');
    expect(md).toContain('a guide (`https://guide.example.com/start`)');
    expect(md).toContain('[in-page link](#operation/getThing)');
    expect(md).toContain("&lt;script>window.__pwned = 'script'&lt;/script>");
    expect(md).toContain('```html\n<b>code blocks stay as written</b> {% not a tag %}\n```');
  });

  it('gives every operation its anchor, name heading and response section', async () => {
    const api = await loadApi(doc, { specPath: 'spec' });
    for (const op of api.operations) {
      expect(md).toContain(`<a id="operation/${op.operationId}"></a>\n\n## ${plainText(op.operationId)}\n`);
      expect(md).toContain(`](#operation/${encodeURIComponent(op.operationId)})`);
    }
    // nested fields with types, allOf merged, recursion stopped, maps and nullable named
    expect(md).toContain('| `items[].children` | `array of Thing` | no | Things inside this one (recursive). Same structure as an enclosing field (not repeated). |');
    expect(md).toContain('| `next` | `string \\| null` | no |  |');
    expect(md).toContain('| `items[].labels` | `map of string` | no |  |');
    expect(md).toContain('| `<key>.id` | `string` | yes |  |');
  });

  it('renders without an HTML element from the document, whatever a lone backtick pairs with', () => {
    // A CommonMark renderer that lets raw HTML through: only the page's own anchors and <br> remain.
    const tags = [...micromark(md, { allowDangerousHtml: true }).matchAll(/<(script|img|iframe|a|b|i)\b[^>]*>/gi)].map((m) => m[0]);
    expect(tags.filter((t) => !/^<a id="operation\/|^<a href="#/.test(t))).toEqual([]);
    const tricky = { ...doc, paths: { '/t': { get: { operationId: 't', parameters: [{ name: 'p', in: 'query', description: 'a lone ` backtick', schema: { type: 'string', enum: ['<script>x</script>', 'b'] } }], responses: { '200': { description: 'ok ` and <img src=x onerror=y>' } } } } } };
    return loadApi(tricky, { specPath: 'x' }).then((api) => generateMarkdown(api, 'x')).then((out) => {
      expect(micromark(out, { allowDangerousHtml: true })).not.toMatch(/<script|<img/i);
    });
  });

  it('documents the parameter every operation shares once', () => {
    expect(md.match(/`X-Request-Id`/g)).toHaveLength(1);
    expect(md).toContain('| `X-Request-Id` | header | `string (uuid)` | no | the caller | Echoed back; every operation takes it. |');
  });

  it('joins the PDF wrap inside an XML tag', () => {
    expect(md).toContain('<Url>https://x.example.com/t-1</Url>');
    expect(md).toContain('(1 line break inside XML tags joined.)');
  });

  it('Redoc copy: no x-logo, no externalValue, no external image or link markup, routes for every operation', async () => {
    const api = await loadApi(doc, { specPath: 'spec' });
    const page = redocPage(doc, api, await DocsDocument.load(doc));
    const text = JSON.stringify(page.doc);
    expect(text).not.toContain('x-logo');
    expect(text).not.toContain('externalValue');
    for (const raw of ['![Architecture]', '](https://guide', '<img src=\\"https://img', '<script>window', '{% partial', 'icon](https://']) expect(text).not.toContain(raw);
    expect(text).toContain('```html\\n<b>code blocks stay as written</b> {% not a tag %}\\n```');
    expect(Object.keys(page.routes).sort()).toEqual(api.operations.map((o) => o.operationId).sort());
    expect(new Set(Object.values(page.routes)).size).toBe(api.operations.length);
    for (const r of Object.values(page.routes)) expect(r).toMatch(/^\/[a-z0-9._-]+\/[a-z0-9._-]+$/);
    expect(page.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['image', 'link', 'html', 'markdoc']));
    // the shared parameter is gone from every operation and documented once in the introduction
    expect(JSON.stringify(page.doc.paths)).not.toContain('#/components/parameters/RequestId');
    expect(String((page.doc.info as Obj).description)).toContain('| `X-Request-Id` | header | `string (uuid)` | no | the caller |');
  });

  it('reports what it neutralised, one diagnostic per kind', () => {
    const ds = docsDiagnostics(doc, 'odd.yaml');
    expect(ds.map((d) => d.id).sort()).toEqual(['docs-html-neutralised', 'docs-image-neutralised', 'docs-link-neutralised', 'docs-markdoc-neutralised']);
    expect(ds.find((d) => d.id === 'docs-image-neutralised')!.message).toContain('x-logo https://logos.example.com/logo.png');
    expect(ds.every((d) => d.severity === 'info' && d.source.file === 'odd.yaml')).toBe(true);
    expect(docsDiagnostics({ openapi: '3.1.0', info: { title: 't', version: '1', description: 'plain (text)' }, paths: {} }, 'x')).toEqual([]);
  });

  it('fieldTable is bounded on a wide, deep, self-referencing schema', async () => {
    const wide: Obj = { type: 'object', properties: {} };
    for (let i = 0; i < 40; i++) (wide.properties as Obj)[`p${i}`] = { oneOf: [wide, { type: 'array', items: wide }] };
    const dd = await DocsDocument.load({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} });
    const t = fieldTable(dd, wide);
    expect(t.rows.length).toBeLessThanOrEqual(250);
  });
});

describe('builder examples in reference.md compile (tsc --strict)', () => {
  const generated: Generated[] = [];
  afterAll(async () => {
    for (const g of generated) await g.cleanup();
  });

  async function examplesOf(g: Generated): Promise<string[]> {
    const md = g.files.get('docs/reference.md')!;
    const blocks = [...md.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]);
    const files: string[] = [];
    await mkdir(join(g.dir, 'docs'), { recursive: true });
    for (const [i, b] of blocks.entries()) {
      const f = join(g.dir, 'docs', `example-${i}.ts`);
      await writeFile(f, `${b}\nexport {};\n`);
      files.push(f);
    }
    return files;
  }

  it('for both bundled APIs and the fixtures', async () => {
    const docs: [string, Obj][] = [];
    for (const api of await apiConfigs()) docs.push([api.name, (await specOf(api)).doc]);
    docs.push(['alibaba-mini', await fixtureDoc('alibaba-mini.openapi.yaml')]);
    const odd = structuredClone(await fixtureDoc('docs-odd.openapi.yaml')) as any;
    // openapi-typescript (schema.ts) would try to fetch an externalValue: the types step is not the docs' to test here.
    delete odd.paths['/things'].post.requestBody.content['application/json'].examples.external;
    docs.push(['docs-odd', odd]);
    const files: string[] = [];
    let count = 0;
    for (const [name, d] of docs) {
      const g = await generateInto(d, `docs-examples-${name}`);
      generated.push(g);
      const ex = await examplesOf(g);
      // one builder call per operation at least, plus the usage snippet
      expect(ex.length).toBeGreaterThan(g.api.operations.length);
      count += ex.length;
      files.push(...ex);
    }
    expect(typecheck(files)).toEqual([]);
    console.log(`docs: ${count} TypeScript examples in reference.md type-checked`);
  }, 180_000);

  it('after a manual update makes a parameter required that the sample lacks', async () => {
    const d = structuredClone(await fixtureDoc('alibaba-mini.openapi.yaml')) as any;
    const params = d.paths['/#Action=DescribeThings'].get.parameters as Obj[];
    params.push({ name: 'ZoneType', in: 'query', required: true, schema: { type: 'string', enum: ['public', 'private'] } });
    params.push({ name: 'Depth', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } });
    const g = await generateInto(d, 'docs-examples-updated');
    generated.push(g);
    const md = g.files.get('docs/reference.md')!;
    expect(md).toContain('`ZoneType`, `Depth` are required but not in the sample: filled from the spec.');
    expect(md).toMatch(/ZoneType: "public",\n\s+Depth: 1,/);
    expect(typecheck(await examplesOf(g))).toEqual([]);
  }, 120_000);
});
