/**
 * Test plumbing for codegen: load a spec (committed file, or a fresh build from the manual while
 * the spec is not committed yet), generate its client into a private folder, import it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import ts from 'typescript';
import { generateApi } from '../../scripts/codegen/index.ts';
import type { ApiInfo } from '../../scripts/codegen/model.ts';
import { loadRefspecConfig, type ApiConfig } from '../../scripts/config.ts';
import { buildFromFile } from '../../scripts/pipeline.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'codegen');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

type Obj = Record<string, unknown>;

export async function apiConfigs(): Promise<ApiConfig[]> {
  return (await loadRefspecConfig(ROOT)).apis;
}

/** The committed spec of an API, or (before it is committed) a fresh build of its manual. */
export async function specOf(api: ApiConfig): Promise<{ doc: Obj; specPath: string; committed: boolean }> {
  const specPath = `spec/${api.name}.openapi.yaml`;
  const file = join(ROOT, specPath);
  if (existsSync(file)) return { doc: parse(await readFile(file, 'utf8')) as Obj, specPath, committed: true };
  const build = await buildFromFile(join(ROOT, api.source), { dialect: api.dialect, displayName: api.source });
  return { doc: parse(build.yaml) as Obj, specPath, committed: false };
}

export async function fixtureDoc(name: string): Promise<Obj> {
  return parse(await readFile(join(FIXTURES, name), 'utf8')) as Obj;
}

export interface Generated {
  api: ApiInfo;
  dir: string;
  files: Map<string, string>;
  cleanup(): Promise<void>;
  import<T = Record<string, unknown>>(file: string): Promise<T>;
}

let seq = 0;
/** Generate into .refspec-tmp/<tag>-<pid>-<n>/ (git-ignored) and give an importer for the result. */
export async function generateInto(doc: Obj, tag: string, opts: { html?: boolean; specPath?: string } = {}): Promise<Generated> {
  const dir = join(ROOT, '.refspec-tmp', `${tag}-${process.pid}-${seq++}`);
  const { api, files } = await generateApi(doc, { specPath: opts.specPath ?? `test/${tag}.openapi.yaml`, html: opts.html ?? false });
  for (const [rel, content] of files) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  return {
    api,
    dir,
    files,
    cleanup: () => rm(dir, { recursive: true, force: true }),
    import: async <T,>(file: string) => (await import(pathToFileURL(join(dir, file)).href)) as T,
  };
}

/** `tsc --strict --noEmit` over some files with the project's compiler options; returns diagnostics text. */
export function typecheck(files: string[]): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
  };
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

export async function writeArtifact(name: string, content: string | Uint8Array): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const p = join(ARTIFACTS, name);
  await writeFile(p, content);
  return p;
}
