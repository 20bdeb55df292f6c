/**
 * The clients of specs that name a vendor signing in `x-refspec-signing` (Alibaba Cloud RPC,
 * Huawei Cloud AK/SK): endpoint resolution, credential resolution, signing and sending. The
 * generated client.ts only lists the operations. Any other API uses rest-core.ts.
 */
import type { BuildOptions, BuiltRequest, CallOptions, Core, OperationDescriptor, ServerInfo } from './types.js';
import { signRpcRequest, type RpcSigningSettings } from './alibaba-rpc.js';
import { signAkSkRequest } from './huawei-aksk.js';
import {
  resolveAlibabaCredentials,
  resolveHuaweiCredentials,
  type AlibabaCredentialOptions,
  type AlibabaCredentials,
  type HuaweiCredentialOptions,
  type HuaweiCredentials,
} from './credentials.js';
import { sendWithRetry, type HttpOptions } from './http.js';

/** Parameters the client can fill from its options; the generated method types make them optional. */
export type ClientInput<T> = Omit<T, 'project_id' | 'RegionId'> &
  Partial<Pick<T, Extract<keyof T, 'project_id' | 'RegionId'>>>;

export interface CommonClientOptions extends Omit<HttpOptions, 'signal'> {
  /** Region: Alibaba default `RegionId`; Huawei `{region}` in the endpoint. */
  region?: string;
  /** Base URL overriding the spec's server (e.g. a test server on 127.0.0.1). */
  endpoint?: string;
  /** Clock and nonce for signing (tests pass fixed ones). */
  now?: () => Date;
  nonce?: () => string;
}

export interface AlibabaClientOptions extends CommonClientOptions {
  credentials?: AlibabaCredentialOptions | AlibabaCredentials;
  /**
   * Overrides of the signing settings read from the spec (which names the parameters as the RPC
   * signature protocol sends them, e.g. `Timestamp`), e.g. `{ timestampParameter: 'TimeStamp' }`.
   */
  signing?: RpcSigningSettings;
}

export interface HuaweiClientOptions extends CommonClientOptions {
  credentials?: HuaweiCredentialOptions | HuaweiCredentials;
}

export type { CallOptions, Core, ServerInfo } from './types.js';

export interface ApiDefaults {
  /** The document's servers; the first is the default. */
  servers: ServerInfo[];
  /** Alibaba signing settings from the spec's x-refspec-signing. */
  rpc?: RpcSigningSettings;
  /** Huawei: name of the token header (X-Auth-Token). */
  tokenHeader?: string;
}

/** The vendor clients' endpoint: `endpoint`, else the first server with `{region}` from `region`. */
export function resolveEndpoint(server: ServerInfo | undefined, options: CommonClientOptions): string {
  if (options.endpoint) return options.endpoint.replace(/\/+$/, '');
  if (!server) throw new Error('the spec names no server: pass { endpoint }');
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'region' && options.region) return options.region;
    const v = server.variables[name];
    if (v === undefined) throw new Error(`the endpoint ${server.url} needs "${name}": pass { endpoint } or { region }`);
    return v;
  });
}

function withDefaults<I>(op: OperationDescriptor, input: object, defaults: Record<string, string | undefined>): I {
  const out = { ...input } as Record<string, unknown>;
  for (const p of op.params) {
    const d = defaults[p.name];
    if (out[p.name] === undefined && d !== undefined) out[p.name] = d;
  }
  return out as I;
}

function httpOptions(options: CommonClientOptions, init?: CallOptions): HttpOptions {
  const { region: _r, endpoint: _e, now: _n, nonce: _c, ...http } = options as CommonClientOptions & { credentials?: unknown; signing?: unknown };
  delete (http as { credentials?: unknown }).credentials;
  delete (http as { signing?: unknown }).signing;
  return { ...http, ...(init?.signal ? { signal: init.signal } : {}) };
}

export function createAlibabaCore(options: AlibabaClientOptions, defaults: ApiDefaults): Core {
  const credentials = resolveAlibabaCredentials(options.credentials);
  const endpoint = resolveEndpoint(defaults.servers[0], options);
  const secrets = credentials.secrets();
  const signing: RpcSigningSettings = { ...defaults.rpc, ...options.signing };
  return {
    call<I>(op: OperationDescriptor, build: (input: I, options: BuildOptions) => BuiltRequest, input: object, init?: CallOptions) {
      const full = withDefaults<I>(op, input, { RegionId: options.region });
      const buildOptions: BuildOptions = {
        endpoint,
        sign: (req, ctx) => signRpcRequest(req, credentials, ctx, signing),
        ...(options.now ? { now: options.now } : {}),
        ...(options.nonce ? { nonce: options.nonce } : {}),
      };
      return sendWithRetry(op.operationId, () => build(full, buildOptions), httpOptions(options, init), secrets);
    },
  };
}

export function createHuaweiCore(options: HuaweiClientOptions, defaults: ApiDefaults): Core {
  const credentials = resolveHuaweiCredentials(options.credentials);
  const endpoint = resolveEndpoint(defaults.servers[0], options);
  const secrets = credentials.secrets();
  const tokenHeader = defaults.tokenHeader ?? 'X-Auth-Token';
  const sign =
    credentials.kind === 'aksk'
      ? (req: BuiltRequest, ctx: { now: Date }) => signAkSkRequest(req, credentials, ctx)
      : (req: BuiltRequest) => ({ ...req, headers: { ...req.headers, [tokenHeader]: credentials.token } });
  return {
    call<I>(op: OperationDescriptor, build: (input: I, options: BuildOptions) => BuiltRequest, input: object, init?: CallOptions) {
      const full = withDefaults<I>(op, input, { project_id: credentials.projectId });
      const buildOptions: BuildOptions = { endpoint, sign, ...(options.now ? { now: options.now } : {}) };
      return sendWithRetry(op.operationId, () => build(full, buildOptions), httpOptions(options, init), secrets);
    },
  };
}
