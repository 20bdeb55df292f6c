/** Output of the extract stage: the document as numbered lines (text) or as page geometry (PDF). */
export interface SourceLine {
  /** Text of the line, without the trailing newline. Table rows: the cells joined by tabs. */
  text: string;
  /** 1-based line number in the extracted text (for .txt input: the file's own line number). */
  line: number;
  /** 1-based page number when known. */
  page?: number;
  /** Left x position of the line's first glyph (PDF input only): indentation the text lost. */
  x?: number;
  /**
   * What the layout stage recognised the line as (PDF input; absent for text input, where the
   * dialects keep their own heuristics). See scripts/layout/README in ARCHITECTURE.md.
   */
  role?: LineRole;
  /** Heading level (1 = chapter), for `role: 'heading'`. */
  headingLevel?: number;
  /**
   * Table rows (`table-header`, `table-row`): the text of every cell, the lines of a wrapped cell
   * joined (with no space where a word was broken at the cell edge), paragraphs of a cell
   * separated by "\n".
   */
  cells?: string[];
  /** Table rows: indentation level of the first cell (0 = flush with the column). */
  level?: number;
  /** Table rows and continuations: which table of the document (1-based, joined across pages). */
  table?: number;
}

export type LineRole = 'heading' | 'paragraph' | 'list-item' | 'code' | 'table-header' | 'table-row' | 'table-continuation';

/** A positioned run of text as pdf.js reports it (user-space units, y grows upwards). */
export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (height of the glyph box). */
  size: number;
  /** Index into PdfGeometry.fonts. */
  font: number;
}

export interface PdfFont {
  /** The font's PostScript name without subset prefix ("DejaVuSans-Bold"), else pdf.js's id. */
  name: string;
  bold: boolean;
  italic: boolean;
  /** Monospaced: by name, by pdf.js's family, or because every run advances the same per glyph. */
  mono: boolean;
}

/** An axis-aligned ruling line (x0 = x1: vertical; y0 = y1: horizontal), y upwards. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  /** Runs in content-stream order (the order the typesetter drew them). */
  runs: TextRun[];
  rules: PdfRule[];
  /** Ruling lines beyond the per-page limit, ignored. */
  rulesDropped?: number;
}

export interface PdfGeometry {
  pages: PdfPage[];
  fonts: PdfFont[];
}

export interface SourceDocument {
  /** Path as given by the user / config (used in every diagnostic). */
  file: string;
  kind: 'txt' | 'pdf';
  /** Lines (text input; PDF input once the layout stage has run). */
  lines: SourceLine[];
  /** Number of bytes read. */
  bytes: number;
  /** SHA-256 of the bytes read (hex): the manual's content identity, kept in the spec. */
  sha256?: string;
  /** How the text was decoded when it was not UTF-8 (e.g. `utf-16le`). */
  encoding?: string;
  /** PDF input: the geometry the layout stage reads. */
  pdf?: PdfGeometry;
}

/** Raised for input that cannot be processed at all: the CLI prints `message` and exits 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputError';
  }
}
