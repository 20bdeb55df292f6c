/**
 * The Huawei harness tables of BENCHMARKS.md.
 *
 * Text form, per damage kind: no damage, each kind alone at a high rate, and every kind at once at
 * the default rates; the same seeds for every row.
 *
 *   npx tsx test/harness/huawei/report.ts [--runs 200] [--base 1] [--write]
 *
 * PDF form (`--form pdf`), per variation: the same seeds' manuals (same Api, same wording) with
 * what Huawei PDFs show beyond the text (test/harness/huawei/document.ts HuaweiPdfVariants),
 * typeset with a seeded style (test/harness/pdf.ts) and read back through pdf.js, the layout stage
 * and the dialect (test/harness/pdf/run.ts); one row per value of every variation dimension.
 *
 *   npx tsx test/harness/huawei/report.ts --form pdf [--runs 200] [--base 1] [--write]
 *
 * Prints the Markdown table; --write replaces the block between `<!-- harness:huawei-text -->` and
 * `<!-- /harness:huawei-text -->` (text) or `<!-- harness:huawei-pdf -->` and
 * `<!-- /harness:huawei-pdf -->` (PDF) in BENCHMARKS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addScores, emptyScore, percent, summarise, type Score } from '../score.ts';
import { pdfRoundTrip, STYLE_DIMENSIONS, type PdfRoundTrip } from '../pdf/run.ts';
import { failed, fieldAccuracy, runMany, seeds, type Tally } from './run.ts';
import { DAMAGE_KINDS, DEFAULT_RATES, NO_DAMAGE, only, type DamageRates } from './text.ts';

export interface Row {
  label: string;
  tally: Tally;
}

export function harnessRows(runs: number, base: number): Row[] {
  const list = seeds(base, runs);
  const plan: [string, DamageRates][] = [['none', NO_DAMAGE], ...DAMAGE_KINDS.map((k) => [k, only(k)] as [string, DamageRates]), ['all (default rates)', DEFAULT_RATES]];
  return plan.map(([label, rates]) => ({ label, tally: runMany(list, rates) }));
}

export function markdown(rows: Row[]): string {
  const head = '| damage | manuals | applied | operations | parameters | fields | fields ok (type + Required) | types | required | invented | identity | failing seeds |';
  const sep = '| --- | ---: | ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |';
  const lines = rows.map(({ label, tally }) => {
    const s = summarise(tally.score);
    const applied = label === 'none' ? '—' : label.startsWith('all') ? String(Object.values(tally.applied).reduce((a, b) => a + b, 0)) : String(tally.applied[label as keyof typeof tally.applied]);
    const acc = fieldAccuracy(tally.score);
    const failing = tally.failingSeeds.length ? `${tally.failingSeeds.length}: ${tally.failingSeeds.slice(0, 6).join(' ')}${tally.failingSeeds.length > 6 ? ' …' : ''}` : '0';
    return `| ${label} | ${tally.manuals} | ${applied} | ${s.operations} | ${s.parameters} | ${s.fields} | ${percent(acc.ok, acc.total)} | ${s.types} | ${s.required} | ${s.invented} | ${s.identity} | ${failing} |`;
  });
  return [head, sep, ...lines].join('\n');
}

/** What one PDF manual drew in each variation dimension (Huawei PDF variants, then the typesetting style). */
export const PDF_DIMENSIONS: [string, (r: PdfRoundTrip) => string][] = [
  ['caption', (r) => r.huawei!.pdf.caption],
  ['"see Table x-y" in cells', (r) => String(r.huawei!.pdf.tableRefs)],
  ['notes in cells', (r) => `${r.huawei!.pdf.cellNotes * 100} % of cells`],
  ['enumeration bullet', (r) => r.huawei!.pdf.bullet],
  ['header/footer sides', (r) => r.huawei!.pdf.furnitureSides],
  ['NOTE label in text', (r) => String(r.huawei!.pdf.noteLabel)],
  ['descriptions', (r) => r.huawei!.variants.descriptions],
  ['enumerations', (r) => r.huawei!.variants.enumStyle],
  ...STYLE_DIMENSIONS,
];

export interface PdfRun {
  runs: PdfRoundTrip[];
  seconds: { typeset: number; extract: number; build: number };
  pages: number;
}

export async function pdfRuns(list: number[], progress?: (done: number) => void): Promise<PdfRun> {
  const out: PdfRun = { runs: [], seconds: { typeset: 0, extract: 0, build: 0 }, pages: 0 };
  for (const seed of list) {
    const r = await pdfRoundTrip('huawei', seed);
    out.runs.push({ ...r, build: undefined });
    out.pages += r.pages;
    out.seconds.typeset += r.ms.typeset / 1000;
    out.seconds.extract += r.ms.extract / 1000;
    out.seconds.build += r.ms.build / 1000;
    progress?.(out.runs.length);
  }
  return out;
}

