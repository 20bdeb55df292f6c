/**
 * tables.ts on real parameter tables: one-line rows, names wrapped or ligature-split, "Array of"
 * types on their own lines, examples wrapped mid-value, the example / description split, repeated
 * header rows and page furniture inside a table, Map rows with their value row, and a page start
 * with no blank line between a description and the next row.
 */
import { describe, expect, it } from 'vitest';
import { parseTable, readHead, TABLE_HEADER, type RawRow } from '../../../scripts/dialects/alibaba-rpc/tables.ts';
import { toBlocks } from '../../../scripts/dialects/alibaba-rpc/blocks.ts';
import { MANUAL, fixtureLines, manualVocab, row, rowsOf, slice, type FixtureName } from './helpers.ts';

/** Rows of a part of an excerpt (the manual's line range of that table), read with the manual's vocabulary. */
const rows = (fixture: FixtureName, range?: [number, number]): RawRow[] => rowsOf(fixture, range, manualVocab());

const CREATE_REQUEST = () => rows('create-service-mesh-request', [598, 760]);
const DETAIL_RESPONSE = () => rows('describe-service-mesh-detail-response', [2890, 2995]);
const ROUTE_REQUEST = () => rows('create-istio-gateway-routes', [8632, 8646]);

describe('one-line rows: name, type, required, example, description', () => {
  type Case = [fixture: () => RawRow[], name: string, type: string, required: boolean | undefined, example: string | undefined, description: string, line: number];
  const cases: Case[] = [
    [CREATE_REQUEST, 'Name', 'String', false, 'mesh1', 'The name of the ASM instance.', 656],
    [CREATE_REQUEST, 'TraceSampling', 'Float', false, '100', 'The sampling percentage of tracing.', 665],
    [CREATE_REQUEST, 'OPALogLevel', 'String', false, 'info', 'The log level of OPA.', 730],
    [ROUTE_REQUEST, 'Description', 'String', false, 'demo route', 'The description of the routing rule.', 8643],
    [DETAIL_RESPONSE, 'Endpoints', 'Object', undefined, undefined, 'All endpoints of the ASM instance.', 2902],
    [DETAIL_RESPONSE, 'ServiceMeshInfo', 'Object', undefined, undefined, 'The basic information about the ASM instance.', 2938],
    [DETAIL_RESPONSE, 'State', 'String', undefined, 'running', 'The status of the ASM instance.', 2981],
    [() => rows('route-detail-rows'), 'RouteName', 'String', undefined, 'demo-route', 'The name of the routing rule.', 10165],
    [() => rows('route-detail-rows'), 'MatchingContent', 'String', undefined, '/ratings/v2/', 'The content to be matched.', 10185],
    [() => rows('clusters-access-log-rows'), 'Clusters', 'Array of Cluster', undefined, undefined, 'The clusters in the ASM instance.', 7445],
    [() => rows('registered-service-rows'), 'Address', 'String', undefined, '127.2.**.**', 'The IP address of the registered service.', 8099],
  ];
  it.each(cases)('%#: %s', (get, name, type, required, example, description, line) => {
    const r = row(get(), name);
    expect(r.type).toBe(type);
    expect(r.required).toBe(required);
    expect(r.example).toBe(example);
    expect(r.description).toBe(description);
    expect(r.source).toEqual({ file: MANUAL, line, endLine: line });
    expect(r.repairs).toEqual([]);
  });
});

describe('example vs description', () => {
  it.each([
    // Description on the next line, example alone after the Required cell.
    [CREATE_REQUEST, 'RegionId', 'cn-hangzhou', 'The ID of the region in which the ASM instance to be created resides.'],
    [CREATE_REQUEST, 'LocalityLBConf', 'null', 'The configurations for the access to the nearest instance.'],
    [CREATE_REQUEST, 'OPARequestCPU', '1', 'The number of CPU cores that are requested by OPA. You can represent the parameter value in the standard representation form of CPUs in Kubernetes. For example, a value of 1 represents one CPU core.'],
    [() => rows('route-detail-rows'), 'RouteType', 'HTTP', 'The type of the traffic to be routed. Valid values: HTTP, TLS, and TCP.'],
    [() => rows('header-map-rows'), 'Weight', '80', 'The traffic weight. Valid values: 1 to 100.'],
  ] as [() => RawRow[], string, string, string][])('%#: %s example %s', (get, name, example, description) => {
    const r = row(get(), name);
    expect(r.example).toBe(example);
    expect(r.description).toBe(description);
  });
});

