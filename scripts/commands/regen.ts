import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CONFIG_PATH, loadRefspecConfig, type RefspecConfig } from '../config.ts';
import { computeApiOutputs, type ApiOutputs, type SpecChange } from '../project.ts';
import { buildStats } from '../report.ts';
import { writeOutputs } from '../util/fs.ts';
import { summaryLine } from '../diff/format/group.ts';
import { LEVEL_RANK, type Level } from '../diff/types.ts';
import { lossLines } from './loss.ts';
import { parseCommand } from './args.ts';
import { checkCmd, regenCmd } from './specs.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';
import '../producers.ts';

/** The configured APIs to work on: all, or those named (an unknown name is a usage error, exit 2). */
function selectApis(config: RefspecConfig, names: string[], command: string): RefspecConfig['apis'] {
  const known = config.apis.map((a) => a.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new UsageError(
      `refspec ${command}: unknown API ${unknown.map((n) => `"${n}"`).join(', ')}; the APIs in ${CONFIG_PATH} are: ${known.join(', ')}`,
    );
  }
  return names.length ? config.apis.filter((a) => names.includes(a.name)) : config.apis;
}

async function computeAll(config: RefspecConfig, apis: RefspecConfig['apis'], progress: Progress): Promise<ApiOutputs[]> {
  const out: ApiOutputs[] = [];
  for (const api of apis) out.push(await computeApiOutputs(config, api, (s) => progress.stage(api.name, s)));
  return out;
}

/** The lines regen and check print about a changed spec: the summary, then each breaking change. */
export function changeLines(api: string, change: SpecChange, verb: 'regen' | 'check'): string[] {
  const r = change.result;
  const what = change.manualChanged
    ? `manual changed (${change.from} -> ${change.to})`
    : `spec changed, same manual ${change.to} (a refspec change, no changelog entry)`;
  const tail =
    verb === 'check'
      ? '; run `npm run regen`'
      : change.changelog
        ? `; entry added to ${change.changelog}`
        : '';
  const head = `refspec: ${api}: ${what}: ${summaryLine(r.summary)}${tail}`;
  const listed = r.changes
    .filter((c) => c.level === 'breaking')
    .map((c) => `  BREAKING ${c.operation ? `${c.operation}: ` : ''}${c.message} [${c.id}]`);
  return [head, ...listed];
}

function atOrAbove(change: SpecChange | undefined, level: Level | undefined): number {
  if (!change || !level) return 0;
  return change.result.changes.filter((c) => LEVEL_RANK[c.level] <= LEVEL_RANK[level]).length;
}

/** `refspec regen [name…]`: build, lint and generate every configured API; write what changed. */
export async function regen(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseCommand(regenCmd, argv);
  const failOn = values['fail-on'] as Level | undefined;
  const strict = values.strict === true;
  const config = await loadRefspecConfig();
  const apis = selectApis(config, positionals, 'regen');
  const progress = new Progress(flags);
  // Compute everything first: a failure in any API leaves every output untouched; then write all
  // changed files together (each atomically; a failure puts back what was already replaced).
  const all = await computeAll(config, apis, progress);
  const files = all.flatMap((o) =>
    [...o.files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, content]) => ({ path: join(config.root, path), content, label: path })),
  );
  const changedPaths = new Set(await writeOutputs(files, { onlyChanged: true }));
  const summary = [];
  let lintErrors = 0;
  let documentProblems = 0;
  let failing = 0;
  for (const o of all) {
    const changed = [...o.files.keys()].filter((p) => changedPaths.has(join(config.root, p))).length;
    lintErrors += o.lint.errors;
    const stats = buildStats(o.build);
    documentProblems += stats.diagnostics.error + stats.diagnostics.warning;
    failing += atOrAbove(o.change, failOn);
    summary.push({
      api: o.api.name,
      files: o.files.size,
      changed,
      stats,
      lint: { errors: o.lint.errors, warnings: o.lint.warnings },
      ...(o.change
        ? { change: { manualChanged: o.change.manualChanged, from: o.change.from, to: o.change.to, summary: o.change.result.summary, changes: o.change.result.changes, changelog: o.change.changelog } }
        : {}),
    });
    progress.info(
      `refspec: ${o.api.name}: ${stats.operations} operations, ${stats.parameters} parameters, ${stats.responseFields} fields, ` +
        `samples valid ${stats.examplesValidated}/${stats.examplesTotal}; ${stats.diagnostics.error} errors, ${stats.diagnostics.warning} warnings in the document; ` +
        `lint ${o.lint.errors} errors, ${o.lint.warnings} warnings; ${changed} of ${o.files.size} files changed`,
    );
    for (const l of lossLines(o.build.diagnostics)) progress.info(`refspec: ${o.api.name}: warning: ${l}`);
    if (o.change) for (const l of changeLines(o.api.name, o.change, 'regen')) progress.info(l);
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (failing) progress.info(`refspec regen: ${failing} change(s) at or above "${failOn}" (--fail-on ${failOn}); outputs written, exit 1`);
  if (strict && documentProblems) progress.info(`refspec regen: ${documentProblems} document error(s)/warning(s) (--strict); exit 1`);
  return lintErrors > 0 || failing > 0 || (strict && documentProblems > 0) ? EXIT.problems : EXIT.ok;
}

