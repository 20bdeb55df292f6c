import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from './extract/types.ts';

export interface ApiConfig {
  /** Output base name: spec/<name>.openapi.yaml (`<vendor>-<service>-<version>`). */
  name: string;
  /** Path of the manual, relative to the project root. */
  source: string;
  /** Dialect id or `auto`. */
  dialect: string;
  /** Folder under generated/ for the client, types and docs. */
  generated: string;
}

export interface RefspecConfig {
  root: string;
  apis: ApiConfig[];
}

export const CONFIG_PATH = join('sources', 'refspec.config.json');

export async function loadRefspecConfig(root = process.cwd()): Promise<RefspecConfig> {
  const path = resolve(root, CONFIG_PATH);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new InputError(CONFIG_PATH, 'cannot read the project configuration');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new InputError(CONFIG_PATH, `invalid JSON (${(err as Error).message})`);
  }
  const apis = (json as { apis?: unknown }).apis;
  if (!Array.isArray(apis) || apis.length === 0) throw new InputError(CONFIG_PATH, 'no "apis" listed');
  const seen = new Set<string>();
  const out: ApiConfig[] = apis.map((a, i) => {
    const e = a as Partial<ApiConfig>;
    for (const k of ['name', 'source', 'generated'] as const) {
      if (typeof e[k] !== 'string' || !e[k]) throw new InputError(CONFIG_PATH, `apis[${i}].${k} is missing`);
    }
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(e.name!)) throw new InputError(CONFIG_PATH, `apis[${i}].name "${e.name}" is not a safe file name`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(e.generated!)) throw new InputError(CONFIG_PATH, `apis[${i}].generated "${e.generated}" is not a safe folder name`);
    if (seen.has(e.name!)) throw new InputError(CONFIG_PATH, `apis[${i}].name "${e.name}" is listed twice`);
    seen.add(e.name!);
    return { name: e.name!, source: e.source!, dialect: e.dialect ?? 'auto', generated: e.generated! };
  });
  return { root: resolve(root), apis: out };
}
