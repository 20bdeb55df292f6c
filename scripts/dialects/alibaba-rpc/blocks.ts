import type { Line } from './lines.ts';

/**
 * Runs of consecutive non-blank content lines: the paragraphs / cells of the extraction. A table
 * row of the layout stage (PDF input) starts a block of its own, as blank lines separate the rows
 * of the text extraction.
 */
export type Block = Line[];

export function toBlocks(lines: Line[]): Block[] {
  const out: Block[] = [];
  let cur: Block = [];
  for (const l of lines) {
    if (l.furniture) continue;
    if (l.cells && cur.length) {
      out.push(cur);
      cur = [];
    }
    if (l.text.trim() === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

export const OPERATION_NAME = /^[A-Z][a-z0-9]*(?:[A-Z]+[a-z0-9]*)+$/;
