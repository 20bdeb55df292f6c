/**
 * One diagnostic type for every stage. Stages return diagnostics; only the CLI turns them into
 * exit codes.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface SourceRef {
  /** Path of the input document as given (relative paths stay relative for reproducible reports). */
  file: string;
  /** 1-based line in the extracted text. */
  line: number;
  /** Last line of the range, inclusive, when the thing spans several lines. */
  endLine?: number;
  /** 1-based page number, when the extractor knows it (PDF input, or page footers in text). */
  page?: number;
}

export interface Diagnostic {
  /** Stable kebab-case identifier, e.g. `table-row-unparsed`. */
  id: string;
  severity: Severity;
  message: string;
  source: SourceRef;
}

export function diag(
  id: string,
  severity: Severity,
  message: string,
  source: SourceRef,
): Diagnostic {
  return { id, severity, message, source };
}

/** Stable ordering: by file, line, id, message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.source.file.localeCompare(b.source.file) ||
      a.source.line - b.source.line ||
      a.id.localeCompare(b.id) ||
      a.message.localeCompare(b.message),
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.source.file}:${d.source.line}${d.source.endLine && d.source.endLine !== d.source.line ? `-${d.source.endLine}` : ''}${d.source.page ? ` (p.${d.source.page})` : ''}`;
  return `${where} ${d.severity} [${d.id}] ${d.message}`;
}
