/**
 * Identifiers for generated code from document names (operationIds, method + path). Words are
 * the ASCII letter/digit runs of the name; the result is never a reserved word, never an
 * Object.prototype member and never starts with a digit.
 */

/** ECMAScript reserved words, strict-mode reserved words and names strict code cannot bind. */
export const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this',
  'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package',
  'private', 'protected', 'public', 'await', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
]);

export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A safe PascalCase identifier from any name. */
export function typeName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let out = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (!out) out = 'Operation';
  if (/^[0-9]/.test(out)) out = `Op${out}`;
  return out;
}

/**
 * A safe lowerCamel function / method name from any name. A leading run of capitals is one word:
 * `GET_DescribeThings` → `getDescribeThings`, `HTTPServer` → `httpServer`, `ID` → `id`.
 */
export function fnName(name: string): string {
  const t = typeName(name);
  const run = /^[A-Z]+/.exec(t)?.[0] ?? '';
  const lower = run.length > 1 && /^[a-z]/.test(t.slice(run.length)) ? run.length - 1 : Math.max(run.length, 1);
  const out = t.slice(0, lower).toLowerCase() + t.slice(lower);
  // Nor an Object.prototype member: a client method `toString` would make String(client) call the API.
  return RESERVED.has(out) || out in Object.prototype ? `${out}Op` : out;
}
