/**
 * Sending: fetch with a per-attempt timeout (AbortSignal), retries with exponential backoff on
 * throttling and 5xx (Retry-After honoured), and typed errors. Errors carry the HTTP status, the
 * vendor error code and message and the request id, never the URL query, headers or credentials.
 */
import type { BuiltRequest, RequestBody } from './types.js';
import { mediaKind } from './request.js';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: RequestBody; signal: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** Used for binary answers (images, archives …); text() is the fallback when absent. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}>;

export interface HttpOptions {
  fetch?: FetchLike;
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff delay in milliseconds, doubled each retry (default 200). */
  backoffMs?: number;
  /** Upper bound of any single wait, Retry-After included (default 20 000). */
  maxDelayMs?: number;
  /** Caller's cancellation. */
  signal?: AbortSignal;
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Observes each retry (attempt number from 1, delay and the reason); never sees secrets. */
  onRetry?: (info: { attempt: number; delayMs: number; status?: number; code?: string }) => void;
}

/** What sendWithRetry uses when an option is not given. */
export const HTTP_DEFAULTS = { retries: 3, timeoutMs: 30_000, backoffMs: 200, maxDelayMs: 20_000 } as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status, or 0 when no response arrived (timeout, network). */
    readonly status: number,
    /** Vendor error code (`Throttling.User`, `ASM.0001`) or a local one (`Timeout`, `NetworkError`). */
    readonly code: string,
    readonly requestId: string | undefined,
    readonly operationId: string,
    /** Attempts made, the failing one included. */
    readonly attempts: number,
    /** The vendor's own error message (or the local reason), secrets removed. */
    readonly vendorMessage: string = '',
  ) {
    super(message);
  }
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, code: this.code, vendorMessage: this.vendorMessage, requestId: this.requestId, operationId: this.operationId, attempts: this.attempts };
  }
}

const THROTTLING = /throttl|toomanyrequests|too many requests|flow ?control|rate ?limit|APIGW\.0308/i;

export function isRetryable(status: number, code: string): boolean {
  return status === 429 || status >= 500 || THROTTLING.test(code);
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unparsable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

interface VendorError {
  code?: string;
  message?: string;
  requestId?: string;
}

/** The usual error bodies: {Code, Message, RequestId}, {code, message}, {error_code, error_msg}, {errorCode, errorMsg}, {error: {code, message}}. */
export function parseVendorError(text: string): VendorError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (!json || typeof json !== 'object') return {};
  const o = json as Record<string, unknown>;
  const inner = (o.error && typeof o.error === 'object' ? o.error : {}) as Record<string, unknown>;
  const str = (...vals: unknown[]): string | undefined => {
    for (const v of vals) if (typeof v === 'string' && v) return v;
    return undefined;
  };
  return {
    code: str(o.Code, o.code, o.error_code, o.errorCode, inner.code),
    message: str(o.Message, o.message, o.error_msg, o.errorMsg, inner.message),
    requestId: str(o.RequestId, o.requestId, o.request_id),
  };
}

const REQUEST_ID_HEADERS = ['x-acs-request-id', 'x-request-id', 'x-openstack-request-id'];

/** Remove every secret from a text that may reach an error message. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}

function describe(req: BuiltRequest): string {
  try {
    const u = new URL(req.url);
    return `${req.method} ${u.origin}${u.pathname}`;
  } catch {
    return `${req.method} ${req.url.replace(/[?#].*$/, '')}`;
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Send a request built afresh for every attempt (so signatures, timestamps and nonces are new),
 * returning the body of a 2xx answer decoded by its Content-Type: JSON parsed, text and XML as a
 * string, anything else as a Blob; an empty body is undefined. Without a Content-Type the
 * operation's `expect` media type decides (JSON when none).
 */
export async function sendWithRetry(
  operationId: string,
  build: () => BuiltRequest | Promise<BuiltRequest>,
  opts: HttpOptions,
  secrets: readonly string[] = [],
  expect?: string,
): Promise<unknown> {
  const f: FetchLike = opts.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const retries = opts.retries ?? HTTP_DEFAULTS.retries;
  const timeoutMs = opts.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
  const base = opts.backoffMs ?? HTTP_DEFAULTS.backoffMs;
  const maxDelay = opts.maxDelayMs ?? HTTP_DEFAULTS.maxDelayMs;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const req = await build();
    const signals = [AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])];
    let status = 0;
    let code: string;
    let message: string;
    let requestId: string | undefined;
    let retryAfter: number | undefined;
    try {
      const init: Parameters<FetchLike>[1] = { method: req.method, headers: req.headers, signal: AbortSignal.any(signals) };
      if (req.body !== undefined) init.body = req.body;
      const res = await f(req.url, init);
      status = res.status;
      const contentType = res.headers.get('content-type');
      const media = mediaKind(contentType ?? expect ?? 'application/json');
      const kind = media === 'json' || media === 'binary' ? media : 'text';
      if (status >= 200 && status < 300 && kind === 'binary' && res.arrayBuffer) {
        const bytes = await res.arrayBuffer();
        return bytes.byteLength ? new Blob([bytes], contentType ? { type: contentType } : {}) : undefined;
      }
      const text = await res.text();
      if (status >= 200 && status < 300) {
        if (!text.trim()) return kind === 'text' && text ? text : undefined;
        if (kind === 'text') return text;
        if (kind === 'binary') return new Blob([text], contentType ? { type: contentType } : {});
        try {
          return JSON.parse(text);
        } catch {
          throw new ApiError(`${operationId}: ${describe(req)} answered ${status} with a body that is not JSON`, status, 'InvalidResponse', headerRequestId(res.headers), operationId, attempt, 'body is not JSON');
        }
      }
      const v = parseVendorError(text);
      code = v.code ?? `HTTP${status}`;
      message = v.message ?? (text.length > 200 ? `${text.slice(0, 200)}…` : text);
      requestId = v.requestId ?? headerRequestId(res.headers);
      retryAfter = retryAfterMs(res.headers.get('retry-after'));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (opts.signal?.aborted) {
        throw new ApiError(`${operationId}: ${describe(req)} was cancelled`, 0, 'Aborted', undefined, operationId, attempt, 'cancelled by the caller');
      }
      const e = err as Error;
      const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
      code = timedOut ? 'Timeout' : 'NetworkError';
      const cause = (e as { cause?: { code?: unknown } }).cause?.code;
      message = timedOut ? `no answer within ${timeoutMs} ms` : `${e.message}${typeof cause === 'string' ? ` (${cause})` : ''}`;
    }
    const retryable = status === 0 ? code !== 'Aborted' : isRetryable(status, code);
    if (!retryable || attempt > retries) {
      const text = redact(`${operationId}: ${describe(req)} failed${status ? ` with HTTP ${status}` : ''}: ${code}: ${message}${requestId ? ` (request id ${requestId})` : ''}`, secrets);
      throw new ApiError(text, status, redact(code, secrets), requestId, operationId, attempt, redact(message, secrets));
    }
    const backoff = Math.min(maxDelay, base * 2 ** (attempt - 1));
    const delayMs = Math.min(maxDelay, Math.max(backoff, retryAfter ?? 0));
    opts.onRetry?.({ attempt, delayMs, ...(status ? { status } : {}), code });
    await sleep(delayMs);
  }
}

function headerRequestId(headers: { get(name: string): string | null }): string | undefined {
  for (const h of REQUEST_ID_HEADERS) {
    const v = headers.get(h);
    if (v) return v;
  }
  return undefined;
}
