/**
 * One Huawei round trip: seed -> random REST Api (+ enrich.ts) -> Huawei manual (document.ts) -> damaged text
 * (text.ts) -> the pipeline (huawei-rest dialect, emitter) -> score against the Api (score.ts).
 *
 * Identity is scored against what the manual states: the service code only appears in the
 * service's own endpoint, so when a manual prints none (only IAM's worked example, or no endpoint at
 * all) the expected service id is the abbreviation in "Welcome to … (XYZ)" and the expected server
 * the Huawei Cloud form with it (the dialect documents that assumption in a diagnostic).
 */
import { extractText } from '../../../scripts/extract/text.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { buildFromDocument, type BuildResult } from '../../../scripts/pipeline.ts';
import { generateApi } from '../generate.ts';
import type { Api } from '../model.ts';
import { addScores, emptyScore, scoreModel, type Score } from '../score.ts';
import { enrichRest } from './enrich.ts';
import { huaweiDocument, type HuaweiManual, type HuaweiVariants } from './document.ts';
import { DAMAGE_KINDS, type DamageKind, type DamageRates, renderHuaweiText, type TextResult } from './text.ts';

export interface RoundTrip {
  seed: number;
  api: Api;
  manual: HuaweiManual;
  text: TextResult;
  build?: BuildResult;
  /** Thrown by the pipeline (a failure of its own). */
  error?: string;
  score: Score;
}

export function expectedIdentity(api: Api, manual: HuaweiManual): Api {
  if (manual.stated.serviceEndpoint) return api;
  const code = api.product.abbreviation.toLowerCase();
  return { ...api, product: { ...api.product, code }, endpoint: `${code}.{region}.myhuaweicloud.com` };
}

export function roundTrip(seed: number, rates: Partial<DamageRates>, force: Partial<HuaweiVariants> = {}): RoundTrip {
  const api = enrichRest(generateApi(seed, { style: 'rest' }));
  const manual = huaweiDocument(api, force);
  const text = renderHuaweiText(manual.layout, seed, { rates });
  const file = `generated-huawei-${seed}.txt`;
  let build: BuildResult | undefined;
  let error: string | undefined;
  let score: Score;
  try {
    build = buildFromDocument(extractText(file, new TextEncoder().encode(text.text)), { dialect: 'huawei-rest' });
    score = scoreModel(expectedIdentity(api, manual), build.model);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    score = emptyScore();
    score.operations.total = api.operations.length;
    score.problems.push(`seed ${seed}: pipeline threw ${error.split('\n')[0]}`);
  }
  return { seed, api, manual, text, ...(build ? { build } : {}), ...(error ? { error } : {}), score };
}

export interface Tally {
  manuals: number;
  score: Score;
  applied: Record<DamageKind, number>;
  failingSeeds: number[];
  /** Diagnostics by id over all manuals (what the dialect reported). */
  diagnostics: Map<string, number>;
}

export function emptyTally(): Tally {
  return { manuals: 0, score: emptyScore(), applied: Object.fromEntries(DAMAGE_KINDS.map((k) => [k, 0])) as Record<DamageKind, number>, failingSeeds: [], diagnostics: new Map() };
}

/** A manual fails when it loses or invents anything the Done-means figures count. */
export function failed(s: Score): boolean {
  return (
    s.operations.found < s.operations.total ||
    s.operations.invented + s.parameters.invented + s.fields.invented > 0 ||
    s.parameters.found < s.parameters.total ||
    s.fields.found < s.fields.total ||
    s.parameters.typeOk + s.fields.typeOk < s.parameters.found + s.fields.found ||
    s.parameters.requiredOk + s.fields.requiredOk < s.parameters.found + s.fields.requiredTotal
  );
}

export function runMany(seeds: number[], rates: Partial<DamageRates>, force: Partial<HuaweiVariants> = {}): Tally {
  const t = emptyTally();
  for (const seed of seeds) {
    const r = roundTrip(seed, rates, force);
    t.manuals++;
    addScores(t.score, r.score);
    for (const k of DAMAGE_KINDS) t.applied[k] += r.text.applied[k];
    if (failed(r.score) || r.error) t.failingSeeds.push(seed);
    for (const d of r.build?.diagnostics ?? ([] as Diagnostic[])) t.diagnostics.set(d.id, (t.diagnostics.get(d.id) ?? 0) + 1);
  }
  return t;
}

/** Seeds of a run: consecutive from a base, so a failing seed is easy to reproduce alone. */
export function seeds(base: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => base + i);
}

/** Fields figure "Done means" asks for: a field counts when found with the right type and Required. */
export function fieldAccuracy(s: Score): { ok: number; total: number } {
  // found fields whose type is right, minus request fields whose Required is wrong.
  const requiredWrong = s.fields.requiredTotal - s.fields.requiredOk + (s.parameters.found - s.parameters.requiredOk);
  const typeWrong = s.fields.found - s.fields.typeOk + (s.parameters.found - s.parameters.typeOk);
  return { ok: s.fields.found + s.parameters.found - typeWrong - requiredWrong, total: s.fields.total + s.parameters.total };
}
