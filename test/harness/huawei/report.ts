/**
 * The Huawei harness table per damage kind (text form): no damage, each kind alone at a high rate,
 * and every kind at once at the default rates; the same seeds for every row.
 *
 *   npx tsx test/harness/huawei/report.ts [--runs 200] [--base 1] [--write]
 *
 * Prints the Markdown table; --write replaces the block between the markers
 * `<!-- harness:huawei-text -->` and `<!-- /harness:huawei-text -->` in BENCHMARKS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { percent, summarise } from '../score.ts';
import { fieldAccuracy, runMany, seeds, type Tally } from './run.ts';
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
  const t0 = performance.now();
  const table = markdown(harnessRows(runs, base));
  const secs = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(table);
  console.log(`\n(${runs} manuals per row, seeds ${base}–${base + runs - 1}, ${secs} s)`);
  if (args.includes('--write')) {
    const path = join(import.meta.dirname, '..', '..', '..', 'BENCHMARKS.md');
    const text = readFileSync(path, 'utf8');
    const start = '<!-- harness:huawei-text -->';
    const end = '<!-- /harness:huawei-text -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) {
      console.error(`report: BENCHMARKS.md has no ${start} … ${end} block`);
      process.exit(2);
    }
    const block = `${start}\n${table}\n\n${runs} manuals per row (seeds ${base}–${base + runs - 1}); \`npx tsx test/harness/huawei/report.ts --runs ${runs} --write\`.\n${end}`;
    writeFileSync(path, text.slice(0, a) + block + text.slice(b + end.length));
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main();
