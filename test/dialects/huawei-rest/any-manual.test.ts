/**
 * Layouts and wordings of Huawei Cloud manuals other than the bundled one, each a bug the round-trip
 * harness (test/harness/huawei) found: a minimal manual (fixtures/huawei-rest/other-service.txt)
 * through the dialect, then the constructs one by one.
 */
import { describe, expect, it } from 'vitest';
import { tokenHeader } from '../../../scripts/dialects/huawei-rest/auth.ts';
import { captionRole } from '../../../scripts/dialects/huawei-rest/captions.ts';
import { removeFurniture } from '../../../scripts/dialects/huawei-rest/furniture.ts';
import { apiTitle, readIdentity } from '../../../scripts/dialects/huawei-rest/identity.ts';
import type { Line } from '../../../scripts/dialects/huawei-rest/lines.ts';
import { parseHuawei } from '../../../scripts/dialects/huawei-rest/parse.ts';
import { parseCaption, parseHeader, parseTables } from '../../../scripts/dialects/huawei-rest/tables.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { fixtureDoc } from './helpers.ts';

const { model, diagnostics } = parseHuawei(fixtureDoc('other-service.txt'));
const ids = diagnostics.map((d) => d.id);
const op = (id: string) => model.operations.find((o) => o.operationId === id)!;

