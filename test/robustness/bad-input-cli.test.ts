/**
 * Every user mistake at the command line ends with a documented exit code (2 for bad input or
 * usage, 1 for findings), one stderr line that names the file or word and the problem, no stack
 * trace, and no output half-written. One case per mistake that a new user made (issue 16).
 * Most cases run the CLI's main() in this process (cheap); those that depend on the process
 * itself (exit code, startup, large inputs) spawn the real CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT, type CliRun } from './cli.ts';
import { COMMAND_SPECS } from '../../scripts/commands/specs.ts';
import { commandHelp, GLOBAL_OPTIONS } from '../../scripts/commands/args.ts';
import { main, registerCommand } from '../../scripts/cli.ts';

/** main() in this process with stdout/stderr captured (the cases using it run one at a time). */
async function run(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => ((stdout += String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => ((stderr += String(s)), true)) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(args);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return { code, stdout, stderr, errLines: stderr.split('\n').filter((l) => l.trim() !== '') };
}

const ALIBABA = join(ROOT, 'sources', 'alibaba-cloud-service-mesh-api-reference-20220712.txt');
const EXCERPT = join(ROOT, 'test', 'fixtures', 'extract', 'alibaba-excerpt.txt');
const OLD = 'openapi: 3.1.0\n# output of an earlier, good build: must survive the mistake untouched\n';
const NO_STACK = /internal error|\n\s+at |at .*\.ts:\d+/;
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'refspec-mistakes-'));
});
afterAll(async () => {
  await chmod(join(dir, 'locked'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** One stderr line, matching `problem`, no stack trace. */
function oneLine(r: CliRun, problem: RegExp): void {
  expect(r.errLines, r.stderr).toHaveLength(1);
  expect(r.errLines[0]).toMatch(problem);
  expect(r.stderr).not.toMatch(NO_STACK);
}

async function fresh(name: string): Promise<string> {
  const d = join(dir, name);
  await mkdir(d, { recursive: true });
  return d;
}

describe('usage mistakes: exit 2, one line listing what is known', () => {
  it('unknown command', async () => {
    const r = await runCli(['bild', 'x.txt']); // the real process: its exit code
    expect(r.code).toBe(2);
    oneLine(r, /^refspec: unknown command "bild"; commands: build, lint, regen, check, generate, diff/);
  });
  it('no command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    oneLine(r, /^refspec: no command given; commands: build, lint, regen, check, generate, diff/);
  });
  it.each(COMMAND_SPECS.map((s) => [s.name]))('unknown option of %s lists its options', async (name) => {
    const spec = COMMAND_SPECS.find((s) => s.name === name)!;
    const r = await run([name, '--force']);
    expect(r.code).toBe(2);
    oneLine(r, new RegExp(`^refspec ${name}: unknown option "--force"; known options: `));
    for (const o of [...spec.options, ...GLOBAL_OPTIONS]) expect(r.errLines[0]).toContain(`--${o.name}`);
  });
  it.each([['check'], ['regen']])('%s with an unknown API name (a typo) does nothing and names the known APIs', async (cmd) => {
    const spec = join(ROOT, 'spec', 'alibaba-servicemesh-2020-01-11.openapi.yaml');
    const before = (await stat(spec)).mtimeMs;
    const r = await run([cmd, 'alibaba-servicemesh-2020-01-11', 'no-such-api']);
    expect(r.code).toBe(2);
    oneLine(r, new RegExp(`^refspec ${cmd}: unknown API "no-such-api"; the APIs in sources/refspec.config.json are: alibaba-servicemesh-2020-01-11, huaweicloud-asm-v1$`));
    expect((await stat(spec)).mtimeMs).toBe(before);
  });
  it.each([
    [['build'], /^refspec build: expected at least 1 manual\(s\), got 0; usage: refspec build <manual…> \[options\]$/],
    [['build', 'x.txt', '--dialect', 'nope'], /^refspec build: --dialect takes auto, alibaba-rpc, huawei-rest \(got "nope"\)$/],
    [['build', 'x.txt', '--report'], /^refspec build: --report needs a value \(FILE\)$/],
    [['build', 'x.txt', '--jobs', 'many'], /^refspec build: --jobs takes a positive whole number \(got "many"\)$/],
    [['build', 'x.txt', '--diagnostics=yes'], /^refspec build: --diagnostics takes no value$/],
    [['regen', '--fail-on', 'sometimes'], /^refspec regen: --fail-on takes breaking, warning \(got "sometimes"\)$/],
    [['lint'], /^refspec lint: expected 1 spec, got 0/],
    [['lint', 'a.yaml', 'b.yaml'], /^refspec lint: expected 1 spec, got 2 \(a\.yaml b\.yaml\)/],
    [['diff', 'a.yaml'], /^refspec diff: expected 2 inputs \(base and revision\), got 1/],
    [['generate', 'a.yaml'], /^refspec generate: -o <dir> is required/],
    [['help', 'bild'], /^refspec: unknown command "bild"; commands: /],
  ])('%j', async (args, problem) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    oneLine(r, problem);
  });
});

describe('help lives in the tool', () => {
  it.each(COMMAND_SPECS.map((s) => [s.name]))('refspec %s --help: every flag, exit 0', async (name) => {
    const spec = COMMAND_SPECS.find((s) => s.name === name)!;
    const r = await run([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(commandHelp(spec));
    for (const o of [...spec.options, ...GLOBAL_OPTIONS]) expect(r.stdout).toMatch(new RegExp(`(^|\\s)--${o.name}\\b`, 'm'));
  });
  it('--help wins over other mistakes on the line, and `refspec help <command>` is the same', async () => {
    const a = await run(['build', '--force', '--help']);
    const b = await run(['help', 'build']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
  it('refspec --version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`refspec ${pkg.version}\n`);
  });
});

describe('output mistakes: checked before the build, nothing half-written', () => {
  it('-o naming an existing folder writes the spec, report and source map into it', async () => {
    const out = await fresh('out-folder');
    const r = await run(['build', EXCERPT, '-o', out, '--quiet']);
    expect([0, 1]).toContain(r.code);
    expect((await readdir(out)).sort()).toEqual(['alibaba-excerpt.openapi.yaml', 'alibaba-excerpt.report.md', 'alibaba-excerpt.sourcemap.json']);
    expect(await readFile(join(out, 'alibaba-excerpt.openapi.yaml'), 'utf8')).toMatch(/^openapi: 3\.1/);
    const map = JSON.parse(await readFile(join(out, 'alibaba-excerpt.sourcemap.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(map).length).toBeGreaterThan(0);
  });
  it('-o through a path that runs into a file → exit 2 before building', async () => {
    const d = await fresh('parent-is-file');
    await writeFile(join(d, 'notes'), 'x');
    const r = await run(['build', EXCERPT, '-o', join(d, 'notes', 'api.openapi.yaml')]);
    expect(r.code).toBe(2);
    oneLine(r, new RegExp(`^refspec: ${d}/notes/api.openapi.yaml: cannot write it \\(a parent in the path is a file, not a folder\\)$`));
    expect(await readdir(d)).toEqual(['notes']);
  });
  it.skipIf(isRoot)('-o into a folder without write permission → exit 2', async () => {
    const locked = await fresh('locked');
    await chmod(locked, 0o555);
    const r = await run(['build', EXCERPT, '-o', join(locked, 'api.openapi.yaml')]);
    expect(r.code).toBe(2);
    oneLine(r, /cannot write it \(folder .*locked is not writable\)$/);
  });
  it('--report that cannot be written → exit 2 and the spec is not written either', async () => {
    const d = await fresh('report-unwritable');
    await writeFile(join(d, 'api.openapi.yaml'), OLD);
    await writeFile(join(d, 'file'), 'x');
    const r = await run(['build', EXCERPT, '-o', join(d, 'api.openapi.yaml'), '--report', join(d, 'file', 'api.report.md')]);
    expect(r.code).toBe(2);
    oneLine(r, new RegExp(`^refspec: ${d}/file/api.report.md: cannot write it`));
    expect(await readFile(join(d, 'api.openapi.yaml'), 'utf8')).toBe(OLD);
    expect((await readdir(d)).sort()).toEqual(['api.openapi.yaml', 'file']);
  });
  it('--report naming a folder → exit 2, spec untouched', async () => {
    const d = await fresh('report-folder');
    await writeFile(join(d, 'api.openapi.yaml'), OLD);
    await mkdir(join(d, 'reports'));
    const r = await run(['build', EXCERPT, '-o', join(d, 'api.openapi.yaml'), '--report', join(d, 'reports')]);
    expect(r.code).toBe(2);
    oneLine(r, new RegExp(`^refspec: ${d}/reports: is a folder, expected a file name$`));
    expect(await readFile(join(d, 'api.openapi.yaml'), 'utf8')).toBe(OLD);
  });
  it('-o and --report naming the same file → exit 2', async () => {
    const r = await run(['build', EXCERPT, '-o', join(dir, 'same.yaml'), '--report', join(dir, 'same.yaml')]);
    expect(r.code).toBe(2);
    oneLine(r, /must name different files/);
  });
  it('several manuals into a folder path that is a file → exit 2, nothing built', async () => {
    const d = await fresh('batch-file');
    await writeFile(join(d, 'out'), 'x');
    const r = await run(['build', EXCERPT, ALIBABA, '-o', join(d, 'out')]);
    expect(r.code).toBe(2);
    oneLine(r, /out\/alibaba-excerpt\.openapi\.yaml: cannot write it \(a parent in the path is a file, not a folder\)$/);
  });
  it('generate -o naming a file → exit 2', async () => {
    const d = await fresh('generate-file');
    await writeFile(join(d, 'client'), 'x');
    const r = await run(['generate', join(ROOT, 'spec', 'huaweicloud-asm-v1.openapi.yaml'), '-o', join(d, 'client')]);
    expect(r.code).toBe(2);
    oneLine(r, /client: is a file, expected a folder$/);
    expect(await readFile(join(d, 'client'), 'utf8')).toBe('x');
  });
});

describe('input mistakes', () => {
  it.each([
    ['broken YAML', 'broken.yaml', 'openapi: [\n', /: not valid YAML or JSON \(line 2, column 1: /],
    ['a list, not a document', 'list.yaml', '- a\n- b\n', /: not an OpenAPI document \(the top level is a list, expected a mapping\)$/],
    ['YAML that is no OpenAPI', 'config.yaml', 'name: x\nport: 80\n', /: not an OpenAPI document \(no "openapi" version field\)$/],
    ['an empty file', 'empty.yaml', '', /: file is empty$/],
    ['a missing file', 'missing.yaml', undefined, /: cannot read file \(does it exist\?\)$/],
  ])('lint on %s → exit 2, one line', async (_name, file, content, problem) => {
    const path = join(dir, `lint-${file}`);
    if (content !== undefined) await writeFile(path, content);
    const r = await run(['lint', path]);
    expect(r.code).toBe(2);
    oneLine(r, new RegExp(`^refspec: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${problem.source}`));
  });
  it('lint on a folder → exit 2', async () => {
    const r = await run(['lint', dir]);
    expect(r.code).toBe(2);
    oneLine(r, /is a folder, expected a file$/);
  });

  it.each([
    ['UTF-16LE', 'utf16le', Buffer.from([0xff, 0xfe])],
    ['UTF-16BE', 'utf16be', Buffer.from([0xfe, 0xff])],
  ])('a %s manual with a byte-order mark builds like its UTF-8 original', async (_name, enc, bom) => {
    const text = await readFile(EXCERPT, 'utf8');
    const le = Buffer.from(text, 'utf16le');
    const body = enc === 'utf16be' ? Buffer.from(le).swap16() : le;
    const file = join(dir, `${enc}.txt`);
    await writeFile(file, Buffer.concat([bom, body]));
    const a = await run(['build', file, '--json']);
    const b = await run(['build', EXCERPT, '--json']);
    expect(a.code, a.stderr).toBe(b.code);
    expect((JSON.parse(a.stdout) as { stats: unknown }).stats).toEqual((JSON.parse(b.stdout) as { stats: unknown }).stats);
  });
  it('UTF-16 without a byte-order mark is named as such → exit 2', async () => {
    const file = join(dir, 'utf16-nobom.txt');
    await writeFile(file, Buffer.from(await readFile(EXCERPT, 'utf8'), 'utf16le'));
    const r = await run(['build', file]);
    expect(r.code).toBe(2);
    oneLine(r, /: looks like UTF-16 text without a byte-order mark; save it as UTF-8/);
  });

  it('a 30 MB single line is refused, saying so → exit 2', async () => {
    const manual = (await readFile(ALIBABA, 'utf8')).replace(/\n/g, ' ');
    const file = join(dir, 'one-line.txt');
    await writeFile(file, manual.repeat(Math.ceil(30e6 / manual.length)).slice(0, 30_000_000));
    const r = await runCli(['build', file, '-o', join(dir, 'one-line.yaml')]);
    expect(r.code).toBe(2);
    oneLine(r, /: not a recognised API reference manual \(no known dialect matched\); line 1 is 30000000 characters long: text without its line breaks\?$/);
  });
  it('a very long line inside a manual is reported as loss, and --strict makes it exit 1', async () => {
    const lines = (await readFile(EXCERPT, 'utf8')).split('\n');
    lines.splice(Math.floor(lines.length / 2), 0, 'x'.repeat(200_000));
    const file = join(dir, 'long-line.txt');
    await writeFile(file, lines.join('\n'));
    const r = await run(['build', file, '-o', join(dir, 'long-line.yaml')]);
    expect([0, 1]).toContain(r.code);
    expect(r.errLines.some((l) => /: warning: 1 line is too long to be read as manual text \[line-too-long\] \(first at .*long-line\.txt:\d+: line \d+ is 200000 characters long/.test(l))).toBe(true);
    const strict = await run(['build', file, '-o', join(dir, 'long-line.yaml'), '--strict', '--quiet']);
    expect(strict.code).toBe(1);
  });

  it('a truncated manual says on stderr which listed operations are missing; --strict exits 1', async () => {
    const full = await readFile(ALIBABA);
    const file = join(dir, 'truncated.txt');
    await writeFile(file, full.subarray(0, Math.floor(full.length * 0.4)));
    const r = await run(['build', file, '-o', join(dir, 'truncated.yaml')]);
    expect(r.code).toBe(0);
    const loss = r.errLines.filter((l) => l.includes(': warning: '));
    expect(loss[0]).toMatch(
      new RegExp(`^refspec: ${file}: warning: \\d+ operations listed in the manual are not documented \\[operation-not-documented\\] \\(first at ${file}:\\d+: \\w+ is in the operation list but no section documents it\\)$`),
    );
    const strict = await run(['build', file, '-o', join(dir, 'truncated.yaml'), '--strict', '--quiet']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('');
  });
});

describe('internal errors', () => {
  it('print one line with a hint, and the stack only with REFSPEC_DEBUG=1', async () => {
    registerCommand({ name: 'boom', summary: 'test', usage: '', description: [], positionals: { min: 0 }, options: [] } as never, async () => async () => {
      throw new TypeError('Cannot read properties of undefined (reading "x")');
    });
    const written: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (written.push(String(s)), true)) as typeof process.stderr.write;
    const saved = process.env.REFSPEC_DEBUG;
    try {
      delete process.env.REFSPEC_DEBUG;
      expect(await main(['boom'])).toBe(70);
      process.env.REFSPEC_DEBUG = '1';
      expect(await main(['boom'])).toBe(70);
    } finally {
      process.stderr.write = orig;
      if (saved === undefined) delete process.env.REFSPEC_DEBUG;
      else process.env.REFSPEC_DEBUG = saved;
    }
    expect(written[0]).toBe(
      'refspec boom: internal error: Cannot read properties of undefined (reading "x") (a bug in refspec, please report it; REFSPEC_DEBUG=1 shows the stack)\n',
    );
    expect(written[1]).toBe(written[0]);
    expect(written[2]).toMatch(/^TypeError: Cannot read properties[^\n]*\n\s+at /);
  });
});
