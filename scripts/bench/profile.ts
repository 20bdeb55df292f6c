/**
 * Where the time of a large build goes: `tsx scripts/bench/profile.ts [factor=10] [--out file]`.
 *
 * Builds the synthetic Alibaba manual of `factor` × the operations (as the scaling benchmark does),
 * runs the whole build (extract → stringify) once to warm up and once under V8's sampling CPU
 * profiler (node:inspector, in-process), and prints per stage the functions with the most samples,
 * self and inclusive. Sample counts are used rather than the profile's time deltas, which GC pauses
 * and a busy machine inflate. `--out` also writes the .cpuprofile (open it in Chrome DevTools).
 * Numbers vary between runs and machines: this finds hotspots; `npm run bench` measures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { extractBytes } from '../extract/index.ts';
import { buildFromDocument } from '../pipeline.ts';
import { syntheticAlibaba } from './synthetic.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, top: { type: 'string', default: '25' } } });
const factor = Number(positionals[0] ?? 10);
const top = Number(opts.top);
const ROOT = process.cwd();
const manual = readFileSync(join(ROOT, 'sources', 'alibaba-cloud-service-mesh-api-reference-20220712.txt'));
const { bytes } = await syntheticAlibaba(manual, factor);

const build = async () => {
  const doc = await extractBytes(`alibaba-x${factor}.txt`, bytes, { maxBytes: bytes.length });
  return buildFromDocument(doc);
};
await build();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const t0 = performance.now();
const result = await build();
const wall = performance.now() - t0;
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
session.disconnect();
if (opts.out) writeFileSync(opts.out, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode): string => {
  const f = n.callFrame;
  // File only: under tsx the positions are those of the transformed code, not of the source.
  const where = f.url ? relative(ROOT, f.url.replace(/^file:\/\//, '')) : '';
  return `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};
const counts = new Map<number, number>();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, c] of counts) {
  self.set(label(byId.get(id)!), (self.get(label(byId.get(id)!)) ?? 0) + c);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + c);
  }
}
const total = profile.samples.length;
const list = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, c]) => `${((100 * c) / total).toFixed(1).padStart(6)} %  ${k}`)
    .join('\n');
const mb = bytes.length / 1e6;
process.stdout.write(
  [
    `×${factor}: ${mb.toFixed(1)} MB, ${result.model.operations.length} operations; profiled warm build ${wall.toFixed(0)} ms incl. profiler overhead (${(mb / (wall / 1000)).toFixed(2)} MB/s)`,
    `stages (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`,
    `${total} samples`,
    '',
    '--- self',
    list(self),
    '',
    '--- inclusive',
    list(inclusive),
    '',
  ].join('\n'),
);