function pdfFailed(r: PdfRoundTrip): boolean {
  return !!r.error || failed(r.score) || r.score.meta.ok < r.score.meta.total;
}

export function pdfMarkdown(run: PdfRun): string {
  const head = '| variation | manuals | operations | parameters | fields | fields ok (type + Required) | types | required | enum/default | invented | identity | failing seeds |';
  const sep = '| --- | ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |';
  const row = (label: string, rs: PdfRoundTrip[]) => {
    const total: Score = rs.reduce((a, r) => addScores(a, r.score), emptyScore());
    const m = summarise(total);
    const acc = fieldAccuracy(total);
    const bad = rs.filter(pdfFailed).map((r) => r.seed);
    const failing = bad.length ? `${bad.length}: ${bad.slice(0, 6).join(' ')}${bad.length > 6 ? ' …' : ''}` : '0';
    return `| ${label} | ${rs.length} | ${m.operations} | ${m.parameters} | ${m.fields} | ${percent(acc.ok, acc.total)} | ${m.types} | ${m.required} | ${m['enum/default']} | ${m.invented} | ${m.identity} | ${failing} |`;
  };
  const lines = [head, sep, row('**all**', run.runs)];
  for (const [name, key] of PDF_DIMENSIONS) {
    const groups = new Map<string, PdfRoundTrip[]>();
    for (const r of run.runs) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    for (const [k, rs] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(row(`${name}: ${k}`, rs));
  }
  return lines.join('\n');
}

function writeBlock(start: string, end: string, block: string): void {
  const path = join(import.meta.dirname, '..', '..', '..', 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) {
    console.error(`report: BENCHMARKS.md has no ${start} … ${end} block`);
    process.exit(2);
  }
  writeFileSync(path, text.slice(0, a) + `${start}\n${block}\n${end}` + text.slice(b + end.length));
}

async function mainPdf(runs: number, base: number, write: boolean): Promise<void> {
  const t0 = performance.now();
  const run = await pdfRuns(seeds(base, runs), (n) => {
    if (n % 20 === 0) process.stderr.write(`huawei PDF: ${n}/${runs}\n`);
  });
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  const table = pdfMarkdown(run);
  const note = `${runs} manuals (seeds ${base}–${base + runs - 1}), ${run.pages} pages; typeset ${run.seconds.typeset.toFixed(0)} s, pdf.js ${run.seconds.extract.toFixed(0)} s, layout → spec ${run.seconds.build.toFixed(0)} s (machine shared; speed is the bench's); \`npx tsx test/harness/huawei/report.ts --form pdf --runs ${runs} --write\`.`;
  console.log(table);
  console.log(`\n${note} (${secs} s in all)`);
  for (const r of run.runs.filter(pdfFailed)) console.log(`seed ${r.seed}:\n  ${r.score.problems.slice(0, 8).join('\n  ')}`);
  if (write) writeBlock('<!-- harness:huawei-pdf -->', '<!-- /harness:huawei-pdf -->', `${table}\n\n${note}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, d: number) => {
    const i = args.indexOf(`--${name}`);
    const v = i >= 0 ? Number(args[i + 1]) : d;
    if (!Number.isInteger(v) || v < 1) {
      console.error(`report: --${name} must be a positive integer`);
      process.exit(2);
    }
    return v;
  };
  const runs = opt('runs', Number(process.env.HARNESS_RUNS ?? 200));
  const base = opt('base', 1);
  const form = args.includes('--form') ? args[args.indexOf('--form') + 1] : 'text';
  if (form !== 'text' && form !== 'pdf') {
    console.error('report: --form must be text or pdf');
    process.exit(2);
  }
  if (form === 'pdf') {
    void mainPdf(runs, base, args.includes('--write'));
    return;
  }
  const t0 = performance.now();
  const table = markdown(harnessRows(runs, base));
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(table);
  console.log(`\n(${runs} manuals per row, seeds ${base}–${base + runs - 1}, ${secs} s)`);
  if (args.includes('--write')) writeBlock('<!-- harness:huawei-text -->', '<!-- /harness:huawei-text -->', `${table}\n\n${runs} manuals per row (seeds ${base}–${base + runs - 1}); \`npx tsx test/harness/huawei/report.ts --runs ${runs} --write\`.`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
