/**
 * The whole document -> spec path, stage by stage, with timings. Pure apart from reading the input.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { extractFile, type ExtractOptions } from './extract/index.ts';
import type { SourceDocument } from './extract/types.ts';
import { chooseDialect } from './dialects/index.ts';
import { layoutDocument } from './layout/index.ts';
import type { ApiModel } from './model/types.ts';
import { diag, sortDiagnostics, type Diagnostic, type SourceRef } from './model/diagnostic.ts';
import { InputError } from './extract/types.ts';
import { emitOpenApi } from './openapi/document.ts';
import { toYaml } from './openapi/stringify.ts';
import { validateResponseExamples, type ExampleCheck } from './reconcile/validate-examples.ts';

export interface BuildResult {
  dialect: string;
  document: SourceDocument;
  model: ApiModel;
  spec: OpenAPIV3_1.Document;
  yaml: string;
  /** (built when first read, see EmitResult) */
  readonly sourceMap: Record<string, SourceRef>;
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

/** A line longer than this is no manual text a dialect can read (line breaks lost?): reported. */
export const MAX_LINE_CHARS = 100_000;

function longLines(doc: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const l of doc.lines) {
    if (l.text.length > MAX_LINE_CHARS) {
      out.push(
        diag(
          'line-too-long',
          'warning',
          `line ${l.line} is ${l.text.length} characters long (over ${MAX_LINE_CHARS}); it is read as one line of text, so what it holds is mostly lost (were its line breaks removed?)`,
          { file: doc.file, line: l.line, ...(l.page ? { page: l.page } : {}) },
        ),
      );
    }
  }
  return out;
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
  const tooLong = longLines(doc);
  const dialect = time('detect', () => {
    try {
      return chooseDialect(doc, opts.dialect);
    } catch (err) {
      if (!(err instanceof InputError) || !tooLong.length) throw err;
      const first = tooLong[0].source.line;
      const n = doc.lines.find((l) => l.line === first)?.text.length ?? 0;
      throw new InputError(err.file, `${err.problem}; line ${first} is ${n} characters long: text without its line breaks?`);
    }
  });
  const parsed = time('parse', () => dialect.parse(doc));
  const emitted = time('emit', () => emitOpenApi(parsed.model));
  const checked = time('reconcile', () =>
    validateResponseExamples(emitted.document as unknown as Record<string, unknown>, emitted.sourceOf, parsed.model.source),
  );
  // The manual's content identity, so a later regen can tell a new manual from a toolchain change.
  const src = (emitted.document.info as unknown as Record<string, unknown>)['x-refspec-source'];
  if (doc.sha256 && src && typeof src === 'object') (src as Record<string, unknown>).sha256 = doc.sha256;
  const yaml = time('stringify', () => toYaml(emitted.document));
  return {
    dialect: dialect.id,
    document: doc,
    model: parsed.model,
    spec: emitted.document,
    yaml,
    get sourceMap() {
      return emitted.sourceMap;
    },
    diagnostics: sortDiagnostics([...tooLong, ...laid.diagnostics, ...parsed.diagnostics, ...emitted.diagnostics, ...checked.diagnostics]),
    exampleChecks: checked.checks,
    timings,
  };
}
