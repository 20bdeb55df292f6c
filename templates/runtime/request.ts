/**
 * Pure request building shared by every generated builder: parameter serialisation (OpenAPI
 * styles form / spaceDelimited / pipeDelimited / deepObject / simple / label / matrix with
 * explode and allowReserved; the RPC forms JSON-string, repeat-list and flat), path templating, cookies,
 * the server URL and its variables, and the body by media type (JSON, form-urlencoded, multipart
 * through the platform's FormData, text, bytes).
 */
import type { BuildOptions, BuiltRequest, EncodingDescriptor, OperationDescriptor, ParamDescriptor, ParamStyle, RequestBody, ServerInfo } from './types.js';
import { encodeQuery, percentEncode } from './encode.js';

export class BuildError extends Error {
  constructor(
    readonly operationId: string,
    message: string,
  ) {
    super(`${operationId}: ${message}`);
    this.name = 'BuildError';
  }
}

/** Scalar -> wire text. Numbers use JavaScript's shortest round-trip form. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Blob) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

/** RPC flattening (`x-refspec-serialization`): `Name.1=a`, `Name.1.Key=v`, `Name.Key=v` … */
export function flatten(prefix: string, value: unknown, out: [string, string][]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(`${prefix}.${i + 1}`, v, out));
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(`${prefix}.${k}`, v, out);
  } else {
    out.push([prefix, scalarText(value)]);
  }
}

/** RPC style (everything in the query): the (name, value) pairs one parameter contributes to the query (not yet encoded). */
export function serializeRpcParam(p: ParamDescriptor, value: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (value === undefined || value === null) return out;
  if (p.style === 'json') out.push([p.name, typeof value === 'string' ? value : JSON.stringify(value)]);
  else if (Array.isArray(value) || (p.style !== 'plain' && typeof value === 'object' && !(value instanceof Date))) flatten(p.name, value, out);
  else if (typeof value === 'object' && !(value instanceof Date)) out.push([p.name, JSON.stringify(value)]);
  else out.push([p.name, scalarText(value)]);
  return out;
}

const RESERVED_KEPT = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/g;

/** RFC 3986 encoding; with allowReserved the reserved characters that cannot end a query value stay as they are. */
function enc(text: string, allowReserved = false): string {
  const e = percentEncode(text);
  return allowReserved ? e.replace(RESERVED_KEPT, (m) => decodeURIComponent(m)) : e;
}

const DEFAULT_STYLE: Record<ParamDescriptor['in'], ParamStyle> = { query: 'form', cookie: 'form', path: 'simple', header: 'simple' };

function styleOf(p: { in: ParamDescriptor['in']; style: ParamStyle; explode?: boolean }): { style: ParamStyle; explode: boolean } {
  const style = p.style === 'plain' ? DEFAULT_STYLE[p.in] : p.style;
  return { style, explode: p.explode ?? style === 'form' };
}

/**
 * deepObject: `name[key]=v` (brackets literal, as the OpenAPI examples write them; names and keys
 * encoded), nested objects and arrays by further brackets (`name[a][0]=v`).
 */
function deepPairs(name: string, value: unknown, out: string[], allowReserved: boolean): void {
  if (value === undefined) return;
  if (Array.isArray(value)) value.forEach((v, i) => deepPairs(`${name}[${i}]`, v, out, allowReserved));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) deepPairs(`${name}[${percentEncode(k)}]`, v, out, allowReserved);
  else out.push(`${name}=${enc(scalarText(value), allowReserved)}`);
}

/**
 * REST query / form pairs of one value, encoded, with literal delimiters (`ids=1,2`, `ids=1|2`),
 * so a delimiter inside a value stays distinguishable from one between values.
 */
