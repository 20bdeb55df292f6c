/**
 * The PDF harness table of BENCHMARKS.md: `npm run harness:pdf -- [--runs N] [--huawei M] [--write]`.
 * Runs N generated Alibaba manuals and M Huawei manuals through the PDF round trip and prints the
 * scores per vendor and per variation of the typesetting style (how rules are drawn, draw order,
 * rows split across pages, header rows repeated, mirrored margins, vertical alignment, fonts,
 * vertical rules or none, header weight, narrow middle columns, page-number place, TOC leaders);
 * `--write` puts the table into BENCHMARKS.md between its harness-pdf markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { addScores, emptyScore, summarise, type Score } from '../score.ts';
import { pdfRoundTrip, STYLE_DIMENSIONS, type PdfRoundTrip, type Vendor } from './run.ts';
import { roundTrip } from '../huawei/run.ts';
import { NO_DAMAGE } from '../huawei/text.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const runs = arg('--runs', 200);
const huawei = arg('--huawei', 50);

const runsOf: PdfRoundTrip[] = [];
const timing = { pages: 0, extract: 0, build: 0 };
async function run(vendor: Vendor, n: number, base: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await pdfRoundTrip(vendor, base + i);
    runsOf.push({ ...r, build: undefined });
    timing.pages += r.pages;
    timing.extract += r.ms.extract;
    timing.build += r.ms.build;
    if ((i + 1) % 20 === 0) process.stderr.write(`${vendor}: ${i + 1}/${n}\n`);
  }
}
await run('alibaba', runs, 1);
await run('huawei', huawei, 101);
const huaweiText = emptyScore();
for (let i = 0; i < huawei; i++) addScores(huaweiText, roundTrip(101 + i, NO_DAMAGE).score);

const COLS = ['operations', 'parameters', 'fields', 'types', 'required', 'enum/default', 'invented', 'identity'] as const;
const row = (label: string, n: number, s: Score) => {
  const m = summarise(s);
  return `| ${label} | ${n} | ${COLS.map((c) => m[c]).join(' | ')} |`;
};
const lines: string[] = [];
lines.push(`| form | manuals | ${COLS.join(' | ')} |`, `|---|---:|${COLS.map(() => '---').join('|')}|`);
for (const v of ['alibaba', 'huawei'] as const) {
  const rs = runsOf.filter((r) => r.vendor === v);
  if (!rs.length) continue;
  lines.push(row(`${v} PDF`, rs.length, rs.reduce((a, r) => addScores(a, r.score), emptyScore())));
}
if (huawei) lines.push(row('huawei text, undamaged (same manuals)', huawei, huaweiText));
lines.push('', 'Alibaba PDF by style variation (every manual drew each dimension at random):', '');
lines.push(`| variation | manuals | ${COLS.join(' | ')} |`, `|---|---:|${COLS.map(() => '---').join('|')}|`);
const dims = STYLE_DIMENSIONS;
const ali = runsOf.filter((r) => r.vendor === 'alibaba');
for (const [name, key] of dims) {
  const groups = new Map<string, PdfRoundTrip[]>();
  for (const r of ali) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const [k, rs] of [...groups].sort()) lines.push(row(`${name}: ${k}`, rs.length, rs.reduce((a, r) => addScores(a, r.score), emptyScore())));
}
const failing = runsOf.filter((r) => r.score.problems.length).map((r) => `${r.vendor} ${r.seed}`);
lines.push('', `Pages typeset: ${timing.pages}; pdf.js extraction ${(timing.extract / 1000).toFixed(1)} s, layout → spec ${(timing.build / 1000).toFixed(1)} s in all (machine shared, see the bench for speed).`);
lines.push(`Manuals with any problem: ${failing.length}${failing.length ? ` (${failing.slice(0, 30).join(', ')}${failing.length > 30 ? ', …' : ''})` : ''}.`);
const table = lines.join('\n');
console.log(table);
if (process.argv.includes('--write')) {
  const file = new URL('../../../BENCHMARKS.md', import.meta.url);
  const md = readFileSync(file, 'utf8');
  const start = '<!-- harness-pdf:start (written by `npm run harness:pdf -- --write`) -->';
  const end = '<!-- harness-pdf:end -->';
  const block = `${start}\n${table}\n${end}`;
  const i = md.indexOf(start);
  const j = md.indexOf(end);
  writeFileSync(file, i >= 0 && j > i ? md.slice(0, i) + block + md.slice(j + end.length) : `${md.trimEnd()}\n\n## PDF round-trip harness\n\n${block}\n`);
}
