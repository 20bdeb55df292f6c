/**
 * Codegen entry: one OpenAPI document -> every file of generated/<api>/ as (relative path ->
 * content). Pure apart from reading templates/ and running the Redocly subprocess for the HTML.
 */
import { readApi, type ApiInfo } from './model.ts';
import { generateTypes } from './types.ts';
import { generateBuilders } from './builders.ts';
import { generateClient } from './client.ts';
import { runtimeFiles } from './runtime.ts';
import { generateMarkdown } from './docs-markdown.ts';
import { docsDiagnostics, generateHtml } from './docs-html.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { tsBanner } from './banner.ts';

type Obj = Record<string, unknown>;

export interface GenerateOptions {
  /** Path of the spec as it should appear in banners (project-relative). */
  specPath: string;
  /** Skip the HTML reference (the only step that needs a subprocess). */
  html?: boolean;
  progress?: (stage: string) => void;
}

export interface GenerateResult {
  api: ApiInfo;
  files: Map<string, string>;
  /** What the docs steps neutralised in the document's texts (images, external links, HTML). */
  diagnostics: Diagnostic[];
}

export async function generateApi(doc: Obj, opts: GenerateOptions): Promise<GenerateResult> {
  const api = readApi(doc, opts.specPath);
  const files = new Map<string, string>();
  opts.progress?.('codegen types');
  files.set('schema.ts', await generateTypes(doc, opts.specPath));
  opts.progress?.('codegen builders');
  files.set('builders.ts', generateBuilders(api, opts.specPath));
  opts.progress?.('codegen client');
  files.set('client.ts', generateClient(api, opts.specPath));
  files.set(
    'index.ts',
    `${tsBanner(opts.specPath)}export * from './client.ts';\nexport * as builders from './builders.ts';\nexport type { components, operations, paths } from './schema.ts';\n`,
  );
  for (const [p, c] of await runtimeFiles(opts.specPath)) files.set(p, c);
  opts.progress?.('codegen docs');
  files.set('docs/reference.md', await generateMarkdown(api, opts.specPath));
  if (opts.html !== false) files.set('docs/reference.html', await generateHtml(doc, opts.specPath, api));
  return { api, diagnostics: docsDiagnostics(doc, opts.specPath), files: new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}
