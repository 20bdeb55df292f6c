/**
 * The whole document -> spec path, stage by stage, with timings. Pure apart from reading the input.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { extractFile, type ExtractOptions } from './extract/index.ts';
import type { SourceDocument } from './extract/types.ts';
import { chooseDialect } from './dialects/index.ts';
import { layoutDocument } from './layout/index.ts';
import type { ApiModel } from './model/types.ts';
import { sortDiagnostics, type Diagnostic, type SourceRef } from './model/diagnostic.ts';
import { emitOpenApi } from './openapi/document.ts';
import { toYaml } from './openapi/stringify.ts';
import { validateResponseExamples, type ExampleCheck } from './reconcile/validate-examples.ts';

export interface BuildResult {
  dialect: string;
  document: SourceDocument;
  model: ApiModel;
  spec: OpenAPIV3_1.Document;
  yaml: string;
  sourceMap: Record<string, SourceRef>;
  diagnostics: Diagnostic[];
  exampleChecks: ExampleCheck[];
  timings: Record<string, number>;
}

export interface BuildOptions extends ExtractOptions {
  dialect?: string;
  /** Called when a stage starts (progress on stderr). */
  onStage?: (stage: string) => void;
}

export async function buildFromFile(path: string, opts: BuildOptions = {}): Promise<BuildResult> {
  opts.onStage?.('extract');
  const t0 = performance.now();
  const doc = await extractFile(path, opts);
  const extract = performance.now() - t0;
  const result = buildFromDocument(doc, opts);
  result.timings = { extract, ...result.timings };
  return result;
}

/**
 * Layout (PDF geometry -> lines with roles, table cells and levels; text passes through), detect,
 * parse, emit, reconcile, stringify.
 */
export function buildFromDocument(input: SourceDocument, opts: BuildOptions = {}): BuildResult {
  const timings: Record<string, number> = {};
  const time = <T>(stage: string, fn: () => T): T => {
    opts.onStage?.(stage);
    const t = performance.now();
    const out = fn();
    timings[stage] = performance.now() - t;
    return out;
  };
  const laid = time('layout', () => layoutDocument(input));
  const doc = laid.document;
  const dialect = time('detect', () => chooseDialect(doc, opts.dialect));
  const parsed = time('parse', () => dialect.parse(doc));
  const emitted = time('emit', () => emitOpenApi(parsed.model));
  const checked = time('reconcile', () =>
    validateResponseExamples(emitted.document as unknown as Record<string, unknown>, emitted.sourceMap, parsed.model.source),
  );
  const yaml = time('stringify', () => toYaml(emitted.document));
  return {
    dialect: dialect.id,
    document: doc,
    model: parsed.model,
    spec: emitted.document,
    yaml,
    sourceMap: emitted.sourceMap,
    diagnostics: sortDiagnostics([...laid.diagnostics, ...parsed.diagnostics, ...emitted.diagnostics, ...checked.diagnostics]),
    exampleChecks: checked.checks,
    timings,
  };
}
