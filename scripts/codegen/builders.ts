/**
 * generated/<api>/builders.ts: one pure function per operation, typed input -> BuiltRequest
 * { method, url, headers, body }. Built as TypeScript syntax trees (ast.ts); document text only
 * reaches the output through JSDoc (commentText) and string-literal nodes.
 *
 * Input types: a parameter or body whose schema is evident (a named component, a primitive, an
 * enum) is typed directly; every other one is taken from schema.ts by indexed access
 * (`NonNullable<operations["X"]["parameters"]["query"]>["q"]`), so builders and schema.ts agree.
 */
import type * as TS from 'typescript';
import type { ApiInfo, BodyInfo, OperationInfo, ParamInfo } from './model.ts';
import { constDecl, exportFrom, exportMod, f, id, importDecl, indexed, keyword, literal, printGroups, propName, typeRef, withDocs, ts } from './ast.ts';
import { schemaTypeNode, simpleType } from './typetext.ts';
import { tsBanner } from './banner.ts';

export function inputTypeName(op: OperationInfo): string {
  return `${op.fnName[0].toUpperCase()}${op.fnName.slice(1)}Input`;
}
export function outputTypeName(op: OperationInfo): string {
  return `${op.fnName[0].toUpperCase()}${op.fnName.slice(1)}Output`;
}
export function descriptorName(op: OperationInfo): string {
  return `${op.fnName}Operation`;
}

/** Parameters the caller supplies (constants are filled in by the builder). */
export function inputParams(op: OperationInfo): ParamInfo[] {
  return op.params.filter((p) => p.const === undefined);
}

export function hasRequiredInput(op: OperationInfo): boolean {
  return inputParams(op).some((p) => p.required) || (op.body?.required ?? false);
}

const operation = (op: OperationInfo) => indexed(typeRef('operations'), op.operationId);
const nonNull = (t: TS.TypeNode) => typeRef('NonNullable', [t]);

function paramType(op: OperationInfo, p: ParamInfo): TS.TypeNode {
  if (p.style === 'json' && !p.content) {
    // JSON-string parameter: pass the value (serialised by the builder) or ready-made JSON text.
    const t = p.inputSchema ? schemaTypeNode(p.inputSchema) : keyword('unknown');
    return t.kind === ts.SyntaxKind.StringKeyword || t.kind === ts.SyntaxKind.UnknownKeyword ? keyword('unknown') : f.createUnionTypeNode([t, keyword('string')]);
  }
  return simpleType(p.rawSchema) ?? indexed(nonNull(indexed(operation(op), 'parameters', p.in)), p.name);
}

function bodyType(op: OperationInfo, body: BodyInfo): TS.TypeNode {
  if (body.kind === 'text') return keyword('string');
  if (body.kind === 'binary') return typeRef('BinaryBody');
  const t = !body.schema ? keyword('unknown') : (simpleType(body.schema) ?? indexed(nonNull(indexed(operation(op), 'requestBody')), 'content', body.contentType));
  return body.kind === 'multipart' ? typeRef('MultipartBody', [t]) : t;
}

function outputType(op: OperationInfo): TS.TypeNode {
  const s = op.success;
  if (!s) return keyword('unknown');
  if (s.kind === 'text') return keyword('string');
  if (s.kind === 'binary') return typeRef('Blob');
  if (s.kind !== 'json' || !s.hasSchema) return keyword('unknown');
  const status = /^\d+$/.test(s.status) ? Number(s.status) : s.status;
  return indexed(operation(op), 'responses', status, 'content', s.contentType);
}

export function descriptorOf(api: ApiInfo, op: OperationInfo): Record<string, unknown> {
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.wirePath,
    style: api.kind === 'alibaba-rpc' ? 'rpc' : 'rest',
    params: op.params.map((p) => ({
      name: p.name,
      ...(p.key !== p.name ? { key: p.key } : {}),
      in: p.in,
      required: p.required,
      style: p.style,
      ...(p.explode !== undefined ? { explode: p.explode } : {}),
      ...(p.allowReserved ? { allowReserved: true } : {}),
      ...(p.const !== undefined ? { const: p.const } : {}),
    })),
    ...(op.body ? { body: { contentType: op.body.contentType, required: op.body.required, ...(op.body.encoding ? { encoding: op.body.encoding } : {}) } } : {}),
    // REST clients of any API say which answer they read; the vendor clients keep their requests as they were.
    ...(api.kind === 'rest' && op.success ? { accept: op.success.contentType } : {}),
    ...(op.servers ? { servers: op.servers } : {}),
    ...(api.kind === 'rest' && op.security ? { security: op.security } : {}),
  };
}

function paramDocs(op: OperationInfo, p: ParamInfo): (string | undefined)[] {
  const wire =
    p.style === 'json'
      ? 'Sent as a JSON string.'
      : p.style === 'repeat-list'
        ? 'Sent as a repeat list (Name.1, Name.2 …).'
        : p.style === 'flat'
          ? 'Sent as flattened Name.Key pairs.'
          : p.style !== 'plain'
            ? `Sent in ${p.style} style${p.explode ? ' (exploded)' : ''}.`
            : undefined;
  const renamed = p.key !== p.name ? `The ${p.in} parameter "${p.name}" (another parameter${op.body && p.name === 'body' ? ' or the body' : ''} has the same name).` : undefined;
  return [p.description, renamed, p.in === 'cookie' ? `Sent as the cookie "${p.name}".` : undefined, wire];
}

