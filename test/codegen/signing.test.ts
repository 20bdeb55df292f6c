/**
 * The runtime's signers against the vendors' own signing code (devDependencies, used only here):
 * Alibaba @alicloud/openapi-util getRPCSignature and Huawei's AKSKSigner (deep import).
 * Neither manual prints a worked signature (Alibaba shows `Signature=xxxx%xxxx%3D`, Huawei only
 * names the scheme), so fixed inputs stand in for a manual example.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rpcSignature, signRpcRequest, canonicalizeRpc } from '../../templates/runtime/alibaba-rpc.ts';
import { signAkSkRequest, sdkDate } from '../../templates/runtime/huawei-aksk.ts';
import { AlibabaCredentials, HuaweiAkSkCredentials } from '../../templates/runtime/credentials.ts';
import { decodeQuery } from '../../templates/runtime/encode.ts';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js') as {
  AKSKSigner: { sign(req: unknown, cred: { getAk(): string; getSk(): string }): Record<string, string> };
};
const util = (require('@alicloud/openapi-util') as { default: { getRPCSignature(params: Record<string, string>, method: string, secret: string): string } }).default;

const rpcCases: { name: string; params: Record<string, string>; secret: string; method?: string }[] = [
  { name: 'plain ASCII', params: { Action: 'DescribeServiceMeshes', Version: '2020-01-11', Format: 'JSON' }, secret: 'testsecret' },
  {
    name: 'JSON-string value with quotes, braces and commas',
    params: { Action: 'CreateServiceMesh', VSwitches: '["vsw-xzegf5dndkbf4m6eg****"]', LocalityLBConf: '{"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}' },
    secret: 's3cr3t/+=',
  },
  { name: 'RFC 3986 reserved and unreserved characters', params: { A: "a b*c~d!e'f(g)h+i/j:k", 'B.1': '-_.~', 'B.2': '%20' }, secret: 'x' },
  { name: 'non-ASCII (UTF-8) text', params: { Name: '服务网格 mesh ü', Description: 'ä€𝄞' }, secret: '密钥' },
  { name: 'empty value and POST', params: { Action: 'X', Empty: '' }, secret: 'k', method: 'POST' },
  {
    name: 'manual request-syntax example parameters',
    params: { Action: 'DescribeServiceMeshDetail', Format: 'xml', Version: '2020-01-11', SignatureMethod: 'HMAC-SHA1', SignatureNonce: '15215528852396', SignatureVersion: '1.0', AccessKeyId: 'key-test', TimeStamp: '2012-06-01T12:00:00Z' },
    secret: 'testsecret',
  },
];

describe('Alibaba RPC signature (HMAC-SHA1, SignatureVersion 1.0)', () => {
  it.each(rpcCases)('matches @alicloud/openapi-util getRPCSignature: $name', ({ params, secret, method }) => {
    expect(rpcSignature(method ?? 'GET', params, secret)).toBe(util.getRPCSignature(params, method ?? 'GET', secret));
  });

  it('signs a built request so that the vendor function reproduces the Signature parameter', () => {
    const creds = new AlibabaCredentials('LTAI-test-id', 'super-secret-value');
    const signed = signRpcRequest(
      { method: 'GET', url: 'https://servicemesh.aliyuncs.com/?Action=DescribeServiceMeshes&Version=2020-01-11', headers: {} },
      creds,
      { now: new Date('2022-07-12T08:00:00.123Z'), nonce: 'nonce-1' },
      { timestampParameter: 'TimeStamp' },
    );
    const pairs = decodeQuery(new URL(signed.url).search);
    const params = Object.fromEntries(pairs.filter(([k]) => k !== 'Signature'));
    const signature = pairs.find(([k]) => k === 'Signature')?.[1];
    expect(params).toMatchObject({ AccessKeyId: 'LTAI-test-id', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: 'nonce-1', TimeStamp: '2022-07-12T08:00:00Z', Format: 'JSON' });
    expect(signature).toBe(util.getRPCSignature(params, 'GET', 'super-secret-value'));
    expect(signed.url).not.toContain('super-secret-value');
  });

  it('sends the protocol\'s Timestamp (not a manual\'s spelling) when no setting names another, and the vendor function agrees', () => {
    const signed = signRpcRequest(
      { method: 'GET', url: 'https://example.aliyuncs.com/?Action=DescribeThings&Version=2020-01-11', headers: {} },
      new AlibabaCredentials('LTAI-test-id', 'super-secret-value'),
      { now: new Date('2022-07-12T08:00:00Z'), nonce: 'nonce-2' },
    );
    const pairs = decodeQuery(new URL(signed.url).search);
    expect(pairs.map(([k]) => k)).toContain('Timestamp');
    expect(pairs.map(([k]) => k)).not.toContain('TimeStamp');
    const params = Object.fromEntries(pairs.filter(([k]) => k !== 'Signature'));
    expect(pairs.find(([k]) => k === 'Signature')?.[1]).toBe(util.getRPCSignature(params, 'GET', 'super-secret-value'));
  });

  it('canonicalises by sorted name with RFC 3986 encoding (space %20, * %2A, ~ kept)', () => {
    expect(canonicalizeRpc({ b: 'a b', a: '*~' })).toBe('a=%2A~&b=a%20b');
  });

  it('a different secret or parameter changes the signature', () => {
    const p = { Action: 'A' };
    expect(rpcSignature('GET', p, 'k1')).not.toBe(rpcSignature('GET', p, 'k2'));
    expect(rpcSignature('GET', p, 'k1')).not.toBe(rpcSignature('GET', { Action: 'B' }, 'k1'));
  });
});

const huaweiCases: { name: string; method: string; url: string; body?: unknown; headers?: Record<string, string> }[] = [
  { name: 'GET with query', method: 'GET', url: 'https://asm.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef/meshes?limit=10&offset=0' },
  { name: 'POST with JSON body', method: 'POST', url: 'https://asm.cn-north-4.myhuaweicloud.com/v1/p1/meshes', body: { apiVersion: 'v1', kind: 'Mesh', metadata: { name: 'mesh-a' } }, headers: { 'Content-Type': 'application/json' } },
  { name: 'DELETE with a path segment that needs encoding', method: 'DELETE', url: 'https://asm.cn-north-4.myhuaweicloud.com/v1/p1/meshes/a%3Ab%2Cc' },
  { name: 'query needing encoding', method: 'GET', url: 'https://example.com/v1/x?name=a%20b%2Fc&z=%E6%9C%8D' },
];

describe('Huawei AK/SK signature (SDK-HMAC-SHA256)', () => {
  it.each(huaweiCases)('matches the Huawei SDK AKSKSigner: $name', ({ method, url, body, headers }) => {
    const now = new Date('2025-05-28T10:11:12Z');
    const creds = new HuaweiAkSkCredentials('AKTESTAK', 'SKTESTSECRET');
    const text = body === undefined ? undefined : JSON.stringify(body);
    const ours = signAkSkRequest({ method, url, headers: { ...(headers ?? {}) }, ...(text !== undefined ? { body: text } : {}) }, creds, { now });
    const u = new URL(url);
    const queryParams: Record<string, string> = {};
    for (const [k, v] of u.searchParams) queryParams[k] = v;
    // The SDK is handed the raw (unencoded) path, as its HcClient does, and encodes each segment;
    // ours decodes the wire path first (like Huawei's APIG signer), so both see the same segments.
    const theirs = AKSKSigner.sign(
      { endpoint: `${u.origin}${decodeURIComponent(u.pathname)}`, method, headers: { ...(headers ?? {}), 'X-Sdk-Date': sdkDate(now) }, queryParams, data: body },
      { getAk: () => 'AKTESTAK', getSk: () => 'SKTESTSECRET' },
    );
    expect(ours.headers.Authorization).toBe(theirs.Authorization);
    expect(ours.headers.Authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKTESTAK, SignedHeaders=[a-z;-]+, Signature=[0-9a-f]{64}$/);
    expect(JSON.stringify(ours)).not.toContain('SKTESTSECRET');
  });

  it('the signature depends on the body', () => {
    const now = new Date('2025-05-28T10:11:12Z');
    const creds = new HuaweiAkSkCredentials('AK', 'SK');
    const a = signAkSkRequest({ method: 'POST', url: 'https://h/v1', headers: {}, body: '{"a":1}' }, creds, { now });
    const b = signAkSkRequest({ method: 'POST', url: 'https://h/v1', headers: {}, body: '{"a":2}' }, creds, { now });
    expect(a.headers.Authorization).not.toBe(b.headers.Authorization);
  });
});

describe('credentials never show their secrets', () => {
  it('in JSON, util.inspect, String() and template strings', async () => {
    const { inspect } = await import('node:util');
    const { HuaweiTokenCredentials } = await import('../../templates/runtime/credentials.ts');
    const all = [new AlibabaCredentials('id', 'ali-secret-1', 'sts-token-1'), new HuaweiAkSkCredentials('ak', 'hw-secret-2', 'p'), new HuaweiTokenCredentials('hw-token-3')];
    for (const c of all) {
      for (const text of [JSON.stringify(c), inspect(c, { depth: 5, showHidden: true }), String(c), `${c}`, JSON.stringify({ nested: c })]) {
        expect(text).not.toMatch(/ali-secret-1|sts-token-1|hw-secret-2|hw-token-3/);
      }
    }
  });
});
