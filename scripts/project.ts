/**
 * Everything `npm run regen` writes, computed in memory as (path -> content). `regen` writes these
 * files atomically; `check` compares them with what is committed. Keeping outputs a pure function
 * of the inputs is what makes the staleness gate possible.
 */
import { join } from 'node:path';
import type { ApiConfig, RefspecConfig } from './config.ts';
import { buildFromFile, type BuildResult } from './pipeline.ts';
import { lintSpec, type LintResult } from './lint/index.ts';
import { renderReport } from './report.ts';
import type { DiffResult } from './diff/types.ts';

/** How the fresh spec differs from the committed one (set by the changelog producer). */
export interface SpecChange {
  /** The manual's content changed (not only the toolchain). */
  manualChanged: boolean;
  /** Labels of the committed and the fresh manual (document version, + content hash when equal). */
  from: string;
  to: string;
  result: DiffResult;
  /** Changelog the entry goes to (manual changes only). */
  changelog?: string;
}

export interface ApiOutputs {
  api: ApiConfig;
  build: BuildResult;
  lint: LintResult;
  /** project-relative path -> file content */
  files: Map<string, string>;
  /** Set when the fresh spec differs from the committed one. */
  change?: SpecChange;
}

/** Extra output producers (codegen, docs, changelog) register here. */
export type OutputProducer = (
  out: ApiOutputs,
  config: RefspecConfig,
  progress: (stage: string) => void,
) => Promise<void>;

const producers: OutputProducer[] = [];

export function registerProducer(p: OutputProducer): void {
  producers.push(p);
}

export function specPath(api: ApiConfig): string {
  return join('spec', `${api.name}.openapi.yaml`);
}

export async function computeApiOutputs(
  config: RefspecConfig,
  api: ApiConfig,
  progress: (stage: string) => void = () => {},
): Promise<ApiOutputs> {
  const build = await buildFromFile(join(config.root, api.source), {
    dialect: api.dialect,
    displayName: api.source,
    onStage: progress,
  });
  progress('lint');
  const lint = await lintSpec(build.yaml, join(config.root, specPath(api)), build.spec);
  const files = new Map<string, string>();
  files.set(specPath(api), build.yaml);
  files.set(join('spec', `${api.name}.report.md`), renderReport(api.name, build, lint));
  files.set(join('spec', `${api.name}.sourcemap.json`), `${JSON.stringify(build.sourceMap, null, 1)}\n`);
  const out: ApiOutputs = { api, build, lint, files };
  for (const p of producers) await p(out, config, progress);
  return out;
}
