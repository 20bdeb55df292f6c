/**
 * Generated-code safety, end to end from a MANUAL (issue 6). A small Alibaba-style manual (front
 * matter, operation list, five operation sections written the way the real manual writes them, cf.
 * test/fixtures/alibaba-rpc/delete-service-mesh.txt) carries hostile text everywhere the document
 * supplies text: descriptions, summaries (with quotes and a line break), the list's group name,
 * sample values and sample keys hold `*\/ /*`, backticks, `${process.exit(1)}`, `<script>`,
 * `<img onerror>`, `../../etc/passwd` and bidi controls (U+202E, U+2066–U+2069); parameter and
 * field names are JS reserved words or dangerous keys (`class`, `delete`, `constructor`,
 * `__proto__`, `toString`), and so are three operation names (Delete, ToString, Constructor).
 * The manual goes through buildFromDocument, its YAML is read back (as the regen producer does)
 * and handed to the same generateApi the producer calls. Then:
 * (a) the TypeScript passes tsc --strict, and the builders send exactly what they are given;
 * (b) no document text becomes markup in the Markdown/HTML, nor code or a raw bidi control in
 * the .ts files; (c) every file lands inside the output folder; (d) the hostile text is still
 * shown, escaped, where a reader looks for it; and a real browser opening the HTML runs nothing.
 */
import { browserOrSkip } from '../support/browser.ts';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { parse } from 'yaml';
import { micromark } from 'micromark';
import { chromium } from 'playwright-core';
import { splitLines } from '../../scripts/extract/text.ts';
import type { SourceDocument } from '../../scripts/extract/types.ts';
import { buildFromDocument, type BuildResult } from '../../scripts/pipeline.ts';
import { generateApi, type GenerateResult } from '../../scripts/codegen/index.ts';
import { ROOT, typecheck } from '../codegen/helpers.ts';

const RLO = '\u202e';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Everything at once, appended to every description the manual has. */
const BAD = `*/ /* \` \${process.exit(1)} <script>alert(1)</script> <img src=x onerror=alert(1)> ../../etc/passwd ${RLO}evil${PDI} ${LRI}${RLI}${FSI}x${PDI}`;
const DANGEROUS = ['class', 'delete', 'constructor', '__proto__', 'toString'];

