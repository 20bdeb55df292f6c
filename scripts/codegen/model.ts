/**
 * The codegen view of an OpenAPI document (prepared by load.ts: bundled, `$ref`s resolved by
 * Redocly): per operation, the wire descriptor (what the runtime builder needs), the input
 * properties (what the typed builder takes), the media types of the body and of the success
 * response, servers and security. Everything is read from the spec; nothing is per-operation
 * knowledge, and nothing is inferred from a vendor's name or a path's shape: vendor signings come
 * only from a security scheme's `x-refspec-signing` (what refspec's dialects write).
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { diag } from '../model/diagnostic.ts';
import { HTTP_METHODS, type PreparedDocument } from './load.ts';
import { fnName } from './names.ts';

export { fnName, typeName } from './names.ts';

type Obj = Record<string, unknown>;

/** Which client the API gets: a vendor signing named by `x-refspec-signing`, else the spec's own schemes. */
export type ApiKind = 'alibaba-rpc' | 'huawei-rest' | 'rest';

export type ParamLocation = 'query' | 'path' | 'header' | 'cookie';

/**
 * `plain`: the OpenAPI default of the location (query/cookie form + explode, path/header simple).
 * `json` / `repeat-list` / `flat`: refspec's `x-refspec-serialization` (Alibaba RPC forms).
 * The rest: an explicit OpenAPI `style`.
 */
export type ParamStyle = 'plain' | 'json' | 'repeat-list' | 'flat' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'simple' | 'label' | 'matrix';

/** How a body is encoded / a response decoded. */
export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

/** Parameters the RPC signer owns (the manual's "Make API requests" common parameters). */
export const RPC_SIGNING_PARAMS = new Set(['AccessKeyId', 'Format', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'SecurityToken', 'Timestamp', 'TimeStamp']);

export interface ParamInfo {
  /** Wire name. */
  name: string;
  /** Input property: the name, or `<in>_<name>` when another parameter (or the body) has the same name. */
  key: string;
  in: ParamLocation;
  required: boolean;
  style: ParamStyle;
  /** Only for explicit OpenAPI styles: whether arrays / objects are exploded. */
  explode?: boolean;
  allowReserved?: boolean;
  const?: string;
  description?: string;
  /** The parameter's schema with a top-level `$ref` followed. */
  schema: Obj;
  /** The schema as written (a `$ref` keeps the component's name). */
  rawSchema: unknown;
  /** Schema of the value the caller passes (the raw contentSchema of JSON-string parameters). */
  inputSchema: Obj | undefined;
  /** The parameter is described by `content` (a media type) rather than `schema`. */
  content?: string;
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

export interface EncodingInfo {
  contentType?: string;
  style?: ParamStyle;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface BodyInfo {
  contentType: string;
  kind: MediaKind;
  required: boolean;
  /** The schema as written (may be a `$ref`). */
  schema: Obj | undefined;
  description?: string;
  examples: ExampleInfo[];
  /** Encoding Objects of form and multipart bodies, by property. */
  encoding?: Record<string, EncodingInfo>;
  /** The other media types the operation accepts (the builder sends `contentType`). */
  alternatives: string[];
}

export interface ServerInfo {
  url: string;
  /** Default value of every variable. */
  variables: Record<string, string>;
}

export type SchemeInfo = { name: string; description?: string; signing?: 'alibaba-rpc' | 'huawei-aksk' } & (
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; paramName: string }
  | { type: 'http'; scheme: string; bearerFormat?: string }
  | { type: 'oauth2' }
  | { type: 'openIdConnect' }
  | { type: 'mutualTLS' }
);

export interface OperationInfo {
  operationId: string;
  /** lowerCamel function / method name. */
  fnName: string;
  method: string;
  /** Path key in the spec (`/#Action=X` for RPC). */
  specPath: string;
  /** Path on the wire: the spec's path without a fragment (`/` for `/#Action=X`). */
  wirePath: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  params: ParamInfo[];
  body?: BodyInfo;
  /** First 2xx response with content: its media type (JSON preferred). */
  success?: { status: string; contentType: string; kind: MediaKind; hasSchema: boolean; examples: ExampleInfo[]; alternatives: string[] };
  responses: { status: string; description?: string; examples: { contentType: string; example: ExampleInfo }[] }[];
  /** Path-item or operation `servers` (they replace the document's). */
  servers?: ServerInfo[];
  /** Operation `security` (alternatives of scheme names; `[]` = no authentication). */
  security?: string[][];
  requestSamples: RequestSample[];
  errorCodes: { httpStatus?: number; code?: string; message?: string }[];
  source?: string;
}

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
  kind: ApiKind;
  /** The spec was built from a manual (`info.x-refspec-source.document`). */
  fromManual: boolean;
  /** First server of the document ({url: ''} when there is none). */
  server: ServerInfo;
  servers: ServerInfo[];
  securitySchemes: SchemeInfo[];
  /** Document-level `security` (alternatives of scheme names). */
  security?: string[][];
  rpcSigning?: Record<string, string>;
  /** Parameters the signer adds (never part of builder input). */
  signingParams: Set<string>;
  tokenHeader?: string;
  operations: OperationInfo[];
  doc: Obj;
  deref: PreparedDocument['deref'];
  diagnostics: Diagnostic[];
}

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** Media type without parameters, lower case. */
export function mediaType(ct: string): string {
  return ct.split(';')[0].trim().toLowerCase();
}

