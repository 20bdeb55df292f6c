/**
 * `npm run bench`: measures, on this machine, in one run —
 * - per-stage times for each configured manual (median of warm runs): extract, detect, parse, emit,
 *   reconcile, stringify, lint, codegen, docs;
 * - parse + emit of all manuals together, in-process after warm-up;
 * - the CLI as installed (scripts/bench/cli-speed.ts): whole processes of the compiled bin —
 *   `--help`, `build` of the Alibaba manual with and without lint — interleaved with the
 *   openapi-typescript CLI on the same spec;
 * - yardsticks on the same specs: the openapi-typescript CLI and the `redocly lint` CLI;
 * - whole `npm run regen` and `npm run check` wall time and peak memory (in a scratch copy of the
 *   project, so the working tree is never written);
 * - batch mode (`refspec build a b -o dir`) on worker threads against `--jobs 1`;
 * - scaling: synthetic manuals of 1×, 10× and 100× the Alibaba manual (scale-one.ts, one process
 *   each) → ms and MB per operation, MB/s.
 * Writes the tables into BENCHMARKS.md between the bench markers (other sections are kept) and the
 * raw figures to stdout with --json. Figures are measured, never typed in.
 *
 * Options: --runs N (warm runs per stage, default 7), --scale-runs N (cold processes per scaling
 * factor, the median is reported; default 3), --quick (fewer runs, no 100×), --no-write (do not
 * touch BENCHMARKS.md), --json.
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem, availableParallelism, release, platform, tmpdir } from 'node:os';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { loadRefspecConfig } from '../config.ts';
import { extractFile } from '../extract/index.ts';
import { buildFromDocument } from '../pipeline.ts';
import { chooseDialect } from '../dialects/index.ts';
import { emitOpenApi } from '../openapi/document.ts';
import { lintSpec } from '../lint/index.ts';
import { writeFileAtomic } from '../util/fs.ts';
import { defaultGenerateSpecs, renderGenerateBench, runGenerateBench, type GenerateSpeedRow } from './generate-speed.ts';
import { renderCliBench, runCliBench, type CliSpeed } from './cli-speed.ts';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'scale-timeout': { type: 'string', default: '600' },
    'scale-runs': { type: 'string', default: '3' },
    /** More specs for the generate-vs-openapi-typescript table (repeatable). */
    'generate-spec': { type: 'string', multiple: true },
    /** Re-render BENCHMARKS.md from the JSON of an earlier `--json` run instead of measuring. */
    render: { type: 'string' },
  },
});
const RUNS = opts.quick ? 3 : Number(opts.runs);
/** Cold processes per scaling factor. */
const SCALE_RUNS = opts.quick ? 1 : Number(opts['scale-runs']);
for (const [name, n] of [['--runs', RUNS], ['--scale-runs', SCALE_RUNS]] as const) {
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: ${name} must be a positive integer\n`);
    process.exit(2);
  }
}
const ROOT = process.cwd();
const say = (s: string) => process.stderr.write(`bench: ${s}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
async function timeIt<T>(n: number, fn: () => Promise<T> | T, warm = 2): Promise<{ ms: number; last: T }> {
  let last!: T;
  for (let i = 0; i < warm; i++) last = await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await fn();
    xs.push(performance.now() - t);
  }
  return { ms: median(xs), last };
}

interface Proc {
  code: number | null;
  wallMs: number;
  maxRssMB?: number;
  stdout: string;
  stderr: string;
}
/** Run a command under /usr/bin/time (when present) for wall time and peak RSS of the process tree. */
function run(cmd: string, args: string[], cwd = ROOT, timeoutMs = 600_000): Promise<Proc> {
  return new Promise((resolve) => {
    const useTime = process.platform === 'linux';
    const t = performance.now();
    const child = spawn(useTime ? '/usr/bin/time' : cmd, useTime ? ['-f', '@@maxrss %M', cmd, ...args] : args, {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', () => undefined);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /@@maxrss (\d+)/.exec(stderr);
      resolve({ code, wallMs: performance.now() - t, maxRssMB: m ? Number(m[1]) / 1024 : undefined, stdout, stderr: stderr.replace(/@@maxrss \d+\n?/, '') });
    });
  });
}
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

async function machine() {
  const c = cpus();
  const nproc = (await run('nproc', [])).stdout.trim();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    nproc,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString().slice(0, 10),
  };
}

type Stages = Record<string, number>;

