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
import { parseLayout, renderPdf } from '../extract/render-pdf.ts';

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
      let slowestCase = '';
      await fc.assert(
        fc.asyncProperty(mutationsArb, async (muts) => {
          const t = performance.now();
          const out = await runCase(`${api}.txt`, applyMutations(text, muts));
          const ms = performance.now() - t;
          if (ms > slowest) {
            slowest = ms;
            slowestCase = describeMuts(muts);
          }
          tally[out.kind]++;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true, reporter: (r) => {
          if (r.failed) throw new Error(`fuzz crash (seed ${SEED}, path ${r.counterexamplePath}): ${describeMuts((r.counterexample?.[0] ?? []) as Mutation[])}\n${String((r.errorInstance as Error)?.stack ?? r.errorInstance)}`);
        } },
      );
      // Informational (never asserted on time): how the cases ended and the slowest one.
      console.log(`fuzz ${api}: ${tally.spec} specs, ${tally['input-error']} input errors; slowest case ${Math.round(slowest)} ms: ${slowestCase.slice(0, 300)}`);
      expect(tally.spec + tally['input-error']).toBe(RUNS);
    },
    TIMEOUT,
  );
});

/** Byte-level damage to a real PDF: flipped bytes, deleted or duplicated ranges, a cut (trailer kept). */
type PdfMutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number; to: number }
  | { kind: 'cut-keep-trailer'; at: number };
// A position as a fraction of the document. (fc.double is uniform over float bit patterns, so
// nearly all its values in [0, 1] are tiny: every mutation would land at the very start.)
const frac = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const pdfMutationArb: fc.Arbitrary<PdfMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: frac, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: frac, len: fc.integer({ min: 1, max: 2000 }), to: frac }),
  fc.record({ kind: fc.constant('cut-keep-trailer' as const), at: frac }),
);

function mutatePdf(pdf: Buffer, muts: PdfMutation[]): Buffer {
  let b = Buffer.from(pdf);
  const at = (f: number) => Math.min(b.length, Math.floor(Math.abs(f) * b.length) + 0);
  for (const m of muts) {
    if (m.kind === 'flip') {
      const i = Math.min(b.length - 1, at(m.at));
      if (i >= 0) b[i] = m.value;
    } else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at(m.at)), b.subarray(at(m.at) + m.len)]);
    else if (m.kind === 'duplicate') {
      const from = at(m.at);
      const to = at(m.to);
      b = Buffer.concat([b.subarray(0, to), b.subarray(from, from + m.len), b.subarray(to)]);
    } else b = Buffer.concat([b.subarray(0, at(m.at)), Buffer.from('\n%%EOF\n')]);
  }
  return b;
}

describe('fuzz: damaged PDF rendition of the Alibaba excerpt', () => {
  const runs = Math.max(10, Math.ceil(RUNS / 2));
  it(
    `${runs} damaged PDFs: a spec, or an InputError; nothing else (seed ${SEED})`,
    async () => {
      const layout = readFileSync(join(ROOT, 'test', 'fixtures', 'extract', 'alibaba-excerpt.layout'), 'utf8');
      const pdf = await renderPdf(parseLayout(layout));
      const tally = { spec: 0, 'input-error': 0 };
      const reasons = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(fc.array(pdfMutationArb, { minLength: 1, maxLength: 4 }), async (muts) => {
          const out = await runCase('alibaba-excerpt.pdf', mutatePdf(pdf, muts));
          tally[out.kind]++;
          if (out.kind === 'input-error') reasons.set(out.message.replace(/\d+/g, '#'), (reasons.get(out.message.replace(/\d+/g, '#')) ?? 0) + 1);
        }),
        { seed: SEED, numRuns: runs, endOnFailure: true },
      );
      console.log(`fuzz pdf: ${tally.spec} specs, ${tally['input-error']} input errors:`, [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8));
      expect(tally.spec + tally['input-error']).toBe(runs);
    },
    TIMEOUT,
  );
});
