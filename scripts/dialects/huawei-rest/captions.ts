/**
 * What a table is for, read from its caption by meaning: the words that vary between manuals
 * (request / response, body / header / query / path / URI, parameters / elements / fields) decide,
 * not one phrasing. "Parameters in the request body", "Request body parameters", "Request Body
 * Parameters" and "Request parameters" are all the request body; "Table 4-7 MeshCluster" names a
 * structure. Captions that fit no role are reported by the caller (table-caption-unrecognised).
 */

export type TableRole =
  | 'path'
  | 'query'
  | 'header'
  | 'response-header'
  | 'request-body'
  | 'response-body'
  | 'status-codes'
  | 'error-codes'
  | 'endpoints'
  | 'api-list'
  | 'structure'
  | 'unknown';

function words(caption: string): Set<string> {
  return new Set(
    caption
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((w) => (/(?:us|ss|is)$/.test(w) ? w : w.replace(/s$/, ''))),
  );
}

/** A caption that is an identifier ("MeshMetadata", "ClusterSpec", "metadata"): a structure's name. */
export function isIdentifierCaption(caption: string | undefined): boolean {
  return !!caption && /^[A-Za-z][A-Za-z0-9_]*$/.test(caption.trim()) && !/^(parameters?|elements?|fields?|description)$/i.test(caption.trim());
}

export function captionRole(caption: string | undefined): TableRole {
  if (!caption) return 'unknown';
  if (isIdentifierCaption(caption)) return 'structure';
  const w = words(caption);
  const has = (...xs: string[]) => xs.some((x) => w.has(x));
  const described = has('parameter', 'element', 'field', 'body', 'description', 'structure');
  if (has('path', 'uri') && described) return 'path';
  if (has('query') && described) return 'query';
  if (has('header') && has('response')) return 'response-header';
  if (has('header') && described) return 'header';
  if (has('request') && described) return 'request-body';
  if (has('response') && described) return 'response-body';
  if (has('status') && has('code')) return 'status-codes';
  if (has('error') && has('code')) return 'error-codes';
  if (has('endpoint', 'region')) return 'endpoints';
  if (/\bAPIs?$/.test(caption.trim())) return 'api-list';
  return 'unknown';
}
