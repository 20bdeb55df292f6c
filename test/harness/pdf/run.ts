/**
 * The PDF round trip: seeded Api -> the vendor's manual layout (test/harness/<vendor>/document.ts)
 * -> a PDF typeset with a seeded style (test/harness/pdf.ts) -> the whole pipeline (extract,
 * layout, dialect, emit) -> score against the Api. Shared by the CI test (pdf.test.ts), the long
 * run (`HARNESS_RUNS=200`, `npm run fuzz`) and the BENCHMARKS table (`npm run harness:pdf`).
 */
import { extractBytes } from '../../../scripts/extract/index.ts';
import { buildFromDocument, type BuildResult } from '../../../scripts/pipeline.ts';
import { generateApi } from '../generate.ts';
import type { Api } from '../model.ts';
import { Rng } from '../rng.ts';
import { emptyScore, scoreModel, type Score } from '../score.ts';
import { alibabaDocument } from '../alibaba/document.ts';
import { drawPdfVariants, huaweiDocument, type HuaweiPdfVariants, type HuaweiVariants } from '../huawei/document.ts';
import { enrichRest } from '../huawei/enrich.ts';
import { expectedIdentity } from '../huawei/run.ts';
import type { ManualLayout } from '../layout.ts';
import { randomStyle, renderManualPdf, type PdfStyle } from '../pdf.ts';

export type Vendor = 'alibaba' | 'huawei';

export interface PdfRoundTrip {
  vendor: Vendor;
  seed: number;
  api: Api;
  style: PdfStyle;
  pages: number;
  bytes: number;
  score: Score;
  /** Huawei: the manual's wording variants and what its PDF shows beyond the text (per-variation tables). */
  huawei?: { variants: HuaweiVariants; pdf: HuaweiPdfVariants };
  build?: BuildResult;
  error?: string;
  /** Milliseconds: typeset, extract (pdf.js), build (layout → stringify). */
  ms: { typeset: number; extract: number; build: number };
}

/**
 * The manual of a vendor for a seed, with the Api it documents and the truth to score against.
 * Huawei: the same Api and wording as the text harness's manual of that seed (test/harness/huawei/
 * run.ts), plus what the vendor's PDFs show beyond the text (HuaweiPdfVariants, drawn from the seed).
 */
export function vendorManual(vendor: Vendor, seed: number, fonts: { unicode: boolean } = { unicode: true }): { api: Api; truth: Api; layout: ManualLayout; huawei?: { variants: HuaweiVariants; pdf: HuaweiPdfVariants } } {
  if (vendor === 'alibaba') {
    const api = generateApi(seed, { style: 'rpc' });
    return { api, truth: api, layout: alibabaDocument(api) };
  }
  const api = enrichRest(generateApi(seed, { style: 'rest' }));
  const pdf = drawPdfVariants(new Rng(seed).fork('huawei-pdf-variants'));
  // A standard PDF font has no "●": the typesetter would print "?" where a vendor's font has one.
  if (!fonts.unicode && pdf.bullet === '●') pdf.bullet = '•';
  const manual = huaweiDocument(api, {}, pdf);
  return { api, truth: expectedIdentity(api, manual), layout: manual.layout, huawei: { variants: manual.variants, pdf } };
}

/** The typesetting style's dimensions, each a column of the per-variation tables (label, value of a run). */
export const STYLE_DIMENSIONS: [string, (r: PdfRoundTrip) => string][] = [
  ['rules', (r) => r.style.rules],
  ['draw order', (r) => r.style.drawOrder],
  ['rows split across pages', (r) => String(r.style.splitRows)],
  ['header row repeated', (r) => String(r.style.repeatHeader)],
  ['mirrored margins', (r) => String(r.style.mirror)],
  ['cell alignment', (r) => r.style.valign],
  ['font family', (r) => r.style.family],
  ['vertical rules', (r) => String(r.style.verticalRules)],
  ['header row bold', (r) => String(r.style.headerBold)],
  ['middle columns width factor', (r) => String(r.style.squeeze)],
  ['page number', (r) => r.style.folio],
  ['table of contents leader', (r) => r.style.tocLeader],
];

/** Chinese text needs a font with CJK glyphs; the style's family is drawn among those that fit. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export async function pdfRoundTrip(vendor: Vendor, seed: number, override: Partial<PdfStyle> = {}): Promise<PdfRoundTrip> {
  const style = { ...randomStyle(new Rng(seed).fork(`pdf-style-${vendor}`)), ...override };
  const { api, truth, layout, huawei } = vendorManual(vendor, seed, style);
  void CJK;
  let t = performance.now();
  const pdf = await renderManualPdf(layout, style);
  const typeset = performance.now() - t;
  const file = `generated-${vendor}-${seed}.pdf`;
  let score: Score;
  let build: BuildResult | undefined;
  let error: string | undefined;
  let extract = 0;
  let buildMs = 0;
  let pages = 0;
  try {
    t = performance.now();
    const doc = await extractBytes(file, pdf);
    extract = performance.now() - t;
    pages = doc.pdf?.pages.length ?? 0;
    t = performance.now();
    build = buildFromDocument(doc, { dialect: vendor === 'alibaba' ? 'alibaba-rpc' : 'huawei-rest' });
    buildMs = performance.now() - t;
    score = scoreModel(truth, build.model);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    score = emptyScore();
    score.operations.total = api.operations.length;
    score.problems.push(`seed ${seed}: pipeline threw ${error.split('\n')[0]}`);
  }
  return { vendor, seed, api, style, pages, bytes: pdf.length, score, ...(huawei ? { huawei } : {}), ...(build ? { build } : {}), ...(error ? { error } : {}), ms: { typeset, extract, build: buildMs } };
}
