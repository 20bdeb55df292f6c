/** Character-class tests on UTF-16 code units, for scanners that avoid a RegExp per character. */

/**
 * White space as /\s/ sees it. Printable ASCII and Latin-1 letters answer after one comparison
 * (the common case in a manual's text); the rest is the full list.
 */
export function isSpace(c: number): boolean {
  if (c > 32 && c < 160) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
