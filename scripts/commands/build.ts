import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkDestination, isFolderPath, OutputError, writeOutputs, type OutputFile } from '../util/fs.ts';
import { InputError } from '../extract/types.ts';
import { buildOne, type BuildJob, type BuildOutcome } from './build-one.ts';
import { parseCommand } from './args.ts';
import { buildCmd } from './specs.ts';
import { EXIT, UsageError, type GlobalFlags } from './io.ts';

/** Heap ceiling of one batch worker: a manual that needs more fails alone instead of the process. */
const WORKER_HEAP_MB = 2048;

function positiveInt(value: string | undefined, flag: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new UsageError(`${flag} takes ${what} (got "${value}")`);
  return n;
}

interface BuildFlags {
  dialect: string;
  lint: boolean;
  maxBytes?: number;
  diagnostics: boolean;
  strict: boolean;
}

export async function build(argv: string[], flags: GlobalFlags): Promise<number> {
  await buildCmd.complete?.(); // done by the CLI already; here for callers of build() itself
  const { values, positionals } = parseCommand(buildCmd, argv);
  const str = (k: string) => values[k] as string | undefined;
  const opts: BuildFlags = {
    dialect: str('dialect') ?? 'auto',
    lint: values['no-lint'] !== true,
    maxBytes: positiveInt(str('max-bytes'), '--max-bytes', 'a positive whole number of bytes'),
    diagnostics: values.diagnostics === true,
    strict: values.strict === true,
  };
  const jobs = positiveInt(str('jobs'), '--jobs', 'a positive whole number');
  const output = str('output');
  const outDirFlag = str('out-dir');
  if (output !== undefined && outDirFlag !== undefined) throw new UsageError('give either -o or --out-dir, not both');
  const folderMode = positionals.length > 1 || outDirFlag !== undefined || (output !== undefined && (await isFolderPath(output)));
  if (!folderMode) return buildSingle(positionals[0], output, str('report'), str('sourcemap'), opts, flags);
  const outDir = outDirFlag ?? output;
  if (!outDir) throw new UsageError('several manuals need an output folder: -o <dir> or --out-dir <dir>');
  for (const k of ['report', 'sourcemap']) {
    if (str(k) !== undefined) throw new UsageError(`--${k} names one file; with an output folder each manual's ${k} is written beside its spec`);
  }
  return buildBatch(positionals, outDir, opts, jobs, flags);
}

