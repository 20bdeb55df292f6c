/**
 * REST-specific additions to a generated Api, for what Huawei manuals show and the shared generator
 * does not (kept here so the shared generator stays as it is for the Alibaba harness):
 *
 * - the same structure documented again in other operations ("Table 4-23 MeshMetadata",
 *   "Table 4-44 MeshMetadata" …): a response field of one operation reappears, with its structure
 *   (same name, same fields), in the success response of another operation of the group;
 * - array query parameters ("Array of strings" in a Query Parameters table);
 * - more error statuses (409, 429) with the error body.
 *
 * Deterministic for a seed (its own forked generator); the truth is what the manual documents.
 */
import type { Api, Field, TypeRef } from '../model.ts';
import { Rng } from '../rng.ts';

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function hasStruct(t: TypeRef): boolean {
  return (t.kind === 'object' && !!t.struct && t.fields.length > 0) || (t.kind === 'array' && !!t.items && hasStruct(t.items));
}

export function enrichRest(api: Api): Api {
  const rng = new Rng(api.seed).fork('huawei-enrich');
  const out = clone(api);
  const snake = out.operations.some((o) => [...(o.body ?? []), ...o.responses.flatMap((r) => r.fields)].some((f) => f.name.includes('_')));
  const spell = (words: string[]) => (snake ? words.join('_') : words[0] + words.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join(''));
  for (const op of out.operations) {
    const ok = op.responses.find((r) => r.status < 300 && r.fields.length);
    // A structure of another operation of the group, documented again here.
    const donors = out.operations.filter((o) => o !== op && o.group === op.group).flatMap((o) => o.responses.filter((r) => r.status < 300).flatMap((r) => r.fields.filter((f) => hasStruct(f.type))));
    if (ok && donors.length && rng.chance(0.4)) {
      const f = clone(rng.pick(donors));
      if (!ok.fields.some((x) => x.name === f.name)) ok.fields.push(f);
    }
    // An array query parameter on lists.
    if (op.method === 'GET' && !/\}$/.test(op.path) && rng.chance(0.3)) {
      const name = spell(rng.pick([['ids'], ['tags'], ['status', 'list'], ['names']]));
      if (!op.params.some((p) => p.name === name)) {
        const p: Field = { name, in: 'query', type: { kind: 'array', items: { kind: 'primitive', name: 'string' } }, required: false, language: 'en', description: ['Filter by these values. Separate multiple values with commas.'], example: '["a","b"]' };
        op.params.push(p);
      }
    }
    // More error statuses.
    const err = op.responses.find((r) => r.status >= 400);
    for (const [status, text] of [[409, 'Conflict'], [429, 'Too Many Requests']] as const) {
      if (err && rng.chance(0.15) && !op.responses.some((r) => r.status === status)) {
        op.responses.push({ status, description: text, fields: clone(err.fields) });
      }
    }
    op.responses.sort((a, b) => a.status - b.status);
  }
  return out;
}
