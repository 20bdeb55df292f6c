/** Property descriptions of shared structures (PropertyModel.description) in emitted schemas. */
import { describe, expect, it } from 'vitest';
import { EmitContext } from '../../scripts/openapi/context.ts';
import { emitSchema } from '../../scripts/openapi/schema.ts';
import type { SchemaModel } from '../../scripts/model/types.ts';

const selector: SchemaModel = { type: 'object', title: 'Selector', properties: [{ name: 'key', required: true, schema: { type: 'string' } }] };

function emit(model: SchemaModel) {
  const ctx = new EmitContext('m.txt');
  const out = emitSchema(ctx, model, { nameHint: 'Thing', scope: 'Op', pointer: '#/x' });
  return { out, schemas: Object.fromEntries(ctx.schemas) };
}

describe('emitSchema: a property that describes its use of a shared structure', () => {
  it.each([
    ['shared structure with the row\'s words: description beside the $ref', { name: 'nodes', required: true, schema: selector, description: 'Nodes to install on.' }, { $ref: '#/components/schemas/Selector', description: 'Nodes to install on.' }],
    ['shared structure, no words: a bare $ref', { name: 'nodes', required: true, schema: selector }, { $ref: '#/components/schemas/Selector' }],
    ['inline schema: the words become its description', { name: 'count', required: false, schema: { type: 'integer' } as SchemaModel, description: 'How many.' }, { type: 'integer', description: 'How many.' }],
  ])('%s', (_name, property, expected) => {
    const { schemas } = emit({ type: 'object', title: 'Config', properties: [property] });
    expect((schemas.Config as { properties: Record<string, unknown> }).properties[property.name]).toEqual(expected);
  });

  it('two rows with different words share one component', () => {
    const { schemas } = emit({
      type: 'object',
      title: 'Cluster',
      properties: [
        { name: 'nodes', required: true, schema: selector, description: 'Nodes.' },
        { name: 'namespaces', required: false, schema: selector, description: 'Namespaces.' },
      ],
    });
    expect(Object.keys(schemas).sort()).toEqual(['Cluster', 'Selector']);
    expect(schemas.Selector).not.toHaveProperty('description');
  });
});
