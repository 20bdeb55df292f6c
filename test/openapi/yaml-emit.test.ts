/**
 * The specialised YAML emitter must write exactly what the yaml library writes with our options.
 * The library is the oracle: random JSON-like documents built from hostile strings (YAML
 * indicators, number/boolean/null look-alikes, document markers, newlines at either end, tabs,
 * control and bidi characters, lone surrogates, keys longer than 1024 characters) are written by
 * both and compared byte for byte. The committed specs are compared too.
 *
 * (No round-trip property: yaml 2.9 itself writes " \n" as "|+\n \n", which reads back as "\n".
 * The pipeline never emits such strings: descriptions are tidied before they reach the spec.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { emitYaml, stringString } from '../../scripts/openapi/yaml-emit.ts';
import { toYaml } from '../../scripts/openapi/stringify.ts';

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false } as const;
const oracle = (v: unknown): string => stringify(v, OPTIONS);
const SEED = 20261124;

/** Pieces that change how a YAML scalar must be written. */
const PIECES = [
  '', ' ', '  ', '\n', '\n\n', '\t', '#', ' #', ':', ': ', '- ', '-', '?', '? ', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>',
  "'", '"', '%', '@', '`', '~', '---', '...', '--- x', 'true', 'False', 'NULL', 'null', 'yes', 'on', '0', '-1', '+2', '0x1F',
  '0o17', '1e5', '.5', '-.inf', '.NaN', '1.', '12:30', '2026-11-24', 'a', 'Name', 'x y', 'é', '中文', '\u202e', '\u2028',
  '\u0085', '\u00a0', '\u0000', '\u0007', '\u001b', '\u007f', '\ud800', '\udc00', '😀', '\\', '\\n', '/', '${x}', '*/',
  '<script>', 'a\\ b', ' \n', '\n ', 'x\n', '\ny',
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
const hostile = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
const longKey = fc.integer({ min: 1015, max: 1030 }).map((n) => 'k'.repeat(n));
const key = fc.oneof({ weight: 8, arbitrary: hostile }, { weight: 1, arbitrary: longKey });
const scalarValue = fc.oneof(
  { weight: 6, arbitrary: hostile },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const { doc } = fc.letrec((tie) => ({
  doc: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarValue, tie('arr'), tie('obj')),
  arr: fc.array(tie('doc'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('doc'), { maxKeys: 5 }),
}));

describe('yaml-emit', () => {
  it('writes what yaml.stringify writes for 3000 random hostile documents', () => {
    fc.assert(
      fc.property(doc, (v) => {
        expect(emitYaml(v)).toBe(oracle(v));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('writes every hostile string as yaml does, as a value and as a key, at several depths', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        for (const v of [s, [s], { [s]: s }, { a: [{ [s]: [s] }] }, [[s, { b: s }]]]) expect(emitYaml(v)).toBe(oracle(v));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it.each([
    ['empty collections stay inline', { a: [], b: {}, c: [[], {}] }],
    ['undefined members are skipped, undefined items become null', { a: undefined, b: [undefined, 1], c: { d: undefined } }],
    ['a key over 1024 characters is written explicitly', { ['x'.repeat(1025)]: { y: [1] } }],
    ['multi-line descriptions become literal blocks', { description: 'first line\nsecond line\n', d2: '  indented\nx' }],
    ['look-alike strings are quoted', { a: 'true', b: '0.5', c: '~', d: '', e: '- x', f: 'a: b', g: '#x' }],
    ['special numbers', { a: -0, b: Number.NaN, c: Infinity, d: -Infinity, e: 1e21, f: 5e-7 }],
  ])('%s', (_name, v) => {
    expect(emitYaml(v)).toBe(oracle(v));
  });

  it('stringString quotes a multi-line implicit key (keys cannot be blocks)', () => {
    expect(stringString('a\nb', '', true)).toBe('"a\\nb"');
  });

  it('returns undefined for undefined, like yaml', () => {
    expect(emitYaml(undefined)).toBe(undefined);
  });

  it('rejects values that are not JSON-like data instead of writing something wrong', () => {
    expect(() => emitYaml({ f: () => 1 })).toThrow(/unsupported function/);
    expect(() => emitYaml({ s: Symbol('x') })).toThrow(/unsupported symbol/);
  });

  it('regression: rejects objects that yaml writes from something other than their own keys (Date, Map, Set, toJSON, boxed)', () => {
    // Before, these went through the plain-object path: { d: new Date(0) } became "d: {}" where
    // yaml writes "d: 1970-01-01T00:00:00.000Z", new String('x') became '"0": x', and so on.
    class WithToJson {
      toJSON() {
        return 'x';
      }
    }
    const cases: [unknown, RegExp][] = [
      [{ d: new Date(0) }, /unsupported Date/],
      [[new Map([['a', 1]])], /unsupported Map/],
      [{ s: new Set([1]) }, /unsupported Set/],
      [{ t: new WithToJson() }, /unsupported WithToJson/],
      [{ b: new String('x') }, /unsupported String/],
      [new Uint8Array(2), /unsupported Uint8Array/],
    ];
    expect(oracle(cases[0][0])).toBe('d: 1970-01-01T00:00:00.000Z\n');
    for (const [v, error] of cases) expect(() => emitYaml(v)).toThrow(error);
    // Plain objects of every origin are still written: literals, null prototype, JSON.parse.
    const plain = [{ a: 1 }, Object.assign(Object.create(null), { a: 1 }), JSON.parse('{"__proto__": {"a": [1]}}')];
    for (const v of plain) expect(emitYaml(v)).toBe(oracle(v));
  });

  const specDir = join(import.meta.dirname, '../../spec');
  const specs = readdirSync(specDir).filter((f) => f.endsWith('.openapi.yaml'));
  it.each(specs)('re-writes the committed %s byte for byte', (file) => {
    const text = readFileSync(join(specDir, file), 'utf8');
    const data = parse(text);
    expect(toYaml(data)).toBe(text);
    expect(toYaml(data)).toBe(oracle(data));
  });
});
