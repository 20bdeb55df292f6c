/**
 * `npm run harness`: the Alibaba round trip on many seeded manuals (HARNESS_RUNS per row, default
 * 200), one row per damage kind alone, all together, and the separately measured rows; written
 * into BENCHMARKS.md between the `harness:alibaba-text` markers (other forms get their own
 * markers). Prints the failing seeds of every row so each can be reproduced with repro.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damageConfigs, runConfig, seedsFrom, separateConfigs, type ConfigResult } from './run.ts';
import { summarise } from '../score.ts';
import { writeFileAtomic } from '../../../scripts/util/fs.ts';

const RUNS = Number(process.env.HARNESS_RUNS ?? 200);
const FIRST = Number(process.env.HARNESS_SEED ?? 1);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const START = '<!-- harness:alibaba-text:start (written by `npm run harness`; do not edit by hand) -->';
const END = '<!-- harness:alibaba-text:end -->';

function row(r: ConfigResult): string {
  const s = summarise(r.total);
  return `| ${r.config.name} | ${r.manuals} | ${s.operations} | ${s.parameters} | ${s.fields} | ${s.types} | ${s.required} | ${s['enum/default']} | ${s.invented} | ${s.identity} | ${s.tags ?? '—'} | ${r.failing.length} |`;
}

export function table(results: ConfigResult[]): string {
  const head = '| damage | manuals | operations | parameters | fields (by path) | types | required | enum/default | invented | identity | tags | imperfect manuals |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  return [head, ...results.map(row)].join('\n');
}

const seeds = seedsFrom(FIRST, RUNS);
const t0 = performance.now();
const main = damageConfigs().map((c) => runConfig(c, seeds));
const separate = separateConfigs().map((c) => runConfig(c, seeds));
const seconds = ((performance.now() - t0) / 1000).toFixed(0);
for (const r of [...main, ...separate]) {
  console.log(`${r.config.name}: ${JSON.stringify(summarise(r.total))}${r.failing.length ? `; imperfect seeds ${r.failing.slice(0, 20).join(', ')}${r.failing.length > 20 ? ' …' : ''}` : ''}`);
}
const text = [
  START,
  `Seeds ${FIRST}–${FIRST + RUNS - 1} per row (${seconds} s for all rows). Rates as in \`BUNDLED_LIKE\` (test/harness/alibaba/text.ts); collapsed arrays at 0.5 per array, sample omissions at 0.08 per field.`,
  '',
  table(main),
  '',
  'Measured separately (faults no parser can undo from the text alone; see below):',
  '',
  table(separate),
  END,
].join('\n');
const path = join(ROOT, 'BENCHMARKS.md');
const md = readFileSync(path, 'utf8');
const a = md.indexOf(START.slice(0, START.indexOf(' (')));
const b = md.indexOf(END);
if (a < 0 || b < 0) {
  console.error('BENCHMARKS.md has no harness:alibaba-text markers; table not written');
  process.exit(1);
}
await writeFileAtomic(path, md.slice(0, a) + text + md.slice(b + END.length));
console.log(`BENCHMARKS.md: harness table written (${RUNS} manuals per row)`);
