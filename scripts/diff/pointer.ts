/** JSON pointers (`#/a/b~1c`) and local `$ref` resolution within one document. */
import type { Json } from './types.ts';

export function esc(part: string | number): string {
  return String(part).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unesc(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function join(pointer: string, ...parts: (string | number)[]): string {
  return [pointer, ...parts.map(esc)].join('/');
}

/** The value at `#/...` in `doc`, or undefined. */
export function at(doc: unknown, pointer: string): unknown {
  if (pointer === '#' || pointer === '') return doc;
  if (!pointer.startsWith('#/')) return undefined;
  let cur: unknown = doc;
  for (const raw of pointer.slice(2).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const o = cur as Record<string, unknown>;
    const key = unesc(raw);
    // A `$ref` is a URI fragment, so `{id}` may come percent-encoded (`%7Bid%7D`); our own
    // pointers are not encoded, so the key as written wins.
    cur = Object.hasOwn(o, key) ? o[key] : raw.includes('%') ? o[unesc(decodeOrSelf(raw))] : undefined;
  }
  return cur;
}

function decodeOrSelf(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Follow local `$ref`s. Returns the referenced object and its own pointer, so a component renamed
 * between versions compares as its content, not as a different reference.
 */
export function deref(doc: Json, node: unknown, pointer: string): { node: Json; pointer: string } | undefined {
  let cur = node;
  let p = pointer;
  for (let hops = 0; hops < 32; hops++) {
    if (!isObject(cur)) return undefined;
    const ref = cur.$ref;
    if (typeof ref !== 'string') return { node: cur, pointer: p };
    if (!ref.startsWith('#')) return { node: cur, pointer: p }; // external refs are left as they are
    p = ref === '#' ? '#' : ref;
    cur = at(doc, ref);
  }
  return undefined;
}

/** Canonical JSON (sorted keys): structural equality without caring about key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
