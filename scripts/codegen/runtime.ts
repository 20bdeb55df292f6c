/**
 * generated/<api>/runtime/*.ts: the hand-written runtime in templates/runtime copied verbatim
 * behind the do-not-edit banner, so every generated folder is self-contained. An API whose spec
 * names a vendor signing gets the vendor client files; any other API gets the neutral REST client
 * and no vendor code.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tsBanner } from './banner.ts';
import type { ApiKind } from './model.ts';
import { packagePath } from '../util/paths.ts';

export const TEMPLATES_DIR = packagePath('templates');

/** Files only the vendor clients use, and the one only the neutral client uses. */
const VENDOR_ONLY = new Set(['alibaba-rpc.ts', 'huawei-aksk.ts', 'credentials.ts', 'client-core.ts']);
const REST_ONLY = new Set(['rest-core.ts']);

export async function runtimeFiles(specPath: string, fromManual = true, kind: ApiKind = 'rest'): Promise<Map<string, string>> {
  const dir = join(TEMPLATES_DIR, 'runtime');
  const skip = kind === 'rest' ? VENDOR_ONLY : REST_ONLY;
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts') && !skip.has(n)).sort();
  const out = new Map<string, string>();
  for (const n of names) out.set(`runtime/${n}`, `${tsBanner(specPath, fromManual)}${await readFile(join(dir, n), 'utf8')}`);
  return out;
}