/** The manual: front matter (operation list, "Make API requests"), then two operation sections. */
const MANUAL = [
  'API Reference·List of operations by function',
  ' The following tables list API operations available for use in Alibaba Cloud Service Mesh (ASM).',
  '',
  'Hostile <script>alert(1)</script> group',
  '',
  'Operation Description',
  '',
  `DeleteServiceMesh Deletes an ASM instance. ${BAD}`,
  '',
  `DescribeThing Queries a thing. ${BAD}`,
  '',
  'Delete Deletes something.',
  '',
  'ToString Converts something.',
  '',
  'Constructor Constructs something.',
  '',
  ' This topic describes the syntax of making Alibaba Cloud Service Mesh (ASM) API requests and the responses.',
  '',
  'Request syntax',
  'The following example shows the syntax of an ASM API request:',
  '',
  'http://Endpoint/?Action=xx&Parameters',
  '',
  'where:',
  '',
  'Endpoint: the endpoint of the ASM API, which is servicemesh.aliyuncs.com.',
  '',
  'Version: the version number of the API. Set the value to 2020-01-11.',
  '',
  'https://servicemesh.aliyuncs.com/?Action=DescribeServiceMeshDetail',
  '&Format=xml',
  '&Version=2020-01-11',
  '&Signature=xxxx%xxxx%3D',
  '&SignatureMethod=HMAC-SHA1',
  '&SignatureNonce=15215528852396',
  '&SignatureVersion=1.0',
  '&AccessKeyId=key-test',
  '&TimeStamp=2012-06-01T12:00:00Z',
  '…',
  '',
  // Section 1: summary with quotes, a backtick and a line break; request parameters named after
  // reserved words / Object.prototype members.
  `Deletes an Alibaba Cloud "Service Mesh" 'instance' \`now\``,
  `and ${BAD}`,
  '',
  'Debugging',
  'OpenAPI Explorer automatically calculates the signature value.',
  '',
  'Request parameters',
  '',
  'Parameter Type Required Example Description',
  '',
  'ServiceMeshId String Yes c08ba3fd1e6484b0f8cc1ad8fe10d****',
  '',
  `The ID of the ASM instance. ${BAD}`,
  '',
  'class String No abc',
  '',
  `A class. ${BAD}`,
  '',
  'delete Boolean No false',
  '',
  `Whether to delete. ${BAD}`,
  '',
  'constructor String No x',
  '',
  `A constructor. ${BAD}`,
  '',
  '__proto__ String No y',
  '',
  `A proto. ${BAD}`,
  '',
  'toString String No z',
  '',
  `A toString. ${BAD}`,
  '',
  'Response parameters',
  '',
  'Parameter Type Example Description',
  '',
  'RequestId String 11fd0027-c27e-41bb-a565-75583054****',
  '',
  `The ID of the request. ${BAD}`,
  '',
  'Examples',
  'Sample requests',
  '',
  'http(s)://[Endpoint]/?Action=DeleteServiceMesh',
  '&ServiceMeshId=c08ba3fd1e6484b0f8cc1ad8fe10d****',
  '&class=abc',
  '&constructor=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '&__proto__=y',
  '&<Common request parameters>',
  '',
  ' Sample success responses',
  '',
  ' JSON  format',
  '',
  '{',
  '    "RequestId": "11fd0027-c27e-41bb-a565-75583054****"',
  '}',
  '',
  'Error codes',
  'For a list of error codes, visit the API Error Center.',
  '',
  // Section 2: response fields with dangerous names, and a sample whose keys and values are hostile.
  `Queries a thing. ${BAD}`,
  '',
  'Debugging',
  'OpenAPI Explorer automatically calculates the signature value.',
  '',
  'Request parameters',
  '',
  'Parameter Type Required Example Description',
  '',
  'ThingId String Yes t-1',
  '',
  `The thing. ${BAD}`,
  '',
  'Response parameters',
  '',
  'Parameter Type Example Description',
  '',
  'RequestId String 11fd0027',
  '',
  `The ID of the request. ${BAD}`,
  '',
  `Thing Object The thing. ${BAD}`,
  '',
  `class String a The class. ${BAD}`,
  '',
  `constructor String b The constructor. ${BAD}`,
  '',
  `__proto__ String c The proto. ${BAD}`,
  '',
  `toString String d The toString. ${BAD}`,
  '',
  `delete Boolean true The delete. ${BAD}`,
  '',
  'Examples',
  'Sample requests',
  '',
  'http(s)://[Endpoint]/?Action=DescribeThing',
  '&ThingId=t-1',
  '&<Common request parameters>',
  '',
  ' Sample success responses',
  '',
  ' JSON  format',
  '',
  '{',
  '    "RequestId": "11fd0027",',
  '    "Thing": {',
  '        "class": "a",',
  '        "constructor": "b",',
  '        "__proto__": "c",',
  '        "toString": "d",',
  '        "delete": true,',
  '        "../../etc/passwd": "*/ ${x} <script>alert(1)</script> <img src=x onerror=alert(1)>",',
  `        "a*/b\`\${c}${RLO}": 1`,
  '    }',
  '}',
  '',
  'Error codes',
  'For a list of error codes, visit the API Error Center.',
  '',
  // Operations whose names are a reserved word or an Object.prototype member.
  ...['Delete', 'ToString', 'Constructor'].flatMap((action) => [
    `${action} something. ${BAD}`,
    '',
    'Debugging',
    'OpenAPI Explorer automatically calculates the signature value.',
    '',
    'Request parameters',
    '',
    'Parameter Type Required Example Description',
    '',
    'Id String Yes i-1',
    '',
    `The id. ${BAD}`,
    '',
    'Response parameters',
    '',
    'Parameter Type Example Description',
    '',
    'RequestId String 11fd0027',
    '',
    'The ID of the request.',
    '',
    'Examples',
    'Sample requests',
    '',
    `http(s)://[Endpoint]/?Action=${action}`,
    '&Id=i-1',
    '&<Common request parameters>',
    '',
    ' Sample success responses',
    '',
    ' JSON  format',
    '',
    '{',
    '    "RequestId": "11fd0027"',
    '}',
    '',
    'Error codes',
    'For a list of error codes, visit the API Error Center.',
    '',
  ]),
].join('\n');

