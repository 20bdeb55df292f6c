import type { ParameterModel } from '../model/types.ts';
import { emitSchema } from './schema.ts';
import type { EmitContext } from './context.ts';

export function emitParameter(
  ctx: EmitContext,
  p: ParameterModel,
  scope: string,
  pointer: string,
): Record<string, unknown> {
  ctx.mark(pointer, p.source);
  const out: Record<string, unknown> = { name: p.name, in: p.in };
  if (p.description) out.description = p.description;
  out.required = p.in === 'path' ? true : p.required;
  out.schema = emitSchema(ctx, p.schema, { nameHint: p.name, scope, pointer: `${pointer}/schema` });
  if (p.serialization === 'json') out['x-refspec-serialization'] = 'json';
  if (p.serialization === 'repeat-list') {
    out['x-refspec-serialization'] = 'repeat-list';
  }
  if (p.serialization === 'flat') out['x-refspec-serialization'] = 'flat';
  if (p.example !== undefined) out.example = p.example;
  return out;
}
