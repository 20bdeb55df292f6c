import { readFile } from 'node:fs/promises';
import { InputError } from '../extract/types.ts';
import { lintSpec } from '../lint/index.ts';
import { EXIT, UsageError, type GlobalFlags } from './io.ts';

export const usage = 'refspec lint <spec.openapi.yaml>';

export async function lint(argv: string[], flags: GlobalFlags): Promise<number> {
  if (argv.length !== 1) throw new UsageError(usage);
  const file = argv[0];
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputError(file, 'cannot read file (does it exist?)');
  });
  if (!text.trim()) throw new InputError(file, 'file is empty');
  const result = await lintSpec(text, file);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const p of result.problems) {
      process.stdout.write(`${file}:${p.line ?? 0} ${p.severity} [${p.ruleId}] ${p.message} (${p.pointer})\n`);
    }
    process.stdout.write(`${file}: ${result.errors} errors, ${result.warnings} warnings\n`);
  }
  return result.errors > 0 ? EXIT.problems : EXIT.ok;
}
