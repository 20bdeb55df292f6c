/**
 * The appendix's error-code table ("Table 5-2 Error codes": Status Code, Error Code, Error Message,
 * Description, Troubleshooting) -> ErrorCodeModel list with the HTTP status of each code. Codes
 * split by the extraction ("ASM.01400 001") are rejoined.
 */
import type { Diagnostic, SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { ErrorCodeModel, ExampleModel, JsonValue, SchemaModel } from '../../model/types.ts';
import { rebuildExample, scanFacts } from './examples.ts';
import { type Line, refOf } from './lines.ts';
import { joinSplitToken, joinWrappedTitle, tidyProse } from './repair.ts';
import { rowRef } from './schemas.ts';
import { cell, type Table } from './tables.ts';

export function isErrorCodeTable(t: Table): boolean {
  return t.columns.includes('Error Code') && t.columns.includes('Status Code');
}

export function parseErrorCodes(tables: Table[], file: string, diags: Diagnostic[]): ErrorCodeModel[] {
  const out: ErrorCodeModel[] = [];
  for (const t of tables.filter(isErrorCodeTable)) {
    for (const row of t.rows) {
      const source = rowRef(file, row);
      const status = Number(cell(t, row, 'Status Code').trim());
      const code = joinSplitToken(cell(t, row, 'Error Code'));
      if (!Number.isInteger(status) || status < 100 || status > 599 || !code.text) {
        diags.push(diag('error-code-unreadable', 'warning', `error-code row "${row.cells.map((c) => c.join(' ')).join(' | ')}" has no usable status or code`, source));
        continue;
      }
      if (code.changed) diags.push(diag('cell-rejoined', 'info', `error code "${cell(t, row, 'Error Code').trim()}" split by the extraction rejoined as "${code.text}"`, source));
      const e: ErrorCodeModel = { httpStatus: status, code: code.text, message: tidyProse(cell(t, row, 'Error Message', true)), source };
      const description = tidyProse(cell(t, row, 'Description', true));
      const solution = tidyProse(cell(t, row, 'Troubleshooting', true));
      if (description) e.description = description;
      if (solution) e.solution = solution;
      out.push(e);
    }
  }
  return out;
}

/**
 * The appendix's "Error Response Body Format" example, rebuilt against the error body schema the
 * operations document, and the HTTP status of the code it shows (from the error-code table).
 * Also reports when the appendix prose names the fields differently from the tables
 * ("error_code" in the prose, "errorCode" in every table).
 */
export function appendixErrorExample(
  lines: Line[],
  range: { start: number; end: number } | undefined,
  errorSchema: SchemaModel | undefined,
  codes: ErrorCodeModel[],
  file: string,
  diags: Diagnostic[],
): { status: number; example: ExampleModel } | undefined {
  if (!range || !errorSchema) return undefined;
  const fieldNames = new Set((errorSchema.properties ?? []).map((p) => p.name));
  for (let i = range.start; i < range.end; i++) {
    const named = [...lines[i].text.matchAll(/\*\*([a-z]+_[a-z_]+)\*\*/g)].map((m) => m[1]).filter((n) => !fieldNames.has(n));
    if (named.length) {
      diags.push(diag('error-field-names-differ', 'info', `the appendix prose names the error fields ${named.join(', ')}; the response tables and the example use ${[...fieldNames].join(', ')} (the tables are followed)`, refOf(file, lines[i])));
    }
  }
  let open = -1;
  for (let i = range.start; i < range.end; i++) {
    if (!/^\s*```/.test(lines[i].text)) continue;
    if (open < 0) {
      open = i;
      continue;
    }
    const body = lines.slice(open + 1, i);
    const label = 'appendix error response example';
    const scanned = scanFacts(body);
    const rebuilt = rebuildExample(scanned, errorSchema, file, label);
    diags.push(...rebuilt.diagnostics);
    for (const d of scanned.dropped) diags.push(diag('example-fragment-dropped', 'info', `${label}: "${d.line.text.trim()}" left out (${d.reason})`, refOf(file, d.line)));
    const source = refOf(file, lines[open], lines[i]);
    const code = (rebuilt.value as Record<string, JsonValue>)?.errorCode ?? Object.values((rebuilt.value ?? {}) as Record<string, JsonValue>).find((v) => typeof v === 'string' && codes.some((c) => c.code === v));
    const status = codes.find((c) => c.code === code)?.httpStatus;
    if (rebuilt.problems.length || status === undefined) {
      diags.push(diag('example-dropped', 'warning', `${label}: ${rebuilt.problems.length ? rebuilt.problems.join('; ') : 'the code it shows is not in the error-code table'}; left out`, source));
      return undefined;
    }
    diags.push(diag('example-recovered', 'info', `${label}: rebuilt from ${scanned.facts.length} printed key lines (${rebuilt.placed} placed; ${scanned.dropped.length} unreadable lines left out); shown on the ${status} responses, the status of ${String(code)} in the error-code table`, source));
    return { status, example: { name: 'appendix', summary: `Error response body format (appendix), code ${String(code)}`, mediaType: 'application/json', value: rebuilt.value, source } };
  }
  return undefined;
}

export interface StatusCodeInfo {
  title: string;
  description: string;
  source: SourceRef;
}

/**
 * The appendix's "Status codes" table (Status Code, Message Title, Description): what each HTTP
 * status means in this API family. Titles wrapped by the extraction ("MethodNotAllow ed",
 * "InternalServerEr- ror") are rejoined. Used for responses the operation's own table leaves
 * undescribed.
 */
export function parseStatusCodes(tables: Table[], file: string, diags: Diagnostic[]): Map<string, StatusCodeInfo> {
  const out = new Map<string, StatusCodeInfo>();
  for (const t of tables) {
    if (t.columns.join('|') !== 'Status Code|Message Title|Description') continue;
    for (const row of t.rows) {
      const status = cell(t, row, 'Status Code').trim();
      if (!/^\d{3}$/.test(status)) continue;
      const source = rowRef(file, row);
      const title = joinWrappedTitle(cell(t, row, 'Message Title'));
      if (title.changed) diags.push(diag('cell-rejoined', 'info', `status ${status} title "${cell(t, row, 'Message Title').trim()}" split by the extraction rejoined as "${title.text}"`, source));
      out.set(status, { title: title.text, description: tidyProse(cell(t, row, 'Description', true)).replace(/\n/g, ' '), source });
    }
  }
  return out;
}
