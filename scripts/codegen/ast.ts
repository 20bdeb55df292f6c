/**
 * TypeScript syntax trees for generated code: the TypeScript compiler's own factory and printer
 * (the compiler openapi-typescript already loads for schema.ts). Document text reaches the output
 * only as string-literal nodes (the printer escapes them) and as JSDoc through `commentText`.
 *
 * Printing: non-ASCII text stays readable; bidi controls and lone surrogates are spelled as
 * `\uXXXX` afterwards (they only occur in literals, where that is the same value, and comments);
 * the printer's 4-space indentation becomes 2.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { commentText } from './escape.ts';
import { IDENTIFIER } from './names.ts';

/**
 * Loaded with require: TypeScript is CommonJS, and importing it as an ES module makes Node scan its
 * 9 MB for export names first (measured ~0.6 s of CPU per `refspec generate`).
 */
export const ts = createRequire(import.meta.url)('typescript') as typeof TS;
export const f = ts.factory;

/** `neverAsciiEscape` is an internal printer option: keep é or 中 as they are in literals. */
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false, neverAsciiEscape: true } as TS.PrinterOptions);
const scratch = ts.createSourceFile('generated.ts', '', ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function finish(text: string): string {
  return text
    .replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(LONE_SURROGATE, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/^( +)/gm, (sp) => ' '.repeat(Math.floor(sp.length / 4) * 2 + (sp.length % 4)));
}

/** Top-level statements, a blank line between groups. */
export function printGroups(groups: TS.Statement[][]): string {
  return finish(groups.map((g) => g.map((s) => printer.printNode(ts.EmitHint.Unspecified, s, scratch)).join('\n')).join('\n\n')) + '\n';
}

export function printType(node: TS.TypeNode): string {
  return finish(printer.printNode(ts.EmitHint.Unspecified, node, scratch));
}

/** Attach a JSDoc block (`/** … *\/`) built from document text; paragraphs are separated by a blank line. */
export function withDocs<T extends TS.Node>(node: T, ...parts: (string | undefined)[]): T {
  const text = parts.filter((p): p is string => !!p && !!p.trim()).map(commentText).join('\n\n');
  if (!text) return node;
  const lines = text.split('\n');
  const body = lines.length === 1 ? `* ${lines[0]} ` : `*\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, body, true);
}

export const id = (name: string) => f.createIdentifier(name);
export const exportMod = () => [f.createModifier(ts.SyntaxKind.ExportKeyword)];

/** A property name: the identifier when it is one, else a string literal. */
export function propName(name: string): TS.PropertyName {
  return IDENTIFIER.test(name) ? id(name) : f.createStringLiteral(name);
}

export function typeRef(name: string, args?: TS.TypeNode[]): TS.TypeReferenceNode {
  return f.createTypeReferenceNode(name, args);
}

export function literalType(v: string | number | boolean | null): TS.TypeNode {
  if (v === null) return f.createLiteralTypeNode(f.createNull());
  if (typeof v === 'boolean') return f.createLiteralTypeNode(v ? f.createTrue() : f.createFalse());
  if (typeof v === 'number') {
    const n = f.createNumericLiteral(Math.abs(v));
    return f.createLiteralTypeNode(v < 0 || Object.is(v, -0) ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, n) : n);
  }
  return f.createLiteralTypeNode(f.createStringLiteral(v));
}

/** `base["a"][200]…` */
export function indexed(base: TS.TypeNode, ...keys: (string | number)[]): TS.TypeNode {
  let t = base;
  for (const k of keys) t = f.createIndexedAccessTypeNode(t, typeof k === 'number' ? f.createLiteralTypeNode(f.createNumericLiteral(k)) : literalType(k));
  return t;
}

export function keyword(k: 'string' | 'number' | 'boolean' | 'unknown' | 'never' | 'undefined'): TS.TypeNode {
  const kinds = {
    string: ts.SyntaxKind.StringKeyword,
    number: ts.SyntaxKind.NumberKeyword,
    boolean: ts.SyntaxKind.BooleanKeyword,
    unknown: ts.SyntaxKind.UnknownKeyword,
    never: ts.SyntaxKind.NeverKeyword,
    undefined: ts.SyntaxKind.UndefinedKeyword,
  } as const;
  return f.createKeywordTypeNode(kinds[k]);
}

/** Plain data -> expression (objects flat on one line when short and shallow). */
export function literal(value: unknown): TS.Expression {
  if (value === undefined) return id('undefined');
  if (value === null) return f.createNull();
  if (typeof value === 'string') return f.createStringLiteral(value);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (typeof value === 'number') {
    const n = f.createNumericLiteral(Math.abs(value));
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, n) : n;
  }
  if (Array.isArray(value)) {
    const flat = value.every((v) => v === null || typeof v !== 'object') && JSON.stringify(value).length <= 80;
    const multi = value.length > 0 && !flat;
    return f.createArrayLiteralExpression(f.createNodeArray(value.map(literal), multi), multi);
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const text = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  const flat =
    entries.every(([, v]) => v === null || typeof v !== 'object') &&
    `{ ${entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${text(v)}`).join(', ')} }`.length <= 100;
  const multi = entries.length > 0 && !flat;
  return f.createObjectLiteralExpression(f.createNodeArray(entries.map(([k, v]) => f.createPropertyAssignment(propName(k), literal(v))), multi), multi);
}

export function importDecl(names: string[], from: string, typeOnly = false): TS.ImportDeclaration {
  return f.createImportDeclaration(
    undefined,
    f.createImportClause(typeOnly, undefined, f.createNamedImports(names.map((n) => f.createImportSpecifier(false, undefined, id(n))))),
    f.createStringLiteral(from),
  );
}

export function exportFrom(names: string[], from: string, typeOnly = false): TS.ExportDeclaration {
  return f.createExportDeclaration(undefined, typeOnly, f.createNamedExports(names.map((n) => f.createExportSpecifier(false, undefined, id(n)))), f.createStringLiteral(from));
}

export function constDecl(name: string, type: TS.TypeNode | undefined, init: TS.Expression, exported = true): TS.VariableStatement {
  return f.createVariableStatement(exported ? exportMod() : undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, type, init)], ts.NodeFlags.Const));
}
