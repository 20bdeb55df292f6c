/**
 * Codegen entry: one OpenAPI document -> every file of generated/<api>/ as (relative path ->
 * content), plus diagnostics. Pure apart from reading templates/, files an external `$ref` names
 * and, for the HTML, Redoc's standalone bundle (no subprocess). The TypeScript files never depend on the
 * HTML: when that step fails, the reason is a diagnostic and every other file is still produced.
 */
import { prepareDocument } from './load.ts';
import { readApi, type ApiInfo } from './model.ts';
import { generateTypes } from './types.ts';
import { generateBuilders } from './builders.ts';
import { generateClient } from './client.ts';
import { runtimeFiles } from './runtime.ts';
import { generateMarkdown } from './docs-markdown.ts';
import { tsBanner } from './banner.ts';
import { packageFiles } from './package.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import { InputError } from '../extract/types.ts';

type Obj = Record<string, unknown>;

export interface GenerateOptions {
  /** Path of the spec as it should appear in banners and messages (project-relative). */
  specPath: string;
  /** Where relative external `$ref`s are looked up from (the spec file; default: specPath). */
  sourceFile?: string;
  /** Skip the HTML reference (the only step that reads Redoc's 2 MB bundle). */
  html?: boolean;
  /** npm package name of the output (regen: the config's `generated` name); default from the spec. */
  packageName?: string;
  progress?: (stage: string) => void;
}

export interface GenerateResult {
  api: ApiInfo;
  files: Map<string, string>;
  /** Problems met while generating, and what the docs steps neutralised (images, external links, HTML). */
  diagnostics: Diagnostic[];
}

/** Read and prepare a document for codegen (bundle, resolve, name operations). Bad input -> InputError. */
export async function loadApi(doc: unknown, opts: { specPath: string; sourceFile?: string }): Promise<ApiInfo> {
  const prepared = await prepareDocument(doc, { file: opts.specPath, sourceFile: opts.sourceFile });
  return readApi(prepared, opts.specPath);
}

export async function generateApi(doc: Obj, opts: GenerateOptions): Promise<GenerateResult> {
  const api = await loadApi(doc, opts);
  const diagnostics = [...api.diagnostics];
  const files = new Map<string, string>();
  opts.progress?.('codegen types');
  try {
    files.set('schema.ts', await generateTypes(api.doc, opts.specPath, api.fromManual));
  } catch (err) {
    // openapi-typescript refuses what load.ts let through (its own checks): bad input, one line.
    throw new InputError(opts.specPath, `openapi-typescript cannot type this document: ${(err as Error).message.split('\n')[0]}`);
  }
  opts.progress?.('codegen builders');
  files.set('builders.ts', generateBuilders(api, opts.specPath));
  opts.progress?.('codegen client');
  files.set('client.ts', generateClient(api, opts.specPath));
  files.set(
    'index.ts',
    `${tsBanner(opts.specPath, api.fromManual)}export * from './client.js';\nexport * as builders from './builders.js';\nexport type { components, operations, paths } from './schema.js';\n`,
  );
  for (const [p, c] of await runtimeFiles(opts.specPath, api.fromManual, api.kind)) files.set(p, c);
  opts.progress?.('codegen docs');
  files.set('docs/reference.md', await generateMarkdown(api, opts.specPath));
  // Loaded only here, after the TypeScript files; it reads Redoc's bundle only when HTML is asked for.
  const { docsDiagnostics, generateHtml } = await import('./docs-html.ts');
  diagnostics.push(...docsDiagnostics(api.doc, opts.specPath));
  if (opts.html !== false) {
    try {
      files.set('docs/reference.html', await generateHtml(api.doc, opts.specPath, api));
    } catch (err) {
      diagnostics.push(diag('html-not-generated', 'error', `docs/reference.html was not generated: ${(err as Error).message.split('\n')[0]}`, { file: opts.specPath, line: 1 }));
    }
  }
  // package.json, tsconfig.json, README.md, .gitignore: last, so the README knows which docs exist.
  const pkg = await packageFiles(api, { specPath: opts.specPath, packageName: opts.packageName, html: files.has('docs/reference.html') });
  for (const [p, c] of pkg.files) files.set(p, c);
  diagnostics.push(...pkg.diagnostics);
  return { api, files: new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), diagnostics };
}
