/**
 * PDF input keeps what the text extraction lost: nested table rows are indented. When a section has
 * no sample to show the tree, the rows' x positions decide the nesting.
 */
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../../scripts/extract/types.ts';
import { classifyLines } from '../../../scripts/dialects/alibaba-rpc/lines.ts';
import { toBlocks } from '../../../scripts/dialects/alibaba-rpc/blocks.ts';
import { parseTable } from '../../../scripts/dialects/alibaba-rpc/tables.ts';
import { Vocabulary } from '../../../scripts/dialects/alibaba-rpc/repair.ts';
import { buildTree, indexSamples, type TreeNode } from '../../../scripts/dialects/alibaba-rpc/nesting.ts';

// DescribeServiceMeshDetail's response rows (manual 2885-2930, descriptions shortened), as a PDF
// extraction gives them: same text, plus each line's x.
const ROWS: [string, number][] = [
  ['RequestId String 11fd0027-c27e-41bb-a565-75583054**** The ID of the request.', 60],
  ['ServiceMesh Object The details of the ASM instance.', 60],
  ['Endpoints Object All endpoints of the ASM instance.', 72],
  ['IntranetPilotEndpoint String 192.168.**.**:15011 The endpoint of Istio Pilot.', 84],
  ['PublicPilotEndpoint String 182.92.**.**:15011 The public endpoint of Istio Pilot.', 84],
  ['ServiceMeshInfo Object The basic information about the ASM instance.', 72],
  ['Name String mesh1 The name of the ASM instance.', 84],
  ['Spec Object The specifications of the ASM instance.', 72],
];

function tree(withX: boolean): TreeNode {
  const lines = ROWS.flatMap(([text, x], i) => [
    { text, line: 2885 + 2 * i, page: 49, ...(withX ? { x } : {}) },
    { text: '', line: 2886 + 2 * i, page: 49 },
  ]);
  const doc: SourceDocument = { file: 'excerpt.pdf', kind: 'pdf', lines, bytes: 0 };
  const rows = parseTable(toBlocks(classifyLines(doc)), doc.file, new Vocabulary()).rows;
  return buildTree(rows, indexSamples([]), doc.file).root;
}

const shape = (n: TreeNode): unknown => (n.children.length ? Object.fromEntries(n.children.map((c) => [c.name, shape(c)])) : null);

describe('nesting from indentation', () => {
  it('puts ServiceMeshInfo and Spec beside Endpoints, as the indentation shows', () => {
    expect(shape(tree(true))).toEqual({
      RequestId: null,
      ServiceMesh: {
        Endpoints: { IntranetPilotEndpoint: null, PublicPilotEndpoint: null },
        ServiceMeshInfo: { Name: null },
        Spec: null,
      },
    });
  });

  it('without geometry and without samples, table order alone cannot tell (the text lost it)', () => {
    const t = shape(tree(false)) as Record<string, any>;
    expect(Object.keys(t.ServiceMesh.Endpoints)).toContain('ServiceMeshInfo');
  });
});
