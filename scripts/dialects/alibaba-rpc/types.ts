/** Alibaba documented types -> SchemaModel. */
import type { SchemaModel } from '../../model/types.ts';

/** A fresh schema for a primitive type name (lower case), or undefined. */
function primitive(lower: string): SchemaModel | undefined {
  switch (lower) {
    case 'string':
      return { type: 'string' };
    case 'integer':
    case 'int':
      return { type: 'integer', format: 'int32' };
    case 'long':
      return { type: 'integer', format: 'int64' };
    case 'float':
      return { type: 'number', format: 'float' };
    case 'double':
      return { type: 'number', format: 'double' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return undefined;
  }
}

export interface MappedType {
  schema: SchemaModel;
  /** The row opens a container whose children follow in the table. */
  container: boolean;
  known: boolean;
}

export function mapType(documented: string): MappedType {
  const t = documented.trim();
  const lower = t.toLowerCase();
  const prim = primitive(lower);
  if (prim) {
    prim.documentedType = t;
    return { schema: prim, container: false, known: true };
  }
  if (lower === 'object' || lower === 'struct') return { schema: { type: 'object', documentedType: t }, container: true, known: true };
  if (lower === 'map') return { schema: { type: 'object', additionalProperties: true, documentedType: t }, container: false, known: true };
  if (lower === 'json') {
    return { schema: { type: 'string', contentMediaType: 'application/json', documentedType: t }, container: false, known: true };
  }
  if (lower === 'array' || lower === 'list') return { schema: { type: 'array', documentedType: t }, container: true, known: true };
  const m = /^Array of (.+)$/i.exec(t);
  if (m) {
    const item = m[1].trim();
    const itemPrim = primitive(item.toLowerCase());
    if (itemPrim) return { schema: { type: 'array', items: itemPrim, documentedType: t }, container: false, known: true };
    // "Array of ServiceMesh": a list of structs named ServiceMesh, whose fields follow.
    return {
      schema: { type: 'array', items: { type: 'object', title: item[0].toUpperCase() + item.slice(1) }, documentedType: t },
      container: true,
      known: true,
    };
  }
  return { schema: { type: 'string', documentedType: t }, container: false, known: false };
}