/** Files under these folders that regen does not produce are stale leftovers. */
const OWNED_DIRS = ['spec', 'generated'];
/** Hand-kept or history files that regen only prepends to (never recomputed). */
const UNOWNED = /\.CHANGELOG\.md$|(^|\/)README\.md$/;

/** `refspec check`: fail when committed spec/ and generated/ differ from a fresh regeneration. */
export async function check(argv: string[], flags: GlobalFlags): Promise<number> {
  const { positionals } = parseCommand(checkCmd, argv);
  const config = await loadRefspecConfig();
  const apis = selectApis(config, positionals, 'check');
  const progress = new Progress(flags);
  const all = await computeAll(config, apis, progress);
  const expected = new Map<string, string>();
  for (const o of all) for (const [p, c] of o.files) expected.set(p, c);
  const stale: string[] = [];
  for (const [path, content] of [...expected.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const onDisk = await readFile(join(config.root, path), 'utf8').catch(() => undefined);
    if (onDisk === undefined) stale.push(`missing: ${path}`);
    else if (onDisk !== content) stale.push(`differs: ${path}`);
  }
  if (!positionals.length) {
    for (const dir of OWNED_DIRS) {
      for (const f of await listFiles(join(config.root, dir))) {
        const rel = relative(config.root, f);
        if (!expected.has(rel) && !UNOWNED.test(rel)) stale.push(`not produced by regen: ${rel}`);
      }
    }
  }
  const changes = all.filter((o) => o.change).map((o) => ({ api: o.api.name, change: o.change! }));
  if (flags.json) {
    const json = {
      stale,
      changes: changes.map(({ api, change }) => ({ api, manualChanged: change.manualChanged, from: change.from, to: change.to, summary: change.result.summary, changes: change.result.changes })),
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else for (const s of stale) process.stdout.write(`${s}\n`);
  // What the stale files mean for clients: always said, also with --quiet (it is the finding).
  if (!flags.json) for (const { api, change } of changes) for (const l of changeLines(api, change, 'check')) process.stderr.write(`${l}\n`);
  if (stale.length) {
    progress.info(`refspec check: ${stale.length} file(s) out of date; run \`npm run regen\` and commit the result`);
    return EXIT.problems;
  }
  progress.info(`refspec check: ${expected.size} files up to date`);
  return EXIT.ok;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    // A generated SDK's own build output and installs (its .gitignore lists them) are not regen's.
    if (e.isDirectory()) {
      if (e.name !== 'dist' && e.name !== 'node_modules') out.push(...(await listFiles(p)));
    } else if (e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.tgz')) out.push(p);
  }
  return out;
}
