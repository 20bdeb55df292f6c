/**
 * generated/<api>/builders.ts: one pure function per operation, typed input -> BuiltRequest
 * { method, url, headers, body }. Built with ts-morph structures; document text only reaches the
 * output through commentText (JSDoc) and stringLiteral / propertyKey (literals, keys).
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures, type JSDocStructure, type OptionalKind } from 'ts-morph';
import type { ApiInfo, OperationInfo, ParamInfo } from './model.ts';
import { commentText } from './escape.ts';
import { propertyKey, schemaType } from './typetext.ts';
import { literalOf } from './literal.ts';
import { tsBanner } from './banner.ts';
import { codegenProject } from './project.ts';

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

function docs(...parts: (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const text = parts.filter((p): p is string => !!p && !!p.trim()).map(commentText).join('\n\n');
  return text ? [{ description: text }] : [];
}

function paramType(p: ParamInfo): string {
  if (p.style === 'json') {
    // JSON-string parameter: pass the value (serialised by the builder) or ready-made JSON text.
    const t = p.inputSchema ? schemaType(p.inputSchema) : 'unknown';
    return t === 'string' || t === 'unknown' ? 'unknown' : `${t} | string`;
  }
  return schemaType(p.schema);
}

export function descriptorOf(api: ApiInfo, op: OperationInfo): Record<string, unknown> {
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.wirePath,
    style: api.kind === 'alibaba-rpc' ? 'rpc' : 'rest',
    params: op.params.map((p) => ({ name: p.name, in: p.in, required: p.required, style: p.style, ...(p.const !== undefined ? { const: p.const } : {}) })),
    ...(op.body ? { body: { contentType: op.body.contentType, required: op.body.required } } : {}),
  };
}

function outputType(op: OperationInfo): string {
  if (!op.success || !op.success.hasSchema) return 'unknown';
  const status = /^\d+$/.test(op.success.status) ? op.success.status : JSON.stringify(op.success.status);
  return `operations[${JSON.stringify(op.operationId)}]["responses"][${status}]["content"][${JSON.stringify(op.success.contentType)}]`;
}

export function generateBuilders(api: ApiInfo, specPath: string): string {
  const project = codegenProject();
  const file = project.createSourceFile('builders.ts', '', { overwrite: true });
  const statements: (string | StatementStructures)[] = [];
  const usesComponents = api.operations.some((op) => inputParams(op).some((p) => /components\[/.test(paramType(p))) || (op.body?.schema && /components\[/.test(schemaType(op.body.schema))));
  const typeImports = [...(usesComponents ? ['components'] : []), 'operations'];
  statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './schema.ts', namedImports: typeImports });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/request.ts', namedImports: ['buildRequest'] });
  statements.push({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier: './runtime/types.ts',
    namedImports: ['BuildOptions', 'BuiltRequest', 'OperationDescriptor'],
  });
  statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/types.ts', namedExports: ['BuildOptions', 'BuiltRequest', 'OperationDescriptor'] });
  for (const op of api.operations) {
    const props = inputParams(op).map((p) => ({
      name: propertyKey(p.name),
      hasQuestionToken: !p.required,
      type: paramType(p),
      docs: docs(p.description, p.style !== 'plain' ? `Sent as ${p.style === 'json' ? 'a JSON string' : p.style === 'repeat-list' ? 'a repeat list (Name.1, Name.2 …)' : 'flattened Name.Key pairs'}.` : undefined),
    }));
    if (op.body) {
      props.push({
        name: 'body',
        hasQuestionToken: !op.body.required,
        type: op.body.schema ? schemaType(op.body.schema) : 'unknown',
        docs: docs(op.body.description ?? `Request body (${op.body.contentType}).`),
      });
    }
    statements.push({
      kind: StructureKind.Interface,
      name: inputTypeName(op),
      isExported: true,
      docs: docs(`Input of ${op.operationId}.`),
      properties: props,
    });
    statements.push({
      kind: StructureKind.TypeAlias,
      name: outputTypeName(op),
      isExported: true,
      type: outputType(op),
      docs: docs(`Success response of ${op.operationId}${op.success ? ` (HTTP ${op.success.status})` : ''}.`),
    });
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs(`Wire description of ${op.operationId}.`),
      declarations: [{ name: descriptorName(op), type: 'OperationDescriptor', initializer: literalOf(descriptorOf(api, op)) }],
    });
    const optionalInput = !hasRequiredInput(op);
    statements.push({
      kind: StructureKind.Function,
      name: op.fnName,
      isExported: true,
      docs: docs(op.summary, op.description, op.deprecated ? '@deprecated' : undefined, `${op.method} ${op.specPath}`),
      parameters: [
        { name: 'input', type: inputTypeName(op), ...(optionalInput ? { initializer: '{}' } : {}) },
        { name: 'options', type: 'BuildOptions', initializer: '{}' },
      ],
      returnType: 'BuiltRequest',
      statements: [`return buildRequest(${descriptorName(op)}, input as unknown as Record<string, unknown>, options);`],
    });
  }
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs('Every operation descriptor by operationId.'),
    declarations: [
      {
        name: 'operationDescriptors',
        type: 'Readonly<Record<string, OperationDescriptor>>',
        initializer: `{\n${api.operations.map((op) => `  ${propertyKey(op.operationId)}: ${descriptorName(op)},`).join('\n')}\n}`,
      },
    ],
  });
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs('Every builder by operationId.'),
    declarations: [
      {
        name: 'builders',
        initializer: `{\n${api.operations.map((op) => `  ${propertyKey(op.operationId)}: ${op.fnName},`).join('\n')}\n}`,
      },
    ],
  });
  file.addStatements(statements);
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  return `${tsBanner(specPath)}${file.getFullText()}`;
}
