import type { Diagnostic, SourceRef } from '../model/diagnostic.ts';

/** JSON pointer escaping (RFC 6901). */
export function ptr(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Shared state of one OpenAPI emission: the source map, diagnostics and the component registry. */
export class EmitContext {
  readonly sourceMap = new Map<string, SourceRef>();
  readonly diagnostics: Diagnostic[] = [];
  /** component name -> canonical JSON of its schema */
  readonly schemaKeys = new Map<string, string>();
  /** canonical JSON -> component name */
  readonly schemaByKey = new Map<string, string>();
  readonly schemas = new Map<string, Record<string, unknown>>();
  /** component name -> pointer of the first place it was emitted from (for the source map) */
  readonly schemaOrigins = new Map<string, SourceRef | undefined>();

  constructor(readonly file: string) {}

  mark(pointer: string, source: SourceRef | undefined): void {
    if (source && !this.sourceMap.has(pointer)) this.sourceMap.set(pointer, source);
  }
}

/** Canonical JSON (sorted keys) used to decide whether two schemas are the same structure. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** PascalCase identifier from arbitrary text ("Table 4-4 MeshMetadata" -> "MeshMetadata" is done by dialects). */
export function pascal(text: string): string {
  const words = text.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  const out = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (!out) return 'Schema';
  return /^[0-9]/.test(out) ? `S${out}` : out;
}
