/**
 * Diff benchmark: (1) agreement of our breaking / non-breaking verdicts with an independent tool,
 * api-smart-diff, on every fixture pair (test/fixtures/diff/*) and on real vendor-style edits of
 * the Alibaba manual; (2) speed of diffing the Alibaba spec against itself with one change.
 *
 *   npx tsx scripts/bench/diff-agreement.ts [--json] [--skip-manual]
 *
 * Exit 1 when the speed target is missed (diff of the Alibaba pair, parse included, must stay
 * under 1000 ms; the figure is reported so "well under" can be judged).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiCompare } from 'api-smart-diff';
import { diffSpecs } from '../diff/engine.ts';
import { parseSpec } from '../diff/load.ts';
import type { DiffResult, Json } from '../diff/types.ts';
import { extractBytes } from '../extract/index.ts';
import { buildFromDocument } from '../pipeline.ts';
import { toYaml } from '../openapi/stringify.ts';

export interface PairVerdict {
  pair: string;
  ours: boolean;
  theirs: boolean;
  ourIds: string[];
  /** api-smart-diff's breaking diffs (path + description). */
  theirBreaking: string[];
  theirTypes: Record<string, number>;
}

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/diff');
const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';

function smartDiff(base: Json, revision: Json): { breaking: string[]; types: Record<string, number> } {
  const { diffs } = apiCompare(base, revision);
  const types: Record<string, number> = {};
  const breaking: string[] = [];
  for (const d of diffs) {
    types[d.type] = (types[d.type] ?? 0) + 1;
    if (d.type === 'breaking') breaking.push(`${d.path.join('/')}: ${d.description ?? d.action}`);
  }
  return { breaking, types };
}

export function verdict(pair: string, base: Json, revision: Json): PairVerdict {
  const ours = diffSpecs({ label: 'base', spec: base }, { label: 'revision', spec: revision });
  const theirs = smartDiff(base, revision);
  return {
    pair,
    ours: ours.summary.breaking > 0,
    theirs: theirs.breaking.length > 0,
    ourIds: ours.changes.map((c) => `${c.level}:${c.id}`),
    theirBreaking: theirs.breaking,
    theirTypes: theirs.types,
  };
}

export function fixturePairs(): { name: string; base: Json; revision: Json }[] {
  return readdirSync(FIXTURES)
    .filter((d) => !d.startsWith('.'))
    .sort()
    .map((name) => ({
      name,
      base: parseSpec(`${name}/base.yaml`, readFileSync(join(FIXTURES, name, 'base.yaml'), 'utf8')),
      revision: parseSpec(`${name}/revision.yaml`, readFileSync(join(FIXTURES, name, 'revision.yaml'), 'utf8')),
    }));
}

function replaceOnce(text: string, old: string, replacement: string): string {
  const i = text.indexOf(old);
  if (i < 0 || text.indexOf(old, i + 1) >= 0) throw new Error(`anchor must occur once: ${old.slice(0, 50)}`);
  return text.slice(0, i) + replacement + text.slice(i + old.length);
}

/** The five vendor-style edits of the end-to-end test, one manual revision each. */
export const MANUAL_EDITS: Record<string, (t: string) => string> = {
  'manual: operation section deleted': (t) => {
    const a = t.indexOf('\nRevokes a kubeconfig file of an Alibaba Cloud Service Mesh (ASM) instance and generates a new kubeconfig file.');
    const b = t.indexOf('\nQueries the check results of an Alibaba Cloud Service Mesh (ASM) instance.');
    return t.slice(0, a) + t.slice(b);
  },
  'manual: parameter renamed': (t) => replaceOnce(t, 'Name String Yes test-mesh The new name', 'MeshName String Yes test-mesh The new name'),
  'manual: String -> Long': (t) =>
    replaceOnce(t, 'Limit String No 10\nThe maximum number of ASM gateways to\nquery.\n\n11.7.', 'Limit Long No 10\nThe maximum number of ASM gateways to\nquery.\n\n11.7.'),
  'manual: Required No -> Yes': (t) =>
    replaceOnce(t, 'PrivateIpAddress Boolean No false\nSpecifies whether to query', 'PrivateIpAddress Boolean Yes false\nSpecifies whether to query'),
  'manual: response field added': (t) =>
    replaceOnce(
      t,
      'The content of the kubeconfig file of the cluster.\n',
      'The content of the kubeconfig file of the cluster.\n\nExpireTime String 2022-07-12T10:00:00Z The time when the kubeconfig file expires.\n',
    ),
};