const SANDBOX = join(ROOT, '.refspec-tmp', `hostile-manual-${process.pid}`);
const OUT = join(SANDBOX, 'out');

let build: BuildResult;
let gen: GenerateResult;
let spec: Record<string, any>;

function tsFiles(): string[] {
  return [...gen.files.keys()].filter((f) => f.endsWith('.ts'));
}

/** Prose of a Markdown page: code spans and fences (printed literally by any renderer) removed. */
beforeAll(async () => {
  const doc: SourceDocument = { file: 'hostile-manual.txt', kind: 'txt', lines: splitLines(MANUAL), bytes: Buffer.byteLength(MANUAL) };
  build = buildFromDocument(doc);
  // As scripts/codegen/producer.ts: generate from the YAML text, not the in-memory object.
  spec = parse(build.yaml) as Record<string, any>;
  gen = await generateApi(spec, { specPath: 'spec/hostile.openapi.yaml', html: true });
  await rm(SANDBOX, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  for (const [rel, content] of gen.files) {
    const target = resolve(OUT, rel);
    // (c) is asserted below; never write outside even when it would fail.
    if (!target.startsWith(OUT + sep)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}, 120_000);

afterAll(async () => {
  await rm(SANDBOX, { recursive: true, force: true });
});

describe('the hostile manual is read as a manual', () => {
  it('detects the Alibaba dialect and reads every operation with every hostile parameter and field', () => {
    expect(build.dialect).toBe('alibaba-rpc');
    expect(build.model.operations.map((o) => o.operationId)).toEqual(['DeleteServiceMesh', 'DescribeThing', 'Delete', 'ToString', 'Constructor']);
    const del = spec.paths['/#Action=DeleteServiceMesh'].get;
    const names = (del.parameters as Record<string, unknown>[]).map((p) => p.name).filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['ServiceMeshId', ...DANGEROUS]));
    expect(del.summary).toContain('"Service Mesh" \'instance\' `now`');
    expect(del.summary).toContain('${process.exit(1)}');
  });

  it('keeps a field named __proto__ as a property of its schema (not as the prototype of the map)', () => {
    const emitted = build.spec.components!.schemas!.Thing as Record<string, any>;
    for (const n of DANGEROUS) expect(Object.hasOwn(emitted.properties, n), n).toBe(true);
    expect(Object.getPrototypeOf(emitted.properties)).toBe(Object.prototype);
    const reread = spec.components.schemas.Thing.properties;
    expect(Object.keys(reread)).toEqual(expect.arrayContaining(DANGEROUS));
    expect(reread.__proto__.description).toContain('The proto.');
  });

  it('names functions with safe identifiers: no keyword, no Object.prototype member', () => {
    expect(gen.api.operations.map((o) => o.fnName)).toEqual(['deleteServiceMesh', 'describeThing', 'deleteOp', 'toStringOp', 'constructorOp']);
    for (const op of gen.api.operations) {
      expect(op.fnName in Object.prototype, op.fnName).toBe(false);
      expect(op.fnName).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, op.fnName);
      expect(scanner.scan(), `${op.fnName} scans as a keyword`).toBe(ts.SyntaxKind.Identifier);
    }
  });
});

