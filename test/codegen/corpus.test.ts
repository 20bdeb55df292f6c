/**
 * Public OpenAPI documents nobody here wrote: the collection in @readme/oas-examples (MIT; 3.0 and
 * 3.1 documents made to exercise OpenAPI tooling: parameter styles, security, uploads, circular
 * references, discriminators, callbacks, webhooks, server variables …). Each one is generated
 * (no HTML), every builder is called with the smallest input its schema allows, the client is
 * created, and all the TypeScript passes `tsc --strict`.
 *
 * CI runs a representative subset (bounded in time); `REFSPEC_CORPUS=all` runs every document, and
 * `REFSPEC_CORPUS_DIR=<folder>` adds the .json / .yaml documents of another folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load, CORE_SCHEMA } from 'js-yaml';
import { ROOT, generateInto, typecheck, writeArtifact, type Generated } from './helpers.ts';
import type { OperationInfo, ParamInfo } from '../../scripts/codegen/model.ts';

type Obj = Record<string, unknown>;

const PACKAGE = join(ROOT, 'node_modules', '@readme', 'oas-examples');
/** Chosen to cover every feature the collection has, at a fraction of the time. */
const SUBSET = new Set([
  '3.0/json/petstore.json',
  '3.0/json/parameters-style.json',
  '3.0/json/parameters-common.json',
  '3.0/json/parameters-cookies.json',
  '3.0/json/schema-types.json',
  '3.0/json/schema-encoding-style.json',
  '3.0/json/file-uploads.json',
  '3.0/json/form-data.json',
  '3.0/json/security.json',
  '3.0/json/security-multiple.json',
  '3.0/json/server-variables.json',
  '3.0/json/server-path-level.json',
  '3.0/json/circular-paths.json',
  '3.0/json/discriminators.json',
  '3.0/json/callbacks.json',
  '3.0/json/response-multiple-mediatypes.json',
  '3.0/json/complex-nesting.json',
  '3.1/json/webhooks.json',
  '3.1/json/train-travel.json',
  '3.1/json/schema-types.json',
]);

function documents(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...documents(p));
    else if (/\.(json|ya?ml)$/.test(name) && !name.startsWith('tsconfig')) out.push(p);
  }
  return out;
}

const all = process.env.REFSPEC_CORPUS === 'all';
const corpus = [
  ...['3.0/json', '3.1/json'].flatMap((d) => documents(join(PACKAGE, d))).filter((f) => all || SUBSET.has(relative(PACKAGE, f))),
  ...(process.env.REFSPEC_CORPUS_DIR ? documents(process.env.REFSPEC_CORPUS_DIR) : []),
];

/** The smallest value a parameter's schema allows. */
function sample(p: ParamInfo): unknown {
  const s = p.schema;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'integer' || t === 'number') return 1;
  if (t === 'boolean') return true;
  if (t === 'array') return ['x'];
  if (t === 'object' || p.style === 'json' || p.style === 'deepObject') return { k: 'v' };
  return 'x';
}

function inputFor(op: OperationInfo): Obj {
  const input: Obj = {};
  for (const p of op.params) if (p.required && p.const === undefined) input[p.key] = sample(p);
  if (op.body?.required) {
    const k = op.body.kind;
    input.body = k === 'text' ? 'x' : k === 'binary' ? new Blob(['x']) : k === 'json' ? (op.body.examples[0]?.value ?? {}) : {};
  }
  return input;
}

/** Operations the document declares under paths (path items behind a local $ref included). */
function countOperations(doc: Obj): number {
  const at = (ref: string): unknown => ref.replace(/^#\//, '').split('/').reduce<unknown>((o, k) => (o as Obj | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  let n = 0;
  for (const raw of Object.values((doc.paths ?? {}) as Obj)) {
    const item = (typeof (raw as Obj)?.$ref === 'string' ? at((raw as Obj).$ref as string) : raw) as Obj | undefined;
    for (const m of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) if (item && typeof item[m] === 'object') n++;
  }
  return n;
}

const made: Generated[] = [];
const tsFiles: string[] = [];
const results: { doc: string; operations: number; diagnostics: number }[] = [];
afterAll(async () => {
  for (const g of made) await g.cleanup();
});

describe(`OpenAPI corpus (${corpus.length} documents${all ? '' : ', CI subset; REFSPEC_CORPUS=all for every one'})`, () => {
  it.each(corpus.map((f) => [relative(PACKAGE, f).startsWith('..') ? f : relative(PACKAGE, f), f]))('%s generates, and every builder builds', async (name, file) => {
    const text = readFileSync(file, 'utf8');
    const doc = (file.endsWith('.json') ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA })) as Obj;
    const g = await generateInto(doc, `corpus-${made.length}`, { specPath: name });
    made.push(g);
    for (const f of g.files.keys()) if (f.endsWith('.ts')) tsFiles.push(join(g.dir, f));
    expect(g.api.operations.length).toBe(countOperations(doc));
    const { builders } = await g.import<{ builders: Record<string, (input: Obj) => { url: string } > }>('builders.ts');
    const first = g.api.servers[0]?.url ?? '';
    for (const op of g.api.operations) {
      const req = builders[op.operationId](inputFor(op));
      // With an absolute server the URL is absolute, and no template braces are left.
      if (/^https?:\/\//.test(op.servers?.[0]?.url ?? first)) expect(req.url, op.operationId).toMatch(/^https?:\/\/[^{}]+$/);
    }
    const { createClient } = await g.import<{ createClient: (o: Obj) => Record<string, unknown> }>('client.ts');
    expect(Object.keys(createClient({ endpoint: 'http://127.0.0.1:9' })).sort()).toEqual(g.api.operations.map((o) => o.fnName).sort());
    results.push({ doc: name, operations: g.api.operations.length, diagnostics: g.api.diagnostics.length });
  }, 120_000);

  it('all generated TypeScript passes tsc --strict', async () => {
    expect(tsFiles.length).toBeGreaterThan(0);
    const errors = typecheck(tsFiles);
    await writeArtifact('corpus.json', `${JSON.stringify({ documents: results.length, tscErrors: errors.length, results }, null, 2)}\n`);
    console.log(`corpus: ${results.length}/${corpus.length} documents generated, ${results.reduce((n, r) => n + r.operations, 0)} operations, ${errors.length} tsc errors`);
    expect(errors).toEqual([]);
  }, 900_000);
});
