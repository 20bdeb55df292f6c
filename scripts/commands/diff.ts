import { diffSpecs, expandResult } from '../diff/engine.ts';
import { loadInput } from '../diff/load.ts';
import { formatText } from '../diff/format/text.ts';
import { formatMarkdown } from '../diff/format/markdown.ts';
import { formatJson } from '../diff/format/json.ts';
import { EXIT, Progress, type GlobalFlags } from './io.ts';
import { parseCommand } from './args.ts';
import { diffCmd } from './specs.ts';

export async function diff(argv: string[], flags: GlobalFlags): Promise<number> {
  const { values, positionals } = parseCommand(diffCmd, argv);
  const format = flags.json ? 'json' : (values.format as string);
  const failOn = values['fail-on'] as 'breaking' | 'warning' | undefined;
  const heading = values.heading as string | undefined;
  const progress = new Progress(flags);
  const onStage = (label: string, stage: string) => progress.stage(label, stage);
  const [base, revision] = await Promise.all([loadInput(positionals[0], { onStage }), loadInput(positionals[1], { onStage })]);
  const grouped = diffSpecs(base, revision);
  const result = values.expand ? expandResult(grouped) : grouped;
  const text =
    format === 'json' ? formatJson(result) : format === 'markdown' ? formatMarkdown(result, { heading }) : formatText(result);
  process.stdout.write(text);
  const failing = failOn === 'breaking' ? result.summary.breaking : failOn === 'warning' ? result.summary.breaking + result.summary.warning : 0;
  return failing > 0 ? EXIT.problems : EXIT.ok;
}
