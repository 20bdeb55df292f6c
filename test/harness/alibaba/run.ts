/**
 * The Alibaba round trip: seeded Api -> Alibaba layout -> damaged text extraction -> the dialect ->
 * score against the Api. Shared by the CI test (test/harness/alibaba/harness.test.ts), the long
 * run (`HARNESS_RUNS=200`, `npm run fuzz`) and the BENCHMARKS table (`npm run harness`).
 */
import { generateApi } from '../generate.ts';
import { addScores, emptyScore, scoreModel, type Score } from '../score.ts';
import type { Api } from '../model.ts';
import { alibabaDocument, type AlibabaDocumentOptions } from './document.ts';
import { BUNDLED_LIKE, NO_DAMAGE, renderAlibabaText, TEXT_DAMAGE_KINDS, type TextDamage, type TextDamageKind } from './text.ts';
import { extractText } from '../../../scripts/extract/text.ts';
import { alibabaRpc } from '../../../scripts/dialects/alibaba-rpc/index.ts';

export interface DamageConfig {
  /** Row label in the tables ("ligatures", "all together" …). */
  name: string;
  text: Partial<TextDamage>;
  doc: AlibabaDocumentOptions;
}

/** Rates of the manual faults when they are on. */
const COLLAPSE = 0.5;
const OMIT = 0.08;

/** Kinds that only exist on a paginated text (measured together with page breaks). */
const NEEDS_PAGES: TextDamageKind[] = ['furniture', 'repeatedHeaders', 'headingEchoes'];

/**
 * The table rows: no damage, each kind alone, all together; then what is measured separately (a
 * fault no parser can undo from the text alone, see BENCHMARKS.md) and a heavier mix.
 */
export function damageConfigs(): DamageConfig[] {
  const out: DamageConfig[] = [{ name: 'none', text: NO_DAMAGE, doc: {} }];
  for (const k of TEXT_DAMAGE_KINDS) {
    const text: Partial<TextDamage> = { [k]: BUNDLED_LIKE[k] };
    if (NEEDS_PAGES.includes(k)) text.pageBreaks = 1;
    out.push({ name: NEEDS_PAGES.includes(k) ? `${k} (+ pageBreaks)` : k, text, doc: {} });
  }
  out.push({ name: 'collapsedArrays', text: NO_DAMAGE, doc: { collapseArrays: COLLAPSE } });
  out.push({ name: 'all together', text: BUNDLED_LIKE, doc: { collapseArrays: COLLAPSE } });
  return out;
}

export function separateConfigs(): DamageConfig[] {
  const heavy = Object.fromEntries(TEXT_DAMAGE_KINDS.map((k) => [k, Math.min(1, BUNDLED_LIKE[k] * 3)])) as TextDamage;
  return [
    { name: 'all, rates ×3', text: heavy, doc: { collapseArrays: COLLAPSE } },
    { name: 'sampleOmissions', text: NO_DAMAGE, doc: { sampleOmissions: OMIT } },
    { name: 'all + sampleOmissions', text: BUNDLED_LIKE, doc: { collapseArrays: COLLAPSE, sampleOmissions: OMIT } },
  ];
}

export interface ManualRun {
  seed: number;
  api: Api;
  text: string;
  score: Score;
  /** Thrown by the dialect (a harness failure of its own). */
  error?: string;
}

export function runManual(seed: number, cfg: DamageConfig): ManualRun {
  const api = generateApi(seed, { style: 'rpc' });
  const manual = alibabaDocument(api, cfg.doc);
  const text = renderAlibabaText(manual, api, cfg.text);
  const doc = extractText(`seed-${seed}.txt`, new TextEncoder().encode(text));
  try {
    const { model } = alibabaRpc.parse(doc);
    return { seed, api, text, score: scoreModel(api, model) };
  } catch (err) {
    const score = emptyScore();
    score.operations.total = api.operations.length;
    score.problems.push(`seed ${seed}: the dialect threw ${(err as Error).stack ?? err}`);
    return { seed, api, text, score, error: String(err) };
  }
}

export interface ConfigResult {
  config: DamageConfig;
  total: Score;
  /** Seeds whose manual lost, mis-typed or invented anything. */
  failing: number[];
  manuals: number;
}

/** A manual is perfect when nothing is lost, mis-typed, wrong in Required / enum / default or invented. */
export function perfect(s: Score): boolean {
  return (
    s.operations.found === s.operations.total &&
    s.operations.invented + s.parameters.invented + s.fields.invented === 0 &&
    s.parameters.found === s.parameters.total &&
    s.fields.found === s.fields.total &&
    s.parameters.typeOk === s.parameters.found &&
    s.fields.typeOk === s.fields.found &&
    s.parameters.requiredOk === s.parameters.found &&
    s.fields.requiredOk === s.fields.requiredTotal &&
    s.enums.ok === s.enums.total &&
    s.defaults.ok === s.defaults.total &&
    s.meta.ok === s.meta.total &&
    s.tags.ok === s.tags.total
  );
}

export function runConfig(cfg: DamageConfig, seeds: number[]): ConfigResult {
  const total = emptyScore();
  const failing: number[] = [];
  for (const seed of seeds) {
    const r = runManual(seed, cfg);
    addScores(total, r.score);
    if (!perfect(r.score)) failing.push(seed);
  }
  return { config: cfg, total, failing, manuals: seeds.length };
}

export function seedsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
