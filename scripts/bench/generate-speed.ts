/**
 * `refspec generate` against openapi-typescript on the same specs: CLI wall time of each (Node
 * start-up included, as a user sees it), median of interleaved runs, each tool in a scratch folder
 * (so openapi-typescript reads no redocly.yaml of ours). `generate` runs with --no-html; the HTML
 * reference (Redoc's bundle inlined, in-process) is timed on its own: on the first spec, the median
 * of full runs minus the median of --no-html runs, interleaved with them.
 *
 * Specs: the two bundled ones and three documents of @readme/oas-examples (1 KB, 52 KB, 560 KB);
 * more with `--generate-spec <file>` (repeatable). Run alone: `npx tsx scripts/bench/generate-speed.ts`.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface GenerateSpeedRow {
  spec: string;
  kb: number;
  operations: number;
  openapiTypescriptMs: number;
  generateMs: number;
  /** generate ÷ openapi-typescript. */
  ratio: number;
  /** generate − openapi-typescript: what refspec adds. */
  extraMs: number;
  htmlMs?: number;
  failed?: string;
}

function wall(cmd: string, args: string[], cwd: string): Promise<{ ms: number; code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('close', (code) => resolve({ ms: performance.now() - t, code, stderr, stdout }));
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function defaultGenerateSpecs(root: string): string[] {
  const ex = join(root, 'node_modules', '@readme', 'oas-examples');
  return [
    join(ex, '3.0', 'json', 'petstore-simple.json'),
    join(ex, '3.1', 'json', 'train-travel.json'),
    join(ex, '3.1', 'json', 'readme.json'),
    join(root, 'spec', 'huaweicloud-asm-v1.openapi.yaml'),
    join(root, 'spec', 'alibaba-servicemesh-2020-01-11.openapi.yaml'),
  ];
}

export async function runGenerateBench(root: string, specs: string[], runs = 3, say: (s: string) => void = () => undefined): Promise<GenerateSpeedRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'refspec-bench-generate-'));
  const ots = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  const refspec = join(root, 'bin', 'refspec.js');
  const rows: GenerateSpeedRow[] = [];
  try {
    for (const [i, source] of specs.entries()) {
      const spec = join(scratch, `${i}-${basename(source)}`);
      await copyFile(source, spec);
      const kb = (await stat(spec)).size / 1024;
      say(`generate vs openapi-typescript: ${basename(source)} (${runs} interleaved runs)`);
      const a: number[] = [];
      const b: number[] = [];
      const h: number[] = [];
      let failed: string | undefined;
      let operations = 0;
      for (let r = 0; r < runs && !failed; r++) {
        const o = await wall(process.execPath, [ots, spec, '-o', join(scratch, `${i}.ts`)], scratch);
        const g = await wall(process.execPath, [refspec, 'generate', spec, '-o', join(scratch, `out-${i}`), '--no-html', '--json'], scratch);
        if (o.code !== 0) failed = `openapi-typescript exit ${o.code}: ${o.stderr.trim().split('\n').pop()}`;
        else if (g.code !== 0) failed = `refspec generate exit ${g.code}: ${g.stderr.trim().split('\n').pop()}`;
        else {
          a.push(o.ms);
          b.push(g.ms);
          operations = (JSON.parse(g.stdout) as { operations: number }).operations;
          if (i === 0) {
            const full = await wall(process.execPath, [refspec, 'generate', spec, '-o', join(scratch, `html-${i}`), '--quiet'], scratch);
            if (full.code === 0) h.push(full.ms);
          }
        }
      }
      const row: GenerateSpeedRow = { spec: basename(source), kb, operations, openapiTypescriptMs: median(a), generateMs: median(b), ratio: median(b) / median(a), extraMs: median(b) - median(a), ...(failed ? { failed } : {}) };
      if (!failed && h.length === b.length && h.length) row.htmlMs = median(h) - row.generateMs;
      rows.push(row);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return rows;
}

export function renderGenerateBench(rows: GenerateSpeedRow[]): string[] {
  const f = (ms: number) => (ms / 1000).toFixed(2);
  const L = ['| spec | KB | ops | openapi-typescript CLI s | `refspec generate --no-html` s | ratio | refspec adds s |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (r.failed) L.push(`| ${r.spec} | ${r.kb.toFixed(0)} | | | ${r.failed} | | |`);
    else L.push(`| ${r.spec} | ${r.kb.toFixed(0)} | ${r.operations} | ${f(r.openapiTypescriptMs)} | ${f(r.generateMs)} | ${r.ratio.toFixed(2)}× | ${f(r.extraMs)} |`);
  }
  const html = rows.find((r) => r.htmlMs !== undefined);
  if (html) L.push('', `HTML reference (Redoc bundle, in-process) on ${html.spec}: +${f(html.htmlMs!)} s over \`--no-html\` (median of full runs − median of \`--no-html\` runs).`);
  return L;
}

const isMain = process.argv[1] && /generate-speed\.ts$/.test(process.argv[1]);
if (isMain) {
  const root = process.cwd();
  const extra: string[] = [];
  let runs = 3;
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i] === '--generate-spec') extra.push(process.argv[++i]);
    else if (process.argv[i] === '--runs') runs = Number(process.argv[++i]);
  }
  const rows = await runGenerateBench(root, [...defaultGenerateSpecs(root), ...extra], runs, (s) => process.stderr.write(`bench: ${s}\n`));
  process.stdout.write(`${renderGenerateBench(rows).join('\n')}\n`);
}
