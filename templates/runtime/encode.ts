/**
 * RFC 3986 percent-encoding: everything except unreserved characters (A-Z a-z 0-9 - _ . ~) is
 * encoded, UTF-8 bytes in upper-case hex. This is the encoding both vendors' signing schemes use.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `a=1&b=2` from ordered pairs, both sides percent-encoded. */
export function encodeQuery(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

/** Parse a query string into ordered pairs (`+` is a literal plus, as in RFC 3986). */
export function decodeQuery(query: string): [string, string][] {
  const q = query.startsWith('?') ? query.slice(1) : query;
  if (!q) return [];
  return q.split('&').map((part) => {
    const i = part.indexOf('=');
    const k = i < 0 ? part : part.slice(0, i);
    const v = i < 0 ? '' : part.slice(i + 1);
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}
