import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Diagnostic, SourceRef } from '../model/diagnostic.ts';
import { diag } from '../model/diagnostic.ts';

type Obj = Record<string, unknown>;

const SPEC_ID = 'refspec:spec';

export interface ExampleCheck {
  pointer: string;
  operationId: string;
  status: string;
  valid: boolean;
  errors: string[];
}

/**
 * Validate every JSON response example of an OpenAPI 3.1 document against its schema (ajv, draft
 * 2020-12). Returns one check per example plus a diagnostic for each invalid one, located at the
 * example's document line via the source map.
 */
export function validateResponseExamples(
  doc: Obj,
  sourceMap: Record<string, SourceRef>,
  fallback: SourceRef,
): { checks: ExampleCheck[]; diagnostics: Diagnostic[] } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addVocabulary(['example', 'xml', 'discriminator', 'externalDocs']);
  for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
  const components = (doc.components as Obj | undefined)?.schemas as Obj | undefined;
  // Compile the components once; each response schema then only references them.
  ajv.addSchema({ $id: SPEC_ID, $defs: rewriteRefs(components ?? {}) as Obj });
  const checks: ExampleCheck[] = [];
  const diagnostics: Diagnostic[] = [];
  const paths = (doc.paths ?? {}) as Obj;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item as Obj)) {
      const operation = op as Obj;
      const responses = (operation.responses ?? {}) as Obj;
      for (const [status, resp] of Object.entries(responses)) {
        const content = ((resp as Obj).content ?? {}) as Obj;
        for (const [type, media] of Object.entries(content)) {
          if (!/json/.test(type)) continue;
          const m = media as Obj;
          if (!m.schema || !m.examples) continue;
          const schema = rewriteRefs(m.schema) as Obj;
          let validate;
          try {
            validate = ajv.compile(schema);
          } catch (err) {
            diagnostics.push(diag('schema-uncompilable', 'error', `${operation.operationId} ${status}: ${(err as Error).message}`, fallback));
            continue;
          }
          for (const [name, ex] of Object.entries(m.examples as Obj)) {
            const pointer = `#/paths/${esc(path)}/${method}/responses/${status}/content/${esc(type)}/examples/${esc(name)}`;
            const ok = validate((ex as Obj).value) as boolean;
            const errors = ok
              ? []
              : (validate.errors ?? []).map((e) => {
                  // Where the schema says otherwise: the table row the failing keyword came from.
                  const at = schemaSource(doc, m.schema as Obj, e.instancePath, sourceMap);
                  return `${e.instancePath || '/'} ${e.message}${at ? ` (documented at line ${at.line})` : ''}`;
                });
            checks.push({ pointer, operationId: String(operation.operationId), status, valid: ok, errors });
            if (!ok) {
              diagnostics.push(
                diag(
                  'example-invalid',
                  'warning',
                  `${operation.operationId} ${status} sample response does not match the schema: ${errors.slice(0, 3).join('; ')}`,
                  sourceMap[pointer] ?? fallback,
                ),
              );
            }
          }
        }
      }
    }
  }
  return { checks, diagnostics };
}

/** Follow an instance path (/A/0/B) through the spec's schemas to the documented field's source. */
function schemaSource(doc: Obj, root: Obj, instancePath: string, sourceMap: Record<string, SourceRef>): SourceRef | undefined {
  const schemas = ((doc.components as Obj | undefined)?.schemas ?? {}) as Obj;
  let pointer = '';
  let cur: Obj | undefined = root;
  const resolve = () => {
    for (let i = 0; i < 32 && cur && typeof cur.$ref === 'string'; i++) {
      const name = (cur.$ref as string).replace('#/components/schemas/', '');
      pointer = `#/components/schemas/${name}`;
      cur = schemas[name.replace(/~1/g, '/').replace(/~0/g, '~')] as Obj | undefined;
    }
  };
  resolve();
  let found: SourceRef | undefined;
  for (const seg of instancePath.split('/').slice(1)) {
    if (!cur) break;
    if (/^\d+$/.test(seg) && cur.items) {
      pointer += '/items';
      cur = cur.items as Obj;
    } else if ((cur.properties as Obj | undefined)?.[seg]) {
      pointer += `/properties/${esc(seg)}`;
      cur = (cur.properties as Obj)[seg] as Obj;
      found = sourceMap[pointer] ?? found;
    } else break;
    resolve();
  }
  return found;
}

function esc(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function rewriteRefs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (v && typeof v === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v as Obj)) {
      out[k] = k === '$ref' && typeof x === 'string' ? x.replace('#/components/schemas/', `${SPEC_ID}#/$defs/`) : rewriteRefs(x);
    }
    return out;
  }
  return v;
}
