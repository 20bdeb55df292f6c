/**
 * Huawei round trip, text form: random REST APIs rendered as Huawei Cloud API references, damaged
 * as PDF-to-text conversions damage them, parsed back by the huawei-rest dialect and scored against
 * the truth (test/harness/huawei/run.ts).
 *
 * CI runs a bounded set: every damage kind alone on a few manuals (each must actually apply), and a
 * dozen manuals with every kind at once. HARNESS_RUNS=200 (npm run fuzz) runs that many manuals per
 * row; `npx tsx test/harness/huawei/report.ts --write` writes the per-kind table to BENCHMARKS.md.
 *
 * The bar is issue 14's "Done means": operations 100 %, fields (path, type, Required) >= 99.5 %,
 * nothing invented. Failing seeds are printed; `roundTrip(seed, rates)` reproduces one alone.
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../score.ts';
import { fieldAccuracy, runMany, seeds, type Tally } from './run.ts';
import { DAMAGE_KINDS, DEFAULT_RATES, NO_DAMAGE, only } from './text.ts';

const LONG = Number(process.env.HARNESS_RUNS ?? 0);
const ALL_RUNS = LONG || 12;
const KIND_RUNS = LONG ? Math.max(3, Math.floor(LONG / 4)) : 3;
const BASE = Number(process.env.HARNESS_SEED ?? 1);

function check(label: string, t: Tally): void {
  const s = t.score;
  const acc = fieldAccuracy(s);
  const line = `${label}: ${JSON.stringify(summarise(s))}; fields ok ${((100 * acc.ok) / acc.total).toFixed(2)} %`;
  console.log(line);
  if (t.failingSeeds.length) console.log(`${label}: manuals with a loss: seeds ${t.failingSeeds.join(' ')}\n  ${s.problems.slice(0, 12).join('\n  ')}`);
  expect(s.operations.found, `${label}: operations lost\n${s.problems.join('\n')}`).toBe(s.operations.total);
  expect(s.operations.invented + s.parameters.invented + s.fields.invented, `${label}: invented names\n${s.problems.join('\n')}`).toBe(0);
  expect(acc.ok / acc.total, `${label}: fields (path, type, Required) below 99.5 %\n${s.problems.join('\n')}`).toBeGreaterThanOrEqual(0.995);
  expect(s.meta.ok, `${label}: identity (title, service, server)\n${s.problems.join('\n')}`).toBe(s.meta.total);
}

describe('Huawei text harness', () => {
  it('an undamaged manual reads back exactly', () => {
    const t = runMany(seeds(BASE, LONG || 6), NO_DAMAGE);
    check('none', t);
    expect(t.failingSeeds).toEqual([]);
  }, 600_000);

  it.each(DAMAGE_KINDS)('%s alone: applied, and the figures hold', (kind) => {
    const t = runMany(seeds(BASE + 1000, KIND_RUNS), only(kind));
    expect(t.applied[kind], `${kind} never applied: the damage is not exercised`).toBeGreaterThan(0);
    check(kind, t);
  }, 600_000);

  it(`every kind at once (default rates), ${ALL_RUNS} manuals`, () => {
    const t = runMany(seeds(BASE + 2000, ALL_RUNS), DEFAULT_RATES);
    for (const k of DAMAGE_KINDS) if (ALL_RUNS >= 12 && !['empty-type', 'empty-mandatory', 'stray-fragments'].includes(k)) expect(t.applied[k], k).toBeGreaterThan(0);
    check('all', t);
  }, 1_200_000);
});
