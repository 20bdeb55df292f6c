/**
 * End to end over real HTTP: the generated client (signing, retries, errors) against a loopback
 * server built from the spec that verifies signatures with the vendors' own code and answers with
 * the manual's sample responses. Every operation with a sample response is called.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiConfigs, fixtureDoc, generateInto, specOf, writeArtifact, type Generated } from './helpers.ts';
import { startMockServer, type MockServer } from './mock-server.ts';
import { decodeRpcSample } from '../../scripts/codegen/samples.ts';
import type { ApiInfo, OperationInfo, ParamInfo } from '../../scripts/codegen/model.ts';
import { SPEC_DEFECTS } from './document-errors.ts';

type Obj = Record<string, unknown>;
type Method = (input?: Obj, init?: { signal?: AbortSignal }) => Promise<unknown>;
type ClientModule = { createClient(options: Obj): Record<string, Method>; ApiError: new (...a: never[]) => Error };

const ALI = { accessKeyId: 'LTAI5tTESTKEYID', accessKeySecret: 'alibaba-SECRET-must-not-leak' };
const HW = { ak: 'HWTESTAK0001', sk: 'huawei-SK-must-not-leak', token: 'huawei-TOKEN-must-not-leak' };
const SECRETS = [ALI.accessKeySecret, HW.sk, HW.token];

function placeholder(p: ParamInfo): unknown {
  if (p.example !== undefined) return p.example;
  const t = p.schema.type;
  if (t === 'integer' || t === 'number') return 1;
  if (t === 'boolean') return false;
  if (Array.isArray(p.schema.enum) && p.schema.enum.length) return p.schema.enum[0];
  return `sample-${p.name}`;
}

function resolveRef(doc: Obj, schema: Obj | undefined): Obj {
  let cur = schema ?? {};
  while (typeof cur.$ref === 'string') {
    cur = (cur.$ref as string).replace(/^#\//, '').split('/').reduce<Obj>((o, k) => (o?.[k] ?? {}) as Obj, doc);
  }
  return cur;
}

/** The smallest value the documented structure allows (required members only). */
function minimalValue(doc: Obj, schema: Obj | undefined, depth = 0): unknown {
  const s = resolveRef(doc, schema);
  if (depth > 10) return {};
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  switch (s.type) {
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'boolean':
      return false;
    case 'array':
      return typeof s.minItems === 'number' && s.minItems > 0 ? [minimalValue(doc, s.items as Obj, depth + 1)] : [];
    case 'string': {
      const min = typeof s.minLength === 'number' ? s.minLength : 1;
      return 'x'.repeat(Math.max(1, min));
    }
    default: {
      const out: Obj = {};
      const props = (s.properties ?? {}) as Obj;
      for (const k of (s.required ?? []) as string[]) out[k] = minimalValue(doc, props[k] as Obj, depth + 1);
      return out;
    }
  }
}

/** Typed input for an operation: the manual's sample request when there is one, documented examples for the rest. */
function inputFor(api: ApiInfo, op: OperationInfo): Obj {
  const input: Obj = {};
  const sample = op.requestSamples[0];
  if (api.kind === 'alibaba-rpc' && sample) Object.assign(input, decodeRpcSample(op, sample, api.signingParams).input);
  for (const p of op.params) if (p.required && p.const === undefined && input[p.name] === undefined) input[p.name] = placeholder(p);
  if (op.body && op.body.examples[0]) input.body = op.body.examples[0].value;
  else if (op.body?.required) input.body = minimalValue(api.doc, op.body.schema);
  return input;
}

interface Suite {
  name: string;
  gen: Generated;
  server: MockServer;
  client: (options?: Obj) => Record<string, Method>;
  mod: ClientModule;
}

