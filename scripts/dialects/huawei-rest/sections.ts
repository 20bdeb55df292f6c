/**
 * Numbered headings ("4.1.1 Creating a Service Mesh") and the operation sections they open.
 *
 * Headings are lines of the form "<n[.n…]> <Title>" without tabs (the table of contents has the
 * same titles followed by a tab and a page number, so it never matches); in a PDF read through the
 * layout stage, never a list item, code or table line. An operation section is a
 * heading whose body has a "URI" label followed by "<METHOD> /path"; its labelled parts (Function,
 * URI, Request Parameters, Response Parameters, Example Request, Example Response, Status Codes,
 * Error Codes) are located by their label lines.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { HttpMethod } from '../../model/types.ts';
import { type Line, isBlank, nextContent, refOf } from './lines.ts';
import { stripLatexHeading } from './repair.ts';

export interface Heading {
  /** "4.1.1" */
  number: string;
  title: string;
  depth: number;
  /** Index into the lines. */
  index: number;
}

export interface Section {
  heading: Heading;
  /** First line after the heading. */
  start: number;
  /** End (exclusive): the next heading of the same or a higher level, or the end of the text. */
  end: number;
}

const HEADING = /^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\s+([^\s\d][^\t]{0,99})$/;
/** A contents entry: title, tab, page number (sometimes garbled: "1C"). */
const TOC_ENTRY = /\t\s*[0-9ivxlcdIVXLCD]{1,4}\s*$/;

