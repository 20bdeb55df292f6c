/**
 * ApiModel: the vendor-neutral intermediate representation every dialect produces and every later
 * stage (reconcile, openapi, codegen) consumes. Every node that comes from the document carries the
 * SourceRef it was read from.
 */
import type { SourceRef } from './diagnostic.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface SchemaModel {
  type?: SchemaType;
  format?: string;
  /** Name hint for a component (e.g. the documented struct or table name: "MeshMetadata"). */
  title?: string;
  /**
   * Component name chosen by the dialect, when it differs from `title` (e.g. a differing copy of a
   * documented structure). Optional; the emitter otherwise names components by `title`.
   */
  componentName?: string;
  description?: string;
  /** Ordered properties for objects (document order is kept). */
  properties?: PropertyModel[];
  /** Item schema for arrays. */
  items?: SchemaModel;
  /** For maps: schema of the values (`additionalProperties`). */
  additionalProperties?: boolean | SchemaModel;
  enum?: (string | number | boolean)[];
  /** Human text for each enum value, same keys as enum (x-enum-descriptions). */
  enumDescriptions?: Record<string, string>;
  const?: string | number | boolean;
  default?: JsonValue;
  example?: JsonValue;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /** A string that carries serialised JSON (Alibaba "JSON string" parameters): application/json. */
  contentMediaType?: string;
  /** Schema of the JSON carried in the string, when known. */
  contentSchema?: SchemaModel;
  /** The type exactly as the document wrote it ("Array of ServiceMesh", "Table 4-4 object"). */
  documentedType?: string;
  deprecated?: boolean;
  source?: SourceRef;
}

export interface PropertyModel {
  name: string;
  required: boolean;
  schema: SchemaModel;
  /**
   * What the property's own row says, when its schema is a structure shared with other rows that
   * say something else (the words describe this use, not the structure). Emitted beside the
   * `$ref` (allowed in OpenAPI 3.1).
   */
  description?: string;
}

export type ParameterLocation = 'query' | 'path' | 'header';

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  schema: SchemaModel;
  example?: JsonValue;
  /**
   * How a structured value is put on the wire, when the document says so. `json` = the value is
   * JSON-serialised into the string (Alibaba), `repeat-list` = Name.1, Name.2 … (Alibaba RepeatList).
   */
  serialization?: 'json' | 'repeat-list' | 'flat';
  source: SourceRef;
}

export interface ExampleModel {
  /** Stable name, unique within its owner: `sample-1`, `json`, `xml` … */
  name: string;
  summary?: string;
  mediaType: string;
  /** Parsed value: an object for JSON, a string for XML / URLs. */
  value: JsonValue;
  /** The text as printed in the document (after damage repair). */
  raw?: string;
  source: SourceRef;
}

export interface RequestExampleModel extends ExampleModel {
  /** For RPC / query style: the parameters the sample sets, in document order. */
  parameters?: { name: string; value: string }[];
  /** For REST samples: method + path as printed. */
  method?: string;
  path?: string;
}

export interface ResponseModel {
  /** HTTP status code as a string ("200", "404") or "default". */
  status: string;
  description: string;
  contentType?: string;
  schema?: SchemaModel;
  headers?: ParameterModel[];
  examples: ExampleModel[];
  source?: SourceRef;
}

export interface ErrorCodeModel {
  httpStatus: number;
  code: string;
  message: string;
  description?: string;
  /** Vendor hint on how to fix it. */
  solution?: string;
  source: SourceRef;
}

export interface RequestBodyModel {
  contentType: string;
  required: boolean;
  description?: string;
  schema: SchemaModel;
  examples: ExampleModel[];
  source?: SourceRef;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head' | 'options';

export interface OperationModel {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Names of ApiModel.commonParameters this operation accepts (referenced, not copied). */
  commonParameters: string[];
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  requestExamples: RequestExampleModel[];
  /** Error codes documented for this operation. */
  errorCodes: ErrorCodeModel[];
  /** Security requirement names; undefined = API default. */
  security?: string[][];
  deprecated?: boolean;
  source: SourceRef;
  /** Vendor extensions to copy verbatim (keys start with `x-`). */
  extensions?: Record<string, JsonValue>;
}

export interface ServerVariableModel {
  default: string;
  enum?: string[];
  description?: string;
}

export interface ServerModel {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariableModel>;
  source?: SourceRef;
}

export interface SecuritySchemeModel {
  /** Component name, e.g. `AliyunRpcSignature`. */
  name: string;
  type: 'apiKey' | 'http';
  in?: 'query' | 'header';
  /** Parameter / header name carrying the credential (apiKey). */
  parameterName?: string;
  /** http scheme, e.g. `bearer`. */
  scheme?: string;
  description: string;
  /** Signing details for codegen (algorithm, version …), emitted as `x-refspec-signing`. */
  signing?: Record<string, JsonValue>;
  source?: SourceRef;
}

export interface TagModel {
  name: string;
  description?: string;
  source?: SourceRef;
}

export interface ApiModel {
  vendor: string;
  service: string;
  /** API version (Alibaba `2020-01-11`, Huawei `v1`). */
  version: string;
  title: string;
  description?: string;
  /** Version / issue of the manual the model was read from. */
  documentVersion?: string;
  style: 'rpc' | 'rest';
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  /** Default security requirements (alternatives of AND-ed scheme names). */
  security: string[][];
  commonParameters: ParameterModel[];
  tags: TagModel[];
  operations: OperationModel[];
  /** API-wide error codes (e.g. an appendix table). */
  errorCodes: ErrorCodeModel[];
  source: SourceRef;
}
