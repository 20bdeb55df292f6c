/**
 * `refspec generate <spec.yaml|json> -o <dir> [--no-html]`: types, request builders, client,
 * runtime and docs from one OpenAPI 3.0 / 3.1 document into <dir>. Bad input (not OpenAPI, a
 * `$ref` that leads nowhere, an external file that cannot be read) -> exit 2, one line, nothing
 * written. What generation had to decide (an operation without operationId, an HTML reference that
 * could not be built) is reported on stderr; the TypeScript files are written regardless.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { InputError } from '../extract/types.ts';
import { generateApi } from '../codegen/index.ts';
import { writeIfChanged } from '../util/fs.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';

/** The document: JSON.parse for JSON (fast on multi-megabyte specs), js-yaml (YAML 1.2 core schema) otherwise. */
export function parseSpecText(text: string, file: string): unknown {
  if (!text.trim()) throw new InputError(file, 'empty file');
  if (text.includes('\u0000')) throw new InputError(file, 'binary file, expected an OpenAPI document (YAML or JSON)');
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(body)) {
    try {
      return JSON.parse(body);
    } catch {
      // Not strict JSON: YAML's flow syntax may still read it.
    }
  }
  try {
    return load(body, { schema: CORE_SCHEMA, filename: file });
  } catch (err) {
    throw new InputError(file, `not YAML/JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

/** Diagnostics for a terminal: every one when few, otherwise the first two of each kind and a count. */
function summarise(diagnostics: Diagnostic[]): string[] {
  const byId = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
  const lines: string[] = [];
  for (const [id, list] of byId) {
    const shown = list.length > 3 ? list.slice(0, 2) : list;
    for (const d of shown) lines.push(formatDiagnostic(d));
    if (shown.length < list.length) lines.push(`  … and ${list.length - shown.length} more [${id}] (--json lists them all)`);
  }
  return lines;
}

export async function generate(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, 'no-html': { type: 'boolean' } },
  });
  if (positionals.length !== 1 || !values.output) throw new UsageError('usage: refspec generate <spec.openapi.yaml> -o <dir> [--no-html]');
  const file = positionals[0];
  const progress = new Progress(flags);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(file, 'cannot read the file');
  }
  const doc = parseSpecText(text, file);
  const specPath = relative(process.cwd(), file).split('\\').join('/') || file;
  const result = await generateApi(doc as Record<string, unknown>, {
    specPath,
    sourceFile: file,
    html: !values['no-html'],
    progress: (s) => progress.stage(specPath, s),
  });
  let changed = 0;
  for (const [rel, content] of result.files) if (await writeIfChanged(join(values.output, rel), content)) changed++;
  const summary = {
    spec: specPath,
    output: values.output,
    operations: result.api.operations.length,
    files: result.files.size,
    changed,
    diagnostics: sortDiagnostics(result.diagnostics),
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (!flags.quiet) for (const line of summarise(result.diagnostics)) process.stderr.write(`${line}\n`);
  progress.info(`refspec generate: ${result.api.operations.length} operations, ${changed} of ${result.files.size} files changed in ${values.output}`);
  return EXIT.ok;
}
