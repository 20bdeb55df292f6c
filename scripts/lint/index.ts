/**
 * Lint a spec with redocly.yaml: Redocly's recommended ruleset plus refspec's own rules
 * (scripts/lint/plugin.ts). @redocly/openapi-core is loaded on the first call, not when this module
 * is imported: it is the heaviest dependency of a build (a few hundred modules), and commands that
 * do not lint (`build --no-lint`, `--help`, `diff` of two specs) never pay for it.
 */
import type { Config, NormalizedProblem } from '@redocly/openapi-core';
import { existsSync } from 'node:fs';
import { packagePath } from '../util/paths.ts';

export const REDOCLY_CONFIG = packagePath('redocly.yaml');

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

type Core = typeof import('@redocly/openapi-core');

let loaded: Promise<{ core: Core; config: Config }> | undefined;

/**
 * The compiled CLI loads the package bundled into one file by `npm run build`
 * (scripts/dev/bundle.ts: the same code, loaded in less than half the time); from the sources,
 * or where the bundle is missing, the package itself.
 */
async function loadCore(): Promise<Core> {
  const bundle = new URL('../vendor/redocly-core.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts') && existsSync(bundle)) return (await import(bundle.href)) as Core;
  return import('@redocly/openapi-core');
}

function linter(): Promise<{ core: Core; config: Config }> {
  loaded ??= (async () => {
    process.env.REDOCLY_TELEMETRY = 'off';
    const [core, { refspecPlugin }] = await Promise.all([loadCore(), import('./plugin.ts')]);
    const config = await core.loadConfig({ configPath: REDOCLY_CONFIG, plugins: [refspecPlugin] });
    return { core, config };
  })();
  return loaded;
}

/**
 * Lint a spec (YAML/JSON text) with redocly.yaml: the recommended ruleset plus our own rules.
 * `parsed`, when given, is the document the text was written from (what `toYaml` stringified): the
 * linter then walks it instead of parsing the text again (a fifth of a lint of a large spec). It is
 * used only when it is plain JSON data and a tree, i.e. exactly what parsing the text would give
 * (Redocly visits an object reached twice only once, and the text has no shared nodes); otherwise
 * the text is parsed. The text stays the source of line numbers.
 */
export async function lintSpec(source: string, absoluteRef = 'spec.openapi.yaml', parsed?: unknown): Promise<LintResult> {
  const { core, config } = await linter();
  const problems =
    parsed !== undefined && isPlainTree(parsed)
      ? await core.lintDocument({
          document: { source: new core.Source(absoluteRef, source), parsed },
          config,
          externalRefResolver: new core.BaseResolver(config.resolve),
        })
      : await core.lintFromString({ source, absoluteRef, config });
  const out = problems
    .map((p) => toProblem(core, p))
    .sort((a, b) => a.pointer.localeCompare(b.pointer) || a.ruleId.localeCompare(b.ruleId));
  return {
    errors: out.filter((p) => p.severity === 'error').length,
    warnings: out.filter((p) => p.severity === 'warn').length,
    problems: out,
  };
}

/**
 * True when `value` is JSON data (null, booleans, finite numbers, strings, arrays, plain objects
 * without undefined members) in which no object or array is reached twice.
 */
export function isPlainTree(value: unknown): boolean {
  const seen = new Set<object>();
  const visit = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v !== 'object') return false;
    if (seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!(i in v) || !visit(v[i])) return false;
      return true;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k in v) if (!visit((v as Record<string, unknown>)[k])) return false;
    return true;
  };
  return visit(value);
}

function toProblem(core: Core, p: NormalizedProblem): LintProblem {
  const loc = p.location[0];
  let line: number | undefined;
  try {
    line = loc ? core.getLineColLocation(loc).start.line : undefined;
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