describe('a manual of another service (other-service.txt)', () => {
  it('title, service id and server come from this manual', () => {
    expect(model.title).toBe('Huawei Cloud Widget Engine API');
    // The endpoints table names the service label; it differs from the abbreviation (CWE).
    expect(model.service).toBe('cwex');
    expect(model.servers).toMatchObject([{ url: 'https://cwex.{region}.myhuaweicloud.com', variables: { region: { default: 'ap-southeast-3' } } }]);
  });

  it('the token header is found however the sentence puts it; it is a scheme, not a parameter', () => {
    expect(model.securitySchemes.find((s) => s.type === 'apiKey')).toMatchObject({ in: 'header', parameterName: 'X-Auth-Token' });
    expect(model.operations.flatMap((o) => o.parameters.map((p) => p.name))).not.toContain('X-Auth-Token');
  });

  it('operations: a Chinese title and the contents entry without a page number change nothing', () => {
    expect(model.operations.map((o) => [o.operationId, o.method, o.path])).toEqual([
      ['BatchCreateWidgetTags', 'post', '/v3/{project_id}/widgets/{widget_id}/tags/batch-create'],
      ['ListWidgets', 'get', '/v3/{domain_id}/widgets'],
    ]);
    expect(ids).toContain('operation-id-from-uri');
  });

  it('a body table interrupted by a page footer and header (no repeated header) keeps every row', () => {
    const body = op('BatchCreateWidgetTags').requestBody!.schema;
    expect(body.properties!.map((p) => [p.name, p.required, p.schema.type])).toEqual([
      ['tags', true, 'array'],
      ['dry_run', false, 'boolean'],
      ['force', false, 'boolean'],
    ]);
    expect(body.properties![0].schema.items!.properties!.map((p) => p.name)).toEqual(['key', 'value']);
    expect(body.properties![2].schema.default).toBe(false);
    expect(ids).toContain('page-furniture-removed');
    expect(ids).not.toContain('table-unreferenced');
  });

  it('"Response body parameters", "Enumeration values", an empty Type cell typed by the example', () => {
    const list = op('ListWidgets');
    expect(list.parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({ type: 'integer', enum: [10, 50] });
    const ok = list.responses.find((r) => r.status === '200')!.schema!;
    expect(ok.properties!.map((p) => [p.name, p.schema.type])).toEqual([
      ['widgets', 'array'],
      ['total_count', 'integer'],
    ]);
    expect(diagnostics.find((d) => d.id === 'type-from-example')?.message).toMatch(/"total_count" has an empty Type cell; integer taken from the value 1/);
  });

  it('error codes under a damaged header ("Statu s Code", "Handling Measure") with a split code', () => {
    expect(model.errorCodes.map((e) => [e.httpStatus, e.code, e.solution])).toEqual([[400, 'CWE.0001', 'Check the request.']]);
  });
});

describe('caption roles by meaning', () => {
  it.each([
    ['Parameters in the request body', 'request-body'],
    ['Request body parameters', 'request-body'],
    ['Request Body Parameters', 'request-body'],
    ['Request parameters', 'request-body'],
    ['Parameters in the response body', 'response-body'],
    ['Response body parameters', 'response-body'],
    ['Response parameters', 'response-body'],
    ['Path parameters', 'path'],
    ['URI parameters', 'path'],
    ['Query Parameters', 'query'],
    ['Request header parameters', 'header'],
    ['Response header parameters', 'response-header'],
    ['Status codes', 'status-codes'],
    ['Error codes', 'error-codes'],
    ['Regions and endpoints', 'endpoints'],
    ['MeshMetadata', 'structure'],
    ['Figure legend', 'unknown'],
  ])('%s -> %s', (caption, role) => {
    expect(captionRole(caption)).toBe(role);
  });

  it('an unrecognised caption is reported, never silent', () => {
    const doc = fixtureDoc('other-service.txt');
    const at = doc.lines.findIndex((l) => l.text === 'Table 2-1 Regions and endpoints');
    doc.lines[at] = { ...doc.lines[at], text: 'Table 2-1 Figure legend' };
    expect(parseHuawei(doc).diagnostics.filter((d) => d.id === 'table-caption-unrecognised').map((d) => d.source.line)).toEqual([doc.lines[at].line]);
  });
});

describe('the token header sentence', () => {
  it.each([
    ['After obtaining the token, add the **X-Auth-Token** header in a request to specify the token.', 'X-Auth-Token'],
    ['When calling other APIs, put the token in the X-Auth-Token header of the request.', 'X-Auth-Token'],
    ['The obtained token must be carried in the X-Auth-Token field of the request header when you call other APIs.', 'X-Auth-Token'],
    ['To call an API with the token, include it in the request header X-Auth-Token.', 'X-Auth-Token'],
    ['X-Project-ID: specifies a subproject ID in the header.', undefined],
  ])('%s', (text, header) => {
    expect(tokenHeader(text)).toBe(header);
  });
});

describe('API title', () => {
  it.each([
    ['Application Service Mesh', 'Huawei Cloud Application Service Mesh API'],
    ['Cloud Container Engine', 'Huawei Cloud Container Engine API'],
    ['Huawei Cloud Object Storage Service', 'Huawei Cloud Object Storage Service API'],
  ])('%s -> %s', (product, title) => {
    expect(apiTitle(product)).toBe(title);
  });

  it.each([
    [['Application Service Mesh', '', 'API Reference', '', 'Issue 01'], 'Huawei Cloud Application Service Mesh API'],
    [['Serverless Registry Gateway', '', 'Database', '', 'API Reference', '', 'Issue 09'], 'Huawei Cloud Serverless Registry Gateway Database API'],
    [['Widget Service', '', 'Issue 01', '', 'Date 2025-01-01', '', 'API Reference'], 'Huawei Cloud Widget Service API'],
  ])('title page %j -> %s (a name wrapped before "API Reference" is one name)', (page, title) => {
    expect(readIdentity(lines(page), 'm.txt', []).title).toBe(title);
  });
});

const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ line: i + 1, text }));
const structural = (t: string) => !!parseCaption(t) || !!parseHeader(t, true);

