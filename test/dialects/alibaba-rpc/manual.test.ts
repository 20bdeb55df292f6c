/**
 * End to end on the real Alibaba manual: the whole document through the pipeline, checked against
 * facts read off the manual by a human (operation names, nesting, types, wrapped names), the
 * committed golden spec, the samples, and the linter.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildFromFile, type BuildResult } from '../../../scripts/pipeline.ts';
import { lintSpec } from '../../../scripts/lint/index.ts';

const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const GOLDEN = 'spec/alibaba-servicemesh-2020-01-11.openapi.yaml';

type Obj = Record<string, any>;
let r: BuildResult;
let spec: Obj;
const op = (name: string): Obj => spec.paths[`/#Action=${name}`].get;
const deref = (s: Obj): Obj => (s.$ref ? spec.components.schemas[s.$ref.split('/').pop()] : s);
const responseSchema = (name: string): Obj => deref(op(name).responses['200'].content['application/json'].schema);
const prop = (s: Obj, ...path: string[]): Obj => path.reduce((acc, k) => deref(deref(acc).type === 'array' ? deref(acc).items : acc).properties[k], s);

beforeAll(async () => {
  r = await buildFromFile(MANUAL, { displayName: MANUAL });
  spec = r.spec as unknown as Obj;
});

describe('Alibaba Service Mesh manual', () => {
  it('finds all 69 documented operations, one path item each, operationId = Action', () => {
    const ids = r.model.operations.map((o) => o.operationId);
    expect(ids).toHaveLength(69);
    expect(new Set(ids).size).toBe(69);
    for (const id of ids) {
      expect(op(id).operationId).toBe(id);
      expect(op(id).parameters[0]).toMatchObject({ name: 'Action', in: 'query', required: true, schema: { const: id } });
    }
    // Read off the manual: a section without heading, and a section missing from the list.
    expect(ids).toContain('DescribeUserPermissions');
    expect(ids).toContain('UpdateMeshCRAggregation');
    expect(ids).toContain('DescribeNamespaceScopeSidecarConfig');
    expect(ids).toContain('UpdateASMGatewayImportedServices');
  });

  it('reports every difference between the operation list and the sections', () => {
    const byId = (id: string) => r.diagnostics.filter((d) => d.id === id).map((d) => d.message.split(' ')[0]);
    expect(byId('operation-not-listed')).toEqual(['UpdateMeshCRAggregation']);
    expect(byId('operation-not-documented')).toEqual([]);
    expect(r.diagnostics.find((d) => d.id === 'section-heading-lost')?.message).toMatch(/^DescribeUserPermissions:/);
  });

  it('uses the list groups as tags', () => {
    expect(op('CreateServiceMesh').tags).toEqual(['ASM instances']);
    expect(op('DescribeNamespaceScopeSidecarConfig').tags).toEqual(['Sidecar proxy management']);
    expect(op('UpdateMeshCRAggregation').tags).toEqual(['Mesh resources']);
    expect((spec.tags as Obj[]).map((t) => t.name)).toEqual([
      'ASM instances', 'Mesh management', 'Permission management', 'Mesh resources', 'Sidecar proxy management',
      'Clusters', 'ASM gateways', 'Observability', 'Upgrades', 'VMs',
    ]);
  });

  it('rejoins names and example values wrapped mid-word', () => {
    const names = (id: string) => (op(id).parameters as Obj[]).map((p) => p.name);
    expect(names('CreateServiceMesh')).toEqual(expect.arrayContaining(['LocalityLoadBalancing', 'ProxyRequestMemory', 'ExcludeOutboundPorts']));
    expect(names('DescribeServiceMeshUpgradeStatus')).toContain('AllIstioGatewayFullNames');
    const vpc = (op('CreateServiceMesh').parameters as Obj[]).find((p) => p.name === 'VpcId');
    expect(vpc).toMatchObject({ required: true, example: 'vpc-xzelac2tw4ic7wz31****', schema: { type: 'string' } });
    const info = prop(responseSchema('DescribeServiceMeshDetail'), 'ServiceMesh', 'ServiceMeshInfo');
    expect(Object.keys(deref(info).properties)).toContain('UpdateTime'); // "UpdateT ime" in the text
  });

  it('rebuilds the nesting the text flattened (ServiceMeshInfo is a sibling of Endpoints)', () => {
    const mesh = deref(prop(responseSchema('DescribeServiceMeshDetail'), 'ServiceMesh'));
    expect(Object.keys(mesh.properties).slice(0, 4)).toEqual(['Endpoints', 'ServiceMeshInfo', 'Spec', 'Clusters']);
    expect(Object.keys(deref(mesh.properties.Endpoints).properties)).toEqual([
      'IntranetPilotEndpoint', 'PublicPilotEndpoint', 'IntranetApiServerEndpoint', 'PublicApiServerEndpoint',
    ]);
    const list = responseSchema('DescribeServiceMeshes').properties.ServiceMeshes;
    expect(list.type).toBe('array');
    expect(Object.keys(deref(list.items).properties)).toEqual(expect.arrayContaining(['Endpoints', 'ServiceMeshInfo', 'Spec']));
  });

  it('maps the documented types precisely', () => {
    const p = (id: string, name: string) => (op(id).parameters as Obj[]).find((x) => x.name === name)!.schema;
    expect(p('CreateServiceMesh', 'TraceSampling')).toMatchObject({ type: 'number', format: 'float' });
    expect(p('CreateServiceMesh', 'Tracing')).toMatchObject({ type: 'boolean', default: false });
    expect(p('CreateServiceMesh', 'VSwitches')).toMatchObject({ type: 'string', contentMediaType: 'application/json' });
    const fin = prop(responseSchema('DescribeServiceMeshUpgradeStatus'), 'UpgradeDetail', 'FinishedGatewaysNum');
    expect(fin).toMatchObject({ type: 'integer', format: 'int64' });
    const versions = responseSchema('DescribeVersions').properties.VersionInfo;
    expect(versions.type).toBe('array');
    const gw = (op('CreateIstioGatewayRoutes').parameters as Obj[]).find((x) => x.name === 'GatewayRoute')!;
    expect(gw['x-refspec-serialization']).toBe('json');
    expect(Object.keys(deref(gw.schema).properties)).toEqual(expect.arrayContaining(['RouteName', 'MatchRequest', 'HTTPAdvancedOptions']));
  });

  it('declares every parameter of every sample request for its operation', () => {
    const common = Object.keys(spec.components.parameters);
    let checked = 0;
    for (const o of r.model.operations) {
      const declared = new Set([...(op(o.operationId).parameters as Obj[]).map((p) => p.name ?? p.$ref?.split('/').pop()), ...common]);
      for (const ex of (op(o.operationId)['x-refspec-request-examples'] ?? []) as Obj[]) {
        for (const p of ex.parameters as { name: string }[]) {
          expect(declared.has(p.name.replace(/\.\d+$/, '')), `${o.operationId}: ${p.name}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('validates every JSON sample response, or lists it in the report with its line', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const defs = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
    let valid = 0;
    let reported = 0;
    for (const o of r.model.operations) {
      const media = op(o.operationId).responses['200'].content?.['application/json'];
      for (const [name, ex] of Object.entries((media?.examples ?? {}) as Obj)) {
        const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('#/components/schemas/', '#/$defs/'));
        const ok = ajv.validate({ ...schema, $defs: defs }, ex.value);
        if (ok) valid++;
        else {
          const line = r.model.operations.find((x) => x.operationId === o.operationId)!.responses[0].examples.find((e) => e.name === name)!.source.line;
          const d = r.diagnostics.find((x) => x.id === 'example-invalid' && x.message.startsWith(`${o.operationId} `));
          expect(d, `${o.operationId} ${name}`).toBeDefined();
          expect(d!.source.line).toBe(line);
          reported++;
        }
      }
    }
    expect(valid + reported).toBe(r.exampleChecks.length);
    expect(valid).toBeGreaterThan(30);
    // Samples that could not be read at all are document errors with their lines.
    const unreadable = r.diagnostics.filter((d) => d.id === 'sample-json-unreadable');
    expect(unreadable.map((d) => d.source.line)).toEqual([4105, 10563]);
  });

  it('models the common parameters once and the RPC signature as a security scheme', () => {
    expect(Object.keys(spec.components.parameters)).toEqual([
      'AccessKeyId', 'Format', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version',
    ]);
    expect(spec.components.parameters.Version.schema.const).toBe('2020-01-11');
    expect(spec.components.securitySchemes.AlibabaCloudRpcSignature['x-refspec-signing']).toMatchObject({ algorithm: 'HMAC-SHA1', version: '1.0' });
    expect(spec.servers[0].url).toBe('https://servicemesh.aliyuncs.com');
    expect(op('DescribeServiceMeshDetail').parameters).toContainEqual({ $ref: '#/components/parameters/Version' });
  });

  it('turns error-code tables into documented error responses', () => {
    expect(op('CreateServiceMesh').responses['404'].description).toMatch(/^`ERR404`: Not found/);
    expect(op('DeleteServiceMesh').responses['4XX'].description).toMatch(/API Error Center/);
  });

  it('records where every operation came from', () => {
    expect(op('CreateServiceMesh')['x-refspec-source']).toBe(`${MANUAL}#L591-1379`);
    const i = (op('CreateServiceMesh').parameters as Obj[]).findIndex((p) => p.name === 'VpcId');
    expect(r.sourceMap[`#/paths/~1#Action=CreateServiceMesh/get/parameters/${i}`]).toMatchObject({ file: MANUAL, line: 616 });
  });

  it('is lint-clean under Redocly recommended + refspec rules', async () => {
    const lint = await lintSpec(r.yaml, GOLDEN);
    expect(lint.problems).toEqual([]);
  });

  it('matches the committed golden spec byte for byte (read through by a human)', async () => {
    expect(r.yaml).toBe(await readFile(GOLDEN, 'utf8'));
  });
});
