/**
 * One manual through the whole build (extract → … → lint), as a plain serialisable outcome so it can
 * run in a worker thread or in-process. Writes nothing: the caller writes outputs only on success.
 */
import { buildFromFile } from '../pipeline.ts';
import { InputError } from '../extract/types.ts';
import type { LintResult } from '../lint/index.ts';
import { buildStats, renderReport } from '../report.ts';
import { formatDiagnostic } from '../model/diagnostic.ts';
import { lossLines } from './loss.ts';

export interface BuildJob {
  file: string;
  dialect?: string;
  maxBytes?: number;
  /** Name the spec is linted under (the output path when there is one). */
  lintRef: string;
  /** Render the markdown report too. */
  report: boolean;
  /** Serialise the source map too. */
  sourceMap?: boolean;
  /** Lint the spec (default true); false skips it and never loads the linter. */
  lint?: boolean;
}

export type BuildOutcome =
  | {
      ok: true;
      file: string;
      dialect: string;
      yaml: string;
      report?: string;
      sourceMap?: string;
      /** What of the manual did not reach the spec, one line per kind (loss.ts). */
      loss: string[];
      stats: ReturnType<typeof buildStats>;
      /** Absent when the build was asked not to lint. */
      lint?: { errors: number; warnings: number };
      diagnostics: string[];
      diagnosticsJson: unknown[];
      timings: Record<string, number>;
      ms: number;
    }
  | { ok: false; file: string; input: boolean; message: string; problem?: string; ms: number };

export async function buildOne(job: BuildJob): Promise<BuildOutcome> {
  const t0 = performance.now();
  try {
    const result = await buildFromFile(job.file, { dialect: job.dialect, maxBytes: job.maxBytes });
    let lint: LintResult | undefined;
    if (job.lint !== false) {
      const t = performance.now();
      // Loaded here, not at the top: a build without lint never loads the linter.
      const { lintSpec } = await import('../lint/index.ts');
      lint = await lintSpec(result.yaml, job.lintRef, result.spec);
      result.timings.lint = performance.now() - t;
    }
    return {
      ok: true,
      file: job.file,
      dialect: result.dialect,
      yaml: result.yaml,
      report: job.report ? renderReport(job.file, result, lint) : undefined,
      sourceMap: job.sourceMap ? `${JSON.stringify(result.sourceMap, null, 1)}\n` : undefined,
      loss: lossLines(result.diagnostics),
      stats: buildStats(result),
      lint: lint && { errors: lint.errors, warnings: lint.warnings },
      diagnostics: result.diagnostics.map((d) => formatDiagnostic(d)),
      diagnosticsJson: result.diagnostics,
      timings: result.timings,
      ms: performance.now() - t0,
    };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, file: job.file, input: true, message: err.message, problem: err.problem, ms: performance.now() - t0 };
    const e = err as Error;
    const stack = process.env.REFSPEC_DEBUG ? `\n${e?.stack ?? ''}` : '';
    return {
      ok: false,
      file: job.file,
      input: false,
      message: `${job.file}: internal error: ${(e?.message ?? String(err)).split('\n')[0]} (a bug in refspec, please report it; REFSPEC_DEBUG=1 shows the stack)${stack}`,
      ms: performance.now() - t0,
    };
  }
}
