/** blocks.ts (paragraphs of the extraction) and the dialect's detect() on real excerpts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAME, toBlocks } from '../../../scripts/dialects/alibaba-rpc/blocks.ts';
import { alibabaRpc } from '../../../scripts/dialects/alibaba-rpc/index.ts';
import { splitLines } from '../../../scripts/extract/text.ts';
import { ROOT, fixtureDoc, fixtureLines, slice } from './helpers.ts';

describe('toBlocks', () => {
  it('splits on blank lines and drops the page furniture between them (page 50 of the manual)', () => {
    const blocks = toBlocks(slice(fixtureLines('describe-service-mesh-detail-response'), 2938, 2962));
    expect(blocks.map((b) => b.map((l) => l.line))).toEqual([[2938], [2940], [2942], [2944], [2946], [2957, 2958, 2959], [2961, 2962]]);
  });

  it('drops the chapter and heading breadcrumbs before a page start', () => {
    // "7.Permission management" / "7.1. GrantUserPermissions" / " Parameter Type Example Description"
    const blocks = toBlocks(slice(fixtureLines('permissions'), 5509, 5519));
    expect(blocks.map((b) => b.map((l) => l.text))).toEqual([
      ['Response parameters'],
      ['Parameter Type Example Description'],
      ['RequestId String', '5A7C9E37-C171-584F-', '9A99-869B48C4****'],
      ['The ID of the request.'],
    ]);
  });

  it('a line of spaces is blank', () => {
    // Manual line 5580 is a single space.
    const blocks = toBlocks(slice(fixtureLines('permissions'), 5579, 5582));
    expect(blocks.map((b) => b.map((l) => l.line))).toEqual([[5579], [5582]]);
  });
});

describe('OPERATION_NAME', () => {
  it.each(['DescribeServiceMeshDetail', 'GetCaCert', 'ReActivateAudit', 'RevokeKubeconfig', 'DescribeCCMVersion', 'DescribeNamespaceScopeSidecarConf'])('%s is a name', (n) => {
    expect(OPERATION_NAME.test(n)).toBe(true);
  });
  it.each(['Clusters', 'Operation', 'Observability', 'ig', 'Describe Vpcs', 'describeVpcs'])('%s is not', (n) => {
    expect(OPERATION_NAME.test(n)).toBe(false);
  });
});

describe('alibabaRpc.detect', () => {
  it('is sure about an excerpt with sample requests and table headers', () => {
    expect(alibabaRpc.detect(fixtureDoc('permissions'))).toBe(1);
  });

  it('scores a table-only excerpt by its two header rows and one "Alibaba Cloud"', () => {
    expect(alibabaRpc.detect(fixtureDoc('create-service-mesh-request'))).toBeCloseTo(0.45, 10);
  });

  it('does not claim the Huawei manual', () => {
    const text = readFileSync(join(ROOT, 'sources/huawei-cloud-asm-api-reference-2025-05-28.txt'), 'utf8');
    const doc = { file: 'huawei.txt', kind: 'txt' as const, lines: splitLines(text), bytes: text.length };
    expect(alibabaRpc.detect(doc)).toBeLessThan(0.2);
  });
});
