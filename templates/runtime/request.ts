/**
 * Pure request building shared by every generated builder: parameter serialisation (plain, JSON
 * string, Alibaba repeat-list and flat objects), path templating, query encoding and the JSON body.
 */
import type { BuildOptions, BuiltRequest, OperationDescriptor, ParamDescriptor } from './types.ts';
import { encodeQuery, percentEncode } from './encode.ts';

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

/** Alibaba flattening: `Name.1=a`, `Name.1.Key=v`, `Name.Key=v` … */
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

/** The (name, value) pairs one parameter contributes to the query. */
export function serializeParam(p: ParamDescriptor, value: unknown, rpc: boolean): [string, string][] {
  const out: [string, string][] = [];
  if (value === undefined || value === null) return out;
  switch (p.style) {
    case 'json':
      out.push([p.name, typeof value === 'string' ? value : JSON.stringify(value)]);
      return out;
    case 'repeat-list':
    case 'flat':
      if (Array.isArray(value) || (typeof value === 'object' && !(value instanceof Date))) {
        flatten(p.name, value, out);
      } else {
        out.push([p.name, scalarText(value)]);
      }
      return out;
    default:
      if (Array.isArray(value)) {
        if (rpc) flatten(p.name, value, out);
        else for (const v of value) out.push([p.name, scalarText(v)]);
      } else if (typeof value === 'object' && !(value instanceof Date)) {
        if (rpc) out.push([p.name, JSON.stringify(value)]);
        else for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.push([k, scalarText(v)]);
      } else {
        out.push([p.name, scalarText(value)]);
      }
      return out;
  }
}

function joinUrl(endpoint: string, path: string, query: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/**
 * Build one request. `input` holds the operation's parameters under their documented names and,
 * for REST operations with a body, the body under `body`.
 */
export function buildRequest(
  op: OperationDescriptor,
  input: Record<string, unknown>,
  options: BuildOptions = {},
): BuiltRequest {
  const rpc = op.style === 'rpc';
  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  let path = op.path;
  for (const p of op.params) {
    // Own properties only: an unset parameter called `constructor` / `toString` / `__proto__` is unset.
    const given = Object.hasOwn(input, p.name) ? input[p.name] : undefined;
    const value = p.const !== undefined ? (given ?? p.const) : given;
    if (value === undefined || value === null) {
      if (p.required) throw new BuildError(op.operationId, `missing required parameter "${p.name}"`);
      continue;
    }
    if (p.in === 'path') {
      path = path.split(`{${p.name}}`).join(percentEncode(scalarText(value)));
    } else if (p.in === 'header') {
      headers[p.name] = scalarText(value);
    } else {
      query.push(...serializeParam(p, value, rpc));
    }
  }
  let body: string | undefined;
  if (op.body) {
    const b = input.body;
    if (b === undefined) {
      if (op.body.required) throw new BuildError(op.operationId, 'missing required request body');
    } else {
      body = typeof b === 'string' ? b : JSON.stringify(b);
      headers['Content-Type'] = op.body.contentType;
    }
  }
  const endpoint = options.endpoint ?? '';
  const req: BuiltRequest = { method: op.method, url: joinUrl(endpoint, path, encodeQuery(query)), headers };
  if (body !== undefined) req.body = body;
  if (!options.sign) return req;
  const now = (options.now ?? (() => new Date()))();
  const nonce = (options.nonce ?? defaultNonce)();
  return options.sign(req, { now, nonce });
}

function defaultNonce(): string {
  return globalThis.crypto.randomUUID();
}
