/**
 * refspec as a package, the way a user gets it: `npm pack` from a clean copy of the checkout (its
 * git-listed files, no dist/: `prepare` must build it), `npm install <tarball>` into an empty
 * project, then the CLI (`npx refspec`) and the programmatic API there, from plain JavaScript and
 * from TypeScript (strict, NodeNext).
 *
 * Offline, by construction. `npm install <tarball> --offline` alone would need every dependency's
 * tarball in npm's cache, which a CI machine or a fresh clone need not have. Instead the empty
 * project's node_modules gets one symlink per runtime dependency the packed package.json declares,
 * pointing into this checkout's node_modules (same versions, so npm finds them satisfied and only
 * unpacks refspec and links its bin; with --offline it would fail rather than fetch). Node resolves
 * refspec's imports from the project's node_modules and never from this checkout, so a package the
 * compiled code loads without declaring it (a devDependency such as tsx) fails here. Transitive
 * dependencies resolve from the symlinks' real paths, as in any installed tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { buildFromFile } from '../../scripts/pipeline.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MANUAL = 'alibaba-cloud-service-mesh-api-reference-20220712.txt';
const HUAWEI = 'huawei-cloud-asm-api-reference-2025-05-28.txt';
const NPM_ENV = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = NPM_ENV): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let tmp: string;
let project: string;
let pkg: { name: string; version: string; dependencies: Record<string, string>; files: string[] };
/** The installed bin as npm linked it (npx itself is run once: each npx start costs a second or two). */
const refspec = (...args: string[]) => run(join(project, 'node_modules', '.bin', 'refspec'), args, project);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'refspec-tarball-'));
  // A clean copy: what git would check out (tracked and new, unignored files), no dist/.
  const src = join(tmp, 'src');
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of listed) {
    if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(src, f)), { recursive: true });
    cpSync(join(ROOT, f), join(src, f));
  }
  expect(existsSync(join(src, 'dist'))).toBe(false);
  symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  const packed = await run('npm', ['pack', '--pack-destination', tmp], src);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = join(tmp, packed.stdout.trim().split('\n').pop()!);
  pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));

  project = join(tmp, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true, type: 'module' }));
  for (const dep of Object.keys(pkg.dependencies)) {
    mkdirSync(dirname(join(project, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
  }
  const installed = await run('npm', ['install', tarball, '--offline', '--no-package-lock', '--ignore-scripts'], project);
  expect(installed.code, installed.stderr).toBe(0);
  mkdirSync(join(project, 'sources'));
  cpSync(join(ROOT, 'sources', MANUAL), join(project, 'sources', MANUAL));
  cpSync(join(ROOT, 'sources', HUAWEI), join(project, 'sources', HUAWEI));
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('packed and installed into an empty project', () => {
  it('holds what runs and nothing else', () => {
    const root = join(project, 'node_modules', 'refspec');
    const top = readdirSync(root).sort();
    expect(top).toEqual(['README.md', 'bin', 'dist', 'package.json', 'redocly.yaml', 'templates']);
    expect(existsSync(join(root, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'bench'))).toBe(false);
    expect(readdirSync(join(root, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.ts') && !String(f).endsWith('.d.ts'))).toEqual([]);
  });

  it('npx refspec --help and --version', async () => {
    const help = await run('npx', ['--offline', 'refspec', '--help'], project);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: refspec <command> \[options\]/);
    expect(help.stderr).toBe('');
    const version = await refspec('--version');
    expect(version.stdout.trim()).toBe(`refspec ${pkg.version}`);
    const usage = await refspec('build');
    expect(usage.code).toBe(2);
  });

  it('refspec build of a bundled manual: the same spec as the sources build, linted with the packaged rules', async () => {
    const r = await refspec('build', `sources/${MANUAL}`, '-o', 'out/spec.openapi.yaml', '--report', 'out/report.md');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/69 operations.*lint 0 errors, 0 warnings/);
    // The same relative path as in the project (vitest runs in the checkout's root).
    const fromSources = await buildFromFile(`sources/${MANUAL}`);
    expect(readFileSync(join(project, 'out', 'spec.openapi.yaml'), 'utf8')).toBe(fromSources.yaml);
    expect(readFileSync(join(project, 'out', 'report.md'), 'utf8')).toMatch(/Redocly lint \(recommended \+ refspec rules\): 0 errors/);
    // The linter shipped bundled into one file (scripts/dev/bundle.ts) finds what the
    // package finds: a spec with a bad type and no servers.
    expect(existsSync(join(project, 'node_modules', 'refspec', 'dist', 'vendor', 'redocly-core.js'))).toBe(true);
    writeFileSync(
      join(project, 'out', 'bad.yaml'),
      'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        "200":\n          description: ok\n          content: {application/json: {schema: {type: strin}}}\n',
    );
    const bad = await refspec('lint', 'out/bad.yaml');
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/error \[struct\]/);
    expect(bad.stdout + bad.stderr).toMatch(/error \[no-empty-servers\]/);
    const noLint = await refspec('build', `sources/${MANUAL}`, '-o', 'out/nolint.yaml', '--no-lint');
    expect(noLint.code, noLint.stderr).toBe(0);
    expect(noLint.stderr).toMatch(/not linted \(--no-lint\)/);
  });

  it('the bin runs the CommonJS bundle, and a batch build on worker threads loads its worker beside it', async () => {
    expect(existsSync(join(project, 'node_modules', 'refspec', 'dist', 'bundle', 'cli.cjs'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'refspec', 'dist', 'bundle', 'build-worker.cjs'))).toBe(true);
    // Every document on a worker (no main-thread lane), so the worker file must load.
    const args = ['build', `sources/${MANUAL}`, `sources/${HUAWEI}`, '--out-dir', 'batch', '--jobs', '2', '--no-lint'];
    const r = await run(join(project, 'node_modules', '.bin', 'refspec'), args, project, { ...NPM_ENV, REFSPEC_MAIN_LANE: 'off' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/built 2 of 2 documents/);
    expect(r.stderr).not.toMatch(/no worker thread took/);
    expect(readFileSync(join(project, 'batch', `${MANUAL.replace(/\.txt$/, '')}.openapi.yaml`), 'utf8')).toBe(readFileSync(join(project, 'out', 'nolint.yaml'), 'utf8'));
  });

  it('refspec generate: templates and the Redoc bundle come from the package', async () => {
    const r = await refspec('generate', 'out/spec.openapi.yaml', '-o', 'client', '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(project, 'client', 'runtime')).length).toBeGreaterThan(3);
    expect(readFileSync(join(project, 'client', 'docs', 'reference.html'), 'utf8')).toMatch(/<html/i);
  });

  it('refspec build of a PDF loads pdf.js from the installed dependencies', async () => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.text('A letter, not an API reference.');
    doc.end();
    await done;
    writeFileSync(join(project, 'letter.pdf'), Buffer.concat(chunks));
    const r = await refspec('build', 'letter.pdf', '-o', 'letter.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('refspec: letter.pdf: not a recognised API reference manual (no known dialect matched)');
  });

  it('the programmatic API from plain JavaScript', async () => {
    writeFileSync(
      join(project, 'api.mjs'),
      `import { build, lint, generate, diff, InputError } from 'refspec';
const b = await build('sources/${MANUAL}');
const l = await lint(b.spec);
const g = await generate(b.spec, { html: false });
const d = await diff(b.spec, b.spec);
let bad = '';
try { await build('package.json'); } catch (e) { bad = e instanceof InputError ? e.message : 'other'; }
console.log(JSON.stringify({ ops: b.stats.operations, paths: Object.keys(b.spec.paths).length, lint: [b.lint.errors, l.errors], files: g.files.has('client.ts'), breaking: d.summary.breaking, bad }));
`,
    );
    const r = await run(process.execPath, ['api.mjs'], project);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ops: 69,
      paths: 69,
      lint: [0, 0],
      files: true,
      breaking: 0,
      bad: 'package.json: not a recognised API reference manual (no known dialect matched)',
    });
  });

  it("README's API example, run as written, prints what README shows", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const m = /<!-- api-example[^>]*-->\n```js\n([\s\S]*?)^```\n\n```text\n([\s\S]*?)^```/m.exec(readme);
    expect(m, 'README has an api-example js block followed by its text output').not.toBeNull();
    // The example diffs against a spec built earlier from the same manual.
    cpSync(join(project, 'out', 'spec.openapi.yaml'), join(project, 'spec.openapi.yaml'));
    writeFileSync(join(project, 'example.mjs'), m![1]);
    const r = await run(process.execPath, ['example.mjs'], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(m![2]);
    expect(existsSync(join(project, 'client', 'client.ts'))).toBe(true);
  });

  it('the programmatic API type-checks from TypeScript (strict, NodeNext, library .d.ts checked)', async () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { build, lint, generate, diff, InputError, type BuildOutput, type LintResult, type DiffResult } from 'refspec';
const r: BuildOutput = await build('sources/x.txt', { lint: false, dialect: 'auto' });
const operations: number = r.stats.operations;
const lintResult: LintResult = await lint(r.spec);
const files: Map<string, string> = (await generate(r.spec, { html: false })).files;
const changes: DiffResult = await diff('a.openapi.yaml', r.spec, { expand: true });
// @ts-expect-error build takes a path, not a number
await build(42);
console.log(operations, lintResult.errors, files.size, changes.summary.breaking, InputError.name);
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }),
    );
    const r = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