describe('wrapped and ligature-split names', () => {
  it.each([
    [CREATE_REQUEST, 'LocalityLoadBalancing', 'name "LocalityLoadBalanci" + "ng" rejoined as LocalityLoadBalancing', 681, 'Boolean'],
    [DETAIL_RESPONSE, 'IntranetPilotEndpoint', 'name "IntranetPilotEndp" + "oint" rejoined as IntranetPilotEndpoint', 2904, 'String'],
    [DETAIL_RESPONSE, 'PublicApiServerEndpoint', 'name "PublicApiServerEn" + "dpoint" rejoined as PublicApiServerEndpoint', 2928, 'String'],
    [() => rows('route-detail-rows'), 'TLSMatchAttributes', 'name "TLSMatchAttribut" + "es" rejoined as TLSMatchAttributes', 10204, 'Array of tlsMatchAttribute'],
    [() => rows('route-detail-rows'), 'HTTPAdvancedOptions', 'name "HTTPAdvancedOp" + "tions" rejoined as HTTPAdvancedOptions', 10229, 'Object'],
    [() => rows('upgrade-status', [11701, 11775]), 'FinishedGatewaysNum', 'name "FinishedGateways" + "Num" rejoined as FinishedGatewaysNum', 11713, 'Long'],
    [() => rows('proxy-rows'), 'AccessLogServicePort', 'name "AccessLogService" + "Port" rejoined as AccessLogServicePort', 3531, 'Integer'],
    [() => rows('additional-status-rows'), 'LogtailStatusRecord', 'name "LogtailStatusRec" + "ord" rejoined as LogtailStatusRecord', 4680, 'Map'],
    // Ligature splits inside a name.
    [DETAIL_RESPONSE, 'UpdateTime', 'name "UpdateT" + "ime" rejoined as UpdateTime', 2964, 'String'],
    [() => rows('clusters-access-log-rows'), 'Title', 'name "T" + "itle" rejoined as Title', 7457, 'String'],
    [() => rows('additional-status-rows'), 'Title', 'name "T" + "itle" rejoined as Title', 4716, 'String'],
  ] as [() => RawRow[], string, string, number, string][])('%#: %s', (get, name, repair, line, type) => {
    const r = row(get(), name);
    expect(r.repairs).toEqual([repair]);
    expect(r.source.line).toBe(line);
    expect(r.type).toBe(type);
  });

  it('leaves no fragment behind as a row of its own', () => {
    const names = [...CREATE_REQUEST(), ...DETAIL_RESPONSE(), ...rows('route-detail-rows'), ...rows('proxy-rows')].map((r) => r.name);
    for (const frag of ['ng', 'oint', 'dpoint', 'es', 'tions', 'T', 'UpdateT', 'g', 'Port', 'Enabled']) expect(names).not.toContain(frag);
  });
});

describe('"Array of" types', () => {
  it.each([
    [() => rows('describe-service-meshes-response'), 'ServiceMeshes', 'Array of ServiceMesh', 'The information about the ASM instances.'],
    [() => rows('clusters-access-log-rows'), 'AccessLogDashboards', 'Array of AccessLogDashboardInfo', 'The configurations of the collection of access logs.'],
    [() => rows('route-detail-rows'), 'SNIHosts', 'Array of String', undefined],
    [() => rows('registered-service-rows'), 'Ports', 'Array of Integer', 'The port of the registered service.'],
    [() => rows('service-labels-rows'), 'ClusterIds', 'Array of String', 'The IDs of the clusters to which the service belongs.'],
    [() => rows('additional-status-rows'), 'AccessLogDashboards', 'Array', 'The Log Service dashboard of the audit logs on the data plane.'],
  ] as [() => RawRow[], string, string, string | undefined][])('%#: %s is %s', (get, name, type, description) => {
    const r = row(get(), name);
    expect(r.type).toBe(type);
    if (description) expect(r.description).toBe(description);
  });

  it('"Array of" / "AccessLogDashbo" / "ardInfo": the struct name is not taken as the example', () => {
    const r = row(rows('clusters-access-log-rows'), 'AccessLogDashboards');
    expect(r.example).toBeUndefined();
    expect(r.source).toEqual({ file: MANUAL, line: 7447, endLine: 7455 });
  });
});

