/**
 * generated/<api>/schema.ts: the spec's types via openapi-typescript's programmatic API
 * (openapiTS + astToString). openapi-typescript escapes comment text itself (`*\/`); the test
 * suite checks that with hostile descriptions.
 *
 * It gets the document load.ts prepared (bundled, operationIds present and unique) and a Redocly
 * configuration without lint rules: openapi-typescript otherwise lints with Redocly's "minimal"
 * set and refuses documents with structural slips that do not stop it from typing them.
 */
import { createRequire } from 'node:module';
import type * as OpenapiTypescript from 'openapi-typescript';
import { tsBanner } from './banner.ts';
import { spellBidi } from './escape.ts';
import { redocly } from './redocly.ts';

// Its CommonJS build: that way it requires TypeScript as CommonJS too, without the ES-module
// export scan of a 9 MB file (see ast.ts).
const { default: openapiTS, astToString } = createRequire(import.meta.url)('openapi-typescript') as typeof OpenapiTypescript;

type Obj = Record<string, unknown>;

let configPromise: Promise<unknown> | undefined;
/** openapi-typescript's `redocly` option expects a config of the Redocly copy it loads (redocly.ts). */
function otsRedoclyConfig(): Promise<unknown> {
  configPromise ??= redocly.createConfig({ rules: {} }, { extends: [] } as never);
  return configPromise;
}

export async function generateTypes(doc: Obj, specPath: string, fromManual = true): Promise<string> {
  // openapi-typescript bundles in place; a copy keeps our document untouched.
  const copy = structuredClone(doc);
  const ast = await openapiTS(copy as never, { silent: true, alphabetize: false, redocly: (await otsRedoclyConfig()) as never });
  // Bidi controls / line separators only occur in comments and string literals: spell them as \uXXXX.
  const text = spellBidi(astToString(ast)).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  return `${tsBanner(specPath, fromManual)}${text}`;
}
