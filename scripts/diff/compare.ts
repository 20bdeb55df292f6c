/** Small comparisons of two schema objects, shared by the parameter and property checks. */
import { canonical } from './pointer.ts';
import { enumOf, opaqueAlternatives, typeOf } from './schema.ts';
import type { Json } from './types.ts';

export function typeChange(b: Json, r: Json): { from: string; to: string } | undefined {
  const from = typeOf(b);
  const to = typeOf(r);
  return from !== undefined && to !== undefined && from !== to ? { from, to } : undefined;
}

/** Format changed while the type stayed (a type change already says everything). */
export function formatChange(b: Json, r: Json): { from: string; to: string } | undefined {
  if (typeChange(b, r)) return undefined;
  const from = typeof b.format === 'string' ? b.format : undefined;
  const to = typeof r.format === 'string' ? r.format : undefined;
  return from !== to ? { from: from ?? '(none)', to: to ?? '(none)' } : undefined;
}

/** Enum values present in `b` and not in `r`, when both sides enumerate their values. */
export function enumRemoved(b: Json, r: Json): unknown[] {
  const be = enumOf(b);
  const re = enumOf(r);
  if (!be || !re) return [];
  const keep = new Set(re.map(canonical));
  return be.filter((v) => !keep.has(canonical(v)));
}

export function enumAdded(b: Json, r: Json): unknown[] {
  return enumRemoved(r, b);
}

export function defaultChange(b: Json, r: Json): { from: unknown; to: unknown } | undefined {
  if (canonical(b.default) === canonical(r.default)) return undefined;
  return { from: b.default, to: r.default };
}

/** Validation constraints that now reject values the base accepted. */
export function tightened(b: Json, r: Json): string[] {
  const out: string[] = [];
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  for (const k of ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum', 'maxProperties'] as const) {
    const x = num(b[k]);
    const y = num(r[k]);
    if (y !== undefined && (x === undefined || y < x)) out.push(`${k} ${x ?? '(none)'} -> ${y}`);
  }
  for (const k of ['minLength', 'minItems', 'minimum', 'exclusiveMinimum', 'minProperties'] as const) {
    const x = num(b[k]);
    const y = num(r[k]);
    if (y !== undefined && (x === undefined || y > x)) out.push(`${k} ${x ?? '(none)'} -> ${y}`);
  }
  if (typeof r.pattern === 'string' && r.pattern !== b.pattern) out.push(`pattern ${JSON.stringify(b.pattern ?? '(none)')} -> ${JSON.stringify(r.pattern)}`);
  return out;
}

/**
 * The enum as a whole: values the revision now restricts to where the base enumerated none
 * (`added`), or the base's values where the revision no longer enumerates any (`removed`). A side
 * with `const` is left out: constants are filled in by generated clients (see enumOf); so is a base
 * whose alternatives enumOf cannot read (the values may have been there, behind a `$ref`).
 */
export function enumIntroduced(b: Json, r: Json): unknown[] {
  const be = enumOf(b);
  const re = enumOf(r);
  if (be || !re || b.const !== undefined || r.const !== undefined || opaqueAlternatives(b)) return [];
  return re;
}

export function enumDropped(b: Json, r: Json): unknown[] {
  return enumIntroduced(r, b);
}
