/**
 * Page furniture in the text of a PDF: the running footer ("Issue 01 (2025-06-12)  Copyright © …
 * 23", or the page number on a line of its own) and the running header ("<Product> API Reference
 * 4 API") that the extraction leaves at every page break, also in the middle of a table or a code
 * block. Found by repetition, never by the words of one manual:
 *
 * 1. Page counters: lines that are the same text apart from one number, seen three times or more
 *    outside code blocks, where that number grows along the document (a page number). Bare numbers
 *    that grow ("23", "24", …) are page numbers too.
 * 2. Around each counter (across blank lines), the lines that repeat at page breaks: text seen at
 *    two or more page breaks and nowhere else (at least four in five of its occurrences sit beside
 *    a counter). Table header rows, captions and headings never qualify: they repeat at page breaks
 *    because tables continue there, and the table reader needs them.
 *
 * The lines are blanked (kept as empty lines, so line numbers do not move): a table interrupted by
 * a page break then reads as rows, blank lines, rows.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { Line } from './lines.ts';

/**
 * A table row: a name cell (one identifier, maybe split by the wrap) and further cells. A running
 * header or footer that carries tabs starts with words ("Issue 01 (2025-06-12)", "<Product> API
 * Reference"), never with a field name; a row that ends a page at three page breaks is still a row.
 */
function rowLike(text: string): boolean {
  const cells = text.split('\t');
  if (cells.length < 2) return false;
  const first = cells[0].trim();
  return /^[A-Za-z_][A-Za-z0-9_.-]*(?:-? [A-Za-z0-9_.-]+)?$/.test(first) && (cells.length >= 3 || !first.includes(' '));
}

/** Where furniture sits: at most this many non-blank furniture lines on each side of a counter. */
const WINDOW = 4;

function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Indexes of lines inside ``` fences. */
function fenced(lines: Line[]): Set<number> {
  const out = new Set<number>();
  let open = false;
  lines.forEach((l, i) => {
    if (/^\s*```/.test(l.text)) {
      open = !open;
      return;
    }
    if (open) out.add(i);
  });
  return out;
}

/**
 * Lines that are one page counter repeated: same text, one number that grows, mostly by one page
 * at a time (table numbers and heading numbers also grow, but in bigger steps, and they are
 * structural lines, which never count).
 */
function counters(lines: Line[], code: Set<number>, structural: (text: string) => boolean): Set<number> {
  const groups = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = norm(l.text);
    if (!t || code.has(i) || /^\t/.test(l.text) || !/\d/.test(t) || t.length > 200 || structural(l.text)) return;
    // Cells keep their tabs: "\t\t\t20" (a value under "Default Value") is not a page number.
    const key = (l.text.includes('\t') ? `${l.text.split('\t').length}\t` : '') + t.replace(/\d+/g, '#');
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const out = new Set<number>();
  for (const [key, idx] of groups) {
    if (idx.length < 3) continue;
    const numbers = idx.map((i) => norm(lines[i].text).match(/\d+/g)!.map(Number));
    const width = numbers[0].length;
    if (numbers.some((n) => n.length !== width)) continue;
    const varying = [...Array(width).keys()].filter((k) => numbers.some((n) => n[k] !== numbers[0][k]));
    if (varying.length !== 1) continue;
    const k = varying[0];
    const grows = numbers.every((n, j) => j === 0 || n[k] > numbers[j - 1][k]);
    const steps = numbers.slice(1).map((n, j) => n[k] - numbers[j][k]).sort((a, b) => a - b);
    if (steps[Math.floor(steps.length / 2)] > 3) continue;
    // Pages are long: consecutive page numbers are many lines apart (a list "- 0", "- 1", "- 2" is not).
    const gaps = idx.slice(1).map((x, j) => x - idx[j]).sort((a, b) => a - b);
    if (gaps[Math.floor(gaps.length / 2)] < 10) continue;
    // And there is one on every page: a counter seen a few times in a long text is a row that
    // happens to repeat with a growing number ("Array of Table 5-55 objects", "… 5-56 …").
    if (idx.length * 200 < lines.length || (lines.length > 600 && idx[idx.length - 1] - idx[0] < lines.length / 2)) continue;
    // A bare number is a page number only when it also stays small against the line count.
    if (!grows || (key === '#' && numbers.some((n) => n[k] > lines.length))) continue;
    for (const i of idx) out.add(i);
  }
  return out;
}

