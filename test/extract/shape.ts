/** The parts of an ApiModel a PDF must reproduce: operations, parameters, and the nesting of fields. */
import type { ApiModel, SchemaModel } from '../../scripts/model/types.ts';

export interface FieldShape {
  name: string;
  type?: string;
  required: boolean;
  children: FieldShape[];
}

function fields(s: SchemaModel | undefined): FieldShape[] {
  if (!s) return [];
  if (s.items) return fields(s.items);
  return (s.properties ?? []).map((p) => ({
    name: p.name,
    type: p.schema.type === 'array' ? `array<${p.schema.items?.type ?? '?'}>` : p.schema.type,
    required: p.required,
    children: fields(p.schema),
  }));
}

export function modelShape(model: ApiModel) {
  return model.operations.map((op) => ({
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    parameters: op.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, type: p.schema.type })),
    requestBody: fields(op.requestBody?.schema),
    responses: op.responses.map((r) => ({ status: r.status, fields: fields(r.schema) })),
  }));
}

/** Field paths ("VersionInfo.Edition") of every response: a compact view of the nesting. */
export function fieldPaths(model: ApiModel): string[] {
  const out: string[] = [];
  const walk = (prefix: string, fs: FieldShape[]) => {
    for (const f of fs) {
      out.push(`${prefix}${f.name}`);
      walk(`${prefix}${f.name}.`, f.children);
    }
  };
  for (const op of modelShape(model)) for (const r of op.responses) walk(`${op.operationId} ${r.status} `, r.fields);
  return out;
}
