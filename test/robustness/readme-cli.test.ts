/**
 * README's CLI section cannot drift from the tool: every ```console block in it is a transcript
 * (`$ npx refspec …` then its output, `$ echo $?` then the exit code), and each command is run here
 * through the CLI's main() and its output compared line by line (a line `…` stands for any lines).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli.ts';
import { ROOT } from './cli.ts';

interface Step {
  args: string[];
  expected: string[];
  exit?: number;
}

function cliSection(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const a = readme.indexOf('\n## CLI\n');
  const b = readme.indexOf('\n<!-- section:', a);
  if (a < 0 || b < 0) throw new Error('README has no "## CLI" section followed by a section marker');
  return readme.slice(a, b);
}

/** The transcripts of the section's console blocks. */
export function transcripts(section: string): Step[][] {
  const blocks = [...section.matchAll(/^```console\n([\s\S]*?)^```$/gm)].map((m) => m[1].replace(/\n$/, '').split('\n'));
  return blocks.map((lines) => {
    const steps: Step[] = [];
    for (const line of lines) {
      if (line === '$ echo $?') {
        steps.push({ args: [], expected: [] });
        continue;
      }
      const cmd = /^\$ npx refspec(?: (.*))?$/.exec(line);
      if (cmd) {
        steps.push({ args: cmd[1] ? cmd[1].split(/\s+/) : [], expected: [] });
        continue;
      }
      if (line.startsWith('$ ')) throw new Error(`README console block runs something other than refspec: ${line}`);
      const last = steps.at(-1);
      if (!last) throw new Error(`README console block starts with output: ${line}`);
      if (last.args.length === 0 && last.exit === undefined && /^\d+$/.test(line)) {
        // `$ echo $?` answer: the exit code of the command before it
        steps.pop();
        steps[steps.length - 1].exit = Number(line);
      } else last.expected.push(line);
    }
    return steps;
  });
}

/** Run main() with stdout and stderr captured together, in the order they were written. */
async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  let text = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const take = ((s: string | Uint8Array) => ((text += String(s)), true)) as typeof process.stdout.write;
  process.stdout.write = take;
  process.stderr.write = take;
  try {
    const code = await main(args);
    return { code, lines: text.replace(/\n$/, '').split('\n') };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** `expected` with `…` lines as wildcards, as a regular expression over the joined lines. */
function pattern(expected: string[]): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${expected.map((l) => (l.trim() === '…' ? '(?:[^\\n]*\\n)*?' : `${esc(l)}\\n`)).join('')}$`);
}

const steps = transcripts(cliSection()).flat();

describe('README CLI section', () => {
  it('has transcripts for the main help, every command help and real runs', () => {
    const helps = steps.filter((s) => s.args.at(-1) === '--help').map((s) => s.args.join(' '));
    expect(helps).toEqual(['--help', 'build --help', 'lint --help', 'regen --help', 'check --help', 'generate --help', 'diff --help']);
    expect(steps.some((s) => s.args[0] === 'lint' && s.args.length === 2)).toBe(true);
  });

  it.each(steps.map((s) => [s.args.join(' '), s]))('$ npx refspec %s', async (_cmd, step) => {
    const r = await run(step.args);
    expect(`${r.lines.join('\n')}\n`).toMatch(pattern(step.expected));
    if (step.exit !== undefined) expect(r.code).toBe(step.exit);
    else expect([0, 1]).toContain(r.code);
  });
});
