#!/usr/bin/env node
/**
 * refspec command line. Stages return diagnostics; only this file turns outcomes into exit codes:
 * 0 ok, 1 problems found (lint errors, stale outputs, breaking changes with --fail-on), 2 bad input.
 */
import { InputError } from './extract/types.ts';
import { EXIT, UsageError, type GlobalFlags } from './commands/io.ts';

type Command = (argv: string[], flags: GlobalFlags) => Promise<number>;

const commands: Record<string, { load: () => Promise<Command>; help: string }> = {
  build: { load: async () => (await import('./commands/build.ts')).build, help: 'build a spec from a manual (.txt or .pdf)' },
  lint: { load: async () => (await import('./commands/lint.ts')).lint, help: 'lint a spec with redocly.yaml (recommended + refspec rules)' },
  regen: { load: async () => (await import('./commands/regen.ts')).regen, help: 'rebuild every API in sources/refspec.config.json' },
  check: { load: async () => (await import('./commands/regen.ts')).check, help: 'fail when committed outputs are stale' },
  generate: { load: async () => (await import('./commands/generate.ts')).generate, help: 'types, request builders, client and docs from a spec: generate <spec> -o <dir>' },
  diff: { load: async () => (await import('./commands/diff.ts')).diff, help: 'classify changes between two specs, manuals or git revisions (--fail-on breaking)' },
};

export function registerCommand(name: string, help: string, load: () => Promise<Command>): void {
  commands[name] = { load, help };
}

function helpText(): string {
  const lines = ['usage: refspec <command> [options] [--quiet] [--json]', '', 'commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(9)} ${c.help}`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const flags: GlobalFlags = { quiet: false, json: false };
  const rest: string[] = [];
  for (const a of argv) {
    if (a === '--quiet' || a === '-q') flags.quiet = true;
    else if (a === '--json') flags.json = true;
    else rest.push(a);
  }
  if (flags.json) flags.quiet = true;
  const [name, ...args] = rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return name ? EXIT.ok : EXIT.input;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`refspec: unknown command "${name}"\n${helpText()}\n`);
    return EXIT.input;
  }
  try {
    return await (await cmd.load())(args, flags);
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`refspec: ${err.message}\n`);
      return EXIT.input;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`refspec: ${(err as Error).message}\n`);
      return EXIT.input;
    }
    process.stderr.write(`refspec: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  }
}

const isMain = process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1]);
if (isMain) {
  // `refspec … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
