/**
 * prose.ts: "Valid values" (bulleted or inline) -> enum (+ descriptions), "Default value: x." ->
 * default, converted to the parameter's type; values that do not fit are reported. The paragraphs
 * are the real description paragraphs of table rows (as tables.ts gives them).
 */
import { describe, expect, it } from 'vitest';
import { applyProse, convert, readProse, type ProseFacts } from '../../../scripts/dialects/alibaba-rpc/prose.ts';
import { mapType } from '../../../scripts/dialects/alibaba-rpc/types.ts';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { manualVocab, row, rowsOf, type FixtureName } from './helpers.ts';

const paragraphs = (fixture: FixtureName, name: string, range?: [number, number]) => row(rowsOf(fixture, range, manualVocab()), name).paragraphs;
const schemaOf = (fixture: FixtureName, name: string, range?: [number, number]): SchemaModel => mapType(row(rowsOf(fixture, range, manualVocab()), name).type).schema;

describe('readProse: bulleted "Valid values:" lists', () => {
  it.each([
    ['route-detail-rows', 'MatchingMode', undefined, { exact: 'exact match', prefix: 'match by prefix', regex: 'match by regular expression' }],
    ['describe-service-mesh-detail-response', 'Profile', undefined, { Default: 'Standard Edition', Pro: 'Professional Edition' }],
    ['permissions', 'UserType', [5615, 5640], {
      SubUser: 'Query the IDs of all RAM users to which an RBAC role is assigned.',
      RamRole: 'Query the IDs of all RAM roles to which an RBAC role is assigned.',
    }],
    ['audit-project-status', 'AuditProjectStatus', undefined, { audit_project_exist: 'An audit project exists.', audit_project_not_exist: 'No audit project exists.' }],
    // Bullets printed without the glyph's space ("exist: …"), and a two-word value.
    ['additional-status-rows', 'LogtailDetailStatus', undefined, { exist: 'Logtail is installed.', 'not exist': 'Logtail is not installed.' }],
    ['create-istio-gateway-routes', 'Status', [8632, 8646], {
      0: 'The routing rule is valid.',
      1: 'The routing rule is invalid.',
      2: 'An error occurs during the creation or update of the routing rule.',
    }],
  ] as [FixtureName, string, [number, number] | undefined, Record<string, string>][])('%s: %s', (fixture, name, range, values) => {
    const facts = readProse(paragraphs(fixture, name, range));
    expect(facts.enum).toEqual(Object.keys(values));
    expect(facts.enumDescriptions).toEqual(values);
    expect(facts.default).toBeUndefined();
  });
});

describe('readProse: inline lists, defaults, and prose that is not a list', () => {
  it('"Valid values: HTTP , TLS , and TCP ." (RouteType, manual lines 10168-10169)', () => {
    expect(readProse(paragraphs('route-detail-rows', 'RouteType'))).toEqual({ enum: ['HTTP', 'TLS', 'TCP'] });
  });

  it('"Valid values: true and false. Default value: false." (DeleteServiceMesh Force)', () => {
    expect(readProse(paragraphs('delete-service-mesh', 'Force', [1388, 1405]))).toEqual({ enum: ['true', 'false'], default: 'false' });
  });

  it('"Default value: 301." at the end of a sentence (RedirectCode)', () => {
    expect(readProse(paragraphs('route-detail-rows', 'RedirectCode'))).toEqual({ default: '301' });
  });

  it('a range ("Valid values: 1 to 100.") is not an enum', () => {
    expect(readProse(paragraphs('header-map-rows', 'Weight'))).toEqual({});
  });

  it('no facts in a plain description', () => {
    expect(readProse(paragraphs('create-service-mesh-request', 'VpcId', [598, 760]))).toEqual({});
  });

  it('the default of a bulleted boolean (ApiServerPublicEip: "Default value: false.")', () => {
    const facts = readProse(paragraphs('create-service-mesh-request', 'ApiServerPublicEip', [598, 760]));
    expect(facts.default).toBe('false');
    expect(facts.enum?.slice(0, 2)).toEqual(['true', 'false']);
  });
});