export function mediaKind(ct: string): MediaKind {
  const t = mediaType(ct);
  if (t === 'application/json' || t.endsWith('+json') || t === 'text/json') return 'json';
  if (t === 'application/x-www-form-urlencoded') return 'form';
  if (t.startsWith('multipart/')) return 'multipart';
  if (t.startsWith('text/') || t === 'application/xml' || t.endsWith('+xml') || t === 'application/javascript' || t === 'application/yaml' || t === 'application/x-yaml') return 'text';
  return 'binary';
}

const KIND_ORDER: MediaKind[] = ['json', 'form', 'multipart', 'text', 'binary'];

/** The media type a client sends / expects first: JSON, then form, multipart, text, binary (document order within each). */
export function preferredMedia(types: string[]): string | undefined {
  for (const k of KIND_ORDER) {
    const t = types.find((x) => mediaKind(x) === k);
    if (t) return t;
  }
  return undefined;
}

const STYLES = new Set<ParamStyle>(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject', 'simple', 'label', 'matrix']);
const DEFAULT_STYLE: Record<ParamLocation, ParamStyle> = { query: 'form', cookie: 'form', path: 'simple', header: 'simple' };

function signingOf(s: Obj): SchemeInfo['signing'] {
  const sig = s['x-refspec-signing'];
  if (!isObj(sig)) return undefined;
  const style = str(sig.style)?.toLowerCase();
  if (style === 'alibaba-rpc') return 'alibaba-rpc';
  if (style === 'huawei-aksk' || /^sdk-hmac-sha256$/i.test(str(sig.algorithm) ?? '') || /^ak\/?sk$/i.test(str(sig.method) ?? '')) return 'huawei-aksk';
  return undefined;
}

function requirements(v: unknown): string[][] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isObj).map((r) => Object.keys(r));
}

