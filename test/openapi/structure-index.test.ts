/**
 * StructureIndex (scripts/openapi/context.ts) must behave exactly like the obvious slow version it
 * replaced: a Map<string, item> keyed by canonical(value). findOrAdd returns the same item for two
 * values exactly when their canonical() strings are equal, and calls create() exactly once per new
 * canonical key.
 *
 * Values are generated as trees and written out ("materialised") several ways: object keys in
 * shuffled orders, 0 as -0, objects built by Object.defineProperty, on a null prototype, or by
 * JSON.parse (so "__proto__" is an own key), shared or fresh references. Leaves include values that
 * canonical() folds together (NaN / ±Infinity / null, undefined members, [undefined] / holes / []),
 * which make the index switch to canonical strings mid-sequence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StructureIndex, canonical } from '../../scripts/openapi/context.ts';

const SEED = 20261124;

type Spec =
  | { t: 'leaf'; v: unknown }
  | { t: 'hole' }
  | { t: 'arr'; items: Spec[] }
  | { t: 'obj'; entries: [string, Spec][] };

const KEYS = ['a', 'b', 'c', 'type', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '0', '1', 'é', 'a b', '"', '\\', '\u2028', 'ß'];
const PLAIN_LEAVES: unknown[] = ['', 'a', 'b', 'string', '0', 'null', '__proto__', 'é', '\ud800', '"', 0, -0, 1, -1, 1.5, 1e21, 2 ** 53, 5e-324, true, false, null];
const ODD_LEAVES: unknown[] = [NaN, Infinity, -Infinity, undefined];

const leaf = (odd: number) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...PLAIN_LEAVES).map((v): Spec => ({ t: 'leaf', v })) },
    { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()).map((v): Spec => ({ t: 'leaf', v })) },
    { weight: odd, arbitrary: fc.constantFrom(...ODD_LEAVES).map((v): Spec => ({ t: 'leaf', v })) },
  );

function specArb(odd: number): fc.Arbitrary<Spec> {
  const { spec } = fc.letrec((tie) => ({
    spec: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf(odd), tie('arr'), tie('obj')),
    arr: fc
      .array(odd > 0 ? fc.oneof({ weight: 12, arbitrary: tie('spec') }, { weight: 1, arbitrary: fc.constant<Spec>({ t: 'hole' }) }) : tie('spec'), { maxLength: 3 })
      .map((items): Spec => ({ t: 'arr', items: items as Spec[] })),
    obj: fc
      .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('spec')), { maxLength: 4, selector: ([k]) => k })
      .map((entries): Spec => ({ t: 'obj', entries: entries as [string, Spec][] })),
  }));
  return spec as fc.Arbitrary<Spec>;
}

/** A small deterministic generator, so one number from fast-check decides every shuffle and -0. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

function shuffled<T>(xs: readonly T[], next: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function jsonable(s: Spec): boolean {
  if (s.t === 'hole') return false;
  if (s.t === 'leaf') return s.v === null || typeof s.v === 'string' || typeof s.v === 'boolean' || (typeof s.v === 'number' && Number.isFinite(s.v));
  if (s.t === 'arr') return s.items.every(jsonable);
  return s.entries.every(([, v]) => jsonable(v));
}

/** JSON text of a jsonable spec, keys in the given order (numbers as JSON: -0 stays "-0"). */
function jsonText(s: Spec, next: () => number): string {
  if (s.t === 'leaf') return typeof s.v === 'number' && Object.is(s.v, -0) ? '-0' : JSON.stringify(s.v);
  if (s.t === 'arr') return `[${s.items.map((x) => jsonText(x, next)).join(',')}]`;
  if (s.t === 'obj') return `{${shuffled(s.entries, next).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v, next)}`).join(',')}}`;
  throw new Error('hole is not JSON');
}

/** Write a spec out as a fresh value; the seed decides key order, 0/-0 and how objects are built. */
function materialise(spec: Spec, seed: number): unknown {
  const next = rng(seed);
  if (next() % 4 === 0 && jsonable(spec)) return JSON.parse(jsonText(spec, next));
  const build = (s: Spec): unknown => {
    switch (s.t) {
      case 'leaf':
        if (typeof s.v === 'number' && s.v === 0) return next() % 2 ? 0 : -0;
        return s.v;
      case 'hole':
        throw new Error('holes are written by the array case');
      case 'arr': {
        const out: unknown[] = [];
        out.length = s.items.length;
        s.items.forEach((x, i) => {
          if (x.t !== 'hole') out[i] = build(x);
        });
        return out;
      }
      case 'obj': {
        const o: Record<string, unknown> = next() % 3 === 0 ? Object.create(null) : {};
        for (const [k, v] of shuffled(s.entries, next)) {
          Object.defineProperty(o, k, { value: build(v), enumerable: true, writable: true, configurable: true });
        }
        return o;
      }
    }
  };
  return build(spec);
}

/** Plain JSON data (what the hash path accepts): finite numbers, no undefined, no holes. */
function isPlain(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlain(v[i])) return false;
    return true;
  }
  if (typeof v === 'object') return Object.keys(v).every((k) => isPlain((v as Record<string, unknown>)[k]));
  return false;
}

/**
 * Feed values to a StructureIndex and to the reference Map keyed by canonical(); every answer and
 * every create() call must match. Returns whether the sequence switched over mid-way (a non-plain
 * value after at least one plain entry), for the coverage checks.
 */
function runAgainstReference(values: unknown[]): { switched: boolean; distinct: number } {
  const index = new StructureIndex<{ n: number }>();
  const reference = new Map<string, { n: number }>();
  let created = 0;
  let plainSeen = false;
  let switched = false;
  for (const value of values) {
    if (!isPlain(value) && plainSeen) switched = true;
    if (isPlain(value)) plainSeen = true;
    let calls = 0;
    const item = index.findOrAdd(value, () => {
      calls++;
      return { n: created++ };
    });
    const key = canonical(value);
    const expected = reference.get(key);
    if (expected) {
      expect(calls, `create() called for a value whose canonical form was seen: ${key}`).toBe(0);
      expect(item, `wrong item for ${key}`).toBe(expected);
    } else {
      expect(calls, `create() not called once for a new canonical form: ${key}`).toBe(1);
      reference.set(key, item);
    }
  }
  return { switched, distinct: reference.size };
}

const step = fc.record({ pick: fc.nat(), seed: fc.integer({ min: 1, max: 0x7fffffff }), reuse: fc.nat(9) });
/** A pool of value shapes, then a sequence drawing from it (so equal canonical forms recur). */
const sequence = (odd: number) =>
  fc.tuple(fc.array(specArb(odd), { minLength: 1, maxLength: 6 }), fc.array(step, { minLength: 1, maxLength: 40 })).map(([pool, steps]) => {
    const out: unknown[] = [];
    for (const s of steps) {
      // Now and then the very same reference again (the a === b shortcut), else a fresh copy.
      if (s.reuse === 0 && out.length) out.push(out[s.pick % out.length]);
      else out.push(materialise(pool[s.pick % pool.length], s.seed));
    }
    return out;
  });

describe('StructureIndex against a Map keyed by canonical()', () => {
  it('plain JSON data only (the hashed path): 1500 random sequences', () => {
    let distinctTotal = 0;
    let sharedTotal = 0;
    fc.assert(
      fc.property(sequence(0), (values) => {
        expect(values.every(isPlain)).toBe(true);
        const { switched, distinct } = runAgainstReference(values);
        expect(switched).toBe(false);
        distinctTotal += distinct;
        sharedTotal += values.length - distinct;
      }),
      { seed: SEED, numRuns: 1500 },
    );
    // The generator must actually produce both repeats and distinct structures.
    expect(sharedTotal).toBeGreaterThan(5000);
    expect(distinctTotal).toBeGreaterThan(3000);
  });

  it('with NaN, ±Infinity, undefined members and array holes (the switch-over): 1500 random sequences', () => {
    let switchedRuns = 0;
    fc.assert(
      fc.property(sequence(3), (values) => {
        if (runAgainstReference(values).switched) switchedRuns++;
      }),
      { seed: SEED + 1, numRuns: 1500 },
    );
    expect(switchedRuns).toBeGreaterThan(300);
  });

  it('key order permutations of one object are one key; a changed leaf is another', () => {
    fc.assert(
      fc.property(specArb(0), fc.array(fc.integer({ min: 1, max: 0x7fffffff }), { minLength: 2, maxLength: 6 }), (spec, seeds) => {
        const index = new StructureIndex<number>();
        const first = index.findOrAdd(materialise(spec, seeds[0]), () => 1);
        for (const s of seeds.slice(1)) expect(index.findOrAdd(materialise(spec, s), () => 2)).toBe(first);
        // The same tree wrapped once more is a different structure.
        expect(index.findOrAdd([materialise(spec, seeds[0])], () => 3)).toBe(3);
        expect(index.findOrAdd({ x: materialise(spec, seeds[0]) }, () => 4)).toBe(4);
      }),
      { seed: SEED + 2, numRuns: 800 },
    );
  });

  it('many values in one index (long buckets, no reset): 5000 values', () => {
    const values = fc.sample(fc.tuple(specArb(0), fc.integer({ min: 1, max: 0x7fffffff })), { seed: SEED + 3, numRuns: 5000 }).map(([s, seed]) => materialise(s, seed));
    const { distinct } = runAgainstReference(values);
    expect(distinct).toBeGreaterThan(1000);
    expect(distinct).toBeLessThan(values.length);
  });

  describe('named cases', () => {
    it('-0 and 0 are one key; 1e21 and 1e+21 are one number; "1" and 1 are two', () => {
      expect(runAgainstReference([{ a: 0 }, { a: -0 }, [-0], [0], 1e21, Number('1e+21'), '1', 1]).distinct).toBe(5);
    });

    it('an own "__proto__" key (JSON.parse / defineProperty) is a member like any other', () => {
      const parsed = JSON.parse('{"__proto__":{"x":1},"a":2}');
      const defined: Record<string, unknown> = {};
      Object.defineProperty(defined, 'a', { value: 2, enumerable: true });
      Object.defineProperty(defined, '__proto__', { value: { x: 1 }, enumerable: true });
      const index = new StructureIndex<string>();
      expect(index.findOrAdd(parsed, () => 'p')).toBe('p');
      expect(index.findOrAdd(defined, () => 'd')).toBe('p');
      expect(index.findOrAdd({ a: 2 }, () => 'a')).toBe('a'); // literal __proto__ sets the prototype: not a member
      expect(index.findOrAdd(JSON.parse('{"__proto__":{"x":2},"a":2}'), () => 'q')).toBe('q');
      runAgainstReference([parsed, defined, { a: 2 }, JSON.parse('{"__proto__":{"x":2},"a":2}'), { a: 2, ['__proto__']: { x: 1 } }]);
    });

    it('switch-over: entries added before a non-plain value are still found after it, under any key order', () => {
      const index = new StructureIndex<string>();
      expect(index.findOrAdd({ a: 1, b: [null, 'x'] }, () => 'A')).toBe('A');
      expect(index.findOrAdd([{ c: null }], () => 'B')).toBe('B');
      expect(index.findOrAdd({ c: -0 }, () => 'C')).toBe('C');
      // NaN serialises as null: canonical() cannot tell it from the entry B, so neither can the index.
      expect(index.findOrAdd([{ c: NaN }], () => 'X')).toBe('B');
      expect(index.findOrAdd({ b: [null, 'x'], a: 1 }, () => 'X')).toBe('A');
      expect(index.findOrAdd({ c: 0 }, () => 'X')).toBe('C');
      expect(index.findOrAdd({ a: Infinity }, () => 'D')).toBe('D');
      expect(index.findOrAdd({ a: null }, () => 'X')).toBe('D');
      expect(index.findOrAdd({ a: 1, b: [null, 'y'] }, () => 'E')).toBe('E');
    });

    it('switch-over by ±Infinity (which serialises as null) right after plain entries', () => {
      const index = new StructureIndex<string>();
      expect(index.findOrAdd({ a: null }, () => 'N')).toBe('N');
      expect(index.findOrAdd({ a: Infinity }, () => 'X')).toBe('N');
      expect(index.findOrAdd([-Infinity, { a: null }], () => 'M')).toBe('M');
      expect(index.findOrAdd([null, { a: null }], () => 'X')).toBe('M');
    });

    it('switch-over on the very first value, then plain values', () => {
      runAgainstReference([[undefined], [], { a: undefined }, { a: null }, [null], [, 1], [1], { b: -Infinity }, { b: null }, { b: 0 }]);
    });

    it('[undefined], a hole and [] are one canonical key, as canonical() says', () => {
      const index = new StructureIndex<string>();
      expect(index.findOrAdd([], () => 'E')).toBe('E');
      expect(index.findOrAdd([undefined], () => 'X')).toBe('E');
      expect(index.findOrAdd([,], () => 'X')).toBe('E');
      expect(canonical([undefined])).toBe(canonical([]));
    });

    it('values whose structure hashes collide stay apart (strings found by brute force for the FNV-1a in context.ts)', () => {
      // Equal length, equal 32-bit FNV-1a seeded by length (context.ts hashString). If the hash is
      // changed this stops being a collision but stays a valid test.
      const pairs = [['ojowqa', 'ycaaab'], ['qhzlea', 'abbaab'], ['hlbwqa', 'zgbaab']];
      const values = pairs.flatMap(([x, y]) => [x, y, [x], [y], { k: x }, { k: y }, { [x]: 1 }, { [y]: 1 }, x, { k: y }]);
      expect(runAgainstReference(values).distinct).toBe(pairs.length * 8);
    });

    it('long strings (hashed by a sample of 64 code units, af3cbf0) that differ only between the sampled positions stay apart', () => {
      // 200 units: the hash reads 0-15, 16, 21, …, 171 (every 5th) and 184-199; 17, 100 and 180 are not read.
      const base = 'd'.repeat(200);
      const at = (i: number) => base.slice(0, i) + 'e' + base.slice(i + 1);
      const values = [base, at(17), at(100), at(180), at(16), { description: base }, { description: at(100) }, [at(17)], [at(180)]];
      // Equal text built another way (a different string instance) is the same key.
      const again = ['d'.repeat(100) + 'd'.repeat(100), { description: 'd'.repeat(150) + 'd'.repeat(50) }, [at(17).slice(0, 50) + at(17).slice(50)]];
      expect(runAgainstReference([...values, ...again]).distinct).toBe(values.length);
      // Lengths around the 64-unit switch to sampling.
      const edge = [63, 64, 65, 66, 96, 97].flatMap((n) => ['x'.repeat(n), 'x'.repeat(n - 1) + 'y', 'y' + 'x'.repeat(n - 1), 'x'.repeat(n >> 1) + 'y' + 'x'.repeat(n - (n >> 1) - 1)]);
      expect(runAgainstReference([...edge, ...edge.map((e) => [e].join(''))]).distinct).toBe(new Set(edge).size);
    });

    it('the same reference twice, and equal values with different prototypes', () => {
      const v = { a: [1, { b: 2 }] };
      const bare = Object.assign(Object.create(null), { a: [1, { b: 2 }] });
      expect(runAgainstReference([v, v, bare]).distinct).toBe(1);
    });
  });
});
