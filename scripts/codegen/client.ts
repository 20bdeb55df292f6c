/**
 * generated/<api>/client.ts: createClient(options) with one typed method per operation. The
 * methods call the generated builders; authentication, signing, retries and errors live in runtime/.
 *
 * Any API gets a client authenticated from its own security schemes (`auth: { <scheme>: … }`,
 * typed per scheme); a spec whose security scheme names a vendor signing in `x-refspec-signing`
 * gets that vendor's client (credentials, environment variables, region).
 */
import type * as TS from 'typescript';
import type { ApiInfo, OperationInfo, SchemeInfo } from './model.ts';
import { constDecl, exportFrom, exportMod, f, id, importDecl, keyword, literal, printGroups, propName, typeRef, withDocs, ts } from './ast.ts';
import { tsBanner } from './banner.ts';
import { descriptorName, hasRequiredInput, inputParams, inputTypeName, outputTypeName } from './builders.ts';

/** Parameters the vendor clients fill from their options (ClientInput makes them optional). */
export const CLIENT_FILLED: ReadonlySet<string> = new Set(['project_id', 'RegionId']);

function hasRequiredClientInput(api: ApiInfo, op: OperationInfo): boolean {
  if (api.kind === 'rest') return hasRequiredInput(op);
  return inputParams(op).some((p) => p.required && !CLIENT_FILLED.has(p.key)) || (op.body?.required ?? false);
}

function schemeDescriptor(s: SchemeInfo): Record<string, string> | undefined {
  if (s.type === 'apiKey') return { type: 'apiKey', in: s.in, name: s.paramName };
  if (s.type === 'http') return { type: 'http', scheme: s.scheme };
  if (s.type === 'oauth2' || s.type === 'openIdConnect') return { type: s.type };
  return undefined;
}

/** The credential type and how it is sent, per scheme. */
function credential(s: SchemeInfo): { type: TS.TypeNode; how: string } | undefined {
  const str = keyword('string');
  switch (s.type) {
    case 'apiKey':
      return { type: str, how: `API key, sent as the ${s.in === 'header' ? 'header' : s.in === 'query' ? 'query parameter' : 'cookie'} "${s.paramName}".` };
    case 'http':
      if (s.scheme.toLowerCase() === 'basic') {
        return {
          type: f.createTypeLiteralNode([
            f.createPropertySignature(undefined, 'username', undefined, str),
            f.createPropertySignature(undefined, 'password', undefined, str),
          ]),
          how: 'HTTP basic: { username, password }, sent as Authorization: Basic ….',
        };
      }
      if (s.scheme.toLowerCase() === 'bearer') return { type: str, how: `Bearer token${s.bearerFormat ? ` (${s.bearerFormat})` : ''}, sent as Authorization: Bearer <token>.` };
      return { type: str, how: `Credentials of the HTTP "${s.scheme}" scheme, sent as Authorization: ${s.scheme} <credentials>.` };
    case 'oauth2':
    case 'openIdConnect':
      return { type: str, how: `${s.type === 'oauth2' ? 'OAuth 2.0' : 'OpenID Connect'} access token obtained by the caller, sent as Authorization: Bearer <token>.` };
    default:
      return undefined;
  }
}

/** How the client sends a credential of this scheme, or undefined when it cannot (mutual TLS). */
export function credentialHow(s: SchemeInfo): string | undefined {
  return credential(s)?.how;
}

