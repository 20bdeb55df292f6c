/**
 * lintSpec(text, ref, parsed) walks the document it was given instead of parsing the text again.
 * That must never change a finding: on specs with and without problems, both ways give the same
 * problems (rule, severity, message, pointer, line); and documents the text could not reproduce
 * exactly (shared nodes, undefined members, non-JSON values) are not used.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { isPlainTree, lintSpec } from '../../scripts/lint/index.ts';
import { toYaml } from '../../scripts/openapi/stringify.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const specText = (name: string) => readFileSync(join(ROOT, 'spec', name), 'utf8');
type Obj = Record<string, any>;

/** A spec damaged in ways several rules report: a missing operationId, a path parameter not declared, a bad name, an empty object. */
function damaged(): Obj {
  const doc = load(specText('huaweicloud-asm-v1.openapi.yaml')) as Obj;
  const [path, item] = Object.entries(doc.paths as Obj)[0];
  const op = Object.values(item as Obj).find((v) => v && typeof v === 'object' && 'responses' in v) as Obj;
  delete op.operationId;
  op.parameters = [...(op.parameters ?? []), { name: 'Bad Name-', in: 'query', schema: { type: 'object' } }];
  (doc.paths as Obj)[`${path}/{undeclared}`] = item;
  doc.info.description = '';
  return doc;
}

describe('lint of the parsed document equals lint of the text', () => {
  const cases: [string, () => Obj][] = [
    ['alibaba spec', () => load(specText('alibaba-servicemesh-2020-01-11.openapi.yaml')) as Obj],
    ['huawei spec', () => load(specText('huaweicloud-asm-v1.openapi.yaml')) as Obj],
    ['damaged spec', damaged],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const doc = make();
    const yaml = toYaml(doc);
    const fromText = await lintSpec(yaml, 'x.openapi.yaml');
    const fromDoc = await lintSpec(yaml, 'x.openapi.yaml', doc);
    expect(fromDoc).toEqual(fromText);
    if (_name === 'damaged spec') expect(fromText.problems.length).toBeGreaterThan(2);
  });
});

describe('isPlainTree', () => {
  const shared = { a: 1 };
  const rows: [string, unknown, boolean][] = [
    ['nested JSON data', { a: [1, 'x', null, true, { b: -0.5 }] }, true],
    ['an object reached twice', { x: shared, y: shared }, false],
    ['an array reached twice', (() => { const a = [1]; return [a, a]; })(), false],
    ['an undefined member', { a: undefined }, false],
    ['a hole in an array', [1, , 3], false],
    ['NaN', { a: NaN }, false],
    ['a Date', { a: new Date(0) }, false],
    ['a Map', new Map(), false],
    ['a function', { f: () => 1 }, false],
    ['a bigint', { n: 1n }, false],
    ['an object without prototype', Object.assign(Object.create(null), { a: 1 }), true],
  ];
  it.each(rows)('%s', (_name, value, expected) => {
    expect(isPlainTree(value)).toBe(expected);
  });
});
