import { load, YAMLException } from 'js-yaml';
import { InputError } from '../extract/types.ts';
import { lintSpec } from '../lint/index.ts';
import { readTextInput } from '../util/fs.ts';
import { parseCommand } from './args.ts';
import { lintCmd } from './specs.ts';
import { EXIT, type GlobalFlags } from './io.ts';

/** Refuse what is not an OpenAPI document before the linter sees it: one line naming file and problem. */
export function checkSpecText(file: string, text: string): void {
  let doc: unknown;
  try {
    doc = load(text, { filename: file });
  } catch (err) {
    if (err instanceof YAMLException) {
      const at = err.mark ? `line ${err.mark.line + 1}, column ${err.mark.column + 1}: ` : '';
      throw new InputError(file, `not valid YAML or JSON (${at}${err.reason})`);
    }
    throw err;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(file, `not an OpenAPI document (the top level is ${Array.isArray(doc) ? 'a list' : 'a single value'}, expected a mapping)`);
  }
  const d = doc as Record<string, unknown>;
  if (d.openapi === undefined && d.swagger === undefined) throw new InputError(file, 'not an OpenAPI document (no "openapi" version field)');
}

export async function lint(argv: string[], flags: GlobalFlags): Promise<number> {
  const { positionals } = parseCommand(lintCmd, argv);
  const file = positionals[0];
  const text = await readTextInput(file);
  checkSpecText(file, text);
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
