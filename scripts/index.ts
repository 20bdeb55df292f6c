/**
 * refspec's programmatic API: `import { build, lint, generate, diff } from 'refspec'`.
 *
 * Thin wrappers over the stages the CLI runs (scripts/pipeline.ts, scripts/lint, scripts/codegen,
 * scripts/diff), with the same results and the same errors: bad input throws `InputError` (file and
 * problem), an output that cannot be written throws `OutputError`; everything else a stage found is
 * a `Diagnostic` in the result. Each function loads its stage on first use, so importing this module
 * costs nothing.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type { BuildResult } from './pipeline.ts';
import type { LintResult } from './lint/index.ts';
import type { Diagnostic, SourceRef } from './model/diagnostic.ts';
import type { ApiInfo } from './codegen/model.ts';
import type { DiffResult, SpecInput } from './diff/types.ts';

import { InputError } from './extract/types.ts';

export { InputError };
export { OutputError } from './util/fs.ts';
export type { Diagnostic, Severity, SourceRef } from './model/diagnostic.ts';
export type { LintProblem, LintResult } from './lint/index.ts';
export type { Change, DiffResult, Level } from './diff/types.ts';

export interface BuildOptions {
  /** Vendor layout of the manual: `auto` (default) or a dialect id (`alibaba-rpc`, `huawei-rest`). */
  dialect?: string;
  /** Refuse manuals larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
  /** Lint the spec with redocly.yaml (default true). */
  lint?: boolean;
  /** Called as each stage starts (extract, layout, detect, parse, emit, reconcile, stringify). */
  onStage?: (stage: string) => void;
}

export interface BuildOutput {
  /** Dialect that read the manual. */
  dialect: string;
  /** The OpenAPI 3.1 document. */
  spec: OpenAPIV3_1.Document;
  /** The spec as written by `refspec build` (YAML, deterministic). */
  yaml: string;
  /** JSON pointer of every operation, parameter and field → manual lines. */
  sourceMap: Record<string, SourceRef>;
  /** Repairs, document errors, sample mismatches, loss: every one with its manual line. */
  diagnostics: Diagnostic[];
  /** Lint result; absent with `lint: false`. */
  lint?: LintResult;
  /** The Markdown report `refspec build --report` writes. */
  report: string;
  /** Counts (operations, parameters, fields, diagnostics by severity). */
  stats: BuildStats;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

/** Counts: operations, parameters, response fields, schemas, samples validated, diagnostics by severity. */
export type BuildStats = ReturnType<typeof import('./report.ts').buildStats>;

/** Build an OpenAPI 3.1 spec from a manual (`.txt` extracted from the vendor's PDF, or the `.pdf`). */
export async function build(manual: string, options: BuildOptions = {}): Promise<BuildOutput> {
  const { buildFromFile } = await import('./pipeline.ts');
  const { buildStats, renderReport } = await import('./report.ts');
  const r: BuildResult = await buildFromFile(manual, { dialect: options.dialect, maxBytes: options.maxBytes, onStage: options.onStage });
  let lintResult: LintResult | undefined;
  if (options.lint !== false) {
    const { lintSpec } = await import('./lint/index.ts');
    const t = performance.now();
    lintResult = await lintSpec(r.yaml, 'spec.openapi.yaml', r.spec);
    r.timings.lint = performance.now() - t;
  }
  return {
    dialect: r.dialect,
    spec: r.spec,
    yaml: r.yaml,
    sourceMap: r.sourceMap,
    diagnostics: r.diagnostics,
    lint: lintResult,
    report: renderReport(manual, r, lintResult),
    stats: buildStats(r),
    timings: r.timings,
  };
}

/**
 * Lint an OpenAPI document with refspec's redocly.yaml (Redocly recommended + refspec rules): a
 * file path (YAML or JSON), or the document itself.
 */
export async function lint(spec: string | object): Promise<LintResult> {
  const { lintSpec } = await import('./lint/index.ts');
  if (typeof spec === 'string') {
    const { readTextInput } = await import('./util/fs.ts');
    const { checkSpecText } = await import('./commands/lint.ts');
    const text = await readTextInput(spec);
    checkSpecText(spec, text);
    return lintSpec(text, spec);
  }
  const { toYaml } = await import('./openapi/stringify.ts');
  return lintSpec(toYaml(spec), 'spec.openapi.yaml', spec);
}

export interface GenerateOptions {
  /** Write the files into this folder (created when missing; only changed files, all or none). */
  outDir?: string;
  /** Build docs/reference.html too (default true). */
  html?: boolean;
  /** How the spec is named in banners and messages (default: the path given, or `openapi.yaml`). */
  specPath?: string;
  onStage?: (stage: string) => void;
}

export interface GenerateOutput {
  /** Relative path → content: types, request builders, client, runtime, docs. */
  files: Map<string, string>;
  /** Files written (with `outDir`): those whose content changed. */
  written: string[];
  /** What generation had to decide or could not do (an operation without operationId, the HTML step…). */
  diagnostics: Diagnostic[];
  api: ApiInfo;
}

/** Types, request builders, a client with its runtime, and docs from any OpenAPI 3.0/3.1 document (a path, or the document). */
export async function generate(spec: string | object, options: GenerateOptions = {}): Promise<GenerateOutput> {
  const { generateApi } = await import('./codegen/index.ts');
  let doc: object = spec as object;
  let specPath = options.specPath ?? 'openapi.yaml';
  let sourceFile: string | undefined;
  if (typeof spec === 'string') {
    const { readTextInput } = await import('./util/fs.ts');
    const { parseSpecText } = await import('./commands/generate.ts');
    doc = parseSpecText(await readTextInput(spec), spec) as object;
    specPath = options.specPath ?? spec.split('\\').join('/');
    sourceFile = spec;
  }
  const result = await generateApi(doc as Record<string, unknown>, { specPath, sourceFile, html: options.html, progress: options.onStage });
  let written: string[] = [];
  if (options.outDir !== undefined) {
    const { join } = await import('node:path');
    const { writeOutputs } = await import('./util/fs.ts');
    const dir = options.outDir;
    written = await writeOutputs([...result.files].map(([rel, content]) => ({ path: join(dir, rel), content })), { onlyChanged: true });
  }
  return { files: result.files, written, diagnostics: result.diagnostics, api: result.api };
}

export interface DiffOptions {
  /** One change per operation (default: a change to a shared definition once, with what it affects). */
  expand?: boolean;
}

/**
 * Classify the changes from `base` to `revision`. Each is a spec file (.yaml, .yml, .json), a manual
 * (.txt, .pdf: built on the fly), either at a git revision (`path@rev`), or a spec document itself.
 */
export async function diff(base: string | object, revision: string | object, options: DiffOptions = {}): Promise<DiffResult> {
  const { diffSpecs, expandResult } = await import('./diff/engine.ts');
  const { loadInput } = await import('./diff/load.ts');
  const input = async (x: string | object, label: string): Promise<SpecInput> => {
    if (typeof x === 'string') return loadInput(x);
    const version = (x as { openapi?: unknown }).openapi;
    if (typeof version !== 'string' || !/^3\./.test(version)) throw new InputError(label, 'not an OpenAPI 3 document (no "openapi: 3.x" field)');
    return { label, spec: x as SpecInput['spec'] };
  };
  const [b, r] = await Promise.all([input(base, 'base'), input(revision, 'revision')]);
  const result = diffSpecs(b, r);
  return options.expand ? expandResult(result) : result;
}
