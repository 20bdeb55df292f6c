/**
 * PDF input for real: excerpts of both manuals typeset as PDFs in the test (ruled table cells,
 * nested rows indented, wrapped cells, running headers and page footers) must extract (geometry)
 * and lay out (scripts/layout) to the same text as the manual, every character once; table rows
 * come back as rows of cells with the first cell's indentation level; page and x survive.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes, InputError, type SourceDocument } from '../../scripts/extract/index.ts';
import { extractPdf, checkInflatedSize } from '../../scripts/extract/pdf.ts';
import { buildFromDocument } from '../../scripts/pipeline.ts';
import { layoutDocument } from '../../scripts/layout/index.ts';
import { runCli } from '../robustness/cli.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fieldPaths, modelShape } from './shape.ts';
import { GEOMETRY, layoutFromTabbedText, parseLayout, renderPdf, UNICODE_FONT } from './render-pdf.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIX = join(ROOT, 'test', 'fixtures', 'extract');
const read = (p: string) => readFileSync(p, 'utf8');

/** The lines of the real manual that an excerpt fixture claims to hold. */
function manualLines(source: string, ranges: [number, number][]): string[] {
  const all = read(join(ROOT, source)).split('\n');
  return ranges.flatMap(([a, b]) => all.slice(a - 1, b));
}

/** Words in order: what must survive typesetting and extraction, whatever the line breaks. */
function words(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.trim() === '```') continue; // markdown fence of the text conversion, not part of the manual
    for (const w of l.split(/\s+/)) if (w) out.push(UNICODE_FONT ? w : w.replace(/[^\x20-\xff]/g, '?'));
  }
  return out;
}

const sorted = (ws: string[]) => [...ws].sort();
/**
 * Every non-space character, sorted: cells wrapped by the typesetter come back joined (and table
 * rows cell by cell), so word boundaries inside a cell may differ from the text, but no character
 * may be lost or doubled.
 */
const chars = (lines: string[]) => [...words(lines).join('')].sort().join('');

/** Words of the first lines of paragraphs outside tables ("Request parameters", "Examples"…), in order. */
function proseWords(lines: string[]): string[] {
  return words(lines.filter((l) => /^(Request parameters|Response parameters|Examples|Sample requests|Error codes|Debugging)$/.test(l.trim())));
}

const ALIBABA_SRC = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const HUAWEI_SRC = 'sources/huawei-cloud-asm-api-reference-2025-05-28.txt';
const ALIBABA_RANGES: [number, number][] = [
  [1381, 1503],
  [4878, 4957],
];
const HUAWEI_RANGES: [number, number][] = [[732, 951]];
const HUAWEI_HEADER = 'Application Service Mesh API Reference 4 API';
const HUAWEI_FOOTER = 'Issue 01 (2025-05-28) Copyright © Huawei Cloud Computing Technologies Co., Ltd. {page}';

let alibabaPdf: Buffer;
let huaweiPdf: Buffer;
let alibaba: SourceDocument;
let huawei: SourceDocument;

beforeAll(async () => {
  alibabaPdf = await renderPdf(parseLayout(read(join(FIX, 'alibaba-excerpt.layout'))));
  huaweiPdf = await renderPdf(layoutFromTabbedText(read(join(FIX, 'huawei-excerpt.txt')), HUAWEI_HEADER, HUAWEI_FOOTER));
  alibaba = layoutDocument(await extractBytes('alibaba-excerpt.pdf', alibabaPdf)).document;
  huawei = layoutDocument(await extractBytes('huawei-excerpt.pdf', huaweiPdf)).document;
});

describe('excerpt fixtures are the manuals’ own text', () => {
  it('alibaba-excerpt.txt is lines 1381-1503 and 4878-4957 of the Alibaba manual', () => {
    expect(read(join(FIX, 'alibaba-excerpt.txt')).split('\n').slice(0, -1)).toEqual(manualLines(ALIBABA_SRC, ALIBABA_RANGES));
  });
  it('huawei-excerpt.txt is lines 732-951 of the Huawei manual', () => {
    expect(read(join(FIX, 'huawei-excerpt.txt')).split('\n').slice(0, -1)).toEqual(manualLines(HUAWEI_SRC, HUAWEI_RANGES));
  });
});

