/**
 * The client of any API, authenticated from the spec's own security schemes: http bearer, basic
 * and other schemes, apiKey in a header, the query or a cookie, oauth2 and openIdConnect access
 * tokens supplied by the caller; several schemes per requirement and per-operation `security`
 * (`[]` = none). Servers come from the spec (operation, path item, document) unless `endpoint`
 * replaces them.
 */
import type { BuildOptions, BuiltRequest, CallOptions, Core, OperationDescriptor, ServerInfo } from './types.js';
import { BuildError, addCookie } from './request.js';
import { percentEncode } from './encode.js';
import { sendWithRetry, type HttpOptions } from './http.js';

export type { CallOptions, Core, ServerInfo } from './types.js';

/** How a security scheme of the spec puts a credential on the request. */
export type SchemeDescriptor =
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string }
  | { type: 'http'; scheme: string }
  | { type: 'oauth2' | 'openIdConnect' };

export interface ApiDefaults {
  /** The document's servers; the first is the default. */
  servers: ServerInfo[];
  /** The spec's security schemes by name. */
  securitySchemes?: Record<string, SchemeDescriptor>;
  /** Document-level security: alternatives of scheme names. */
  security?: string[][];
}

/** A credential, or a function giving it for each request (a token that expires, a secret store). */
export type Credential<T> = T | (() => T | Promise<T>);

export interface RestClientOptions extends Omit<HttpOptions, 'signal'> {
  /** Base URL replacing the spec's servers (path-item and operation servers included), e.g. a test server on 127.0.0.1. */
  endpoint?: string;
  /** Values of the server URL variables (the spec's defaults otherwise). */
  serverVariables?: Record<string, string>;
  /** Headers sent with every request (the operation's own and the credentials win). */
  headers?: Record<string, string>;
  /** Credentials by security scheme name: a string (token, API key) or { username, password } (http basic). */
  auth?: Record<string, Credential<string | { username: string; password: string }> | undefined>;
}

function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const h of Object.keys(headers)) if (h.toLowerCase() === name.toLowerCase()) delete headers[h];
  headers[name] = value;
}

/**
 * Put the credentials of the first satisfiable security requirement on the request: the
 * operation's `security` if it has one, else the document's. A requirement is satisfiable when
 * every scheme in it has a credential; `[]` (or an empty requirement) means none is sent. When no
 * requirement can be met the request goes out without credentials and the server answers.
 */
export async function applyAuth(
  req: BuiltRequest,
  op: OperationDescriptor,
  defaults: ApiDefaults,
  auth: RestClientOptions['auth'] = {},
  secrets: string[] = [],
): Promise<BuiltRequest> {
  const requirements = op.security ?? defaults.security ?? [];
  const schemes = defaults.securitySchemes ?? {};
  const has = (name: string) => Object.hasOwn(auth, name) && auth[name] !== undefined && Object.hasOwn(schemes, name);
  const chosen = requirements.find((r) => r.length > 0 && r.every(has));
  if (!chosen) return req;
  const headers = { ...req.headers };
  let url = req.url;
  for (const name of chosen) {
    const scheme = schemes[name];
    const given = auth[name]!;
    const value = typeof given === 'function' ? await given() : given;
    const text = typeof value === 'string' ? value : `${value.username}:${value.password}`;
    secrets.push(text, ...(typeof value === 'string' ? [] : [value.password]));
    if (scheme.type === 'apiKey') {
      if (typeof value !== 'string') throw new BuildError(op.operationId, `the credential of "${name}" (an API key) must be a string`);
      if (scheme.in === 'header') setHeader(headers, scheme.name, value);
      else if (scheme.in === 'cookie') addCookie(headers, `${percentEncode(scheme.name)}=${percentEncode(value)}`);
      else {
        const hash = url.indexOf('#');
        const base = hash < 0 ? url : url.slice(0, hash);
        url = `${base}${base.includes('?') ? '&' : '?'}${percentEncode(scheme.name)}=${percentEncode(value)}`;
      }
    } else if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic') {
      if (typeof value === 'string') throw new BuildError(op.operationId, `the credential of "${name}" (HTTP basic) must be { username, password }`);
      const encoded = base64(text);
      secrets.push(encoded);
      setHeader(headers, 'Authorization', `Basic ${encoded}`);
    } else {
      if (typeof value !== 'string') throw new BuildError(op.operationId, `the credential of "${name}" must be a string (a token)`);
      // bearer, oauth2 and openIdConnect access tokens; any other HTTP scheme as "<Scheme> <credentials>".
      const prefix = scheme.type === 'http' && scheme.scheme.toLowerCase() !== 'bearer' ? scheme.scheme : 'Bearer';
      setHeader(headers, 'Authorization', `${prefix} ${value}`);
    }
  }
  return { ...req, url, headers };
}

/** The client of any REST API: servers, the spec's security schemes, retries and decoding. */
export function createRestCore(options: RestClientOptions, defaults: ApiDefaults): Core {
  const { endpoint, serverVariables, headers: extra, auth, ...rest } = options;
  const http: HttpOptions = { ...rest };
  const secrets: string[] = [];
  for (const v of Object.values(auth ?? {})) {
    if (typeof v === 'string') secrets.push(v);
    else if (v && typeof v === 'object') secrets.push(v.password);
  }
  return {
    call<I>(op: OperationDescriptor, build: (input: I, options: BuildOptions) => BuiltRequest, input: object, init?: CallOptions) {
      const buildOptions: BuildOptions = {
        ...(endpoint !== undefined ? { endpoint } : {}),
        ...(serverVariables ? { serverVariables } : {}),
      };
      const attempt = async (): Promise<BuiltRequest> => {
        const built = build(input as I, buildOptions);
        if (!/^[a-z][a-z0-9+.-]*:/i.test(built.url)) {
          const server = op.servers?.[0] ?? defaults.servers[0];
          throw new BuildError(op.operationId, server ? `the server URL ${server.url} is relative: pass { endpoint } (the absolute base URL)` : 'the spec names no server: pass { endpoint }');
        }
        const withHeaders = extra ? { ...built, headers: { ...extra, ...built.headers } } : built;
        return applyAuth(withHeaders, op, defaults, auth, secrets);
      };
      return sendWithRetry(op.operationId, attempt, { ...http, ...(init?.signal ? { signal: init.signal } : {}) }, secrets, op.accept);
    },
  };
}