describe('applyProse: values converted to the documented type', () => {
  it('Integer "Status": enum [0, 1, 2] as numbers, with the descriptions', () => {
    const s = schemaOf('create-istio-gateway-routes', 'Status', [8632, 8646]);
    expect(s.type).toBe('integer');
    const problems = applyProse(s, readProse(paragraphs('create-istio-gateway-routes', 'Status', [8632, 8646])));
    expect(problems).toEqual([]);
    expect(s.enum).toEqual([0, 1, 2]);
    expect(s.enumDescriptions).toEqual({ 0: 'The routing rule is valid.', 1: 'The routing rule is invalid.', 2: 'An error occurs during the creation or update of the routing rule.' });
  });

  it('Integer "RedirectCode": default 301 as a number', () => {
    const s = schemaOf('route-detail-rows', 'RedirectCode');
    expect(applyProse(s, readProse(paragraphs('route-detail-rows', 'RedirectCode')))).toEqual([]);
    expect(s.default).toBe(301);
    expect(s.enum).toBeUndefined();
  });

  it('Boolean "Force": default false, and no enum for the two booleans', () => {
    const s = schemaOf('delete-service-mesh', 'Force', [1388, 1405]);
    expect(applyProse(s, readProse(paragraphs('delete-service-mesh', 'Force', [1388, 1405])))).toEqual([]);
    expect(s).toEqual({ type: 'boolean', documentedType: 'Boolean', default: false });
  });

  it('Boolean "ApiServerPublicEip": default false, no enum, nothing reported', () => {
    const s = schemaOf('create-service-mesh-request', 'ApiServerPublicEip', [598, 760]);
    expect(applyProse(s, readProse(paragraphs('create-service-mesh-request', 'ApiServerPublicEip', [598, 760])))).toEqual([]);
    expect(s.default).toBe(false);
    expect(s.enum).toBeUndefined();
  });

  it('String "RouteType": enum of strings, no descriptions for an inline list', () => {
    const s = schemaOf('route-detail-rows', 'RouteType');
    expect(applyProse(s, readProse(paragraphs('route-detail-rows', 'RouteType')))).toEqual([]);
    expect(s.enum).toEqual(['HTTP', 'TLS', 'TCP']);
    expect(s.enumDescriptions).toBeUndefined();
  });

  it('Object and array schemas take no enum or default', () => {
    const facts: ProseFacts = readProse(paragraphs('route-detail-rows', 'RouteType'));
    const obj = mapType('Object').schema;
    const arr = mapType('Array of String').schema;
    expect(applyProse(obj, { ...facts, default: 'HTTP' })).toEqual([]);
    expect(applyProse(arr, { ...facts, default: 'HTTP' })).toEqual([]);
    expect(obj.enum).toBeUndefined();
    expect(arr.default).toBeUndefined();
  });
});

describe('applyProse: mismatches are reported, not forced', () => {
  it('valid values that are not integers, on an Integer', () => {
    const s = mapType('Integer').schema;
    const problems = applyProse(s, readProse(paragraphs('route-detail-rows', 'RouteType')));
    expect(problems).toEqual(['valid values HTTP, TLS, TCP do not fit type integer']);
    expect(s.enum).toBeUndefined();
  });

  it('a default that is not a boolean, on a Boolean', () => {
    const s = mapType('Boolean').schema;
    expect(applyProse(s, readProse(paragraphs('route-detail-rows', 'RedirectCode')))).toEqual(['default value "301" does not fit type boolean']);
    expect(s.default).toBeUndefined();
  });

  it('"Default value: null" sets nothing and reports nothing', () => {
    const s = mapType('String').schema;
    expect(applyProse(s, { default: 'null' })).toEqual([]);
    expect(s.default).toBeUndefined();
  });
});

describe('convert', () => {
  it.each([
    ['Boolean', 'true', true],
    ['Boolean', 'false', false],
    ['Boolean', 'True', undefined],
    ['Integer', '301', 301],
    ['Integer', '-1', -1],
    ['Integer', '0.1', undefined],
    ['Long', '2940213405997', 2940213405997],
    ['Float', '0.1', 0.1],
    ['Float', '100', 100],
    ['Float', '1e3', undefined],
    ['String', '2000 m', '2000 m'],
    ['Object', '{}', undefined],
    ['Array of String', 'a', undefined],
  ] as [string, string, unknown][])('%s %j -> %j', (type, value, expected) => {
    expect(convert(mapType(type).schema, value)).toBe(expected);
  });
});