describe('page furniture by repetition', () => {
  function page(n: number, rows: string[]): string[] {
    return [...rows, '', `Issue 01 (2025-06-12)\tCopyright © Vendor.\t${n}`, 'Product API Reference  4 API', ''];
  }
  const filler = (k: number) => Array.from({ length: 12 }, (_, i) => `row${k}_${i}\tString\tText ${i}.`);

  it('removes the footer (a growing page number) and the header beside it, keeps the rows', () => {
    const ls = lines(['Parameter\tType\tDescription', ...page(7, filler(1)), ...page(8, filler(2)), ...page(9, filler(3)), ...filler(4)]);
    const diags: Diagnostic[] = [];
    expect(removeFurniture(ls, 'f.txt', diags, { structural })).toBe(6);
    expect(ls.filter((l) => /Copyright|API Reference/.test(l.text))).toEqual([]);
    const [t] = parseTables(ls, 0, ls.length, 'f.txt', []);
    expect(t.rows).toHaveLength(48);
  });

  it('growing numbers that are not page numbers stay: a "- 0 / - 1 / - 2" list, a Type cell per table, a value under a label', () => {
    const ls = lines([
      ...Array.from({ length: 3 }, (_, k) => [`items${k}\tArray of Table 5-${55 + k} objects\tDefinition`, ...Array.from({ length: 12 }, () => '\t\tText.')]).flat(),
      'limit\tInteger\tLimit.', '\t\tEnumeration values:', '\t\t- 0', '\t\t- 1', '\t\t- 2',
      ...Array.from({ length: 3 }, (_, k) => [`\t\t\t${20 + k}`, ...Array.from({ length: 12 }, () => '\t\tText.')]).flat(),
    ]);
    const before = ls.map((l) => l.text);
    expect(removeFurniture(ls, 'f.txt', [], { structural })).toBe(0);
    expect(ls.map((l) => l.text)).toEqual(before);
  });
});

describe('found by the harness later', () => {
  it('a table row that happens to end a page at three page breaks is a row, not furniture', () => {
    const page = (n: number) => [...Array.from({ length: 12 }, (_, i) => `field${n}_${i}\tString\tText.`), 'poolName\tString\tDefinition', '', `Issue 01 (2026-03-03)\tCopyright © Vendor. ${n}`, 'Product API Reference\t4 API', ''];
    const ls = lines(['Parameter\tType\tDescription', ...page(1), ...page(2), ...page(3), 'last\tString\tText.']);
    removeFurniture(ls, 'f.txt', [], { structural });
    expect(ls.filter((l) => l.text.startsWith('poolName'))).toHaveLength(3);
    expect(ls.filter((l) => /Copyright|API Reference/.test(l.text))).toEqual([]);
  });

  it('two rows of the same name lost their Type: each takes the structure its own example object shows', () => {
    const T = '\t';
    const text = [
      'Demo Service', '', 'Welcome to Demo Service (DS).', '',
      '4.1.1 Querying Groups', '', 'Function', '', 'This API is used to query groups.', '', 'URI', '', 'GET /v1/groups', '',
      'Response Parameters', '', 'Status code: 200', '', 'Table 4-1 Response body parameters', '',
      `Parameter${T}Type${T}Description`, `groups${T}Array of Table 4-2 objects${T}Groups.`, `summary${T}Table 4-3 object${T}Summary.`, '',
      'Table 4-2 GroupDetail', '', `Parameter${T}Type${T}Description`, `category${T}String${T}Category.`, `spec${T}${T}Group spec.`, '',
      'Table 4-3 PluginDetail', '', `Parameter${T}Type${T}Description`, `healthy${T}Boolean${T}Healthy.`, `spec${T}${T}Plugin spec.`, '',
      'Table 4-4 QuotaStatus', '', `Parameter${T}Type${T}Description`, `quotaReason${T}String${T}Reason.`, '',
      'Table 4-5 Plugin', '', `Parameter${T}Type${T}Description`, `state${T}String${T}State.`, `replicas${T}Integer${T}Replicas.`, '',
      'Example Response', '', 'Status code: 200', '', '```', '{', '  "groups" : [ {', '    "category" : "a",', '    "spec" : {', '      "quotaReason" : "q"', '    }',
      '  } ],', '  "summary" : {', '    "healthy" : false,', '    "spec" : {', '      "state" : "s",', '      "replicas" : 1', '    }', '  }', '}', '```', '',
    ].join('\n');
    const { model } = parseHuawei({ file: 'f.txt', kind: 'txt', bytes: text.length, lines: text.split('\n').map((t, i) => ({ text: t, line: i + 1 })) });
    const body = model.operations[0].responses[0].schema!;
    const groupSpec = body.properties![0].schema.items!.properties!.find((p) => p.name === 'spec')!.schema;
    const pluginSpec = body.properties![1].schema.properties!.find((p) => p.name === 'spec')!.schema;
    expect(groupSpec.properties!.map((p) => p.name)).toEqual(['quotaReason']);
    expect(pluginSpec.properties!.map((p) => p.name)).toEqual(['state', 'replicas']);
  });
});
