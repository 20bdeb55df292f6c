import type { SchemaModel } from '../model/types.ts';
import { escapeSegment, pascal, type EmitContext } from './context.ts';
import { diag } from '../model/diagnostic.ts';

export type SchemaObject = Record<string, unknown>;

export interface SchemaEmitOptions {
  /** Name for this schema if it becomes a component (object with properties). */
  nameHint: string;
  /** Prefix used when the hint collides with a different structure (usually the operationId). */
  scope: string;
  /** JSON pointer where the schema is being emitted (for the source map of inline parts). */
  pointer: string;
}

/**
 * Convert a SchemaModel to an OpenAPI 3.1 schema object. Objects with properties become
 * components (deduplicated by structure); everything else is inlined.
 */
export function emitSchema(ctx: EmitContext, model: SchemaModel, opts: SchemaEmitOptions): SchemaObject {
  const isComponent = model.type === 'object' && (model.properties?.length ?? 0) > 0;
  if (!isComponent) {
    ctx.mark(opts.pointer, model.source);
    return emitInline(ctx, model, opts);
  }
  const name = pascal(model.componentName ?? model.title ?? opts.nameHint);
  const body = emitInline(ctx, model, { ...opts, pointer: `#/components/schemas/${escapeSegment(name)}` });
  return { $ref: `#/components/schemas/${escapeSegment(registerComponent(ctx, name, body, model, opts))}` };
}

function registerComponent(
  ctx: EmitContext,
  wanted: string,
  body: SchemaObject,
  model: SchemaModel,
  opts: SchemaEmitOptions,
): string {
  // The same structure (canonical JSON, key order ignored) emitted before: reuse that component.
  return ctx.schemaByStructure.findOrAdd(body, () => {
    let name = wanted;
    if (ctx.schemas.has(name)) {
      const first = ctx.schemaOrigins.get(name);
      name = uniqueName(ctx, `${pascal(opts.scope)}${wanted}`);
      if (model.title && model.source) {
        ctx.diagnostics.push(
          diag(
            'schema-copy-differs',
            'info',
            `"${model.title}" documented here differs from the copy at line ${first?.line ?? '?'}; emitted as ${name}`,
            model.source,
          ),
        );
      }
    }
    ctx.schemas.set(name, body);
    ctx.schemaOrigins.set(name, model.source);
    ctx.mark(`#/components/schemas/${escapeSegment(name)}`, model.source);
    return name;
  });
}

function uniqueName(ctx: EmitContext, base: string): string {
  if (!ctx.schemas.has(base)) return base;
  for (let i = 2; ; i++) if (!ctx.schemas.has(`${base}${i}`)) return `${base}${i}`;
}

function emitInline(ctx: EmitContext, m: SchemaModel, opts: SchemaEmitOptions): SchemaObject {
  const out: SchemaObject = {};
  if (m.title && m.type === 'object') out.title = m.title;
  if (m.type) out.type = m.type;
  if (m.format) out.format = m.format;
  if (m.description) out.description = m.description;
  if (m.const !== undefined) out.const = m.const;
  if (m.enum?.length) out.enum = m.enum;
  if (m.enumDescriptions && Object.keys(m.enumDescriptions).length) out['x-enum-descriptions'] = m.enumDescriptions;
  if (m.default !== undefined) out.default = m.default;
  if (m.minLength !== undefined) out.minLength = m.minLength;
  if (m.maxLength !== undefined) out.maxLength = m.maxLength;
  if (m.pattern !== undefined) out.pattern = m.pattern;
  if (m.minimum !== undefined) out.minimum = m.minimum;
  if (m.maximum !== undefined) out.maximum = m.maximum;
  if (m.minItems !== undefined) out.minItems = m.minItems;
  if (m.maxItems !== undefined) out.maxItems = m.maxItems;
  if (m.contentMediaType) out.contentMediaType = m.contentMediaType;
  if (m.contentSchema) {
    out.contentSchema = emitSchema(ctx, m.contentSchema, {
      ...opts,
      pointer: `${opts.pointer}/contentSchema`,
    });
  }
  if (m.deprecated) out.deprecated = true;
  if (m.type === 'object' && m.properties?.length) {
    const props: Record<string, SchemaObject> = {};
    const required: string[] = [];
    for (const p of m.properties) {
      const pointer = `${opts.pointer}/properties/${escapeSegment(p.name)}`;
      ctx.mark(pointer, p.schema.source);
      // defineProperty: a field the manual calls `__proto__` is a property, not the map's prototype.
      let value = emitSchema(ctx, p.schema, { nameHint: p.schema.title ?? p.name, scope: opts.scope, pointer });
      // The property's own words about a shared structure: beside the $ref (OpenAPI 3.1 allows it).
      if (p.description) value = '$ref' in value ? { $ref: value.$ref, description: p.description } : { ...value, description: p.description };
      Object.defineProperty(props, p.name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (p.required) required.push(p.name);
    }
    out.properties = props;
    if (required.length) out.required = required;
  }
  if (m.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof m.additionalProperties === 'boolean'
        ? m.additionalProperties
        : emitSchema(ctx, m.additionalProperties, {
            ...opts,
            pointer: `${opts.pointer}/additionalProperties`,
          });
  }
  if (m.type === 'array') {
    out.items = m.items
      ? emitSchema(ctx, m.items, {
          nameHint: m.items.title ?? singular(opts.nameHint),
          scope: opts.scope,
          pointer: `${opts.pointer}/items`,
        })
      : {};
  }
  if (m.example !== undefined) out.examples = [m.example];
  if (m.documentedType) out['x-documented-type'] = m.documentedType;
  return out;
}

function singular(name: string): string {
  if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/sses$/.test(name)) return name.slice(0, -2);
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return `${name}Item`;
}