async function build(name: string, text: string): Promise<Json> {
  return buildFromDocument(await extractBytes(name, Buffer.from(text))).spec as unknown as Json;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface DiffBench {
  pairs: number;
  agree: number;
  disagreements: PairVerdict[];
  speed?: Record<string, number>;
}

/** Agreement over every pair, and (unless skipManual) the manual pairs plus the speed figures. */
export async function runDiffBench(opts: { skipManual?: boolean } = {}): Promise<DiffBench> {
  const verdicts: PairVerdict[] = fixturePairs().map((p) => verdict(p.name, p.base, p.revision));
  let speed: Record<string, number> | undefined;
  if (!opts.skipManual) {
    const original = readFileSync(MANUAL, 'utf8');
    const base = await build(MANUAL, original);
    let oneChange: Json | undefined;
    for (const [name, edit] of Object.entries(MANUAL_EDITS)) {
      const rev = await build('edited.txt', edit(original));
      verdicts.push(verdict(name, base, rev));
      if (name === 'manual: Required No -> Yes') oneChange = rev;
    }
    // Speed: the Alibaba spec against itself with one change, from YAML text (as `refspec diff` does).
    const baseYaml = toYaml(base);
    const revYaml = toYaml(oneChange);
    const parseMs: number[] = [];
    const diffMs: number[] = [];
    const theirMs: number[] = [];
    let last: DiffResult | undefined;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const b = parseSpec('base', baseYaml);
      const r = parseSpec('revision', revYaml);
      const t1 = performance.now();
      last = diffSpecs({ label: 'base', spec: b }, { label: 'revision', spec: r });
      const t2 = performance.now();
      apiCompare(b, r);
      const t3 = performance.now();
      parseMs.push(t1 - t0);
      diffMs.push(t2 - t1);
      theirMs.push(t3 - t2);
    }
    speed = {
      specBytes: baseYaml.length,
      changes: last!.changes.length,
      parseMedianMs: Math.round(median(parseMs)),
      diffMedianMs: Math.round(median(diffMs) * 10) / 10,
      totalMedianMs: Math.round(median(parseMs) + median(diffMs)),
      apiSmartDiffMedianMs: Math.round(median(theirMs)),
    };
  }
  const agree = verdicts.filter((v) => v.ours === v.theirs).length;
  return { pairs: verdicts.length, agree, disagreements: verdicts.filter((v) => v.ours !== v.theirs), speed };
}

/** The speed target: parse + diff of the Alibaba pair under 1000 ms. */
export const SPEED_TARGET_MS = 1000;

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const r = await runDiffBench({ skipManual: args.has('--skip-manual') });
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    const out = [`diff agreement with api-smart-diff: ${r.agree}/${r.pairs} pairs give the same breaking verdict`];
    for (const v of r.disagreements) {
      out.push(`  ${v.pair}: ours ${v.ours ? 'breaking' : 'not breaking'} (${v.ourIds.join(', ') || 'no change'}); api-smart-diff ${v.theirs ? 'breaking' : 'not breaking'} ${JSON.stringify(v.theirTypes)}`);
      for (const b of v.theirBreaking) out.push(`      their breaking: ${b}`);
    }
    const speed = r.speed;
    if (speed) {
      out.push(
        `speed: Alibaba spec (${speed.specBytes} bytes) vs itself with one change: parse ${speed.parseMedianMs} ms + diff ${speed.diffMedianMs} ms = ${speed.totalMedianMs} ms (median of 7; ${speed.changes} change); api-smart-diff on the same parsed pair ${speed.apiSmartDiffMedianMs} ms`,
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return r.speed && r.speed.totalMedianMs >= SPEED_TARGET_MS ? 1 : 0;
}

const isMain = process.argv[1] && /diff-agreement\.ts$/.test(process.argv[1]);
if (isMain) {
  main().then((code) => {
    process.exitCode = code;
  });
}
