/**
 * The reconcile stage's own validator against ajv (draft 2020-12): same verdict, and the same
 * failing locations, on every JSON sample response of both manuals and on targeted cases.
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SchemaValidator } from '../../scripts/reconcile/validate.ts';
import { buildFromFile } from '../../scripts/pipeline.ts';

type Obj = Record<string, any>;

function ajvFor(components: Obj) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const defs = JSON.parse(JSON.stringify(components).replaceAll('#/components/schemas/', '#/$defs/'));
  return (schema: Obj, value: unknown) => {
    const s = JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/'));
    const validate = ajv.compile({ ...s, $defs: defs });
    const ok = validate(value) as boolean;
    return { ok, paths: [...new Set((validate.errors ?? []).map((e) => e.instancePath))].sort() };
  };
}

describe('SchemaValidator', () => {
  const components = {
    Item: { type: 'object', properties: { id: { type: 'integer' }, kind: { type: 'string', enum: ['a', 'b'] } }, required: ['id'] },
    List: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } }, name: { type: 'string', minLength: 2, pattern: '^[a-z]+$' } }, additionalProperties: false },
  };
  const cases: [string, unknown, boolean][] = [
    ['valid', { items: [{ id: 1, kind: 'a' }], name: 'ab' }, true],
    ['wrong item type', { items: [{ id: 'x' }] }, false],
    ['not an array', { items: { id: 1 } }, false],
    ['enum', { items: [{ id: 1, kind: 'c' }] }, false],
    ['required', { items: [{ kind: 'a' }] }, false],
    ['additional property', { other: 1 }, false],
    ['minLength', { name: 'a' }, false],
    ['pattern', { name: 'AB' }, false],
    ['integer is not 1.5', { items: [{ id: 1.5 }] }, false],
  ];
  const v = new SchemaValidator(components);
  const ajv = ajvFor(components);
  it.each(cases)('%s', (_name, value, expected) => {
    const ours = v.validate({ $ref: '#/components/schemas/List' }, value);
    expect(ours.length === 0).toBe(expected);
    const theirs = ajv({ $ref: '#/components/schemas/List' }, value);
    expect(theirs.ok).toBe(expected);
    expect([...new Set(ours.map((e) => e.instancePath))].sort()).toEqual(theirs.paths);
  });
});

describe.each([
  'sources/alibaba-cloud-service-mesh-api-reference-20220712.txt',
  'sources/huawei-cloud-asm-api-reference-2025-05-28.txt',
])('every JSON sample response of %s', (manual) => {
  it('gets the same verdict and failing locations from ajv', async () => {
    const r = await buildFromFile(manual);
    const spec = r.spec as unknown as Obj;
    const ours = new SchemaValidator(spec.components.schemas);
    const ajv = ajvFor(spec.components.schemas);
    let compared = 0;
    for (const item of Object.values(spec.paths as Obj)) {
      for (const op of Object.values(item as Obj)) {
        for (const resp of Object.values((op as Obj).responses ?? {}) as Obj[]) {
          for (const [type, media] of Object.entries((resp.content ?? {}) as Obj)) {
            if (!/json/.test(type) || !media.schema) continue;
            for (const ex of Object.values((media.examples ?? {}) as Obj)) {
              const mine = ours.validate(media.schema, ex.value);
              const theirs = ajv(media.schema, ex.value);
              expect(mine.length === 0).toBe(theirs.ok);
              expect([...new Set(mine.map((e) => e.instancePath))].sort()).toEqual(theirs.paths);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBe(r.exampleChecks.length);
    expect(compared).toBeGreaterThan(5);
  });
});
