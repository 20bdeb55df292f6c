/**
 * Security schemes from the "Authentication" section: one per authentication method the section
 * lists ("- Token-based authentication: …", "- AK/SK-based authentication: …").
 *
 * - Token: the section says to "add the X-Auth-Token header" -> apiKey in that header.
 * - AK/SK: requests are signed with an access key pair. The section names neither the signing
 *   algorithm nor the header that carries the signature, so `x-refspec-signing` records what it
 *   does say (credentials, body limit, signing SDK) and marks the rest as not documented.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { JsonValue, SecuritySchemeModel } from '../../model/types.ts';
import { pascal } from '../../openapi/context.ts';
import { type Line, isBlank, rangeRef, refOf } from './lines.ts';
import { tidyProse } from './repair.ts';
import type { Section } from './sections.ts';

const METHOD = /^\s*-\s*((?:[A-Za-z/]+-based|[A-Za-z/]+) authentication):\s*(.+)$/i;

export interface AuthResult {
  schemes: SecuritySchemeModel[];
  /** Default requirement: any one of the schemes. */
  security: string[][];
  /** Header names that are credentials, not parameters ("X-Auth-Token"). */
  credentialHeaders: Map<string, string>;
}

export function parseAuthentication(lines: Line[], sec: Section | undefined, file: string, diags: Diagnostic[]): AuthResult {
  const result: AuthResult = { schemes: [], security: [], credentialHeaders: new Map() };
  if (!sec) {
    diags.push(diag('auth-section-missing', 'warning', 'no "Authentication" section found; the spec declares no security scheme', { file, line: 1 }));
    return result;
  }
  const body = lines.slice(sec.start, sec.end);
  for (const l of body) {
    const m = METHOD.exec(l.text);
    if (!m) continue;
    const title = m[1];
    // The subsection that details the method: a standalone line "Token-based Authentication"
    // (a bold label, or a numbered heading "3.2.1 Token-based Authentication").
    const subIdx = body.findIndex((x) => subTitle(x.text) === title.toLowerCase() && x !== l);
    const subEnd = subIdx < 0 ? -1 : body.findIndex((x, i) => i > subIdx && METHOD_TITLE.test(stripNumber(x.text)) && subTitle(x.text) !== title.toLowerCase());
    const sub = subIdx < 0 ? [] : body.slice(subIdx + 1, subEnd < 0 ? body.length : subEnd);
    const subText = sub.map((x) => x.text).join('\n');
    const heading = subIdx >= 0 ? stripNumber(body[subIdx].text) : title;
    const name = pascal(heading);
    const source = subIdx >= 0 ? rangeRef(file, lines, sec.start + subIdx, sec.start + (subEnd < 0 ? body.length : subEnd)) : refOf(file, l);
    const header = tokenHeader(subIdx >= 0 ? subText : body.map((x) => x.text).join('\n'));
    if (/token/i.test(title) && header) {
      const validity = /validity period of a token is ([^.]+)\./i.exec(subText)?.[1];
      result.schemes.push({
        name,
        type: 'apiKey',
        in: 'header',
        parameterName: header,
        description: tidyProse(`${m[2]} The token goes in the ${header} header.${validity ? ` A token is valid for ${validity}.` : ''}`),
        source,
      });
      result.credentialHeaders.set(header.toLowerCase(), name);
      result.security.push([name]);
    } else if (/AK\/SK/i.test(title)) {
      const limit = /body not larger than (\d+\s*[KMG]B)/i.exec(subText)?.[1];
      const credentials: Record<string, JsonValue> = {};
      for (const x of sub) {
        const c = /^\s*-\s*(AK|SK):\s*(.+)$/.exec(x.text);
        if (c) credentials[c[1]] = tidyProse(c[2]);
      }
      const signing: Record<string, JsonValue> = {
        method: 'AK/SK',
        credentials,
        algorithm: null,
        signatureHeader: null,
        documented: 'The manual does not name the signing algorithm or the header carrying the signature; it refers to the signing SDK.',
      };
      if (limit) signing.maxBodySize = limit.replace(/\s+/g, ' ');
      if (/signing SDK/i.test(subText)) signing.sdk = 'signing SDK (separate from the service SDKs)';
      result.schemes.push({
        name,
        type: 'http',
        scheme: 'AK-SK',
        description: tidyProse(`${m[2]} Requests are signed with an access key ID (AK) and secret access key (SK); the signature is added to the request.${limit ? ` Bodies up to ${limit}; larger requests should use token authentication.` : ''}`),
        signing,
        source,
      });
      result.security.push([name]);
      diags.push(diag('signing-undocumented', 'warning', `${heading}: the manual names neither the signing algorithm nor the header that carries the signature; x-refspec-signing leaves them null and the scheme is declared as http "AK-SK"`, source));
    } else {
      diags.push(diag('auth-method-unmapped', 'warning', `authentication method "${title}" is listed but the section gives no header or signing rule for it`, refOf(file, l)));
    }
  }
  if (!result.schemes.length && !isBlank(body[0])) {
    diags.push(diag('auth-section-unread', 'warning', 'the Authentication section lists no method this dialect recognises', rangeRef(file, lines, sec.start, sec.end)));
  }
  return result;
}

