/**
 * JSON Schema -> TypeScript type text for builder inputs. Component references point into the
 * openapi-typescript output (`components["schemas"]["Name"]` from schema.ts); every literal is a
 * JSON-escaped string literal, every property name is quoted when it is not an identifier.
 */
import { stringLiteral } from './escape.ts';

type Obj = Record<string, unknown>;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function propertyKey(name: string): string {
  return IDENT.test(name) ? name : stringLiteral(name);
}

function literal(v: unknown): string {
  if (typeof v === 'string') return stringLiteral(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return 'unknown';
}

export function schemaType(schema: Obj | undefined, depth = 0): string {
  if (!schema || depth > 12) return 'unknown';
  if (typeof schema.$ref === 'string') {
    const m = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref);
    if (m) {
      const name = m[1].replace(/~1/g, '/').replace(/~0/g, '~');
      return `components["schemas"][${stringLiteral(name)}]`;
    }
    return 'unknown';
  }
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.map(literal).join(' | ');
  for (const k of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(schema[k])) return (schema[k] as Obj[]).map((s) => schemaType(s, depth + 1)).join(' | ') || 'unknown';
  }
  if (Array.isArray(schema.allOf)) return (schema.allOf as Obj[]).map((s) => schemaType(s, depth + 1)).join(' & ') || 'unknown';
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return type.map((t) => schemaType({ ...schema, type: t }, depth + 1)).join(' | ');
  switch (type[0]) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const item = schemaType(schema.items as Obj | undefined, depth + 1);
      return `Array<${item}>`;
    }
    case 'object':
    case undefined: {
      const props = schema.properties as Obj | undefined;
      if (props && Object.keys(props).length) {
        const req = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
        const members = Object.entries(props).map(([k, v]) => `${propertyKey(k)}${req.has(k) ? '' : '?'}: ${schemaType(v as Obj, depth + 1)}`);
        return `{ ${members.join('; ')} }`;
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return `Record<string, ${schemaType(schema.additionalProperties as Obj, depth + 1)}>`;
      }
      return type[0] === 'object' ? 'Record<string, unknown>' : 'unknown';
    }
    default:
      return 'unknown';
  }
}
