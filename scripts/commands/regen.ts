import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadRefspecConfig, type RefspecConfig } from '../config.ts';
import { computeApiOutputs, type ApiOutputs } from '../project.ts';
import { buildStats } from '../report.ts';
import { writeIfChanged } from '../util/fs.ts';
import { EXIT, Progress, type GlobalFlags } from './io.ts';
import '../producers.ts';

async function computeAll(config: RefspecConfig, progress: Progress, only?: string[]): Promise<ApiOutputs[]> {
  const out: ApiOutputs[] = [];
  for (const api of config.apis) {
    if (only?.length && !only.includes(api.name)) continue;
    out.push(await computeApiOutputs(config, api, (s) => progress.stage(api.name, s)));
  }
  return out;
}

/** `refspec regen [name…]`: build, lint and generate every configured API; write what changed. */
export async function regen(argv: string[], flags: GlobalFlags): Promise<number> {
  const config = await loadRefspecConfig();
  const progress = new Progress(flags);
  // Compute everything first: a failure in any API leaves every output untouched.
  const all = await computeAll(config, progress, argv);
  const summary = [];
  let lintErrors = 0;
  for (const o of all) {
    let changed = 0;
    for (const [path, content] of [...o.files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (await writeIfChanged(join(config.root, path), content)) changed++;
    }
    lintErrors += o.lint.errors;
    const stats = buildStats(o.build);
    summary.push({ api: o.api.name, files: o.files.size, changed, stats, lint: { errors: o.lint.errors, warnings: o.lint.warnings } });
    progress.info(
      `refspec: ${o.api.name}: ${stats.operations} operations, ${stats.parameters} parameters, ${stats.responseFields} fields, ` +
        `samples valid ${stats.examplesValidated}/${stats.examplesTotal}; lint ${o.lint.errors} errors, ${o.lint.warnings} warnings; ` +
        `${changed} of ${o.files.size} files changed`,
    );
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return lintErrors > 0 ? EXIT.problems : EXIT.ok;
}

/** Files under these folders that regen does not produce are stale leftovers. */
const OWNED_DIRS = ['spec', 'generated'];
/** Hand-kept or history files that regen only prepends to (never recomputed). */
const UNOWNED = /\.CHANGELOG\.md$|(^|\/)README\.md$/;

/** `refspec check`: fail when committed spec/ and generated/ differ from a fresh regeneration. */
export async function check(argv: string[], flags: GlobalFlags): Promise<number> {
  const config = await loadRefspecConfig();
  const progress = new Progress(flags);
  const all = await computeAll(config, progress, argv);
  const expected = new Map<string, string>();
  for (const o of all) for (const [p, c] of o.files) expected.set(p, c);
  const stale: string[] = [];
  for (const [path, content] of [...expected.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const onDisk = await readFile(join(config.root, path), 'utf8').catch(() => undefined);
    if (onDisk === undefined) stale.push(`missing: ${path}`);
    else if (onDisk !== content) stale.push(`differs: ${path}`);
  }
  if (!argv.length) {
    for (const dir of OWNED_DIRS) {
      for (const f of await listFiles(join(config.root, dir))) {
        const rel = relative(config.root, f);
        if (!expected.has(rel) && !UNOWNED.test(rel)) stale.push(`not produced by regen: ${rel}`);
      }
    }
  }
  if (flags.json) process.stdout.write(`${JSON.stringify({ stale }, null, 2)}\n`);
  else for (const s of stale) process.stdout.write(`${s}\n`);
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
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile() && !e.name.startsWith('.')) out.push(p);
  }
  return out;
}
