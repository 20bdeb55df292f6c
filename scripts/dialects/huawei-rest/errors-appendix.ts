/**
 * The appendix's error-code table ("Table 5-2 Error codes": Status Code, Error Code, Error Message,
 * Description, Troubleshooting) -> ErrorCodeModel list with the HTTP status of each code. Codes
 * split by the extraction ("ASM.01400 001") are rejoined.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { ErrorCodeModel } from '../../model/types.ts';
import { joinSplitToken, tidyProse } from './repair.ts';
import { rowRef } from './schemas.ts';
import { cell, type Table } from './tables.ts';

export function isErrorCodeTable(t: Table): boolean {
  return t.columns.includes('Error Code') && t.columns.includes('Status Code');
}

export function parseErrorCodes(tables: Table[], file: string, diags: Diagnostic[]): ErrorCodeModel[] {
  const out: ErrorCodeModel[] = [];
  for (const t of tables.filter(isErrorCodeTable)) {
    for (const row of t.rows) {
      const source = rowRef(file, t, row);
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
