/**
 * The TypeScript files never depend on the HTML step: when the HTML step fails, `generate`
 * still writes every other file, reports the reason on stderr and exits 0.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { main } from '../../scripts/cli.ts';
import { FIXTURES } from './helpers.ts';

vi.mock('../../scripts/codegen/docs-html.ts', () => ({
  docsDiagnostics: () => [],
  generateHtml: async () => {
    throw new Error('redocly build-docs failed for the test');
  },
}));

let dir: string | undefined;
afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

it('writes the TypeScript and Markdown when the HTML step fails, and says why', async () => {
  dir = await mkdtemp(join(tmpdir(), 'refspec-html-failure-'));
  const errors: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  (process.stderr as { write: unknown }).write = (chunk: string) => (errors.push(String(chunk)), true);
  let code: number;
  try {
    code = await main(['generate', join(FIXTURES, 'rest-features.openapi.yaml'), '-o', dir]);
  } finally {
    (process.stderr as { write: unknown }).write = write;
  }
  expect(code).toBe(0);
  for (const f of ['schema.ts', 'builders.ts', 'client.ts', 'index.ts', 'runtime/request.ts', 'docs/reference.md']) expect(existsSync(join(dir, f)), f).toBe(true);
  expect(existsSync(join(dir, 'docs', 'reference.html'))).toBe(false);
  expect(errors.join('')).toMatch(/error \[html-not-generated\] docs\/reference\.html was not generated: redocly build-docs failed for the test/);
  expect(errors.join('')).not.toMatch(/\n\s+at /);
  expect(await readFile(join(dir, 'client.ts'), 'utf8')).toMatch(/export function createClient/);
});