export function queryPairs(p: { name: string; in: ParamDescriptor['in']; style: ParamStyle; explode?: boolean; allowReserved?: boolean }, value: unknown): string[] {
  const out: string[] = [];
  if (value === undefined || value === null) return out;
  const n = percentEncode(p.name);
  const ar = p.allowReserved ?? false;
  if (p.style === 'json') return [`${n}=${enc(typeof value === 'string' ? value : JSON.stringify(value), ar)}`];
  if (p.style === 'repeat-list' || p.style === 'flat') {
    const pairs: [string, string][] = [];
    if (typeof value === 'object' && !(value instanceof Date)) flatten(p.name, value, pairs);
    else pairs.push([p.name, scalarText(value)]);
    return pairs.map(([k, v]) => `${percentEncode(k)}=${enc(v, ar)}`);
  }
  const { style, explode } = styleOf(p);
  if (style === 'deepObject') {
    deepPairs(n, value, out, ar);
    return out;
  }
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined).map((v) => enc(scalarText(v), ar));
    if (explode) for (const v of items) out.push(`${n}=${v}`);
    else out.push(`${n}=${items.join(delimiter)}`);
  } else if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (explode) for (const [k, v] of entries) out.push(`${percentEncode(k)}=${enc(scalarText(v), ar)}`);
    else out.push(`${n}=${entries.map(([k, v]) => `${enc(k, ar)}${delimiter}${enc(scalarText(v), ar)}`).join(delimiter)}`);
  } else {
    out.push(`${n}=${enc(scalarText(value), ar)}`);
  }
  return out;
}

