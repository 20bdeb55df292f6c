import type { ApiModel, ExampleModel, OperationModel, ResponseModel } from '../model/types.ts';
import { emitParameter } from './parameter.ts';
import { emitSchema } from './schema.ts';
import { ptr, type EmitContext } from './context.ts';

export function emitOperation(
  ctx: EmitContext,
  api: ApiModel,
  op: OperationModel,
  pointer: string,
): Record<string, unknown> {
  ctx.mark(pointer, op.source);
  const out: Record<string, unknown> = { operationId: op.operationId, summary: op.summary };
  if (op.description) out.description = op.description;
  if (op.tags.length) out.tags = op.tags;
  if (op.deprecated) out.deprecated = true;
  const params: unknown[] = [];
  op.parameters.forEach((p, i) => params.push(emitParameter(ctx, p, op.operationId, `${pointer}/parameters/${i}`)));
  for (const name of op.commonParameters) {
    if (api.commonParameters.some((c) => c.name === name)) {
      params.push({ $ref: `#/components/parameters/${ptr(name)}` });
    }
  }
  if (params.length) out.parameters = params;
  if (op.requestBody) {
    const rb = op.requestBody;
    const media: Record<string, unknown> = {
      schema: emitSchema(ctx, rb.schema, {
        nameHint: `${op.operationId}Request`,
        scope: op.operationId,
        pointer: `${pointer}/requestBody/content/${ptr(rb.contentType)}/schema`,
      }),
    };
    if (rb.examples.length) media.examples = emitExamples(ctx, rb.examples, `${pointer}/requestBody/content/${ptr(rb.contentType)}/examples`);
    const body: Record<string, unknown> = {};
    if (rb.description) body.description = rb.description;
    body.required = rb.required;
    body.content = { [rb.contentType]: media };
    out.requestBody = body;
    ctx.mark(`${pointer}/requestBody`, rb.source);
  }
  const responses: Record<string, unknown> = {};
  for (const r of sortResponses(op.responses)) {
    responses[r.status] = emitResponse(ctx, op, r, `${pointer}/responses/${ptr(r.status)}`);
  }
  out.responses = responses;
  if (op.security) out.security = op.security.map((alt) => Object.fromEntries(alt.map((n) => [n, []])));
  if (op.requestExamples.length) {
    out['x-refspec-request-examples'] = op.requestExamples.map((e) => {
      const x: Record<string, unknown> = { name: e.name };
      if (e.summary) x.summary = e.summary;
      if (e.method) x.method = e.method;
      if (e.path) x.path = e.path;
      if (e.parameters) x.parameters = e.parameters;
      if (e.raw !== undefined) x.raw = e.raw;
      x.line = e.source.line;
      return x;
    });
    ctx.mark(`${pointer}/x-refspec-request-examples`, op.requestExamples[0].source);
  }
  if (op.errorCodes.length) {
    out['x-refspec-error-codes'] = op.errorCodes.map((e) => {
      const x: Record<string, unknown> = { httpStatus: e.httpStatus, code: e.code, message: e.message };
      if (e.description) x.description = e.description;
      if (e.solution) x.solution = e.solution;
      return x;
    });
  }
  out['x-refspec-source'] = sourceString(op.source);
  for (const [k, v] of Object.entries(op.extensions ?? {})) out[k] = v;
  return out;
}

export function sourceString(s: { file: string; line: number; endLine?: number; page?: number }): string {
  const range = s.endLine && s.endLine !== s.line ? `${s.line}-${s.endLine}` : `${s.line}`;
  return `${s.file}#L${range}${s.page ? ` (p.${s.page})` : ''}`;
}

function sortResponses(list: ResponseModel[]): ResponseModel[] {
  return [...list].sort((a, b) => (a.status === 'default' ? 1 : b.status === 'default' ? -1 : a.status.localeCompare(b.status)));
}

function emitResponse(ctx: EmitContext, op: OperationModel, r: ResponseModel, pointer: string): Record<string, unknown> {
  ctx.mark(pointer, r.source);
  const out: Record<string, unknown> = { description: r.description };
  if (r.headers?.length) {
    const headers: Record<string, unknown> = {};
    for (const h of r.headers) {
      const hp = `${pointer}/headers/${ptr(h.name)}`;
      ctx.mark(hp, h.source);
      const ho: Record<string, unknown> = {};
      if (h.description) ho.description = h.description;
      ho.schema = emitSchema(ctx, h.schema, { nameHint: h.name, scope: op.operationId, pointer: `${hp}/schema` });
      headers[h.name] = ho;
    }
    out.headers = headers;
  }
  if (r.schema || r.examples.length) {
    const content: Record<string, unknown> = {};
    const types = new Set<string>();
    if (r.contentType) types.add(r.contentType);
    for (const e of r.examples) types.add(e.mediaType);
    for (const type of [...types].sort()) {
      const media: Record<string, unknown> = {};
      const mp = `${pointer}/content/${ptr(type)}`;
      if (r.schema && type === r.contentType) {
        const nameHint = statusName(op.operationId, r.status);
        media.schema = emitSchema(ctx, r.schema, { nameHint, scope: op.operationId, pointer: `${mp}/schema` });
      }
      const ex = r.examples.filter((e) => e.mediaType === type);
      if (ex.length) media.examples = emitExamples(ctx, ex, `${mp}/examples`);
      content[type] = media;
    }
    out.content = content;
  }
  return out;
}

function statusName(operationId: string, status: string): string {
  if (/^2/.test(status)) return `${operationId}Response`;
  return `${operationId}Error${status === 'default' ? '' : status}`;
}

function emitExamples(ctx: EmitContext, list: ExampleModel[], pointer: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of list) {
    ctx.mark(`${pointer}/${ptr(e.name)}`, e.source);
    const x: Record<string, unknown> = {};
    if (e.summary) x.summary = e.summary;
    x.value = e.value;
    out[e.name] = x;
  }
  return out;
}
