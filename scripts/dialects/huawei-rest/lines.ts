/**
 * The line stream the Huawei constructs read: the document's lines with their numbers, tabs kept
 * (the extraction separates table cells with tabs, and a cell that continues on the next line
 * starts that line with tabs).
 *
 * A PDF read through the layout stage (scripts/layout) gives the same stream with structure on
 * top: a line's `role`, and for table rows their `cells` (a cell's paragraphs separated by "\n")
 * and the `table` they belong to (joined across pages). `readLines` keeps that structure and puts
 * the few things the text form spells out and the layout stage gives as roles into the form the
 * constructs read, so one set of constructs reads both:
 * - a list item starts with "- " (a text extraction prints the bullet as "-");
 * - a code block is fenced with ``` lines (a text extraction of a code block is fenced); the fence
 *   lines carry the numbers of the block's first and last lines.
 * Table rows are read from their cells (tables.ts), not from the tab-joined text.
 */
import type { LineRole, SourceDocument } from '../../extract/types.ts';
import type { SourceRef } from '../../model/diagnostic.ts';

export interface Line {
  /** 1-based line number in the document. */
  line: number;
  text: string;
  page?: number;
  /** What the layout stage recognised the line as (PDF input only). */
  role?: LineRole;
  /** Table rows of PDF input: every cell's text, a cell's paragraphs separated by "\n". */
  cells?: string[];
  /** Table rows and continuations of PDF input: the table they belong to (joined across pages). */
  table?: number;
}

/** A bullet glyph the layout stage may leave at the start of a list item. */
const BULLET = /^\s*[-•◦▪●‣∙■–]\s*/u;

export function readLines(doc: SourceDocument): Line[] {
  const out: Line[] = [];
  const src = doc.lines;
  for (let i = 0; i < src.length; i++) {
    const l = src[i];
    const line: Line = { line: l.line, text: l.text.replace(/\r$/, '') };
    if (l.page !== undefined) line.page = l.page;
    if (l.role) line.role = l.role;
    if (l.cells) line.cells = l.cells;
    if (l.table !== undefined) line.table = l.table;
    if (l.role === 'list-item') line.text = `- ${line.text.replace(BULLET, '')}`;
    if (l.role === 'code' && src[i - 1]?.role !== 'code') out.push({ line: l.line, text: '```', ...(l.page !== undefined ? { page: l.page } : {}), role: 'code' });
    out.push(line);
    if (l.role === 'code' && src[i + 1]?.role !== 'code') out.push({ line: l.line, text: '```', ...(l.page !== undefined ? { page: l.page } : {}), role: 'code' });
  }
  return out;
}

export function isBlank(l: Line | undefined): boolean {
  return !l || l.text.trim() === '';
}

/** Index of the next non-blank line at or after `from` (or `end` when none before it). */
export function nextContent(lines: Line[], from: number, end = lines.length): number {
  let i = from;
  while (i < end && isBlank(lines[i])) i++;
  return i;
}

export function refOf(file: string, first: Line, last: Line = first): SourceRef {
  const r: SourceRef = { file, line: first.line };
  if (last.line !== first.line) r.endLine = last.line;
  if (first.page !== undefined) r.page = first.page;
  return r;
}

/** Range of lines [start, end) as a SourceRef. */
export function rangeRef(file: string, lines: Line[], start: number, end: number): SourceRef {
  const first = lines[Math.min(start, lines.length - 1)];
  let last = Math.max(start, end - 1);
  while (last > start && isBlank(lines[last])) last--;
  return refOf(file, first, lines[Math.min(last, lines.length - 1)]);
}
