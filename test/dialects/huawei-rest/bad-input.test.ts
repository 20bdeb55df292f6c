/**
 * Bad input on the Huawei side: a truncated manual still yields the operations it contains, with
 * diagnostics; documents this dialect cannot read are refused with exit code 2 and no output.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../scripts/cli.ts';
import { extractText } from '../../../scripts/extract/text.ts';
import { buildFromDocument } from '../../../scripts/pipeline.ts';
import { lintSpec } from '../../../scripts/lint/index.ts';
import { MANUAL, ROOT, manualDoc } from './helpers.ts';

const text = readFileSync(join(ROOT, MANUAL), 'utf8');
const head = (n: number) => extractText('truncated.txt', Buffer.from(text.split('\n').slice(0, n).join('\n')));
const dir = mkdtempSync(join(tmpdir(), 'refspec-huawei-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a manual cut in the middle of "Querying a Service Mesh" (first 1000 lines)', () => {
  const cut = buildFromDocument(head(1000), { dialect: 'huawei-rest' });
  const full = buildFromDocument(manualDoc(), { dialect: 'huawei-rest' });
  const summary = (ops: typeof cut.model.operations) =>
    ops.map((o) => ({ id: o.operationId, params: o.parameters.map((p) => p.name), responses: o.responses.map((r) => r.status), body: o.requestBody?.schema.properties?.map((p) => p.name) }));

  it('yields the three operations it contains; the two complete ones exactly as from the whole manual', () => {
    expect(cut.model.operations.map((o) => o.operationId)).toEqual(['CreateServiceMesh', 'DeleteServiceMesh', 'ShowServiceMesh']);
    expect(summary(cut.model.operations.slice(0, 2))).toEqual(summary(full.model.operations.slice(0, 2)));
    expect(cut.model.operations[2].responses.map((r) => r.status)).toEqual(['200']);
  });

  it('says what is missing, where', () => {
    const found = cut.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.id, d.source.line]);
    expect(found).toContainEqual(['table-ref-unresolved', 986]);
    expect(found).toContainEqual(['operation-part-missing', 952]);
    expect(cut.diagnostics.map((d) => d.id)).toContain('error-codes-missing');
  });

  it('still emits a spec without lint errors', async () => {
    expect((await lintSpec(cut.yaml, join(dir, 'cut.openapi.yaml'))).errors).toBe(0);
  });
});

describe('documents this dialect cannot read (CLI)', () => {
  async function run(name: string, content: string | Buffer): Promise<{ code: number; err: string; out: string }> {
    const input = join(dir, name);
    writeFileSync(input, content);
    const out = join(dir, `${name}.openapi.yaml`);
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      chunks.push(String(c));
      return true;
    });
    try {
      const code = await main(['build', input, '--dialect', 'huawei-rest', '-o', out, '--quiet']);
      return { code, err: chunks.join(''), out };
    } finally {
      spy.mockRestore();
    }
  }

  it.each([
    ['empty.txt', '', 'file is empty'],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), 'binary'],
    ['front-matter-only.txt', text.split('\n').slice(0, 300).join('\n'), 'does not look like a Huawei Cloud REST API reference'],
    ['alibaba.txt', readFileSync(join(ROOT, 'sources', 'alibaba-cloud-service-mesh-api-reference-20220712.txt')), 'does not look like a Huawei Cloud REST API reference'],
  ])('%s -> exit 2, one line naming the file, no output', async (name, content, problem) => {
    const r = await run(name, content);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(name);
    expect(r.err).toContain(problem);
    expect(existsSync(r.out)).toBe(false);
  });
});
