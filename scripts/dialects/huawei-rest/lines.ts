/**
 * The line stream the Huawei constructs read: the document's lines with their numbers, tabs kept
 * (the extraction separates table cells with tabs, and a cell that continues on the next line
 * starts that line with tabs).
 */
import type { SourceDocument } from '../../extract/types.ts';
import type { SourceRef } from '../../model/diagnostic.ts';

export interface Line {
  /** 1-based line number in the document. */
  line: number;
  text: string;
  page?: number;
}

export function readLines(doc: SourceDocument): Line[] {
  return doc.lines.map((l) => {
    const out: Line = { line: l.line, text: l.text.replace(/\r$/, '') };
    if (l.page !== undefined) out.page = l.page;
    return out;
  });
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
