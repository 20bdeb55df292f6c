import { parseArgs } from 'node:util';
import { buildFromFile } from '../pipeline.ts';
import { writeFileAtomic } from '../util/fs.ts';
import { buildStats, renderReport } from '../report.ts';
import { lintSpec } from '../lint/index.ts';
import { formatDiagnostic } from '../model/diagnostic.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';

export const usage = 'refspec build <document> [-o out.openapi.yaml] [--report out.report.md] [--dialect auto|alibaba-rpc|huawei-rest] [--max-bytes N] [--diagnostics]';

export async function build(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
      dialect: { type: 'string', default: 'auto' },
      'max-bytes': { type: 'string' },
      diagnostics: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError(usage);
  const file = positionals[0];
  const progress = new Progress(flags);
  const maxBytes = values['max-bytes'] !== undefined ? Number(values['max-bytes']) : undefined;
  if (maxBytes !== undefined && !(maxBytes > 0)) throw new UsageError('--max-bytes takes a positive number');
  const result = await buildFromFile(file, {
    dialect: values.dialect,
    maxBytes,
    onStage: (s) => progress.stage(file, s),
  });
  progress.stage(file, 'lint');
  const lint = await lintSpec(result.yaml, values.output ?? 'spec.openapi.yaml');
  // Outputs are written only after everything succeeded: bad input never touches them.
  if (values.output) await writeFileAtomic(values.output, result.yaml);
  if (values.report) await writeFileAtomic(values.report, renderReport(file, result, lint));
  const stats = buildStats(result);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ file, dialect: result.dialect, stats, lint: { errors: lint.errors, warnings: lint.warnings }, diagnostics: result.diagnostics, timings: result.timings }, null, 2)}\n`,
    );
  } else {
    if (!values.output) process.stdout.write(result.yaml);
    if (values.diagnostics) for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    progress.info(
      `refspec: ${file}: ${stats.operations} operations, ${stats.parameters} parameters, ${stats.responseFields} fields; ` +
        `${stats.diagnostics.error} errors, ${stats.diagnostics.warning} warnings in the document; lint ${lint.errors} errors, ${lint.warnings} warnings`,
    );
  }
  return lint.errors > 0 ? EXIT.problems : EXIT.ok;
}
