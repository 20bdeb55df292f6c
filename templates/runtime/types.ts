/**
 * Shared shapes of the generated request builders and client. A builder turns typed input into a
 * BuiltRequest without any I/O; the client signs it, sends it and decodes the answer.
 */

/** A fully described HTTP request: what a builder returns and what goes on the wire. */
export interface BuiltRequest {
  method: string;
  /** Absolute URL including the encoded query string. */
  url: string;
  /** Header names as sent (lower-case keys are not assumed). */
  headers: Record<string, string>;
  /** Serialised body (JSON text) or undefined. */
  body?: string;
}

/** How a parameter value is put on the wire. */
export type ParamStyle = 'plain' | 'json' | 'repeat-list' | 'flat';

export interface ParamDescriptor {
  /** Wire name (as documented). */
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  style: ParamStyle;
  /** Fixed value (Action, Version): filled in by the builder, not part of the input. */
  const?: string;
}

export interface OperationDescriptor {
  operationId: string;
  /** HTTP method, upper case. */
  method: string;
  /** Path template (`/v1/{project_id}/meshes`) or `/` for RPC. */
  path: string;
  /** `rpc` (Alibaba: everything in the query, signed) or `rest`. */
  style: 'rpc' | 'rest';
  params: ParamDescriptor[];
  body?: { contentType: string; required: boolean };
}

/** Everything that would make a build non-deterministic is passed in. */
export interface BuildOptions {
  /** Base URL, e.g. `https://servicemesh.aliyuncs.com` (no trailing slash needed). */
  endpoint?: string;
  /** Clock used for signing timestamps. */
  now?: () => Date;
  /** Nonce source used for signing (Alibaba SignatureNonce). */
  nonce?: () => string;
  /** Request signer; when absent the request is returned unsigned. */
  sign?: (req: BuiltRequest, ctx: { now: Date; nonce: string }) => BuiltRequest;
}
