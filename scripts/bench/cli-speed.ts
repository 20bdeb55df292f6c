/**
 * The installed CLI as a user runs it: whole processes of the compiled bin (the files the package
 * ships copied to node_modules/refspec of a scratch project, dist/ freshly built by `npm run build`,
 * one Node process, no tsx) side by side with the
 * openapi-typescript CLI on the spec that build writes:
 *   refspec --help; refspec build <Alibaba manual> -o x (lint included); the same with --no-lint;
 *   openapi-typescript x -o x.d.ts.
 * The four run interleaved (one of each per round), so a load change on the shared machine hits all
 * alike; medians of wall time and of CPU time (user + sys, from /usr/bin/time), the ratio of each to
 * openapi-typescript's, and the load average before and after. CPU time is the steadier figure on
 * a busy machine: wall time there includes waiting for a core.
 *
 * Run alone: `npx tsx scripts/bench/cli-speed.ts [--runs N] [--write]` (--write updates only the
 * bench-cli block of BENCHMARKS.md); `npm run bench` runs it too.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs.ts';

export const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';

/** Targets (issue 17), wall time, median. */
export const TARGETS_MS = { help: 150, build: 1000, buildNoLint: 350 } as const;

interface Timed {
  code: number | null;
  wallMs: number;
  cpuMs?: number;
  stderr: string;
}

