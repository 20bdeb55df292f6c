/**
 * Speed of the PDF path, run by `npm run bench` (scripts/bench/run.ts, in a process of its own so
 * that scripts/ never imports harness code): a generated Alibaba manual as large as the bundled
 * one (69 operations) typeset by the harness, then extract (pdf.js) + the whole build (layout →
 * stringify) in-process, warm, median of N runs. Prints one JSON line.
 */
import { extractBytes } from '../../../scripts/extract/index.ts';
import { buildFromDocument } from '../../../scripts/pipeline.ts';
import { generateApi } from '../generate.ts';
import { Rng } from '../rng.ts';
import { alibabaDocument } from '../alibaba/document.ts';
import { randomStyle, renderManualPdf } from '../pdf.ts';
import { scoreModel } from '../score.ts';

const runs = Number(process.argv[2] ?? 7);
const SEED = 20220712;
const api = generateApi(SEED, { style: 'rpc', operations: [69, 69] });
const style = randomStyle(new Rng(SEED).fork('bench-style'), { family: 'dejavu-sans' });
const pdf = await renderManualPdf(alibabaDocument(api), style);
const samples: { extract: number; total: number; stages: Record<string, number> }[] = [];
let pages = 0;
let found = 0;
for (let i = 0; i < runs + 2; i++) {
  const t0 = performance.now();
  const doc = await extractBytes('bench.pdf', pdf);
  const t1 = performance.now();
  const r = buildFromDocument(doc, { dialect: 'alibaba-rpc' });
  const t2 = performance.now();
  pages = doc.pdf?.pages.length ?? 0;
  found = scoreModel(api, r.model).operations.found;
  if (i >= 2) samples.push({ extract: t1 - t0, total: t2 - t0, stages: r.timings });
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const stages: Record<string, number> = {};
for (const k of Object.keys(samples[0].stages)) stages[k] = med(samples.map((s) => s.stages[k]));
console.log(JSON.stringify({ operations: api.operations.length, found, pages, bytes: pdf.length, runs, extractMs: med(samples.map((s) => s.extract)), totalMs: med(samples.map((s) => s.total)), minTotalMs: Math.min(...samples.map((s) => s.total)), stages }));
