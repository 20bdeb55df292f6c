/**
 * The "Type" column: "String", "Integer", "Long", "Float", "Double", "Boolean", "Object",
 * "Array of strings", "Array", "Array of objects", "Table 4-4 object" (a nested structure documented
 * in another table), "Array of Table 4-7 objects", "Map<String,String>", "Map<String,Object>",
 * "List<String>".
 */
import type { SchemaModel } from '../../model/types.ts';

export type TypeCell =
  | { kind: 'scalar'; schema: SchemaModel }
  | { kind: 'table'; table: string; array: boolean }
  | { kind: 'array'; items?: SchemaModel }
  | { kind: 'object' }
  | { kind: 'map'; values?: SchemaModel }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string };

const SCALARS: Record<string, SchemaModel> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  int: { type: 'integer' },
  int32: { type: 'integer', format: 'int32' },
  long: { type: 'integer', format: 'int64' },
  int64: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  number: { type: 'number' },
  bigdecimal: { type: 'number' },
  boolean: { type: 'boolean' },
  bool: { type: 'boolean' },
};

function scalar(word: string): SchemaModel | undefined {
  const w = word.toLowerCase();
  const s = SCALARS[w] ?? SCALARS[w.replace(/e?s$/, '')] ?? SCALARS[w.replace(/s$/, '')];
  return s ? { ...s } : undefined;
}

/** The element or value type inside "Array of …", "List<…>", "Map<String,…>". */
function inner(text: string): TypeCell {
  if (/^(?:objects?|json objects?)$/i.test(text)) return { kind: 'object' };
  return parseTypeCell(text);
}

function schemaOf(t: TypeCell): SchemaModel | undefined {
  switch (t.kind) {
    case 'scalar':
      return t.schema;
    case 'object':
      // Documented as an object whose fields the manual does not list: any properties.
      return { type: 'object', additionalProperties: true };
    case 'array':
      return t.items ? { type: 'array', items: t.items } : { type: 'array' };
    case 'map':
      return { type: 'object', additionalProperties: t.values ?? true };
    default:
      return undefined;
  }
}

export function parseTypeCell(raw: string): TypeCell {
  const text = raw.replace(/\s+/g, ' ').replace(/\s*([<>,])\s*/g, '$1').trim();
  if (!text) return { kind: 'empty' };
  let m = /^Table (\d+-\d+) objects?$/i.exec(text);
  if (m) return { kind: 'table', table: m[1], array: false };
  m = /^Array of Table (\d+-\d+) objects?$/i.exec(text);
  if (m) return { kind: 'table', table: m[1], array: true };
  if (/^(?:Array|List|JSONArray)$/i.test(text)) return { kind: 'array' };
  m = /^(?:Array of (.+)|List<(.+)>|(.+)\[\])$/i.exec(text);
  if (m) {
    const t = inner(m[1] ?? m[2] ?? m[3]);
    const items = schemaOf(t);
    if (items) return { kind: 'array', items };
    return { kind: 'unknown', text };
  }
  m = /^Map<(?:String|str)?,?(.+)>$/i.exec(text);
  if (m) {
    const t = inner(m[1]);
    if (t.kind === 'object') return { kind: 'map' };
    const values = schemaOf(t);
    if (values) return { kind: 'map', values };
    return { kind: 'unknown', text };
  }
  if (/^(?:Map|Object|JSONObject|JSON object)$/i.test(text)) return text.toLowerCase() === 'map' ? { kind: 'map' } : { kind: 'object' };
  const s = scalar(text);
  if (s) return { kind: 'scalar', schema: s };
  return { kind: 'unknown', text };
}

/** The schema a type cell stands for, when it needs no other table. */
export function typeCellSchema(t: TypeCell): SchemaModel | undefined {
  return schemaOf(t);
}
