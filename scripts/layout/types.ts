/**
 * Hand-offs inside the layout stage: positioned lines of a page (top-down coordinates), and the
 * blocks the stage recognises. Every block knows its page(s); `line`/`endLine` are the numbers of
 * the SourceLines it was emitted as (set by emit.ts).
 */

/** A visual line of text on a page. `y` is the baseline measured from the top of the page. */
export interface VLine {
  page: number;
  x: number;
  /** Right end of the last glyph. */
  end: number;
  y: number;
  size: number;
  text: string;
  bold: boolean;
  mono: boolean;
  /** Width of one character of the line's font (monospace lines: the advance). */
  charWidth: number;
  /** Width of the first character (for the mid-word test of the line before). */
  firstCharWidth: number;
}

export interface Cell {
  /** Paragraphs of the cell, wrapped lines joined. */
  paragraphs: string[];
  /** x of the first glyph (indentation), when the cell has text. */
  x?: number;
  /**
   * Room left on the cell's last line (points to the cell's right limit), and the width the first
   * word of its first line takes (with a space): when a row split across pages is rejoined, the
   * first line on the next page starts a paragraph of its own when its first word would have fitted
   * on the line before the break.
   */
  room?: number;
  firstWord?: number;
}

export interface TableRow {
  cells: Cell[];
  page: number;
  /** Top of the row's band (from the top of its page). */
  y: number;
  header: boolean;
  /** Indentation level of the first cell (set when the table is complete). */
  level?: number;
  /** Indentation of the first cell's text from its column's left rule (points). */
  indent?: number;
  line?: number;
  endLine?: number;
}

export type Block =
  | { kind: 'heading'; text: string; level: number; size: number; page: number; endPage?: number; y: number; x: number; line?: number }
  | { kind: 'paragraph'; text: string; page: number; y: number; x: number; endPage: number; bold: boolean; size: number; line?: number; last?: VLine }
  | { kind: 'list-item'; text: string; page: number; endPage?: number; y: number; x: number; line?: number }
  | { kind: 'code'; lines: string[]; page: number; y: number; x: number; endPage: number; line?: number; endLine?: number }
  | {
      kind: 'table';
      id: number;
      rows: TableRow[];
      /** Column boundaries relative to the table's left edge, on its first page. */
      columns: number[];
      page: number;
      y: number;
      endPage: number;
      /** Bottom of the table on its last page. */
      bottom: number;
      line?: number;
      endLine?: number;
    }
  | { kind: 'toc'; entries: string[]; page: number; y: number; endPage: number };
