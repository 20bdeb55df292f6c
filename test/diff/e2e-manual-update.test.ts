/**
 * End to end: edit a copy of the real Alibaba manual the way a vendor update would, build both
 * versions, diff them, and expect exactly the edits back, with the right levels and the manual
 * lines of both versions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractBytes } from '../../scripts/extract/index.ts';
import { buildFromDocument, type BuildResult } from '../../scripts/pipeline.ts';
import { diffSpecs } from '../../scripts/diff/engine.ts';
import type { DiffResult, Json } from '../../scripts/diff/types.ts';

const MANUAL = 'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt';
const EDITED = 'sources/alibaba-cloud-service-mesh-api-reference-edited.txt';

function replaceOnce(text: string, old: string, replacement: string): string {
  const first = text.indexOf(old);
  if (first < 0 || text.indexOf(old, first + 1) >= 0) throw new Error(`edit anchor must occur exactly once: ${JSON.stringify(old.slice(0, 60))}`);
  return text.slice(0, first) + replacement + text.slice(first + old.length);
}

/** Delete from the line starting with `from` up to (not including) the line starting with `to`. */
function deleteSection(text: string, from: string, to: string): string {
  const a = text.indexOf(`\n${from}`);
  const b = text.indexOf(`\n${to}`, a + 1);
  if (a < 0 || b < 0 || text.indexOf(`\n${from}`, a + 1) >= 0) throw new Error('section anchors not found exactly once');
  return text.slice(0, a) + text.slice(b);
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

function covers(ref: { line: number; endLine?: number } | undefined, line: number): boolean {
  return !!ref && ref.line <= line && line <= (ref.endLine ?? ref.line);
}

describe('vendor update of the Alibaba manual', () => {
  let original: string;
  let edited: string;
  let base: BuildResult;
  let revision: BuildResult;
  let result: DiffResult;

  beforeAll(async () => {
    original = readFileSync(join(process.cwd(), MANUAL), 'utf8');
    let t = original;
    // 1. the vendor drops an operation: its whole section goes
    t = deleteSection(
      t,
      'Revokes a kubeconfig file of an Alibaba Cloud Service Mesh (ASM) instance and generates a new kubeconfig file.',
      'Queries the check results of an Alibaba Cloud Service Mesh (ASM) instance.',
    );
    // 2. a parameter is renamed
    t = replaceOnce(t, 'Name String Yes test-mesh The new name of the ASM instance.', 'MeshName String Yes test-mesh The new name of the ASM instance.');
    // 3. a type changes from String to Long
    t = replaceOnce(t, 'Limit String No 10\nThe maximum number of ASM gateways to\nquery.\n\n11.7. DeleteIstioGatewayDomains', 'Limit Long No 10\nThe maximum number of ASM gateways to\nquery.\n\n11.7. DeleteIstioGatewayDomains');
    // 4. an optional parameter becomes required
    t = replaceOnce(t, 'PrivateIpAddress Boolean No false\nSpecifies whether to query the kubeconfig', 'PrivateIpAddress Boolean Yes false\nSpecifies whether to query the kubeconfig');
    // 5. a response gains a field
    t = replaceOnce(
      t,
      'The content of the kubeconfig file of the cluster.\n',
      'The content of the kubeconfig file of the cluster.\n\nExpireTime String 2022-07-12T10:00:00Z The time when the kubeconfig file expires.\n',
    );
    edited = t;
    base = buildFromDocument(await extractBytes(MANUAL, Buffer.from(original)));
    revision = buildFromDocument(await extractBytes(EDITED, Buffer.from(edited)));
    result = diffSpecs(
      { label: MANUAL, spec: base.spec as unknown as Json, sourceMap: base.sourceMap },
      { label: EDITED, spec: revision.spec as unknown as Json, sourceMap: revision.sourceMap },
    );
  });

  it('reports exactly the five edits, with their levels', () => {
    const got = result.changes.map((c) => `${c.level} ${c.id} ${c.operation}: ${c.message}`);
    expect(got).toEqual([
      'breaking request-parameter-type-changed DeleteIstioGatewayDomains: type of query parameter Limit changed from string to integer',
      'breaking request-parameter-became-required DescribeServiceMeshKubeconfig: query parameter PrivateIpAddress became required',
      'breaking request-parameter-renamed ModifyServiceMeshName: query parameter Name was renamed to MeshName',
      'breaking operation-removed RevokeKubeconfig: operation RevokeKubeconfig (GET /#Action=RevokeKubeconfig) was removed',
      'info response-property-added DescribeServiceMeshKubeconfig: response 200 has a new property ExpireTime',
    ]);
    expect(result.summary).toEqual({ breaking: 4, warning: 0, info: 1 });
  });

  it('points at the manual lines of both versions', () => {
    const byId = new Map(result.changes.map((c) => [c.id, c]));
    const removed = byId.get('operation-removed')!;
    expect(removed.location.base).toBe('#/paths/~1#Action=RevokeKubeconfig/get');
    expect(covers(removed.source?.base, lineOf(original, 'Revokes a kubeconfig file'))).toBe(true);
    expect(removed.source?.base?.file).toBe(MANUAL);

    const typed = byId.get('request-parameter-type-changed')!;
    expect(typed.source?.base?.file).toBe(MANUAL);
    expect(typed.source?.revision?.file).toBe(EDITED);
    expect(covers(typed.source?.base, lineOf(original, 'Limit String No 10\nThe maximum number of ASM gateways'))).toBe(true);
    expect(covers(typed.source?.revision, lineOf(edited, 'Limit Long No 10'))).toBe(true);

    const required = byId.get('request-parameter-became-required')!;
    expect(covers(required.source?.revision, lineOf(edited, 'PrivateIpAddress Boolean Yes false'))).toBe(true);

    const renamed = byId.get('request-parameter-renamed')!;
    expect(covers(renamed.source?.base, lineOf(original, 'Name String Yes test-mesh'))).toBe(true);
    expect(covers(renamed.source?.revision, lineOf(edited, 'MeshName String Yes test-mesh'))).toBe(true);

    const added = byId.get('response-property-added')!;
    expect(added.location.base).toBeUndefined();
    expect(covers(added.source?.revision, lineOf(edited, 'ExpireTime String'))).toBe(true);
  });

  it('an unedited rebuild diffs clean', () => {
    const again = diffSpecs({ label: 'a', spec: base.spec as unknown as Json }, { label: 'b', spec: base.spec as unknown as Json });
    expect(again.changes).toEqual([]);
  });
});
