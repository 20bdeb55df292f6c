import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { parseAuthentication } from '../../../scripts/dialects/huawei-rest/auth.ts';
import { appendixErrorExample, parseErrorCodes, parseStatusCodes } from '../../../scripts/dialects/huawei-rest/errors-appendix.ts';
import { parseServers } from '../../../scripts/dialects/huawei-rest/servers.ts';
import { parseTables } from '../../../scripts/dialects/huawei-rest/tables.ts';
import { fixtureLines } from './helpers.ts';

describe('parseAuthentication', () => {
  const lines = fixtureLines('authentication.txt');
  const diags: Diagnostic[] = [];
  const auth = parseAuthentication(lines, { heading: { number: '3.2', title: 'Authentication', depth: 2, index: 0 }, start: 1, end: lines.length }, 'f.txt', diags);

  it('declares one scheme per listed method, either accepted', () => {
    expect(auth.schemes.map((s) => [s.name, s.type, s.in, s.parameterName, s.scheme])).toEqual([
      ['TokenBasedAuthentication', 'apiKey', 'header', 'X-Auth-Token', undefined],
      ['AKSKBasedAuthentication', 'http', undefined, undefined, 'AK-SK'],
    ]);
    expect(auth.security).toEqual([['TokenBasedAuthentication'], ['AKSKBasedAuthentication']]);
    expect([...auth.credentialHeaders]).toEqual([['x-auth-token', 'TokenBasedAuthentication']]);
  });

  it('records what the manual says about signing, and that it does not name the algorithm', () => {
    const signing = auth.schemes[1].signing!;
    expect(signing).toMatchObject({ method: 'AK/SK', algorithm: null, signatureHeader: null, maxBodySize: '12 MB' });
    expect(Object.keys(signing.credentials as object)).toEqual(['AK', 'SK']);
    expect(diags.map((d) => d.id)).toEqual(['signing-undocumented']);
    expect(auth.schemes[0].description).toContain('valid for 24 hours');
  });

  it('without an Authentication section, declares nothing and says so', () => {
    const d: Diagnostic[] = [];
    expect(parseAuthentication(lines, undefined, 'f.txt', d).schemes).toEqual([]);
    expect(d.map((x) => x.id)).toEqual(['auth-section-missing']);
  });
});

describe('parseServers', () => {
  it('derives a server with a region variable from the IAM endpoint example, flagged as inferred', () => {
    const diags: Diagnostic[] = [];
    const { servers, serviceCode } = parseServers(fixtureLines('request-uri.txt'), [], 'ASM', 'f.txt', diags);
    expect(serviceCode).toBeUndefined();
    expect(servers.map((s) => [s.url, s.variables])).toEqual([
      ['https://asm.{region}.myhuaweicloud.com', { region: { default: 'cn-north-1', description: 'Region ID, e.g. cn-north-1 (the manual\'s example region).' } }],
    ]);
    expect(diags.map((d) => [d.id, d.source.line])).toEqual([['server-inferred', 22]]);
  });
  it('declares a placeholder server, with a warning, when the manual states no endpoint (never an empty list)', () => {
    const diags: Diagnostic[] = [];
    const { servers } = parseServers(fixtureLines('authentication.txt'), [], 'ASM', 'f.txt', diags);
    expect(servers.map((s) => s.url)).toEqual(['https://asm.{region}.myhuaweicloud.com']);
    expect(servers[0].description).toMatch(/^Placeholder: the manual states no endpoint/);
    expect(diags.map((d) => d.id)).toEqual(['server-assumed']);
  });
});

describe('parseErrorCodes', () => {
  it('reads the appendix table across its page break, with codes rejoined and HTTP statuses', () => {
    const lines = fixtureLines('error-codes-appendix.txt');
    const diags: Diagnostic[] = [];
    const codes = parseErrorCodes(parseTables(lines, 0, lines.length, 'f.txt', diags), 'f.txt', diags);
    expect(codes.map((c) => [c.httpStatus, c.code, c.message])).toEqual([
      [400, 'ASM.01400001', 'Invalid request.'],
      [401, 'ASM.01401001', 'Authorization failed.'],
      [403, 'ASM.01403001', 'Forbidden.'],
      [404, 'ASM.01404001', 'Resource not found.'],
      [409, 'ASM.01409001', 'The resource already exists.'],
      [429, 'ASM.01429001', 'Resource locked by other requests.'],
      [500, 'ASM.01500001', 'Internal error.'],
    ]);
    expect(codes[3].solution).toBe('Check whether the resource to be accessed has been deleted.');
    expect(diags.filter((d) => d.id === 'cell-rejoined')).toHaveLength(7);
    expect(diags.filter((d) => d.id === 'header-rejoined')).toHaveLength(1);
    expect(diags.filter((d) => d.id === 'table-continued')).toHaveLength(1);
  });
});

describe('appendixErrorExample', () => {
  const lines = fixtureLines('error-codes-appendix.txt');
  const codes = parseErrorCodes(parseTables(lines, 0, lines.length, 'f.txt', []), 'f.txt', []);
  const errorBody = {
    type: 'object' as const,
    properties: [
      { name: 'errorCode', required: false, schema: { type: 'string' as const, minLength: 8, maxLength: 36 } },
      { name: 'errorMsg', required: false, schema: { type: 'string' as const, minLength: 2, maxLength: 512 } },
    ],
  };

  it('keeps the readable errorCode, leaves out the unquoted errorMsg, and finds the status of the code', () => {
    const diags: Diagnostic[] = [];
    const r = appendixErrorExample(lines, { start: 0, end: lines.length }, errorBody, codes, 'f.txt', diags)!;
    expect(r.status).toBe(400);
    expect(r.example.value).toEqual({ errorCode: 'ASM.01400001' });
    expect(diags.map((d) => [d.id, d.source.line])).toEqual([
      ['error-field-names-differ', 17],
      ['example-fragment-dropped', 11],
      ['example-fragment-dropped', 12],
      ['example-recovered', 9],
    ]);
  });

  it('drops the example when its code is not in the table', () => {
    const diags: Diagnostic[] = [];
    expect(appendixErrorExample(lines, { start: 0, end: lines.length }, errorBody, [], 'f.txt', diags)).toBeUndefined();
    expect(diags.map((d) => d.id)).toContain('example-dropped');
  });
});

describe('parseStatusCodes', () => {
  it('reads the appendix status table across its three page breaks, titles rejoined', () => {
    const lines = fixtureLines('status-codes-appendix.txt');
    const diags: Diagnostic[] = [];
    const codes = parseStatusCodes(parseTables(lines, 0, lines.length, 'f.txt', diags), 'f.txt', diags);
    expect(codes.size).toBe(41);
    expect(codes.has('200')).toBe(false); // the manual's table has no 200
    expect(codes.get('405')?.title).toBe('MethodNotAllowed');
    expect(codes.get('500')?.title).toBe('InternalServerError');
    expect(codes.get('403')?.description).toBe('The request is denied. The server has received the request and understood it, but the server is refusing to respond to it. The client should not repeat the request without modifications.');
    expect(diags.filter((d) => d.id === 'table-continued')).toHaveLength(3);
    expect(diags.filter((d) => d.id === 'cell-rejoined').map((d) => d.message.split(' ')[1])).toEqual(['405', '422', '500', '503']);
  });
});
