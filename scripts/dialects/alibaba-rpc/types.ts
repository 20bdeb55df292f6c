/** Alibaba documented types -> SchemaModel. */
import type { SchemaModel } from '../../model/types.ts';

const PRIMITIVES: Record<string, SchemaModel> = {
  string: { type: 'string' },
  integer: { type: 'integer', format: 'int32' },
  int: { type: 'integer', format: 'int32' },
  long: { type: 'integer', format: 'int64' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
};

export interface MappedType {
  schema: SchemaModel;
  /** The row opens a container whose children follow in the table. */
  container: boolean;
  known: boolean;
}

export function mapType(documented: string): MappedType {
  const t = documented.trim();
  const lower = t.toLowerCase();
  if (PRIMITIVES[lower]) return { schema: { ...PRIMITIVES[lower], documentedType: t }, container: false, known: true };
  if (lower === 'object' || lower === 'struct') return { schema: { type: 'object', documentedType: t }, container: true, known: true };
  if (lower === 'map') return { schema: { type: 'object', additionalProperties: true, documentedType: t }, container: false, known: true };
  if (lower === 'json') {
    return { schema: { type: 'string', contentMediaType: 'application/json', documentedType: t }, container: false, known: true };
  }
  if (lower === 'array' || lower === 'list') return { schema: { type: 'array', documentedType: t }, container: true, known: true };
  const m = /^Array of (.+)$/i.exec(t);
  if (m) {
    const item = m[1].trim();
    const prim = PRIMITIVES[item.toLowerCase()];
    if (prim) return { schema: { type: 'array', items: { ...prim }, documentedType: t }, container: false, known: true };
    // "Array of ServiceMesh": a list of structs named ServiceMesh, whose fields follow.
    return {
      schema: { type: 'array', items: { type: 'object', title: item[0].toUpperCase() + item.slice(1) }, documentedType: t },
      container: true,
      known: true,
    };
  }
  return { schema: { type: 'string', documentedType: t }, container: false, known: false };
}
