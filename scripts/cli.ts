#!/usr/bin/env node
/**
 * refspec command line. Stages return diagnostics; only this file turns outcomes into exit codes:
 * 0 ok, 1 findings (lint errors, stale outputs, breaking changes with --fail-on, document warnings
 * with --strict), 2 bad input or usage, 70 an internal error (a bug: one line, REFSPEC_DEBUG=1 for
 * the stack).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from './extract/types.ts';
import { OutputError } from './util/fs.ts';
import { EXIT, UsageError, type GlobalFlags } from './commands/io.ts';
import { commandHelp, mainHelp, wantsHelp, type CommandSpec } from './commands/args.ts';
import { COMMAND_SPECS } from './commands/specs.ts';
import { packagePath } from './util/paths.ts';

type Command = (argv: string[], flags: GlobalFlags) => Promise<number>;

const loaders: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.ts')).build,
  lint: async () => (await import('./commands/lint.ts')).lint,
  regen: async () => (await import('./commands/regen.ts')).regen,
  check: async () => (await import('./commands/regen.ts')).check,
  generate: async () => (await import('./commands/generate.ts')).generate,
  diff: async () => (await import('./commands/diff.ts')).diff,
};

const specs = new Map<string, CommandSpec>(COMMAND_SPECS.map((s) => [s.name, s]));

/** Add a command (its table and loader); used by tools that extend the CLI. */
export function registerCommand(spec: CommandSpec, load: () => Promise<Command>): void {
  specs.set(spec.name, spec);
  loaders[spec.name] = load;
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

const GLOBAL_BEFORE = new Set(['--quiet', '-q', '--json', '--help', '-h', '--version', '-V']);

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  // Global flags may come before the command name; after it, each command's parser takes them.
  const before: string[] = [];
  let i = 0;
  while (i < argv.length && GLOBAL_BEFORE.has(argv[i])) before.push(argv[i++]);
  const [name, ...rest] = argv.slice(i);
  if (before.includes('--version') || before.includes('-V')) {
    out(`refspec ${version()}\n`);
    return EXIT.ok;
  }
  const helpAsked = before.includes('--help') || before.includes('-h');
  if (name === undefined) {
    if (helpAsked) {
      out(mainHelp([...specs.values()]));
      return EXIT.ok;
    }
    err(`refspec: no command given; commands: ${[...specs.keys()].join(', ')} (refspec --help)`);
    return EXIT.input;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      out(mainHelp([...specs.values()]));
      return EXIT.ok;
    }
    const s = specs.get(topic);
    if (!s) {
      err(`refspec: unknown command "${topic}"; commands: ${[...specs.keys()].join(', ')}`);
      return EXIT.input;
    }
    await s.complete?.();
    out(commandHelp(s));
    return EXIT.ok;
  }
  const spec = specs.get(name);
  const load = loaders[name];
  if (!spec || !load) {
    err(`refspec: unknown command "${name}"; commands: ${[...specs.keys()].join(', ')} (refspec --help)`);
    return EXIT.input;
  }
  await spec.complete?.();
  if (helpAsked || wantsHelp(rest)) {
    out(commandHelp(spec));
    return EXIT.ok;
  }
  const flags: GlobalFlags = { quiet: before.includes('--quiet') || before.includes('-q'), json: before.includes('--json') };
  // Global flags after the command are parsed by the command's table; apply them here too.
  for (const a of rest) {
    if (a === '--') break;
    if (a === '--quiet' || a === '-q') flags.quiet = true;
    if (a === '--json') flags.json = true;
  }
  if (flags.json) flags.quiet = true;
  try {
    return await (await load())(rest, flags);
  } catch (e) {
    if (e instanceof InputError || e instanceof OutputError || e instanceof UsageError) {
      err(e instanceof UsageError ? (e.message.startsWith('refspec') ? e.message : `refspec ${name}: ${e.message}`) : `refspec: ${e.message}`);
      return EXIT.input;
    }
    const error = e as Error;
    const first = (error?.message ?? String(e)).split('\n')[0];
    err(`refspec ${name}: internal error: ${first} (a bug in refspec, please report it; REFSPEC_DEBUG=1 shows the stack)`);
    if (process.env.REFSPEC_DEBUG) err(error?.stack ?? String(e));
    return EXIT.internal;
  }
}

/** Run the CLI as the process: `bin/refspec.js` calls this, and so does `tsx scripts/cli.ts`. */
export function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  // `refspec … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return main(argv).then((code) => {
    process.exitCode = code;
  });
}

/** True when this module is the script Node was started with (`tsx scripts/cli.ts`, `node dist/cli.js`, `node dist/bundle/cli.cjs`). */
function isEntry(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) void run();
