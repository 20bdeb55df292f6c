/**
 * Positioned runs -> visual lines. Runs are taken by position, not drawing order (typesetters draw
 * cells and furniture in any order): sorted by baseline, runs whose baselines agree within a third
 * of their size form one line, read left to right. Inside a line a gap wider than about a space is
 * a space; a gap wider than two em (a dot-leader gap, a right-aligned page number) is a tab.
 */
import type { PdfFont, TextRun } from '../extract/types.ts';
import type { VLine } from './types.ts';

/** A run in top-down page coordinates. */
export interface PRun {
  str: string;
  x: number;
  /** Baseline from the top of the page. */
  y: number;
  width: number;
  size: number;
  font: number;
}

export function toPageRuns(runs: TextRun[], pageHeight: number): PRun[] {
  const out: PRun[] = [];
  for (const r of runs) {
    if (r.str === '') continue;
    out.push({ str: r.str, x: r.x, y: pageHeight - r.y, width: r.width, size: r.size, font: r.font });
  }
  return out;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** Group runs into lines (top to bottom). */
export function groupLines(runs: PRun[], page: number, fonts: PdfFont[]): VLine[] {
  const sorted = runs.filter((r) => !isBlank(r.str)).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PRun[][] = [];
  let cur: PRun[] = [];
  let base = 0;
  let size = 0;
  for (const r of sorted) {
    if (cur.length && Math.abs(r.y - base) <= 0.35 * Math.max(size, r.size)) {
      cur.push(r);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [r];
    base = r.y;
    size = r.size;
  }
  if (cur.length) groups.push(cur);
  const out: VLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    // Split a baseline group where runs overlap (two texts drawn over each other are two lines).
    out.push(makeLine(g, page, fonts));
  }
  return out;
}

export function makeLine(g: PRun[], page: number, fonts: PdfFont[]): VLine {
  let text = '';
  let end = -Infinity;
  let maxSize = 0;
  let boldChars = 0;
  let chars = 0;
  let mono = true;
  let ySum = 0;
  for (const r of g) {
    const s = r.str;
    if (text) {
      const gap = r.x - end;
      const sep = gap > 2 * r.size ? '\t' : gap > 0.18 * r.size && !/\s$/.test(text) && !/^\s/.test(s) ? ' ' : '';
      text += sep;
    }
    text += text ? s : s.trimStart();
    end = Math.max(end, r.x + r.width);
    maxSize = Math.max(maxSize, r.size);
    const n = s.trim().length;
    chars += n;
    if (fonts[r.font]?.bold) boldChars += n;
    if (n && !fonts[r.font]?.mono) mono = false;
    ySum += r.y;
  }
  const first = g[0];
  const lead = first.str.length - first.str.trimStart().length;
  const cw = first.str.length ? first.width / first.str.length : first.size * 0.5;
  const firstTrim = first.str.trimStart();
  return {
    page,
    x: first.x + lead * cw,
    end,
    y: ySum / g.length,
    size: maxSize,
    text: text.replace(/\s+$/, ''),
    bold: chars > 0 && boldChars >= chars * 0.8,
    mono: chars > 0 && mono,
    charWidth: cw,
    firstCharWidth: firstTrim.length ? cw : first.size * 0.5,
  };
}