export function readApi(prepared: PreparedDocument, file = 'spec'): ApiInfo {
  const { doc, deref } = prepared;
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const at = { file, line: 1 };
  const info = isObj(doc.info) ? doc.info : {};

  const examplesOf = (media: Obj | undefined): ExampleInfo[] => {
    const out: ExampleInfo[] = [];
    const ex = media?.examples;
    if (isObj(ex)) {
      for (const [name, e] of Object.entries(ex)) {
        const x = deref(e);
        if (!isObj(x) || !('value' in x)) continue;
        out.push({ name, ...(str(x.summary) ? { summary: str(x.summary) } : {}), value: x.value });
      }
    } else if (media && 'example' in media) {
      out.push({ name: 'example', value: media.example });
    }
    return out;
  };

  const serversOf = (v: unknown): ServerInfo[] | undefined => {
    if (!Array.isArray(v) || !v.length) return undefined;
    return v.filter(isObj).map((s) => {
      const variables: Record<string, string> = {};
      for (const [k, x] of Object.entries(isObj(s.variables) ? s.variables : {})) {
        const d = isObj(x) ? x.default : undefined;
        if (d !== undefined && d !== null) variables[k] = String(d);
      }
      return { url: typeof s.url === 'string' ? s.url : '', variables };
    });
  };

  // Security schemes, and the vendor signing one of them may name.
  const schemes: SchemeInfo[] = [];
  const rawSchemes = isObj(doc.components) && isObj(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  let kind: ApiKind = 'rest';
  for (const [name, raw] of Object.entries(rawSchemes)) {
    const s = deref(raw);
    if (!isObj(s)) continue;
    const signing = signingOf(s);
    const common = { name, ...(str(s.description) ? { description: str(s.description) } : {}), ...(signing ? { signing } : {}) };
    if (signing === 'alibaba-rpc') kind = 'alibaba-rpc';
    else if (signing === 'huawei-aksk' && kind === 'rest') kind = 'huawei-rest';
    const type = str(s.type);
    if (type === 'apiKey' && (s.in === 'header' || s.in === 'query' || s.in === 'cookie') && str(s.name)) schemes.push({ ...common, type, in: s.in, paramName: s.name as string });
    else if (type === 'http' && str(s.scheme)) schemes.push({ ...common, type, scheme: s.scheme as string, ...(str(s.bearerFormat) ? { bearerFormat: str(s.bearerFormat) } : {}) });
    else if (type === 'oauth2' || type === 'openIdConnect' || type === 'mutualTLS') schemes.push({ ...common, type });
    else diagnostics.push(diag('security-scheme-unknown', 'warning', `security scheme "${name}" (type ${JSON.stringify(s.type)}) is not understood; the client cannot use it`, at));
    if (type === 'mutualTLS') diagnostics.push(diag('security-scheme-mutual-tls', 'info', `security scheme "${name}" is mutual TLS: the client sends no credentials for it (pass a fetch whose agent holds the certificate)`, at));
  }

  let rpcSigning: ApiInfo['rpcSigning'];
  const signingParams = new Set<string>(kind === 'alibaba-rpc' ? RPC_SIGNING_PARAMS : []);
  let tokenHeader: string | undefined;
  // Parameters a security scheme supplies (the client sets them, the caller does not).
  const schemeParams = { header: new Set<string>(), query: new Set<string>(), cookie: new Set<string>() };
  for (const s of schemes) {
    if (s.type === 'apiKey') {
      schemeParams[s.in].add(s.in === 'header' ? s.paramName.toLowerCase() : s.paramName);
      if (s.in === 'header' && !s.signing && !tokenHeader) tokenHeader = s.paramName;
    }
    if (s.signing === 'alibaba-rpc' && kind === 'alibaba-rpc') {
      const signing = (deref(rawSchemes[s.name]) as Obj)['x-refspec-signing'] as Obj;
      rpcSigning = {};
      const method = str(signing.signatureMethod) ?? str(signing.algorithm);
      const version = signing.signatureVersion ?? signing.version;
      if (method) rpcSigning.signatureMethod = method;
      if (version !== undefined && version !== null) rpcSigning.signatureVersion = String(version);
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
  const seenFn = new Set<string>(['builders', 'operationDescriptors', 'buildRequest', 'createClient', 'apiDefaults', 'apiServers', 'b', 'core', 'components', 'operations', 'paths', 'webhooks', 'input', 'options']);
  const paths = isObj(doc.paths) ? doc.paths : {};
  for (const [path, itemRaw] of Object.entries(paths)) {
    const item = deref(itemRaw);
    if (!isObj(item)) continue;
    const pathParams = Array.isArray(item.parameters) ? item.parameters : [];
    const pathServers = serversOf(item.servers);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      // load.ts gave every operation a unique operationId.
      const operationId = str(op.operationId) ?? `${method} ${path}`;
      let fn = fnName(operationId);
      while (seenFn.has(fn) || seenFn.has(`${fn}Operation`)) fn = `${fn}2`;
      seenFn.add(fn);
      seenFn.add(`${fn}Operation`);
      const merged = new Map<string, Obj>();
      for (const raw of [...pathParams, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const p = deref(raw);
        if (!isObj(p) || typeof p.name !== 'string' || !['query', 'path', 'header', 'cookie'].includes(p.in as string)) continue;
        merged.set(`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p);
      }
      const params: ParamInfo[] = [];
      for (const p of merged.values()) {
        const name = p.name as string;
        const where = p.in as ParamLocation;
        if (signingParams.has(name)) continue;
        if (where === 'header' && ['accept', 'content-type', 'authorization'].includes(name.toLowerCase())) continue;
        if (where !== 'path' && schemeParams[where].has(where === 'header' ? name.toLowerCase() : name)) continue;
        let rawSchema: unknown = p.schema;
        let content: string | undefined;
        if (rawSchema === undefined && isObj(p.content)) {
          content = Object.keys(p.content)[0];
          const m = content ? deref((p.content as Obj)[content]) : undefined;
          rawSchema = isObj(m) ? m.schema : undefined;
        }
        const resolved = deref(rawSchema ?? {});
        const schema: Obj = isObj(resolved) ? resolved : {};
        const ser = p['x-refspec-serialization'];
        let style: ParamStyle = ser === 'json' || ser === 'repeat-list' || ser === 'flat' ? ser : 'plain';
        let explode: boolean | undefined;
        if (style === 'plain' && content) style = mediaKind(content) === 'json' ? 'json' : 'plain';
        else if (style === 'plain' && schema.contentMediaType === 'application/json') style = 'json';
        else if (style === 'plain' && (p.style !== undefined || p.explode !== undefined)) {
          const s = STYLES.has(p.style as ParamStyle) ? (p.style as ParamStyle) : DEFAULT_STYLE[where];
          const e = typeof p.explode === 'boolean' ? p.explode : s === 'form';
          // The location's default spelled out is still the default.
          if (!(s === DEFAULT_STYLE[where] && e === (s === 'form'))) {
            style = s;
            explode = e;
          }
        }
        let constant: string | undefined;
        if (schema.const !== undefined && schema.const !== null && typeof schema.const !== 'object') constant = String(schema.const);
        else if (Array.isArray(schema.enum) && schema.enum.length === 1 && p.required === true && schema.enum[0] !== null && typeof schema.enum[0] !== 'object') constant = String(schema.enum[0]);
        else if (kind === 'alibaba-rpc' && name === 'Action' && path.startsWith('/#Action=')) constant = path.slice('/#Action='.length);
        let inputSchema: Obj | undefined = schema;
        if (style === 'json' && !content) inputSchema = isObj(schema.contentSchema) ? schema.contentSchema : undefined;
        params.push({
          name,
          key: name,
          in: where,
          required: where === 'path' ? true : p.required === true,
          style,
          ...(explode !== undefined ? { explode } : {}),
          ...(p.allowReserved === true && where === 'query' ? { allowReserved: true } : {}),
          ...(constant !== undefined ? { const: constant } : {}),
          ...(str(p.description) ? { description: str(p.description) } : {}),
          schema,
          rawSchema,
          inputSchema,
          ...(content ? { content } : {}),
          ...(p.example !== undefined ? { example: p.example } : {}),
        });
      }
      let body: BodyInfo | undefined;
      const rb = deref(op.requestBody);
      if (isObj(rb) && isObj(rb.content)) {
        const types = Object.keys(rb.content);
        const ct = preferredMedia(types);
        if (ct) {
          const media = deref(rb.content[ct]);
          const m = isObj(media) ? media : {};
          let encoding: Record<string, EncodingInfo> | undefined;
          const k = mediaKind(ct);
          if ((k === 'form' || k === 'multipart') && isObj(m.encoding)) {
            encoding = {};
            for (const [prop, raw] of Object.entries(m.encoding)) {
              if (!isObj(raw)) continue;
              const e: EncodingInfo = {};
              if (str(raw.contentType)) e.contentType = raw.contentType as string;
              if (k === 'form' && (raw.style !== undefined || raw.explode !== undefined)) {
                e.style = STYLES.has(raw.style as ParamStyle) ? (raw.style as ParamStyle) : 'form';
                e.explode = typeof raw.explode === 'boolean' ? raw.explode : e.style === 'form';
              }
              if (raw.allowReserved === true) e.allowReserved = true;
              encoding[prop] = e;
            }
          }
          body = {
            contentType: ct,
            kind: k,
            required: rb.required === true,
            schema: isObj(m.schema) ? m.schema : undefined,
            ...(str(rb.description) ? { description: str(rb.description) } : {}),
            examples: examplesOf(m),
            ...(encoding && Object.keys(encoding).length ? { encoding } : {}),
            alternatives: types.filter((t) => t !== ct),
          };
        }
      }
      // Input keys: the wire name, unless another parameter or the body claims it.
      const count = new Map<string, number>();
      for (const p of params) if (p.const === undefined) count.set(p.name, (count.get(p.name) ?? 0) + 1);
      if (body) count.set('body', (count.get('body') ?? 0) + 1);
      const keys = new Set<string>(body ? ['body'] : []);
      for (const p of params) {
        if (p.const !== undefined || (count.get(p.name) ?? 0) < 2) continue;
        let key = `${p.in}_${p.name}`;
        while (keys.has(key) || count.has(key)) key = `${key}_`;
        keys.add(key);
        p.key = key;
      }
      const responses: OperationInfo['responses'] = [];
      let success: OperationInfo['success'];
      for (const [status, rRaw] of Object.entries(isObj(op.responses) ? op.responses : {})) {
        const r = deref(rRaw);
        if (!isObj(r)) continue;
        const content = isObj(r.content) ? r.content : {};
        const ex: { contentType: string; example: ExampleInfo }[] = [];
        for (const [ct, m] of Object.entries(content)) for (const e of examplesOf(deref(m))) ex.push({ contentType: ct, example: e });
        responses.push({ status, ...(str(r.description) ? { description: str(r.description) } : {}), examples: ex });
        if (!success && /^2/.test(status)) {
          const types = Object.keys(content);
          const ct = preferredMedia(types);
          if (ct) {
            const media = deref(content[ct]);
            success = { status, contentType: ct, kind: mediaKind(ct), hasSchema: isObj(media) && media.schema !== undefined, examples: examplesOf(isObj(media) ? media : undefined), alternatives: types.filter((t) => t !== ct) };
          }
        }
      }
      const servers = serversOf(op.servers) ?? pathServers;
      const security = requirements(op.security);
      operations.push({
        operationId,
        fnName: fn,
        method: method.toUpperCase(),
        specPath: path,
        // A fragment is never sent (`/#Action=X` keeps RPC paths unique in the document).
        wirePath: path.replace(/#.*$/, '') || '/',
        ...(str(op.summary) ? { summary: str(op.summary) } : {}),
        ...(str(op.description) ? { description: str(op.description) } : {}),
        tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
        deprecated: op.deprecated === true,
        params,
        ...(body ? { body } : {}),
        ...(success ? { success } : {}),
        responses,
        ...(servers ? { servers } : {}),
        ...(security ? { security } : {}),
        requestSamples: Array.isArray(op['x-refspec-request-examples']) ? (op['x-refspec-request-examples'] as RequestSample[]) : [],
        errorCodes: Array.isArray(op['x-refspec-error-codes']) ? (op['x-refspec-error-codes'] as OperationInfo['errorCodes']) : [],
        ...(str(op['x-refspec-source']) ? { source: str(op['x-refspec-source']) } : {}),
      });
    }
  }
  const servers = serversOf(doc.servers) ?? [];
  const security = requirements(doc.security);
  const source = info['x-refspec-source'];
  return {
    title: str(info.title) ?? 'API',
    version: info.version === undefined || info.version === null ? '' : String(info.version),
    ...(str(info.description) ? { description: str(info.description) } : {}),
    kind,
    fromManual: isObj(source) && typeof source.document === 'string',
    server: servers[0] ?? { url: '', variables: {} },
    servers,
    securitySchemes: schemes,
    ...(security ? { security } : {}),
    ...(rpcSigning ? { rpcSigning } : {}),
    signingParams,
    ...(tokenHeader ? { tokenHeader } : {}),
    operations,
    doc,
    deref,
    diagnostics,
  };
}
