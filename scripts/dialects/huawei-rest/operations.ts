/**
 * One operation section -> OperationModel: URI, path/query/header parameters, request body,
 * responses per status code with their body schemas and descriptions, examples, error codes.
 */
import type { SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type {
  ErrorCodeModel,
  ExampleModel,
  OperationModel,
  ParameterLocation,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
  SchemaModel,
} from '../../model/types.ts';
import type { StatusCodeInfo } from './errors-appendix.ts';
import { rebuildExample, scanFacts } from './examples.ts';
import { type Line, isBlank, rangeRef, refOf } from './lines.ts';
import { captionRole } from './captions.ts';
import { operationIdFor } from './operation-id.ts';
import { tidyProse } from './repair.ts';
import { inferTypesFromExamples, linkStructuresFromFacts, rowName, rowProperty, rowRef, tableLabel, tableSchema, type SchemaContext } from './schemas.ts';
import { type OperationSection, type PartLabel, partText } from './sections.ts';
import { cell, type Table } from './tables.ts';
import type { SchemaRoot } from './variants.ts';

export interface OperationContext extends SchemaContext {
  lines: Line[];
  /** lower-case header name -> security scheme name ("x-auth-token" -> "TokenBasedAuthentication"). */
  credentialHeaders: Map<string, string>;
  /** Content type of request bodies (the "Content-Type" header's documented default). */
  contentType: string;
  /** API-wide error codes (appendix). */
  errorCodes: ErrorCodeModel[];
  /** What each HTTP status means (appendix "Status codes" table). */
  statusCodes: Map<string, StatusCodeInfo>;
  /** Is a table inside the operation being built (set per operation)? */
  within: (t: Table) => boolean;
}

export interface BuiltOperation {
  op: OperationModel;
  /** Body schemas, for the naming of structure copies (variants.ts). */
  roots: SchemaRoot[];
}

const STATUS_LINE = /^\s*(?:\*\*)?(?:HTTP )?Status code\s*[:：]?\s*(\d{3})\b[^\t]{0,40}$/i;

function inPart(op: OperationSection, part: PartLabel, lineNo: number, lines: Line[]): boolean {
  const r = op.parts.get(part);
  if (!r) return false;
  return lineNo >= lines[r.start]?.line && lineNo < (lines[r.end]?.line ?? Infinity);
}

type Block = { status?: string; summary?: string; body: Line[]; first: Line; last: Line };

/** A line of a JSON example that lost its fences: a brace, a bracket or a quoted key. */
const JSON_LINE = /^\s*(?:[{}[\]]|"[^"]*"\s*:)/;

/**
 * Example blocks of a part, grouped under the "Status code: N" line before them: code-fenced blocks,
 * and runs of JSON-looking lines whose fences the extraction lost.
 */
function fencedBlocks(lines: Line[], range: { start: number; end: number } | undefined): Block[] {
  const out: Block[] = [];
  if (!range) return out;
  let status: string | undefined;
  let summary: string | undefined;
  let open: { body: Line[]; first: Line; fenced: boolean } | undefined;
  const close = (last: Line) => {
    if (open) out.push({ status, summary, body: open.body, first: open.first, last });
    open = undefined;
  };
  for (let i = range.start; i < range.end; i++) {
    const l = lines[i];
    if (/^\s*```/.test(l.text)) {
      if (open?.fenced) close(l);
      else {
        if (open) close(lines[i - 1]);
        open = { body: [], first: l, fenced: true };
      }
      continue;
    }
    if (open?.fenced) {
      open.body.push(l);
      continue;
    }
    if (JSON_LINE.test(l.text)) {
      if (!open) open = { body: [], first: l, fenced: false };
      open.body.push(l);
      continue;
    }
    if (open && isBlank(l)) continue;
    if (open) close(lines[i - 1]);
    const m = STATUS_LINE.exec(l.text);
    if (m) {
      status = m[1];
      summary = undefined;
    } else if (!isBlank(l) && status && summary === undefined) summary = tidyProse(l.text);
  }
  if (open) close(lines[range.end - 1] ?? open.first);
  return out;
}

function parameter(ctx: OperationContext, t: Table, row: Table['rows'][number], where: ParameterLocation): ParameterModel {
  const prop = rowProperty(ctx, t, row, []);
  const p: ParameterModel = { name: prop.name, in: where, required: where === 'path' ? true : prop.required, schema: prop.schema, source: rowRef(ctx.file, row) };
  if (prop.schema.description) {
    p.description = prop.schema.description;
    delete prop.schema.description;
  }
  if (prop.description) p.description = prop.description;
  return p;
}

export function buildOperation(ctx: OperationContext, sec: OperationSection, tables: Table[]): BuiltOperation {
  const { lines, file, diags } = ctx;
  const derived = operationIdFor(sec.method, sec.path, sec.heading.title);
  const operationId = derived.id;
  const source = rangeRef(file, lines, sec.heading.index, sec.end);
  if (derived.fromUriOnly) diags.push(diag('operation-id-from-uri', 'info', `${operationId}: the title "${sec.heading.title}" does not name the resource of ${sec.method.toUpperCase()} ${sec.path}; the operationId comes from the URI alone`, refOf(file, lines[sec.heading.index])));
  const fn = partText(lines, sec.parts.get('Function'))
    .map((l) => tidyProse(l.text))
    .join('\n');
  const op: OperationModel = {
    operationId,
    method: sec.method,
    path: sec.path,
    summary: sec.heading.title,
    tags: sec.group ? [tagName(sec.group.title)] : [],
    commonParameters: [],
    parameters: [],
    responses: [],
    requestExamples: [],
    errorCodes: [],
    source,
  };
  if (fn) op.description = fn;
  else diags.push(diag('function-missing', 'warning', `${operationId}: no "Function" text; the operation has only its title`, source));
  const roots: SchemaRoot[] = [];
  const own = tables.filter((t) => t.line > lines[sec.heading.index].line && t.line < (lines[sec.end]?.line ?? Infinity));
  ctx.within = (t) => own.includes(t);

  // Parameters.
  for (const t of own) {
    const role = captionRole(t.caption);
    const loc: ParameterLocation | undefined = role === 'path' || role === 'query' || role === 'header' ? role : undefined;
    if (!loc || !t.columns.includes('Parameter')) continue;
    for (const row of t.rows) {
      if (loc === 'header') {
        const name = rowName({ ...ctx, diags: [] }, t, row);
        const scheme = ctx.credentialHeaders.get(name.toLowerCase());
        if (scheme) {
          diags.push(diag('header-as-security', 'info', `${operationId}: header ${name} is the credential of the ${scheme} security scheme, not a parameter`, rowRef(file, row)));
          continue;
        }
        if (name.toLowerCase() === 'content-type') {
          diags.push(diag('header-as-content-type', 'info', `${operationId}: header Content-Type is the request body's media type (${ctx.contentType}), not a parameter`, rowRef(file, row)));
          continue;
        }
      }
      op.parameters.push(parameter(ctx, t, row, loc));
    }
  }
  const seenParams = new Set<string>();
  op.parameters = op.parameters.filter((p) => {
    const key = `${p.in}:${p.name}`;
    if (!seenParams.has(key)) {
      seenParams.add(key);
      return true;
    }
    diags.push(diag('parameter-duplicate', 'warning', `${operationId}: ${p.in} parameter "${p.name}" documented twice; the second row is left out`, p.source));
    return false;
  });
  const placeholders = [...sec.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const name of placeholders) {
    if (!op.parameters.some((p) => p.in === 'path' && p.name === name)) {
      diags.push(diag('path-param-undocumented', 'warning', `${operationId}: path parameter {${name}} has no row in a "Path parameters" table; declared as a string`, refOf(file, lines[sec.uriIndex])));
      op.parameters.push({ name, in: 'path', required: true, schema: { type: 'string', source: refOf(file, lines[sec.uriIndex]) }, source: refOf(file, lines[sec.uriIndex]) });
    }
  }
  op.parameters = op.parameters.filter((p) => {
    if (p.in === 'path' && !placeholders.includes(p.name)) {
      diags.push(diag('path-param-not-in-uri', 'warning', `${operationId}: path parameter "${p.name}" is documented but not in the URI ${sec.path}; left out`, p.source));
      return false;
    }
    return true;
  });
  // Path parameters in URI order.
  op.parameters.sort((a, b) => (a.in === 'path' && b.in === 'path' ? placeholders.indexOf(a.name) - placeholders.indexOf(b.name) : 0));

  // Request body.
  const bodyTables = own.filter((t) => captionRole(t.caption) === 'request-body' && t.columns.includes('Parameter') && !inPart(sec, 'Response Parameters', t.line, lines));
  const bodyTable = bodyTables[0];
  for (const extra of bodyTables.slice(1)) diags.push(diag('request-body-duplicate', 'warning', `${operationId}: a second request body table (${tableLabel(extra)}) left out`, { file, line: extra.captionLine ?? extra.line }));
  if (bodyTable) {
    const schema = tableSchema(ctx, bodyTable);
    roots.push({ schema, operationId, side: 'request', where: 'request body' });
    const body: RequestBodyModel = { contentType: ctx.contentType, required: true, schema, examples: [], source: rangeRef(file, lines, lines.findIndex((l) => l.line === (bodyTable.captionLine ?? bodyTable.line)), lines.findIndex((l) => l.line === bodyTable.endLine) + 1) };
    op.requestBody = body;
    const blocks = fencedBlocks(lines, sec.parts.get('Example Request')).filter((b) => b.body.some((l) => JSON_LINE.test(l.text)));
    if (blocks.length) {
      // Blocks of one request example split by page breaks are one example.
      const merged = { summary: blocks[0].summary, body: blocks.flatMap((b) => b.body), first: blocks[0].first, last: blocks[blocks.length - 1].last };
      const ex = recover(ctx, merged, schema, `${operationId} request example`);
      if (ex) body.examples.push(ex);
    }
  } else if (fencedBlocks(lines, sec.parts.get('Example Request')).some((b) => b.body.some((l) => JSON_LINE.test(l.text)))) {
    diags.push(diag('example-without-body', 'warning', `${operationId}: a request example is printed but no request body is documented; left out`, source));
  }

  // Responses: body tables under "Status code: N".
  const statusAt: { status: string; line: number }[] = [];
  const rp = sec.parts.get('Response Parameters');
  if (rp) for (let i = rp.start; i < rp.end; i++) {
    const m = STATUS_LINE.exec(lines[i].text);
    if (m) statusAt.push({ status: m[1], line: lines[i].line });
  }
  const bodies = new Map<string, { schema: SchemaModel; table: Table }>();
  for (const t of own) {
    const role = captionRole(t.caption);
    if (role !== 'response-body' || !inPart(sec, 'Response Parameters', t.line, lines) || !t.columns.includes('Parameter')) continue;
    const st = [...statusAt].reverse().find((s) => s.line < (t.captionLine ?? t.line));
    if (!st) {
      diags.push(diag('response-status-missing', 'warning', `${operationId}: ${tableLabel(t)} has no "Status code" line before it; left out`, rowRef(file, t.rows[0] ?? { cells: [], line: t.line, endLine: t.line })));
      continue;
    }
    if (bodies.has(st.status)) {
      diags.push(diag('response-duplicate', 'warning', `${operationId}: a second body table for status ${st.status} (${tableLabel(t)}) left out`, { file, line: t.line }));
      continue;
    }
    const schema = tableSchema(ctx, t);
    if (Number(st.status) >= 400 && !schema.title) schema.componentName = 'ErrorResponse';
    bodies.set(st.status, { schema, table: t });
    roots.push({ schema, operationId, side: 'response', where: `response ${st.status}` });
  }
  // Descriptions from the "Status Codes" table.
  const described = new Map<string, { text: string; source: SourceRef }>();
  for (const t of own) {
    if (!inPart(sec, 'Status Codes', t.line, lines) || t.columns[0] !== 'Status Code' || t.columns.includes('Error Code')) continue;
    for (const row of t.rows) {
      const code = cell(t, row, 'Status Code').replace(/\s+/g, '');
      if (/^\d{3}$/.test(code)) described.set(code, { text: tidyProse(cell(t, row, 'Description', true)).replace(/\n/g, ' '), source: rowRef(file, row) });
    }
  }
  const examples = fencedBlocks(lines, sec.parts.get('Example Response'));
  const statuses = [...new Set([...described.keys(), ...bodies.keys()])].sort();
  for (const status of statuses) {
    const body = bodies.get(status);
    const d = described.get(status);
    const r: ResponseModel = { status, description: '', examples: [] };
    if (d) {
      r.description = d.text;
      r.source = d.source;
    } else {
      // Not in the operation's table: the example's caption, else the appendix's meaning of the code.
      const ex = examples.find((e) => e.status === status)?.summary;
      const generic = ctx.statusCodes.get(status);
      r.description = ex ?? (generic ? `${generic.title}: ${generic.description}` : `Status code ${status}.`);
      diags.push(
        diag('status-not-listed', 'warning', `${operationId}: status ${status} has a body table but no row in the Status Codes table; described by ${ex ? 'the example caption' : generic ? 'the appendix Status codes table' : 'its number only'}`, body ? { file, line: body.table.line } : source),
      );
    }
    if (!ctx.statusCodes.has(status) && ctx.statusCodes.size) {
      diags.push(diag('status-unknown', 'info', `${operationId}: status ${status} is not in the appendix's Status codes table`, r.source ?? source));
    }
    if (body) {
      r.schema = body.schema;
      r.contentType = 'application/json';
      if (!r.source) r.source = { file, line: body.table.captionLine ?? body.table.line, endLine: body.table.endLine };
      const blocks = examples.filter((e) => e.status === status);
      if (blocks.length) {
        // Blocks under one status are one example split by a page break.
        const merged = { status, summary: blocks[0].summary, body: blocks.flatMap((b) => b.body), first: blocks[0].first, last: blocks[blocks.length - 1].last };
        const ex = recover(ctx, merged, body.schema, `${operationId} ${status} example`);
        if (ex) r.examples.push(ex);
      }
    } else if (examples.some((e) => e.status === status)) {
      diags.push(diag('example-without-body', 'warning', `${operationId}: an example is printed for status ${status}, which documents no body; left out`, source));
    }
    op.responses.push(r);
  }
  for (const e of examples) {
    if (!e.status) diags.push(diag('example-status-missing', 'warning', `${operationId}: an example response without a "Status code" line; left out`, refOf(file, e.first, e.last)));
  }
  if (!op.responses.length) {
    diags.push(diag('operation-incomplete', 'warning', `${operationId}: no response is documented (truncated manual?); a default response stands in`, source));
    op.responses.push({ status: 'default', description: 'The manual documents no response for this operation.', examples: [] });
  }
  for (const label of ['Request Parameters', 'Response Parameters', 'Status Codes'] as const) {
    if (!sec.parts.has(label)) diags.push(diag('operation-part-missing', 'warning', `${operationId}: no "${label}" part in the section (truncated manual?)`, source));
  }
  // Error codes of the appendix whose HTTP status this operation documents.
  const documented = new Set(op.responses.map((r) => Number(r.status)));
  op.errorCodes = ctx.errorCodes.filter((e) => documented.has(e.httpStatus));
  return { op, roots };
}

