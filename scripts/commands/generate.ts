/**
 * `refspec generate <spec.yaml|json> -o <dir> [--no-html]`: types, request builders, client,
 * runtime and docs from one OpenAPI 3.0 / 3.1 document into <dir>. Bad input (not OpenAPI, a
 * `$ref` that leads nowhere, an external file that cannot be read) -> exit 2, one line, nothing
 * written. What generation had to decide (an operation without operationId, an HTML reference that
 * could not be built) is reported on stderr; the TypeScript files are written regardless.
 */
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { InputError } from '../extract/types.ts';
import { generateApi } from '../codegen/index.ts';
import { checkDestination, OutputError, readTextInput, writeOutputs } from '../util/fs.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';
import { parseCommand } from './args.ts';
import { generateCmd } from './specs.ts';
import { readFile, stat } from 'node:fs/promises';
import { PACKAGE_FILES, writtenByRefspec } from '../codegen/package.ts';

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
  const { values, positionals } = parseCommand(generateCmd, argv);
  const output = values.output as string | undefined;
  if (!output) throw new UsageError('-o <dir> is required (the folder the client and docs go to)');
  const file = positionals[0];
  const progress = new Progress(flags);
  // The output is a folder: refuse a file there before any work.
  if ((await stat(output).catch(() => undefined))?.isFile()) throw new OutputError(output, 'is a file, expected a folder');
  await checkDestination(join(output, '.refspec-probe'), output);
  // The folder becomes a package: never replace a package.json, README or tsconfig of the user's own.
  for (const name of PACKAGE_FILES) {
    const existing = await readFile(join(output, name), 'utf8').catch(() => undefined);
    if (existing !== undefined && !writtenByRefspec(existing)) {
      throw new OutputError(join(output, name), 'exists and was not written by refspec; generate into a folder of its own');
    }
  }
  const text = await readTextInput(file);
  const doc = parseSpecText(text, file);
  const specPath = relative(process.cwd(), file).split('\\').join('/') || file;
  const result = await generateApi(doc as Record<string, unknown>, {
    specPath,
    sourceFile: file,
    html: !values['no-html'],
    progress: (s) => progress.stage(specPath, s),
  });
  // All files of the client and docs: written together (only those that changed) or not at all.
  const changed = (await writeOutputs([...result.files].map(([rel, content]) => ({ path: join(output, rel), content })), { onlyChanged: true })).length;
  const summary = {
    spec: specPath,
    output,
    operations: result.api.operations.length,
    files: result.files.size,
    changed,
    diagnostics: sortDiagnostics(result.diagnostics),
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (!flags.quiet) for (const line of summarise(result.diagnostics)) process.stderr.write(`${line}\n`);
  progress.info(`refspec generate: ${result.api.operations.length} operations, ${changed} of ${result.files.size} files changed in ${output}`);
  return EXIT.ok;
}