const METHOD_TITLE = /^[A-Za-z/]+(?:-based)? Authentication$/i;

function stripNumber(text: string): string {
  return text.trim().replace(/^\d{1,2}(?:\.\d{1,2}){1,3}\s+/, '');
}

/** A line's text as a method title ("3.2.1 Token-based Authentication" -> "token-based authentication"). */
function subTitle(text: string): string {
  return stripNumber(text).replace(/\*\*/g, '').toLowerCase();
}

/**
 * The header that carries the token, however the sentence puts it ("add the X-Auth-Token header",
 * "put the token in the X-Auth-Token header", "carried in the X-Auth-Token field of the request
 * header", "include it in the request header X-Auth-Token"): a sentence that speaks of a header (or
 * field) and names an X-… header; one that also speaks of the token wins.
 */
export function tokenHeader(text: string): string | undefined {
  const sentences = text.replace(/\*\*/g, '').split(/(?<=[.:;])\s+|\n/);
  let best: { name: string; score: number } | undefined;
  for (const s of sentences) {
    if (!/\bheader\b|\bfield\b/i.test(s)) continue;
    const m = /\b(X-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)\b/.exec(s);
    if (!m || /^X-(?:Project|Domain)-ID$/i.test(m[1])) continue;
    const score = (/\btoken\b/i.test(s) ? 2 : 0) + (/\btoken\b/i.test(m[1]) ? 1 : 0);
    if (!best || score > best.score) best = { name: m[1], score };
  }
  return best?.name;
}

/**
 * No token scheme from the Authentication section (missing, or worded beyond recognition): the
 * common request headers list may still say which header carries a user token ("- X-Auth-Token:
 * specifies a user token."). That header is then the token scheme, with a warning.
 */
export function tokenSchemeFromHeaders(lines: Line[], result: AuthResult, file: string, diags: Diagnostic[]): void {
  if (result.credentialHeaders.size) return;
  for (const l of lines) {
    const m = /^\s*-\s*\*{0,2}(X-[A-Za-z0-9-]+)\*{0,2}\s*:\s*(.*\btoken\b.*)$/i.exec(l.text);
    if (!m || /subject/i.test(m[1])) continue;
    const name = 'TokenBasedAuthentication';
    result.schemes.unshift({ name, type: 'apiKey', in: 'header', parameterName: m[1], description: tidyProse(`${m[2]} The token goes in the ${m[1]} header.`), source: refOf(file, l) });
    result.security.unshift([name]);
    result.credentialHeaders.set(m[1].toLowerCase(), name);
    diags.push(diag('auth-from-headers', 'warning', `no token authentication rule read from an Authentication section; the request header ${m[1]} ("${tidyProse(m[2]).slice(0, 60)}") is taken as the token scheme`, refOf(file, l)));
    return;
  }
}