export interface FurnitureOptions {
  /** Is this line a table header row, a caption or a heading (never furniture)? */
  structural: (text: string) => boolean;
}

/** Blank the furniture lines in place; returns how many were removed (diagnostic page-furniture-removed). */
export function removeFurniture(lines: Line[], file: string, diags: Diagnostic[], opts: FurnitureOptions): number {
  const code = fenced(lines);
  const counter = counters(lines, code, opts.structural);
  if (!counter.size) return 0;
  // Every non-blank line within WINDOW non-blank lines of a counter line.
  const near = new Set<number>();
  for (const c of counter) {
    for (const dir of [-1, 1]) {
      let seen = 0;
      for (let i = c + dir; i >= 0 && i < lines.length && seen < WINDOW; i += dir) {
        if (!lines[i].text.trim()) continue;
        if (counter.has(i)) break;
        near.add(i);
        seen++;
      }
    }
  }
  const occurrences = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = norm(l.text);
    // A line led by a tab continues a table cell; running headers and footers start at the margin.
    if (!t || /^\t/.test(l.text)) return;
    const g = occurrences.get(t);
    if (g) g.push(i);
    else occurrences.set(t, [i]);
  });
  const furniture = new Set<number>(counter);
  const texts: string[] = [];
  for (const [text, idx] of occurrences) {
    if (idx.length < 2 || opts.structural(lines[idx[0]].text) || rowLike(lines[idx[0]].text)) continue;
    const beside = idx.filter((i) => near.has(i));
    // A line with tabs could be a table row that happens to end a page twice: it needs three.
    if (beside.length < (text.includes(' ') && lines[idx[0]].text.includes('\t') ? 3 : 2) || beside.length * 5 < idx.length * 4) continue;
    for (const i of beside) furniture.add(i);
    texts.push(text);
  }
  // The chapter part of a running header changes ("… API Reference  2 API Overview", "…  4 API"):
  // a line beside a counter that is a repeated furniture line with another chapter is one too.
  const chapterless = (t: string) => t.replace(/\s\d{1,2}(?:\.\d{1,2})*\s+[^\t]{1,80}$/, '');
  const headers = new Set(texts.map(chapterless).filter((t, k) => t.length >= 8 && t !== texts[k]));
  for (const i of near) {
    if (furniture.has(i) || /^\t/.test(lines[i].text) || rowLike(lines[i].text) || opts.structural(lines[i].text)) continue;
    const t = norm(lines[i].text);
    const c = chapterless(t);
    if (c !== t && headers.has(c)) furniture.add(i);
  }
  const removed: Line[] = [];
  for (const i of [...furniture].sort((a, b) => a - b)) {
    if (!counter.has(i) && !near.has(i)) continue;
    removed.push({ ...lines[i] });
    lines[i] = { ...lines[i], text: '' };
  }
  if (removed.length) {
    const examples = [...new Set(removed.map((l) => norm(l.text).replace(/\d+$/, '#')))].slice(0, 3);
    diags.push(
      diag(
        'page-furniture-removed',
        'info',
        `${removed.length} running header/footer lines removed at ${counter.size} page breaks (they repeat at every page break, also inside tables): ${examples.map((e) => `"${e}"`).join(', ')}`,
        { file, line: removed[0].line, endLine: removed[removed.length - 1].line },
      ),
    );
  }
  return removed.length;
}

