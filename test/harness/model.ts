/**
 * The truth of a generated manual: a vendor-neutral API model, written in the terms a reference
 * manual documents (documented types, Required cells, example cells, "Valid values" lists), from
 * which the renderers typeset a manual and against which the parsed result is scored.
 *
 * This is test code: it shares nothing with scripts/ (the parser must not be able to agree with the
 * harness by construction).
 */

/** Scalar types every vendor documents (each renderer spells them its own way). */
export type PrimitiveName = 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean';

export type TypeRef =
  | { kind: 'primitive'; name: PrimitiveName }
  /** A string that carries serialised JSON ("The value must be a JSON string"). */
  | { kind: 'json' }
  /**
   * A structure. `struct` is its documented name ("Array of ClusterInfo", "Table 4-7 ClusterInfo"),
   * absent for a plain "Object" row; `fields` empty = an opaque object nobody documented.
   */
  | { kind: 'object'; struct?: string; fields: Field[] }
  /** A map; `value` absent = values of any type. */
  | { kind: 'map'; value?: TypeRef }
  /** A list; `items` absent = a plain "Array" whose items nobody documented. */
  | { kind: 'array'; items?: TypeRef };

export type Language = 'en' | 'zh';

export interface EnumValue {
  value: string;
  description: string;
}

export interface Field {
  name: string;
  type: TypeRef;
  /** Request side: the Required / Mandatory cell. Response fields: false (not documented). */
  required: boolean;
  /** Description paragraphs (prose only; enums and defaults are separate). */
  description: string[];
  language: Language;
  /** The Example cell as printed (scalars only). */
  example?: string;
  /** "Valid values:" — the field accepts only these. */
  enum?: EnumValue[];
  /** "Default value: X." */
  default?: string;
  /** REST parameters only: where the parameter goes. */
  in?: 'path' | 'query' | 'header';
  /** String length bounds the prose states ("Minimum length: 1 Maximum length: 64"). */
  minLength?: number;
  maxLength?: number;
}

export interface ErrorCode {
  status: number;
  code: string;
  message: string;
  description: string;
}

export interface Response {
  /** HTTP status (RPC manuals: 200 only). */
  status: number;
  description: string;
  /** Body fields; empty = no body. */
  fields: Field[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Operation {
  /**
   * RPC: the Action name, which the parser must recover exactly. REST: the name an SDK would give
   * the method (the parser invents operationIds for REST, so REST operations are matched by method
   * and path instead).
   */
  name: string;
  /** Section heading (RPC: the name; REST: "Querying Buckets"). */
  title: string;
  /** One-sentence summary (the operation list and the section intro). */
  summary: string;
  description: string[];
  /** Function group ("List of operations by function" / chapter). */
  group: string;
  method: HttpMethod;
  /** REST: '/v2/{project_id}/buckets/{bucket_id}'; RPC: '/'. */
  path: string;
  /** RPC: request parameters (Action excluded); REST: path, query and header parameters. */
  params: Field[];
  /** REST: request body fields (JSON). */
  body?: Field[];
  /** Success response first; REST manuals also document error statuses. */
  responses: Response[];
  /** The section's error-code table (may be empty). */
  errors: ErrorCode[];
}

export interface Product {
  /** "Elastic Widget Service". */
  name: string;
  /** "EWS". */
  abbreviation: string;
  /** Service code used in endpoints and ids: "ews". */
  code: string;
}

export interface Api {
  seed: number;
  style: 'rpc' | 'rest';
  product: Product;
  /** RPC: "2021-03-15"; REST: "v2". */
  apiVersion: string;
  /** The manual's own version: "20220712" (Alibaba footers) or "2025-06-12" (Huawei issue date). */
  documentVersion: string;
  /** Host of the service endpoint as the manual states it ("ews.aliyuncs.com", "ews.{region}.myhuaweicloud.com"). */
  endpoint: string;
  /** Function groups in list order. */
  groups: string[];
  operations: Operation[];
  /** API-wide error codes (an appendix), REST manuals. */
  errorCodes: ErrorCode[];
}

/**
 * Every field of a list, depth first, with its path ("Clusters[].Name", "Spec.Config.Port"; the
 * fields of a map's value struct: "Records{}.State").
 */
export function* walkFields(fields: Field[], prefix = ''): Generator<{ path: string; field: Field; depth: number }> {
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    yield { path, field: f, depth: path.split('.').length };
    yield* walkType(f.type, path);
  }
}

function* walkType(t: TypeRef, path: string): Generator<{ path: string; field: Field; depth: number }> {
  if (t.kind === 'object') yield* walkFields(t.fields, path);
  else if (t.kind === 'array' && t.items) yield* walkType(t.items, `${path}[]`);
  else if (t.kind === 'map' && t.value) yield* walkType(t.value, `${path}{}`);
}
