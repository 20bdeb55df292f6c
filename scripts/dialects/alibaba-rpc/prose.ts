/**
 * Facts stated in description prose: "Valid values:" lists (-> enum), "Default value: x" (->
 * default). Only values typed in the manual are used; nothing is guessed.
 */
import type { JsonValue, SchemaModel } from '../../model/types.ts';

export interface ProseFacts {
  enum?: string[];
  enumDescriptions?: Record<string, string>;
  default?: string;
}

/** Bulleted values ("true : exposes…") after a "Valid values" sentence, or an inline list. */
export function readProse(paragraphs: string[]): ProseFacts {
  const out: ProseFacts = {};
  const idx = paragraphs.findIndex((p) => /Valid values\s*:?/i.test(p));
  if (idx >= 0) {
    const p = paragraphs[idx];
    const after = p.slice(p.search(/Valid values/i)).replace(/^Valid values\s*:?\s*/i, '');
    const bullets: [string, string][] = [];
    for (const q of paragraphs.slice(idx + 1)) {
      const m = /^([A-Za-z0-9_.*/-]+(?: [A-Za-z0-9_.*/-]+)?) ?: (.+)$/.exec(q);
      if (!m || /^Default value$/i.test(m[1])) break;
      // "Empty string : The query is successful." means the value "".
      bullets.push([/^empty string$/i.test(m[1]) ? '' : m[1], m[2]]);
    }
    if (bullets.length >= 2) {
      out.enum = bullets.map(([v]) => v);
      out.enumDescriptions = Object.fromEntries(bullets);
    } else {
      // Inline: "Valid values: HTTP, TLS, and TCP." / "Valid values: true and false."
      const INLINE = /^([A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*(?:,?\s+(?:and|or)\s+[A-Za-z0-9_.-]+))\s*\.?\s*(?:$|Default)/;
      // A value with a ligature gap ("INACTIVE and updat ing."): the gap closed.
      const inline = INLINE.exec(after.trim()) ?? INLINE.exec(after.trim().replace(/([tf]) (?=[a-z])(?!(?:and|or)\s)/g, '$1'));
      if (inline) out.enum = inline[1].split(/\s*,\s*|\s+(?:and|or)\s+/).map((s) => s.replace(/^(and|or)\s+/, '').replace(/\.$/, '').trim()).filter(Boolean);
    }
  }
  const DEFAULT = /Default value\s*:\s*([^\s,;]+?)\s*(?:[.,;]|$)(?=\s|$)/i;
  for (const p of paragraphs) {
    // Only a literal that ends its sentence: "Default value: mesh-log-{ASM instance ID}." is prose.
    // A literal with a ligature gap ("Default value: st opped .") is read with the gap closed.
    const m = DEFAULT.exec(p) ?? (/Default value/i.test(p) ? DEFAULT.exec(p.replace(/(value\s*:\s*\S*?[tf]) (?=[a-z]+\s*[.,;]?(?:\s|$))/i, '$1')) : null);
    if (m) {
      out.default = m[1];
      break;
    }
  }
  return out;
}

/** Apply prose facts to a schema, converting values to the schema's type; returns problems. */
export function applyProse(schema: SchemaModel, facts: ProseFacts): string[] {
  const problems: string[] = [];
  const conv = (v: string): JsonValue | undefined => convert(schema, v);
  if (facts.enum && schema.type !== 'object' && schema.type !== 'array') {
    const values = facts.enum.map(conv);
    if (values.every((v) => v !== undefined) && !(schema.type === 'boolean' && values.length === 2)) {
      schema.enum = [...new Set(values as (string | number | boolean)[])];
      if (facts.enumDescriptions) {
        schema.enumDescriptions = facts.enumDescriptions;
      }
    } else if (schema.type !== 'boolean') problems.push(`valid values ${facts.enum.join(', ')} do not fit type ${schema.type}`);
  }
  if (facts.default !== undefined && schema.type !== 'object' && schema.type !== 'array') {
    const v = conv(facts.default);
    if (v !== undefined && facts.default !== 'null') schema.default = v;
    else if (facts.default !== 'null') problems.push(`default value "${facts.default}" does not fit type ${schema.type}`);
  }
  return problems;
}

export function convert(schema: SchemaModel, v: string): JsonValue | undefined {
  switch (schema.type) {
    case 'boolean':
      return v === 'true' ? true : v === 'false' ? false : undefined;
    case 'integer':
      return /^-?\d+$/.test(v) ? Number(v) : undefined;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
    case 'string':
      return v;
    default:
      return undefined;
  }
}