describe('examples wrapped mid-value', () => {
  it.each([
    [CREATE_REQUEST, 'VpcId', 'vpc-xzelac2tw4ic7wz31****'],
    [CREATE_REQUEST, 'IstioVersion', 'v1.5.4.1-g5960ec40-aliyun'],
    [CREATE_REQUEST, 'VSwitches', '["vsw-xzegf5dndkbf4m6eg****"]'],
    [DETAIL_RESPONSE, 'CreationTime', '2020-04-21T09:42:20+08:00'],
    [DETAIL_RESPONSE, 'UpdateTime', '2020-06-03T14:48:54+08:00'],
    [DETAIL_RESPONSE, 'IntranetApiServerEndpoint', 'https://192.168.**.**:6443'],
    [DETAIL_RESPONSE, 'RequestId', '11fd0027-c27e-41bb-a565-75583054****'],
    [() => rows('describe-service-mesh-detail-response', [2872, 2889]), 'Action', 'DescribeServiceMeshDetail'],
    [() => rows('describe-service-mesh-detail-response', [2872, 2889]), 'ServiceMeshId', 'c08ba3fd1e6484b0f8cc1ad8fe10d****'],
    [() => rows('service-labels-rows'), 'ClusterIds', 'c7894c929677643a5bfe1a732d778****'],
    // The mask itself wrapped: "27852573609480***" / "*"; the Action value "GrantUserPermissio" / "ns".
    [() => rows('permissions', [5444, 5508]), 'SubAccountUserId', '27852573609480****'],
    [() => rows('permissions', [5444, 5508]), 'Action', 'GrantUserPermissions'],
  ] as [() => RawRow[], string, string][])('%#: %s = %s', (get, name, example) => {
    expect(row(get(), name).example).toBe(example);
  });

  it('the description of a wrapped example row starts after the example', () => {
    expect(row(CREATE_REQUEST(), 'VpcId').description).toBe('The ID of the virtual private cloud (VPC).');
    expect(row(CREATE_REQUEST(), 'VpcId').source).toEqual({ file: MANUAL, line: 616, endLine: 621 });
  });
});

describe('header rows and page furniture inside a table', () => {
  it('CreateServiceMesh: every row in order across the page break (chapter/heading breadcrumbs) and the repeated header', () => {
    expect(CREATE_REQUEST().map((r) => r.name)).toEqual([
      'Action', 'RegionId', 'IstioVersion', 'VpcId', 'ApiServerPublicEip', 'Tracing', 'Name', 'VSwitches', 'TraceSampling',
      'CustomizedZipkin', 'LocalityLoadBalancing', 'LocalityLBConf', 'Telemetry', 'OpenAgentPolicy', 'OPALogLevel',
      'OPARequestCPU', 'OPARequestMemory', 'OPALimitCPU', 'OPALimitMemory',
    ]);
  });

  it('a row does not run into the breadcrumbs after it, and the row after the break starts on the next page', () => {
    const eip = row(CREATE_REQUEST(), 'ApiServerPublicEip');
    expect(eip.source).toEqual({ file: MANUAL, line: 623, endLine: 639 });
    expect(eip.description).not.toMatch(/ASM instance$|CreateServiceMesh/);
    expect(eip.paragraphs.at(-1)).toBe('Note If you do not set this parameter, the API server of the clusters for the ASM instance cannot be accessed from the Internet.');
    // "Parameter Type Required Example Description" then " Telemetry Boolean No false" (page start).
    expect(row(CREATE_REQUEST(), 'LocalityLBConf').source.endLine).toBe(699);
    expect(row(CREATE_REQUEST(), 'Telemetry').source.line).toBe(702);
  });

  it('DescribeServiceMeshDetail: the running header, footer and explorer link of page 50 are not in any row', () => {
    const rs = DETAIL_RESPONSE();
    for (const r of rs) expect(r.description).not.toMatch(/Document|api\.aliyun\.com|ASM inst ance|DescribeServiceMeshDetail/);
    expect(row(rs, 'Profile').source).toEqual({ file: MANUAL, line: 2940, endLine: 2946 });
    expect(row(rs, 'CreationTime').source).toEqual({ file: MANUAL, line: 2957, endLine: 2962 });
  });

  it('TABLE_HEADER recognises both header forms and readHead never takes a header for a row', () => {
    expect(TABLE_HEADER.test('Parameter Type Required Example Description')).toBe(true);
    expect(TABLE_HEADER.test('Parameter Type Example Description')).toBe(true);
    const lines = fixtureLines('create-service-mesh-request');
    const header = slice(lines, 600, 600);
    expect(readHead(header, undefined)).toBeUndefined();
  });
});

