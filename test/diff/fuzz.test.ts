/**
 * Robustness: the differ must survive arbitrary damage to a spec (missing keys, wrong types,
 * dangling and circular $refs) — specs come from damaged manuals — and must stay consistent:
 * a document against itself has no changes, every change has a known id, level and a message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs } from '../../scripts/diff/engine.ts';
import { checks } from '../../scripts/diff/registry.ts';
import type { Json } from '../../scripts/diff/types.ts';
import { shapes30, shapes31 } from './shapes.ts';

const BASE = parse(readFileSync(join(import.meta.dirname, '../fixtures/diff/request-property-removed/base.yaml'), 'utf8')) as Json;
const IDS = new Map(checks.map((c) => [c.id, c.level]));

/** Every [parent, key] slot in the document. */
function slots(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), slots(x, out)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push([v as Record<string, unknown>, k]), slots(x, out));
  return out;
}

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ $ref: '#/components/schemas/Nope' }),
  fc.constant({ $ref: '#' }),
  fc.constant({ $ref: 'other.yaml#/x' }),
  fc.constant({ type: ['string', 'null'] }),
  fc.constant({ type: 'object', properties: { a: { $ref: '#/components/schemas/Thing' } } }),
);

const mutation = fc.tuple(fc.nat(), fc.oneof(fc.constant('delete' as const), junk.map((j) => ({ set: j }))));

function mutate(doc: Json, muts: [number, 'delete' | { set: unknown }][]): Json {
  const copy = structuredClone(doc);
  for (const [n, m] of muts) {
    const all = slots(copy);
    if (!all.length) break;
    const [parent, key] = all[n % all.length];
    if (m === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else (parent as Record<string | number, unknown>)[key] = structuredClone(m.set);
  }
  // a circular schema, as recursive structs produce
  const schemas = (copy.components as { schemas?: Record<string, Json> } | undefined)?.schemas;
  if (schemas?.Thing && typeof schemas.Thing === 'object') {
    (schemas.Thing as Json).properties = { ...((schemas.Thing as Json).properties as object), Self: { $ref: '#/components/schemas/Thing' } };
  }
  return copy;
}

function consistent(changes: ReturnType<typeof diffSpecs>['changes']) {
  for (const c of changes) {
    expect(IDS.get(c.id)).toBe(c.level);
    expect(c.message).not.toMatch(/\bundefined\b|\[object Object\]/);
    // `#` itself when a damaged `$ref: '#'` made the whole document a schema
    expect(c.location.base ?? c.location.revision).toMatch(/^#(\/|$)/);
    // a grouped change names its definition and reaches more than one place
    if (c.affects) {
      expect(c.shared).toMatch(/^#(\/|$)/);
      expect(c.affects.length).toBeGreaterThan(1);
      for (const a of c.affects) expect(a.message).not.toMatch(/\bundefined\b|\[object Object\]/);
    }
  }
}

describe('diff fuzz', () => {
  const bases: [string, Json, number][] = [
    ['fixture spec', BASE, 300],
    // refs everywhere OpenAPI allows them, oneOf / anyOf / allOf, nullable, path-level parameters
    ['OpenAPI 3.0 shapes', shapes30(), 150],
    ['OpenAPI 3.1 shapes', shapes31(), 150],
  ];
  for (const [name, doc, numRuns] of bases) {
    it(`damaged ${name}: no crash, self-diff empty, changes well-formed`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.array(mutation, { maxLength: 6 }), (m1, m2) => {
          const a = mutate(doc, m1);
          const b = mutate(a, m2);
          expect(diffSpecs({ label: 'a', spec: a }, { label: 'a', spec: a }).changes).toEqual([]);
          consistent(diffSpecs({ label: 'base', spec: doc }, { label: 'a', spec: a }).changes);
          consistent(diffSpecs({ label: 'a', spec: a }, { label: 'b', spec: b }).changes);
        }),
        { numRuns, seed: 20260711 },
      );
    });
  }
});
