import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { findHeadings, findOperationSections } from '../../../scripts/dialects/huawei-rest/sections.ts';
import { fixtureLines } from './helpers.ts';

describe('findHeadings', () => {
  it('does not read the table of contents as headings (titles there end in a tab and page number)', () => {
    const lines = fixtureLines('contents.txt');
    expect(findHeadings(lines, 'f.txt', [])).toEqual([]);
  });

  it('reads numbered headings, including the chapter written as LaTeX', () => {
    const lines = fixtureLines('create-section.txt');
    const diags: Diagnostic[] = [];
    const hs = findHeadings(lines, 'f.txt', diags);
    expect(hs.map((h) => [h.number, h.title, h.depth])).toEqual([
      ['4', 'API', 1],
      ['4.1', 'Service Mesh APIs', 2],
      ['4.1.1', 'Creating a Service Mesh', 3],
    ]);
    expect(diags.map((d) => [d.id, d.source.line])).toEqual([['heading-markup-removed', 1]]);
  });
});

describe('findOperationSections', () => {
  it('finds the URI block and the labelled parts of an operation section', () => {
    const lines = fixtureLines('create-section.txt');
    const hs = findHeadings(lines, 'f.txt', []);
    const [op, ...more] = findOperationSections(lines, hs, 'f.txt', []);
    expect(more).toEqual([]);
    expect(op).toMatchObject({ method: 'post', path: '/v1/{project_id}/meshes' });
    expect(op.heading.title).toBe('Creating a Service Mesh');
    expect(op.group?.title).toBe('Service Mesh APIs');
    expect([...op.parts.keys()]).toEqual([
      'Function',
      'URI',
      'Request Parameters',
      'Response Parameters',
      'Example Request',
      'Example Response',
      'Status Codes',
      'Error Codes',
    ]);
    // Part ranges are in document order and do not overlap.
    const ranges = [...op.parts.values()];
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].label).toBe(ranges[i - 1].end);
  });

  it('still finds a heading whose blank line before it was lost', () => {
    const lines = fixtureLines('create-section.txt');
    const at = lines.findIndex((l) => l.text === '4.1.1 Creating a Service Mesh');
    const damaged = [...lines.slice(0, at - 1), ...lines.slice(at)];
    expect(findHeadings(damaged, 'f.txt', []).map((h) => h.number)).toContain('4.1.1');
  });

  it('reports a second URI inside one section (a heading lost altogether)', () => {
    const lines = fixtureLines('create-section.txt');
    const at = lines.findIndex((l) => l.text === 'Example Request');
    const damaged = [...lines.slice(0, at), { line: 9999, text: 'GET /v1/{project_id}/meshes' }, ...lines.slice(at)];
    const diags: Diagnostic[] = [];
    const ops = findOperationSections(damaged, findHeadings(damaged, 'f.txt', []), 'f.txt', diags);
    expect(ops.map((o) => o.method)).toEqual(['post']);
    expect(diags.map((d) => [d.id, d.source.line])).toEqual([['uri-extra', 9999]]);
  });

  it('accepts a URI line whose "URI" label was lost, with a warning', () => {
    const lines = fixtureLines('create-section.txt').filter((l) => l.text.trim() !== 'URI');
    const hs = findHeadings(lines, 'f.txt', []);
    const diags: Diagnostic[] = [];
    const ops = findOperationSections(lines, hs, 'f.txt', diags);
    expect(ops).toHaveLength(1);
    expect(diags.map((d) => d.id)).toEqual(['uri-label-missing']);
  });
});
