/**
 * The closing "N passed, N failed" line counts every failure vitest reports: a failed test, a
 * beforeAll that throws, a module that does not load, an unhandled rejection. Each case is a small
 * test file run by a child vitest with only this reporter.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const REPORTER = join(ROOT, 'test', 'support', 'count-reporter.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Run vitest on the given test files in a fresh folder; returns its exit code and closing line. */
function run(files: Record<string, string>): { code: number | null; closing: string } {
  const dir = mkdtempSync(join(tmpdir(), 'refspec-count-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['*.test.mjs'], reporters: [${JSON.stringify(REPORTER)}], pool: 'forks' } };\n`,
  );
  const r = spawnSync(process.execPath, [VITEST, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '', NO_COLOR: '1' },
  });
  const lines = r.stdout.split('\n').filter((l) => /^\d+ passed, \d+ failed/.test(l));
  return { code: r.status, closing: lines[lines.length - 1] ?? `(no closing line)\n${r.stdout}\n${r.stderr}` };
}

const PASS = "import { it, expect } from 'vitest';\nit('ok', () => expect(1).toBe(1));\n";

describe.concurrent('count reporter', () => {
  it.each([
    ['all passing', { 'a.test.mjs': PASS }, '1 passed, 0 failed', 0],
    ['a failed test', { 'a.test.mjs': PASS, 'b.test.mjs': "import { it } from 'vitest';\nit('no', () => { throw new Error('x'); });\n" }, '1 passed, 1 failed', 1],
    [
      'a throwing beforeAll (its tests are skipped, the suite failed)',
      { 'a.test.mjs': PASS, 'b.test.mjs': "import { beforeAll, describe, it } from 'vitest';\ndescribe('s', () => { beforeAll(() => { throw new Error('no browser'); }); it('t', () => {}); });\n" },
      '1 passed, 1 failed, 1 skipped',
      1,
    ],
    ['a module that does not load', { 'a.test.mjs': PASS, 'b.test.mjs': "import './missing-module.mjs';\n" }, '1 passed, 1 failed', 1],
    [
      'an unhandled rejection',
      { 'a.test.mjs': "import { it } from 'vitest';\nit('leaks', () => { Promise.reject(new Error('late')); });\n" },
      '1 passed, 1 failed',
      1,
    ],
  ] as const)('%s', (_name, files, closing, code) => {
    const r = run(files);
    expect(r.closing).toBe(closing);
    expect(r.code).toBe(code);
  });
});
