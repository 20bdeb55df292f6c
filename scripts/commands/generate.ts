/**
 * `refspec generate <spec.yaml|json> -o <dir> [--no-html]`: types, request builders, client,
 * runtime and docs from one OpenAPI document into <dir>. Bad input -> exit 2, nothing written.
 */
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { InputError } from '../extract/types.ts';
import { generateApi } from '../codegen/index.ts';
import { checkDestination, OutputError, readTextInput, writeOutputs } from '../util/fs.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';
import { parseCommand } from './args.ts';
import { generateCmd } from './specs.ts';
import { stat } from 'node:fs/promises';

export async function generate(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseCommand(generateCmd, argv);
  const output = values.output as string | undefined;
  if (!output) throw new UsageError('-o <dir> is required (the folder the client and docs go to)');
  const file = positionals[0];
  const progress = new Progress(flags);
  // The output is a folder: refuse a file there before any work.
  if ((await stat(output).catch(() => undefined))?.isFile()) throw new OutputError(output, 'is a file, expected a folder');
  await checkDestination(join(output, '.refspec-probe'), output);
  const text = await readTextInput(file);
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
  // All files of the client and docs: written together (only those that changed) or not at all.
  const changed = (await writeOutputs([...result.files].map(([rel, content]) => ({ path: join(output, rel), content })), { onlyChanged: true })).length;
  const summary = { spec: specPath, output, operations: result.api.operations.length, files: result.files.size, changed };
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  progress.info(`refspec generate: ${result.api.operations.length} operations, ${changed} of ${result.files.size} files changed in ${output}`);
  return EXIT.ok;
}
