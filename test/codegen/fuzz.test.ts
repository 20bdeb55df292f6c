/**
 * Codegen runs inside everybody's `regen`: whatever spec the pipeline makes of a damaged manual,
 * generation must not crash and its TypeScript must still pass `tsc --strict`. Mutated manuals
 * (test/robustness/mutate.ts, seeded) -> pipeline -> generateApi.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { extractBytes, InputError } from '../../scripts/extract/index.ts';
import { buildFromDocument } from '../../scripts/pipeline.ts';
import { applyMutations, mutationsArb } from '../robustness/mutate.ts';
import { ROOT, generateInto, typecheck, type Generated } from './helpers.ts';

const RUNS = Number(process.env.CODEGEN_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 20260524);
const made: Generated[] = [];
afterAll(async () => {
  for (const g of made) await g.cleanup();
});

it(`generates compilable code from ${RUNS} specs of mutated manuals (seed ${SEED})`, async () => {
  const manuals = ['sources/alibaba-cloud-service-mesh-api-reference-20220712.txt', 'sources/huawei-cloud-asm-api-reference-2025-05-28.txt'].map((p) => readFileSync(join(ROOT, p), 'utf8'));
  const files: string[] = [];
  let specs = 0;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 1 }), mutationsArb, async (which, muts) => {
      let doc;
      try {
        doc = await extractBytes(`m${which}.txt`, applyMutations(manuals[which], muts));
      } catch (err) {
        if (err instanceof InputError) return;
        throw err;
      }
      const spec = parse(buildFromDocument(doc).yaml) as Record<string, unknown>;
      const g = await generateInto(spec, `fuzz-${specs++}`);
      made.push(g);
      for (const f of g.files.keys()) if (f.endsWith('.ts') && !f.startsWith('runtime/')) files.push(join(g.dir, f));
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(specs).toBeGreaterThan(0);
  expect(typecheck(files)).toEqual([]);
}, 240_000);
