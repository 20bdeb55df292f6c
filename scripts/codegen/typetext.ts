/**
 * JSON Schema -> TypeScript type nodes for builder inputs. Component references point into the
 * openapi-typescript output (`components["schemas"]["Name"]` from schema.ts); literals are
 * string-literal nodes and property names are quoted when they are not identifiers.
 *
 * `simpleType` answers only for schemas whose type is obvious (a named component, a primitive, an
 * enum, an array of those); the builders take every other type from schema.ts by indexed access,
 * so the two files can never disagree. `schemaTypeNode` converts any schema (bounded depth) for
 * the places schema.ts does not type: JSON-string parameters' `contentSchema`.
 */
import type * as TS from 'typescript';
import { f, indexed, keyword, literalType, printType, propName, typeRef, ts } from './ast.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `components["schemas"]["Name"]` for a reference to a whole component schema. */
function componentRef(ref: string): TS.TypeNode | undefined {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  if (!m) return undefined;
  const name = decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~');
  return indexed(typeRef('components'), 'schemas', name);
}

function lit(v: unknown): TS.TypeNode | undefined {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return literalType(v);
  if (typeof v === 'number' && Number.isFinite(v)) return literalType(v);
  return undefined;
}

function union(types: TS.TypeNode[]): TS.TypeNode {
  return types.length === 1 ? types[0] : f.createUnionTypeNode(types);
}

function nullable(schema: Obj, t: TS.TypeNode): TS.TypeNode {
  return schema.nullable === true ? f.createUnionTypeNode([t, literalType(null)]) : t;
}

const PRIMITIVE: Record<string, 'string' | 'number' | 'boolean'> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean' };

/** The type of a schema whose type is evident, else undefined (the caller asks schema.ts). */
export function simpleType(schema: unknown, depth = 0): TS.TypeNode | undefined {
  if (!isObj(schema) || depth > 2) return undefined;
  if (typeof schema.$ref === 'string') return Object.keys(schema).length === 1 ? componentRef(schema.$ref) : undefined;
  for (const k of ['oneOf', 'anyOf', 'allOf', 'not', 'properties', 'additionalProperties', 'patternProperties', 'if', 'prefixItems'] as const) if (schema[k] !== undefined) return undefined;
  if (schema.const !== undefined) return lit(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) {
    const members = schema.enum.map(lit);
    return members.every((m): m is TS.TypeNode => !!m) ? nullable(schema, union(members)) : undefined;
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const out: TS.TypeNode[] = [];
  for (const t of types) {
    if (typeof t !== 'string') return undefined;
    if (t === 'null') out.push(literalType(null));
    else if (PRIMITIVE[t]) out.push(keyword(PRIMITIVE[t]));
    else if (t === 'array') {
      const item = simpleType(schema.items, depth + 1);
      if (!item) return undefined;
      out.push(typeRef('Array', [item]));
    } else return undefined;
  }
  return out.length ? nullable(schema, union(out)) : undefined;
}

/** Any schema -> type (inline objects, compositions), depth-bounded. */
export function schemaTypeNode(schema: unknown, depth = 0): TS.TypeNode {
  if (!isObj(schema) || depth > 12) return keyword('unknown');
  if (typeof schema.$ref === 'string') return componentRef(schema.$ref) ?? keyword('unknown');
  if (schema.const !== undefined) return lit(schema.const) ?? keyword('unknown');
  if (Array.isArray(schema.enum) && schema.enum.length) {
    const members = schema.enum.map(lit);
    return members.every((m): m is TS.TypeNode => !!m) ? union(members) : keyword('unknown');
  }
  for (const k of ['oneOf', 'anyOf'] as const) {
    const list = schema[k];
    if (Array.isArray(list) && list.length) return union(list.map((s) => schemaTypeNode(s, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    const parts = schema.allOf.map((s) => schemaTypeNode(s, depth + 1));
    return parts.length === 1 ? parts[0] : f.createIntersectionTypeNode(parts);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return union(types.map((t) => schemaTypeNode({ ...schema, type: t }, depth + 1)));
  switch (types[0]) {
    case 'string':
      return keyword('string');
    case 'integer':
    case 'number':
      return keyword('number');
    case 'boolean':
      return keyword('boolean');
    case 'null':
      return literalType(null);
    case 'array':
      return typeRef('Array', [schemaTypeNode(schema.items, depth + 1)]);
    case 'object':
    case undefined: {
      const props = isObj(schema.properties) ? schema.properties : undefined;
      if (props && Object.keys(props).length) {
        const req = new Set(Array.isArray(schema.required) ? schema.required.filter((x): x is string => typeof x === 'string') : []);
        return f.createTypeLiteralNode(
          Object.entries(props).map(([k, v]) => f.createPropertySignature(undefined, propName(k), req.has(k) ? undefined : f.createToken(ts.SyntaxKind.QuestionToken), schemaTypeNode(v, depth + 1))),
        );
      }
      if (isObj(schema.additionalProperties)) return typeRef('Record', [keyword('string'), schemaTypeNode(schema.additionalProperties, depth + 1)]);
      return types[0] === 'object' ? typeRef('Record', [keyword('string'), keyword('unknown')]) : keyword('unknown');
    }
    default:
      return keyword('unknown');
  }
}

/** The type as text (docs labels): `components["schemas"]["Name"]`, `"a" | "b"`, `{ a?: string }`. */
export function schemaType(schema: unknown): string {
  return printType(schemaTypeNode(schema)).replace(/\s*\n\s*/g, ' ');
}
