/**
 * The "Type" column: "String", "Integer", "Float", "Boolean", "Array of strings",
 * "Table 4-4 object" (a nested structure documented in another table) and
 * "Array of Table 4-7 objects".
 */
import type { SchemaModel } from '../../model/types.ts';

export type TypeCell =
  | { kind: 'scalar'; schema: SchemaModel }
  | { kind: 'table'; table: string; array: boolean }
  | { kind: 'array'; items: SchemaModel }
  | { kind: 'empty' }
  | { kind: 'unknown'; text: string };

const SCALARS: Record<string, SchemaModel> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  int: { type: 'integer' },
  long: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
};

function scalar(word: string): SchemaModel | undefined {
  const s = SCALARS[word.toLowerCase().replace(/s$/, '')] ?? SCALARS[word.toLowerCase()];
  return s ? { ...s } : undefined;
}

export function parseTypeCell(raw: string): TypeCell {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { kind: 'empty' };
  let m = /^Table (\d+-\d+) object$/i.exec(text);
  if (m) return { kind: 'table', table: m[1], array: false };
  m = /^Array of Table (\d+-\d+) objects?$/i.exec(text);
  if (m) return { kind: 'table', table: m[1], array: true };
  m = /^Array of (\w+)$/i.exec(text);
  if (m) {
    const items = scalar(m[1]);
    if (items && items.type !== 'object') return { kind: 'array', items };
    return { kind: 'unknown', text };
  }
  const s = scalar(text);
  if (s && s.type !== 'object') return { kind: 'scalar', schema: s };
  return { kind: 'unknown', text };
}
