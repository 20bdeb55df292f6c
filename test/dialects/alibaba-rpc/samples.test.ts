/**
 * samples.ts on the manual's printed samples: request URLs (wrapped JSON values, "? Action=" with a
 * space, Action not first), JSON bodies (strings wrapped across lines, a doubled empty string, an
 * unbalanced body) and XML bodies (wrapped text, a duplicated open tag, a garbled close tag).
 */
import { describe, expect, it } from 'vitest';
import { findSampleBodies, parseSampleRequest, readJson, readXml } from '../../../scripts/dialects/alibaba-rpc/samples.ts';
import { fixtureLines, fixtureText, slice, type FixtureName } from './helpers.ts';

const from = (fixture: FixtureName, line: number, to?: number) => {
  const lines = fixtureLines(fixture);
  return to === undefined ? lines.filter((l) => l.line >= line) : slice(lines, line, to);
};
const request = (fixture: FixtureName, line: number) => {
  const r = parseSampleRequest(from(fixture, line));
  if (!r) throw new Error('no request');
  return r;
};

describe('parseSampleRequest', () => {
  it('CreateIstioGatewayRoutes: a JSON value wrapped over 11 lines is one parameter, parsed back to the object', () => {
    const r = request('create-istio-gateway-routes', 8660);
    expect(r.action).toBe('CreateIstioGatewayRoutes');
    expect(r.parameters.map((p) => [p.name, p.line])).toEqual([
      ['ServiceMeshId', 8661],
      ['IstioGatewayName', 8662],
      ['GatewayRoute', 8663],
      ['Priority', 8674],
      ['Status', 8675],
      ['Description', 8676],
    ]);
    const route = JSON.parse(r.parameters[2].value);
    // Keys the wraps cut in two ("MatchingMode" / "\":", "R" / "outeDestinations", "Re" / "directCode").
    expect(route.MatchRequest.URI).toEqual({ MatchingMode: 'prefix', MatchingContent: '/ratings/v2/' });
    expect(route.RouteDestinations).toEqual([{ Destination: { Host: 'reviews', Subset: 'v1' }, Weight: 80 }]);
    expect(route.HTTPAdvancedOptions.HTTPRedirect.RedirectCode).toBe(301);
    expect(route.HTTPAdvancedOptions.Retries.RetryRemoteLocalities).toEqual({ Value: false });
    expect(route.HTTPAdvancedOptions.MirrorPercentage).toEqual({ Value: 0.2 });
    // A value with a space stays whole.
    expect(r.parameters[5].value).toBe('demo route');
    expect(r.common).toBe(true);
    expect(r).toMatchObject({ line: 8660, endLine: 8677 });
    expect(r.raw.split('\n')).toHaveLength(18);
  });

  it('GrantUserPermissions: a JSON array value wrapped mid-key', () => {
    const r = request('permissions', 5524);
    expect(r.parameters.map((p) => p.name)).toEqual(['SubAccountUserId', 'Permissions']);
    expect(JSON.parse(r.parameters[1].value)).toEqual([
      { IsCustom: true, RoleName: 'istio-ops', Cluster: 'c57b848115458460583a4260cb713****', RoleType: 'custom', IsRamRole: false },
      { IsCustom: true, RoleName: 'istio-ops', Cluster: 'c4ec191f4e12145c09286ea3e2b8f****', RoleType: 'custom', IsRamRole: false },
    ]);
    expect(r.endLine).toBe(5529);
  });

  it('DeleteServiceMesh: "/? Action=" with a space', () => {
    const r = request('delete-service-mesh', 1417);
    expect(r.action).toBe('DeleteServiceMesh');
    expect(r.parameters).toEqual([{ name: 'ServiceMeshId', value: 'c08ba3fd1e6484b0f8cc1ad8fe10d****', line: 1418 }]);
    // Stops at the blank line: the breadcrumb and "Sample success responses" after it are not read.
    expect(r.endLine).toBe(1419);
    expect(r.raw).toBe('http(s)://[Endpoint]/? Action=DeleteServiceMesh\n&ServiceMeshId=c08ba3fd1e6484b0f8cc1ad8fe10d****\n&<Common request parameters>');
  });

  it('AddVMIntoServiceMesh: Action printed third', () => {
    const r = request('add-vm', 11883);
    expect(r.action).toBe('AddVMIntoServiceMesh');
    expect(r.parameters).toEqual([
      { name: 'ServiceMeshId', value: 'ccb37ff104caf419fbf48fb38e6f3****', line: 11883 },
      { name: 'EcsId', value: 'i-2ze90ts4e7dj3650****', line: 11884 },
    ]);
    expect(r.common).toBe(true);
  });

  it('DescribeUserPermissions: a request with no parameters, followed by a blank-space line', () => {
    const r = request('permissions', 5579);
    expect(r).toMatchObject({ action: 'DescribeUserPermissions', parameters: [], line: 5579, endLine: 5579, common: false });
  });

  it('the "Make API requests" example (lines 386-394): every common parameter in order', () => {
    // (Read on to the end of the excerpt, the request swallows the next page: see known-bugs.test.ts.)
    const r = parseSampleRequest(from('make-api-requests', 386, 394))!;
    expect(r.action).toBe('DescribeServiceMeshDetail');
    expect(r.parameters.map((p) => `${p.name}=${p.value}`)).toEqual([
      'Format=xml',
      'Version=2020-01-11',
      'Signature=xxxx%xxxx%3D',
      'SignatureMethod=HMAC-SHA1',
      'SignatureNonce=15215528852396',
      'SignatureVersion=1.0',
      'AccessKeyId=key-test',
      'TimeStamp=2012-06-01T12:00:00Z',
    ]);
    expect(r.endLine).toBe(394);
  });

  it('returns undefined when the first content line is not a request URL', () => {
    expect(parseSampleRequest(from('delete-service-mesh', 1414))).toBeUndefined();
    expect(parseSampleRequest([])).toBeUndefined();
  });
});

