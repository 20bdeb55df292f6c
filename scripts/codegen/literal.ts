/** Plain data -> TypeScript literal text (object keys quoted when needed, strings JSON-escaped). */
import { stringLiteral } from './escape.ts';
import { propertyKey } from './typetext.ts';

export function literalOf(value: unknown, indent = ''): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${inner}${literalOf(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (!entries.length) return '{}';
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const flat = `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${literalOf(v)}`).join(', ')} }`;
    if (flat.length <= 100) return flat;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${literalOf(v, inner)},`).join('\n')}\n${indent}}`;
}
