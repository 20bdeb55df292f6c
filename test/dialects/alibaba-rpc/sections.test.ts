/**
 * sections.ts (+ section.ts for the headless case) on manual lines 5437-5700: GrantUserPermissions,
 * the headless DescribeUserPermissions (no heading text in place, no summary, no Debugging, no table
 * headers: only rows and samples), DescribeUsersWithPermissions, and the start of the next section.
 */
import { describe, expect, it } from 'vitest';
import { findSections, type Section } from '../../../scripts/dialects/alibaba-rpc/sections.ts';
import { readSection } from '../../../scripts/dialects/alibaba-rpc/section.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { MANUAL, fixtureLines, manualVocab, slice } from './helpers.ts';

const lines = fixtureLines('permissions');
const sections = findSections(lines, 0);
const range = (s: Section) => [lines[s.start].line, lines[s.end - 1].line];
const read = (s: Section) => {
  const diagnostics: Diagnostic[] = [];
  const r = readSection(s, lines, MANUAL, manualVocab(), diagnostics);
  return { r, diagnostics };
};
const props = (s: SchemaModel | undefined) => (s?.properties ?? []).map((p) => p.name);

describe('findSections: cut at the error-code trailer and at the summary before "Debugging"', () => {
  it('finds four sections with the manual line ranges', () => {
    expect(sections.map(range)).toEqual([
      [5437, 5550], // GrantUserPermissions: summary .. "For a list of error codes …"
      [5551, 5607], // DescribeUserPermissions: rows and samples only
      [5608, 5691], // DescribeUsersWithPermissions: summary .. trailer (across a page break)
      [5692, 5700], // next section, cut by the excerpt
    ]);
  });

  it('records the Debugging line and the summary paragraph of sections that have them', () => {
    expect(sections.map((s) => (s.debugging === undefined ? undefined : lines[s.debugging].line))).toEqual([5439, undefined, 5610, 5694]);
    expect(sections[0].summary.filter((l) => l.text).map((l) => l.text)).toEqual(['Modifies role-based access control (RBAC) permissions.']);
    expect(sections[2].summary.filter((l) => l.text).map((l) => l.text)).toEqual([
      'Queries the IDs of all RAM users or RAM roles to which a Role-based Access Control (RBAC) role is assigned.',
    ]);
    expect(sections[1].summary).toEqual([]);
  });

  it('collects every name a section is called by, with its line', () => {
    expect(sections[0].evidence).toEqual([
      { name: 'GrantUserPermissions', kind: 'heading', line: 5512 },
      { name: 'GrantUserPermissions', kind: 'sample-request', line: 5524 },
    ]);
    // "http(s)://[Endpoint]/? Action=DescribeUserPermissions": the space after "?" is tolerated.
    expect(sections[1].evidence).toEqual([
      { name: 'DescribeUserPermissions', kind: 'heading', line: 5568 },
      { name: 'DescribeUserPermissions', kind: 'sample-request', line: 5579 },
    ]);
    expect(sections[2].evidence).toEqual([
      { name: 'DescribeUsersWithPermissions', kind: 'heading', line: 5619 },
      { name: 'DescribeUsersWithPermissions', kind: 'sample-request', line: 5659 },
    ]);
  });

  it('assigns the chapter of the breadcrumb ("7.Permission management") to all of them', () => {
    expect(sections.map((s) => s.chapter)).toEqual(['Permission management', 'Permission management', 'Permission management', 'Permission management']);
  });

  it('gives the same cuts when the text starts at a summary paragraph', () => {
    // Lines 5608-5700 only: the first summary opens the first section.
    const part = slice(lines, 5608, 5700);
    const secs = findSections(part, 0);
    expect(secs.map((s) => [part[s.start].line, part[s.end - 1].line])).toEqual([
      [5608, 5691],
      [5692, 5700],
    ]);
  });

  it('finds nothing in text without a "Debugging" block', () => {
    expect(findSections(slice(lines, 5551, 5607), 0)).toEqual([]);
  });
});

