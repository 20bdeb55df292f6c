/**
 * section.ts on one whole operation section of the manual: DeleteServiceMesh (manual lines
 * 1381-1435): summary, Debugging, request and response tables, sample request with "? Action=",
 * sample responses split by a page break, and the error-code trailer.
 */
import { describe, expect, it } from 'vitest';
import { findSections } from '../../../scripts/dialects/alibaba-rpc/sections.ts';
import { readSection } from '../../../scripts/dialects/alibaba-rpc/section.ts';
import type { Diagnostic } from '../../../scripts/model/diagnostic.ts';
import { MANUAL, fixtureLines, manualVocab } from './helpers.ts';

const lines = fixtureLines('delete-service-mesh');
const read = () => {
  const [sec] = findSections(lines, 0);
  const diagnostics: Diagnostic[] = [];
  const r = readSection(sec, lines, MANUAL, manualVocab(), diagnostics);
  if (!r) throw new Error('no section');
  return { r, op: r.operation, diagnostics };
};

describe('readSection: DeleteServiceMesh', () => {
  it('names the operation from its sample request and makes the RPC path', () => {
    const { r, op } = read();
    expect(r.name).toBe('DeleteServiceMesh');
    expect(r.headless).toBe(false);
    expect([...r.names]).toEqual(['DeleteServiceMesh']);
    expect(op).toMatchObject({ operationId: 'DeleteServiceMesh', method: 'get', path: '/#Action=DeleteServiceMesh' });
    expect(op.source).toEqual({ file: MANUAL, line: 1381, endLine: 1435 });
  });

  it('the summary is the paragraph before "Debugging"; the Explorer boilerplate is left out', () => {
    const { op } = read();
    expect(op.summary).toBe('Deletes an Alibaba Cloud Service Mesh (ASM) instance.');
    expect(op.description).toBeUndefined();
  });

  it('adds the implied Action parameter (the table has no Action row) and says so', () => {
    const { op, diagnostics } = read();
    expect(op.parameters[0]).toMatchObject({
      name: 'Action',
      in: 'query',
      required: true,
      schema: { type: 'string', const: 'DeleteServiceMesh' },
      example: 'DeleteServiceMesh',
      description: 'The operation that you want to perform. Set the value to DeleteServiceMesh.',
    });
    expect(diagnostics.map((d) => [d.id, d.severity, d.source.line])).toEqual([
      ['sample-request-space', 'info', 1417],
      ['action-row-missing', 'info', 1381],
    ]);
  });

  it('reads the request table: required, example, description, default', () => {
    const { op } = read();
    expect(op.parameters.slice(1).map((p) => [p.name, p.required, p.example, p.description, p.source.line])).toEqual([
      ['ServiceMeshId', true, 'c08ba3fd1e6484b0f8cc1ad8fe10d****', 'The ID of the ASM instance.', 1392],
      ['Force', false, false, 'Specifies whether to forcibly delete the ASM instance.\n\nValid values: true and false. Default value: false.', 1398],
    ]);
    expect(op.parameters[2].schema).toMatchObject({ type: 'boolean', default: false });
    expect(op.parameters[2].schema.enum).toBeUndefined();
    expect(op.parameters.every((p) => p.serialization === undefined)).toBe(true);
  });

  it('reads the response table and both sample responses (across the page break at 1421)', () => {
    const { op } = read();
    const ok = op.responses[0];
    expect(ok.status).toBe('200');
    expect(ok.schema?.title).toBe('DeleteServiceMeshResponse');
    expect(ok.schema?.properties?.map((p) => [p.name, p.schema.example])).toEqual([['RequestId', '11fd0027-c27e-41bb-a565-75583054****']]);
    expect(ok.examples.map((e) => [e.name, e.mediaType, e.source.line, e.source.endLine])).toEqual([
      ['json', 'application/json', 1430, 1432],
      ['xml', 'application/xml', 1426, 1426],
    ]);
    expect(ok.examples[0].value).toEqual({ RequestId: '11fd0027-c27e-41bb-a565-75583054****' });
  });

  it('keeps the sample request as printed, with its parameters', () => {
    const { op } = read();
    expect(op.requestExamples).toHaveLength(1);
    expect(op.requestExamples[0].parameters).toEqual([
      { name: 'Action', value: 'DeleteServiceMesh' },
      { name: 'ServiceMeshId', value: 'c08ba3fd1e6484b0f8cc1ad8fe10d****' },
    ]);
    expect(op.requestExamples[0].source).toEqual({ file: MANUAL, line: 1417, endLine: 1419 });
  });

  it('the error-code trailer becomes a 4XX response pointing to the API Error Center', () => {
    const { op } = read();
    expect(op.errorCodes).toEqual([]);
    expect(op.responses.slice(1)).toEqual([
      { status: '4XX', description: 'Client error. For a list of error codes, visit the API Error Center.', examples: [], source: { file: MANUAL, line: 1435 } },
    ]);
  });
});
