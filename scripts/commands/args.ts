/**
 * One declarative table per command gives both the `node:util.parseArgs` configuration and the
 * `--help` text, so the parser, the help and the README (tested against the help) cannot drift.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.ts';

export interface OptionSpec {
  /** Long name, without the dashes. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** Placeholder of the value in the help (`FILE`, `N`). */
  arg?: string;
  /** Allowed values of a string option (listed in the help, checked when parsing). */
  choices?: readonly string[];
  default?: string | boolean;
  help: string;
}

export interface CommandSpec {
  name: string;
  /** One line for `refspec --help`. */
  summary: string;
  /** What follows `refspec <name>` in the usage line, e.g. `<manual…> [options]`. */
  usage: string;
  /** Paragraphs printed under the usage line. */
  description: string[];
  positionals: { min: number; max?: number; name: string };
  options: OptionSpec[];
  /**
   * Fills in what the table takes from modules that are costly to load (the dialect ids): awaited
   * before the command's help is printed or its words are parsed, so `refspec --help` and other
   * commands never load them.
   */
  complete?: () => Promise<void>;
}

/** Options every command takes (before or after the command name). */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'quiet', short: 'q', type: 'boolean', help: 'no progress lines on stderr' },
  { name: 'json', type: 'boolean', help: 'machine-readable result on stdout (implies --quiet)' },
  { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
];

export const EXIT_CODES_HELP =
  'exit codes: 0 ok, 1 findings (lint errors, stale outputs, breaking changes with --fail-on, document warnings\n' +
  'with --strict), 2 bad input or usage, 70 internal error (a bug in refspec; REFSPEC_DEBUG=1 shows the stack)';

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function flagName(o: OptionSpec): string {
  return `--${o.name}`;
}

function optionList(options: OptionSpec[]): string {
  return options.map(flagName).join(', ');
}

/** Parse `argv` (the words after the command name) against the command's table. Throws UsageError. */
export function parseCommand(spec: CommandSpec, argv: string[]): Parsed {
  const all = [...spec.options, ...GLOBAL_OPTIONS];
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of all) {
    options[o.name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) } as never;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(parseErrorMessage(spec, all, err as Error & { code?: string }));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const o of all) {
    const v = values[o.name];
    if (o.choices && typeof v === 'string' && !o.choices.includes(v)) {
      throw new UsageError(`refspec ${spec.name}: ${flagName(o)} takes ${o.choices.join(', ')} (got "${v}")`);
    }
  }
  const n = parsed.positionals.length;
  const { min, max, name } = spec.positionals;
  if (n < min || (max !== undefined && n > max)) {
    const want = max === undefined ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    throw new UsageError(
      `refspec ${spec.name}: expected ${want} ${name}, got ${n}${n ? ` (${parsed.positionals.join(' ')})` : ''}; usage: refspec ${spec.name} ${spec.usage}`,
    );
  }
  return { values, positionals: parsed.positionals };
}

function parseErrorMessage(spec: CommandSpec, all: OptionSpec[], err: Error & { code?: string }): string {
  const msg = err.message;
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = /Unknown option '([^']+)'/.exec(msg)?.[1] ?? msg;
    return `refspec ${spec.name}: unknown option "${name}"; known options: ${optionList(all)}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--([a-z][a-z0-9-]*)/.exec(msg)?.[1];
    const o = all.find((x) => x.name === long);
    if (o && o.type === 'string') return `refspec ${spec.name}: ${flagName(o)} needs a value (${o.arg ?? 'VALUE'})`;
    if (o) return `refspec ${spec.name}: ${flagName(o)} takes no value`;
  }
  return `refspec ${spec.name}: ${msg.split('\n')[0]}`;
}

/** True when `--help`/`-h` appears among the command's words (before a `--` terminator). */
export function wantsHelp(argv: string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

function optionRows(options: OptionSpec[]): string[] {
  const left = options.map((o) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    const value = o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : '';
    return `  ${short}--${o.name}${value}`;
  });
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => {
    const extra = [o.choices ? `${o.choices.join(', ')}` : '', o.default !== undefined && o.type === 'string' ? `default ${o.default}` : '']
      .filter(Boolean)
      .join('; ');
    return `${left[i].padEnd(width)}${o.help}${extra ? ` (${extra})` : ''}`;
  });
}

/** `refspec <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`usage: refspec ${spec.name} ${spec.usage}`, ''];
  for (const p of spec.description) lines.push(p, '');
  if (spec.options.length) lines.push('options:', ...optionRows(spec.options), '');
  lines.push('global options:', ...optionRows(GLOBAL_OPTIONS), '', EXIT_CODES_HELP);
  return `${lines.join('\n')}\n`;
}

/** `refspec --help`. */
export function mainHelp(commands: CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'usage: refspec <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'global options:',
    ...optionRows([...GLOBAL_OPTIONS, { name: 'version', type: 'boolean', help: 'print the version and exit' }]),
    '',
    '`refspec <command> --help` describes each command and all its options.',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}