function recover(ctx: OperationContext, b: { summary?: string; body: Line[]; first: Line; last: Line }, schema: SchemaModel, label: string): ExampleModel | undefined {
  const source = refOf(ctx.file, b.first, b.last);
  const scanned = scanFacts(b.body);
  // Values printed for properties whose Type cell was empty tell their type.
  if (ctx.untyped.size) {
    linkStructuresFromFacts(ctx, scanned.facts, ctx.within, label);
    inferTypesFromExamples(ctx, schema, rebuildExample(scanned, schema, ctx.file, label).value, label);
  }
  const rebuilt = rebuildExample(scanned, schema, ctx.file, label);
  ctx.diags.push(...rebuilt.diagnostics);
  for (const d of scanned.dropped) {
    ctx.diags.push(diag('example-fragment-dropped', 'info', `${label}: "${d.line.text.trim()}" left out (${d.reason})`, refOf(ctx.file, d.line)));
  }
  if (rebuilt.problems.length) {
    ctx.diags.push(
      diag(
        'example-dropped',
        'warning',
        `${label}: no usable example could be rebuilt from the garbled text (${rebuilt.placed} values placed; ${rebuilt.problems.slice(0, 4).join('; ')}${rebuilt.problems.length > 4 ? '; …' : ''}); left out`,
        source,
      ),
    );
    return undefined;
  }
  ctx.diags.push(
    diag(
      'example-recovered',
      'info',
      `${label}: rebuilt from ${scanned.facts.length} printed key lines (${rebuilt.placed} values placed by the schema; ${scanned.debris} brace lines and ${scanned.dropped.length} fragments discarded); parts the extraction lost stay absent`,
      source,
    ),
  );
  const ex: ExampleModel = { name: 'sample', mediaType: 'application/json', value: rebuilt.value, raw: b.body.map((l) => l.text).join('\n'), source };
  if (b.summary) ex.summary = b.summary;
  return ex;
}

function tagName(groupTitle: string): string {
  return groupTitle.replace(/\s+APIs?$/i, '').trim();
}
