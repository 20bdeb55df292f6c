import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { lintFromString, loadConfig, getLineColLocation, type NormalizedProblem } from '@redocly/openapi-core';
import { refspecPlugin } from './plugin.ts';

export const REDOCLY_CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'redocly.yaml');

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  pointer: string;
  line?: number;
}

export interface LintResult {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

let configPromise: ReturnType<typeof loadConfig> | undefined;

/** Lint a spec (YAML/JSON text) with redocly.yaml: the recommended ruleset plus our own rules. */
export async function lintSpec(source: string, absoluteRef = 'spec.openapi.yaml'): Promise<LintResult> {
  process.env.REDOCLY_TELEMETRY = 'off';
  configPromise ??= loadConfig({ configPath: REDOCLY_CONFIG, plugins: [refspecPlugin] });
  const config = await configPromise;
  const problems = await lintFromString({ source, absoluteRef, config });
  const out = problems
    .map((p) => toProblem(p))
    .sort((a, b) => a.pointer.localeCompare(b.pointer) || a.ruleId.localeCompare(b.ruleId));
  return {
    errors: out.filter((p) => p.severity === 'error').length,
    warnings: out.filter((p) => p.severity === 'warn').length,
    problems: out,
  };
}

function toProblem(p: NormalizedProblem): LintProblem {
  const loc = p.location[0];
  let line: number | undefined;
  try {
    line = loc ? getLineColLocation(loc).start.line : undefined;
  } catch {
    line = undefined;
  }
  return {
    ruleId: p.ruleId,
    severity: p.severity === 'error' ? 'error' : 'warn',
    message: p.message,
    pointer: loc?.pointer ?? '',
    line,
  };
}
