/**
 * Markdown: a changelog entry (breaking changes, warnings, other changes). A change to a shared
 * definition that affects several operations is one item naming the definition and the operations.
 */
import type { Change, DiffResult, Level } from '../types.ts';
import { affectedOperations, lines, summaryLine } from './group.ts';

/** Operations named in a shared change's item before "… and N more". */
const AFFECTS_SHOWN = 8;

const SECTIONS: [Level, string][] = [
  ['breaking', 'Breaking changes'],
  ['warning', 'Warnings'],
  ['info', 'Other changes'],
];

/** Markdown-inert text: document-derived names must not turn into markup. */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** A code span for a document-derived name. */
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function item(c: Change): string {
  let who = c.operation ? `${code(c.operation)}: ` : '';
  if (!c.operation && c.shared && c.affects) {
    const ops = affectedOperations(c);
    const shown = ops.slice(0, AFFECTS_SHOWN).map((o) => `${code(o.operation)}${o.statuses.length ? ` (${mdEscape(o.statuses.join(', '))})` : ''}`);
    const more = ops.length > AFFECTS_SHOWN ? ` … and ${ops.length - AFFECTS_SHOWN} more` : '';
    who = `${code(c.shared)} (shared by ${ops.length} operations: ${shown.join(', ')}${more}): `;
  }
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
  const summary = summaryLine(r.summary, r.changes);
  out.push(`${summary[0].toUpperCase()}${summary.slice(1)}.`);
  for (const [level, title] of SECTIONS) {
    const list = r.changes.filter((c) => c.level === level);
    if (!list.length) continue;
    out.push('', `### ${title}`, '', ...list.map(item));
  }
  return `${out.join('\n')}\n`;
}
