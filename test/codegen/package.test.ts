/**
 * A generated SDK is an npm package: the committed Alibaba SDK (generated/<api>/) and one generic
 * spec's SDK are built by their own `build` script (plain `tsc`, no allowImportingTsExtensions),
 * packed with `npm pack`, installed offline from the tarball into an empty project outside the
 * repository (empty npm cache: the SDK has no runtime dependency to fetch), and called over
 * loopback from plain JavaScript (`node x.mjs`) and from TypeScript (`tsc --strict`, NodeNext,
 * then node). The Alibaba call goes to the spec-driven mock server, which checks the signature with
 * @alicloud/openapi-util; the generic one to the echo server. Name and version derivation are
 * table-driven below.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { apiConfigs, fixtureDoc, generateInto, ROOT, specOf } from './helpers.ts';
import { startMockServer } from './mock-server.ts';
import { startEchoServer } from './echo-server.ts';
import { loadApi } from '../../scripts/codegen/index.ts';
import { inputParams } from '../../scripts/codegen/builders.ts';
import type { ApiInfo, OperationInfo } from '../../scripts/codegen/model.ts';
import { documentVersionIds, isValidPackageName, packageName, packageVersion, slugify } from '../../scripts/codegen/package.ts';
import { HTTP_DEFAULTS } from '../../templates/runtime/http.ts';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Semver precedence (semver.org §11), written here independently of the code under test. */
function compareSemver(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split('+')[0].split(/-(.*)/s);
    return { core: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i] - y.core[i];
  if (!x.pre.length || !y.pre.length) return (x.pre.length ? -1 : 0) + (y.pre.length ? 1 : 0);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    if (!pn && p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/;

describe('package version: <API version>[-doc.<document version>]', () => {
  it.each([
    ['2020-01-11', '20220712', '2020.1.11-doc.20220712'],
    ['2020-01-11', undefined, '2020.1.11'],
    ['v1', 'Issue 01, 2025-05-28', '1.0.0-doc.20250528.1'],
    ['v1', undefined, '1.0.0'],
    ['1.0', undefined, '1.0.0'],
    ['2.3.4', '3', '2.3.4-doc.3'],
    ['1.0.0-beta.01', '20240101', '1.0.0-beta.1.doc.20240101'],
    ['1.2.3+build.7', undefined, '1.2.3'],
    ['latest', '20220712', '0.0.0-doc.20220712'],
    ['', undefined, '0.0.0'],
    ['2021-1-5', 'V2.1 (2021-02-03)', '2021.1.5-doc.20210203.2.1'],
  ])('%j with document version %j -> %s', (api, doc, expected) => {
    const { version } = packageVersion(api, doc);
    expect(version).toBe(expected);
    expect(version).toMatch(SEMVER);
  });

  it('reports the fallback when info.version is not a version', () => {
    expect(packageVersion('latest').fallback).toBe(true);
    expect(packageVersion('2020-01-11').fallback).toBe(false);
  });

  it('grows when either the API version or the document version grows', () => {
    const apis = ['0.9', '1.0', '1.0.1', 'v2', '2019-12-31', '2020-01-11', '2020-02-01', '2021-01-01'];
    const docs = ['20190101', '20220712', 'Issue 01, 2022-07-13', 'Issue 02, 2022-07-13', '20230101'];
    for (let i = 0; i < apis.length; i++) {
      for (let j = 0; j < docs.length; j++) {
        const v = packageVersion(apis[i], docs[j]).version;
        if (j + 1 < docs.length) expect(compareSemver(packageVersion(apis[i], docs[j + 1]).version, v), `${apis[i]} ${docs[j]} -> ${docs[j + 1]}`).toBeGreaterThan(0);
        // A newer API version wins over any document version of an older one.
        if (i + 1 < apis.length) for (const d of docs) expect(compareSemver(packageVersion(apis[i + 1], d).version, v), `${apis[i]} -> ${apis[i + 1]}`).toBeGreaterThan(0);
      }
    }
  });

  it('reads a document version as numbers, the date first', () => {
    expect(documentVersionIds('20220712')).toEqual([20220712]);
    expect(documentVersionIds('Issue 01, 2025-05-28')).toEqual([20250528, 1]);
    expect(documentVersionIds('draft')).toEqual([]);
  });
});

describe('package name', () => {
  it.each([
    [{ info: { title: 'Swagger Petstore' } }, undefined, 'swagger-petstore'],
    [{ info: { title: 'Alibaba Cloud Service Mesh (ASM) API', 'x-refspec-source': { vendor: 'alibaba', service: 'servicemesh' } } }, undefined, 'alibaba-servicemesh'],
    [{ info: { title: 'Any' } }, 'my-sdk', 'my-sdk'],
    [{ info: { title: 'Ünïcödé Façade API' } }, undefined, 'unicode-facade-api'],
    [{ info: { title: 'HTTP' } }, undefined, 'http-client'],
    [{ info: { title: '服务网格' } }, undefined, 'openapi-client'],
    [{ info: {} }, undefined, 'openapi-client'],
    [{ info: { title: `${'x'.repeat(300)}` } }, undefined, 'x'.repeat(207)],
  ])('%j (given %j) -> %s', (doc, given, expected) => {
    const name = packageName(doc, given);
    expect(name).toBe(expected);
    expect(isValidPackageName(name)).toBe(true);
  });

  it('slugs are lower-case words joined by hyphens', () => {
    expect(slugify('  --A_b  c.d--  ')).toBe('a-b-c-d');
  });
});

// ---------------------------------------------------------------------------------------------

const ALI = { accessKeyId: 'LTAI5tPACKAGETEST', accessKeySecret: 'package-test-secret' };

interface Sdk {
  name: string;
  dir: string;
  api: ApiInfo;
  op: OperationInfo;
  input: Record<string, unknown>;
  options: Record<string, unknown>;
}

/** An operation the test can call without inventing values: a sample response and no required input but constants. */
function callable(api: ApiInfo): OperationInfo {
  const op = api.operations.find((o) => o.success?.examples.length && !o.body?.required && inputParams(o).every((p) => !p.required || p.example !== undefined));
  if (!op) throw new Error(`${api.title}: no operation to call`);
  return op;
}

const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function tempDir(prefix: string, under?: string): Promise<string> {
  if (under) await mkdir(under, { recursive: true });
  const d = await mkdtemp(join(under ?? tmpdir(), prefix));
  temps.push(d);
  return d;
}

/** npm pack (the package's prepack runs its build) and install the tarball, offline, into an empty project. */
async function packAndInstall(sdk: Sdk): Promise<{ project: string; files: string[] }> {
  const out = await tempDir('refspec-pack-');
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', out], { cwd: sdk.dir, maxBuffer: 1 << 26 });
  const packed = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  const files = packed[0].files.map((f) => f.path).sort();
  const project = await tempDir('refspec-consumer-');
  await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
  // An empty cache and --offline: the install can only succeed if nothing has to be fetched.
  await run('npm', ['install', join(out, packed[0].filename), '--offline', '--cache', join(out, 'cache'), '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project });
  return { project, files };
}

function literal(v: unknown): string {
  return JSON.stringify(v, null, 2);
}

async function checkSdk(sdk: Sdk, server: { url: string }) {
  const { project, files } = await packAndInstall(sdk);
  // Only built JavaScript, declarations, the Markdown reference, README and package.json are packed.
  expect(files.filter((f) => !/^dist\/.+\.(js|d\.ts)$/.test(f))).toEqual(['README.md', 'docs/reference.md', 'package.json']);
  expect(files).toContain('dist/index.d.ts');
  const installed = JSON.parse(await readFile(join(project, 'node_modules', sdk.name, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(installed.dependencies).toBeUndefined();
  expect(installed).toMatchObject({ type: 'module', sideEffects: false, types: './dist/index.d.ts' });

  const options = { ...sdk.options, endpoint: server.url, retries: 0 };
  // Plain JavaScript.
  await writeFile(
    join(project, 'call.mjs'),
    [
      `import { createClient, ApiError, builders } from ${JSON.stringify(sdk.name)};`,
      `const client = createClient(${literal(options)});`,
      `const result = await client[${JSON.stringify(sdk.op.fnName)}](${literal(sdk.input)});`,
      `process.stdout.write(JSON.stringify({ result, error: typeof ApiError, builders: Object.keys(builders).length }));`,
    ].join('\n'),
  );
  const js = JSON.parse((await run('node', ['call.mjs'], { cwd: project })).stdout) as { result: unknown; error: string; builders: number };
  expect(js.error).toBe('function');
  expect(js.builders).toBeGreaterThan(0);

  // TypeScript: strict, NodeNext, declarations of the installed package checked too (no skipLibCheck).
  const readme = await readFile(join(project, 'node_modules', sdk.name, 'README.md'), 'utf8');
  const readmeTs = /```ts\n([\s\S]*?)\n```/.exec(readme)?.[1];
  expect(readmeTs, 'README has a TypeScript example').toBeDefined();
  await writeFile(join(project, 'readme-example.ts'), `${readmeTs}\nexport {};\n`);
  await writeFile(
    join(project, 'call.ts'),
    [
      `import { createClient, ApiError, type ClientOptions } from ${JSON.stringify(sdk.name)};`,
      `import { ${sdk.op.fnName} as build } from ${JSON.stringify(`${sdk.name}/builders`)};`,
      `const options: ClientOptions = ${literal(options)};`,
      `const result = await createClient(options).${sdk.op.fnName}(${literal(sdk.input)});`,
      `const request = build(${literal(sdk.input)}, { endpoint: options.endpoint });`,
      `const fail: ApiError | undefined = undefined;`,
      `process.stdout.write(JSON.stringify({ result, method: request.method, fail }));`,
    ].join('\n'),
  );
  // Must not compile: an option of the wrong type, and a result used as what it is not (so neither is `any`).
  await writeFile(
    join(project, 'wrong.ts'),
    [
      `import { createClient } from ${JSON.stringify(sdk.name)};`,
      `const client = createClient({ retries: 'three' });`,
      `const r: { NoSuchField: string } = await client.${sdk.op.fnName}(${literal(sdk.input)});`,
      'export { r };',
    ].join('\n'),
  );
  await writeFile(
    join(project, 'tsconfig.json'),
    literal({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
      include: ['*.ts'],
    }),
  );
  const tsc = await run('node', [TSC, '-p', 'tsconfig.json'], { cwd: project }).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  const errors = tsc.split('\n').filter((l) => /error TS\d+/.test(l));
  expect(errors.length, tsc).toBe(2);
  expect(errors[0]).toMatch(/^wrong\.ts\(2,\d+\): error TS2322: .*'string' is not assignable to type 'number'/);
  expect(errors[1]).toMatch(/^wrong\.ts\(3,\d+\): error TS(2741|2322): .*NoSuchField/);
  const ts = JSON.parse((await run('node', [join('out', 'call.js')], { cwd: project })).stdout) as { result: unknown; method: string };
  expect(ts.result).toEqual(js.result);
  expect(ts.method).toBe(sdk.op.method.toUpperCase());
  return js.result;
}

describe('a generated SDK packs, installs offline and works from JavaScript and TypeScript', () => {
  it('the committed Alibaba SDK: signed calls the vendor\'s verifier accepts, Timestamp on the wire', async () => {
    const conf = (await apiConfigs()).find((a) => a.dialect === 'alibaba-rpc')!;
    const { doc, specPath } = await specOf(conf);
    const api = await loadApi(doc, { specPath });
    // Copy of the committed folder (without the HTML page, which is not packed).
    const dir = await tempDir('sdk-', join(ROOT, '.refspec-tmp'));
    await cp(join(ROOT, 'generated', conf.generated), dir, { recursive: true, filter: (src) => !src.endsWith('reference.html') });
    const op = callable(api);
    const input = Object.fromEntries(inputParams(op).filter((p) => p.required).map((p) => [p.key, p.example]));
    const sdk: Sdk = { name: conf.generated, dir, api, op, input, options: { credentials: ALI } };
    const server = await startMockServer(api, { alibaba: ALI });
    try {
      const result = await checkSdk(sdk, server);
      expect(result).toEqual(op.success!.examples[0].value);
      expect(server.received.length).toBe(2);
      expect(server.received.filter((r) => r.problem)).toEqual([]);
      for (const r of server.received) expect(new URL(r.url, 'http://x').searchParams.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    } finally {
      await server.close();
    }
  }, 240_000);

  it('a generic spec (test fixture) generated by refspec generate: bearer auth reaches the server', async () => {
    const gen = await generateInto(await fixtureDoc('rest-features.openapi.yaml'), 'package-rest', { specPath: 'test/fixtures/codegen/rest-features.openapi.yaml' });
    temps.push(gen.dir);
    const op = gen.api.operations.find((o) => o.operationId === 'authBearer')!;
    const sdk: Sdk = { name: 'feature-fixture', dir: gen.dir, api: gen.api, op, input: {}, options: { auth: { bearerAuth: 'tok-123' } } };
    expect(JSON.parse(gen.files.get('package.json')!)).toMatchObject({ name: 'feature-fixture', version: '1.0.0' });
    const server = await startEchoServer();
    try {
      const result = (await checkSdk(sdk, server)) as { method: string; url: string; headers: Record<string, string> };
      expect(result).toMatchObject({ method: 'GET', url: '/auth/bearer', headers: { authorization: 'Bearer tok-123' } });
      expect(server.seen.length).toBe(2);
    } finally {
      await server.close();
    }
  }, 240_000);
});

describe('package files of the committed SDKs', () => {
  it('package.json, tsconfig.json and README say what the runtime does', async () => {
    for (const conf of await apiConfigs()) {
      const dir = join(ROOT, 'generated', conf.generated);
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(pkg).toMatchObject({ name: conf.generated, type: 'module', sideEffects: false, scripts: { build: 'tsc -p tsconfig.json' } });
      expect(isValidPackageName(pkg.name as string)).toBe(true);
      expect(pkg.version).toMatch(SEMVER);
      const readme = await readFile(join(dir, 'README.md'), 'utf8');
      // The defaults the README states are the runtime's.
      expect(readme).toContain(`\`retries\` (default ${HTTP_DEFAULTS.retries} after the first attempt)`);
      expect(readme).toContain(`\`backoffMs\` (default ${HTTP_DEFAULTS.backoffMs}, doubled each`);
      expect(readme).toContain(`\`maxDelayMs\` (default ${HTTP_DEFAULTS.maxDelayMs})`);
      expect(readme).toContain(`\`timeoutMs\` (default ${HTTP_DEFAULTS.timeoutMs})`);
      expect(readme).toContain(`npm install ${conf.generated}`);
      expect(await readdir(join(dir, 'docs'))).toContain('reference.md');
    }
  });
});
