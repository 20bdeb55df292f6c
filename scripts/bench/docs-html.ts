/**
 * HTML reference speed, measured apart from the rest of `generate` (issue: a fixed ~10 s floor
 * even for a 1 KB spec). For a tiny spec (one operation, written here) and each committed spec:
 *
 * - refspec: a fresh process that imports scripts/codegen/docs-html.ts and renders the page once
 *   (module loading, resolver, Redoc bundle read, page assembly), wall time incl. Node + tsx start;
 * - the same in-process, warm (median of 5 after one warm-up);
 * - yardstick: `redocly build-docs --inlineBundle` on the same spec, the subprocess the HTML step
 *   ran before it was done in-process (wall time, telemetry off).
 *
 *   npx tsx scripts/bench/docs-html.ts [--json]      (also run by `npm run bench`)
 *
 * Child mode (`--one <spec>`): render once and print {ms, bytes} as JSON.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const REDOCLY = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const RUNS = 3;

const TINY = `openapi: 3.1.0
info:
  title: Tiny
  version: "1"
paths:
  /ping:
    get:
      operationId: ping
      summary: Answers pong.
      parameters:
        - name: echo
          in: query
          schema: { type: string }
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  pong: { type: string }
`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function wall(cmd: string, args: string[], cwd: string): Promise<{ ms: number; code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_UPDATE_NOTIFIER: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('close', (code) => resolve({ ms: performance.now() - t, code, stdout }));
  });
}

export interface DocsHtmlRow {
  spec: string;
  kb: number;
  operations: number;
  /** Fresh process, render once: wall ms (median of 3). */
  coldProcessMs: number;
  /** In-process, warm: ms (median of 5). */
  warmMs: number;
  /** `redocly build-docs --inlineBundle` wall ms (median of 3). */
  redoclyBuildDocsMs: number;
  bytes: number;
}

export async function runDocsHtmlBench(): Promise<DocsHtmlRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'refspec-bench-html-'));
  try {
    const specs: [string, string][] = [['tiny (1 operation)', join(scratch, 'tiny.openapi.yaml')]];
    await writeFile(specs[0][1], TINY);
    for (const f of (await readdir(join(ROOT, 'spec'))).filter((x) => x.endsWith('.openapi.yaml')).sort()) specs.push([f.replace(/\.openapi\.yaml$/, ''), join(ROOT, 'spec', f)]);
    const { generateHtml } = await import('../codegen/docs-html.ts');
    const { readApi } = await import('../codegen/model.ts');
    const { prepareDocument } = await import('../codegen/load.ts');
    const rows: DocsHtmlRow[] = [];
    for (const [name, file] of specs) {
      const text = await readFile(file, 'utf8');
      const doc = parse(text) as Record<string, unknown>;
      const cold: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await wall(process.execPath, [TSX, join(ROOT, 'scripts', 'bench', 'docs-html.ts'), '--one', file], ROOT);
        if (r.code !== 0) throw new Error(`docs-html child failed on ${file}`);
        bytes = (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { bytes: number }).bytes;
        cold.push(r.ms);
      }
      const api = readApi(await prepareDocument(doc, { file }), file);
      await generateHtml(api.doc, file, api);
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await generateHtml(doc, file, api);
        warm.push(performance.now() - t);
      }
      const redocly: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await wall(process.execPath, [REDOCLY, 'build-docs', file, '--inlineBundle', '-o', join(scratch, 'redocly.html')], scratch);
        redocly.push(r.code === 0 ? r.ms : Number.NaN);
      }
      rows.push({ spec: name, kb: text.length / 1024, operations: api.operations.length, coldProcessMs: median(cold), warmMs: median(warm), redoclyBuildDocsMs: median(redocly), bytes });
    }
    return rows;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function one(file: string): Promise<void> {
  const t = performance.now();
  const { generateHtml } = await import('../codegen/docs-html.ts');
  const doc = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const html = await generateHtml(doc, file);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t, bytes: html.length })}\n`);
}

const isMain = process.argv[1] && /bench[\\/]docs-html\.ts$/.test(process.argv[1]);
if (isMain) {
  const i = process.argv.indexOf('--one');
  if (i > 0) await one(process.argv[i + 1]);
  else {
    const rows = await runDocsHtmlBench();
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else for (const r of rows) process.stdout.write(`${r.spec}: ${r.kb.toFixed(0)} KB, ${r.operations} ops: refspec cold process ${r.coldProcessMs.toFixed(0)} ms, warm ${r.warmMs.toFixed(0)} ms; redocly build-docs ${r.redoclyBuildDocsMs.toFixed(0)} ms\n`);
  }
}
