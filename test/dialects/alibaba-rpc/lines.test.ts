/**
 * lines.ts: page furniture of the Alibaba manual (running header, footer, chapter and section
 * breadcrumbs, explorer / doc links) and the page-start lead space, on real page breaks.
 */
import { describe, expect, it } from 'vitest';
import { classifyLines, contentLines, type Furniture } from '../../../scripts/dialects/alibaba-rpc/lines.ts';
import { splitLines } from '../../../scripts/extract/text.ts';
import { fixtureDoc, fixtureLines, lineAt, type FixtureName } from './helpers.ts';

type Case = [fixture: FixtureName, line: number, furniture: Furniture, value: string | undefined];

const furniture: Case[] = [
  // Running headers (the chapter title is ligature-split; the header may wrap onto a second line).
  ['describe-service-mesh-detail-response', 2950, 'running-header', undefined],
  ['explorer-footer', 8024, 'running-header', undefined],
  ['operations-list', 257, 'running-header', undefined],
  ['operations-list', 322, 'running-header', undefined],
  ['access-key-header', 433, 'running-header', undefined],
  ['access-key-header', 434, 'running-header', undefined],
  ['permissions', 5683, 'running-header', undefined],
  ['permissions', 5684, 'running-header', undefined],
  // Footers: "> Document  Version: 20220712 50" (page number after) and "131 > Document …" (before).
  ['describe-service-mesh-detail-response', 2952, 'footer', '50'],
  ['permissions', 5686, 'footer', '92'],
  ['explorer-footer', 8026, 'footer', '131'],
  // Chapter breadcrumbs.
  ['create-service-mesh-request', 641, 'chapter', 'ASM instance'],
  ['permissions', 5511, 'chapter', 'Permission management'],
  ['operations-list', 185, 'chapter', 'List of operations by function'],
  ['access-key-header', 431, 'chapter', 'Create an AccessKey pair'],
  ['regions', 517, 'chapter', 'CLI'],
  // Section-heading breadcrumbs carry the operation name.
  ['create-service-mesh-request', 642, 'heading', 'CreateServiceMesh'],
  ['describe-service-mesh-detail-response', 2864, 'heading', 'DescribeServiceMeshDetail'],
  ['describe-service-mesh-detail-response', 2948, 'heading', 'DescribeServiceMeshDetail'],
  ['permissions', 5512, 'heading', 'GrantUserPermissions'],
  ['permissions', 5568, 'heading', 'DescribeUserPermissions'],
  ['permissions', 5619, 'heading', 'DescribeUsersWithPermissions'],
  ['explorer-footer', 8022, 'heading', 'GetRegisteredServiceEndpoints'],
  // A heading wrapped after its number: both lines are furniture, both carry the name.
  ['sidecar-config-heading', 6804, 'heading', 'DescribeNamespaceScopeSidecarConfig'],
  ['sidecar-config-heading', 6805, 'heading', 'DescribeNamespaceScopeSidecarConfig'],
  // Links printed at the page end.
  ['describe-service-mesh-detail-response', 2954, 'explorer-link', 'DescribeServiceMeshDetail'],
  ['explorer-footer', 8029, 'explorer-link', 'GetRegisteredServiceEndpoints'],
  ['operations-list', 186, 'doc-link', 'GetCaCert'],
  ['operations-list', 187, 'doc-link', 'DescribeUsersWithPermissions'],
];

