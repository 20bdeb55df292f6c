import type { Line } from './lines.ts';

/** Runs of consecutive non-blank content lines: the paragraphs / cells of the extraction. */
export type Block = Line[];

export function toBlocks(lines: Line[]): Block[] {
  const out: Block[] = [];
  let cur: Block = [];
  for (const l of lines) {
    if (l.furniture) continue;
    if (l.text.trim() === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

export const OPERATION_NAME = /^[A-Z][a-z0-9]*(?:[A-Z]+[a-z0-9]*)+$/;
