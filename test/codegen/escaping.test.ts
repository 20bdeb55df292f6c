/**
 * Document-derived text containing `*\/`, backticks, `${`, `<script>`, event-handler HTML and
 * U+2028 must neither break nor inject anything in generated code, Markdown or HTML.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { fixtureDoc, generateInto, typecheck, type Generated } from './helpers.ts';
import { commentText, htmlText, markdownFence, markdownText, stringLiteral } from '../../scripts/codegen/escape.ts';
import { externalLoads, neutraliseForRedoc, offline } from '../../scripts/codegen/docs-html.ts';

const HOSTILE = ['*/', '`', '${x}', '<script>alert(1)</script>', '\u2028', '"\'\\', '<!--', '-->', ']]>'];

describe('escape functions', () => {
  it.each(HOSTILE)('commentText keeps %j inside a block comment', (bad) => {
    const src = `/** ${commentText(`before ${bad} after`)} */\nexport const ok = 1;\n`;
    const out = ts.transpileModule(src, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics ?? []).toEqual([]);
    expect(out.outputText).toMatch(/export const ok = 1;/);
  });

  it.each(HOSTILE)('stringLiteral round-trips %j exactly', (bad) => {
    const text = `a${bad}b`;
    const js = ts.transpileModule(`export default ${stringLiteral(text)};`, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
    const mod = { exports: {} as { default?: string } };
    new Function('module', 'exports', js)(mod, mod.exports);
    expect(mod.exports.default).toBe(text);
  });

  it('htmlText and markdownText leave no raw markup', () => {
    expect(htmlText('<script>"x"&\'')).toBe('&lt;script&gt;&quot;x&quot;&amp;&#39;');
    const md = markdownText('<img src=x onerror=alert(1)> `code` *em* ${x} | pipe');
    expect(md).not.toMatch(/<img|(?<!\\)`|(?<!\\)\*|(?<!\\)\|/);
  });

  it('markdownFence is longer than any backtick run inside', () => {
    const f = markdownFence('a ``` b ```` c');
    expect(f.startsWith('`````')).toBe(true);
    expect(f.split('\n').at(-1)).toBe('`````');
  });
});

describe('a spec with hostile descriptions', () => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateInto(await fixtureDoc('alibaba-mini.openapi.yaml'), 'escaping', { html: true });
  });
  afterAll(async () => g?.cleanup());

  it('generates TypeScript that passes tsc --strict --noEmit', () => {
    const files = [...g.files.keys()].filter((f) => f.endsWith('.ts')).map((f) => join(g.dir, f));
    expect(typecheck(files)).toEqual([]);
  });

  it('keeps hostile text in comments and literals only (the module exports exactly what it should)', async () => {
    const mod = await g.import<Record<string, unknown>>('builders.ts');
    expect(Object.keys(mod).sort()).toEqual(['apiServers', 'builders', 'deleteThing', 'deleteThingOperation', 'describeThings', 'describeThingsOperation', 'operationDescriptors']);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    const src = g.files.get('builders.ts')!;
    expect(src).toContain('ends a comment *\\/ has a `backtick`');
    // enum values that look like code stay string literals in the input type
    expect(src).toContain('ThingId: "a*/b" | "c`d" | "${e}" | "<script>";');
    const schema = g.files.get('schema.ts')!;
    expect(schema).not.toMatch(/[^\\]\*\/ console\.log/);
  });

  it('renders Markdown without raw HTML from the document', () => {
    const md = g.files.get('docs/reference.md')!;
    // Code spans and fences print their content literally; everywhere else no tag may survive.
    const prose = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '').replace(/(`+)[\s\S]*?\1/g, '');
    expect(prose).not.toMatch(/<script|<img/);
    // enum values are listed as code spans (a `|` in a table cell escaped), raw HTML as text
    expect(md).toContain('One of `a*/b`, ``c`d``, `${e}`, `<script>`.');
    expect(md).toContain("&lt;script>window.__pwned = 'script'&lt;/script>");
  });

  it('renders HTML whose document text is escaped and which loads nothing from the network', () => {
    const html = g.files.get('docs/reference.html')!;
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toMatch(/<img src=x onerror/);
    expect(externalLoads(html)).toEqual([]);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toContain('https://cdn.redoc.ly/redoc/logo');
  });

  it('neutralises description HTML but keeps examples and enum values verbatim', () => {
    const out = neutraliseForRedoc({ description: '<b>x</b>', schema: { enum: ['<a>'], example: '<i>' }, properties: { description: { type: 'string', description: '<p>' } } }) as Record<string, any>;
    expect(out.description).toBe('&lt;b>x&lt;/b>');
    expect(out.schema).toEqual({ enum: ['<a>'], example: '<i>' });
    expect(out.properties.description.description).toBe('&lt;p>');
  });

  it('offline() and externalLoads() catch what a page would fetch', () => {
    expect(externalLoads('<script src="https://cdn.example.com/x.js"></script>')).toHaveLength(1);
    expect(externalLoads('<link rel="stylesheet" href="//fonts.example.com/a.css">')).toHaveLength(1);
    expect(externalLoads('<style>@import url(https://x.example/y.css);</style>').length).toBeGreaterThan(0);
    expect(externalLoads('<a href="https://example.com">link</a>')).toEqual([]);
    expect(offline('<img src="https://cdn.redoc.ly/redoc/logo-mini-full.svg">')).not.toContain('https://');
  });
});