describe('findSampleBodies: JSON', () => {
  it('GetCaCert: a string wrapped across two lines is read after removing the line break', () => {
    const bodies = findSampleBodies(from('get-ca-cert', 5413));
    const json = bodies.find((b) => b.format === 'json')!;
    expect(json).toMatchObject({ line: 5429, endLine: 5433, repairs: ['line break inside a string removed'] });
    expect(json.error).toBeUndefined();
    expect(json.value).toEqual({
      RequestId: 'E0496204-7586-5B4C-B364-2361CC0ED****',
      CaCert: '-----BEGIN CERTIFICATE-----\\nMIIFszCCA5ugAwIBAgIDM/1OMA0GCSqGSIb3DQEBCwUAME427zhT4HDLcCEW****-----END CERTIFICATE-----\\n',
    });
    // The text is kept as printed.
    expect(json.text.split('\n')).toHaveLength(5);
  });

  it('DescribeVSwitches: "NextToken" : """" is read as an empty string', () => {
    const [json] = findSampleBodies(fixtureLines('describe-vswitches-json'));
    expect(json).toMatchObject({ format: 'json', line: 5944, endLine: 5956, repairs: ['doubled empty string read as ""'] });
    expect(json.value).toEqual({
      TotalCount: 10,
      RequestId: 'BD65C0AD-D3C6-48D3-8D93-38D2015C****',
      NextToken: '',
      MaxResults: 10,
      VSwitches: { VpcId: 'vpc-bp17gig441u0msmd6****', VSwitchId: 'vsw-bp1g24p9no0iqir46****', Status: 'Available', IsDefault: false, VSwitchName: 'vsw-test' },
    });
  });

  it('DescribeIstioGatewayRouteDetail: an unbalanced body (a doubled "Headers" : {) is unreadable; the error and text are kept', () => {
    const bodies = findSampleBodies(from('route-detail-json', 10559, 10658));
    expect(bodies).toHaveLength(1);
    const [json] = bodies;
    expect(json.format).toBe('json');
    expect(json.value).toBeUndefined();
    expect(json.error).toMatch(/^Expected ',' or '}' after property value in JSON at position \d+/);
    expect(json.line).toBe(10563);
    expect(json.text).toContain('"Description" : "demo route"');
  });

  it('a sample already valid JSON is read with no repairs', () => {
    const bodies = findSampleBodies(from('delete-service-mesh', 1422));
    expect(bodies.map((b) => [b.format, b.line, b.endLine, b.repairs.length])).toEqual([
      ['xml', 1426, 1426, 0],
      ['json', 1430, 1432, 0],
    ]);
    expect(bodies[1].value).toEqual({ RequestId: '11fd0027-c27e-41bb-a565-75583054****' });
  });

  it('readJson reports the first parse error when no repair helps', () => {
    const b = readJson('{\n  "a" : 1\n  "b" : {\n}', 1, 4);
    expect(b.value).toBeUndefined();
    expect(b.error).toBeTruthy();
  });
});

