/**
 * generated/<api>/runtime/*.ts: the hand-written runtime in templates/runtime copied verbatim
 * behind the do-not-edit banner, so every generated folder is self-contained.
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsBanner } from './banner.ts';

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export async function runtimeFiles(specPath: string): Promise<Map<string, string>> {
  const dir = join(TEMPLATES_DIR, 'runtime');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts')).sort();
  const out = new Map<string, string>();
  for (const n of names) out.set(`runtime/${n}`, `${tsBanner(specPath)}${await readFile(join(dir, n), 'utf8')}`);
  return out;
}
