/**
 * The whole Huawei manual through the pipeline. The golden spec (spec/huaweicloud-asm-v1.openapi.yaml)
 * was read against the manual by a person; this test fails when the build drifts from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildFromDocument } from '../../../scripts/pipeline.ts';
import { lintSpec } from '../../../scripts/lint/index.ts';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { MANUAL, ROOT, manualDoc } from './helpers.ts';

type Obj = Record<string, any>;
const build = buildFromDocument(manualDoc(), { dialect: 'huawei-rest' });
const spec = build.spec as unknown as Obj;
const schemas = spec.components.schemas as Obj;
const deref = (s: Obj): Obj => (s.$ref ? schemas[s.$ref.split('/').pop()] : s);
const propsOf = (name: string) => Object.keys(schemas[name].properties);

describe('Huawei Cloud ASM manual -> OpenAPI', () => {
  it('equals the committed golden spec, byte for byte, and builds deterministically', () => {
    expect(build.yaml).toBe(readFileSync(join(ROOT, 'spec', 'huaweicloud-asm-v1.openapi.yaml'), 'utf8'));
    expect(buildFromDocument(manualDoc(), { dialect: 'huawei-rest' }).yaml).toBe(build.yaml);
  });

  it('has the 4 documented operations', () => {
    const ops = Object.entries(spec.paths as Obj).flatMap(([path, item]) => Object.entries(item as Obj).map(([m, o]) => [m, path, (o as Obj).operationId]));
    expect(ops).toEqual([
      ['post', '/v1/{project_id}/meshes', 'CreateServiceMesh'],
      ['get', '/v1/{project_id}/meshes', 'ListServiceMeshes'],
      ['delete', '/v1/{project_id}/meshes/{mesh_id}', 'DeleteServiceMesh'],
      ['get', '/v1/{project_id}/meshes/{mesh_id}', 'ShowServiceMesh'],
    ]);
  });

  it('only path parameters remain: X-Auth-Token is a security scheme, Content-Type the media type', () => {
    const params = build.model.operations.map((o) => o.parameters.map((p) => `${p.in}:${p.name}`));
    expect(params).toEqual([['path:project_id'], ['path:project_id', 'path:mesh_id'], ['path:project_id', 'path:mesh_id'], ['path:project_id']]);
    expect(spec.security).toEqual([{ TokenBasedAuthentication: [] }, { AKSKBasedAuthentication: [] }]);
    expect(spec.components.securitySchemes.TokenBasedAuthentication).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Auth-Token' });
    expect(spec.servers[0]).toMatchObject({ url: 'https://asm.{region}.myhuaweicloud.com', variables: { region: { default: 'cn-north-1' } } });
  });

  it('request schema: exact names, types and Mandatory down to Table 4-11', () => {
    const req = schemas.CreateServiceMeshRequest;
    expect(req.required).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(req.properties.apiVersion.const).toBe('v1');
    expect(req.properties.kind.enum).toEqual(['Mesh', 'mesh']);
    const spec4_5 = deref(req.properties.spec);
    expect(spec4_5.required).toEqual(['type', 'version', 'extendParams']);
    const cluster = deref(deref(spec4_5.properties.extendParams).properties.clusters.items);
    expect(Object.keys(cluster.properties)).toEqual(['clusterID', 'injection', 'installation']);
    expect(cluster.required).toEqual(['clusterID', 'installation']);
    const fieldSelector = deref(deref(deref(cluster.properties.installation).properties.nodes).properties.fieldSelector);
    expect(fieldSelector.required).toEqual(['key', 'operator', 'values']);
    expect(fieldSelector.properties.operator.const).toBe('In');
    // Table 4-10 (Selector) is shared by two rows with different words: each row's description
    // sits beside its $ref instead of being lost.
    expect(deref(cluster.properties.installation).properties.nodes).toEqual({ $ref: '#/components/schemas/Selector', description: 'Nodes where service mesh components are installed.' });
    expect(deref(cluster.properties.injection).properties.namespaces).toEqual({ $ref: '#/components/schemas/Selector', description: 'Namespaces where sidecars to be injected.' });
    expect(schemas.Selector.description).toBeUndefined();
    expect(deref(req.properties.metadata).properties.name).toMatchObject({ minLength: 4, maxLength: 64, pattern: '^[a-z](?:[a-z0-9-]*[a-z0-9])?$' });
    // Table 4-19: defaultProviders has an empty Mandatory cell -> optional (reported); with the lost
    // hyphen of "apmotel" restored, the request copy of Tracing is the response copy.
    expect(schemas.TelemetryConfigInput.properties.tracing).toEqual({ $ref: '#/components/schemas/Tracing' });
    expect(schemas.Tracing.required).toBeUndefined();
    expect(schemas.TracingInput).toBeUndefined();
  });

  it('repaired names, inferred type and float/integer types in the response structures', () => {
    expect(propsOf('ProxyConfig')).toEqual(['includeIPRanges', 'excludeIPRanges', 'excludeOutboundPorts', 'excludeInboundPorts', 'includeOutboundPorts', 'includeInboundPorts']);
    expect(Object.values(schemas.ProxyConfig.properties).every((p: any) => p.type === 'string')).toBe(true);
    expect(propsOf('MeshMetadata')).toEqual(['name', 'uid', 'creationTimestamp']);
    expect(propsOf('MeshStatus')).toEqual(['phase', 'updateTimestamp']);
    expect(schemas.MeshStatus.properties.phase.enum).toHaveLength(9);
    expect(propsOf('Tracing')).toEqual(['randomSamplingPercentage', 'defaultProviders', 'extensionProviders']);
    expect(schemas.Tracing.properties.randomSamplingPercentage).toMatchObject({ type: 'number', format: 'float' });
    expect(schemas.ZipkinTracingProvider.properties.port.type).toBe('integer');
    expect(schemas.ErrorResponse.properties.errorCode).toMatchObject({ minLength: 8, maxLength: 36 });
    expect(schemas.ListServiceMeshesResponse.properties.kind.const).toBe('MeshList');
  });

  it('response nesting: Mesh -> spec -> config -> telemetryConfig -> tracing -> extensionProviders[] -> zipkin -> port', () => {
    const getOk = spec.paths['/v1/{project_id}/meshes/{mesh_id}'].get.responses['200'].content['application/json'].schema;
    expect(getOk).toEqual({ $ref: '#/components/schemas/Mesh' });
    let s = deref(getOk);
    for (const k of ['spec', 'config', 'telemetryConfig', 'tracing']) s = deref(s.properties[k]);
    s = deref(deref(s.properties.extensionProviders.items).properties.zipkin);
    expect(s.properties.port.type).toBe('integer');
  });

  it('same-titled copies: identical ones are one component, differing ones are named apart and reported', () => {
    const titled = Object.entries(schemas).filter(([, s]) => (s as Obj).title === 'MeshMetadata').map(([n]) => n).sort();
    expect(titled).toEqual(['CreateServiceMeshMeshMetadata', 'MeshMetadata', 'MeshMetadataInput']);
    const differs = build.diagnostics.filter((d) => d.id === 'schema-copy-differs');
    expect(differs.map((d) => d.message.split(' ')[0])).toEqual(['MeshMetadata', 'MeshSpec', 'MeshExtendParams', 'MeshCluster', 'MeshConfig', 'TelemetryConfig', 'Metric', 'Aom', 'MeshMetadata', 'MeshSpec', 'MeshExtendParams']);
    expect(differs.find((d) => d.source.line === 523)?.message).toContain('uid: description differs');
    // 11 error tables (4-38 … 4-103) are one ErrorResponse.
    const errs = Object.values(spec.paths as Obj).flatMap((item) => Object.values(item as Obj).flatMap((o) => Object.entries((o as Obj).responses).filter(([st]) => Number(st) >= 400).map(([, r]) => (r as Obj).content['application/json'].schema.$ref)));
    expect(errs).toHaveLength(11);
    expect(new Set(errs)).toEqual(new Set(['#/components/schemas/ErrorResponse']));
  });

  it('every row of the body tables is one field: 228 rows in, 228 distinct properties out', () => {
    // Field rows: a tab-separated line whose first cell is a lower-case name (field names are
    // camelCase; header names, status codes and the overview's titles are not), outside the
    // "Path parameters" tables.
    let caption = '';
    const rows = manualDoc().lines.filter((l) => {
      const cap = /^\s*Table \d+-\d+ (.*)$/.exec(l.text);
      if (cap) caption = cap[1];
      return /^[a-z][A-Za-z0-9_ -]*\t/.test(l.text) && caption !== 'Path parameters';
    });
    const seen = new Set<unknown>();
    const walk = (s: SchemaModel | undefined): void => {
      for (const p of s?.properties ?? []) {
        seen.add(p);
        walk(p.schema);
      }
      if (s?.items) walk(s.items);
    };
    for (const op of build.model.operations) {
      walk(op.requestBody?.schema);
      for (const r of op.responses) walk(r.schema);
    }
    expect(rows).toHaveLength(228);
    expect(seen.size).toBe(228);
  });

  it('every parameter, property and operation carries the manual lines it came from', () => {
    const missing: string[] = [];
    const walk = (s: SchemaModel | undefined, at: string, seen = new Set<SchemaModel>()): void => {
      if (!s || seen.has(s)) return;
      seen.add(s);
      for (const p of s.properties ?? []) {
        if (!p.schema.source) missing.push(`${at}.${p.name}`);
        walk(p.schema, `${at}.${p.name}`, seen);
      }
      walk(s.items, `${at}[]`, seen);
    };
    for (const op of build.model.operations) {
      if (!op.source.line) missing.push(op.operationId);
      for (const p of op.parameters) if (!p.source?.line) missing.push(`${op.operationId}:${p.name}`);
      walk(op.requestBody?.schema, `${op.operationId}.request`);
      for (const r of op.responses) walk(r.schema, `${op.operationId}.${r.status}`);
    }
    expect(missing).toEqual([]);
  });

  it('the appendix error codes are documented with their HTTP status, API-wide and per operation', () => {
    expect((spec['x-refspec-error-codes'] as Obj[]).map((e) => `${e.httpStatus} ${e.code}`)).toEqual([
      '400 ASM.01400001',
      '401 ASM.01401001',
      '403 ASM.01403001',
      '404 ASM.01404001',
      '409 ASM.01409001',
      '429 ASM.01429001',
      '500 ASM.01500001',
    ]);
    expect(spec.paths['/v1/{project_id}/meshes'].post['x-refspec-error-codes'].map((e: Obj) => e.code)).toEqual(['ASM.01400001', 'ASM.01409001', 'ASM.01500001']);
  });

  it('every example kept validates against its schema (ajv, independently of the pipeline)', () => {
    const ajv = new Ajv2020({ strict: false });
    let count = 0;
    for (const item of Object.values(spec.paths as Obj)) {
      for (const op of Object.values(item as Obj)) {
        const medias = [
          ...Object.values((op as Obj).requestBody?.content ?? {}),
          ...Object.values((op as Obj).responses).flatMap((r) => Object.values((r as Obj).content ?? {})),
        ] as Obj[];
        for (const m of medias) {
          for (const ex of Object.values(m.examples ?? {}) as Obj[]) {
            const local = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll('#/components/schemas/', '#/$defs/'));
            const validate = ajv.compile({ $defs: local(schemas), ...local(m.schema) });
            expect(validate(ex.value), JSON.stringify(validate.errors)).toBe(true);
            count++;
          }
        }
      }
    }
    // 4 success bodies + the appendix's error body on the four 400 responses (its code ASM.01400001 is a 400).
    expect(count).toBe(8);
    expect(build.exampleChecks.map((c) => [c.operationId, c.status, c.valid])).toEqual([
      ['CreateServiceMesh', '201', true],
      ['CreateServiceMesh', '400', true],
      ['ListServiceMeshes', '200', true],
      ['ListServiceMeshes', '400', true],
      ['DeleteServiceMesh', '200', true],
      ['DeleteServiceMesh', '400', true],
      ['ShowServiceMesh', '200', true],
      ['ShowServiceMesh', '400', true],
    ]);
    expect(spec.paths['/v1/{project_id}/meshes'].post.responses['400'].content['application/json'].examples.appendix.value).toEqual({ errorCode: 'ASM.01400001' });
  });

  it('reports each damage the issue lists where it occurs in the manual', () => {
    const at = (id: string) => build.diagnostics.filter((d) => d.id === id).map((d) => d.source.line);
    expect(at('type-inferred')).toEqual([567, 1260]);
    expect(at('mandatory-missing')).toEqual([491]);
    expect(at('table-stray-fragment')).toEqual([493]);
    expect(at('example-dropped')).toEqual([661]);
    expect(at('example-key-repaired')).toEqual([1384]);
    expect(at('header-homoglyph')).toEqual([368]);
    expect(at('header-rejoined')).toEqual([1492]);
    expect(at('heading-markup-removed')).toEqual([352]);
    expect(build.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rejoined = build.diagnostics.filter((d) => d.id === 'name-rejoined').map((d) => /"([^"]+)" split/.exec(d.message)?.[1]);
    for (const damaged of ['creationTimes tamp', 'includeOutbound- Ports', 'randomSamplingP ercentage', 'includeInboundPo rts', 'telemetryConf ig']) expect(rejoined).toContain(damaged);
    expect(build.diagnostics.filter((d) => d.id === 'name-rejoined-unattested')).toEqual([]);
  });

  it('lints with 0 errors and 0 warnings', async () => {
    const lint = await lintSpec(build.yaml, join(ROOT, 'spec', 'huaweicloud-asm-v1.openapi.yaml'));
    expect(lint.problems).toEqual([]);
  });

  it('reads its input from the manual shipped in sources/', () => {
    expect(build.document.file).toBe(MANUAL);
  });
});
