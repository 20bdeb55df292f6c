/**
 * A small validator of a JSON value against a SchemaModel (types, required, const/enum, lengths,
 * pattern, items). Used to decide whether a rebuilt example is usable before it goes into the
 * spec; the pipeline validates the emitted examples again with ajv.
 */
import type { JsonValue, SchemaModel } from '../../model/types.ts';

export function checkValue(value: JsonValue, schema: SchemaModel, at = ''): string[] {
  const where = at || '/';
  const errors: string[] = [];
  const t = schema.type;
  if (t) {
    const ok =
      (t === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) ||
      (t === 'array' && Array.isArray(value)) ||
      (t === 'string' && typeof value === 'string') ||
      (t === 'boolean' && typeof value === 'boolean') ||
      (t === 'number' && typeof value === 'number') ||
      (t === 'integer' && typeof value === 'number' && Number.isInteger(value));
    if (!ok) return [`${where} is not ${t}`];
  }
  if (schema.const !== undefined && value !== schema.const) errors.push(`${where} is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value as string)) errors.push(`${where} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && [...value].length < schema.minLength) errors.push(`${where} is shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) errors.push(`${where} is longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${where} does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) => errors.push(...checkValue(v, schema.items!, `${at}/${i}`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    for (const p of schema.properties) {
      if (p.name in value) errors.push(...checkValue(value[p.name], p.schema, `${at}/${p.name}`));
      else if (p.required) errors.push(`${where} lacks required "${p.name}"`);
    }
  }
  return errors;
}
