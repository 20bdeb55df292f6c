/**
 * Fuzz harness (fast-check, fixed seed): both manuals, mutated (lines deleted, duplicated, swapped,
 * very long lines, text and binary noise, truncation at any byte), go through extract and the whole
 * pipeline. The pipeline must never throw anything but an InputError (the CLI's exit 2), and when
 * it does not throw it must produce a spec. Hangs are guarded by design (bounded work per line) and
 * caught by the test timeout, never by timing assertions.
 *
 * CI runs a bounded number of cases; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
 * Every crash found is recorded as a regression test in regressions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes, InputError } from '../../scripts/extract/index.ts';
import { buildFromDocument } from '../../scripts/pipeline.ts';
import { ROOT } from './cli.ts';
import { applyMutations, mutationsArb, type Mutation } from './mutate.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20260524);
/** A generous bound: hangs (catastrophic backtracking, endless loops) fail here. */
const TIMEOUT = 60_000 + RUNS * 4_000;

const MANUALS = {
  alibaba: 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt',
  huawei: 'sources/huawei-cloud-asm-api-reference-2025-05-28.txt',
};

export type Outcome = { kind: 'input-error'; message: string } | { kind: 'spec'; operations: number; diagnostics: number };

/** One fuzz case: extract + pipeline. Throws whatever the pipeline throws that is not an InputError. */
export async function runCase(name: string, bytes: Uint8Array): Promise<Outcome> {
  try {
    const doc = await extractBytes(name, bytes);
    const r = buildFromDocument(doc);
    if (typeof r.yaml !== 'string' || !r.yaml.startsWith('openapi: 3.1')) throw new Error('pipeline returned no spec');
    return { kind: 'spec', operations: r.model.operations.length, diagnostics: r.diagnostics.length };
  } catch (err) {
    if (err instanceof InputError) {
      expect(err.message.startsWith(`${name}: `)).toBe(true);
      expect(err.message).not.toContain('\n');
      return { kind: 'input-error', message: err.message };
    }
    throw err;
  }
}

const describeMuts = (m: Mutation[]) =>
  JSON.stringify(m, (k, v) => (k === 'text' && typeof v === 'string' ? JSON.stringify(v).slice(0, 80) : v));

describe.each(Object.entries(MANUALS))('fuzz: %s manual', (api, path) => {
  const text = readFileSync(join(ROOT, path), 'utf8');
  it(
    `${RUNS} mutated manuals: spec + diagnostics, or an InputError; nothing else (seed ${SEED})`,
    async () => {
      const tally = { spec: 0, 'input-error': 0 };
      let slowest = 0;
      await fc.assert(
        fc.asyncProperty(mutationsArb, async (muts) => {
          const t = performance.now();
          const out = await runCase(`${api}.txt`, applyMutations(text, muts));
          slowest = Math.max(slowest, performance.now() - t);
          tally[out.kind]++;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, reporter: (r) => {
          if (r.failed) throw new Error(`fuzz crash (seed ${SEED}, path ${r.counterexamplePath}): ${describeMuts((r.counterexample?.[0] ?? []) as Mutation[])}\n${String((r.errorInstance as Error)?.stack ?? r.errorInstance)}`);
        } },
      );
      // Informational (never asserted on time): how the cases ended and the slowest one.
      console.log(`fuzz ${api}: ${tally.spec} specs, ${tally['input-error']} input errors; slowest case ${Math.round(slowest)} ms`);
      expect(tally.spec + tally['input-error']).toBe(RUNS);
    },
    TIMEOUT,
  );
});
