import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '../util/fs.ts';
import { InputError } from '../extract/types.ts';
import { buildOne, type BuildJob, type BuildOutcome } from './build-one.ts';
import { EXIT, UsageError, type GlobalFlags } from './io.ts';

export const usage =
  'refspec build <document…> [-o out.openapi.yaml | -o <dir> | --out-dir <dir>] [--report out.report.md] ' +
  '[--dialect auto|alibaba-rpc|huawei-rest] [--max-bytes N] [--jobs N] [--diagnostics]';

/** Heap ceiling of one batch worker: a manual that needs more fails alone instead of the process. */
const WORKER_HEAP_MB = 2048;

export async function build(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      report: { type: 'string' },
      dialect: { type: 'string', default: 'auto' },
      'max-bytes': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      diagnostics: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError(usage);
  const maxBytes = values['max-bytes'] !== undefined ? Number(values['max-bytes']) : undefined;
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
    throw new UsageError('--max-bytes takes a positive whole number of bytes');
  }
  if (positionals.length === 1 && values['out-dir'] === undefined) {
    return buildSingle(positionals[0], values.output, values.report, values.dialect, maxBytes, values.diagnostics, flags);
  }
  const outDir = values['out-dir'] ?? values.output;
  if (!outDir) throw new UsageError(`several documents need an output folder: -o <dir> or --out-dir <dir>\n${usage}`);
  if (values.report) throw new UsageError('--report names one file; in batch mode reports are written beside each spec');
  const jobs = values.jobs !== undefined ? Number(values.jobs) : undefined;
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new UsageError('--jobs takes a positive whole number');
  return buildBatch(positionals, outDir, values.dialect, maxBytes, jobs, flags);
}

async function buildSingle(
  file: string,
  output: string | undefined,
  report: string | undefined,
  dialect: string,
  maxBytes: number | undefined,
  showDiagnostics: boolean,
  flags: GlobalFlags,
): Promise<number> {
  const r = await buildOne({ file, dialect, maxBytes, lintRef: output ?? 'spec.openapi.yaml', report: report !== undefined });
  if (!r.ok) {
    if (r.input) throw new InputError(file, r.problem ?? r.message);
    throw new Error(r.message);
  }
  // Outputs are written only after everything succeeded: bad input never touches them.
  if (output) await writeFileAtomic(output, r.yaml);
  if (report && r.report !== undefined) await writeFileAtomic(report, r.report);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ file, dialect: r.dialect, stats: r.stats, lint: r.lint, diagnostics: r.diagnosticsJson, timings: r.timings }, null, 2)}\n`,
    );
  } else {
    if (!output) process.stdout.write(r.yaml);
    if (showDiagnostics) for (const d of r.diagnostics) process.stderr.write(`${d}\n`);
    if (!flags.quiet) process.stderr.write(`${summaryLine(r)}\n`);
  }
  return r.lint.errors > 0 ? EXIT.problems : EXIT.ok;
}

function summaryLine(r: Extract<BuildOutcome, { ok: true }>): string {
  const s = r.stats;
  return (
    `refspec: ${r.file}: ${s.operations} operations, ${s.parameters} parameters, ${s.responseFields} fields; ` +
    `${s.diagnostics.error} errors, ${s.diagnostics.warning} warnings in the document; lint ${r.lint.errors} errors, ${r.lint.warnings} warnings`
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
async function buildBatch(
  files: string[],
  outDir: string,
  dialect: string,
  maxBytes: number | undefined,
  jobsFlag: number | undefined,
  flags: GlobalFlags,
): Promise<number> {
  const names = batchOutputNames(files);
  const jobs: BuildJob[] = files.map((file, i) => ({
    file,
    dialect,
    maxBytes,
    lintRef: join(outDir, `${names[i]}.openapi.yaml`),
    report: true,
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
      try {
        await writeFileAtomic(join(outDir, `${names[i]}.openapi.yaml`), r.yaml);
        if (r.report !== undefined) await writeFileAtomic(join(outDir, `${names[i]}.report.md`), r.report);
      } catch (err) {
        r = { ok: false, file: r.file, input: false, message: `${r.file}: cannot write output: ${(err as Error).message}`, ms: r.ms };
      }
    }
    outcomes[i] = r;
    done++;
    const tag = `[${done}/${jobs.length}]`;
    if (r.ok) say(`${summaryLine(r).replace(/^refspec: /, `refspec: ${tag} `)} (${Math.round(r.ms)} ms)`);
    else say(`refspec: ${tag} FAILED ${r.message.split('\n')[0]}`);
  };

  say(`refspec: building ${jobs.length} documents on ${threads} thread(s)`);
  const ran = threads > 1 ? await runInWorkers(jobs, threads, finish, say) : false;
  if (!ran) {
    for (let i = 0; i < jobs.length; i++) if (!outcomes[i]) await finish(i, await buildOne(jobs[i]));
  }

  const failed = outcomes.filter((o) => !o.ok);
  const lintErrors = outcomes.filter((o) => o.ok && o.lint.errors > 0).length;
  if (flags.json) {
    const rows = outcomes.map((o, i) =>
      o.ok
        ? { file: o.file, ok: true, output: join(outDir, `${names[i]}.openapi.yaml`), dialect: o.dialect, stats: o.stats, lint: o.lint, ms: Math.round(o.ms) }
        : { file: o.file, ok: false, error: o.message.split('\n')[0], ms: Math.round(o.ms) },
    );
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  }
  say(
    `refspec: built ${outcomes.length - failed.length} of ${outcomes.length} documents in ${Math.round(performance.now() - t0)} ms` +
      (failed.length ? `; ${failed.length} failed: ${failed.map((f) => f.file).join(', ')}` : '') +
      (lintErrors ? `; ${lintErrors} with lint errors` : ''),
  );
  if (failed.length) return EXIT.input;
  return lintErrors ? EXIT.problems : EXIT.ok;
}

/**
 * Run jobs on the main thread plus `threads - 1` worker threads. The queue is a shared atomic
 * counter: every thread takes its next document itself (Atomics.add), so a worker never waits for
 * the main thread, which is busy building, to hand it work. The main thread has the pipeline loaded
 * already and starts at once; each worker first loads tsx and the pipeline (about half a second).
 * A worker that dies fails only the document it held. Returns false only when tsx cannot be found.
 */
async function runInWorkers(
  jobs: BuildJob[],
  threads: number,
  finish: (i: number, r: BuildOutcome) => Promise<void>,
  say: (s: string) => void,
): Promise<boolean> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const take = () => Atomics.add(counter, 0, 1);
  const workerUrl = new URL('./build-worker.ts', import.meta.url).href;
  // Node 20 does not carry tsx's module hooks into workers: the worker registers tsx itself and
  // then imports the TypeScript entry.
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    say('refspec: note: tsx not found; building sequentially');
    return false;
  }
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`;
  const pending: Promise<void>[] = [];
  let started = 0;
  const workerCount = process.env.REFSPEC_MAIN_LANE === 'off' ? threads : Math.max(1, threads - 1);
  for (let w = 0; w < workerCount; w++) {
    pending.push(
      new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(bootstrap, {
            eval: true,
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