describe('findSampleBodies: XML', () => {
  it('DescribeServiceMeshDetail: the duplicated <ProtocolSupport> is ignored and the response root unwrapped', () => {
    const bodies = findSampleBodies(fixtureLines('describe-service-mesh-detail-xml'));
    expect(bodies.map((b) => [b.format, b.line])).toEqual([['xml', 3881]]);
    const [xml] = bodies;
    expect(xml.endLine).toBe(4099);
    expect(xml.repairs).toEqual(['duplicated <ProtocolSupport> ignored']);
    const v = xml.value as Record<string, any>;
    expect(Object.keys(v)).toEqual(['RequestId', 'ServiceMesh']);
    expect(Object.keys(v.ServiceMesh)).toEqual(['Endpoints', 'ServiceMeshInfo', 'Spec', 'Clusters', 'ClusterSpec', 'OwnerType', 'OwnerId']);
    expect(v.ServiceMesh.Spec.MeshConfig.ProtocolSupport).toEqual({ MysqlFilterEnabled: 'false', RedisFilterEnabled: 'false', ThriftFilterEnabled: 'false', DubboFilterEnabled: 'false' });
  });

  it('a close tag wrapped in two ("</A" / "ccessLogFormat>") leaves AccessLogFormat open; the next </Proxy> unwinds it', () => {
    const [xml] = findSampleBodies(fixtureLines('describe-service-mesh-detail-xml'));
    const mesh = (xml.value as Record<string, any>).ServiceMesh.Spec.MeshConfig;
    expect(mesh.Proxy.AccessLogFormat).toEqual({ AccessLogFile: '/dev/stdout' });
    // The siblings after Proxy are back in place.
    const keys = Object.keys(mesh);
    expect(keys.slice(keys.indexOf('Proxy'))).toEqual(['Proxy', 'K8sNewAPIsSupport', 'LocalityLB', 'ControlPlaneLogInfo', 'ExtraConfiguration']);
  });

  it('DescribeIstioGatewayRouteDetail: the duplicated <Percentage> is ignored', () => {
    const [xml] = findSampleBodies(fixtureLines('route-detail-xml'));
    expect(xml.repairs).toEqual(['duplicated <Percentage> ignored']);
    const fault = (xml.value as Record<string, any>).RouteDetail.HTTPAdvancedOptions.Fault;
    expect(fault).toEqual({ Delay: { FixedDelay: '5s', ExponentialDelay: '3', Percentage: { Value: '0.1' } }, Abort: { HttpStatus: '400', Percentage: { Value: '0.1' } } });
  });

  it('GetCaCert: text wrapped onto the next line stays in its element', () => {
    const [xml] = findSampleBodies(from('get-ca-cert', 5413));
    expect(xml).toMatchObject({ format: 'xml', line: 5419, endLine: 5423 });
    const v = xml.value as Record<string, string>;
    expect(Object.keys(v)).toEqual(['RequestId', 'CaCert']);
    expect(v.CaCert.startsWith('-----BEGIN CERTIFICATE-----\\nMIIFszCCA5ugAwIBAgIDM/1OMA0GCSqGSIb3DQEBCwUAME427zhT4HDLcCEW*')).toBe(true);
    expect(v.CaCert.endsWith('***-----END CERTIFICATE-----\\n')).toBe(true);
  });

  it('an XML body without a root element (DeleteServiceMesh) reads as its elements', () => {
    expect(readXml(fixtureText('delete-service-mesh').split('\n')[1426 - 1381])).toEqual({ RequestId: '11fd0027-c27e-41bb-a565-75583054****' });
  });

  it('repeated elements become an array', () => {
    // DescribeServiceMeshDetail's sample lists one cluster; two <Clusters> are a list.
    expect(readXml('<XResponse><Clusters>a</Clusters><Clusters>b</Clusters></XResponse>')).toEqual({ Clusters: ['a', 'b'] });
  });
});
