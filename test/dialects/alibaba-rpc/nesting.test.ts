/**
 * nesting.ts: the tree the flat tables lost, rebuilt from the samples (sibling recovery, containers
 * restored from the sample), the table-order fallback, the table winning over a garbled sample, and
 * Map value rows. Rows come from real table excerpts, samples from the real sample responses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree, finishSchema, indexSamples, toProperties, type TreeNode } from '../../../scripts/dialects/alibaba-rpc/nesting.ts';
import { findSampleBodies } from '../../../scripts/dialects/alibaba-rpc/samples.ts';
import type { JsonValue, SchemaModel } from '../../../scripts/model/types.ts';
import { MANUAL, fixtureLines, manualVocab, rowsOf, type FixtureName } from './helpers.ts';

const rows = (fixture: FixtureName, range?: [number, number]) => rowsOf(fixture, range, manualVocab());
const xmlSample = (fixture: FixtureName): JsonValue => {
  const body = findSampleBodies(fixtureLines(fixture)).find((b) => b.format === 'xml');
  if (!body?.value) throw new Error('no XML sample');
  return body.value;
};
/** The tree as nested [name, children] pairs (leaves as plain names). */
type Shape = string | [string, Shape[]];
const shape = (n: TreeNode): Shape[] => n.children.map((c) => (c.children.length || c.container ? [c.name, shape(c)] : c.name));
const child = (n: TreeNode, ...path: string[]): TreeNode => {
  let cur = n;
  for (const p of path) {
    const next = cur.children.find((c) => c.name === p);
    if (!next) throw new Error(`no ${p} under ${cur.name}`);
    cur = next;
  }
  return cur;
};

