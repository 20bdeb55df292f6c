/**
 * common.ts: API-wide facts from "Make API requests" (manual lines 354-398) and the CLI topic's
 * region table (493-523): common parameters, API version, signing scheme, endpoint; the document
 * version from a page footer.
 */
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../scripts/dialects/alibaba-rpc/common.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { MANUAL, fixtureLines, manualVocab, slice } from './helpers.ts';

const front = () => [...fixtureLines('make-api-requests'), ...fixtureLines('regions')];
const read = (lines = front(), end = lines.length) => {
  const diagnostics: Diagnostic[] = [];
  const fm = readFrontMatter(lines, end, MANUAL, manualVocab(), diagnostics);
  return { fm, diagnostics };
};

describe('readFrontMatter: "Make API requests"', () => {
  it('API version 2020-01-11 from "Version: … Set the value to 2020-01-11."', () => {
    expect(read().fm.apiVersion).toBe('2020-01-11');
  });

  it('the common parameters of the example request, in order, with their examples', () => {
    const params = read().fm.commonParameters;
    expect(params.map((p) => [p.name, p.in, p.required, p.source.line])).toEqual([
      ['Format', 'query', false, 387],
      ['Version', 'query', true, 388],
      ['Signature', 'query', true, 389],
      ['SignatureMethod', 'query', true, 390],
      ['SignatureNonce', 'query', true, 391],
      ['SignatureVersion', 'query', true, 392],
      ['AccessKeyId', 'query', true, 393],
      // The manual prints "TimeStamp"; the spec uses the protocol's name (see the report line below).
      ['Timestamp', 'query', true, 394],
    ]);
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.Format.example).toBe('xml');
    expect(byName.SignatureMethod.example).toBe('HMAC-SHA1');
    expect(byName.SignatureVersion.example).toBe('1.0');
    expect(byName.AccessKeyId.example).toBe('key-test');
    // A masked value ("xxxx%xxxx%3D") is no example.
    expect(byName.Signature.example).toBeUndefined();
    // Version is fixed to the API version, described by its "Version:" line.
    expect(byName.Version.schema).toEqual({ type: 'string', const: '2020-01-11' });
    expect(byName.Version.example).toBe('2020-01-11');
    expect(byName.Version.description).toBe('the version number of the API. Set the value to 2020-01-11.');
  });

  it('signing scheme: HMAC-SHA1, SignatureVersion 1.0, parameters named as the protocol sends them ("Timestamp"), the manual\'s "TimeStamp" reported', () => {
    const { fm, diagnostics } = read();
    expect(fm.securitySchemes).toHaveLength(1);
    const s = fm.securitySchemes[0];
    expect(s).toMatchObject({ name: 'AlibabaCloudRpcSignature', type: 'apiKey', in: 'query', parameterName: 'Signature' });
    expect(s.signing).toEqual({
      style: 'alibaba-rpc',
      algorithm: 'HMAC-SHA1',
      version: '1.0',
      httpMethod: 'GET',
      accessKeyIdParameter: 'AccessKeyId',
      signatureParameter: 'Signature',
      methodParameter: 'SignatureMethod',
      versionParameter: 'SignatureVersion',
      nonceParameter: 'SignatureNonce',
      timestampParameter: 'Timestamp',
    });
    expect(s.source?.line).toBe(386);
    expect(diagnostics.map((d) => [d.id, d.severity, d.source.line])).toEqual([['common-parameter-spelling', 'info', 394]]);
    expect(diagnostics[0].message).toMatch(/prints the common parameter "TimeStamp"; the spec names it "Timestamp"/);
  });

  it('endpoint servicemesh.aliyuncs.com from the "Endpoint:" line', () => {
    const { fm } = read();
    expect(fm.servers.map((s) => [s.url, s.source?.line])).toEqual([['https://servicemesh.aliyuncs.com', 369]]);
    expect(fm.servers[0].description).toContain('China (Hangzhou) (cn-hangzhou)');
  });

  it('the description is the topic\'s first paragraph, repaired', () => {
    expect(read().fm.description).toBe(
      'This topic describes the syntax of making Alibaba Cloud Service Mesh (ASM) API requests and the responses. To make an ASM API request, you must send an HTTP GET request to the ASM endpoint and add the request parameters that correspond to the API operation being called. After you call the API operation, the system returns a response. The request and response are both encoded in UTF-8.',
    );
  });

  it('the document version comes from a page footer anywhere in the document', () => {
    const lines = [...front(), ...fixtureLines('permissions')];
    expect(read(lines, front().length).fm.documentVersion).toBe('20220712');
    expect(read().fm.documentVersion).toBeUndefined();
  });
});

describe('readFrontMatter: what is missing is reported', () => {
  it('no example request: no common parameters, no signing scheme, a warning', () => {
    const lines = slice(fixtureLines('make-api-requests'), 354, 380);
    const { fm, diagnostics } = read(lines);
    expect(fm.commonParameters).toEqual([]);
    expect(fm.securitySchemes).toEqual([]);
    expect(fm.apiVersion).toBe('2020-01-11');
    expect(diagnostics.map((d) => d.id)).toEqual(['request-syntax-missing']);
  });

  it('no "Endpoint:" line: no server, a warning', () => {
    const lines = slice(fixtureLines('make-api-requests'), 371, 394);
    const { fm, diagnostics } = read(lines);
    expect(fm.servers).toEqual([]);
    expect(diagnostics.map((d) => d.id)).toContain('endpoint-missing');
  });

  it('only the front matter (before `end`) is read for the request and endpoint', () => {
    const lines = front();
    const { fm } = read(lines, 0);
    expect(fm.commonParameters).toEqual([]);
    expect(fm.servers).toEqual([]);
    expect(fm.apiVersion).toBeUndefined();
  });
});