async function perManual() {
  const config = await loadRefspecConfig(ROOT);
  const out: { api: string; bytes: number; operations: number; stages: Stages; specPath: string }[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'refspec-bench-'));
  let codegen: { ok: boolean; why?: string; mod?: Record<string, any> } = { ok: false };
  try {
    codegen = {
      ok: true,
      mod: {
        ...(await import('../codegen/index.ts')),
        ...(await import('../codegen/types.ts')),
        ...(await import('../codegen/builders.ts')),
        ...(await import('../codegen/client.ts')),
        ...(await import('../codegen/runtime.ts')),
        ...(await import('../codegen/docs-markdown.ts')),
        ...(await import('../codegen/docs-html.ts')),
      },
    };
  } catch (err) {
    codegen = { ok: false, why: (err as Error).message.split('\n')[0] };
  }
  for (const api of config.apis) {
    say(`${api.name}: stages (${RUNS} warm runs each)`);
    const file = join(ROOT, api.source);
    const ex = await timeIt(RUNS, () => extractFile(file, { displayName: api.source }));
    const doc = ex.last;
    const stageRuns: Record<string, number[]> = {};
    let result = buildFromDocument(doc, { dialect: api.dialect });
    for (let i = 0; i < 2 + RUNS; i++) {
      result = buildFromDocument(doc, { dialect: api.dialect });
      if (i < 2) continue;
      for (const [k, v] of Object.entries(result.timings)) (stageRuns[k] ??= []).push(v);
    }
    const stages: Stages = { extract: ex.ms };
    for (const [k, v] of Object.entries(stageRuns)) stages[k] = median(v);
    const lint = await timeIt(Math.max(3, Math.ceil(RUNS / 2)), () => lintSpec(result.yaml, `${api.name}.openapi.yaml`), 1);
    stages.lint = lint.ms;
    const specPath = join(scratch, `${api.name}.openapi.yaml`);
    await writeFile(specPath, result.yaml);
    if (codegen.ok && codegen.mod) {
      const m = codegen.mod;
      const docObj = parseYaml(result.yaml) as Record<string, unknown>;
      const rel = `spec/${api.name}.openapi.yaml`;
      try {
        stages.codegen = (
          await timeIt(Math.max(3, Math.ceil(RUNS / 2)), async () => {
            const info = await m.loadApi(docObj, { specPath: rel });
            await m.generateTypes(info.doc, rel);
            m.generateBuilders(info, rel);
            m.generateClient(info, rel);
            await m.runtimeFiles(rel);
          }, 1)
        ).ms;
        const info = await m.loadApi(docObj, { specPath: rel });
        stages['docs (markdown)'] = (await timeIt(3, () => m.generateMarkdown(info, rel), 1)).ms;
        stages['docs (html)'] = (await timeIt(3, () => m.generateHtml(info.doc, rel, info), 1)).ms;
      } catch (err) {
        say(`${api.name}: codegen/docs not measured: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    out.push({ api: api.name, bytes: doc.bytes, operations: result.model.operations.length, stages, specPath });
  }
  if (!codegen.ok) say(`codegen not measured: ${codegen.why}`);

  // Parse + emit of all manuals together, in-process, after warm-up.
  const docs = await Promise.all(config.apis.map((a) => extractFile(join(ROOT, a.source))));
  const dialects = docs.map((d, i) => chooseDialect(d, config.apis[i].dialect));
  const both = await timeIt(Math.max(RUNS, 15), () => {
    for (let i = 0; i < docs.length; i++) emitOpenApi(dialects[i].parse(docs[i]).model);
  }, 3);
  return { manuals: out, parseEmitAllMs: both.ms, scratch };
}

async function yardsticks(manuals: { api: string; specPath: string }[], scratch: string) {
  // redocly CLI with the same built-in rules as our lint (recommended + our overrides), minus our
  // plugin rules (the CLI cannot load TypeScript plugins).
  const ours = await readFile(join(ROOT, 'redocly.yaml'), 'utf8');
  const plain = ours
    .split('\n')
    .filter((l) => !/^\s*refspec\//.test(l))
    .join('\n');
  const redoclyConfig = join(scratch, 'redocly.yaml');
  await writeFile(redoclyConfig, plain);
  const out: { api: string; openapiTypescriptMs: number; redoclyLintMs: number; refspecLintCliMs: number }[] = [];
  for (const m of manuals) {
    say(`${m.api}: yardsticks (openapi-typescript, redocly lint, refspec lint; CLI wall time, median of 3)`);
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) ts.push((await run(bin('openapi-typescript'), [m.specPath, '-o', join(scratch, 'types.ts')])).wallMs);
    const ots = median(ts);
    const xs: number[] = [];
    for (let i = 0; i < 3; i++) xs.push((await run(bin('redocly'), ['lint', m.specPath, '--config', redoclyConfig, '--format', 'summary'])).wallMs);
    const ys: number[] = [];
    // The compiled bin (dist/ was built by the CLI section just before).
    for (let i = 0; i < 3; i++) ys.push((await run(process.execPath, [join(ROOT, 'bin', 'refspec.js'), 'lint', m.specPath, '--quiet'])).wallMs);
    out.push({ api: m.api, openapiTypescriptMs: ots, redoclyLintMs: median(xs), refspecLintCliMs: median(ys) });
  }
  return out;
}

/** regen / check / batch build in a scratch copy of the project (the working tree is not written). */
async function wholeProject() {
  const dir = await mkdtemp(join(tmpdir(), 'refspec-bench-project-'));
  // Everything but the dependencies and the history: `npm run check` also checks the package
  // (tsconfig.build.json, the files package.json ships, README).
  for (const p of await readdir(ROOT)) {
    if (p === 'node_modules' || p === '.git') continue;
    await cp(join(ROOT, p), join(dir, p), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  say('npm run regen (scratch copy)');
  const regen = await run('npm', ['run', '--silent', 'regen'], dir);
  say('npm run regen again (outputs unchanged)');
  const regen2 = await run('npm', ['run', '--silent', 'regen'], dir);
  say('npm run check (scratch copy)');
  const check = await run('npm', ['run', '--silent', 'check'], dir);
  const config = await loadRefspecConfig(ROOT);
  const sources = config.apis.map((a) => join(ROOT, a.source));
  // Eight documents: each manual four times under different names.
  await mkdir(join(dir, 'batch-in'), { recursive: true });
  const many: string[] = [];
  for (let k = 1; k <= 4; k++) {
    for (const s of sources) {
      const p = join(dir, 'batch-in', `copy${k}-${s.split('/').pop()}`);
      await cp(s, p);
      many.push(p);
    }
  }
  const threads = String(Math.max(2, availableParallelism()));
  say(`batch build: ${many.length} documents, --jobs ${threads} vs --jobs 1`);
  const batch = await run(process.execPath, [TSX, join(dir, 'scripts', 'cli.ts'), 'build', ...many, '-o', join(dir, 'batch-out'), '--jobs', threads], dir);
  const seq = await run(process.execPath, [TSX, join(dir, 'scripts', 'cli.ts'), 'build', ...many, '-o', join(dir, 'batch-seq'), '--jobs', '1'], dir);
  await rm(dir, { recursive: true, force: true });
  return {
    regen: { code: regen.code, wallMs: regen.wallMs, maxRssMB: regen.maxRssMB, err: regen.code ? regen.stderr.slice(-400) : undefined },
    regenNoChange: { code: regen2.code, wallMs: regen2.wallMs, maxRssMB: regen2.maxRssMB },
    check: { code: check.code, wallMs: check.wallMs, maxRssMB: check.maxRssMB, err: check.code ? check.stdout.slice(-400) + check.stderr.slice(-400) : undefined },
    batch: { code: batch.code, wallMs: batch.wallMs, maxRssMB: batch.maxRssMB, documents: many.length, threads },
    batchSequential: { code: seq.code, wallMs: seq.wallMs, maxRssMB: seq.maxRssMB },
  };
}

async function scaling() {
  const factors: { factor: number; skip?: string }[] = [{ factor: 1 }, { factor: 10 }];
  if (!opts.quick) factors.push({ factor: 100, skip: undefined });
  const out: Record<string, unknown>[] = [];
  for (const f of factors) {
    // Several cold processes per factor: cold runs of a large manual differ by several per cent
    // (where the major GCs land), so the run with the median total is reported, with the range.
    const done: Record<string, any>[] = [];
    let failed: string | undefined;
    for (let i = 0; i < SCALE_RUNS && !failed; i++) {
      say(`scaling ×${f.factor} (run ${i + 1}/${SCALE_RUNS})`);
      const args = [TSX, join(ROOT, 'scripts', 'bench', 'scale-one.ts'), String(f.factor)];
      const r = await run(process.execPath, args, ROOT, Number(opts['scale-timeout']) * 1000);
      const line = r.stdout.trim().split('\n').pop() ?? '';
      if (r.code !== 0 || !line.startsWith('{')) {
        failed = r.code === null ? `did not finish within ${opts['scale-timeout']} s` : r.stderr.split('\n').slice(-3).join(' ');
        continue;
      }
      done.push({ ...JSON.parse(line), processWallMs: r.wallMs, processMaxRssMB: r.maxRssMB });
    }
    if (failed) {
      out.push({ factor: f.factor, failed });
      continue;
    }
    const totals = done.map((d) => d.totalMs as number).sort((a, b) => a - b);
    const median = done.find((d) => d.totalMs === totals[Math.floor((totals.length - 1) / 2)])!;
    out.push({ ...median, runs: done.length, totalMinMs: totals[0], totalMaxMs: totals[totals.length - 1] });
  }
  return out;
}

/**
 * The PDF path: a harness-typeset Alibaba manual of the bundled manual's size (69 operations),
 * extract + build in-process, warm (test/harness/pdf/bench.ts, in a process of its own: scripts/
 * never imports harness code).
 */
async function pdfPath(): Promise<Record<string, any>> {
  say('PDF: harness-typeset 69-operation Alibaba manual, extract + build (test/harness/pdf/bench.ts)');
  const r = await run(process.execPath, [TSX, join(ROOT, 'test', 'harness', 'pdf', 'bench.ts'), String(RUNS)], ROOT);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code !== 0 || !line.startsWith('{')) return { error: r.stderr.split('\n').slice(-3).join(' ') || `exit ${r.code}` };
  return JSON.parse(line) as Record<string, any>;
}

const fmt = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function render(results: Awaited<ReturnType<typeof collect>>): string {
  const m = results.machine;
  const L: string[] = [];
  L.push('<!-- bench:start (written by `npm run bench`; do not edit by hand) -->');
  L.push(`Measured ${m.date} on: ${m.cpu}, ${m.nproc} cores (\`nproc\`), ${m.memoryGB} GB RAM, Node ${m.node}, ${m.os}. Medians of ${results.runs ?? RUNS} warm runs unless noted.`, '');
  L.push('### Stages per manual (ms, in-process, warm)', '');
  const stageNames = [...new Set(results.perManual.manuals.flatMap((x) => Object.keys(x.stages)))];
  L.push(`| manual | KB | ops | ${stageNames.join(' | ')} |`);
  L.push(`|---|---:|---:|${stageNames.map(() => '---:').join('|')}|`);
  for (const x of results.perManual.manuals) {
    L.push(`| ${x.api} | ${(x.bytes / 1024).toFixed(0)} | ${x.operations} | ${stageNames.map((s) => fmt(x.stages[s])).join(' | ')} |`);
  }
  L.push('', `Parse + emit of all manuals together, in-process after warm-up: **${fmt(results.perManual.parseEmitAllMs)} ms** (target < 150 ms).`, '');
  if (results.cli) {
    L.push('### The CLI as installed: whole processes against openapi-typescript (`scripts/bench/cli-speed.ts`)', '');
    L.push(...renderCliBench(results.cli), '');
  }
  L.push('### Yardsticks on the same specs (CLI wall time incl. Node start-up, median of 3, ms)', '');
  L.push('| manual | openapi-typescript CLI | redocly lint CLI (recommended) | refspec lint CLI (recommended + refspec rules) |');
  L.push('|---|---:|---:|---:|');
  for (const y of results.yardsticks) L.push(`| ${y.api} | ${fmt(y.openapiTypescriptMs)} | ${fmt(y.redoclyLintMs)} | ${fmt(y.refspecLintCliMs)} |`);
  const w = results.whole;
  L.push('', '### Whole project (scratch copy; wall time, peak RSS of the process tree)', '');
  L.push('| command | exit | wall s | peak RSS MB | target |');
  L.push('|---|---:|---:|---:|---|');
  const row = (name: string, r: { code: number | null; wallMs: number; maxRssMB?: number }, target = '') =>
    L.push(`| ${name} | ${r.code} | ${(r.wallMs / 1000).toFixed(2)} | ${r.maxRssMB?.toFixed(0) ?? '–'} | ${target} |`);
  row('`npm run regen` (first, writes outputs)', w.regen, '< 20 s on 2 cores');
  row('`npm run regen` (again, nothing changes)', w.regenNoChange);
  row('`npm run check`', w.check, '< 30 s');
  row(`\`refspec build\` ${w.batch.documents} manuals (both ×4), \`--jobs ${w.batch.threads}\` (main thread + workers)`, w.batch);
  row(`\`refspec build\` ${w.batch.documents} manuals, \`--jobs 1\` (the default below 4 cores)`, w.batchSequential);
  // A command that failed says why under the table (its last output line), not only "exit 1".
  for (const [name, r] of [['npm run regen', w.regen], ['npm run check', w.check]] as const) {
    const why = r.err?.trim().split('\n').pop();
    if (why) L.push('', `\`${name}\` failed in the scratch copy: ${why.replace(/\|/g, '\\|')}`);
  }
  L.push('', '### Scaling: synthetic Alibaba manuals (operation chapters copied k times, operations renamed)', '');
  L.push(
    'Cold runs, each in a fresh process (`scripts/bench/scale-one.ts`); the run with the median total is shown, ' +
      '"range" gives the fastest and slowest totals. Stage times in ms; MB (size, MB/s) = 10⁶ bytes; peak RSS in MiB, growth in KiB. ' +
      '"growth" is peak RSS minus the peak before the run (after building the synthetic text), per operation.',
    '',
  );
  L.push('| × | MB | lines | ops | extract | parse | emit | reconcile | stringify | total ms | range (runs) | ms/op | MB/s | parse MB/s | peak RSS MiB | growth KiB/op |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of results.scaling as Record<string, any>[]) {
    if (s.failed) {
      L.push(`| ${s.factor} | | | | | | | | | ${s.failed} | | | | | | |`);
      continue;
    }
    const t = s.timings as Stages;
    const mb = s.bytes / 1e6;
    L.push(
      `| ${s.factor} | ${mb.toFixed(1)} | ${s.lines} | ${s.operations} | ${fmt(t.extract)} | ${fmt(t.parse)} | ${fmt(t.emit)} | ${fmt(t.reconcile)} | ${fmt(t.stringify)} | ${fmt(s.totalMs)} | ${fmt(s.totalMinMs)}–${fmt(s.totalMaxMs)} (${s.runs}) | ${(s.totalMs / s.operations).toFixed(2)} | ${(mb / (s.totalMs / 1000)).toFixed(2)} | ${(mb / (t.parse / 1000)).toFixed(2)} | ${s.maxRssMB.toFixed(0)} | ${(((s.maxRssMB - s.rssBeforeMB) * 1024) / s.operations).toFixed(0)} |`,
    );
  }
  if (results.generate) {
    L.push('', '### Codegen: `refspec generate` against openapi-typescript (`scripts/bench/generate-speed.ts`)', '');
    L.push('CLI wall time, Node start-up included, median of interleaved runs; each tool in a scratch folder. Target: generate ≤ 2× openapi-typescript, and what refspec adds ≤ 1 s on a small spec.', '');
    L.push(...renderGenerateBench(results.generate));
  }
  const p = results.pdf;
  if (p) {
    L.push('', '### PDF (`test/harness/pdf/bench.ts`: a generated Alibaba manual typeset by the harness, in-process, warm)', '');
    if ('error' in p) L.push(`Not measured: ${p.error}`);
    else {
      const st = p.stages as Stages;
      L.push(
        `${p.operations} operations (${p.found} recovered), ${p.pages} pages, ${(p.bytes / 1e6).toFixed(2)} MB: extract (pdf.js) ${fmt(p.extractMs)} ms + ` +
          `layout ${fmt(st.layout)} + parse ${fmt(st.parse)} + emit ${fmt(st.emit)} + reconcile ${fmt(st.reconcile)} + stringify ${fmt(st.stringify)} = **${fmt(p.totalMs)} ms** ` +
          `(median of ${p.runs}, fastest ${fmt(p.minTotalMs)} ms; target ≤ 1000 ms).`,
      );
    }
  }
  const d = results.diff;
  if (d) {
    L.push('', '### Diff (`scripts/bench/diff-agreement.ts`, run by `npm run bench`)', '');
    if ('error' in d) L.push(`Not measured: ${d.error}`);
    else {
      L.push(`Breaking-change verdict agrees with api-smart-diff on ${d.agree} of ${d.pairs} pairs.`);
      if (d.speed) {
        L.push(
          `Alibaba spec (${d.speed.specBytes} bytes) against itself with one change: parse ${d.speed.parseMedianMs} ms + diff ${d.speed.diffMedianMs} ms ` +
            `= ${d.speed.totalMedianMs} ms (median of 7); api-smart-diff on the same parsed pair ${d.speed.apiSmartDiffMedianMs} ms.`,
        );
      }
    }
  }
  const h = results.html;
  if (h) {
    L.push('', '### HTML reference (`scripts/bench/docs-html.ts`, run by `npm run bench`)', '');
    if ('error' in h) L.push(`Not measured: ${h.error}`);
    else {
      L.push(
        'Rendered in-process from Redoc\'s standalone bundle. "cold process": a fresh Node + tsx process that loads the docs modules and renders once (wall, median of 3); ' +
          '"warm": in-process after one render (median of 5); yardstick: `redocly build-docs --inlineBundle` on the same spec (wall, median of 3), the subprocess the HTML step used to run.',
        '',
      );
      L.push('| spec | KB | ops | refspec cold process ms | refspec warm ms | redocly build-docs ms | page KB |');
      L.push('|---|---:|---:|---:|---:|---:|---:|');
      for (const r of h) L.push(`| ${r.spec} | ${r.kb.toFixed(0)} | ${r.operations} | ${fmt(r.coldProcessMs)} | ${fmt(r.warmMs)} | ${fmt(r.redoclyBuildDocsMs)} | ${(r.bytes / 1024).toFixed(0)} |`);
    }
  }
  L.push('<!-- bench:end -->');
  return L.join('\n');
}

async function collect() {
  const m = await machine();
  say(`machine: ${m.cpu}, ${m.nproc} cores, Node ${m.node}`);
  const pm = await perManual();
  const cli = await runCliBench(ROOT, opts.quick ? 3 : Math.max(RUNS, 7), say);
  const y = await yardsticks(pm.manuals, pm.scratch);
  const whole = await wholeProject();
  say('codegen: refspec generate vs openapi-typescript (scripts/bench/generate-speed.ts)');
  const generate = await runGenerateBench(ROOT, [...defaultGenerateSpecs(ROOT), ...(opts['generate-spec'] ?? [])], opts.quick ? 1 : 3, say);
  const sc = await scaling();
  const pdf = await pdfPath();
  say('diff: agreement with api-smart-diff and speed (scripts/bench/diff-agreement.ts)');
  let diff: { pairs: number; agree: number; speed?: Record<string, number> } | { error: string };
  try {
    const { runDiffBench } = await import('./diff-agreement.ts');
    const d = await runDiffBench();
    diff = { pairs: d.pairs, agree: d.agree, speed: d.speed };
  } catch (err) {
    diff = { error: (err as Error).message.split('\n')[0] };
  }
  say('docs: HTML reference, cold process and warm, against redocly build-docs (scripts/bench/docs-html.ts)');
  let html: Awaited<ReturnType<typeof import('./docs-html.ts').runDocsHtmlBench>> | { error: string };
  try {
    const { runDocsHtmlBench } = await import('./docs-html.ts');
    html = await runDocsHtmlBench();
  } catch (err) {
    html = { error: (err as Error).message.split('\n')[0] };
  }
  await rm(pm.scratch, { recursive: true, force: true });
  return { machine: m, runs: RUNS as number | undefined, perManual: pm, cli: cli as CliSpeed | undefined, yardsticks: y, whole, generate: generate as GenerateSpeedRow[] | undefined, scaling: sc, pdf: pdf as Record<string, any> | undefined, diff: diff as typeof diff | undefined, html: html as typeof html | undefined };
}

const results = opts.render
  ? (JSON.parse(await readFile(opts.render, 'utf8')) as Awaited<ReturnType<typeof collect>>)
  : await collect();
const section = render(results);
process.stderr.write(`${section}\n`);
if (opts.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
if (!opts['no-write']) {
  const path = join(ROOT, 'BENCHMARKS.md');
  let md = await readFile(path, 'utf8').catch(() => '# Benchmarks\n');
  const heading = '## Performance (`npm run bench`)';
  if (/<!-- bench:start[\s\S]*?<!-- bench:end -->/.test(md)) md = md.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, section);
  else md = `${md.trimEnd()}\n\n${heading}\n\n${section}\n`;
  await mkdir(ROOT, { recursive: true });
  await writeFileAtomic(path, md);
  say('BENCHMARKS.md updated');
}