/** Which schema.ts / runtime names a type tree uses. */
function referenced(nodes: TS.Node[]): Set<string> {
  const out = new Set<string>();
  const visit = (n: TS.Node): void => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName)) out.add(n.typeName.text);
    ts.forEachChild(n, visit);
  };
  for (const n of nodes) visit(n);
  return out;
}

export function generateBuilders(api: ApiInfo, specPath: string): string {
  const body: TS.Statement[][] = [];
  const servers = constDecl('apiServers', f.createTypeOperatorNode(ts.SyntaxKind.ReadonlyKeyword, f.createArrayTypeNode(typeRef('ServerInfo'))), literal(api.servers));
  body.push([withDocs(servers, "The document's servers: without `endpoint` a builder's URL starts with the first (or with the operation's own).")]);
  const types: TS.Node[] = [];
  for (const op of api.operations) {
    const props = inputParams(op).map((p) => {
      const t = paramType(op, p);
      types.push(t);
      return withDocs(f.createPropertySignature(undefined, propName(p.key), p.required ? undefined : f.createToken(ts.SyntaxKind.QuestionToken), t), ...paramDocs(op, p));
    });
    if (op.body) {
      const t = bodyType(op, op.body);
      types.push(t);
      const how =
        op.body.kind === 'multipart'
          ? 'Sent as multipart/form-data: files as Blob / File.'
          : op.body.kind === 'binary'
            ? 'Sent as bytes: a Blob / File, an ArrayBuffer / Uint8Array or a string.'
            : undefined;
      const others = op.body.alternatives.length ? `The operation also accepts ${op.body.alternatives.join(', ')}; the builder sends ${op.body.contentType}.` : undefined;
      props.push(withDocs(f.createPropertySignature(undefined, id('body'), op.body.required ? undefined : f.createToken(ts.SyntaxKind.QuestionToken), t), op.body.description ?? `Request body (${op.body.contentType}).`, how, others));
    }
    const out = outputType(op);
    types.push(out);
    const optionalInput = !hasRequiredInput(op);
    const fn = f.createFunctionDeclaration(
      exportMod(),
      undefined,
      op.fnName,
      undefined,
      [
        f.createParameterDeclaration(undefined, undefined, 'input', undefined, typeRef(inputTypeName(op)), optionalInput ? f.createObjectLiteralExpression() : undefined),
        f.createParameterDeclaration(undefined, undefined, 'options', undefined, typeRef('BuildOptions'), f.createObjectLiteralExpression()),
      ],
      typeRef('BuiltRequest'),
      f.createBlock(
        [
          f.createReturnStatement(
            f.createCallExpression(id('buildRequest'), undefined, [
              id(descriptorName(op)),
              f.createAsExpression(f.createAsExpression(id('input'), keyword('unknown')), typeRef('Record', [keyword('string'), keyword('unknown')])),
              id('options'),
              id('apiServers'),
            ]),
          ),
        ],
        true,
      ),
    );
    body.push([
      withDocs(f.createInterfaceDeclaration(exportMod(), inputTypeName(op), undefined, undefined, props), `Input of ${op.operationId}.`),
      withDocs(f.createTypeAliasDeclaration(exportMod(), outputTypeName(op), undefined, out), `Success response of ${op.operationId}${op.success ? ` (HTTP ${op.success.status}${op.success.kind !== 'json' ? `, ${op.success.contentType}` : ''})` : ''}.`),
      withDocs(constDecl(descriptorName(op), typeRef('OperationDescriptor'), literal(descriptorOf(api, op))), `Wire description of ${op.operationId}.`),
    ]);
    body.push([withDocs(fn, op.summary, op.description, op.deprecated ? '@deprecated' : undefined, `${op.method} ${op.specPath}`)]);
  }
  const byId = (value: (op: OperationInfo) => TS.Expression) =>
    f.createObjectLiteralExpression(f.createNodeArray(api.operations.map((op) => f.createPropertyAssignment(propName(op.operationId), value(op))), api.operations.length > 0), api.operations.length > 0);
  body.push([
    withDocs(
      constDecl('operationDescriptors', typeRef('Readonly', [typeRef('Record', [keyword('string'), typeRef('OperationDescriptor')])]), byId((op) => id(descriptorName(op)))),
      'Every operation descriptor by operationId.',
    ),
  ]);
  body.push([withDocs(constDecl('builders', undefined, byId((op) => id(op.fnName))), 'Every builder by operationId.')]);

  const used = referenced(types);
  const schemaImports = ['components', 'operations'].filter((n) => used.has(n));
  const runtimeTypes = ['BinaryBody', 'BuildOptions', 'BuiltRequest', 'MultipartBody', 'OperationDescriptor', 'ServerInfo'].filter((n) => used.has(n) || ['BuildOptions', 'BuiltRequest', 'OperationDescriptor', 'ServerInfo'].includes(n));
  const head: TS.Statement[] = [
    ...(schemaImports.length ? [importDecl(schemaImports, './schema.js', true)] : []),
    importDecl(['buildRequest'], './runtime/request.js'),
    importDecl(runtimeTypes, './runtime/types.js', true),
    exportFrom(['BuildOptions', 'BuiltRequest', 'OperationDescriptor', 'ServerInfo'], './runtime/types.js', true),
  ];
  return `${tsBanner(specPath, api.fromManual)}${printGroups([head, ...body])}`;
}
