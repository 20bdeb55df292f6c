/**
 * Escaping of document-derived text for every place generated output puts it. Each function is
 * total: any input yields text that cannot end its container (comment, literal, HTML element).
 */

/**
 * Bidirectional-text controls (LRE…RLO U+202A–U+202E, isolates U+2066–U+2069, LRM/RLM/ALM):
 * raw in source they make code read differently from how it runs ("Trojan Source"). Generated
 * TypeScript spells them as `\uXXXX`: an escape inside a string literal (same value), visible
 * text inside a comment.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function spellBidi(text: string): string {
  return text.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text inside a JSDoc / block comment: `*\/` cannot close it, line separators cannot break it. */
export function commentText(text: string): string {
  return spellBidi(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A TypeScript string literal (double-quoted) for any string. */
export function stringLiteral(text: string): string {
  return spellBidi(JSON.stringify(text))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** HTML text / attribute content. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Inline Markdown text: no raw HTML, no accidental emphasis / code / links / table breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/([\\`*_{}[\]()#+!|$~])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n+/g, ' ');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function markdownFence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}