function timed(cmd: string, args: string[], cwd: string): Promise<Timed> {
  return new Promise((resolve) => {
    const useTime = process.platform === 'linux' && existsSync('/usr/bin/time');
    const t = performance.now();
    const child = spawn(useTime ? '/usr/bin/time' : cmd, useTime ? ['-f', '@@cpu %U %S', cmd, ...args] : args, {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => {
      const wallMs = performance.now() - t;
      const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({ code, wallMs, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, stderr: stderr.replace(/@@cpu .*\n?/, '') });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

export interface CliSpeedRow {
  name: string;
  command: string;
  wallMs: number;
  cpuMs?: number;
  targetMs?: number;
}

export interface CliSpeed {
  runs: number;
  loadBefore: number[];
  loadAfter: number[];
  buildSeconds: number;
  rows: CliSpeedRow[];
  failed?: string;
}

export async function runCliBench(root: string, runs = 7, say: (s: string) => void = () => undefined): Promise<CliSpeed> {
  say('cli: npm run build (dist/ for the compiled bin)');
  const built = await timed('npm', ['run', '--silent', 'build'], root);
  const empty = { runs, loadBefore: loadavg(), loadAfter: loadavg(), buildSeconds: built.wallMs / 1000, rows: [] };
  if (built.code !== 0) return { ...empty, failed: `npm run build exit ${built.code}: ${built.stderr.trim().split('\n').pop()}` };
  const scratch = await mkdtemp(join(tmpdir(), 'refspec-bench-cli-'));
  // The package as npm installs it (what package.json `files` ships, under node_modules/refspec,
  // the dependencies beside it): the bin then runs dist/ at once, as for a user. (In a checkout it
  // first compares dist/ with the sources: ~15 ms, a cost only developers pay.)
  const installed = join(scratch, 'node_modules', 'refspec');
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { files: string[] };
  for (const entry of ['package.json', ...pkg.files.filter((f) => !f.startsWith('!'))]) {
    if (existsSync(join(root, entry))) await cp(join(root, entry), join(installed, entry), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(installed, 'node_modules'));
  const bin = join(installed, 'bin', 'refspec.js');
  const ots = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  const spec = join(scratch, 'spec.openapi.yaml');
  const cases: { name: string; command: string; args: string[]; targetMs?: number }[] = [
    { name: 'refspec --help', command: 'refspec --help', args: [bin, '--help'], targetMs: TARGETS_MS.help },
    { name: 'refspec build', command: `refspec build ${MANUAL} -o spec.openapi.yaml`, args: [bin, 'build', join(root, MANUAL), '-o', spec, '-q'], targetMs: TARGETS_MS.build },
    { name: 'refspec build --no-lint', command: 'the same with --no-lint', args: [bin, 'build', join(root, MANUAL), '-o', join(scratch, 'nolint.yaml'), '-q', '--no-lint'], targetMs: TARGETS_MS.buildNoLint },
    { name: 'openapi-typescript', command: 'openapi-typescript spec.openapi.yaml -o spec.d.ts', args: [ots, spec, '-o', join(scratch, 'spec.d.ts')] },
    { name: 'node -e 0', command: 'node -e 0 (Node start-up alone)', args: ['-e', '0'] },
  ];
  const wall: number[][] = cases.map(() => []);
  const cpu: number[][] = cases.map(() => []);
  const loadBefore = loadavg();
  try {
    // One untimed round: the spec openapi-typescript reads exists, file caches are warm.
    for (const c of cases) {
      const r = await timed(process.execPath, c.args, scratch);
      if (r.code !== 0) return { ...empty, failed: `${c.name} exit ${r.code}: ${r.stderr.trim().split('\n').pop()}` };
    }
    for (let i = 0; i < runs; i++) {
      say(`cli: round ${i + 1}/${runs} (load ${loadavg()[0].toFixed(2)})`);
      for (const [k, c] of cases.entries()) {
        const r = await timed(process.execPath, c.args, scratch);
        wall[k].push(r.wallMs);
        if (r.cpuMs !== undefined) cpu[k].push(r.cpuMs);
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return {
    runs,
    loadBefore,
    loadAfter: loadavg(),
    buildSeconds: built.wallMs / 1000,
    rows: cases.map((c, k) => ({ name: c.name, command: c.command, wallMs: median(wall[k]), cpuMs: cpu[k].length ? median(cpu[k]) : undefined, targetMs: c.targetMs })),
  };
}

export function renderCliBench(r: CliSpeed): string[] {
  const L = ['<!-- bench-cli:start -->'];
  if (r.failed) L.push(`Not measured: ${r.failed}`);
  else {
    const ots = r.rows.find((x) => x.name === 'openapi-typescript')!;
    const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(0));
    const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);
    L.push(
      `Whole processes of the compiled bin as installed (\`node node_modules/refspec/bin/refspec.js\`: the files the package ships, dist/ built by \`npm run build\` in ${r.buildSeconds.toFixed(1)} s), interleaved with ` +
        `the openapi-typescript CLI on the spec the build writes; medians of ${r.runs} rounds. Load average (1/5/15 min) ` +
        `${r.loadBefore.map((x) => x.toFixed(2)).join('/')} before, ${r.loadAfter.map((x) => x.toFixed(2)).join('/')} after, on 2 cores: ` +
        'above 2 every process waits for a core, so wall times grow with the load and CPU times (user + sys, `/usr/bin/time`) are the steadier comparison.',
      '',
    );
    L.push('| command | wall ms | CPU ms | wall ÷ openapi-typescript | CPU ÷ openapi-typescript | target (wall) |');
    L.push('|---|---:|---:|---:|---:|---|');
    for (const x of r.rows) {
      const target = x.targetMs === undefined ? '' : `≤ ${x.targetMs} ms: ${x.wallMs <= x.targetMs ? 'met' : 'not met'}`;
      L.push(`| \`${x.command}\` | ${ms(x.wallMs)} | ${ms(x.cpuMs)} | ${x === ots ? '1' : ratio(x.wallMs, ots.wallMs)} | ${x === ots ? '1' : ratio(x.cpuMs, ots.cpuMs)} | ${target} |`);
    }
  }
  L.push('<!-- bench-cli:end -->');
  return L;
}

/** Replace the bench-cli block of BENCHMARKS.md (it sits inside the bench block `npm run bench` writes). */
export async function writeCliBlock(root: string, block: string[]): Promise<boolean> {
  const path = join(root, 'BENCHMARKS.md');
  const md = await readFile(path, 'utf8');
  const re = /<!-- bench-cli:start -->[\s\S]*?<!-- bench-cli:end -->/;
  if (!re.test(md)) return false;
  await writeFileAtomic(path, md.replace(re, block.join('\n')));
  return true;
}

const isMain = process.argv[1] && /cli-speed\.ts$/.test(process.argv[1]);
if (isMain) {
  const root = process.cwd();
  let runs = 7;
  let write = false;
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i] === '--runs') runs = Number(process.argv[++i]);
    else if (process.argv[i] === '--write') write = true;
  }
  const r = await runCliBench(root, runs, (s) => process.stderr.write(`bench: ${s}\n`));
  const block = renderCliBench(r);
  process.stdout.write(`${block.join('\n')}\n`);
  if (write && !(await writeCliBlock(root, block))) process.stderr.write('bench: BENCHMARKS.md has no bench-cli block; run `npm run bench` once\n');
}