describe('(a) generated TypeScript', () => {
  it('passes tsc --strict --noEmit', () => {
    expect(typecheck(tsFiles().map((f) => join(OUT, f)))).toEqual([]);
  });

  it('builders send the dangerous-named parameters given, and none that were not given', async () => {
    const mod = (await import(pathToFileURL(join(OUT, 'builders.ts')).href)) as Record<string, any>;
    expect(Object.keys(mod).sort()).toEqual([
      'apiServers',
      'builders',
      'constructorOp',
      'constructorOpOperation',
      'deleteOp',
      'deleteOpOperation',
      'deleteServiceMesh',
      'deleteServiceMeshOperation',
      'describeThing',
      'describeThingOperation',
      'operationDescriptors',
      'toStringOp',
      'toStringOpOperation',
    ]);
    expect(Object.keys(mod.builders)).toEqual(['DeleteServiceMesh', 'DescribeThing', 'Delete', 'ToString', 'Constructor']);
    const bare = new URL(mod.deleteServiceMesh({ ServiceMeshId: 'm-1' }).url, 'http://x');
    // Action and Version are constants; nothing inherited from Object.prototype is sent.
    expect([...bare.searchParams.entries()].sort()).toEqual([['Action', 'DeleteServiceMesh'], ['ServiceMeshId', 'm-1'], ['Version', '2020-01-11']]);
    const input: Record<string, unknown> = { ServiceMeshId: 'm-1' };
    for (const n of DANGEROUS) Object.defineProperty(input, n, { value: `v-${n}`, enumerable: true });
    const full = new URL(mod.deleteServiceMesh(input).url, 'http://x');
    for (const n of DANGEROUS) expect(full.searchParams.get(n), n).toBe(`v-${n}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the client has a method per operation and still behaves as a plain object (String(client) calls nothing)', async () => {
    const { createClient } = (await import(pathToFileURL(join(OUT, 'client.ts')).href)) as Record<string, any>;
    const calls: string[] = [];
    const client = createClient({
      credentials: { accessKeyId: 'id', accessKeySecret: 'secret' },
      fetch: async (url: string) => {
        calls.push(String(url));
        return new Response('{"RequestId":"r"}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
      retries: 0,
    });
    expect(String(client)).toBe('[object Object]');
    expect(client.constructor).toBe(Object);
    for (const m of ['deleteServiceMesh', 'describeThing', 'deleteOp', 'toStringOp', 'constructorOp']) expect(typeof client[m], m).toBe('function');
    await client.toStringOp({ Id: 'i-1' });
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]).searchParams.get('Action')).toBe('ToString');
  });

  it("the docs' builder call for the manual's sample request sends what the sample sends", async () => {
    const mod = (await import(pathToFileURL(join(OUT, 'builders.ts')).href)) as Record<string, any>;
    const md = gen.files.get('docs/reference.md')!;
    const call = /The same request with the builder:[^\n]*\n\n```ts\nimport \{ deleteServiceMesh \} from '\.\.\/builders\.js';\n\nconst request = (deleteServiceMesh\([\s\S]*?\));\n```/.exec(md);
    expect(call, 'builder call in the Markdown').not.toBeNull();
    const req = new Function('deleteServiceMesh', `return ${call![1]};`)(mod.deleteServiceMesh) as { url: string };
    const q = new URL(req.url, 'http://x').searchParams;
    expect(q.get('class')).toBe('abc');
    expect(q.get('__proto__')).toBe('y');
    expect(q.get('constructor')).toBe('%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  });

  it('puts document text only in comments and string literals: no identifier comes from it, no bidi control is raw', () => {
    for (const f of tsFiles()) {
      const text = gen.files.get(f)!;
      expect(BIDI.test(text), `${f} holds a raw bidi control`).toBe(false);
      if (f.startsWith('runtime/')) continue; // hand-written templates
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
      const identifiers = new Set<string>();
      for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
        if (k === ts.SyntaxKind.Identifier) identifiers.add(scanner.getTokenText());
        if (k === ts.SyntaxKind.TemplateHead || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) throw new Error(`${f}: template literal in generated code`);
      }
      for (const bad of ['process', 'exit', 'alert', 'script', 'img', 'onerror', 'etc', 'passwd', 'evil']) expect(identifiers.has(bad), `${f}: identifier ${bad}`).toBe(false);
    }
  });

  it('keeps the hostile text readable in the JSDoc (escaped, bidi controls spelled out)', () => {
    const builders = gen.files.get('builders.ts')!;
    expect(builders).toContain('A class. *\\/ /* ` ${process.exit(1)} <script>alert(1)</script>');
    expect(builders).toMatch(/\\u202e|\\u202E/);
    const schema = gen.files.get('schema.ts')!;
    expect(schema).toContain('The proto.');
    expect(schema).toMatch(/"?__proto__"?\??: string/);
  });
});

describe('(b, d) generated docs', () => {
  it('Markdown has no raw HTML from the manual and still shows every description, escaped', () => {
    const md = gen.files.get('docs/reference.md')!;
    // Rendered by a CommonMark renderer that lets raw HTML through: no element from the manual.
    const rendered = micromark(md, { allowDangerousHtml: true });
    expect(rendered).not.toMatch(/<(?:script|img)\b|<[^>]*\sonerror=/i);
    for (const d of ['A class.', 'Whether to delete.', 'A constructor.', 'A proto.', 'A toString.', 'The ID of the ASM instance.']) {
      // descriptions are Markdown, shown as written: the raw HTML is made text, and in a table
      // cell the lone backtick is escaped (displayed the same) so it cannot pair with later code
      expect(md).toContain(`${d} */ /* \\\` \${process.exit(1)} &lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)>`);
    }
    expect(md).toContain('Deletes an Alibaba Cloud "Service Mesh" \'instance\' \\`now\\` and');
    // the sample request keeps its text in a fence
    expect(md).toContain('&constructor=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  });

  it('HTML has no live <script>alert / onerror= and shows the escaped descriptions', () => {
    const html = gen.files.get('docs/reference.html')!;
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img src=x onerror/i);
    // Redoc embeds the (neutralised) spec in its page state; the description text is in there.
    expect(html).toContain('A class. */ /* ` ${process.exit(1)} &lt;script>alert(1)&lt;/script>');
    expect(html).toContain('The proto.');
  });

  it('docs show bidi controls spelled out, never raw (no text displayed reordered)', () => {
    const md = gen.files.get('docs/reference.md')!;
    expect(BIDI.test(md), 'raw bidi control in reference.md').toBe(false);
    expect(md).toContain('\\u202eevil\\u2069 \\u2066\\u2067\\u2068x\\u2069');
    // The HTML: Redoc's own bundle holds a few bidi characters in its code (the page for a
    // harmless manual has them too); none may come from the manual, whose text shows spelled out.
    const html = gen.files.get('docs/reference.html')!;
    const raw = (text: string) => (text.match(new RegExp(BIDI.source, 'g')) ?? []).length;
    const harmless = readFileSync(join(ROOT, 'generated', 'alibaba-servicemesh', 'docs', 'reference.html'), 'utf8');
    expect(raw(html)).toBe(raw(harmless));
    expect(html).not.toContain(`${RLO}evil`);
    // spelled out in the page's JSON (a backslash there is written \\), displayed as \u202eevil\u2069
    expect(html).toContain('\\\\u202eevil\\\\u2069');
  });

  it('a real browser opening the HTML runs nothing from the manual', async (ctx) => {
    const found = await browserOrSkip('test/robustness/hostile-manual.test.ts (browser case)');
    if (!found) return ctx.skip();
    const browser = await chromium.launch({
      executablePath: found.executablePath,
      ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      const external: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.route('**/*', (route) => {
        const u = route.request().url();
        if (/^(file|data|blob):/.test(u)) return route.continue();
        external.push(u);
        return route.abort();
      });
      await page.goto(pathToFileURL(join(OUT, 'docs', 'reference.html')).href, { waitUntil: 'load' });
      // Open each operation by its stable deep link; the hostile descriptions must be on screen as text.
      for (const [id, text] of [['DeleteServiceMesh', 'A class.'], ['DescribeThing', 'Queries a thing.']]) {
        await page.evaluate((h) => {
          window.location.hash = h;
        }, `#operation/${id}`);
        await page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 15_000 });
      }
      const injected = await page.evaluate(() => ({
        imgs: document.querySelectorAll('img[src="x"], [onerror]').length,
        // the manual's <script>alert(1)</script> as an element (Redoc's own state script holds it as JSON text)
        scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').trim() === 'alert(1)').length,
        shown: document.body.innerText.includes('<script>alert(1)</script>'),
      }));
      expect(dialogs).toEqual([]);
      expect(external).toEqual([]);
      expect(injected).toEqual({ imgs: 0, scripts: 0, shown: true });
    } finally {
      await browser.close();
    }
  }, 90_000);
});

describe('(c) file names', () => {
  it('writes every generated file inside the output folder, whatever the manual names', async () => {
    for (const rel of gen.files.keys()) {
      expect(isAbsolute(rel), rel).toBe(false);
      const target = resolve(OUT, rel);
      expect(target.startsWith(OUT + sep), rel).toBe(true);
      expect(relative(OUT, target).split(sep)).not.toContain('..');
      expect(rel).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069\\]/);
      // file names never come from the manual's text
      expect(rel).not.toMatch(/passwd|Thing|ServiceMesh|proto|constructor|script/i);
    }
    // nothing appeared next to the output folder
    expect(await readdir(SANDBOX)).toEqual(['out']);
  });
});