describe('buildTree: DescribeServiceMeshDetail response (table lines 2890-2995, XML sample 3881-4099)', () => {
  const tableRows = () => rows('describe-service-mesh-detail-response', [2890, 2995]);
  const sample = () => indexSamples([xmlSample('describe-service-mesh-detail-xml')]);

  it('puts ServiceMeshInfo and Spec next to Endpoints, not inside it', () => {
    const { root, diagnostics } = buildTree(tableRows(), sample(), MANUAL);
    expect(shape(root)).toEqual([
      'RequestId',
      [
        'ServiceMesh',
        [
          ['Endpoints', ['IntranetPilotEndpoint', 'PublicPilotEndpoint', 'IntranetApiServerEndpoint', 'PublicApiServerEndpoint']],
          ['ServiceMeshInfo', ['Profile', 'CreationTime', 'UpdateTime', 'ErrorMessage', 'Version', 'State', 'ServiceMeshId', 'Name', 'RegionId']],
          ['Spec', []],
        ],
      ],
    ]);
    expect(diagnostics).toEqual([]);
    expect(child(root, 'ServiceMesh', 'ServiceMeshInfo', 'UpdateTime').path).toEqual(['ServiceMesh', 'ServiceMeshInfo', 'UpdateTime']);
  });

  it('without a sample, follows the table order: each row goes under the open container above it', () => {
    const { root, diagnostics } = buildTree(tableRows(), indexSamples([]), MANUAL);
    // What the flat table alone says: ServiceMeshInfo after the endpoint fields reads as a field of Endpoints.
    expect(shape(root)).toEqual([
      'RequestId',
      [
        'ServiceMesh',
        [
          [
            'Endpoints',
            [
              'IntranetPilotEndpoint',
              'PublicPilotEndpoint',
              'IntranetApiServerEndpoint',
              'PublicApiServerEndpoint',
              ['ServiceMeshInfo', ['Profile', 'CreationTime', 'UpdateTime', 'ErrorMessage', 'Version', 'State', 'ServiceMeshId', 'Name', 'RegionId', ['Spec', []]]],
            ],
          ],
        ],
      ],
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('buildTree: a container the table lost, restored from the sample', () => {
  // DescribeIstioGatewayRouteDetail's response rows without the "HTTPAdvancedOptions Object" row
  // (manual lines 10229-10232): the rows before it and the rows after it.
  const tableRows = () => [...rows('route-detail-rows', [10160, 10228]), ...rows('route-detail-rows', [10233, 10260])];
  const source = { file: MANUAL, line: 10464, endLine: 10557 };

  it('recreates RouteDetail.HTTPAdvancedOptions around HTTPRedirect, Delegate and Rewrite', () => {
    const { root, diagnostics } = buildTree(tableRows(), indexSamples([xmlSample('route-detail-xml')], source), MANUAL);
    const route = child(root, 'RouteDetail');
    expect(route.children.map((c) => c.name)).toEqual(['RouteName', 'RouteType', 'MatchRequest', 'HTTPAdvancedOptions']);
    const adv = child(route, 'HTTPAdvancedOptions');
    expect(adv.row).toBeUndefined();
    expect(adv.schema).toEqual({ type: 'object' });
    expect(adv.sampleSource).toEqual(source);
    expect(shape(adv)).toEqual([
      ['HTTPRedirect', ['Uri', 'Authority', 'RedirectCode']],
      ['Delegate', ['Name', 'Namespace']],
      ['Rewrite', []],
    ]);
    expect(diagnostics.map((d) => [d.id, d.severity, d.source.line, d.message])).toEqual([
      [
        'field-restored-from-sample',
        'warning',
        10234,
        'RouteDetail.HTTPAdvancedOptions: the table has no row for this object, but the sample nests HTTPRedirect in it; restored from the sample',
      ],
    ]);
    // finishSchema keeps where the restored object came from.
    expect(finishSchema(adv, () => false).source).toEqual(source);
  });

  it('keeps the rows before the gap where the sample has them (MatchRequest.URI / Headers / TLSMatchAttributes)', () => {
    const { root } = buildTree(tableRows(), indexSamples([xmlSample('route-detail-xml')], source), MANUAL);
    expect(shape(child(root, 'RouteDetail', 'MatchRequest'))).toEqual([
      ['URI', ['MatchingMode', 'MatchingContent']],
      ['Headers', ['Name', 'MatchingMode', 'MatchingContent']],
      ['TLSMatchAttributes', ['TLSPort', 'SNIHosts']],
      'Ports',
    ]);
  });
});

describe('buildTree: the table beats a garbled sample', () => {
  it('AccessLogFile stays a field of Proxy although the sample (an unclosed <AccessLogFormat>) nests it deeper', () => {
    const meshConfig = (xmlSample('describe-service-mesh-detail-xml') as Record<string, any>).ServiceMesh.Spec.MeshConfig as JsonValue;
    const { root, diagnostics } = buildTree(rows('proxy-rows'), indexSamples([meshConfig]), MANUAL);
    const proxy = child(root, 'Proxy');
    expect(proxy.children.map((c) => c.name)).toEqual([
      'RequestMemory', 'ClusterDomain', 'LimitMemory', 'RequestCPU', 'EnableDNSProxying', 'LimitCPU',
      'AccessLogServiceEnabled', 'AccessLogServiceHost', 'AccessLogServicePort', 'AccessLogFormat', 'AccessLogFile',
    ]);
    expect(child(proxy, 'AccessLogFormat').children).toEqual([]);
    expect(child(proxy, 'AccessLogFormat').schema.type).toBe('string');
    expect(diagnostics.map((d) => [d.id, d.source.line, d.message])).toEqual([
      ['nesting-sample-disagrees', 3538, 'AccessLogFile: the sample has it under Proxy/AccessLogFormat but the table order puts it under Proxy; following the table'],
    ]);
  });
});

describe('buildTree: Map rows', () => {
  it.each([
    ['ccm-version-rows', 'CCMVersions', ['QueryState', 'Version']],
    ['secret-create-record', 'SecretCreateRecord', ['State', 'ClusterId']],
    ['additional-status-rows', 'LogtailStatusRecord', ['ClusterId', 'LogtailDetailStatus', 'AccessLogDashboards']],
  ] as [FixtureName, string, string[]][])('%s: the fields after "%s Map" / "Object" describe the map values', (fixture, name, fields) => {
    const { root } = buildTree(rows(fixture), indexSamples([]), MANUAL);
    const map = child(root, name);
    expect(map.children.map((c) => c.name)).toEqual(['*']);
    expect(child(map, '*').children.map((c) => c.name)).toEqual(fields);
    const schema = finishSchema(map, () => false);
    expect(schema.type).toBe('object');
    expect(schema.properties).toBeUndefined();
    const values = schema.additionalProperties as SchemaModel;
    expect(values.type).toBe('object');
    expect(values.properties?.map((p) => p.name)).toEqual(fields);
  });

  it('a String value row closes nothing: the next row is a sibling of the map (Labels, then ClusterIds)', () => {
    const { root } = buildTree(rows('service-labels-rows'), indexSamples([]), MANUAL);
    expect(shape(root)).toEqual([['Details', ['ServiceName', 'Namespace', ['Labels', ['*']], 'ClusterIds']]]);
    const labels = finishSchema(child(root, 'Details', 'Labels'), () => false);
    expect(labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string', documentedType: 'String' } });
    expect(toProperties(child(root, 'Details'), () => false).map((p) => p.name)).toEqual(['ServiceName', 'Namespace', 'Labels', 'ClusterIds']);
  });
});

describe('finishSchema / toProperties', () => {
  it('"Array of ServiceMesh": the fields that follow become the item properties', () => {
    const { root } = buildTree(rows('describe-service-meshes-response'), indexSamples([]), MANUAL);
    const props = toProperties(root, () => false);
    expect(props.map((p) => p.name)).toEqual(['RequestId', 'ServiceMeshes']);
    const list = props[1].schema;
    expect(list.type).toBe('array');
    expect(list.items?.title).toBe('ServiceMesh');
    expect(list.items?.properties?.map((p) => p.name)).toEqual(['Endpoints']);
    expect(list.items?.properties?.[0].schema.properties?.map((p) => p.name)).toEqual(['IntranetPilotEndpoint']);
  });

  it('required comes from the callback (request rows carry it, response fields never)', () => {
    const { root } = buildTree(rows('create-service-mesh-request', [598, 700]), indexSamples([]), MANUAL);
    const props = toProperties(root, (n) => n.row?.required ?? false);
    expect(props.filter((p) => p.required).map((p) => p.name)).toEqual(['Action', 'RegionId', 'VpcId', 'VSwitches']);
  });
});

describe('indexSamples', () => {
  it('indexes every field name by its parent paths, and the shape at each path', () => {
    const idx = indexSamples([{ RequestId: 'x', Permissions: { RoleName: 'istio-admin' }, UIDs: ['1', '2'] }]);
    expect([...idx.parents.get('RoleName')!]).toEqual(['Permissions']);
    expect([...idx.parents.get('RequestId')!]).toEqual(['']);
    expect(idx.shapes.get('Permissions')).toBe('object');
    expect(idx.shapes.get('UIDs')).toBe('array');
    expect(idx.shapes.get('RequestId')).toBe('scalar');
  });

  it('records which fields share an object only when asked (the document-wide index), as a union over all objects', () => {
    const values: JsonValue[] = [{ A: 1, B: { C: 1, D: 2 } }, { B: [{ C: 1, E: 3 }, { C: 2, D: 4 }] }];
    expect(indexSamples(values).siblings.size).toBe(0);
    const wide = indexSamples(values, undefined, { paths: false, siblings: true });
    expect(wide.parents.size).toBe(0);
    expect(wide.shapes.size).toBe(0);
    expect([...wide.siblings.get('C')!].sort()).toEqual(['D', 'E']);
    expect([...wide.siblings.get('A')!]).toEqual(['B']);
    expect([...wide.siblings.get('E')!]).toEqual(['C']);
  });

  it('regression: a key holding "\\0" does not hide another object\'s key set (972f461 skipped repeated key sets)', () => {
    // 972f461 skipped objects whose key lists, joined with "\0", were seen before; the keys
    // ["a\0b"] and ["a", "b"] join alike, so {"a\u0000b": …} (a JSON sample may print that escape)
    // hid {a, b}. The skip saved ~8 ms at 100× and is gone; this pins the behaviour.
    const values = [JSON.parse('{"a\\u0000b": 1}'), { a: 1, b: 2 }, { x: { 'a\0b': 1, c: 2 } }, { x: { a: 1, 'b\0c': 2 } }] as JsonValue[];
    const wide = indexSamples(values, undefined, { paths: false, siblings: true });
    expect([...wide.siblings.get('a')!].sort()).toEqual(['b', 'b\0c']);
    expect([...wide.siblings.get('b')!]).toEqual(['a']);
    expect([...wide.siblings.get('a\0b')!]).toEqual(['c']);
    expect([...wide.siblings.get('b\0c')!]).toEqual(['a']);
  });

  it('siblings are the union over every object of random samples (as before 972f461), keys with "\\0" included', () => {
    const key = fc.constantFrom('a', 'b', 'c', '', '\0', 'a\0b', 'b\0c', 'a\0', '\0b');
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(1), tie('arr'), tie('obj')),
      arr: fc.array(tie('value'), { maxLength: 3 }),
      obj: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 5 }), (values) => {
        const expected = new Map<string, Set<string>>();
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') {
            const keys = Object.keys(v);
            for (const k of keys) {
              const sib = expected.get(k) ?? new Set<string>();
              for (const o of keys) if (o !== k) sib.add(o);
              expected.set(k, sib);
            }
            for (const k of keys) walk((v as Record<string, unknown>)[k]);
          }
        };
        values.forEach(walk);
        const got = indexSamples(values as JsonValue[], undefined, { paths: false, siblings: true }).siblings;
        const norm = (m: Map<string, Set<string>>) => [...m].map(([k, s]) => [k, [...s].sort()] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
        expect(norm(got)).toEqual(norm(expected));
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});
