/**
 * Invariants of the constructs on every excerpt, and on excerpts damaged further (lines dropped,
 * duplicated, blank lines inserted or removed; fast-check with a fixed seed): the constructs never
 * throw, and the table reader accounts for every content line exactly once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyLines, type Line } from '../../../scripts/dialects/alibaba-rpc/lines.ts';
import { toBlocks } from '../../../scripts/dialects/alibaba-rpc/blocks.ts';
import { parseTable, TABLE_HEADER } from '../../../scripts/dialects/alibaba-rpc/tables.ts';
import { findSampleBodies, parseSampleRequest } from '../../../scripts/dialects/alibaba-rpc/samples.ts';
import { findSections } from '../../../scripts/dialects/alibaba-rpc/sections.ts';
import { parseErrorCodes } from '../../../scripts/dialects/alibaba-rpc/errors.ts';
import { FIXTURES, MANUAL, fixtureDoc, manualVocab, type FixtureName } from './helpers.ts';
import type { SourceLine } from '../../../scripts/extract/types.ts';

const names = Object.keys(FIXTURES) as FixtureName[];

/** Every content line of the input lies in exactly one row span or orphan block. */
function checkTable(lines: Line[]): void {
  const { rows, orphans } = parseTable(toBlocks(lines), MANUAL, manualVocab());
  const spans: [number, number][] = rows.map((r) => [r.source.line, r.source.endLine ?? r.source.line]);
  for (const [a, b] of spans) expect(a).toBeLessThanOrEqual(b);
  for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
  const orphanLines = new Set(orphans.flat().map((l) => l.index));
  for (const l of lines) {
    if (l.furniture || !l.text.trim() || TABLE_HEADER.test(l.text.trim())) continue;
    const inRow = spans.filter(([a, b]) => l.line >= a && l.line <= b).length;
    expect(inRow + (orphanLines.has(l.index) ? 1 : 0)).toBe(1);
  }
  for (const r of rows) {
    expect(r.name).toMatch(/^(\*|[A-Za-z_][A-Za-z0-9_.]*)$/);
    expect(r.type).not.toBe('');
  }
}

function runAll(lines: Line[]): void {
  checkTable(lines);
  const bodies = findSampleBodies(lines);
  for (const b of bodies) {
    expect(b.line).toBeLessThanOrEqual(b.endLine);
    expect(b.value !== undefined || b.error !== undefined).toBe(true);
  }
  const start = lines.findIndex((l) => /^https?(\(s\))?:\/\/\S*\/\?/.test(l.text));
  if (start >= 0) {
    const r = parseSampleRequest(lines.slice(start));
    expect(r).toBeDefined();
    expect(r!.line).toBeLessThanOrEqual(r!.endLine);
  }
  for (const s of findSections(lines, 0)) expect(s.start).toBeLessThan(s.end);
  for (const e of parseErrorCodes(lines, MANUAL, manualVocab())) expect(e.httpStatus).toBeGreaterThanOrEqual(100);
}

describe('invariants on the real excerpts', () => {
  it.each(names)('%s', (name) => {
    runAll(classifyLines(fixtureDoc(name)));
  });
});

type Mutation = { kind: 'drop' | 'dup' | 'blank' | 'unblank'; at: number };

function mutate(lines: SourceLine[], muts: Mutation[]): SourceLine[] {
  const out = [...lines];
  for (const m of muts) {
    if (!out.length) break;
    const i = m.at % out.length;
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'dup') out.splice(i, 0, { ...out[i] });
    else if (m.kind === 'blank') out.splice(i, 0, { text: '', line: out[i].line });
    else if (out[i].text.trim() === '') out.splice(i, 1);
  }
  // Keep line numbers increasing, as an extraction would.
  return out.map((l, k) => ({ ...l, line: k + 1 }));
}

describe('invariants on damaged excerpts (fast-check, fixed seed)', () => {
  const arb = fc.array(
    fc.record({ kind: fc.constantFrom<Mutation['kind']>('drop', 'dup', 'blank', 'unblank'), at: fc.nat(400) }),
    { minLength: 1, maxLength: 12 },
  );
  it.each(['create-service-mesh-request', 'describe-service-mesh-detail-response', 'permissions', 'upgrade-status', 'route-detail-rows'] as FixtureName[])(
    '%s',
    (name) => {
      const doc = fixtureDoc(name);
      fc.assert(
        fc.property(arb, (muts) => {
          runAll(classifyLines({ ...doc, lines: mutate(doc.lines, muts) }));
        }),
        { seed: 20220712, numRuns: 60 },
      );
    },
  );
});
