/**
 * Fuzz harness: damaged variants of the real manual (lines dropped, lines cut, tabs removed or
 * doubled, the text truncated anywhere) never make the dialect throw; every diagnostic points
 * inside the document; the emitter accepts every model it returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHuawei } from '../../../scripts/dialects/huawei-rest/parse.ts';
import type { SourceDocument } from '../../../scripts/extract/types.ts';
import { emitOpenApi } from '../../../scripts/openapi/document.ts';
import { manualDoc } from './helpers.ts';

const base = manualDoc();
const n = base.lines.length;

type Edit = { at: number; kind: 'drop' | 'cut' | 'untab' | 'retab' };
const edit = fc.record({ at: fc.integer({ min: 0, max: n - 1 }), kind: fc.constantFrom<Edit['kind']>('drop', 'cut', 'untab', 'retab') });

function damaged(edits: Edit[], keep: number): SourceDocument {
  const byLine = new Map(edits.map((e) => [e.at, e.kind]));
  const lines = [];
  for (const l of base.lines.slice(0, keep)) {
    const kind = byLine.get(l.line - 1);
    if (kind === 'drop') continue;
    let text = l.text;
    if (kind === 'cut') text = text.slice(0, Math.floor(text.length / 2));
    if (kind === 'untab') text = text.replace(/\t/g, ' ');
    if (kind === 'retab') text = text.replace(/\t/g, '\t\t');
    lines.push({ text, line: lines.length + 1 });
  }
  return { file: 'fuzz.txt', kind: 'txt', bytes: 0, lines };
}

describe('huawei-rest on damaged copies of the manual', () => {
  it('never throws; diagnostics stay inside the document; the model emits', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), fc.integer({ min: 1, max: n }), (edits, keep) => {
        const doc = damaged(edits, keep);
        const { model, diagnostics } = parseHuawei(doc);
        for (const d of diagnostics) {
          expect(d.source.line).toBeGreaterThanOrEqual(1);
          expect(d.source.line).toBeLessThanOrEqual(Math.max(1, doc.lines.length));
          expect(d.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
        }
        for (const op of model.operations) {
          expect(op.responses.length).toBeGreaterThan(0);
          // Every {placeholder} of the path is declared: the spec stays valid OpenAPI.
          const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort();
          expect(declared).toEqual([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort());
        }
        const emitted = emitOpenApi(model);
        expect(Object.keys(emitted.document.paths ?? {}).length).toBeLessThanOrEqual(model.operations.length);
      }),
      { numRuns: 60, seed: 20250528 },
    );
  });
});