async function suite(doc: Obj, tag: string, kind: 'alibaba' | 'huawei', mode: 'aksk' | 'token' = 'aksk'): Promise<Suite> {
  const gen = await generateInto(doc, tag);
  const server = await startMockServer(gen.api, { alibaba: ALI, huawei: HW });
  const mod = await gen.import<ClientModule>('client.ts');
  const credentials = kind === 'alibaba' ? ALI : mode === 'aksk' ? { ak: HW.ak, sk: HW.sk, projectId: 'p0123456789' } : { token: HW.token, projectId: 'p0123456789' };
  const delays: number[] = [];
  return {
    name: tag,
    gen,
    server,
    mod,
    client: (options = {}) => mod.createClient({ credentials, endpoint: server.url, retries: 3, backoffMs: 1, sleep: async (ms: number) => void delays.push(ms), ...options }),
  };
}

const apis = await apiConfigs();
const suites: Suite[] = [];
afterAll(async () => {
  for (const s of suites) {
    await s.server.close();
    await s.gen.cleanup();
  }
});

describe.each(apis.map((a) => ({ name: a.name, api: a })))('generated client of $name against a mock server', ({ api }) => {
  let s: Suite;
  beforeAll(async () => {
    const { doc } = await specOf(api);
    s = await suite(doc, `e2e-${api.generated}`, api.dialect.startsWith('alibaba') ? 'alibaba' : 'huawei');
    suites.push(s);
  });

  it('calls every operation that has a sample response and gets the sample back, typed', async () => {
    const client = s.client();
    const called: string[] = [];
    const failures: string[] = [];
    const explained: string[] = [];
    for (const op of s.gen.api.operations) {
      const sample = op.success?.examples[0];
      if (!sample) continue;
      try {
        const result = await client[op.fnName](inputFor(s.gen.api, op));
        expect(result).toEqual(sample.value);
        called.push(op.operationId);
      } catch (err) {
        const why = SPEC_DEFECTS[`${op.operationId}/e2e`];
        if (why) explained.push(`${op.operationId}: ${why}`);
        else failures.push(`${op.operationId}: ${(err as Error).message}`);
      }
    }
    const withSample = s.gen.api.operations.filter((o) => o.success?.examples.length).length;
    console.log(`e2e ${api.name}: ${called.length}/${withSample} operations with a sample response called over HTTP (of ${s.gen.api.operations.length} operations); ${s.server.received.length} requests, all signature-checked; explained: ${explained.join(' | ') || 'none'}`);
    await writeArtifact(`e2e-${api.generated}.json`, `${JSON.stringify({ called, failures, requests: s.server.received }, null, 2)}\n`);
    expect(failures).toEqual([]);
    expect(s.server.received.filter((r) => r.problem && !SPEC_DEFECTS[`${r.operationId}/e2e`])).toEqual([]);
    if (s.gen.api.kind === 'alibaba-rpc') {
      expect(called.length).toBeGreaterThan(0);
      // the protocol's "Timestamp" on the wire, whatever the manual prints ("TimeStamp" in the bundled one)
      expect(s.gen.api.rpcSigning?.timestampParameter).toBe('Timestamp');
      expect(s.server.received[0].url).toMatch(/[?&]Timestamp=\d{4}-\d\d-\d\dT/);
    }
  });
});

