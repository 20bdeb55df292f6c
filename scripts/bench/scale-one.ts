/**
 * One scaling measurement in a fresh process (so peak memory is this manual's alone):
 * `tsx scripts/bench/scale-one.ts <factor> [--lint]` prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBytes } from '../extract/index.ts';
import { buildFromDocument } from '../pipeline.ts';
import { syntheticAlibaba } from './synthetic.ts';

const factor = Number(process.argv[2] ?? 1);
const withLint = process.argv.includes('--lint');
const manual = readFileSync(join(process.cwd(), 'sources', 'alibaba-cloud-service-mesh-api-reference-20220712.txt'));
const { bytes } = await syntheticAlibaba(manual, factor);
const rssBefore = process.resourceUsage().maxRSS;
const t0 = performance.now();
const doc = await extractBytes(`alibaba-x${factor}.txt`, bytes, { maxBytes: bytes.length });
const extract = performance.now() - t0;
const r = buildFromDocument(doc);
const total = performance.now() - t0;
let lint: number | undefined;
if (withLint) {
  const { lintSpec } = await import('../lint/index.ts');
  const t = performance.now();
  await lintSpec(r.yaml, 'synthetic.openapi.yaml');
  lint = performance.now() - t;
}
process.stdout.write(
  `${JSON.stringify({
    factor,
    bytes: bytes.length,
    lines: doc.lines.length,
    operations: r.model.operations.length,
    diagnostics: r.diagnostics.length,
    timings: { extract, ...r.timings },
    totalMs: total,
    lintMs: lint,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    rssBeforeMB: rssBefore / 1024,
  })}\n`,
);
