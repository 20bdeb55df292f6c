/**
 * The diff on valid OpenAPI 3.0 / 3.1 documents shaped unlike the bundled specs (shapes.ts): refs
 * wherever OpenAPI allows them, percent-encoded refs, path-level parameters, oneOf / anyOf / allOf,
 * 3.0 `nullable`. No crash, an unchanged document diffs clean, and edits made behind refs are found
 * and reported once per shared definition.
 */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/diff/engine.ts';
import { deref } from '../../scripts/diff/pointer.ts';
import { collectOperations } from '../../scripts/diff/structure.ts';
import type { Change, Json } from '../../scripts/diff/types.ts';
import { shapes30, shapes31 } from './shapes.ts';

const diff = (a: Json, b: Json) => diffSpecs({ label: 'a', spec: a }, { label: 'b', spec: b });
const row = (c: Change) => `${c.level} ${c.id} ${c.operation ?? c.shared}: ${c.message}${c.affects ? ` | ${[...new Set(c.affects.map((a) => a.operation))].join(', ')}` : ''}`;

/** 3.0 `nullable: true` rewritten as 3.1 type arrays. */
function to31(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(to31);
  if (!v || typeof v !== 'object') return v;
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, to31(x)])) as Json;
  if (o.nullable === true && typeof o.type === 'string') {
    o.type = [o.type, 'null'];
    delete o.nullable;
  }
  return o;
}

describe('diff on documents of any shape', () => {
  for (const [name, make] of [
    ['3.0', shapes30],
    ['3.1', shapes31],
  ] as const) {
    it(`${name}: an unchanged document (also after a JSON round trip) diffs clean`, () => {
      expect(diff(make(), make()).changes).toEqual([]);
      expect(diff(make(), JSON.parse(JSON.stringify(make())) as Json).changes).toEqual([]);
    });

    it(`${name}: edits behind refs (allOf inside oneOf, components/parameters as path-level parameter, responses, enum schema) are found once each`, () => {
      const base = make();
      const r = make() as any;
      delete r.components.schemas.Dog.allOf[1].properties.barks;
      r.components.parameters.Trace.required = true;
      r.components.schemas.Problem.properties.status.type = 'string';
      delete r.components.schemas.Kind.enum;
      r.components.parameters.Limit.schema.maximum = 50;
      r.components.schemas.Owner.properties.contact.anyOf[1].properties.phone.type = 'integer';
      expect(diff(base, r).changes.map(row)).toEqual([
        'breaking request-parameter-became-required #/components/parameters/Trace: header parameter X-Trace became required | createPet, listPets',
        'breaking request-property-removed #/components/schemas/Dog: request property Dog.barks was removed | createPet, updatePet',
        'breaking response-property-removed #/components/schemas/Dog: response 200, 201 property Dog.barks was removed | GET /pets/{petId}, createPet, getOwner, listPets',
        'breaking response-property-enum-removed #/components/schemas/Kind: response 200, 201 property kind (Kind) is no longer limited to "dog", "cat", "bird" | GET /pets/{petId}, createPet, getOwner, listPets',
        'breaking response-property-type-changed #/components/schemas/Problem: type of response 404, 4XX, default property Problem.status changed from integer to string | listPets, updatePet',
        'breaking response-property-type-changed getOwner: type of response 200 property contact.anyOf[1].phone changed from string to integer',
        'breaking request-parameter-constraint-tightened listPets: query parameter limit has tighter limits: maximum 100 -> 50',
        'info request-property-enum-removed #/components/schemas/Kind: request property kind (Kind) is no longer limited to "dog", "cat", "bird" | createPet, updatePet',
        'info request-parameter-enum-removed listPets: query parameter kind is no longer limited to "dog", "cat", "bird"',
      ]);
    });
  }

  it('3.0 nullable and 3.1 type arrays are the same type; becoming nullable is a type change', () => {
    const v30 = shapes30();
    expect(diff(v30, to31(v30) as Json).changes).toEqual([]);
    const nullable = shapes30() as any;
    nullable.components.schemas.Problem.properties.title.nullable = true;
    expect(diff(shapes30(), nullable).changes.map(row)).toEqual([
      'breaking response-property-type-changed #/components/schemas/Problem: type of response 404, 4XX, default property Problem.title changed from string to null|string | listPets, updatePet',
    ]);
  });

  it('follows percent-encoded $ref fragments (a path item referring to another path)', () => {
    const d = shapes30();
    expect(deref(d, { $ref: '#/paths/~1owners~1%7BownerId%7D' }, '#')?.pointer).toBe('#/paths/~1owners~1%7BownerId%7D');
    expect(deref(d, { $ref: '#/paths/~1owners~1%7BownerId%7D' }, '#')?.node).toBe((d.paths as Json)['/owners/{ownerId}']);
    const ops = collectOperations(d).map((o) => `${o.method} ${o.path} ${o.name}`);
    expect(ops).toContain('get /pets/{petId}/owner getOwner');
    // a ref to a key that only exists on Object.prototype is dangling, not a function
    expect(deref(d, { $ref: '#/components/schemas/constructor' }, '#')).toBeUndefined();
  });

  it('oneOf / anyOf alternatives pair by the component they name, not by position', () => {
    const base = shapes31();
    const r = shapes31() as any;
    r.components.schemas.Pet.oneOf.reverse(); // Cat first now: no change
    expect(diff(base, r).changes).toEqual([]);
    // an alternative added or removed is not reported as a property; what is inside a paired one is
    r.components.schemas.Pet.oneOf.push({ $ref: '#/components/schemas/Tag' });
    r.components.schemas.Cat.allOf[1].properties.lives.maximum = 7;
    expect(diff(base, r).changes.map((c) => c.id)).toEqual([]);
    r.components.schemas.Cat.allOf[1].properties.lives.type = 'number';
    expect(diff(base, r).changes.map(row)).toEqual([
      'breaking request-property-type-changed #/components/schemas/Cat: type of request property Cat.lives changed from integer to number | createPet, updatePet',
      'breaking response-property-type-changed #/components/schemas/Cat: type of response 200, 201 property Cat.lives changed from integer to number | GET /pets/{petId}, createPet, getOwner, listPets',
    ]);
  });

  it('values listed as alternatives (oneOf of const / enum) are compared as an enum', () => {
    const base = shapes31();
    const r = shapes31() as any;
    r.components.schemas.Kind = { type: 'string', oneOf: [{ const: 'dog' }, { const: 'cat' }, { enum: ['bird', 'fish'] }] };
    expect(diff(base, r).changes.map(row)).toEqual([
      'warning response-property-enum-value-added #/components/schemas/Kind: response 200, 201 property kind (Kind) has new value(s) "fish" | GET /pets/{petId}, createPet, getOwner, listPets',
      'info request-property-enum-value-added #/components/schemas/Kind: request property kind (Kind) accepts new value(s) "fish" | createPet, updatePet',
      'info request-parameter-enum-value-added listPets: query parameter kind accepts new value(s) "fish"',
    ]);
    // alternatives behind refs cannot be read as values: no claim that the enum went away
    r.components.schemas.Kind = { oneOf: [{ $ref: '#/components/schemas/Tag' }] };
    expect(diff(base, r).changes.filter((c) => /enum/.test(c.id))).toEqual([]);
  });

  it('unnamed alternatives pair by position only while their number is unchanged', () => {
    const base = shapes30();
    const r = shapes30() as any;
    r.components.schemas.Owner.properties.contact.anyOf.unshift({ type: 'integer' });
    // positions shifted: the string branch is not compared with the new integer branch
    expect(diff(base, r).changes).toEqual([]);
  });
});