export function findHeadings(lines: Line[], file: string, diags: Diagnostic[]): Heading[] {
  const out: Heading[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i].text;
    if (/^\s*```/.test(text)) fence = !fence;
    // A PDF read through the layout stage says what a line is: a list item, a code or table line
    // is never a heading (a heading set in body type comes as a paragraph).
    if (fence || text.includes('\t') || (lines[i].role && lines[i].role !== 'heading' && lines[i].role !== 'paragraph')) continue;
    const latex = stripLatexHeading(text);
    if (latex) {
      diags.push(diag('heading-markup-removed', 'info', `heading written as LaTeX markup "${text.trim()}" read as "${latex}"`, refOf(file, lines[i])));
      text = latex;
    }
    const m = HEADING.exec(text);
    if (!m || /[.:;,。：；，]$/.test(m[2].trim())) continue;
    // A heading stands alone: a blank line (or nothing) before or after it; one of the two may be
    // lost in extraction. A line among contents entries is an entry that lost its page number.
    if (!isBlank(lines[i - 1]) && !isBlank(lines[i + 1])) continue;
    if ([lines[i - 1], lines[i + 1], lines[i - 2], lines[i + 2]].some((l) => l && TOC_ENTRY.test(l.text))) continue;
    const depth = m[1].split('.').length;
    out.push({ number: m[1], title: m[2].trim(), depth, index: i });
  }
  // The same number twice: the earlier is a contents entry (the contents come first).
  const last = new Map<string, number>();
  out.forEach((h, k) => last.set(h.number, k));
  return out.filter((h, k) => last.get(h.number) === k);
}

/** The section a heading opens: up to the next heading of the same or a higher level. */
export function sectionOf(headings: Heading[], h: Heading, total: number): Section {
  const next = headings.find((x) => x.index > h.index && x.depth <= h.depth);
  return { heading: h, start: h.index + 1, end: next ? next.index : total };
}

/** The leaf sections: up to the next heading of any level. */
export function leafSectionOf(headings: Heading[], h: Heading, total: number): Section {
  const next = headings.find((x) => x.index > h.index);
  return { heading: h, start: h.index + 1, end: next ? next.index : total };
}

/**
 * The labelled parts of an operation section, each with the spellings manuals use. Labels the
 * dialect does not read (Calling Method, Authorization Information …) still end the part before.
 */
const PART_VOCABULARY: [PartLabel, string[]][] = [
  ['Function', ['function', 'functions', 'api description']],
  ['URI', ['uri', 'request uri', 'url']],
  ['Request Parameters', ['request parameters', 'request parameter', 'request', 'request message']],
  ['Response Parameters', ['response parameters', 'response parameter', 'response', 'response message']],
  ['Example Request', ['example request', 'example requests', 'request example', 'request examples', 'example of a request']],
  ['Example Response', ['example response', 'example responses', 'response example', 'response examples', 'example of a response']],
  ['Status Codes', ['status codes', 'status code', 'return codes']],
  ['Error Codes', ['error codes', 'error code']],
  ['Other', ['calling method', 'authorization information', 'authorization', 'constraints', 'restrictions', 'debugging', 'sdk sample code', 'sample code', 'api explorer', 'precautions', 'prerequisites']],
];

export const PART_LABELS = ['Function', 'URI', 'Request Parameters', 'Response Parameters', 'Example Request', 'Example Response', 'Status Codes', 'Error Codes', 'Other'] as const;
export type PartLabel = (typeof PART_LABELS)[number];

/** The part a label line opens ("Request Example" -> Example Request), or undefined. */
export function partLabel(text: string): PartLabel | undefined {
  if (text.includes('\t')) return undefined;
  const key = text.replace(/\*\*/g, '').replace(/[:：]\s*$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return PART_VOCABULARY.find(([, spellings]) => spellings.includes(key))?.[0];
}

export interface OperationSection extends Section {
  method: HttpMethod;
  path: string;
  /** Index of the "METHOD /path" line. */
  uriIndex: number;
  /** Label -> [start, end) of its body. */
  parts: Map<PartLabel, { label: number; start: number; end: number }>;
  /** Parent heading (the group, e.g. "4.1 Service Mesh APIs"), when there is one. */
  group?: Heading;
}

const URI_LINE = /^\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\/\S*)\s*$/;

export function findOperationSections(lines: Line[], headings: Heading[], file: string, diags: Diagnostic[]): OperationSection[] {
  const out: OperationSection[] = [];
  for (const h of headings) {
    const sec = leafSectionOf(headings, h, lines.length);
    const labelAt = new Map<PartLabel, number>();
    const others: number[] = [];
    let fence = false;
    for (let i = sec.start; i < sec.end; i++) {
      if (/^\s*```/.test(lines[i].text)) fence = !fence;
      if (fence) continue;
      const label = partLabel(lines[i].text);
      if (label === 'Other') others.push(i);
      else if (label && !labelAt.has(label)) labelAt.set(label, i);
    }
    let uriIndex = -1;
    const uriLabel = labelAt.get('URI');
    if (uriLabel !== undefined) {
      const j = nextContent(lines, uriLabel + 1, sec.end);
      if (j < sec.end && URI_LINE.test(lines[j].text)) uriIndex = j;
    }
    if (uriIndex < 0) {
      // The label can be lost in extraction: accept a bare "METHOD /path" line in the section.
      for (let i = sec.start; i < sec.end; i++) {
        if (URI_LINE.test(lines[i].text) && /^\s*\S+\s+\/v\d/.test(lines[i].text)) {
          uriIndex = i;
          diags.push(diag('uri-label-missing', 'warning', `"${lines[i].text.trim()}" has no "URI" label before it; read as the operation's URI`, refOf(file, lines[i])));
          break;
        }
      }
    }
    if (uriIndex < 0) continue;
    for (let i = uriIndex + 1; i < sec.end; i++) {
      if (URI_LINE.test(lines[i].text) && /^\s*\S+\s+\/v\d/.test(lines[i].text)) {
        diags.push(diag('uri-extra', 'warning', `a second URI "${lines[i].text.trim()}" inside "${h.title}" (a lost heading?); only the first is read`, refOf(file, lines[i])));
      }
    }
    const m = URI_LINE.exec(lines[uriIndex].text)!;
    const sorted = [...labelAt.entries(), ...others.map((i) => ['Other', i] as [PartLabel, number])].sort((a, b) => a[1] - b[1]);
    const parts = new Map<PartLabel, { label: number; start: number; end: number }>();
    sorted.forEach(([label, idx], k) => {
      if (label !== 'Other') parts.set(label, { label: idx, start: idx + 1, end: k + 1 < sorted.length ? sorted[k + 1][1] : sec.end });
    });
    const group = [...headings].reverse().find((x) => x.index < h.index && x.depth < h.depth);
    const op: OperationSection = { ...sec, method: m[1].toLowerCase() as HttpMethod, path: m[2], uriIndex, parts };
    if (group) op.group = group;
    out.push(op);
  }
  return out;
}

/** Lines of a part, trimmed of blank lines, as plain text paragraphs. */
export function partText(lines: Line[], range: { start: number; end: number } | undefined): Line[] {
  if (!range) return [];
  return lines.slice(range.start, range.end).filter((l) => !isBlank(l));
}
