import { parseArgs } from 'node:util';
import { diffSpecs, expandResult } from '../diff/engine.ts';
import { loadInput } from '../diff/load.ts';
import { formatText } from '../diff/format/text.ts';
import { formatMarkdown } from '../diff/format/markdown.ts';
import { formatJson } from '../diff/format/json.ts';
import { EXIT, Progress, UsageError, type GlobalFlags } from './io.ts';

export const usage =
  'refspec diff <base> <revision> [--format text|markdown|json] [--fail-on breaking|warning] [--heading TEXT] [--expand]\n' +
  '  <base>/<revision>: spec (.yaml/.yml/.json), manual (.txt/.pdf, built on the fly), or path@git-revision\n' +
  '  --expand: one change per operation (a change to a shared component is otherwise reported once)';

export async function diff(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string' },
      heading: { type: 'string' },
      expand: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 2) throw new UsageError(usage);
  const format = flags.json ? 'json' : values.format;
  if (!['text', 'markdown', 'json'].includes(format)) throw new UsageError(`--format takes text, markdown or json (got "${format}")`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'warning') {
    throw new UsageError(`--fail-on takes breaking or warning (got "${failOn}")`);
  }
  const progress = new Progress(flags);
  const onStage = (label: string, stage: string) => progress.stage(label, stage);
  const [base, revision] = await Promise.all([loadInput(positionals[0], { onStage }), loadInput(positionals[1], { onStage })]);
  const grouped = diffSpecs(base, revision);
  const result = values.expand ? expandResult(grouped) : grouped;
  const text =
    format === 'json' ? formatJson(result) : format === 'markdown' ? formatMarkdown(result, { heading: values.heading }) : formatText(result);
  process.stdout.write(text);
  const failing = failOn === 'breaking' ? result.summary.breaking : failOn === 'warning' ? result.summary.breaking + result.summary.warning : 0;
  return failing > 0 ? EXIT.problems : EXIT.ok;
}
