/**
 * Page furniture of Alibaba manuals and the cleaned line stream the other constructs read.
 *
 * The text extraction leaves, at the end of every page: a breadcrumb of the chapter ("5.ASM
 * instance") and the section that starts on the page ("5.1. CreateServiceMesh"), a running header
 * ("Alibaba Cloud Service Mesh API Reference·ASM inst ance"), a footer ("> Document  Version:
 * 20220712 50") and the OpenAPI Explorer link of the page. Content lines of a new page start with
 * one space. None of that is content; tables run straight across it.
 */
import type { SourceDocument } from '../../extract/types.ts';
import { isSpace } from '../../util/chars.ts';

export type Furniture = 'running-header' | 'footer' | 'chapter' | 'heading' | 'explorer-link' | 'doc-link';

export interface Line {
  /** Index into the document's lines (0-based). */
  index: number;
  /** 1-based line number in the document. */
  line: number;
  page?: number;
  /** Text with the page-start space and trailing white space removed. */
  text: string;
  /** Left edge of the line on the page (PDF input): the indentation nested table rows keep. */
  x?: number;
  furniture?: Furniture;
  /** For `heading`: section number and operation name; for `chapter`: title; for links: api name. */
  value?: string;
  /**
   * The extraction put one space before the line: a page's first line, or a bullet whose glyph was
   * lost ("  true : exposes the API server…").
   */
  lead?: boolean;
  /** From the layout stage (PDF input): table cells, first-cell level, role, table number. */
  cells?: string[];
  level?: number;
  role?: string;
  table?: number;
}

/**
 * "<Product> API Reference·<chapter>" (even pages) or "API Reference·<chapter> <Product>" (odd
 * pages): whatever the product is called.
 */
const RUNNING_HEADER = /^(?:[A-Z][^·]{0,100}?\s)?API Reference·/;
const FOOTER = /^(?:\d+\s+)?>\s*Document\s+Version:\s*\d+(?:\s+\d+)?$/;
const CHAPTER = /^(\d{1,2})\.([A-Z][A-Za-z ]+)$/;
const HEADING = /^(\d{1,2}\.\d{1,2})\.\s+([A-Z][A-Za-z0-9]+)$/;
const EXPLORER = /^https:\/\/api\.aliyun\.com\/#product=\w+&api=(\w+)/;
const DOC_LINK = /^https:\/\/www\.alibabacloud\.com\/help\/doc-detail\/\S+#doc-api-\w+-(\w+)$/;
/** Other page-end links: the API Error Center page of the product. */
const PAGE_LINK = /^https:\/\/error-center\.alibabacloud\.com\/\S*$/;
/** Breadcrumb of a topic that is not an operation ("4.1. Install and use ASM CLI"). */
const TOPIC_HEADING = /^\d{1,2}\.\d{1,2}\.\s+[A-Z][A-Za-z0-9 -]{2,60}[A-Za-z0-9]$/;
const FOOTER_PAGE = /(\d+)\s*$|^(\d+)\s+>/;
/** Labels of an operation section (never the tail of a wrapped running header). */
const SECTION_LABEL = /^(Debugging|Request parameters|Response parameters|Examples?|Sample requests?|Sample success responses|Error codes)$/;

export function classifyLines(doc: SourceDocument): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < doc.lines.length; i++) {
    const src = doc.lines[i];
    // trimEnd removes what /\s+$/ would (white space and line terminators), without a RegExp.
    let raw = src.text.trimEnd();
    const lead = raw.charCodeAt(0) === 32 && raw.length > 1 && !isSpace(raw.charCodeAt(1));
    if (lead) raw = raw.slice(1);
    const l = makeLine(i, src.line, raw, src.page, src.x);
    if (lead) l.lead = true;
    if (src.role) {
      l.role = src.role;
      l.cells = src.cells;
      l.level = src.level;
      l.table = src.table;
    }
    let m: RegExpExecArray | null;
    // Every furniture pattern starts with a digit, ">", "A" or "h": other lines are content.
    const c0 = raw.charCodeAt(0);
    // (or, for a running header naming some other product, holds "API Reference·").
    if (!((c0 >= 48 && c0 <= 57) || c0 === 62 || c0 === 65 || c0 === 104) && !(raw.length < 200 && raw.includes('Reference·'))) {
      out.push(l);
      continue;
    }
    if (RUNNING_HEADER.test(raw)) {
      l.furniture = 'running-header';
      // A header that wrapped ("API Reference·Creat e an AccessKey" / "pair", "…·Connect" / "ion
      // operat ions") takes its tail along: a few lower-case words, no page-start space.
      const nextRaw = doc.lines[i + 1]?.text ?? '';
      const next = nextRaw.trim();
      if (next && nextRaw.charCodeAt(0) !== 32 && /^[A-Za-z]+(?: [A-Za-z]+){0,7}$/.test(next) && next.length < 40 && !SECTION_LABEL.test(next)) {
        out.push(l);
        i++;
        const tail = makeLine(i, doc.lines[i].line, next, doc.lines[i].page, undefined);
        tail.furniture = 'running-header';
        out.push(tail);
        continue;
      }
    } else if (FOOTER.test(raw)) {
      l.furniture = 'footer';
      const pm = FOOTER_PAGE.exec(raw.replace(/Version:\s*\d+/, 'Version:'));
      if (pm) l.value = pm[1] ?? pm[2];
    } else if ((m = HEADING.exec(raw))) {
      l.furniture = 'heading';
      l.value = m[2];
    } else if (/^\d{1,2}\.\d{1,2}\.$/.test(raw) && /^\s?[A-Z][A-Za-z0-9]+$/.test(doc.lines[i + 1]?.text ?? '')) {
      // A heading wrapped after its number ("9.2." / "DescribeNamespaceScopeSidecarConfig").
      l.furniture = 'heading';
      const name = doc.lines[i + 1].text.trim();
      l.value = name;
      out.push(l);
      i++;
      const tail = makeLine(i, doc.lines[i].line, name, doc.lines[i].page, undefined);
      tail.furniture = 'heading';
      tail.value = name;
      out.push(tail);
      continue;
    } else if ((m = CHAPTER.exec(raw)) && raw.length < 40) {
      l.furniture = 'chapter';
      l.value = m[2].trim();
    } else if ((m = EXPLORER.exec(raw))) {
      l.furniture = 'explorer-link';
      l.value = m[1];
    } else if ((m = DOC_LINK.exec(raw))) {
      l.furniture = 'doc-link';
      l.value = m[1];
    } else if (PAGE_LINK.test(raw)) {
      l.furniture = 'doc-link';
    } else if (TOPIC_HEADING.test(raw)) {
      l.furniture = 'heading';
    }
    out.push(l);
  }
  return out;
}

/**
 * Every Line has the same properties in the same order (absent ones undefined), so the many
 * functions that read lines see one object shape and V8 keeps their property access fast.
 */
function makeLine(index: number, line: number, text: string, page: number | undefined, x: number | undefined): Line {
  return { index, line, page, x, text, furniture: undefined, value: undefined, lead: undefined, cells: undefined, level: undefined, role: undefined, table: undefined };
}

/** Content lines only (furniture removed), keeping original numbering. */
export function contentLines(lines: Line[]): Line[] {
  return lines.filter((l) => !l.furniture);
}
