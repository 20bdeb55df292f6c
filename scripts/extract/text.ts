import { createHash } from 'node:crypto';
import { InputError, type SourceDocument, type SourceLine } from './types.ts';

/** Fraction of control characters above which a "text" file is treated as binary. */
const MAX_CONTROL_RATIO = 0.01;

/**
 * Decode a plain-text manual (text already extracted from the vendor's PDF). Rejects empty and
 * binary input with an InputError; never throws anything else.
 */
export function extractText(file: string, bytes: Uint8Array): SourceDocument {
  if (bytes.length === 0) throw new InputError(file, 'file is empty');
  let text: string;
  // UTF-16 with a byte-order mark (what Windows tools call "Unicode"): decoded, not called binary.
  const utf16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && looksLikeBomlessUtf16(bytes)) throw new InputError(file, 'looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)');
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (utf16) throw new InputError(file, `${utf16.toUpperCase()} text (byte-order mark) with invalid sequences; save it as UTF-8`);
    throw new InputError(file, 'not UTF-8 text (binary data?)');
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new InputError(file, 'binary data (NUL bytes) in a text document');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control / text.length > MAX_CONTROL_RATIO) {
    throw new InputError(file, 'binary data (control characters) in a text document');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(file, 'file has no text (only white space)');
  return {
    file,
    kind: 'txt',
    lines: splitLines(text),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(utf16 ? { encoding: utf16 } : {}),
  };
}

/** UTF-16 without a BOM: ASCII text leaves a NUL in every other byte of the first kilobytes. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 16) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > 0.9 * half && even < 0.05 * half) || (even > 0.9 * half && odd < 0.05 * half);
}

export function splitLines(text: string, page?: number, firstLine = 1): SourceLine[] {
  // A plain "\n" split when the text has no carriage returns (the common case, and much faster).
  const raw = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const formFeeds = text.includes('\f');
  const out: SourceLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    // Form feeds mark page breaks in some extractions; they carry no text.
    const t = raw[i];
    const line: SourceLine = { text: formFeeds && t.includes('\f') ? t.replace(/\f/g, '') : t, line: firstLine + i };
    if (page !== undefined) line.page = page;
    out.push(line);
  }
  return out;
}
