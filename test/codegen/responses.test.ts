/**
 * Every JSON sample response of the manuals (a) type-checks as the generated response type
 * (`tsc --strict` over a file assigning each sample to `operations[op]["responses"][status]…`,
 * object literals so excess properties count) and (b) validates against the spec's schema (ajv,
 * JSON Schema 2020-12).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { apiConfigs, generateInto, specOf, typecheck, writeArtifact, type Generated } from './helpers.ts';
import { stringLiteral } from '../../scripts/codegen/escape.ts';
import { RESPONSE_DOCUMENT_ERRORS } from './document-errors.ts';

type Obj = Record<string, unknown>;
const cleanups: Generated[] = [];
afterAll(async () => {
  for (const g of cleanups) await g.cleanup();
});

interface Sample {
  key: string;
  operationId: string;
  status: string;
  contentType: string;
  name: string;
  value: unknown;
  schema: Obj | undefined;
}

function collect(doc: Obj): Sample[] {
  const out: Sample[] = [];
  for (const item of Object.values((doc.paths ?? {}) as Obj)) {
    for (const op of Object.values(item as Obj)) {
      const o = op as Obj;
      if (!o || typeof o !== 'object' || !o.responses) continue;
      for (const [status, r] of Object.entries(o.responses as Obj)) {
        for (const [ct, m] of Object.entries(((r as Obj).content ?? {}) as Obj)) {
          if (!/json/.test(ct)) continue;
          for (const [name, ex] of Object.entries(((m as Obj).examples ?? {}) as Obj)) {
            out.push({ key: `${o.operationId}/${status}/${name}`, operationId: String(o.operationId), status, contentType: ct, name, value: (ex as Obj).value, schema: (m as Obj).schema as Obj | undefined });
          }
        }
      }
    }
  }
  return out;
}

function validator(doc: Obj) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'spec', components: (doc.components ?? {}) as Obj }, 'spec');
  return (schema: Obj) => ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/')));
}

const apis = await apiConfigs();

describe.each(apis.map((a) => ({ name: a.name, api: a })))('sample responses of $name', ({ api }) => {
  it('deserialise into the generated types and validate against the spec', async () => {
    const { doc } = await specOf(api);
    const g = await generateInto(doc, `responses-${api.generated}`);
    cleanups.push(g);
    const samples = collect(doc);
    const lines = ["import type { operations } from './schema.ts';", ''];
    const lineOf = new Map<number, string>();
    samples.forEach((s, i) => {
      if (!s.schema) return;
      const status = /^\d+$/.test(s.status) ? s.status : stringLiteral(s.status);
      lineOf.set(lines.length + 1, s.key);
      lines.push(`export const sample${i}: operations[${stringLiteral(s.operationId)}]["responses"][${status}]["content"][${stringLiteral(s.contentType)}] = ${JSON.stringify(s.value)};`);
    });
    const file = join(g.dir, 'responses-check.ts');
    await writeFile(file, `${lines.join('\n')}\n`);
    const typeErrors = new Map<string, string>();
    for (const d of typecheck([file])) {
      const m = /responses-check\.ts:(\d+) (.*)/s.exec(d);
      const key = m ? lineOf.get(Number(m[1])) : undefined;
      if (key) typeErrors.set(key, m![2].split('\n')[0]);
      else typeErrors.set(`(unattributed) ${d.slice(0, 80)}`, d);
    }
    const compile = validator(doc);
    const schemaErrors = new Map<string, string>();
    // A sample whose only disagreements are JSON types (an object printed where the table says
    // "Array of …", a number where it says String) contradicts the manual's own table: a
    // document inconsistency, explained by rule. Anything else needs a written explanation.
    const typeOnly = new Set<string>();
    for (const s of samples) {
      if (!s.schema) {
        schemaErrors.set(s.key, 'no schema for this response');
        continue;
      }
      const v = compile(s.schema);
      if (!v(s.value)) {
        const errs = v.errors ?? [];
        schemaErrors.set(s.key, errs.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '));
        const sameText = (e: (typeof errs)[number]) =>
          e.keyword === 'enum' && (e.params as { allowedValues?: unknown[] }).allowedValues?.map(String).includes(String(e.data));
        if (errs.every((e) => e.keyword === 'type' || sameText(e))) typeOnly.add(s.key);
      }
    }
    const typed = samples.filter((s) => !typeErrors.has(s.key)).length;
    const valid = samples.filter((s) => !schemaErrors.has(s.key)).length;
    // The generated types are faithful to the spec: a sample type-checks exactly when it validates.
    const disagree = samples
      .filter((s) => s.schema && typeErrors.has(s.key) !== schemaErrors.has(s.key))
      .map((s) => `${s.key}: tsc ${typeErrors.get(s.key) ?? 'ok'} / ajv ${schemaErrors.get(s.key) ?? 'ok'}`);
    // Samples that match neither are spec/manual mismatches: explained as manual errors, or
    // reported by the pipeline itself (reconcile diagnostics in spec/<name>.report.md).
    const mismatches = [...schemaErrors.keys()].filter((k) => !RESPONSE_DOCUMENT_ERRORS[k] && !typeOnly.has(k));
    console.log(`responses ${api.name}: ${samples.length} JSON sample responses; ${typed} type-check as the generated types; ${valid} validate against the spec`);
    await writeArtifact(
      `responses-${api.generated}.json`,
      `${JSON.stringify({ api: api.name, samples: samples.length, typed, valid, documentTypeInconsistencies: [...typeOnly], typeErrors: Object.fromEntries(typeErrors), schemaErrors: Object.fromEntries(schemaErrors) }, null, 2)}\n`,
    );
    if (typeOnly.size) console.log(`responses ${api.name}: ${typeOnly.size} samples print values whose JSON type contradicts the manual's own table (document inconsistency): ${[...typeOnly].join(', ')}`);
    if (mismatches.length) console.log(`responses ${api.name}: unexplained: ${mismatches.map((k) => `${k} (${schemaErrors.get(k)})`).join(', ')}`);
    expect(mismatches).toEqual([]);
    expect(disagree).toEqual([]);
    expect([...typeErrors.keys()].filter((k) => k.startsWith('(unattributed)'))).toEqual([]);
    if (g.api.kind === 'alibaba-rpc') expect(samples.length).toBeGreaterThan(0);
  });
});
