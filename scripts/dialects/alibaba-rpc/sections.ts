/**
 * Operation sections. Headings are not reliable (the extraction moved them to the end of the page
 * the section starts on, and lost some altogether), so sections are cut at two robust landmarks:
 * the "For a list of error codes, visit the API Error Center." trailer that closes every section,
 * and the summary paragraph in front of each "Debugging" block that opens one. A stretch of
 * content between them without a "Debugging" block is a section that lost its heading and
 * boilerplate (DescribeUserPermissions is only table rows and samples).
 */
import type { Line } from './lines.ts';
import { isTrailer, squash } from './landmarks.ts';
import { startsRow, TABLE_HEADER } from './tables.ts';

export interface Section {
  /** Indices into the classified lines: [start, end). */
  start: number;
  end: number;
  /** Index of the "Debugging" line, when the section has one. */
  debugging?: number;
  /** Summary paragraph lines (before "Debugging"). */
  summary: Line[];
  /** Names the section is called by, with where each came from. */
  evidence: { name: string; kind: 'heading' | 'action-row' | 'sample-request' | 'explorer-link'; line: number }[];
  /** The chapter the section is in (last chapter breadcrumb seen before its end). */
  chapter?: string;
}

const SAMPLE_REQUEST = /^https?(?:\(s\))?:\/\/\S*\/\?/;
/** The operation a sample request calls. */
const ACTION = /[?&]\s?Action=\s?([A-Za-z0-9]+)/;
/** A line of a sample request: its URL, a `&Name=value` line, the "…" that ends the front matter's. */
const REQUEST_LINE = /^(?:&|https?:)|…$/;

export function findSections(lines: Line[], from: number): Section[] {
  const cuts = new Set<number>();
  const debugAt: number[] = [];
  let lastCut = from;
  let sawRequest = false;
  /** The current section has shown its opening (Debugging, the Explorer paragraph, its table). */
  let opened = false;
  for (let i = from; i < lines.length; i++) {
    const t = lines[i].text.trim();
    if (lines[i].furniture) continue;
    if (t.includes('rror codes') && isTrailer(t)) {
      cuts.add(i + 1);
      lastCut = i + 1;
      sawRequest = false;
      opened = false;
    } else if (t === 'Debugging' || (!opened && isOpener(t))) {
      if (t === 'Debugging') debugAt.push(i);
      // Normally a section runs from the previous trailer. A stretch with a sample request but no
      // trailer before this summary is a section of its own that lost its boilerplate. Without
      // "Debugging" (lost in extraction) the first of the Explorer paragraph, the "Request
      // parameters" label, the request table's header and its Action row opens the section.
      const start = summaryStart(lines, i, lastCut);
      if (sawRequest || !cuts.size) cuts.add(start);
      lastCut = start;
      sawRequest = false;
      opened = true;
    } else if (t.includes('/?') && SAMPLE_REQUEST.test(t)) sawRequest = true;
  }
  if (!cuts.size) return [];
  const orphan = headedFirstSection(lines, from, Math.min(...cuts));
  if (orphan !== undefined) cuts.add(orphan);
  const first = Math.min(...[...cuts].filter((c) => c >= from));
  const sorted = [...cuts].filter((c) => c >= first).sort((a, b) => a - b);
  sorted.push(lines.length);
  const out: Section[] = [];
  let chapter: string | undefined;
  // debugAt is ascending and so are the sections: walk it alongside instead of searching it.
  let d = 0;
  for (let s = 0; s < sorted.length - 1; s++) {
    const start = sorted[s];
    const end = sorted[s + 1];
    if (end <= start) continue;
    const body = lines.slice(start, end);
    if (!body.some((l) => !l.furniture && l.text.trim() !== '')) continue;
    while (d < debugAt.length && debugAt[d] < start) d++;
    const dbg = d < debugAt.length && debugAt[d] < end ? debugAt[d] : undefined;
    const summary = dbg !== undefined ? lines.slice(start, dbg) : [];
    const sec: Section = { start, end, summary, evidence: collectEvidence(body) };
    if (dbg !== undefined) sec.debugging = dbg;
    for (const l of body) if (l.furniture === 'chapter') chapter = l.value;
    // A chapter breadcrumb lands at the end of the chapter's first page: sections before it on that
    // page belong to the previous chapter, which we only know from the next breadcrumb. Keep the
    // chapter in force at the section's first heading instead.
    const headingIdx = body.findIndex((l) => l.furniture === 'heading');
    const chapterBefore = body.slice(0, headingIdx < 0 ? body.length : headingIdx + 1).reverse().find((l) => l.furniture === 'chapter');
    sec.chapter = chapterBefore?.value ?? chapter;
    out.push(sec);
  }
  return out;
}