describe('readSection: the headless DescribeUserPermissions', () => {
  const { r, diagnostics } = read(sections[1]);

  it('is named by its heading breadcrumb and sample request, and flagged headless', () => {
    expect(r?.name).toBe('DescribeUserPermissions');
    expect(r?.headless).toBe(true);
    expect(r?.operation.operationId).toBe('DescribeUserPermissions');
    expect(r?.operation.source).toEqual({ file: MANUAL, line: 5552, endLine: 5606 });
  });

  it('splits request from response rows where the sample response starts to hold them', () => {
    const params = r!.operation.parameters.map((p) => [p.name, p.required]);
    expect(params).toEqual([
      ['Action', true],
      ['SubAccountUserId', false],
    ]);
    const sub = r!.operation.parameters[1];
    expect(sub.example).toBe('sub_account');
    expect(sub.source.line).toBe(5552);
    const schema = r!.operation.responses[0].schema!;
    expect(props(schema)).toEqual(['Permissions', 'RequestId']);
    const perms = schema.properties![0].schema;
    expect(perms.type).toBe('array');
    expect(props(perms.items)).toEqual(['IsOwner', 'IsRamRole', 'OwnerId', 'ParentId', 'ResourceId', 'ResourceType', 'RoleName', 'RoleType']);
    // ResourceId's example wrapped over two lines, across the page break at 5567-5569.
    expect(perms.items!.properties!.find((p) => p.name === 'ResourceId')?.schema.example).toBe('c08ba3fd1e6484b0f8cc1ad8fe10d****');
    expect(perms.items!.properties!.find((p) => p.name === 'ResourceType')?.schema.example).toBe('cluster');
  });

  it('reports what it recovered', () => {
    const ids = diagnostics.map((d) => [d.id, d.source.line]);
    expect(ids).toContainEqual(['section-heading-lost', 5552]);
    expect(ids).toContainEqual(['table-split-by-samples', 5552]);
    expect(ids).toContainEqual(['sample-request-space', 5579]);
    expect(ids).toContainEqual(['required-unknown', 5552]);
    expect(diagnostics.find((d) => d.id === 'table-split-by-samples')?.message).toBe(
      'DescribeUserPermissions: 1 leading rows read as request parameters, 10 as response fields (the sample response has them)',
    );
  });

  it('keeps both sample responses, and no 4XX of its own (the section lost its error-code trailer)', () => {
    const ex = r!.operation.responses[0].examples;
    expect(ex.map((e) => [e.name, e.mediaType, e.source.line])).toEqual([
      ['json', 'application/json', 5594],
      ['xml', 'application/xml', 5582],
    ]);
    expect(ex[0].value).toMatchObject({ RequestId: 'b929cfc6-7735-489a-9c96-670c4cf3****', Permissions: { RoleName: 'istio-admin', IsRamRole: true } });
    expect(r!.operation.responses.map((x) => x.status)).toEqual(['200']);
  });
});

describe('readSection: the neighbours keep their own rows', () => {
  it('GrantUserPermissions has its request rows, its summary, and a 4XX from its trailer', () => {
    const { r } = read(sections[0]);
    expect(r?.name).toBe('GrantUserPermissions');
    expect(r?.headless).toBe(false);
    expect(r!.operation.summary).toBe('Modifies role-based access control (RBAC) permissions.');
    expect(r!.operation.parameters.map((p) => p.name)).toEqual(['Action', 'SubAccountUserId', 'Permissions']);
    expect(props(r!.operation.responses[0].schema)).toEqual(['RequestId']);
    expect(r!.operation.responses.map((x) => x.status)).toEqual(['200', '4XX']);
    expect(r!.operation.responses[1].source?.line).toBe(5550);
  });

  it('DescribeUsersWithPermissions reads its rows across the heading breadcrumb at 5619', () => {
    const { r } = read(sections[2]);
    expect(r?.name).toBe('DescribeUsersWithPermissions');
    expect(r!.operation.parameters.map((p) => [p.name, p.required])).toEqual([
      ['Action', true],
      ['UserType', true],
    ]);
    expect(r!.operation.parameters[1].schema.enum).toEqual(['SubUser', 'RamRole']);
    expect(props(r!.operation.responses[0].schema)).toEqual(['RequestId', 'UIDs']);
  });

  it('a section with no name anywhere is skipped with an error', () => {
    const { r, diagnostics } = read(sections[3]);
    expect(r).toBeUndefined();
    expect(diagnostics.map((d) => [d.id, d.severity, d.source.line])).toEqual([['section-unnamed', 'error', 5692]]);
  });
});
