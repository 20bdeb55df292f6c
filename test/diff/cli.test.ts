/**
 * `refspec diff` on the command line: formats, --fail-on exit codes, git revisions, bad input
 * (one line naming the file, exit 2, nothing on stdout).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli.ts';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'scripts/cli.ts');
const FX = join(ROOT, 'test/fixtures/diff');

/** The CLI in-process (fast): stdout/stderr captured, cwd switched for git revisions. */
async function run(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  const here = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['diff', ...args]);
    return { code, stdout, stderr: stderr.replace(/\n$/, '') };
  } finally {
    process.chdir(here);
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The real process once: exit status as the shell sees it. */
function spawn(args: string[]) {
  const r = spawnSync(TSX, [CLI, 'diff', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n') };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'refspec-diff-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('refspec diff', () => {
  const base = join(FX, 'request-parameter-became-required/base.yaml');
  const rev = join(FX, 'request-parameter-became-required/revision.yaml');
  const infoOnly = [join(FX, 'request-parameter-added/base.yaml'), join(FX, 'request-parameter-added/revision.yaml')];
  const warningOnly = [join(FX, 'operation-deprecated/base.yaml'), join(FX, 'operation-deprecated/revision.yaml')];

  it('text by default: summary, operation group, level, message, id, location', async () => {
    const r = await run([base, rev]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 breaking change, 0 warnings, 0 other changes');
    expect(r.stdout).toMatch(/\nDescribeThings\n {2}BREAKING query parameter PageSize became required {2}\[request-parameter-became-required\]\n {11}at revision #\/paths\/~1#Action=DescribeThings\/get\/parameters\/1\n/);
  });

  it('lists breaking changes before the rest, grouped by operation', async () => {
    const mixed = join(tmp, 'mixed.yaml');
    // revision with one info change (new optional parameter on UpdateThing) and one breaking change
    // (DescribeThings PageSize required): the breaking group comes first although U < D is false
    const text = readFixture('request-parameter-became-required/revision.yaml').replace(
      'description: Trace id., schema: {type: string}}\n',
      'description: Trace id., schema: {type: string}}\n        - {name: Force, in: query, required: false, description: Force it., schema: {type: boolean}}\n',
    );
    writeFileSync(mixed, text);
    const r = await run([base, mixed]);
    expect(r.stdout.indexOf('DescribeThings')).toBeLessThan(r.stdout.indexOf('UpdateThing'));
    const r2 = await run([infoOnly[0], mixed]);
    // now only the info change is in UpdateThing and the breaking one in DescribeThings
    expect(r2.stdout.indexOf('\nDescribeThings')).toBeLessThan(r2.stdout.indexOf('\nUpdateThing'));
  });

  it('--format json is machine-readable with id, level, location', async () => {
    const r = await run([base, rev, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
    expect(j.changes[0]).toMatchObject({ id: 'request-parameter-became-required', level: 'breaking', operation: 'DescribeThings' });
    expect((await run([base, rev, '--json'])).stdout).toBe(r.stdout);
  });

  it('--format markdown is a changelog entry', async () => {
    const r = await run([base, rev, '--format', 'markdown', '--heading', 'Manual 2']);
    expect(r.stdout).toMatch(/^## Manual 2\n\n1 breaking change, 0 warnings, 0 other changes\.\n\n### Breaking changes\n\n- `DescribeThings`: query parameter PageSize became required \(`request-parameter-became-required`\)\n$/);
  });

  it('a change to a shared schema is one change; --expand lists it per operation and status', async () => {
    // UpdateThing answers 200 and 202 with the same components/schemas/Thing; the revision drops Thing.Size
    const twice = readFixture('request-property-removed/base.yaml').replace(
      "'202': {description: Accepted}",
      "'202': {description: Accepted, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}",
    );
    const a = join(tmp, 'shared-a.yaml');
    const b = join(tmp, 'shared-b.yaml');
    writeFileSync(a, twice);
    writeFileSync(b, twice.replace('        Size: {type: integer, format: int32}\n', ''));
    const grouped = await run([a, b]);
    expect(grouped.stdout).toContain('1 breaking change, 0 warnings, 0 other changes\n');
    expect(grouped.stdout).toContain('\nUpdateThing\n  BREAKING response 200, 202 property Thing.Size was removed  [response-property-removed]\n');
    const expanded = await run([a, b, '--expand']);
    expect(expanded.stdout).toContain('2 breaking changes, 0 warnings, 0 other changes\n');
    expect(expanded.stdout).toContain('  BREAKING response 200 property Size was removed  [response-property-removed]\n');
    expect(expanded.stdout).toContain('  BREAKING response 202 property Size was removed  [response-property-removed]\n');
    const j = JSON.parse((await run([a, b, '--json'])).stdout);
    expect(j.changes).toHaveLength(1);
    expect(j.changes[0]).toMatchObject({ operation: 'UpdateThing', shared: '#/components/schemas/Thing', affects: [{ status: '200' }, { status: '202' }] });
    expect(JSON.parse((await run([a, b, '--json', '--expand'])).stdout).changes).toHaveLength(2);
    expect((await run([a, b, '--expand', '--fail-on', 'breaking'])).code).toBe(1);
  });

  it('exit codes reach the shell', () => {
    expect(spawn([base, rev, '--fail-on', 'breaking']).code).toBe(1);
    const bad = spawn([join(FX, 'nope.yaml'), rev, '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^refspec: .*nope\.yaml: cannot read file/);
  });

  it('--fail-on breaking / warning set exit 1 only at or above the level', async () => {
    expect((await run([base, rev, '--fail-on', 'breaking'])).code).toBe(1);
    expect((await run([...warningOnly, '--fail-on', 'breaking'])).code).toBe(0);
    expect((await run([...warningOnly, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run([...infoOnly, '--fail-on', 'warning'])).code).toBe(0);
    expect((await run([base, base, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('reads git revisions: path@rev', async () => {
    const repo = join(tmp, 'repo');
    mkdirSync(join(repo, 'spec'), { recursive: true });
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...a], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    copyFileSync(base, join(repo, 'spec/x.openapi.yaml'));
    git('add', '.');
    git('commit', '-qm', 'one');
    copyFileSync(rev, join(repo, 'spec/x.openapi.yaml'));
    const r = await run(['spec/x.openapi.yaml@HEAD', 'spec/x.openapi.yaml', '--json'], repo);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes.map((c: { id: string }) => c.id)).toEqual(['request-parameter-became-required']);
    const bad = await run(['spec/x.openapi.yaml@no-such-rev', 'spec/x.openapi.yaml'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^refspec: spec\/x\.openapi\.yaml@no-such-rev: git cannot show it/);
  });

  it('reads the source lines from a sidecar source map beside the spec', async () => {
    mkdirSync(join(tmp, 'side'), { recursive: true });
    copyFileSync(base, join(tmp, 'side/a.openapi.yaml'));
    copyFileSync(rev, join(tmp, 'side/b.openapi.yaml'));
    writeFileSync(join(tmp, 'side/a.sourcemap.json'), JSON.stringify({ '#/paths/~1#Action=DescribeThings/get/parameters/1': { file: 'old.txt', line: 10, endLine: 12 } }));
    writeFileSync(join(tmp, 'side/b.sourcemap.json'), JSON.stringify({ '#/paths/~1#Action=DescribeThings/get': { file: 'new.txt', line: 5, endLine: 40 } }));
    const j = JSON.parse((await run([join(tmp, 'side/a.openapi.yaml'), join(tmp, 'side/b.openapi.yaml'), '--json'])).stdout);
    expect(j.changes[0].source).toEqual({ base: { file: 'old.txt', line: 10, endLine: 12 }, revision: { file: 'new.txt', line: 5, endLine: 40 } });
  });

  describe('bad input: one line naming the file, exit 2, no output (--quiet: no progress lines)', () => {
    const cases: [string, string, RegExp][] = [
      ['empty.yaml', '', /empty\.yaml: file is empty$/],
      ['binary.yaml', '\u0000\u0001\u0002PK', /binary\.yaml: binary file, not an OpenAPI document$/],
      ['list.yaml', '- a\n- b\n', /list\.yaml: not an OpenAPI 3 document/],
      ['swagger.json', '{"swagger": "2.0", "paths": {}}', /swagger\.json: not an OpenAPI 3 document/],
      ['broken.yaml', 'openapi: 3.1.0\npaths: {a: [\n', /broken\.yaml: not valid YAML or JSON/],
      ['notes.docx', 'x', /notes\.docx: expected a spec \(\.yaml, \.yml, \.json\) or a manual/],
      ['empty.txt', '', /empty\.txt: file is empty$/],
      ['cut.json', '{"openapi": "3.0.3", "paths": {"/a": {"get": ', /cut\.json: not valid YAML or JSON/],
      ['paths-list.json', '{"openapi": "3.1.0", "paths": []}', /paths-list\.json: "paths" is not an object$/],
      ['number.yaml', 'openapi: 3.0\npaths: {}\n', /number\.yaml: not an OpenAPI 3 document/],
    ];
    for (const [name, content, message] of cases) {
      it(name, async () => {
        writeFileSync(join(tmp, name), content);
        const r = await run([join(tmp, name), base, '--quiet']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(message);
      });
    }
    it('missing file', async () => {
      const r = await run([join(tmp, 'nope.yaml'), base]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nope\.yaml: cannot read file/);
    });
    it('usage errors', async () => {
      expect((await run([base])).code).toBe(2);
      expect((await run([base, rev, '--format', 'html'])).code).toBe(2);
      expect((await run([base, rev, '--fail-on', 'info'])).code).toBe(2);
    });
  });
});

function readFixture(p: string): string {
  return readFileSync(join(FX, p), 'utf8');
}
