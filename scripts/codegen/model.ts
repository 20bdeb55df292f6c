/**
 * The codegen view of an OpenAPI document: per operation, the wire descriptor (what the runtime
 * builder needs), the input properties (what the typed builder takes) and the response type.
 * Everything here is read from the spec; nothing is per-operation knowledge.
 */
import { InputError } from '../extract/types.ts';

type Obj = Record<string, unknown>;

export type ApiKind = 'alibaba-rpc' | 'huawei-rest' | 'rest';

/** Parameters the RPC signer owns (the manual's "Make API requests" common parameters). */
export const RPC_SIGNING_PARAMS = new Set(['AccessKeyId', 'Format', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'SecurityToken', 'Timestamp', 'TimeStamp']);

export interface ParamInfo {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  style: 'plain' | 'json' | 'repeat-list' | 'flat';
  const?: string;
  description?: string;
  schema: Obj;
  /** Schema of the value the caller passes (contentSchema for JSON-string parameters). */
  inputSchema: Obj | undefined;
  example?: unknown;
}

export interface ExampleInfo {
  name: string;
  summary?: string;
  value: unknown;
}

export interface RequestSample {
  name: string;
  parameters?: { name: string; value: string }[];
  raw?: string;
  line?: number;
  method?: string;
  path?: string;
}

export interface OperationInfo {
  operationId: string;
  /** lowerCamel function / method name. */
  fnName: string;
  method: string;
  /** Path key in the spec (`/#Action=X` for RPC). */
  specPath: string;
  /** Path on the wire (`/` for RPC). */
  wirePath: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  params: ParamInfo[];
  body?: { contentType: string; required: boolean; schema: Obj | undefined; description?: string; examples: ExampleInfo[] };
  /** First 2xx response with a JSON schema. */
  success?: { status: string; contentType: string; hasSchema: boolean; examples: ExampleInfo[] };
  responses: { status: string; description?: string; examples: { contentType: string; example: ExampleInfo }[] }[];
  requestSamples: RequestSample[];
  errorCodes: { httpStatus?: number; code?: string; message?: string }[];
  source?: string;
}

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
  kind: ApiKind;
  server: { url: string; variables: Record<string, string> };
  rpcSigning?: Record<string, string>;
  /** Parameters the signer adds (never part of builder input). */
  signingParams: Set<string>;
  tokenHeader?: string;
  operations: OperationInfo[];
  doc: Obj;
}

const RESERVED = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await']);

/** A safe PascalCase identifier from an operationId. */
export function typeName(operationId: string): string {
  const words = operationId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let out = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (!out) out = 'Operation';
  if (/^[0-9]/.test(out)) out = `Op${out}`;
  return out;
}

export function fnName(operationId: string): string {
  const t = typeName(operationId);
  const out = t[0].toLowerCase() + t.slice(1);
  // Nor an Object.prototype member: a client method `toString` would make String(client) call the API.
  return RESERVED.has(out) || out in Object.prototype ? `${out}Op` : out;
}