describe('retries, timeouts and typed errors over HTTP', () => {
  let ali: Suite;
  let hwAkSk: Suite;
  let hwToken: Suite;
  beforeAll(async () => {
    ali = await suite(await fixtureDoc('alibaba-mini.openapi.yaml'), 'e2e-fixture-ali', 'alibaba');
    hwAkSk = await suite(await fixtureDoc('huawei-mini.openapi.yaml'), 'e2e-fixture-hw', 'huawei', 'aksk');
    hwToken = await suite(await fixtureDoc('huawei-mini.openapi.yaml'), 'e2e-fixture-hwt', 'huawei', 'token');
    suites.push(ali, hwAkSk, hwToken);
  });

  it('retries 429 throttling and 503 with backoff, honouring Retry-After, re-signing every attempt', async () => {
    const delays: number[] = [];
    const retries: Obj[] = [];
    const client = ali.client({ sleep: async (ms: number) => void delays.push(ms), backoffMs: 100, onRetry: (i: Obj) => retries.push(i) });
    const before = ali.server.received.length;
    ali.server.inject({ status: 429, code: 'Throttling.User' }, { status: 503, code: 'ServiceUnavailable' });
    const out = await client.describeThings({ ServiceMeshId: 'm-1' });
    expect(out).toEqual({ RequestId: '11fd0027-c27e', Things: [{ Name: 'a', Size: 1 }], TotalCount: 1 });
    const seen = ali.server.received.slice(before);
    expect(seen.map((r) => r.status)).toEqual([429, 503, 200]);
    expect(delays).toEqual([100, 200]);
    expect(retries.map((r) => r.code)).toEqual(['Throttling.User', 'ServiceUnavailable']);
    const nonces = seen.map((r) => new URL(r.url, 'http://x').searchParams.get('SignatureNonce'));
    expect(new Set(nonces).size).toBe(3);
  });

  it('waits as long as Retry-After says', async () => {
    const delays: number[] = [];
    const client = hwAkSk.client({ sleep: async (ms: number) => void delays.push(ms) });
    hwAkSk.server.inject({ status: 429, code: 'APIGW.0308', retryAfter: '2' }, { status: 502, retryAfter: new Date(Date.now() + 60_000).toUTCString() });
    await expect(client.listMeshes({})).resolves.toMatchObject({ kind: 'MeshList' });
    expect(delays[0]).toBe(2000);
    // an HTTP-date Retry-After a minute away is capped by maxDelayMs (default 20 s)
    expect(delays[1]).toBe(20_000);
  });

  it('throws a typed ApiError with status, vendor code, message and request id once retries run out, without secrets', async () => {
    const client = ali.client({ retries: 2 });
    ali.server.inject({ status: 503, code: 'ServiceUnavailable', message: `echo ${ALI.accessKeySecret}` }, { status: 503, code: 'ServiceUnavailable' }, { status: 503, code: 'ServiceUnavailable', message: `backend busy, key ${ALI.accessKeySecret}` });
    const err = (await client.describeThings({ ServiceMeshId: 'm-1' }).catch((e: unknown) => e)) as Obj & Error;
    expect(err).toBeInstanceOf(ali.mod.ApiError);
    expect(err).toMatchObject({ status: 503, code: 'ServiceUnavailable', operationId: 'DescribeThings', attempts: 3, vendorMessage: 'backend busy, key ***' });
    expect(String(err.requestId)).toMatch(/^mock-\d+$/);
    expect(err.message).toMatch(/DescribeThings: GET http:\/\/127\.0\.0\.1:\d+\/ failed with HTTP 503: ServiceUnavailable: backend busy, key \*\*\* \(request id mock-\d+\)/);
    for (const text of [err.message, JSON.stringify(err), inspect(err, { depth: 5 }), String(err.stack), inspect(client, { depth: 5 })]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toContain('Signature=');
    }
  });

  it('does not retry a client error and reports the vendor code', async () => {
    const client = hwToken.client();
    const before = hwToken.server.received.length;
    hwToken.server.inject({ status: 400, code: 'ASM.0001', message: 'bad request' });
    const err = (await client.listMeshes({}).catch((e: unknown) => e)) as Obj;
    expect(err).toMatchObject({ status: 400, code: 'ASM.0001', attempts: 1 });
    expect(hwToken.server.received.length - before).toBe(1);
  });

  it('times out through AbortSignal and reports code Timeout', async () => {
    const client = hwAkSk.client({ timeoutMs: 50, retries: 0 });
    hwAkSk.server.inject({ status: 200, delayMs: 400 });
    const err = (await client.listMeshes({}).catch((e: unknown) => e)) as Obj;
    expect(err).toMatchObject({ status: 0, code: 'Timeout', attempts: 1 });
  });

  it('uses the token header in token mode and the AK/SK signature otherwise (both verified by the server)', async () => {
    const body = { apiVersion: 'v1', kind: 'Mesh', metadata: { name: 'mesh-a' }, spec: { type: 'InCluster', version: '1.18.7-r5' } };
    await expect(hwToken.client().createMesh({ body })).resolves.toEqual({ kind: 'Mesh', apiVersion: 'v1', metadata: { name: 'mesh-a', uid: 'u-1' } });
    await expect(hwAkSk.client().createMesh({ body })).resolves.toEqual({ kind: 'Mesh', apiVersion: 'v1', metadata: { name: 'mesh-a', uid: 'u-1' } });
    const bad = hwAkSk.mod.createClient({ credentials: { ak: HW.ak, sk: 'wrong-sk', projectId: 'p' }, endpoint: hwAkSk.server.url, retries: 0 });
    await expect(bad.deleteMesh({ mesh_id: 'm' })).rejects.toMatchObject({ status: 401, code: 'APIGW.0301' });
  });

  it('lets the caller override a signing parameter name read from the spec', async () => {
    const before = ali.server.received.length;
    await ali.client({ signing: { timestampParameter: 'TimeStamp' } }).deleteThing({ ThingId: 'c`d' });
    const url = ali.server.received[before].url;
    expect(url).toMatch(/[?&]TimeStamp=/);
    expect(url).not.toMatch(/[?&]Timestamp=/);
    expect(ali.server.received[before].status).toBe(200);
  });

  it('stops at once when the caller aborts (no retry)', async () => {
    const client = hwAkSk.client({ retries: 3 });
    hwAkSk.server.inject({ status: 200, delayMs: 400 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const err = (await client.listMeshes({}, { signal: controller.signal }).catch((e: unknown) => e)) as Obj;
    expect(err).toMatchObject({ status: 0, code: 'Aborted', attempts: 1 });
  });

  it('retries network failures and then reports NetworkError with the cause', async () => {
    const closed = await startMockServer(ali.gen.api, { alibaba: ALI });
    const url = closed.url;
    await closed.close();
    const client = ali.mod.createClient({ credentials: ALI, endpoint: url, retries: 1, backoffMs: 1 });
    const err = (await client.deleteThing({ ThingId: 'a*/b' }).catch((e: unknown) => e)) as Obj & Error;
    expect(err).toMatchObject({ status: 0, code: 'NetworkError', attempts: 2 });
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('sends through a caller-supplied fetch', async () => {
    const seen: string[] = [];
    const fetchImpl = (url: string, init: Obj) => {
      seen.push(`${init.method} ${new URL(url).pathname}`);
      return globalThis.fetch(url, init as RequestInit);
    };
    await expect(hwToken.client({ fetch: fetchImpl }).listMeshes({ limit: 2 })).resolves.toMatchObject({ kind: 'MeshList' });
    expect(seen).toEqual(['GET /v1/p0123456789/meshes']);
  });

  it('resolves the endpoint from region and the spec server variables', async () => {
    const { resolveEndpoint } = await import('../../templates/runtime/client-core.ts');
    const server = { url: 'https://asm.{region}.myhuaweicloud.com', variables: { region: 'cn-north-1' } };
    expect(resolveEndpoint(server, {})).toBe('https://asm.cn-north-1.myhuaweicloud.com');
    expect(resolveEndpoint(server, { region: 'ap-southeast-1' })).toBe('https://asm.ap-southeast-1.myhuaweicloud.com');
    expect(resolveEndpoint(server, { endpoint: 'http://127.0.0.1:9/' })).toBe('http://127.0.0.1:9');
    expect(() => resolveEndpoint({ url: 'https://{zone}.x', variables: {} }, {})).toThrow(/needs "zone"/);
  });

  it('fills RegionId from the region option (Alibaba)', async () => {
    const before = ali.server.received.length;
    await ali.client({ region: 'cn-beijing' }).describeThings({ ServiceMeshId: 'm' });
    expect(new URL(ali.server.received[before].url, 'http://x').searchParams.get('RegionId')).toBe('cn-beijing');
  });

  it('reads credentials from the environment when none are passed', async () => {
    const saved = { ...process.env };
    try {
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = ALI.accessKeyId;
      process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = ALI.accessKeySecret;
      const client = ali.mod.createClient({ endpoint: ali.server.url });
      await expect(client.deleteThing({ ThingId: 'a*/b' })).resolves.toEqual({ RequestId: 'abc' });
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      expect(() => ali.mod.createClient({ endpoint: ali.server.url })).toThrow(/ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    } finally {
      process.env = saved;
    }
  });
});
