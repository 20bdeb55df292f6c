/**
 * Shared shapes of the generated request builders and client. A builder turns typed input into a
 * BuiltRequest without any I/O; the client signs or authenticates it, sends it and decodes the answer.
 */

/** What a request body can be on the wire: JSON / form / text as a string, files and bytes as they are. */
export type RequestBody = string | Blob | FormData | ArrayBuffer | Uint8Array;

/** A fully described HTTP request: what a builder returns and what goes on the wire. */
export interface BuiltRequest {
  method: string;
  /** URL including the encoded query string (absolute unless the spec's server is relative). */
  url: string;
  /** Header names as sent (lower-case keys are not assumed). */
  headers: Record<string, string>;
  /**
   * Serialised body: JSON, form (`a=1&b=2`) or text as a string; a FormData for multipart (the
   * fetch implementation writes the boundary and its Content-Type); bytes / Blob for binary types.
   */
  body?: RequestBody;
}

/**
 * How a parameter value is put on the wire. `plain` is the OpenAPI default of its location (query
 * and cookie: form, exploded; path and header: simple); `json`, `repeat-list` and `flat` are the
 * RPC forms of `x-refspec-serialization`; the others are OpenAPI `style` values.
 */
export type ParamStyle = 'plain' | 'json' | 'repeat-list' | 'flat' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple' | 'label' | 'matrix';

export interface ParamDescriptor {
  /** Wire name (as documented). */
  name: string;
  /** Input property when it differs from the wire name (two parameters, or a parameter and the body, share a name). */
  key?: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  style: ParamStyle;
  /** Explicit OpenAPI styles only: arrays / objects exploded. */
  explode?: boolean;
  /** Query only: reserved characters (RFC 3986) are sent unencoded. */
  allowReserved?: boolean;
  /** Fixed value (Action, Version): filled in by the builder, not part of the input. */
  const?: string;
}

/** Encoding Object of one property of a form or multipart body. */
export interface EncodingDescriptor {
  contentType?: string;
  style?: ParamStyle;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface ServerInfo {
  /** URL template, e.g. `https://{region}.example.com/v1`. */
  url: string;
  /** Default value of every variable. */
  variables: Record<string, string>;
}

export interface OperationDescriptor {
  operationId: string;
  /** HTTP method, upper case. */
  method: string;
  /** Path template (`/v1/{project_id}/meshes`) or `/` for RPC. */
  path: string;
  /** `rpc` (everything in the query, signed by an RPC signing) or `rest`. */
  style: 'rpc' | 'rest';
  params: ParamDescriptor[];
  /** The media type sent and how (JSON, form, multipart, text or bytes follow from it). */
  body?: { contentType: string; required: boolean; encoding?: Record<string, EncodingDescriptor> };
  /** Media type asked for (Accept) and expected when the answer names none. */
  accept?: string;
  /** Path-item or operation servers (they replace the document's). */
  servers?: ServerInfo[];
  /** Operation security: alternatives of scheme names; `[]` = no authentication. */
  security?: string[][];
}

/** Everything that would make a build non-deterministic is passed in. */
export interface BuildOptions {
  /** Base URL replacing the spec's server, e.g. `http://127.0.0.1:8080/v1` (no trailing slash needed). */
  endpoint?: string;
  /** Values of the server URL's variables (defaults from the spec otherwise). */
  serverVariables?: Record<string, string>;
  /** Clock used for signing timestamps. */
  now?: () => Date;
  /** Nonce source used for signing (an RPC signature nonce). */
  nonce?: () => string;
  /** Request signer; when absent the request is returned unsigned. */
  sign?: (req: BuiltRequest, ctx: { now: Date; nonce: string }) => BuiltRequest;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Core {
  /** Build (afresh for every attempt), sign or authenticate, send and decode one operation call. */
  call<I>(op: OperationDescriptor, build: (input: I, options: BuildOptions) => BuiltRequest, input: object, init?: CallOptions): Promise<unknown>;
}

/** A multipart body: every text field may also be sent as a file (Blob / File). */
export type MultipartBody<T> = T extends readonly (infer U)[]
  ? Array<MultipartValue<U>>
  : T extends object
    ? { [K in keyof T]: MultipartValue<T[K]> }
    : T;
type MultipartValue<V> = V extends string ? V | Blob : V extends readonly (infer U)[] ? Array<U extends string ? U | Blob : U> : V;

/** A binary body (application/octet-stream, images, …): a Blob / File, bytes, or text. */
export type BinaryBody = Blob | ArrayBuffer | Uint8Array | string;
