/**
 * Alibaba Cloud RPC signature, as the manual's "Make API requests" section lays out the request:
 * every parameter (common ones included: Format, Version, AccessKeyId, SignatureMethod=HMAC-SHA1,
 * SignatureVersion=1.0, SignatureNonce, Timestamp) travels in the query string, and `Signature` is
 *
 *   base64(HMAC-SHA1(key = AccessKeySecret + "&",
 *                    data = METHOD + "&" + enc("/") + "&" + enc(sorted "k=v" pairs joined by "&")))
 *
 * where enc is RFC 3986 percent-encoding and the pairs are sorted by parameter name.
 */
import { createHmac } from 'node:crypto';
import { decodeQuery, encodeQuery, percentEncode } from './encode.js';
import type { BuiltRequest } from './types.js';
import type { AlibabaCredentials } from './credentials.js';

export const RPC_SIGNING_PARAMS = [
  'AccessKeyId',
  'Format',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'SecurityToken',
  'Timestamp',
] as const;

/** Values and parameter names of the signature; the spec's x-refspec-signing supplies them. */
export interface RpcSigningSettings {
  signatureMethod?: string;
  signatureVersion?: string;
  format?: string;
  accessKeyIdParameter?: string;
  signatureParameter?: string;
  methodParameter?: string;
  versionParameter?: string;
  nonceParameter?: string;
  timestampParameter?: string;
}

/** ISO 8601 UTC without milliseconds: 2012-06-01T12:00:00Z. */
export function rpcTimestamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The canonicalised query: pairs sorted by name (code-unit order), RFC 3986 encoded. */
export function canonicalizeRpc(params: Record<string, string>): string {
  const keys = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`).join('&');
}

export function rpcStringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizeRpc(params))}`;
}

export function rpcSignature(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params)).digest('base64');
}

/**
 * Add the common signing parameters and the signature to an unsigned RPC request. Parameters
 * already present (e.g. Version from the builder) are kept.
 */
export function signRpcRequest(
  req: BuiltRequest,
  credentials: AlibabaCredentials,
  ctx: { now: Date; nonce: string },
  settings: RpcSigningSettings = {},
): BuiltRequest {
  const q = req.url.indexOf('?');
  const base = q < 0 ? req.url : req.url.slice(0, q);
  const pairs = q < 0 ? [] : decodeQuery(req.url.slice(q + 1));
  const params: Record<string, string> = {};
  for (const [k, v] of pairs) params[k] = v;
  const common: [string, string][] = [
    ['Format', settings.format ?? 'JSON'],
    [settings.accessKeyIdParameter ?? 'AccessKeyId', credentials.accessKeyId],
    [settings.methodParameter ?? 'SignatureMethod', settings.signatureMethod ?? 'HMAC-SHA1'],
    [settings.versionParameter ?? 'SignatureVersion', settings.signatureVersion ?? '1.0'],
    [settings.nonceParameter ?? 'SignatureNonce', ctx.nonce],
    [settings.timestampParameter ?? 'Timestamp', rpcTimestamp(ctx.now)],
  ];
  const token = credentials.securityToken;
  if (token) common.push(['SecurityToken', token]);
  for (const [k, v] of common) {
    if (!(k in params)) {
      params[k] = v;
      pairs.push([k, v]);
    }
  }
  const signature = rpcSignature(req.method, params, credentials.accessKeySecret);
  pairs.push([settings.signatureParameter ?? 'Signature', signature]);
  return { ...req, url: `${base}?${encodeQuery(pairs)}` };
}
