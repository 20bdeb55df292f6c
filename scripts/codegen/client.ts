/**
 * generated/<api>/client.ts: createClient(options) with one typed method per operation. The
 * methods call the generated builders; signing, retries and errors live in runtime/.
 */
import { StructureKind, VariableDeclarationKind, type StatementStructures, type JSDocStructure, type OptionalKind } from 'ts-morph';
import type { ApiInfo } from './model.ts';
import { commentText } from './escape.ts';
import { literalOf } from './literal.ts';
import { tsBanner } from './banner.ts';
import { codegenProject } from './project.ts';
import { descriptorName, inputParams, inputTypeName, outputTypeName } from './builders.ts';

function docs(...parts: (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const text = parts.filter((p): p is string => !!p && !!p.trim()).map(commentText).join('\n\n');
  return text ? [{ description: text }] : [];
}

/** Parameters the client fills from its options (ClientInput makes them optional). */
const CLIENT_FILLED = new Set(['project_id', 'RegionId']);

function hasRequiredClientInput(op: ApiInfo['operations'][number]): boolean {
  return inputParams(op).some((p) => p.required && !CLIENT_FILLED.has(p.name)) || (op.body?.required ?? false);
}

export function generateClient(api: ApiInfo, specPath: string): string {
  const project = codegenProject();
  const file = project.createSourceFile('client.ts', '', { overwrite: true });
  const alibaba = api.kind === 'alibaba-rpc';
  const optionsType = alibaba ? 'AlibabaClientOptions' : 'HuaweiClientOptions';
  const coreFn = alibaba ? 'createAlibabaCore' : 'createHuaweiCore';
  const statements: (string | StatementStructures)[] = [];
  statements.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: './runtime/client-core.ts',
    namedImports: [coreFn, `type ${optionsType}`, 'type ApiDefaults', 'type CallOptions', 'type ClientInput'],
  });
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './builders.ts', namespaceImport: 'b' });
  statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/http.ts', namedExports: ['ApiError'] });
  statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/request.ts', namedExports: ['BuildError'] });
  statements.push({
    kind: StructureKind.TypeAlias,
    name: 'ClientOptions',
    isExported: true,
    type: optionsType,
    docs: docs(
      alibaba
        ? 'credentials ({ accessKeyId, accessKeySecret } or ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET), region (default RegionId) or endpoint, fetch, timeoutMs, retries.'
        : 'credentials ({ ak, sk, projectId } / { token } or HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_PROJECT_ID), region (fills {region} of the endpoint) or endpoint, fetch, timeoutMs, retries.',
    ),
  });
  const defaults: Record<string, unknown> = { server: api.server };
  if (alibaba && api.rpcSigning) defaults.rpc = api.rpcSigning;
  if (!alibaba && api.tokenHeader) defaults.tokenHeader = api.tokenHeader;
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs('Server and signing settings read from the spec.'),
    declarations: [{ name: 'apiDefaults', type: 'ApiDefaults', initializer: literalOf(defaults) }],
  });
  statements.push({
    kind: StructureKind.Interface,
    name: 'Client',
    isExported: true,
    docs: docs(`${api.title} ${api.version}: one method per operation.`),
    methods: api.operations.map((op) => ({
      name: op.fnName,
      docs: docs(op.summary, op.deprecated ? '@deprecated' : undefined, `${op.method} ${op.specPath}`),
      parameters: [
        { name: 'input', type: `ClientInput<b.${inputTypeName(op)}>`, hasQuestionToken: !hasRequiredClientInput(op) },
        { name: 'init', type: 'CallOptions', hasQuestionToken: true },
      ],
      returnType: `Promise<b.${outputTypeName(op)}>`,
    })),
  });
  const members = api.operations.map(
    (op) =>
      `${op.fnName}: (input, init) => core.call(b.${descriptorName(op)}, b.${op.fnName}, input ?? {}, init) as Promise<b.${outputTypeName(op)}>,`,
  );
  statements.push({
    kind: StructureKind.Function,
    name: 'createClient',
    isExported: true,
    docs: docs(`Create a ${api.title} client.`),
    parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
    returnType: 'Client',
    statements: [`const core = ${coreFn}(options, apiDefaults);`, `return {\n${members.join('\n')}\n};`],
  });
  file.addStatements(statements);
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  return `${tsBanner(specPath)}${file.getFullText()}`;
}
