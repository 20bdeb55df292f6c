import { describe, expect, it } from 'vitest';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { applyProseConstraints, optionsFromProse, patternFromProse } from '../../../scripts/dialects/huawei-rest/constraints.ts';

// Descriptions as the manual prints them (Tables 4-4, 4-3, 4-11, 4-37, 4-38, 4-5).
const NAME = 'Service mesh name.\nEnter 4 to 64 characters. The name must start with a lowercase letter and not end with a hyphen (-). Only lowercase letters, digits, and hyphens (-) are allowed.';
const PHASE = 'Service mesh status. The options are as follows:\nRunning: The service mesh is running.\nCreating: The service mesh is being created.\nCreateFailed: The service mesh fails to be created.';

function apply(description: string, type: SchemaModel['type'] = 'string') {
  const schema: SchemaModel = { type };
  const found = applyProseConstraints(schema, description);
  return { schema, ids: found.map((f) => f.id) };
}

describe('prose constraints', () => {
  it('"Minimum length: 8 Maximum length: 36" -> minLength/maxLength', () => {
    expect(apply('Error code. Minimum length: 8 Maximum length: 36').schema).toEqual({ type: 'string', minLength: 8, maxLength: 36 });
  });

  it('"Enter 4 to 64 characters …" -> length limits and an anchored pattern', () => {
    const { schema, ids } = apply(NAME);
    expect(schema).toMatchObject({ minLength: 4, maxLength: 64, pattern: '^[a-z](?:[a-z0-9-]*[a-z0-9])?$' });
    expect(ids).toEqual(['length-from-prose', 'pattern-from-prose']);
    const re = new RegExp(schema.pattern!, 'u');
    expect(['mesh-test-api', 'a1b2'].every((s) => re.test(s))).toBe(true);
    expect(['Mesh-test', '1mesh', 'mesh-', 'mesh_x'].some((s) => re.test(s))).toBe(false);
  });

  it('"The options are as follows:" -> enum with per-value descriptions', () => {
    const { schema, ids } = apply(PHASE);
    expect(schema.enum).toEqual(['Running', 'Creating', 'CreateFailed']);
    expect(schema.enumDescriptions?.Creating).toBe('The service mesh is being created.');
    expect(ids).toEqual(['enum-from-prose']);
    expect(optionsFromProse('Service mesh status.')).toBeUndefined();
  });

  it.each([
    ['"-" items', 'Enumeration values:\n- pending\n- ACTIVE', ['pending', 'ACTIVE']],
    ['bullet glyphs of a PDF', 'Enumeration values:\n• pending\n● ACTIVE', ['pending', 'ACTIVE']],
    ['a NOTE label ends the list', 'The options are as follows:\nwarn: warn mode\nPrePaid: PrePaid mode\nNOTE\nThe value cannot be changed.', ['warn', 'PrePaid']],
    ['a labelled note ends the list', 'Enumeration values:\n- a\n- b\nNote:\nOnly in some regions.', ['a', 'b']],
  ])('value lists: %s', (_, text, values) => {
    expect(optionsFromProse(text)?.map((o) => o.value)).toEqual(values);
  });

  it('"fixed at v1" -> const, "fixed at Mesh or mesh" -> enum', () => {
    expect(apply('API version. The value is fixed at v1 and cannot be changed.').schema.const).toBe('v1');
    expect(apply('API type. The value is fixed at Mesh or mesh and cannot be changed.').schema.enum).toEqual(['Mesh', 'mesh']);
    expect(apply('API type. The value is fixed at MeshList and cannot be changed.').schema.const).toBe('MeshList');
  });

  it('"The value can only be In ." -> const', () => {
    expect(apply('Operator. The value can only be In .').schema.const).toBe('In');
  });

  it('a value described without "the options are" is not made an enum', () => {
    const { schema, ids } = apply('Service mesh type.\nInCluster: service mesh with an in-cluster control plane.');
    expect(schema.enum).toBeUndefined();
    expect(ids).toEqual(['enum-not-closed']);
  });

  it('applies string rules to strings only', () => {
    expect(apply('Error code. Minimum length: 8', 'integer').schema).toEqual({ type: 'integer' });
  });

  it('gives up on character classes it does not know', () => {
    expect(patternFromProse('Only emojis and digits are allowed.')).toBeUndefined();
  });
});
