/**
 * `refspec generate <spec.yaml|json> -o <dir> [--no-html]`: types, request builders, client,
 * runtime and docs from one OpenAPI document into <dir>. Bad input -> exit 2, nothing written.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { InputError } from '../extract/types.ts';
import { generateApi } from '../codegen/index.ts';
import { writeIfChanged } from '../util/fs.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';

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
  if (!text.trim()) throw new InputError(file, 'empty file');
  if (text.includes('\u0000')) throw new InputError(file, 'binary file, expected an OpenAPI document (YAML or JSON)');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new InputError(file, `not YAML/JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const specPath = relative(process.cwd(), file).split('\\').join('/') || file;
  const result = await generateApi(doc as Record<string, unknown>, {
    specPath,
    html: !values['no-html'],
    progress: (s) => progress.stage(specPath, s),
  });
  let changed = 0;
  for (const [rel, content] of result.files) if (await writeIfChanged(join(values.output, rel), content)) changed++;
  const summary = { spec: specPath, output: values.output, operations: result.api.operations.length, files: result.files.size, changed };
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  progress.info(`refspec generate: ${result.api.operations.length} operations, ${changed} of ${result.files.size} files changed in ${values.output}`);
  return EXIT.ok;
}