/** Path segment of one parameter: simple (`a,b`), label (`.a.b`) or matrix (`;id=a;id=b`). */
export function pathValue(p: ParamDescriptor, value: unknown): string {
  if (p.style === 'json') return percentEncode(typeof value === 'string' ? value : JSON.stringify(value));
  const { style, explode } = styleOf(p);
  const e = (v: unknown) => percentEncode(scalarText(v));
  const n = percentEncode(p.name);
  if (Array.isArray(value)) {
    const items = value.map(e);
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? items.map((v) => `;${n}=${v}`).join('') : `;${n}=${items.join(',')}`;
    return items.join(',');
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    const pairs = entries.map(([k, v]) => (explode ? `${percentEncode(k)}=${e(v)}` : `${percentEncode(k)},${e(v)}`));
    if (style === 'label') return `.${pairs.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? pairs.map((x) => `;${x}`).join('') : `;${n}=${pairs.join(',')}`;
    return pairs.join(',');
  }
  if (style === 'label') return `.${e(value)}`;
  if (style === 'matrix') return `;${n}=${e(value)}`;
  return e(value);
}

/** Header value (simple style): `a,b`, `k=v,k2=v2` (exploded) or `k,v,k2,v2`. */
export function headerValue(p: ParamDescriptor, value: unknown): string {
  if (p.style === 'json') return typeof value === 'string' ? value : JSON.stringify(value);
  const { explode } = styleOf(p);
  if (Array.isArray(value)) return value.map(scalarText).join(',');
  if (isRecord(value)) return Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => (explode ? `${k}=${scalarText(v)}` : `${k},${scalarText(v)}`)).join(',');
  return scalarText(value);
}

/** `name=value` of a cookie (arrays and objects comma-joined, values RFC 3986 encoded). */
export function cookiePair(p: ParamDescriptor, value: unknown): string {
  const e = (v: unknown) => percentEncode(scalarText(v));
  let text: string;
  if (p.style === 'json') text = percentEncode(typeof value === 'string' ? value : JSON.stringify(value));
  else if (Array.isArray(value)) text = value.map(e).join(',');
  else if (isRecord(value)) text = Object.entries(value).filter(([, v]) => v !== undefined).flatMap(([k, v]) => [percentEncode(k), e(v)]).join(',');
  else text = e(value);
  return `${percentEncode(p.name)}=${text}`;
}

/** Add a cookie to the headers (one Cookie header, pairs joined by "; "). */
export function addCookie(headers: Record<string, string>, pair: string): void {
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'cookie');
  if (name) headers[name] = `${headers[name]}; ${pair}`;
  else headers.Cookie = pair;
}

/** How a media type is written: JSON (also `+json`), form, multipart, text (also XML) or bytes. */
export function mediaKind(contentType: string): 'json' | 'form' | 'multipart' | 'text' | 'binary' {
  const t = contentType.split(';')[0].trim().toLowerCase();
  if (t === 'application/json' || t.endsWith('+json') || t === 'text/json') return 'json';
  if (t === 'application/x-www-form-urlencoded') return 'form';
  if (t.startsWith('multipart/')) return 'multipart';
  if (t.startsWith('text/') || t === 'application/xml' || t.endsWith('+xml') || t === 'application/javascript' || t === 'application/yaml' || t === 'application/x-yaml') return 'text';
  return 'binary';
}

/** application/x-www-form-urlencoded: each property as a query parameter with its Encoding Object (form, exploded, by default). */
export function formBody(value: Record<string, unknown>, encoding: Record<string, EncodingDescriptor> = {}): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const e = Object.hasOwn(encoding, k) ? encoding[k] : {};
    out.push(...queryPairs({ name: k, in: 'query', style: e.style ?? 'form', explode: e.explode ?? (e.style === undefined || e.style === 'form'), allowReserved: e.allowReserved ?? false }, v));
  }
  return out.join('&');
}

function bytesOf(value: unknown): Uint8Array | ArrayBuffer | undefined {
  if (value instanceof ArrayBuffer || value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}

function appendPart(form: FormData, name: string, value: unknown, contentType: string | undefined): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) appendPart(form, name, v, contentType);
    return;
  }
  // A File keeps its name; a bare Blob is named after the field (servers tell files by a filename).
  const fileName = (v: Blob) => (typeof File !== 'undefined' && v instanceof File && v.name ? v.name : name);
  if (value instanceof Blob) {
    const blob = contentType && !value.type && !contentType.includes('*') ? new Blob([value], { type: contentType }) : value;
    form.append(name, blob, fileName(value));
    return;
  }
  const bytes = bytesOf(value);
  if (bytes) {
    form.append(name, new Blob([bytes as BlobPart], { type: contentType && !contentType.includes('*') ? contentType : 'application/octet-stream' }), name);
    return;
  }
  const text = isRecord(value) ? JSON.stringify(value) : scalarText(value);
  // A part with a declared media type other than text travels as such; plain fields as text.
  if (contentType && !/^text\/plain\b/i.test(contentType) && !contentType.includes('*')) form.append(name, new Blob([text], { type: contentType }), name);
  else form.append(name, text);
}

/** multipart/form-data through the platform's FormData: files as Blob / File, arrays as repeated parts, objects as JSON. */
export function multipartBody(value: Record<string, unknown>, encoding: Record<string, EncodingDescriptor> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(value)) {
    // An Encoding Object may list several types (`image/png, image/jpeg`): none is imposed then.
    const declared = Object.hasOwn(encoding, k) ? encoding[k].contentType?.trim() : undefined;
    appendPart(form, k, v, declared && !declared.includes(',') ? declared : undefined);
  }
  return form;
}

function encodeBody(op: OperationDescriptor, value: unknown): { body: RequestBody; contentType?: string } {
  const declared = op.body!.contentType;
  const kind = mediaKind(declared);
  switch (kind) {
    case 'json':
      return { body: typeof value === 'string' ? value : JSON.stringify(value), contentType: declared };
    case 'form':
      if (typeof value === 'string') return { body: value, contentType: declared };
      if (value instanceof URLSearchParams) return { body: value.toString(), contentType: declared };
      if (!isRecord(value)) throw new BuildError(op.operationId, `a ${declared} body must be an object`);
      return { body: formBody(value, op.body!.encoding), contentType: declared };
    case 'multipart':
      // No Content-Type: fetch writes it with the boundary.
      if (value instanceof FormData) return { body: value };
      if (!isRecord(value)) throw new BuildError(op.operationId, `a ${declared} body must be an object (or a FormData)`);
      return { body: multipartBody(value, op.body!.encoding) };
    case 'text':
      if (typeof value === 'string') return { body: value, contentType: declared };
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return { body: String(value), contentType: declared };
      throw new BuildError(op.operationId, `a ${declared} body is sent as text: pass a string`);
    default: {
      const concrete = declared.includes('*') ? undefined : declared;
      if (value instanceof Blob) return { body: value, contentType: concrete ?? (value.type || 'application/octet-stream') };
      const bytes = bytesOf(value);
      if (bytes) return { body: bytes, contentType: concrete ?? 'application/octet-stream' };
      if (typeof value === 'string') return { body: value, contentType: concrete ?? 'application/octet-stream' };
      throw new BuildError(op.operationId, `a ${declared} body must be a Blob, bytes (ArrayBuffer / Uint8Array) or a string`);
    }
  }
}

/** The server URL with its variables filled in (given values first, then the spec's defaults). */
export function serverUrl(server: ServerInfo, variables: Record<string, string> = {}): string {
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = Object.hasOwn(variables, name) ? variables[name] : server.variables[name];
    if (v === undefined) throw new Error(`the server URL ${server.url} needs "${name}": pass { endpoint } or { serverVariables: { ${JSON.stringify(name)}: … } }`);
    return v;
  });
}

function joinUrl(endpoint: string, path: string, query: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/**
 * Build one request. `input` holds the operation's parameters under their input keys (the
 * documented names unless renamed) and the body under `body`. Without `options.endpoint` the URL
 * starts with the operation's (else the document's) first server.
 */
export function buildRequest(
  op: OperationDescriptor,
  input: Record<string, unknown>,
  options: BuildOptions = {},
  servers: readonly ServerInfo[] = [],
): BuiltRequest {
  const rpc = op.style === 'rpc';
  const query: string[] = [];
  const rpcPairs: [string, string][] = [];
  const headers: Record<string, string> = {};
  let path = op.path;
  for (const p of op.params) {
    const key = p.key ?? p.name;
    // Own properties only: an unset parameter called `constructor` / `toString` / `__proto__` is unset.
    const given = Object.hasOwn(input, key) ? input[key] : undefined;
    const value = p.const !== undefined ? (given ?? p.const) : given;
    if (value === undefined || value === null) {
      if (p.required) throw new BuildError(op.operationId, `missing required parameter "${key}"`);
      continue;
    }
    if (p.in === 'path') {
      path = path.split(`{${p.name}}`).join(pathValue(p, value));
    } else if (p.in === 'header') {
      const text = headerValue(p, value);
      if (/[\r\n\0]/.test(text)) throw new BuildError(op.operationId, `header parameter "${key}" contains a line break`);
      headers[p.name] = text;
    } else if (p.in === 'cookie') {
      addCookie(headers, cookiePair(p, value));
    } else if (rpc) {
      rpcPairs.push(...serializeRpcParam(p, value));
    } else {
      query.push(...queryPairs(p, value));
    }
  }
  let body: RequestBody | undefined;
  if (op.body) {
    const b = Object.hasOwn(input, 'body') ? input.body : undefined;
    if (b === undefined) {
      if (op.body.required) throw new BuildError(op.operationId, 'missing required request body');
    } else {
      const encoded = encodeBody(op, b);
      body = encoded.body;
      if (encoded.contentType) headers['Content-Type'] = encoded.contentType;
    }
  }
  if (op.accept && !Object.keys(headers).some((h) => h.toLowerCase() === 'accept')) headers.Accept = op.accept;
  let endpoint = options.endpoint;
  if (endpoint === undefined) {
    const server = op.servers?.[0] ?? servers[0];
    try {
      endpoint = server ? serverUrl(server, options.serverVariables) : '';
    } catch (err) {
      throw new BuildError(op.operationId, (err as Error).message);
    }
  }
  const q = rpc ? encodeQuery(rpcPairs) : query.join('&');
  const req: BuiltRequest = { method: op.method, url: joinUrl(endpoint, path, q), headers };
  if (body !== undefined) req.body = body;
  if (!options.sign) return req;
  const now = (options.now ?? (() => new Date()))();
  const nonce = (options.nonce ?? defaultNonce)();
  return options.sign(req, { now, nonce });
}

function defaultNonce(): string {
  return globalThis.crypto.randomUUID();
}