describe('PDF rendition of the Alibaba excerpt', () => {
  it('is a real multi-page PDF', () => {
    expect(alibabaPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(alibaba.kind).toBe('pdf');
    expect(new Set(alibaba.lines.map((l) => l.page)).size).toBeGreaterThanOrEqual(3);
  });
  it('extracts to the same characters as the text, headings in the same order', () => {
    expect(chars(alibaba.lines.map((l) => l.text))).toEqual(chars(manualLines(ALIBABA_SRC, ALIBABA_RANGES)));
    expect(proseWords(alibaba.lines.map((l) => l.text))).toEqual(proseWords(manualLines(ALIBABA_SRC, ALIBABA_RANGES)));
  });
  it('drops the running header and page footer that repeat on every page', () => {
    expect(alibaba.lines.some((l) => /Document\s+Version|API Reference·ASM/.test(l.text))).toBe(false);
  });
  it('keeps page numbers, in order', () => {
    const pages = alibaba.lines.map((l) => l.page!);
    expect(pages.every((p, i) => p >= 1 && (i === 0 || p >= pages[i - 1]))).toBe(true);
    const modify = alibaba.lines.find((l) => l.text.startsWith('Modifies the name'))!;
    expect(modify.page).toBe(2); // the layout starts each operation on a new page
  });
  it('reads table rows as rows of cells: header, wrapped cells joined, paragraphs of a cell apart', () => {
    const header = alibaba.lines.find((l) => l.role === 'table-header');
    expect(header?.cells).toEqual(['Parameter', 'Type', 'Required', 'Example', 'Description']);
    const row = alibaba.lines.find((l) => l.cells?.[0] === 'ServiceMeshId')!;
    expect(row.role).toBe('table-row');
    expect(row.cells!.slice(0, 3)).toEqual(['ServiceMeshId', 'String', 'Yes']);
    // The fixture keeps the manual's own line breaks ("c08ba3fd1e6484b0f" / "8cc1ad8fe10d****"),
    // which do not reach this cell's edge in this font: read as two words.
    expect(row.cells![3]).toBe('c08ba3fd1e6484b0f 8cc1ad8fe10d****');
    expect(row.cells![4]).toBe('The ID of the ASM instance.');
    const force = alibaba.lines.find((l) => l.cells?.[0] === 'Force')!;
    expect(force.cells![4]).toBe('Specifies whether to forcibly delete the ASM instance.\nValid values: true and false. Default value: false.');
    // The second paragraph follows as a continuation line under the Description column.
    expect(alibaba.lines[force.line].text).toBe('\t\t\t\tValid values: true and false. Default value: false.');
  });
  it('gives nested rows the indentation the text lost (x and level)', () => {
    const row = (name: string) => alibaba.lines.find((l) => l.cells?.[0] === name);
    const left = GEOMETRY.margin + GEOMETRY.pad;
    expect(row('VersionInfo')?.x).toBeCloseTo(left, 0);
    expect(row('Edition')?.x).toBeCloseTo(left + GEOMETRY.indent, 0);
    expect(row('Versions')?.x).toBeCloseTo(left + GEOMETRY.indent, 0);
    expect(row('RequestId')?.x).toBeCloseTo(left, 0);
    expect(['VersionInfo', 'Edition', 'Versions', 'RequestId'].map((n) => row(n)?.level)).toEqual([0, 1, 1, 0]);
  });
  it('marks the manual’s bold headings as headings, in order', () => {
    const heads = alibaba.lines.filter((l) => l.role === 'heading').map((l) => l.text);
    expect(heads.slice(0, 5)).toEqual(['Debugging', 'Request parameters', 'Response parameters', 'Examples', 'Sample requests']);
  });
});

describe('PDF rendition of the Huawei excerpt', () => {
  it('extracts to the same characters as the text (cells wrapped by the typesetter joined again)', () => {
    expect(chars(huawei.lines.map((l) => l.text))).toEqual(chars(manualLines(HUAWEI_SRC, HUAWEI_RANGES)));
    // Every table row of the text is one line again, whatever the typesetter wrapped.
    const tabbed = (ls: string[]) => ls.filter((l) => l.includes('\t') && !l.startsWith('\t')).length;
    expect(tabbed(huawei.lines.map((l) => l.text))).toBe(tabbed(manualLines(HUAWEI_SRC, HUAWEI_RANGES)));
  });
  it('rebuilds table rows as tab-separated cells, like the text', () => {
    const texts = huawei.lines.map((l) => l.text);
    expect(texts).toContain('project_id\tYes\tString\tProject ID.');
    expect(texts).toContain('mesh_id\tYes\tString\tService mesh ID.');
    expect(texts.some((t) => t.startsWith('metadata\tTable 4-44 object\tBasic information'))).toBe(true);
    // The text's damage ("randomSamplingP ercentage") is the fixture's own; the typesetter drew it
    // as two words, and they come back as such.
    expect(texts).toContain('randomSamplingP ercentage\tFloat\tTracing sampling rate.');
  });
  it('puts continuation paragraphs of a cell under that cell (x of the description column)', () => {
    const line = huawei.lines.find((l) => l.text.trim().startsWith('Running: The service mesh is running.'))!;
    expect(line.text).toBe('\t\tRunning: The service mesh is running.');
    const row = huawei.lines.find((l) => l.text.startsWith('phase\tString\t'))!;
    expect(line.x).toBeGreaterThan(row.x! + 100);
  });
  it('drops header and footer, keeps pages', () => {
    expect(huawei.lines.some((l) => /Copyright|Issue 01/.test(l.text))).toBe(false);
    expect(new Set(huawei.lines.map((l) => l.page)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('the pipeline on the PDF recovers what it recovers from the text', () => {
  it('Alibaba: same operations, parameters and field nesting', async () => {
    const text = await extractBytes('alibaba-excerpt.txt', readFileSync(join(FIX, 'alibaba-excerpt.txt')));
    const fromText = buildFromDocument(text);
    const fromPdf = buildFromDocument(alibaba);
    expect(fromPdf.dialect).toBe('alibaba-rpc');
    expect(fromText.model.operations.map((o) => o.operationId)).toEqual(['DeleteServiceMesh', 'ModifyServiceMeshName', 'DescribeVersions']);
    expect(fieldPaths(fromText.model)).toContain('DescribeVersions 200 VersionInfo.Edition');
    expect(modelShape(fromPdf.model)).toEqual(modelShape(fromText.model));
  });
  it('Huawei: same operations, parameters and field nesting (tables wrapped across lines and pages)', async () => {
    const text = await extractBytes('huawei-excerpt.txt', readFileSync(join(FIX, 'huawei-excerpt.txt')));
    const fromText = buildFromDocument(text);
    const fromPdf = buildFromDocument(huawei);
    expect(fromPdf.dialect).toBe('huawei-rest');
    expect(fromText.model.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['delete /v1/{project_id}/meshes/{mesh_id}']);
    expect(fieldPaths(fromText.model).length).toBeGreaterThan(40);
    expect(fieldPaths(fromText.model)).toContain('DeleteServiceMesh 200 spec.config.telemetryConfig.tracing.extensionProviders.zipkin.port');
    expect(modelShape(fromPdf.model)).toEqual(modelShape(fromText.model));
  });
  it('`refspec build x.pdf` writes a spec with the operations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refspec-pdf-'));
    const pdf = join(dir, 'alibaba-excerpt.pdf');
    await writeFile(pdf, alibabaPdf);
    const r = await runCli(['build', pdf, '-o', join(dir, 'out.openapi.yaml'), '--json']);
    expect([0, 1]).toContain(r.code);
    const out = JSON.parse(r.stdout) as { dialect: string; stats: { operations: number } };
    expect(out.dialect).toBe('alibaba-rpc');
    expect(out.stats.operations).toBe(3);
    expect(readFileSync(join(dir, 'out.openapi.yaml'), 'utf8')).toContain('/#Action=DescribeVersions');
  });
});

/** A minimal PDF with one Flate stream that inflates to `inflated` zero bytes. */
function bombPdf(inflated: number): Buffer {
  const z = deflateSync(Buffer.alloc(inflated), { level: 9 });
  const head = Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n` +
      `3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>\nendobj\n` +
      `4 0 obj\n<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`,
    'latin1',
  );
  return Buffer.concat([head, z, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

describe('PDF bomb guards', () => {
  it('refuses streams that inflate beyond the budget, before pdf.js sees them', async () => {
    const bomb = bombPdf(8 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => checkInflatedSize('bomb.pdf', bomb, 1024 * 1024)).toThrow(/inflate to more than 1048576 bytes/);
    await expect(extractPdf('bomb.pdf', bomb, { maxInflatedBytes: 1024 * 1024 })).rejects.toThrow(InputError);
  });
  it('measures the inflated size of an ordinary PDF within budget', () => {
    expect(checkInflatedSize('a.pdf', alibabaPdf, 512 * 1024 * 1024)).toBeGreaterThan(0);
  });
  it('refuses more pages than the page limit', async () => {
    await expect(extractPdf('many.pdf', alibabaPdf, { maxPages: 2 })).rejects.toThrow(/pages, over the 2-page limit/);
  });
  it('stops at the text limit', async () => {
    await expect(extractPdf('wordy.pdf', alibabaPdf, { maxChars: 500 })).rejects.toThrow(/exceeds 500 characters/);
  });
  it('a PDF without text is refused (scanned manual)', async () => {
    await expect(extractPdf('empty-page.pdf', bombPdf(10))).rejects.toThrow(/no extractable text/);
  });
});
