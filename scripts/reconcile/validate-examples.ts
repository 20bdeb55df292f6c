import { SchemaValidator } from './validate.ts';
import type { Diagnostic, SourceRef } from '../model/diagnostic.ts';
import { diag } from '../model/diagnostic.ts';

type Obj = Record<string, unknown>;

export interface ExampleCheck {
  pointer: string;
  operationId: string;
  status: string;
  valid: boolean;
  errors: string[];
}

/**
 * Validate every JSON response example of an OpenAPI 3.1 document against its schema (JSON Schema
 * 2020-12 semantics for the subset refspec emits; see validate.ts — the tests check it agrees
 * with ajv). Returns one check per example plus a diagnostic for each invalid one, located at the
 * example's document line via the source map.
 */
export function validateResponseExamples(
  doc: Obj,
  sourceOf: (pointer: string) => SourceRef | undefined,
  fallback: SourceRef,
): { checks: ExampleCheck[]; diagnostics: Diagnostic[] } {
  const components = ((doc.components as Obj | undefined)?.schemas ?? {}) as Obj;
  const validator = new SchemaValidator(components);
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
          for (const [name, ex] of Object.entries(m.examples as Obj)) {
            const pointer = `#/paths/${esc(path)}/${method}/responses/${status}/content/${esc(type)}/examples/${esc(name)}`;
            const found = validator.validate(m.schema, (ex as Obj).value);
            const ok = found.length === 0;
            const errors = ok
              ? []
              : found.map((e) => {
                  // Where the schema says otherwise: the table row the failing keyword came from.
                  const at = schemaSource(doc, m.schema as Obj, e.instancePath, sourceOf);
                  return `${e.instancePath || '/'} ${e.message}${at ? ` (documented at line ${at.line})` : ''}`;
                });
            checks.push({ pointer, operationId: String(operation.operationId), status, valid: ok, errors });
            if (!ok) {
              diagnostics.push(
                diag(
                  'example-invalid',
                  'warning',
                  `${operation.operationId} ${status} sample response does not match the schema: ${errors.slice(0, 3).join('; ')}`,
                  sourceOf(pointer) ?? fallback,
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
function schemaSource(doc: Obj, root: Obj, instancePath: string, sourceOf: (pointer: string) => SourceRef | undefined): SourceRef | undefined {
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
      found = sourceOf(pointer) ?? found;
    } else break;
    resolve();
  }
  return found;
}

function esc(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

