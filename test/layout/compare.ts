/**
 * What the layout stage must give back from a typeset ManualLayout, compared block kind by block
 * kind in document order (longest common subsequence, so one miss costs one item, not the rest):
 * headings (printed text), paragraphs and list items, table rows (every cell's paragraphs, the
 * first cell's indentation level, header rows apart), code lines; title page and table of contents
 * are not content.
 */
import type { ManualLayout } from '../harness/layout.ts';
import type { Block } from '../../scripts/layout/types.ts';

export interface KindScore {
  total: number;
  ok: number;
}

export interface LayoutScore {
  headings: KindScore;
  paragraphs: KindScore;
  rows: KindScore;
  headers: KindScore;
  tables: KindScore;
  code: KindScore;
  /** Lines of the output that are not content (leaked furniture, TOC). */
  leaked: number;
  problems: string[];
}

export function emptyLayoutScore(): LayoutScore {
  const k = () => ({ total: 0, ok: 0 });
  return { headings: k(), paragraphs: k(), rows: k(), headers: k(), tables: k(), code: k(), leaked: 0, problems: [] };
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function expected(layout: ManualLayout) {
  const headings: string[] = [];
  const paragraphs: string[] = [];
  const rows: string[] = [];
  const headers: string[] = [];
  const code: string[] = [];
  let tables = 0;
  for (const b of layout.blocks) {
    if (b.kind === 'heading') headings.push(norm(b.number ? `${b.number} ${b.text}` : b.text));
    else if (b.kind === 'paragraph') paragraphs.push(norm(b.text));
    else if (b.kind === 'list') paragraphs.push(...b.items.map(norm));
    else if (b.kind === 'code') code.push(...b.lines.map((l) => l.trimEnd()));
    else if (b.kind === 'table') {
      tables++;
      if (b.caption) paragraphs.push(norm(b.caption));
      headers.push(b.header.map(norm).join(' | '));
      for (const r of b.rows) rows.push(`${r.level}: ${r.cells.map((c) => c.map(norm).filter(Boolean).join(' ¶ ')).join(' | ')}`);
    }
  }
  return { headings, paragraphs, rows, headers, code, tables };
}

function actual(blocks: Block[]) {
  const headings: string[] = [];
  const paragraphs: string[] = [];
  const rows: string[] = [];
  const headers: string[] = [];
  const code: string[] = [];
  let tables = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') headings.push(norm(b.text));
    else if (b.kind === 'paragraph' || b.kind === 'list-item') paragraphs.push(norm(b.text));
    else if (b.kind === 'code') code.push(...b.lines.map((l) => l.trimEnd()));
    else if (b.kind === 'table') {
      tables++;
      for (const r of b.rows) {
        const cells = r.cells.map((c) => c.paragraphs.map(norm).filter(Boolean).join(' ¶ '));
        if (r.header) headers.push(cells.join(' | '));
        else rows.push(`${r.level ?? 0}: ${cells.join(' | ')}`);
      }
    }
  }
  return { headings, paragraphs, rows, headers, code, tables };
}

function lcs(a: string[], b: string[]): { ok: number; missing: string[]; extra: string[] } {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const missing: string[] = [];
  const extra: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) missing.push(a[i++]);
    else extra.push(b[j++]);
  }
  while (i < n) missing.push(a[i++]);
  while (j < m) extra.push(b[j++]);
  return { ok: dp[0][0], missing, extra };
}

export function compareLayout(layout: ManualLayout, blocks: Block[], score: LayoutScore = emptyLayoutScore(), label = ''): LayoutScore {
  const e = expected(layout);
  const a = actual(blocks);
  const problem = (s: string) => {
    if (score.problems.length < 40) score.problems.push(`${label}${s}`);
  };
  for (const k of ['headings', 'paragraphs', 'rows', 'headers', 'code'] as const) {
    // Title-page lines and the TOC title come out as headings: not counted against the stage.
    const got = k === 'headings' ? a.headings.filter((h) => e.headings.includes(h)) : a[k];
    const r = lcs(e[k], got);
    score[k].total += e[k].length;
    score[k].ok += r.ok;
    if (k === 'paragraphs' || k === 'code') score.leaked += r.extra.length;
    for (const x of r.missing.slice(0, 3)) problem(`${k}: missing ${JSON.stringify(x).slice(0, 300)}`);
    for (const x of r.extra.slice(0, 3)) problem(`${k}: extra ${JSON.stringify(x).slice(0, 300)}`);
  }
  score.tables.total += e.tables;
  if (a.tables === e.tables) score.tables.ok += e.tables;
  else problem(`tables: ${a.tables}, expected ${e.tables}`);
  return score;
}
