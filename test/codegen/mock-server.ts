/**
 * A loopback HTTP server built from a spec: it checks each request's signature (with the vendors'
 * own signing code, independent of the runtime under test) and parameters, then answers with the
 * manual's sample response. Faults (429 / throttling / 5xx / delays) can be queued.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ApiInfo, OperationInfo } from '../../scripts/codegen/model.ts';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js') as {
  AKSKSigner: { sign(req: unknown, cred: { getAk(): string; getSk(): string }): Record<string, string> };
};
const util = (require('@alicloud/openapi-util') as { default: { getRPCSignature(params: Record<string, string>, method: string, secret: string): string } }).default;

type Obj = Record<string, unknown>;

export interface Fault {
  status: number;
  code?: string;
  message?: string;
  retryAfter?: string;
  delayMs?: number;
}

export interface Secrets {
  alibaba?: { accessKeyId: string; accessKeySecret: string };
  huawei?: { ak: string; sk: string; token?: string };
}

export interface Received {
  operationId?: string;
  method: string;
  url: string;
  status: number;
  problem?: string;
}

export interface MockServer {
  url: string;
  received: Received[];
  inject(...faults: Fault[]): void;
  close(): Promise<void>;
}

function successSample(op: OperationInfo): { status: number; body: unknown } | undefined {
  if (!op.success) return undefined;
  const ex = op.success.examples[0];
  return ex ? { status: Number(op.success.status), body: ex.value } : undefined;
}

function checkValue(schema: Obj, value: string): boolean {
  const t = schema.type;
  if (schema.const !== undefined) return String(schema.const) === value;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.map(String).includes(value);
  if (t === 'integer') return /^-?\d+$/.test(value);
  if (t === 'number') return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value);
  if (t === 'boolean') return value === 'true' || value === 'false';
  return true;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startMockServer(api: ApiInfo, secrets: Secrets): Promise<MockServer> {
  const received: Received[] = [];
  const faults: Fault[] = [];
  let n = 0;
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'spec', components: ((api.doc.components ?? {}) as Obj) }, 'spec');
  const bodyValidator = (schema: Obj) => ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/')));
  const rpcOps = new Map(api.operations.map((o) => [o.operationId, o]));
  const restOps = api.operations.map((o) => ({
    op: o,
    re: new RegExp(`^${o.wirePath.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  const server: Server = createServer((req, res) => {
    void (async () => {
      const requestId = `mock-${++n}`;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const rec: Received = { method: req.method ?? '', url: req.url ?? '', status: 0 };
      received.push(rec);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        rec.status = status;
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': requestId, ...headers });
        res.end(JSON.stringify(payload));
      };
      const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) => {
        rec.problem = `${code}: ${message}`;
        send(status, api.kind === 'alibaba-rpc' ? { Code: code, Message: message, RequestId: requestId } : { error_code: code, error_msg: message, request_id: requestId }, headers);
      };
      const fault = faults.shift();
      if (fault) {
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (res.destroyed) return;
        if (fault.status === 200) return send(200, {});
        fail(fault.status, fault.code ?? `HTTP${fault.status}`, fault.message ?? 'injected fault', fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
        rec.problem = undefined;
        rec.operationId = 'injected';
        return;
      }
      let op: OperationInfo | undefined;
      if (api.kind === 'alibaba-rpc') {
        const params: Record<string, string> = {};
        for (const [k, v] of url.searchParams) params[k] = v;
        op = rpcOps.get(params.Action ?? '');
        rec.operationId = op?.operationId;
        if (!op) return fail(400, 'InvalidAction.NotFound', `unknown Action ${params.Action}`);
        const s = secrets.alibaba!;
        const given = params.Signature;
        const { Signature: _s, ...rest } = params;
        if (!given || util.getRPCSignature(rest, req.method ?? 'GET', s.accessKeySecret) !== given) return fail(400, 'IncompleteSignature', 'signature does not match');
        if (params.AccessKeyId !== s.accessKeyId) return fail(404, 'InvalidAccessKeyId.NotFound', 'unknown AccessKeyId');
        const known = new Set([...op.params.map((p) => p.name), ...api.signingParams]);
        for (const k of Object.keys(params)) {
          const head = k.split('.')[0];
          if (!known.has(k) && !known.has(head)) return fail(400, 'InvalidParameter', `unknown parameter ${k}`);
        }
        for (const p of op.params) {
          const present = Object.keys(params).some((k) => k === p.name || k.startsWith(`${p.name}.`));
          if (p.required && !present) return fail(400, 'MissingParameter', `missing ${p.name}`);
          const v = params[p.name];
          if (v !== undefined && p.style === 'plain' && !checkValue(p.schema, v)) return fail(400, 'InvalidParameter', `bad value for ${p.name}`);
          if (v !== undefined && p.style === 'json') {
            try {
              JSON.parse(v);
            } catch {
              // The manual's JSON-string samples are sometimes not JSON; accept text as printed.
            }
          }
        }
      } else {
        const match = restOps.find((r) => r.op.method === req.method && r.re.test(url.pathname));
        op = match?.op;
        rec.operationId = op?.operationId;
        if (!op) return fail(404, 'APIGW.0101', `no route for ${req.method} ${url.pathname}`);
        const s = secrets.huawei!;
        const auth = req.headers.authorization;
        if (auth) {
          const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
          const headers: Record<string, string> = {};
          for (const h of signed) headers[h] = String(req.headers[h] ?? '');
          const queryParams: Record<string, string> = {};
          for (const [k, v] of url.searchParams) queryParams[k] = v;
          // The SDK looks up its own header spellings (X-Sdk-Date, host); Node lower-cases names.
          const { 'x-sdk-date': date, ...others } = headers;
          const theirs = AKSKSigner.sign(
            { endpoint: `http://${headers.host}${decodeURIComponent(url.pathname)}`, method: req.method, headers: { ...others, 'X-Sdk-Date': date }, queryParams, data: body ? JSON.parse(body) : undefined },
            { getAk: () => s.ak, getSk: () => s.sk },
          );
          if (theirs.Authorization !== auth) return fail(401, 'APIGW.0301', 'signature does not match');
        } else if (!s.token || req.headers['x-auth-token'] !== s.token) {
          return fail(401, 'APIGW.0301', 'missing or wrong X-Auth-Token');
        }
        for (const p of op.params) {
          if (p.in === 'query' && p.required && !url.searchParams.has(p.name)) return fail(400, 'ASM.0001', `missing ${p.name}`);
          if (p.in === 'header' && p.required && req.headers[p.name.toLowerCase()] === undefined) return fail(400, 'ASM.0001', `missing header ${p.name}`);
        }
        if (op.body) {
          if (!body && op.body.required) return fail(400, 'ASM.0001', 'missing body');
          if (body && op.body.schema) {
            const v = bodyValidator(op.body.schema);
            if (!v(JSON.parse(body))) return fail(400, 'ASM.0001', `body does not match the schema: ${ajv.errorsText(v.errors)}`);
          }
        }
      }
      const sample = successSample(op);
      if (!sample) return send(200, {});
      send(sample.status, sample.body);
    })().catch((err) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    inject: (...f) => faults.push(...f),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
