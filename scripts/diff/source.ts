/**
 * Manual lines for a JSON pointer: the nearest entry of the spec's source map (the pointer itself
 * or its closest ancestor), else the `x-refspec-source` of the enclosing operation.
 */
import type { SourceRef } from '../model/diagnostic.ts';
import { at, isObject } from './pointer.ts';
import type { Json } from './types.ts';

/** Parse `file#L12-L40 (p.3)` / `file#L12 (p.3)`. */
export function parseSourceString(s: unknown): SourceRef | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(.*)#L(\d+)(?:-L?(\d+))?(?: \(p\.(\d+)\))?$/.exec(s);
  if (!m) return undefined;
  const ref: SourceRef = { file: m[1], line: Number(m[2]) };
  if (m[3] && m[3] !== m[2]) ref.endLine = Number(m[3]);
  if (m[4]) ref.page = Number(m[4]);
  return ref;
}

export class SourceLookup {
  private readonly cache = new Map<string, SourceRef | undefined>();
  constructor(
    private readonly doc: Json,
    private readonly map: Record<string, SourceRef> = {},
  ) {}

  find(pointer: string | undefined): SourceRef | undefined {
    if (!pointer) return undefined;
    if (this.cache.has(pointer)) return this.cache.get(pointer);
    let found: SourceRef | undefined;
    for (let p = pointer; p.startsWith('#/'); p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = this.map[p];
      if (hit) {
        found = hit;
        break;
      }
      // `#/paths/<path>/<method>`: the operation's own x-refspec-source
      const m = /^#\/paths\/[^/]+\/[a-z]+$/.exec(p);
      if (m) {
        const op = at(this.doc, p);
        if (isObject(op)) found = parseSourceString(op['x-refspec-source']);
        if (found) break;
      }
    }
    this.cache.set(pointer, found);
    return found;
  }
}
