/**
 * Bad input at the command line: every case must end with exit code 2, exactly one stderr line that
 * names the file and the problem, and a pre-existing output file left byte-identical.
 */
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { mkdtemp, writeFile, readFile, readdir, open, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { runCli, ROOT } from './cli.ts';

const ALIBABA = join(ROOT, 'sources', 'alibaba-cloud-service-mesh-api-reference-20220712.txt');
const OLD_OUTPUT = 'openapi: 3.1.0\n# output of an earlier, good build: must survive bad input untouched\n';

let dir: string;

function smallPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(10).text('Request parameters');
    doc.text('Parameter Type Required Example Description');
    doc.addPage().text('ServiceMeshId String Yes c08ba3fd1e6484b0f The ID of the ASM instance.');
    doc.end();
  });
}

/** Deterministic "binary" bytes: a byte ramp with NULs and high bytes, as an image or archive has. */
function binaryBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

const PROSE = `# Garden notes

This is a short guide to keeping tomatoes healthy through a wet summer. Water the roots, not the
leaves; stake the plants early; pinch out the side shoots every week. None of this is an API.

## Harvest

Pick the fruit when it is fully coloured and slightly soft. Store at room temperature.
`.repeat(20);

interface Case {
  name: string;
  /** File name inside the temp folder and its content; or a path to use as is. */
  file: string;
  content?: Buffer | string;
  extraArgs?: string[];
  /** What the one stderr line must say about the problem. */
  problem: RegExp;
}

let cases: Case[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'refspec-bad-input-'));
  const pdf = await smallPdf();
  const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), binaryBytes(4000), Buffer.from('\n%%EOF\n')]);
  cases = [
    { name: 'empty file', file: 'empty.txt', content: '', problem: /empty/ },
    { name: 'white space only', file: 'blank.txt', content: '\n   \n\t\n', problem: /no text|white space/ },
    { name: 'binary bytes', file: 'image.txt', content: binaryBytes(5000), problem: /binary|not UTF-8/ },
    { name: 'unrelated prose', file: 'garden.md', content: PROSE, problem: /not a recognised API reference manual/ },
    { name: 'corrupt PDF', file: 'corrupt.pdf', content: corrupt, problem: /corrupt PDF|no extractable text/ },
    { name: 'truncated PDF', file: 'truncated.pdf', content: pdf.subarray(0, Math.floor(pdf.length / 2)), problem: /truncated PDF/ },
    { name: '.pdf name without a PDF inside', file: 'fake.pdf', content: 'just text', problem: /not a PDF/ },
    { name: 'file over --max-bytes', file: ALIBABA, extraArgs: ['--max-bytes', '1000'], problem: /over the 1000-byte limit/ },
    { name: 'missing file', file: join('nowhere', 'missing.txt'), problem: /cannot read|does it exist/ },
    { name: 'a folder instead of a file', file: 'folder', problem: /not a regular file/ },
    { name: '200 MB input (default limit)', file: 'huge.txt', problem: /bytes, over the \d+-byte limit/ },
    { name: 'forced dialect on the wrong document', file: 'garden2.md', content: PROSE, extraArgs: ['--dialect', 'alibaba-rpc'], problem: /does not look like/ },
  ];
  for (const c of cases) {
    if (c.content !== undefined) await writeFile(join(dir, c.file), c.content);
  }
  await mkdir(join(dir, 'folder'));
  // A sparse 200 MB file: refused from its size alone, never read into memory.
  const fh = await open(join(dir, 'huge.txt'), 'w');
  await fh.truncate(200 * 1024 * 1024);
  await fh.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('refspec build on bad input', () => {
  it.each([
    'empty file',
    'white space only',
    'binary bytes',
    'unrelated prose',
    'corrupt PDF',
    'truncated PDF',
    '.pdf name without a PDF inside',
    'file over --max-bytes',
    'missing file',
    'a folder instead of a file',
    '200 MB input (default limit)',
    'forced dialect on the wrong document',
  ])('%s → exit 2, one line naming file and problem, output untouched', { timeout: 180_000 }, async (name) => {
    const c = cases.find((x) => x.name === name)!;
    const input = c.file.startsWith('/') ? c.file : join(dir, c.file);
    const outDir = await mkdtemp(join(dir, 'out-'));
    const out = join(outDir, 'api.openapi.yaml');
    await writeFile(out, OLD_OUTPUT);
    const r = await runCli(['build', input, '-o', out, ...(c.extraArgs ?? [])]);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain(input);
    expect(r.errLines[0]).toMatch(c.problem);
    expect(r.errLines[0]).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(await readFile(out, 'utf8')).toBe(OLD_OUTPUT);
    expect(await readdir(outDir)).toEqual(['api.openapi.yaml']);
  });
});

describe('refspec build usage errors', () => {
  it('several documents without an output folder → exit 2 and a usage line', async () => {
    const r = await runCli(['build', join(dir, 'empty.txt'), join(dir, 'garden.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/output folder/);
  });
  it('--max-bytes that is not a number → exit 2', async () => {
    const r = await runCli(['build', ALIBABA, '--max-bytes', 'lots']);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/--max-bytes/);
  });
});

describe('a truncated manual still yields the operations it contains, with diagnostics', () => {
  it.each([
    ['alibaba', 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt', 0.5],
    ['huawei', 'sources/huawei-cloud-asm-api-reference-2025-05-28.txt', 0.65],
  ])('%s manual cut at a fraction of its bytes', async (_name, source, fraction) => {
    const full = await readFile(join(ROOT, source));
    const file = join(dir, `truncated-${_name}.txt`);
    await writeFile(file, full.subarray(0, Math.floor(full.length * fraction)));
    const out = join(dir, `truncated-${_name}.openapi.yaml`);
    const whole = await runCli(['build', join(ROOT, source), '--json']);
    const cut = await runCli(['build', file, '-o', out, '--json']);
    expect([0, 1]).toContain(cut.code);
    const all = JSON.parse(whole.stdout) as { stats: { operations: number } };
    const part = JSON.parse(cut.stdout) as { stats: { operations: number }; diagnostics: { message: string }[] };
    expect(part.stats.operations).toBeGreaterThan(0);
    expect(part.stats.operations).toBeLessThan(all.stats.operations);
    // The loss is reported, not silent.
    expect(part.diagnostics.some((d) => /truncated|no section documents it|missing/i.test(d.message))).toBe(true);
    expect(await readFile(out, 'utf8')).toMatch(/^openapi: 3\.1/);
  });
});
