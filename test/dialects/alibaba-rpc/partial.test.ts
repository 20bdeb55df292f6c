/**
 * A truncated manual (a download cut short, a partial extraction) still yields the operations it
 * contains, and says what is missing.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractText } from '../../../scripts/extract/text.ts';
import { buildFromDocument } from '../../../scripts/pipeline.ts';

const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const lines = readFileSync(MANUAL, 'utf8').split('\n');

function build(upTo: number) {
  const doc = extractText('cut.txt', Buffer.from(lines.slice(0, upTo).join('\n')));
  return buildFromDocument(doc);
}

describe('truncated Alibaba manual', () => {
  it('keeps every complete section before the cut and reports the listed operations it lost', () => {
    // Line 5436 closes GetCaCert (the 15th section); cut right after it.
    const r = build(5436);
    const ids = r.model.operations.map((o) => o.operationId);
    expect(ids).toHaveLength(15);
    expect(ids[0]).toBe('CreateServiceMesh');
    expect(ids[14]).toBe('GetCaCert');
    const lost = r.diagnostics.filter((d) => d.id === 'operation-not-documented');
    // 68 listed operations, 15 documented before the cut.
    expect(lost).toHaveLength(68 - 15);
    expect(lost.map((d) => d.message.split(' ')[0])).toContain('DescribeUserPermissions');
    expect(r.spec.paths?.['/#Action=GetCaCert']).toBeDefined();
  });

  it('keeps a section cut in the middle of its response table, with what it has', () => {
    // DescribeServiceMeshDetail's response table is cut after ServiceMeshInfo.Profile (line 2936).
    const r = build(2940);
    const op = r.model.operations.find((o) => o.operationId === 'DescribeServiceMeshDetail');
    expect(op).toBeDefined();
    expect(op!.parameters.map((p) => p.name)).toEqual(['Action', 'ServiceMeshId']);
    const mesh = op!.responses[0].schema!.properties!.find((p) => p.name === 'ServiceMesh')!;
    expect(mesh.schema.properties!.map((p) => p.name)).toEqual(['Endpoints', 'ServiceMeshInfo']);
    expect(r.diagnostics.some((d) => d.id === 'operation-not-documented' && d.message.startsWith('RevokeKubeconfig'))).toBe(true);
  });

  it('yields nothing but a clear error diagnostic when the cut leaves no section', () => {
    const r = build(400);
    expect(r.model.operations).toEqual([]);
    expect(r.diagnostics.find((d) => d.id === 'no-operations')?.severity).toBe('error');
  });
});
