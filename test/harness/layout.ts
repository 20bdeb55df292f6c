/**
 * A generated manual as vendor-neutral blocks, before it is typeset: each vendor's document builder
 * (test/harness/<vendor>/document.ts) turns an Api into these blocks in its vendor's layout, and the
 * typesetters turn the same blocks into a damaged text extraction (test/harness/<vendor>/text.ts,
 * vendor-specific: it imitates that vendor's extraction) or a PDF with real geometry
 * (test/harness/pdf.ts, shared: ruled tables, wrapped cells, indented child rows, repeated header
 * rows, odd/even running headers and footers, a table of contents, monospace samples).
 *
 * Test code only: nothing in scripts/ may import it.
 */

export type ManualBlock =
  /** Title page lines (product name, "API Reference", document version / issue). */
  | { kind: 'title'; lines: string[] }
  /** Table of contents; the typesetter fills page numbers (PDF) or prints them with dot leaders. */
  | { kind: 'toc'; title: string; entries: { level: number; text: string }[] }
  /**
   * A heading. `number` is printed before the text ("5.1.", "4.2.3"). `chapter` marks a heading
   * that starts a chapter (the running header names it; PDFs start it on a new page).
   */
  | { kind: 'heading'; level: number; number?: string; text: string; chapter?: boolean }
  | { kind: 'paragraph'; text: string; style?: 'body' | 'bold' | 'note' }
  /** Bulleted list items. */
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      /** "Table 4-4 Request body parameters" (Huawei), absent for Alibaba tables. */
      caption?: string;
      header: string[];
      /** Relative column widths (any unit; the typesetter scales them to the page). */
      widths: number[];
      rows: TableRow[];
    }
  /** Monospace sample block (JSON, XML, an HTTP request line …). */
  | { kind: 'code'; lines: string[] }
  | { kind: 'page-break' };

export interface TableRow {
  /** Nesting level of the row (0 = top); child rows are indented in the first column. */
  level: number;
  /** One entry per column; each cell is a list of paragraphs (the typesetter wraps them). */
  cells: string[][];
}

/** Running header / footer text for a page (odd and even pages may differ). */
export interface PageFurniture {
  header?: { left?: string; right?: string };
  footer?: { left?: string; right?: string };
}

export interface ManualLayout {
  blocks: ManualBlock[];
  /** What the running header and footer say on a page, given its number and current chapter. */
  furniture(page: number, chapter: string | undefined): PageFurniture;
}
