/**
 * The commands' option tables: parser configuration and `--help` text in one place
 * (scripts/commands/args.ts turns them into both). README's CLI section is tested against them.
 */
import type { CommandSpec, OptionSpec } from './args.ts';

/** `--dialect`: its choices are the registered dialects' ids, filled in by buildCmd.complete. */
const dialectOption: OptionSpec = { name: 'dialect', type: 'string', arg: 'ID', choices: ['auto'], default: 'auto', help: 'vendor layout of the manual' };

export const buildCmd: CommandSpec = {
  name: 'build',
  summary: 'build an OpenAPI 3.1 spec from a manual (.txt or .pdf) and lint it',
  usage: '<manual…> [options]',
  description: [
    'Builds a spec from each manual (text extracted from the vendor\'s PDF, or the PDF itself) and lints it.\n' +
      'One manual: the spec goes to -o FILE (stdout without -o). Several manuals, or -o naming a folder\n' +
      '(an existing one, or a path ending in /): <name>.openapi.yaml, .report.md and .sourcemap.json per\n' +
      'manual in that folder. Every destination is checked before anything is written, and the outputs of\n' +
      'a manual are written together or not at all.',
  ],
  positionals: { min: 1, name: 'manual(s)' },
  options: [
    { name: 'output', short: 'o', type: 'string', arg: 'PATH', help: 'spec file (one manual), or output folder' },
    { name: 'out-dir', type: 'string', arg: 'DIR', help: 'output folder (same as -o DIR/)' },
    { name: 'report', type: 'string', arg: 'FILE', help: 'Markdown report: counts and every diagnostic with its manual line (one manual)' },
    { name: 'sourcemap', type: 'string', arg: 'FILE', help: 'JSON pointer -> manual lines of everything in the spec (one manual)' },
    dialectOption,
    { name: 'max-bytes', type: 'string', arg: 'N', help: 'refuse manuals larger than N bytes (default 67108864)' },
    { name: 'jobs', short: 'j', type: 'string', arg: 'N', help: 'threads for several manuals (default: 1 below 4 cores)' },
    { name: 'diagnostics', type: 'boolean', help: 'print every diagnostic (repairs, document errors) on stderr' },
    { name: 'strict', type: 'boolean', help: 'exit 1 when the manual has warnings or errors, not only on lint errors' },
    { name: 'no-lint', type: 'boolean', help: 'skip the lint step (faster; the report then has no lint section)' },
  ],
  // The dialects are ~40 modules: loaded for `build` (which needs them anyway), not for the table.
  complete: async () => {
    const { dialects } = await import('../dialects/index.ts');
    dialectOption.choices = ['auto', ...dialects.map((d) => d.id)];
  },
};

export const lintCmd: CommandSpec = {
  name: 'lint',
  summary: 'lint a spec with redocly.yaml (Redocly recommended + refspec rules)',
  usage: '<spec.openapi.yaml>',
  description: ['Lints one OpenAPI document (YAML or JSON) with the rules in redocly.yaml; one line per problem on stdout.'],
  positionals: { min: 1, max: 1, name: 'spec' },
  options: [],
};

export const regenCmd: CommandSpec = {
  name: 'regen',
  summary: 'rebuild spec/ and generated/ for every API in sources/refspec.config.json',
  usage: '[api…] [options]',
  description: [
    'Builds, lints and generates every configured API (or only those named), then writes the files whose\n' +
      'content changed, each atomically, after all APIs computed. When a manual\'s content changed, an entry\n' +
      'is prepended to spec/<api>.CHANGELOG.md and the changes are printed on stderr, breaking ones listed.',
  ],
  positionals: { min: 0, name: 'API name(s)' },
  options: [
    { name: 'fail-on', type: 'string', arg: 'LEVEL', choices: ['breaking', 'warning'], help: 'exit 1 (after writing) when a spec changed with changes at or above this level' },
    { name: 'strict', type: 'boolean', help: 'exit 1 when a manual has warnings or errors' },
  ],
};

export const checkCmd: CommandSpec = {
  name: 'check',
  summary: 'fail when committed spec/ and generated/ files are stale',
  usage: '[api…]',
  description: [
    'Recomputes every output in memory and lists each file that is missing, differs, or is no longer\n' +
      'produced; when a manual changed, says how (breaking changes included). Writes nothing.',
  ],
  positionals: { min: 0, name: 'API name(s)' },
  options: [],
};

export const generateCmd: CommandSpec = {
  name: 'generate',
  summary: 'types, request builders, client and docs from any OpenAPI document',
  usage: '<spec.openapi.yaml|json> -o <dir> [options]',
  description: ['Writes types, request builders, a client, its runtime and docs for one OpenAPI document into a folder.'],
  positionals: { min: 1, max: 1, name: 'spec' },
  options: [
    { name: 'output', short: 'o', type: 'string', arg: 'DIR', help: 'output folder (required; created when missing)' },
    { name: 'no-html', type: 'boolean', help: 'skip the HTML reference (docs/reference.html)' },
  ],
};

export const diffCmd: CommandSpec = {
  name: 'diff',
  summary: 'classify the changes between two specs, manuals or git revisions',
  usage: '<base> <revision> [options]',
  description: [
    '<base> and <revision>: a spec (.yaml, .yml, .json), a manual (.txt, .pdf, built on the fly), or\n' +
      'either at a git revision (path@rev).',
  ],
  positionals: { min: 2, max: 2, name: 'inputs (base and revision)' },
  options: [
    { name: 'format', type: 'string', arg: 'FORMAT', choices: ['text', 'markdown', 'json'], default: 'text', help: 'output format (--json = --format json)' },
    { name: 'fail-on', type: 'string', arg: 'LEVEL', choices: ['breaking', 'warning'], help: 'exit 1 when a change at or above this level is found' },
    { name: 'heading', type: 'string', arg: 'TEXT', help: 'title of the markdown entry' },
    { name: 'expand', type: 'boolean', help: 'one change per operation (default: a change to a shared definition once, with what it affects)' },
  ],
};

export const COMMAND_SPECS: CommandSpec[] = [buildCmd, lintCmd, regenCmd, checkCmd, generateCmd, diffCmd];