/**
 * Where the first section starts when it lost every opening landmark (summary, "Debugging", labels,
 * table header, Action row): the first cut is then the trailer that closes it, and everything before
 * would be dropped. Its numbered heading, when it survived, opens it, on the word of a sample
 * request after it calling the operation the heading names (the front matter's example request
 * before it sits under a heading of its own: "Make API requests"). Headings land at the end of their
 * page, so the section's rows may stand above the heading, right after the front matter's example
 * request: they are its rows when a row ("Name Type …") is the first thing after that request.
 */
function headedFirstSection(lines: Line[], from: number, firstCut: number): number | undefined {
  let h = firstCut - 1;
  while (h >= from && !(lines[h].furniture === 'heading' && lines[h].value)) h--;
  if (h < from) return undefined;
  const name = lines[h].value;
  const called = lines.slice(h + 1, firstCut).some((x) => !x.furniture && SAMPLE_REQUEST.test(x.text.trim()) && ACTION.exec(x.text)?.[1] === name);
  if (!called) return undefined;
  // (A heading wrapped after its number is two heading lines: start at the first.)
  const start = h > from && lines[h - 1].furniture === 'heading' && lines[h - 1].value === name ? h - 1 : h;
  let k = start - 1;
  while (k >= from && (lines[k].furniture || !REQUEST_LINE.test(lines[k].text.trim()))) k--;
  if (k < from) return start;
  let r = k + 1;
  while (r < start && (lines[r].furniture || lines[r].text.trim() === '')) r++;
  const t = lines[r].text.trim();
  return r < start && /\s/.test(t) && startsRow(t) ? r : start;
}

/** Lines that open a section whose "Debugging" label was lost. */
function isOpener(t: string): boolean {
  const c0 = t.charCodeAt(0);
  if (c0 === 79) return t.startsWith('OpenAPI Explorer automatically');
  if (c0 === 82) return t === 'Request parameters';
  if (c0 === 80) return TABLE_HEADER.test(t) && t.includes('Required');
  // The request table's first row, when even its header was lost.
  if (c0 === 65) return /^Action\s+String\s+Yes\b/.test(squash(t));
  return false;
}

/** The summary paragraph: the content lines right above "Debugging", back to a blank line. */
function summaryStart(lines: Line[], debugging: number, floor: number): number {
  let i = debugging - 1;
  while (i >= floor && (lines[i].furniture || lines[i].text.trim() === '')) i--;
  let start = debugging;
  // (Not a sample: a line closing JSON / XML, a request line, the "…" that ends the front matter's
  // example request.)
  while (i >= floor && !lines[i].furniture && lines[i].text.trim() !== '' && !/[}\]>]$/.test(lines[i].text.trim()) && !REQUEST_LINE.test(lines[i].text.trim())) {
    start = i;
    i--;
  }
  return start;
}

function collectEvidence(body: Line[]): Section['evidence'] {
  const ev: Section['evidence'] = [];
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    if (l.furniture === 'heading' && l.value) ev.push({ name: l.value, kind: 'heading', line: l.line });
    if (l.furniture === 'explorer-link' && l.value) ev.push({ name: l.value, kind: 'explorer-link', line: l.line });
    const m = l.text.includes('Action=') ? ACTION.exec(l.text) : null;
    if (m && !l.furniture) ev.push({ name: m[1], kind: 'sample-request', line: l.line });
  }
  return ev;
}
