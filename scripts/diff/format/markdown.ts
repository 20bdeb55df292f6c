/** Markdown: a changelog entry (breaking changes, warnings, other changes). */
import type { Change, DiffResult, Level } from '../types.ts';
import { lines, summaryLine } from './group.ts';

const SECTIONS: [Level, string][] = [
  ['breaking', 'Breaking changes'],
  ['warning', 'Warnings'],
  ['info', 'Other changes'],
];

/** Markdown-inert text: document-derived names must not turn into markup. */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function item(c: Change): string {
  const who = c.operation ? `\`${c.operation.replace(/`/g, "'")}\`: ` : '';
  const src: string[] = [];
  if (c.source?.base) src.push(`was ${lines(c.source.base)}`);
  if (c.source?.revision) src.push(`now ${lines(c.source.revision)}`);
  return `- ${who}${mdEscape(c.message)} (\`${c.id}\`${src.length ? `; ${mdEscape(src.join(', '))}` : ''})`;
}

export interface MarkdownOptions {
  /** Entry heading (without `## `); default `<base> → <revision>`. */
  heading?: string;
  /** Extra paragraph under the heading. */
  intro?: string;
}

export function formatMarkdown(r: DiffResult, opts: MarkdownOptions = {}): string {
  const out = [`## ${mdEscape(opts.heading ?? `${r.base} → ${r.revision}`)}`, ''];
  if (opts.intro) out.push(opts.intro, '');
  out.push(`${summaryLine(r.summary)[0].toUpperCase()}${summaryLine(r.summary).slice(1)}.`);
  for (const [level, title] of SECTIONS) {
    const list = r.changes.filter((c) => c.level === level);
    if (!list.length) continue;
    out.push('', `### ${title}`, '', ...list.map(item));
  }
  return `${out.join('\n')}\n`;
}
