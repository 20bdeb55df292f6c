import { InputError, type SourceDocument, type SourceLine } from './types.ts';
import { splitLines } from './text.ts';

/**
 * Extract a PDF with pdf-parse (pdf.js underneath), one SourceLine per text line, each with its
 * page number. Corrupt and truncated PDFs become InputErrors; a PDF whose pages hold no text is
 * refused as well (scanned manuals need OCR, which is not our job).
 */
export async function extractPdf(file: string, bytes: Uint8Array): Promise<SourceDocument> {
  if (bytes.length === 0) throw new InputError(file, 'file is empty');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(file, 'not a PDF (no %PDF- header)');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new InputError(file, 'truncated PDF (no %%EOF trailer)');
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  let pages: { num: number; text: string }[];
  try {
    const result = await parser.getText({ pageJoiner: '' });
    pages = result.pages.map((p) => ({ num: p.num, text: p.text }));
  } catch (err) {
    throw new InputError(file, `corrupt PDF (${firstLine(err)})`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const lines: SourceLine[] = [];
  for (const p of pages) {
    for (const l of splitLines(p.text, p.num, lines.length + 1)) lines.push(l);
  }
  if (!lines.some((l) => l.text.trim() !== '')) {
    throw new InputError(file, 'PDF has no extractable text (scanned images?)');
  }
  return { file, kind: 'pdf', lines, bytes: bytes.length };
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0].slice(0, 160);
}
