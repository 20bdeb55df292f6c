/**
 * Batch mode: several manuals in one `refspec build`, on worker threads. One progress line per
 * manual and a summary; a bad manual fails alone; the exit code says whether any failed; outputs
 * are the same as building each manual on its own (and as `--jobs 1`).
 */
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT, type CliRun } from './cli.ts';

const FIX = join(ROOT, 'test', 'fixtures', 'extract');
let dir: string;
let good: string[];
let bad: string;
let batch: CliRun;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'refspec-batch-'));
  good = [join(FIX, 'alibaba-excerpt.txt'), join(FIX, 'huawei-excerpt.txt')];
  bad = join(dir, 'broken.txt');
  await writeFile(bad, Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0]));
  // Two worker threads and no main-thread lane, so the worker path is what is tested (the default on
  // a 2-core machine is one thread).
  batch = await runCli(['build', good[0], bad, good[1], '-o', join(dir, 'out'), '--jobs', '2'], { env: { REFSPEC_MAIN_LANE: 'off' } });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('refspec build with several documents', () => {
  it('exits 2 because one document was bad input', () => {
    expect(batch.code).toBe(2);
  });
  it('ran on two worker threads', () => {
    expect(batch.errLines[0]).toBe('refspec: building 3 documents on 2 thread(s)');
    expect(batch.stderr).not.toContain('no worker thread');
  });
  it('prints one line per manual and a summary naming the failure', () => {
    const perManual = batch.errLines.filter((l) => /^refspec: \[\d\/3\]/.test(l));
    expect(perManual).toHaveLength(3);
    expect(perManual.filter((l) => l.includes('FAILED'))).toEqual([expect.stringContaining(bad)]);
    expect(batch.errLines[batch.errLines.length - 1]).toMatch(new RegExp(`built 2 of 3 documents .*1 failed: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
  it('writes the good manuals’ specs, reports and source maps, nothing for the bad one', async () => {
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'alibaba-excerpt.openapi.yaml',
      'alibaba-excerpt.report.md',
      'alibaba-excerpt.sourcemap.json',
      'huawei-excerpt.openapi.yaml',
      'huawei-excerpt.report.md',
      'huawei-excerpt.sourcemap.json',
    ]);
  });
  it('gives the same specs as single builds and as --jobs 1', async () => {
    const seq = await runCli(['build', ...good, '--out-dir', join(dir, 'seq'), '--jobs', '1']);
    expect(seq.code).not.toBe(2);
    for (const g of good) {
      const name = g.endsWith('alibaba-excerpt.txt') ? 'alibaba-excerpt' : 'huawei-excerpt';
      const single = join(dir, `${name}.single.openapi.yaml`);
      const r = await runCli(['build', g, '-o', single]);
      expect(r.code).not.toBe(2);
      const a = await readFile(join(dir, 'out', `${name}.openapi.yaml`), 'utf8');
      expect(a).toMatch(/^openapi: 3\.1/);
      expect(await readFile(join(dir, 'seq', `${name}.openapi.yaml`), 'utf8')).toBe(a);
      expect(await readFile(single, 'utf8')).toBe(a);
    }
  });
  it('all good documents → exit code is that of the specs (not 2)', async () => {
    const r = await runCli(['build', ...good, '-o', join(dir, 'all-good'), '--quiet']);
    expect([0, 1]).toContain(r.code);
    expect(r.errLines).toEqual([]);
  });
});