async function buildSingle(
  file: string,
  output: string | undefined,
  report: string | undefined,
  sourceMap: string | undefined,
  opts: BuildFlags,
  flags: GlobalFlags,
): Promise<number> {
  // Every destination is checked before the (long) build, and again when writing.
  const destinations = [output, report, sourceMap].filter((p): p is string => p !== undefined);
  if (new Set(destinations).size < destinations.length) throw new UsageError('-o, --report and --sourcemap must name different files');
  for (const d of destinations) await checkDestination(d);
  const r = await buildOne({
    file,
    dialect: opts.dialect,
    maxBytes: opts.maxBytes,
    lintRef: output ?? 'spec.openapi.yaml',
    report: report !== undefined,
    sourceMap: sourceMap !== undefined,
    lint: opts.lint,
  });
  if (!r.ok) {
    if (r.input) throw new InputError(file, r.problem ?? r.message);
    // Already one line: "<file>: internal error: … (a bug in refspec …)".
    process.stderr.write(`refspec: ${r.message}\n`);
    return EXIT.internal;
  }
  // Outputs are written only after everything succeeded, together or not at all.
  const files: OutputFile[] = [];
  if (output) files.push({ path: output, content: r.yaml });
  if (report && r.report !== undefined) files.push({ path: report, content: r.report });
  if (sourceMap && r.sourceMap !== undefined) files.push({ path: sourceMap, content: r.sourceMap });
  await writeOutputs(files);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ file, dialect: r.dialect, stats: r.stats, lint: r.lint, loss: r.loss, diagnostics: r.diagnosticsJson, timings: r.timings }, null, 2)}\n`,
    );
  } else {
    if (!output) process.stdout.write(r.yaml);
    if (opts.diagnostics) for (const d of r.diagnostics) process.stderr.write(`${d}\n`);
    if (!flags.quiet) {
      process.stderr.write(`${summaryLine(r)}\n`);
      for (const l of r.loss) process.stderr.write(`refspec: ${r.file}: warning: ${l}\n`);
    }
  }
  return exitCode(r, opts);
}

function exitCode(r: Extract<BuildOutcome, { ok: true }>, opts: BuildFlags): number {
  if (r.lint && r.lint.errors > 0) return EXIT.problems;
  if (opts.strict && r.stats.diagnostics.error + r.stats.diagnostics.warning > 0) return EXIT.problems;
  return EXIT.ok;
}

function summaryLine(r: Extract<BuildOutcome, { ok: true }>): string {
  const s = r.stats;
  return (
    `refspec: ${r.file}: ${s.operations} operations, ${s.parameters} parameters, ${s.responseFields} fields; ` +
    `${s.diagnostics.error} errors, ${s.diagnostics.warning} warnings in the document; ` +
    (r.lint ? `lint ${r.lint.errors} errors, ${r.lint.warnings} warnings` : 'not linted (--no-lint)')
  );
}

/** Output names in batch mode: `<stem>.openapi.yaml`; the extension joins the stem when stems collide. */
export function batchOutputNames(files: string[]): string[] {
  const stem = (f: string) => basename(f, extname(f));
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f), (count.get(stem(f)) ?? 0) + 1);
  const used = new Set<string>();
  return files.map((f) => {
    let name = (count.get(stem(f)) ?? 0) > 1 ? basename(f).replace(/\./g, '-') : stem(f);
    const base = name;
    for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
    used.add(name);
    return name;
  });
}

/**
 * Many manuals at once across worker threads (one per core). Each finished manual prints one line;
 * a failure in one does not stop the others; the exit code is 2 when any document was bad input,
 * 1 when any spec has lint errors, 0 otherwise.
 */
async function buildBatch(files: string[], outDir: string, opts: BuildFlags, jobsFlag: number | undefined, flags: GlobalFlags): Promise<number> {
  const names = batchOutputNames(files);
  const outputsOf = (i: number) => ({
    spec: join(outDir, `${names[i]}.openapi.yaml`),
    report: join(outDir, `${names[i]}.report.md`),
    sourceMap: join(outDir, `${names[i]}.sourcemap.json`),
  });
  // A folder that cannot take the outputs is refused before any manual is built.
  for (let i = 0; i < files.length; i++) for (const p of Object.values(outputsOf(i))) await checkDestination(p);
  const jobs: BuildJob[] = files.map((file, i) => ({
    file,
    dialect: opts.dialect,
    maxBytes: opts.maxBytes,
    lintRef: outputsOf(i).spec,
    report: true,
    sourceMap: true,
    lint: opts.lint,
  }));
  const say = (s: string) => {
    if (!flags.quiet) process.stderr.write(`${s}\n`);
  };
  // Default thread count, from measurements (BENCHMARKS.md): a worker costs ~0.6 s to start (tsx +
  // the pipeline) and warms its JIT from cold, and a single build already keeps ~1.4 cores busy
  // (V8's GC and compiler threads). On 2 cores, 8 manuals took 3.1 s on two threads against 2.7 s
  // on one, so threads are used by default only from 4 cores, and only when each gets 2+ manuals.
  const cores = availableParallelism();
  const auto = cores >= 4 ? Math.min(cores - 1, Math.floor(jobs.length / 2)) : 1;
  const threads = Math.max(1, Math.min(jobsFlag ?? auto, jobs.length));
  const t0 = performance.now();
  let done = 0;
  const outcomes: BuildOutcome[] = new Array(jobs.length);
  const finish = async (i: number, r: BuildOutcome): Promise<void> => {
    if (r.ok) {
      const o = outputsOf(i);
      try {
        // The spec, report and source map of one manual: together or not at all.
        await writeOutputs([
          { path: o.spec, content: r.yaml },
          ...(r.report !== undefined ? [{ path: o.report, content: r.report }] : []),
          ...(r.sourceMap !== undefined ? [{ path: o.sourceMap, content: r.sourceMap }] : []),
        ]);
      } catch (err) {
        const why = err instanceof OutputError ? err.message : (err as Error).message;
        r = { ok: false, file: r.file, input: true, message: `${r.file}: output not written: ${why}`, ms: r.ms };
      }
    }
    outcomes[i] = r;
    done++;
    const tag = `[${done}/${jobs.length}]`;
    if (r.ok) {
      say(`${summaryLine(r).replace(/^refspec: /, `refspec: ${tag} `)} (${Math.round(r.ms)} ms)`);
      for (const l of r.loss) say(`refspec: ${r.file}: warning: ${l}`);
    } else say(`refspec: ${tag} FAILED ${r.message.split('\n')[0]}`);
  };

  say(`refspec: building ${jobs.length} documents on ${threads} thread(s)`);
  const ran = threads > 1 ? await runInWorkers(jobs, threads, finish, say) : false;
  if (!ran) {
    for (let i = 0; i < jobs.length; i++) if (!outcomes[i]) await finish(i, await buildOne(jobs[i]));
  }

  const failed = outcomes.filter((o) => !o.ok);
  const lintErrors = outcomes.filter((o) => o.ok && exitCode(o, opts) !== EXIT.ok).length;
  if (flags.json) {
    const rows = outcomes.map((o, i) =>
      o.ok
        ? { file: o.file, ok: true, output: outputsOf(i).spec, dialect: o.dialect, stats: o.stats, lint: o.lint, loss: o.loss, ms: Math.round(o.ms) }
        : { file: o.file, ok: false, error: o.message.split('\n')[0], ms: Math.round(o.ms) },
    );
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  }
  say(
    `refspec: built ${outcomes.length - failed.length} of ${outcomes.length} documents in ${Math.round(performance.now() - t0)} ms` +
      (failed.length ? `; ${failed.length} failed: ${failed.map((f) => f.file).join(', ')}` : '') +
      (lintErrors ? `; ${lintErrors} with lint errors${opts.strict ? ' or document warnings (--strict)' : ''}` : ''),
  );
  if (failed.length) return EXIT.input;
  return lintErrors ? EXIT.problems : EXIT.ok;
}

/**
 * Run jobs on the main thread plus `threads - 1` worker threads. The queue is a shared atomic
 * counter: every thread takes its next document itself (Atomics.add), so a worker never waits for
 * the main thread, which is busy building, to hand it work. The main thread has the pipeline loaded
 * already and starts at once; each worker first loads the pipeline (and, from the sources, tsx:
 * about half a second). A worker that dies fails only the document it held. Returns false only when
 * running from the sources and tsx cannot be found.
 */
async function runInWorkers(
  jobs: BuildJob[],
  threads: number,
  finish: (i: number, r: BuildOutcome) => Promise<void>,
  say: (s: string) => void,
): Promise<boolean> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const take = () => Atomics.add(counter, 0, 1);
  // Compiled (dist/*.js): the worker is plain JavaScript. From the sources (*.ts): Node 20 does not
  // carry tsx's module hooks into workers, so the worker registers tsx itself and then imports the
  // TypeScript entry.
  // The worker sits beside this module with the same extension: .ts (sources), .js (dist/), .cjs
  // (dist/bundle/, scripts/dev/bundle.ts).
  const ext = extname(new URL(import.meta.url).pathname);
  const compiled = ext !== '.ts';
  const workerUrl = new URL(`./build-worker${ext}`, import.meta.url);
  let bootstrap: string | URL = workerUrl;
  if (!compiled) {
    let tsxApi: string;
    try {
      // (sources only: the CommonJS bundle, where import.meta has no resolve(), never gets here)
      tsxApi = import.meta.resolve('tsx/esm/api');
    } catch {
      say('refspec: note: tsx not found; building sequentially');
      return false;
    }
    bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(workerUrl.href)}))`;
  }
  const pending: Promise<void>[] = [];
  let started = 0;
  const workerCount = process.env.REFSPEC_MAIN_LANE === 'off' ? threads : Math.max(1, threads - 1);
  for (let w = 0; w < workerCount; w++) {
    pending.push(
      new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(bootstrap, {
            eval: typeof bootstrap === 'string',
            execArgv: [],
            workerData: { jobs, counter },
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
        } catch {
          resolve();
          return;
        }
        let current = -1;
        const writes: Promise<void>[] = [];
        worker.on('message', (msg: { started: number } | { id: number; outcome: BuildOutcome }) => {
          if ('started' in msg) {
            started++;
            current = msg.started;
            return;
          }
          current = -1;
          writes.push(finish(msg.id, msg.outcome));
        });
        let settled = false;
        const settle = (why?: string) => {
          if (settled) return;
          settled = true;
          if (why && current >= 0) {
            const i = current;
            writes.push(finish(i, { ok: false, file: jobs[i].file, input: false, message: `${jobs[i].file}: ${why}`, ms: 0 }));
          }
          void Promise.all(writes).then(() => resolve());
        };
        worker.on('error', (err) => {
          const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
          settle(oom ? `needs more than ${WORKER_HEAP_MB} MB of heap (refused)` : `worker failed: ${err.message}`);
        });
        worker.on('exit', (code) => settle(code === 0 ? undefined : 'worker exited unexpectedly'));
      }),
    );
  }
  // The main thread's lane (REFSPEC_MAIN_LANE=off leaves every document to the workers: for tests
  // of the worker path, and to diagnose it).
  if (process.env.REFSPEC_MAIN_LANE !== 'off') pending.push(
    (async () => {
      for (let i = take(); i < jobs.length; i = take()) {
        await finish(i, await buildOne(jobs[i]));
      }
    })(),
  );
  await Promise.all(pending);
  if (started === 0 && jobs.length > 1) say('refspec: note: no worker thread took a document; all were built on the main thread');
  return true;
}
