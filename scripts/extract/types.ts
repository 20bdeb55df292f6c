/** Output of the extract stage: the document as numbered lines. */
export interface SourceLine {
  /** Text of the line, without the trailing newline. */
  text: string;
  /** 1-based line number in the extracted text (for .txt input: the file's own line number). */
  line: number;
  /** 1-based page number when known. */
  page?: number;
  /** Left x position of the line's first glyph (PDF input only): indentation the text lost. */
  x?: number;
}

export interface SourceDocument {
  /** Path as given by the user / config (used in every diagnostic). */
  file: string;
  kind: 'txt' | 'pdf';
  lines: SourceLine[];
  /** Number of bytes read. */
  bytes: number;
  /** SHA-256 of the bytes read (hex): the manual's content identity, kept in the spec. */
  sha256?: string;
  /** How the text was decoded when it was not UTF-8 (e.g. `utf-16le`). */
  encoding?: string;
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