describe('classifyLines: page furniture', () => {
  it.each(furniture)('%s line %i is %s (%s)', (fixture, line, kind, value) => {
    const l = lineAt(fixtureLines(fixture), line);
    expect(l.furniture).toBe(kind);
    expect(l.value).toBe(value);
  });

  type Content = [fixture: FixtureName, line: number, text: string];
  const content: Content[] = [
    // Prose that looks like furniture at a glance.
    ['make-api-requests', 374, 'Version: the version number of the API. Set  the value to 2020-01-11.'],
    ['make-api-requests', 369, 'Endpoint: the endpoint  of the ASM API, which is servicemesh.aliyuncs.com.'],
    ['make-api-requests', 386, 'https://servicemesh.aliyuncs.com/?Action=DescribeServiceMeshDetail'],
    ['legal-disclaimer', 6, '1. You shall download and obt ain t his document  from t he Alibaba Cloud websit e or ot her Alibaba Cloud-'],
    // Table rows right after a page break.
    ['describe-service-mesh-detail-response', 2957, 'CreationTime String'],
    ['explorer-footer', 8032, 'Name String No reviews The name of the registered service.'],
    ['sidecar-config-heading', 6806, 'ConfigPatches Object The namespace-level configurations.'],
    ['operations-list', 133, 'ASM instances'],
  ];
  it.each(content)('%s line %i is content', (fixture, line, text) => {
    const l = lineAt(fixtureLines(fixture), line);
    expect(l.furniture).toBeUndefined();
    expect(l.text).toBe(text);
  });

  it('takes a wrapped running header tail only when it is a short lowercase word', () => {
    // "…Creat e an AccessKey" / "pair": tail taken; the next line (a page start) is content.
    const lines = fixtureLines('access-key-header');
    expect(lineAt(lines, 434).text).toBe('pair');
    expect(lineAt(lines, 435).furniture).toBeUndefined();
  });

  it('removes every furniture line of a page break and nothing else (DescribeServiceMeshDetail, page 50)', () => {
    const lines = fixtureLines('describe-service-mesh-detail-response');
    const removed = lines.filter((l) => l.furniture).map((l) => l.line);
    expect(removed).toEqual([2864, 2948, 2950, 2952, 2954]);
    const kept = contentLines(lines);
    expect(kept).toHaveLength(lines.length - 5);
    // Numbering is the manual's, not the position in the filtered list.
    expect(kept.find((l) => l.text === 'CreationTime String')?.line).toBe(2957);
    expect(kept.find((l) => l.text === 'CreationTime String')?.index).toBe(2957 - 2864);
  });
});

describe('classifyLines: lead space', () => {
  it.each([
    // The first line of a page.
    ['create-service-mesh-request', 643, 'Tracing Boolean No false'],
    ['permissions', 5569, 'ResourceType String cluster'],
    ['permissions', 5692, 'Specifies whether to enable the Kubernetes API to access Ist io resources on the data plane.'],
    // A bullet whose glyph the extraction lost.
    ['create-service-mesh-request', 628, 'true : exposes the API server to the'],
    ['describe-service-mesh-detail-response', 2944, 'Default : Standard Edition'],
  ] as [FixtureName, number, string][])('%s line %i is flagged and the space removed', (fixture, line, text) => {
    const l = lineAt(fixtureLines(fixture), line);
    expect(l.lead).toBe(true);
    expect(l.text).toBe(text);
  });

  it.each([
    ['create-service-mesh-request', 656],
    ['create-service-mesh-request', 629],
    ['describe-service-mesh-detail-response', 2957],
  ] as [FixtureName, number][])('%s line %i (no leading space) is not flagged', (fixture, line) => {
    expect(lineAt(fixtureLines(fixture), line).lead).toBeUndefined();
  });

  it('strips trailing white space ("API Reference·List  of operat ions by ")', () => {
    const raw = fixtureDoc('operations-list').lines.find((l) => l.line === 257)!.text;
    expect(raw.endsWith(' ')).toBe(true);
    expect(lineAt(fixtureLines('operations-list'), 257).text).toBe('API Reference·List  of operat ions by');
  });

  it('keeps the page number of PDF input', () => {
    const doc = { file: 'x.pdf', kind: 'pdf' as const, bytes: 1, lines: splitLines(' Tracing Boolean No false\n> Document  Version: 20220712 50', 51, 643) };
    const [a, b] = classifyLines(doc);
    expect(a).toMatchObject({ line: 643, page: 51, lead: true, text: 'Tracing Boolean No false' });
    expect(b).toMatchObject({ line: 644, page: 51, furniture: 'footer', value: '50' });
  });
});