export function generateClient(api: ApiInfo, specPath: string): string {
  const vendor = api.kind !== 'rest';
  const alibaba = api.kind === 'alibaba-rpc';
  const optionsType = alibaba ? 'AlibabaClientOptions' : vendor ? 'HuaweiClientOptions' : 'RestClientOptions';
  const coreFn = alibaba ? 'createAlibabaCore' : vendor ? 'createHuaweiCore' : 'createRestCore';
  const schemes = vendor ? [] : api.securitySchemes.filter((s) => credential(s));
  const core = vendor ? './runtime/client-core.js' : './runtime/rest-core.js';
  const head: TS.Statement[] = [
    importDecl([coreFn], core),
    importDecl([optionsType, 'ApiDefaults', 'CallOptions', ...(vendor ? ['ClientInput'] : []), ...(schemes.length ? ['Credential'] : [])], core, true),
    f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamespaceImport(id('b'))), f.createStringLiteral('./builders.js')),
    exportFrom(['ApiError'], './runtime/http.js'),
    exportFrom(['BuildError'], './runtime/request.js'),
  ];
  const options: TS.Statement[] = [];
  if (vendor) {
    options.push(
      withDocs(
        f.createTypeAliasDeclaration(exportMod(), 'ClientOptions', undefined, typeRef(optionsType)),
        alibaba
          ? 'credentials ({ accessKeyId, accessKeySecret } or ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET), region (default RegionId) or endpoint, fetch, timeoutMs, retries.'
          : 'credentials ({ ak, sk, projectId } / { token } or HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_PROJECT_ID), region (fills {region} of the endpoint) or endpoint, fetch, timeoutMs, retries.',
      ),
    );
  } else {
    if (schemes.length) {
      options.push(
        withDocs(
          // A type literal, not an interface: it must fit the runtime's Record of credentials.
          f.createTypeAliasDeclaration(
            exportMod(),
            'ClientAuth',
            undefined,
            f.createTypeLiteralNode(
              schemes.map((s) => {
                const c = credential(s)!;
                return withDocs(f.createPropertySignature(undefined, propName(s.name), f.createToken(ts.SyntaxKind.QuestionToken), typeRef('Credential', [c.type])), s.description, c.how);
              }),
            ),
          ),
          'Credentials by security scheme of the spec: a value, or a function giving it for each request. An operation uses the first of its security requirements whose schemes all have a credential.',
        ),
      );
    }
    const authMember = schemes.length
      ? [withDocs(f.createPropertySignature(undefined, 'auth', f.createToken(ts.SyntaxKind.QuestionToken), typeRef('ClientAuth')), 'Credentials for the security schemes.')]
      : [];
    options.push(
      withDocs(
        f.createInterfaceDeclaration(exportMod(), 'ClientOptions', undefined, [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(id('Omit'), [typeRef(optionsType), f.createLiteralTypeNode(f.createStringLiteral('auth'))])])], authMember),
        `endpoint (replaces the spec's servers) or serverVariables, ${schemes.length ? 'auth, ' : ''}headers, fetch, timeoutMs, retries.`,
      ),
    );
  }
  const defaults: Record<string, unknown> = { servers: api.servers };
  if (alibaba && api.rpcSigning) defaults.rpc = api.rpcSigning;
  if (vendor && !alibaba && api.tokenHeader) defaults.tokenHeader = api.tokenHeader;
  if (!vendor) {
    const descriptors = Object.fromEntries(api.securitySchemes.map((s) => [s.name, schemeDescriptor(s)]).filter(([, d]) => d));
    if (Object.keys(descriptors).length) defaults.securitySchemes = descriptors;
    if (api.security) defaults.security = api.security;
  }
  options.push(withDocs(constDecl('apiDefaults', typeRef('ApiDefaults'), literal(defaults)), vendor ? 'Server and signing settings read from the spec.' : 'Servers and security read from the spec.'));

  const inputOf = (op: OperationInfo) => (vendor ? typeRef('ClientInput', [typeRef(`b.${inputTypeName(op)}`)]) : typeRef(`b.${inputTypeName(op)}`));
  const client = withDocs(
    f.createInterfaceDeclaration(
      exportMod(),
      'Client',
      undefined,
      undefined,
      api.operations.map((op) =>
        withDocs(
          f.createMethodSignature(
            undefined,
            op.fnName,
            undefined,
            undefined,
            [
              f.createParameterDeclaration(undefined, undefined, 'input', hasRequiredClientInput(api, op) ? undefined : f.createToken(ts.SyntaxKind.QuestionToken), inputOf(op)),
              f.createParameterDeclaration(undefined, undefined, 'init', f.createToken(ts.SyntaxKind.QuestionToken), typeRef('CallOptions')),
            ],
            typeRef('Promise', [typeRef(`b.${outputTypeName(op)}`)]),
          ),
          op.summary,
          op.deprecated ? '@deprecated' : undefined,
          `${op.method} ${op.specPath}`,
        ),
      ),
    ),
    `${api.title} ${api.version}: one method per operation.`,
  );
  const members = api.operations.map((op) =>
    f.createPropertyAssignment(
      op.fnName,
      f.createArrowFunction(
        undefined,
        undefined,
        [f.createParameterDeclaration(undefined, undefined, 'input'), f.createParameterDeclaration(undefined, undefined, 'init')],
        undefined,
        f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
        f.createAsExpression(
          f.createCallExpression(f.createPropertyAccessExpression(id('core'), 'call'), undefined, [
            f.createPropertyAccessExpression(id('b'), descriptorName(op)),
            f.createPropertyAccessExpression(id('b'), op.fnName),
            f.createBinaryExpression(id('input'), ts.SyntaxKind.QuestionQuestionToken, f.createObjectLiteralExpression()),
            id('init'),
          ]),
          typeRef('Promise', [typeRef(`b.${outputTypeName(op)}`)]),
        ),
      ),
    ),
  );
  const create = withDocs(
    f.createFunctionDeclaration(
      exportMod(),
      undefined,
      'createClient',
      undefined,
      [f.createParameterDeclaration(undefined, undefined, 'options', undefined, typeRef('ClientOptions'), f.createObjectLiteralExpression())],
      typeRef('Client'),
      f.createBlock(
        [
          constDecl('core', undefined, f.createCallExpression(id(coreFn), undefined, [id('options'), id('apiDefaults')]), false),
          f.createReturnStatement(f.createObjectLiteralExpression(f.createNodeArray(members, members.length > 0), true)),
        ],
        true,
      ),
    ),
    `Create a ${api.title} client.`,
  );
  return `${tsBanner(specPath, api.fromManual)}${printGroups([head, options, [client], [create]])}`;
}
