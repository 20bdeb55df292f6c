/**
 * Property check of escaping: random strings (any UTF-16 code units, lone surrogates included) as
 * descriptions, enum values and even parameter names still yield code that compiles under
 * `tsc --strict`, and the wire names / enum values survive byte for byte.
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixtureDoc, generateInto, typecheck, type Generated } from './helpers.ts';
import { decodeQuery } from '../../templates/runtime/encode.ts';
import type { BuildOptions, BuiltRequest } from '../../templates/runtime/types.ts';

type Obj = Record<string, any>;
const made: Generated[] = [];
afterAll(async () => {
  for (const g of made) await g.cleanup();
});

function withText(base: Obj, text: string, name: string): Obj {
  const doc = structuredClone(base);
  const op = doc.paths['/#Action=DeleteThing'].get;
  op.description = text;
  op.summary = text;
  const thing = op.parameters.find((p: Obj) => p.name === 'ThingId');
  thing.description = text;
  thing.schema.enum = [text, 'plain'];
  op.parameters.push({ name, in: 'query', required: false, description: text, schema: { type: 'string' } });
  doc.components.schemas.DeleteThingResponse.properties[name] = { type: 'string', description: text };
  doc.info.title = text || 'T';
  return doc;
}

it('random text in descriptions, enums and names compiles and survives', async () => {
  const base = await fixtureDoc('alibaba-mini.openapi.yaml');
  const texts = fc.sample(fc.string({ unit: 'binary', maxLength: 24 }), { seed: 7, numRuns: 8 });
  const names = fc.sample(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !['Action', 'Version', 'ThingId', 'Force', 'body'].includes(s) && !/^\s|\s$/.test(s)), { seed: 11, numRuns: 8 });
  const files: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const g = await generateInto(withText(base, texts[i], names[i]), `escfuzz-${i}`);
    made.push(g);
    for (const f of g.files.keys()) if (f.endsWith('.ts') && !f.startsWith('runtime/')) files.push(join(g.dir, f));
    const { deleteThing } = await g.import<{ deleteThing: (i: Obj, o?: BuildOptions) => BuiltRequest }>('builders.ts');
    const wellFormed = !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(texts[i]);
    const value = wellFormed ? texts[i] : 'plain';
    const req = deleteThing({ ThingId: value, [names[i]]: 'v' }, { endpoint: 'https://e' });
    expect(decodeQuery(new URL(req.url).search)).toEqual(expect.arrayContaining([['ThingId', value], [names[i], 'v']]));
  }
  expect(typecheck(files)).toEqual([]);
}, 120_000);
