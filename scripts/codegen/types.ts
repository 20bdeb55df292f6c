/**
 * generated/<api>/schema.ts: the spec's types via openapi-typescript's programmatic API
 * (openapiTS + astToString). openapi-typescript escapes comment text itself (`*\/`); the test
 * suite checks that with hostile descriptions.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { tsBanner } from './banner.ts';
import { spellBidi } from './escape.ts';

type Obj = Record<string, unknown>;

export async function generateTypes(doc: Obj, specPath: string): Promise<string> {
  // openapi-typescript validates with redocly; a deep copy keeps our document untouched.
  const copy = JSON.parse(JSON.stringify(doc)) as Obj;
  const ast = await openapiTS(copy as never, { silent: true, alphabetize: false });
  // Bidi controls / line separators only occur in comments and string literals: spell them as \uXXXX.
  const text = spellBidi(astToString(ast)).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  return `${tsBanner(specPath)}${text}`;
}