function resolve(doc: Obj, v: unknown): Obj {
  let cur = v as Obj;
  for (let i = 0; i < 20 && cur && typeof cur.$ref === 'string'; i++) {
    const parts = (cur.$ref as string).replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let t: unknown = doc;
    for (const p of parts) t = (t as Obj | undefined)?.[p];
    cur = t as Obj;
  }
  return cur ?? {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function examplesOf(media: Obj | undefined): ExampleInfo[] {
  const out: ExampleInfo[] = [];
  const ex = media?.examples as Obj | undefined;
  if (ex) {
    for (const [name, e] of Object.entries(ex)) {
      const x = e as Obj;
      out.push({ name, ...(str(x.summary) ? { summary: str(x.summary) } : {}), value: x.value });
    }
  } else if (media && 'example' in media) {
    out.push({ name: 'example', value: media.example });
  }
  return out;
}

function detectKind(doc: Obj): ApiKind {
  const info = (doc.info ?? {}) as Obj;
  const src = (info['x-refspec-source'] ?? {}) as Obj;
  const paths = Object.keys((doc.paths ?? {}) as Obj);
  if (src.style === 'rpc' || paths.some((p) => p.startsWith('/#Action='))) return 'alibaba-rpc';
  const vendor = String(src.vendor ?? '').toLowerCase();
  if (vendor.includes('huawei')) return 'huawei-rest';
  const schemes = ((doc.components as Obj | undefined)?.securitySchemes ?? {}) as Obj;
  for (const s of Object.values(schemes)) {
    const signing = (s as Obj)['x-refspec-signing'] as Obj | undefined;
    if (signing && /SDK-HMAC-SHA256/i.test(JSON.stringify(signing))) return 'huawei-rest';
    if ((s as Obj).name === 'X-Auth-Token') return 'huawei-rest';
  }
  return 'rest';
}

export function readApi(doc: Obj, file = 'spec'): ApiInfo {
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || !String(doc.openapi).startsWith('3.')) {
    throw new InputError(file, 'not an OpenAPI 3 document');
  }
  const kind = detectKind(doc);
  const info = (doc.info ?? {}) as Obj;
  const servers = (doc.servers ?? []) as Obj[];
  const server0 = servers[0] ?? {};
  const variables: Record<string, string> = {};
  for (const [k, v] of Object.entries((server0.variables ?? {}) as Obj)) {
    const d = (v as Obj).default;
    if (d !== undefined) variables[k] = String(d);
  }
  const schemes = ((doc.components as Obj | undefined)?.securitySchemes ?? {}) as Obj;
  const headerKeyNames = new Set<string>();
  let tokenHeader: string | undefined;
  let rpcSigning: ApiInfo['rpcSigning'];
  const signingParams = new Set<string>(kind === 'alibaba-rpc' ? RPC_SIGNING_PARAMS : []);
  for (const s of Object.values(schemes)) {
    const o = s as Obj;
    if (o.type === 'apiKey' && o.in === 'header' && typeof o.name === 'string') {
      headerKeyNames.add(o.name.toLowerCase());
      if (!o['x-refspec-signing'] && !tokenHeader) tokenHeader = o.name;
    }
    const signing = o['x-refspec-signing'] as Obj | undefined;
    if (signing && kind === 'alibaba-rpc') {
      rpcSigning = {};
      const method = str(signing.signatureMethod) ?? str(signing.algorithm);
      const version = signing.signatureVersion ?? signing.version;
      if (method) rpcSigning.signatureMethod = method;
      if (version !== undefined) rpcSigning.signatureVersion = String(version);
      for (const k of ['accessKeyIdParameter', 'signatureParameter', 'methodParameter', 'versionParameter', 'nonceParameter', 'timestampParameter']) {
        const v = str(signing[k]);
        if (v) {
          rpcSigning[k] = v;
          signingParams.add(v);
        }
      }
    }
  }
  const operations: OperationInfo[] = [];
  // Names the generated modules use themselves; an operation never takes one.
  const seenFn = new Set<string>(['builders', 'operationDescriptors', 'buildRequest', 'createClient', 'apiDefaults', 'b', 'core']);
  for (const [path, itemRaw] of Object.entries((doc.paths ?? {}) as Obj)) {
    const item = resolve(doc, itemRaw);
    const pathParams = (item.parameters ?? []) as unknown[];
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const operationId = str(op.operationId) ?? `${method}${path}`;
      let fn = fnName(operationId);
      while (seenFn.has(fn) || seenFn.has(`${fn}Operation`)) fn = `${fn}2`;
      seenFn.add(fn);
      seenFn.add(`${fn}Operation`);
      const merged = new Map<string, Obj>();
      for (const raw of [...pathParams, ...((op.parameters ?? []) as unknown[])]) {
        const p = resolve(doc, raw);
        if (typeof p.name !== 'string') continue;
        merged.set(`${p.in}:${p.name}`, p);
      }
      const params: ParamInfo[] = [];
      for (const p of merged.values()) {
        const name = p.name as string;
        const where = p.in as string;
        if (where === 'cookie') continue;
        if (signingParams.has(name)) continue;
        if (where === 'header' && (headerKeyNames.has(name.toLowerCase()) || name.toLowerCase() === 'content-type')) continue;
        const schema = resolve(doc, p.schema ?? {});
        const ser = p['x-refspec-serialization'];
        let style: ParamInfo['style'] = ser === 'json' || ser === 'repeat-list' || ser === 'flat' ? ser : 'plain';
        if (style === 'plain' && schema.contentMediaType === 'application/json') style = 'json';
        let constant: string | undefined;
        if (schema.const !== undefined) constant = String(schema.const);
        else if (Array.isArray(schema.enum) && schema.enum.length === 1 && p.required) constant = String(schema.enum[0]);
        else if (kind === 'alibaba-rpc' && name === 'Action') constant = path.replace(/^\/#Action=/, '');
        let inputSchema: Obj | undefined = schema;
        if (style === 'json') inputSchema = schema.contentSchema ? resolve(doc, schema.contentSchema) : undefined;
        params.push({
          name,
          in: where as ParamInfo['in'],
          required: where === 'path' ? true : p.required === true,
          style,
          ...(constant !== undefined ? { const: constant } : {}),
          ...(str(p.description) ? { description: str(p.description) } : {}),
          schema,
          inputSchema,
          ...(p.example !== undefined ? { example: p.example } : {}),
        });
      }
      let body: OperationInfo['body'];
      if (op.requestBody) {
        const rb = resolve(doc, op.requestBody);
        const content = (rb.content ?? {}) as Obj;
        const ct = Object.keys(content).find((t) => /json/.test(t)) ?? Object.keys(content)[0];
        if (ct) {
          const media = content[ct] as Obj;
          body = {
            contentType: ct,
            required: rb.required === true,
            schema: media.schema as Obj | undefined,
            ...(str(rb.description) ? { description: str(rb.description) } : {}),
            examples: examplesOf(media),
          };
        }
      }
      const responses: OperationInfo['responses'] = [];
      let success: OperationInfo['success'];
      for (const [status, rRaw] of Object.entries((op.responses ?? {}) as Obj)) {
        const r = resolve(doc, rRaw);
        const content = (r.content ?? {}) as Obj;
        const ex: { contentType: string; example: ExampleInfo }[] = [];
        for (const [ct, m] of Object.entries(content)) for (const e of examplesOf(m as Obj)) ex.push({ contentType: ct, example: e });
        responses.push({ status, ...(str(r.description) ? { description: str(r.description) } : {}), examples: ex });
        if (!success && /^2/.test(status)) {
          const ct = Object.keys(content).find((t) => /json/.test(t));
          if (ct) success = { status, contentType: ct, hasSchema: !!(content[ct] as Obj).schema, examples: examplesOf(content[ct] as Obj) };
        }
      }
      const wirePath = kind === 'alibaba-rpc' ? '/' : path;
      operations.push({
        operationId,
        fnName: fn,
        method: method.toUpperCase(),
        specPath: path,
        wirePath,
        ...(str(op.summary) ? { summary: str(op.summary) } : {}),
        ...(str(op.description) ? { description: str(op.description) } : {}),
        tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
        deprecated: op.deprecated === true,
        params,
        ...(body ? { body } : {}),
        ...(success ? { success } : {}),
        responses,
        requestSamples: Array.isArray(op['x-refspec-request-examples']) ? (op['x-refspec-request-examples'] as RequestSample[]) : [],
        errorCodes: Array.isArray(op['x-refspec-error-codes']) ? (op['x-refspec-error-codes'] as OperationInfo['errorCodes']) : [],
        ...(str(op['x-refspec-source']) ? { source: str(op['x-refspec-source']) } : {}),
      });
    }
  }
  return {
    title: str(info.title) ?? 'API',
    version: String(info.version ?? ''),
    ...(str(info.description) ? { description: str(info.description) } : {}),
    kind,
    server: { url: str(server0.url) ?? '', variables },
    ...(rpcSigning ? { rpcSigning } : {}),
    signingParams,
    ...(tokenHeader ? { tokenHeader } : {}),
    operations,
    doc,
  };
}
