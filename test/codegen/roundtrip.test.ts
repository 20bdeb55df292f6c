/**
 * Every sample request printed in the manuals, parsed by the dialect (x-refspec-request-examples),
 * decoded into typed input, passed through the generated builder and compared with the sample
 * (operation parameters, canonical order). Failures must be explained as document errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiConfigs, generateInto, specOf, writeArtifact, type Generated } from './helpers.ts';
import { roundTripAll, type Builder, type SampleOutcome } from './roundtrip.ts';
import { DOCUMENT_ERRORS, SPEC_DEFECTS } from './document-errors.ts';

const cleanups: Generated[] = [];
afterAll(async () => {
  for (const g of cleanups) await g.cleanup();
});

const apis = await apiConfigs();

describe.each(apis.map((a) => ({ name: a.name, api: a })))('sample requests of $name', ({ api }) => {
  it('round-trip through the generated builders, or fail only for explained reasons', async () => {
    const { doc, committed } = await specOf(api);
    const g = await generateInto(doc, `roundtrip-${api.generated}`);
    cleanups.push(g);
    const { builders } = await g.import<{ builders: Record<string, Builder> }>('builders.ts');
    const outcomes = roundTripAll(g.api, builders);
    const unexplained: string[] = [];
    const explained: { key: string; why: string; kind: string }[] = [];
    const used = new Set<string>();
    for (const o of outcomes) {
      for (const p of o.problems) {
        const key = `${o.operationId}/${o.sample}/${p.key}`;
        const why = DOCUMENT_ERRORS[key] ?? SPEC_DEFECTS[key];
        if (why) {
          used.add(key);
          explained.push({ key, why, kind: key in DOCUMENT_ERRORS ? 'document error' : 'spec defect' });
        } else unexplained.push(`${key} (manual line ${o.line ?? '?'}): ${p.detail}`);
      }
    }
    const ok = outcomes.filter((o) => o.ok);
    const exact = ok.filter((o) => o.comparisons.every((c) => c.sample === undefined || c.verdict === 'exact')).length;
    const summary = {
      api: api.name,
      spec: committed ? 'committed' : 'built from the manual (spec not committed yet)',
      operations: g.api.operations.length,
      samples: outcomes.length,
      roundTripped: ok.length,
      exact,
      equivalent: ok.length - exact,
      explained,
      unexplained,
      outcomes: outcomes.map((o: SampleOutcome) => ({ operationId: o.operationId, sample: o.sample, line: o.line, ok: o.ok, problems: o.problems })),
    };
    await writeArtifact(`roundtrip-${api.generated}.json`, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(
      `round-trip ${api.name}: ${ok.length}/${outcomes.length} sample requests (${exact} exact, ${ok.length - exact} equal up to number/JSON formatting); ` +
        `${explained.length} explained (${explained.map((e) => e.key).join(', ') || 'none'})`,
    );
    const staleDocErrors = Object.keys(DOCUMENT_ERRORS).filter((k) => !used.has(k) && outcomes.some((o) => o.operationId === k.split('/')[0]));
    const staleDefects = Object.keys(SPEC_DEFECTS).filter((k) => k.split('/').length === 3 && !used.has(k) && outcomes.some((o) => o.operationId === k.split('/')[0]));
    if (staleDefects.length) console.log(`round-trip ${api.name}: spec defects now fixed (remove from SPEC_DEFECTS): ${staleDefects.join(', ')}`);
    expect(unexplained).toEqual([]);
    expect(staleDocErrors).toEqual([]);
    if (g.api.kind === 'alibaba-rpc') expect(outcomes.length).toBeGreaterThan(0);
  });
});
