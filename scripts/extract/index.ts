import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extractText } from './text.ts';
import { extractPdf, type PdfLimits } from './pdf.ts';
import { InputError, type SourceDocument } from './types.ts';

export { InputError } from './types.ts';
export type { SourceDocument, SourceLine } from './types.ts';
export { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdf.ts';

/** Default refusal threshold for a single input document. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface ExtractOptions {
  /** Refuse documents larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
  /** Name to use in diagnostics instead of the path. */
  displayName?: string;
  /** Page / text / inflation limits for PDF input (PDF bomb guard). */
  pdfLimits?: Partial<PdfLimits>;
}

/** Read a document from disk and extract its lines. Throws InputError for unusable input. */
export async function extractFile(path: string, opts: ExtractOptions = {}): Promise<SourceDocument> {
  const name = opts.displayName ?? path;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new InputError(name, 'not a regular file');
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(name, 'cannot read file (does it exist?)');
  }
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > max) {
    throw new InputError(name, `file is ${size} bytes, over the ${max}-byte limit (raise it with --max-bytes)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputError(name, 'cannot read file');
  }
  return extractBytes(name, bytes, opts);
}

/** Extract from bytes already in memory; the kind is decided by content, not by the file name. */
export async function extractBytes(name: string, bytes: Uint8Array, opts: ExtractOptions = {}): Promise<SourceDocument> {
  if (bytes.length === 0) throw new InputError(name, 'file is empty');
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  let doc: SourceDocument;
  if (head.startsWith('%PDF-')) doc = await extractPdf(name, bytes, opts.pdfLimits);
  else if (/\.pdf$/i.test(name)) throw new InputError(name, 'not a PDF (no %PDF- header)');
  else doc = extractText(name, bytes);
  doc.sha256 ??= createHash('sha256').update(bytes).digest('hex');
  return doc;
}
