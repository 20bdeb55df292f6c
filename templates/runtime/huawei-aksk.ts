/**
 * Huawei Cloud AK/SK request signing (SDK-HMAC-SHA256, the scheme of the APIG signing SDK):
 *
 *   CanonicalRequest = METHOD \n CanonicalURI (each segment encoded, trailing "/") \n
 *                      CanonicalQuery (sorted, encoded) \n CanonicalHeaders (lower-case "k:v\n",
 *                      sorted) \n SignedHeaders (lower-case names joined by ";") \n hex(sha256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 *   Authorization    = SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<…>, Signature=hex(HMAC-SHA256(SK, StringToSign))
 */
import { createHash, createHmac } from 'node:crypto';
import { decodeQuery, percentEncode } from './encode.js';
import type { BuiltRequest } from './types.js';
import type { HuaweiAkSkCredentials } from './credentials.js';

export const AKSK_ALGORITHM = 'SDK-HMAC-SHA256';

/** 20250528T120000Z */
export function sdkDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function sha256Hex(data: string | Uint8Array): string {
  return typeof data === 'string' ? createHash('sha256').update(data, 'utf8').digest('hex') : createHash('sha256').update(data).digest('hex');
}

/** The bytes the signature covers: text and byte bodies; a Blob or FormData cannot be read synchronously. */
function bodyBytes(body: BuiltRequest['body']): string | Uint8Array {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return body ?? '';
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new Error('AK/SK signing needs the body as text or bytes (a Blob or multipart body cannot be signed)');
}

export function canonicalUri(pathname: string): string {
  const segments = pathname.split('/').map((s) => percentEncode(decodeURIComponent(s)));
  const joined = segments.join('/');
  return joined.endsWith('/') ? joined : `${joined}/`;
}

export function canonicalQuery(search: string): string {
  const pairs = decodeQuery(search);
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  const keys = [...byKey.keys()].sort();
  const out: string[] = [];
  for (const k of keys) for (const v of [...byKey.get(k)!].sort()) out.push(`${percentEncode(k)}=${percentEncode(v)}`);
  return out.join('&');
}

export interface AkSkParts {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
}

/** The intermediate strings and signature for a request whose headers already carry X-Sdk-Date and host. */
export function akskParts(req: BuiltRequest, sk: string): AkSkParts {
  const url = new URL(req.url);
  const names = Object.keys(req.headers).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  const canonicalHeaders = names.map((n) => `${n.toLowerCase()}:${req.headers[n].trim()}\n`).join('');
  const signedHeaders = names.map((n) => n.toLowerCase()).join(';');
  const date = req.headers['X-Sdk-Date'] ?? '';
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    sha256Hex(bodyBytes(req.body)),
  ].join('\n');
  const stringToSign = [AKSK_ALGORITHM, date, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', sk).update(stringToSign, 'utf8').digest('hex');
  return { canonicalRequest, stringToSign, signedHeaders, signature };
}

/** Sign a request with AK/SK: adds X-Sdk-Date, host, X-Project-Id (when known) and Authorization. */
export function signAkSkRequest(req: BuiltRequest, credentials: HuaweiAkSkCredentials, ctx: { now: Date }): BuiltRequest {
  const url = new URL(req.url);
  const headers: Record<string, string> = { ...req.headers, 'X-Sdk-Date': sdkDate(ctx.now), host: url.host };
  if (credentials.projectId && !Object.keys(headers).some((h) => h.toLowerCase() === 'x-project-id')) {
    headers['X-Project-Id'] = credentials.projectId;
  }
  if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken;
  const signed = { ...req, headers };
  const parts = akskParts(signed, credentials.secretAccessKey);
  headers.Authorization = `${AKSK_ALGORITHM} Access=${credentials.accessKeyId}, SignedHeaders=${parts.signedHeaders}, Signature=${parts.signature}`;
  return signed;
}