describe('Map rows and their value row', () => {
  it.each([
    // "CCMVersions Map" then a bare "Object" row (with its own description) and a page break.
    ['ccm-version-rows', 'CCMVersions', 5079, 'Object', 5083, undefined, 'The version information about the CCM component.'],
    ['additional-status-rows', 'LogtailStatusRecord', 4680, 'Object', 4687, undefined, 'The check result of the Logtail installation for the cluster.'],
    ['secret-create-record', 'SecretCreateRecord', 8759, 'Object', 8764, undefined, 'The information of the creation record.'],
    // "Labels Map …" then "String app: productpage The label of the service."
    ['service-labels-rows', 'Labels', 9951, 'String', 9953, 'app: productpage', 'The label of the service.'],
    ['header-map-rows', 'Set', 10402, 'String', 10406, 'key', 'The header key that you specify.'],
  ] as [FixtureName, string, number, string, number, string | undefined, string][])(
    '%s: %s (line %i) is followed by a value row of type %s',
    (fixture, name, line, valueType, valueLine, example, description) => {
      const rs = rows(fixture);
      const i = rs.findIndex((r) => r.name === name);
      expect(rs[i].type).toBe('Map');
      expect(rs[i].source.line).toBe(line);
      const v = rs[i + 1];
      expect(v.name).toBe('*');
      expect(v.type).toBe(valueType);
      expect(v.source.line).toBe(valueLine);
      expect(v.example).toBe(example);
      expect(v.description).toBe(description);
    },
  );

  it('a Map row followed by another named row has no value row ("Failover Map" / "Distribute Map")', () => {
    const rs = rows('failover-map-rows');
    expect(rs.map((r) => [r.name, r.type])).toEqual([
      ['Failover', 'Map'],
      ['Distribute', 'Map'],
      ['ControlPlaneLogInfo', 'Object'],
      ['Enabled', 'Boolean'],
    ]);
  });

  it('the fields after the value row are rows of their own', () => {
    const rs = rows('ccm-version-rows');
    expect(rs.map((r) => r.name)).toEqual(['CCMVersions', '*', 'QueryState', 'Version']);
    expect(row(rs, 'QueryState').source.line).toBe(5088);
  });
});

describe('a page start without a blank line splits a description from the next row', () => {
  it.each([
    // "TLSPort Integer 443 The TLS port." / " SNIHosts Array of String *.com"
    ['route-detail-rows', 'TLSPort', 10212, 'The TLS port.', 'SNIHosts', 10213, '*.com'],
    // "Ports Array of Integer 9090 The port …" / " Hostname String www.demo.com The host name …"
    ['registered-service-rows', 'Ports', 8101, 'The port of the registered service.', 'Hostname', 8102, 'www.demo.com'],
  ] as [FixtureName, string, number, string, string, number, string][])('%s: %s / %s', (fixture, first, line, description, next, nextLine, example) => {
    const rs = rows(fixture);
    const a = row(rs, first);
    const b = row(rs, next);
    expect(a.source).toEqual({ file: MANUAL, line, endLine: line });
    expect(a.description).toBe(description);
    expect(b.source.line).toBe(nextLine);
    expect(b.example).toBe(example);
  });

  it('a lead line inside a description that is not a row stays in the description (lost bullet glyph)', () => {
    const r = row(CREATE_REQUEST(), 'ApiServerPublicEip');
    // (The value should be code-formatted as well: see known-bugs.test.ts.)
    expect(r.description).toMatch(/^- `?true`?: exposes the API server to the Internet\.$/m);
    expect(r.description).toMatch(/^- `?false`?: does not expose the API server to the Internet\.$/m);
    expect(r.description).toMatch(/^Default value: false\.$/m);
  });
});

describe('parseTable: text before the first row', () => {
  it('is returned as orphans, not as a row', () => {
    const lines = slice(fixtureLines('create-service-mesh-request'), 591, 606);
    const { rows: rs, orphans } = parseTable(toBlocks(lines), MANUAL, manualVocab());
    expect(rs.map((r) => r.name)).toEqual(['Action', 'RegionId']);
    expect(orphans.map((b) => b[0].line)).toEqual([591, 593, 598]);
  });
});
