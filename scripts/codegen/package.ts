/**
 * The files that make generated/<api>/ a package: package.json (name and version from the API,
 * ESM `exports` with `types` and `import` conditions pointing at the built JavaScript and
 * declarations in dist/, `sideEffects: false`, no runtime dependencies), the tsconfig.json its
 * `build` script runs (`tsc -p tsconfig.json`: plain `tsc --strict`, NodeNext), a README generated
 * from the spec (install, credentials, one call, retries, errors, link to the docs) and a
 * .gitignore for the build output. The static parts live in templates/sdk/; what comes from the
 * document is escaped for its place (JSON by JSON.stringify, Markdown by plainText / codeSpan /
 * fences, code by tsLiteral).
 *
 * Version scheme (monotonic when either the API version or the manual's document version grows):
 *
 *   <API version as semver>[-doc.<document version as numbers>]
 *
 * `2020-01-11` (a date) → `2020.1.11`; `v1` → `1.0.0`; `1.2` → `1.2.0`; a semver stays as it is
 * (build metadata dropped). The document version, when the spec came from a manual, becomes
 * prerelease identifiers: a date first (`20220712`, `Issue 01, 2025-05-28` → `20250528.1`), then
 * any other numbers. So `2020.1.11-doc.20220712` < `2020.1.11-doc.20230301` (new manual, same API)
 * < `2021.x.y-doc.…` (new API version). An API version that is not a version (`latest`) gives
 * `0.0.0` and an info diagnostic. npm publishes a prerelease only with an explicit dist-tag
 * (`npm publish --tag latest`), which the README says.
 */
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import type { ApiInfo, OperationInfo, SchemeInfo } from './model.ts';
import { TEMPLATES_DIR } from './runtime.ts';
import { bannerText, markupBanner } from './banner.ts';
import { fill } from './template.ts';
import { codeSpan, plainText } from './docs-text.ts';
import { markdownFence } from './escape.ts';
import { builderExample, tsLiteral } from './samples.ts';
import { inputParams } from './builders.ts';
import { CLIENT_FILLED, credentialHow } from './client.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

const MAX_NAME = 214;

/** A valid npm package name (lower case, URL-safe, no leading dot or underscore, not a Node built-in). */
export function isValidPackageName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME && /^[a-z0-9][a-z0-9._~-]*$/.test(name) && !isBuiltin(name) && name !== 'node_modules' && name !== 'favicon.ico';
}

/** Lower-case ASCII words joined by `-`: `Alibaba Cloud Service Mesh (ASM) API` → `alibaba-cloud-service-mesh-asm-api`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME - '-client'.length)
    .replace(/-+$/, '');
}

/**
 * The package name: the name given (the config's `generated` folder name for regen), else
 * `<vendor>-<service>` from `info.x-refspec-source` (specs refspec built), else the title, else
 * `openapi-client`. A slug that is a Node built-in (`http`) gets `-client`.
 */
export function packageName(doc: Obj, given?: string): string {
  const info = isObj(doc.info) ? doc.info : {};
  const source = isObj(info['x-refspec-source']) ? info['x-refspec-source'] : {};
  const candidates = [
    given,
    typeof source.vendor === 'string' && typeof source.service === 'string' ? `${source.vendor} ${source.service}` : undefined,
    typeof info.title === 'string' ? info.title : undefined,
  ];
  for (const c of candidates) {
    if (!c) continue;
    const slug = slugify(c);
    if (!slug) continue;
    return isValidPackageName(slug) ? slug : `${slug}-client`;
  }
  return 'openapi-client';
}

/** Numeric semver identifiers of a document version: a date first (YYYYMMDD), then the other numbers. */
export function documentVersionIds(documentVersion: string): number[] {
  const date = /(\d{4})-(\d{1,2})-(\d{1,2})|\b(\d{4})(\d{2})(\d{2})\b/.exec(documentVersion);
  const ids: number[] = [];
  let rest = documentVersion;
  if (date) {
    const [y, m, d] = date[1] ? [date[1], date[2], date[3]] : [date[4], date[5], date[6]];
    ids.push(Number(`${y}${m.padStart(2, '0')}${d.padStart(2, '0')}`));
    rest = documentVersion.slice(0, date.index) + ' ' + documentVersion.slice(date.index + date[0].length);
  }
  for (const m of rest.matchAll(/\d+/g)) if (m[0].length <= 15) ids.push(Number(m[0]));
  return ids;
}

/** `<API version as semver>[-doc.<ids>]`; `fallback` when the API version is not a version. */
export function packageVersion(apiVersion: string, documentVersion?: string): { version: string; fallback: boolean } {
  const v = apiVersion.trim();
  let core: string;
  let pre: string[] = [];
  let fallback = false;
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const semver = /^v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/i.exec(v);
  if (date) core = `${Number(date[1])}.${Number(date[2])}.${Number(date[3])}`;
  else if (semver) {
    core = `${semver[1]}.${semver[2] ?? 0}.${semver[3] ?? 0}`;
    // Numeric prerelease identifiers may not have leading zeros.
    if (semver[4]) pre = semver[4].split('.').map((id) => (/^\d+$/.test(id) ? String(Number(id)) : id));
  } else {
    core = '0.0.0';
    fallback = true;
  }
  const ids = documentVersion ? documentVersionIds(documentVersion) : [];
  if (ids.length) pre = [...pre, 'doc', ...ids.map(String)];
  return { version: pre.length ? `${core}-${pre.join('.')}` : core, fallback };
}

/** The files packageFiles writes; `refspec generate` refuses to replace one that refspec did not write. */
export const PACKAGE_FILES = ['.gitignore', 'README.md', 'package.json', 'tsconfig.json'] as const;

/** Whether an existing file was written by refspec (its banner), so regenerating may replace it. */
export function writtenByRefspec(text: string): boolean {
  return text.slice(0, 600).includes('Generated by refspec from ');
}

export interface PackageOptions {
  specPath: string;
  /** Package name to use (regen: the config's `generated` name). */
  packageName?: string;
  /** Whether docs/reference.html is part of the output. */
  html: boolean;
}

/** The operation the README calls: a GET with the fewest required inputs (document order on ties), else the first. */
function exampleOperation(ops: OperationInfo[]): OperationInfo | undefined {
  const required = (op: OperationInfo) => inputParams(op).filter((p) => p.required).length + (op.body?.required ? 1 : 0);
  const gets = ops.filter((o) => o.method.toUpperCase() === 'GET');
  const pool = gets.length ? gets : ops;
  return pool.reduce<OperationInfo | undefined>((best, op) => (!best || required(op) < required(best) ? op : best), undefined);
}

/** A placeholder credential of the type the client takes for a scheme. */
function placeholderCredential(s: SchemeInfo): unknown {
  return s.type === 'http' && s.scheme.toLowerCase() === 'basic' ? { username: '<username>', password: '<password>' } : `<${s.type === 'apiKey' ? 'api key' : 'token'}>`;
}

/** The schemes of the first security requirement that applies to `op` (operation's own, else the document's). */
function schemesFor(api: ApiInfo, op: OperationInfo | undefined): SchemeInfo[] {
  const reqs = op?.security ?? api.security ?? [];
  const usable = (names: string[]) => names.map((n) => api.securitySchemes.find((s) => s.name === n)).filter((s): s is SchemeInfo => !!s && !!credentialHow(s));
  for (const r of reqs) {
    const found = usable(r);
    if (found.length && found.length === r.length) return found;
  }
  return [];
}

function credentialsSection(api: ApiInfo, op: OperationInfo | undefined): { text: string; options: Obj } {
  if (api.kind === 'alibaba-rpc') {
    return {
      text: [
        'Requests are signed with the RPC signature the spec names (`x-refspec-signing`). Credentials come from',
        '`createClient({ credentials: { accessKeyId, accessKeySecret, securityToken? } })`, else from the',
        'environment: `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and, for STS tokens,',
        '`ALIBABA_CLOUD_SECURITY_TOKEN`. `region` fills `RegionId`; `endpoint` replaces the spec\'s server.',
        'Signing parameter names follow the signature protocol; `signing: { … }` overrides one.',
      ].join('\n'),
      options: {},
    };
  }
  if (api.kind === 'huawei-rest') {
    return {
      text: [
        'Requests are signed with AK/SK (SDK-HMAC-SHA256) as the spec names (`x-refspec-signing`), or carry',
        'an IAM token. Credentials come from `createClient({ credentials: { ak, sk, projectId } })` or',
        '`{ credentials: { token, projectId } }`, else from the environment: `HUAWEICLOUD_SDK_AK`,',
        '`HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_PROJECT_ID` (or `HUAWEICLOUD_SDK_AUTH_TOKEN`).',
        '`projectId` fills `project_id`; `region` fills `{region}` of the endpoint; `endpoint` replaces it.',
      ].join('\n'),
      options: api.server.variables.region ? { region: api.server.variables.region } : {},
    };
  }
  const schemes = api.securitySchemes.filter((s) => credentialHow(s));
  if (!schemes.length) return { text: 'The spec defines no security scheme: the client sends no credentials.', options: {} };
  const lines = [
    'Credentials go in `auth`, by the name of the spec\'s security scheme: a value, or a function that',
    'gives it for each request (a token that expires). An operation uses the first of its security',
    'requirements whose schemes all have credentials. No environment variables are read.',
    '',
    ...schemes.map((s) => `- ${codeSpan(s.name)}: ${plainText(credentialHow(s)!)}`),
  ];
  const used = schemesFor(api, op);
  return { text: lines.join('\n'), options: used.length ? { auth: Object.fromEntries(used.map((s) => [s.name, placeholderCredential(s)])) } : {} };
}

function usageSection(api: ApiInfo, name: string, op: OperationInfo | undefined, options: Obj): string {
  if (!op) return 'The spec defines no operations.';
  const ex = builderExample(op, {}, { deref: (v) => {
    const r = api.deref(v);
    return isObj(r) ? r : undefined;
  } });
  // The vendor clients fill these from their options (region, credentials' project).
  if (api.kind !== 'rest') {
    for (const k of ex.filled.filter((k) => CLIENT_FILLED.has(k))) delete ex.input[k];
    ex.filled = ex.filled.filter((k) => !CLIENT_FILLED.has(k));
  }
  const args = Object.keys(ex.input).length ? tsLiteral(ex.input) : '';
  const code = [
    `import { createClient, ApiError } from ${JSON.stringify(name)};`,
    '',
    `const client = createClient(${Object.keys(options).length ? tsLiteral({ ...options, retries: 2, timeoutMs: 10_000 }) : tsLiteral({ retries: 2, timeoutMs: 10_000 })});`,
    '',
    'try {',
    `  const result = await client.${op.fnName}(${args.replace(/\n/g, '\n  ')});`,
    '  console.log(result);',
    '} catch (err) {',
    '  if (!(err instanceof ApiError)) throw err;',
    '  console.error(err.status, err.code, err.requestId, err.message);',
    '}',
  ].join('\n');
  const summary = op.summary?.trim().replace(/[.:;,]+$/, '');
  const what = `${codeSpan(op.operationId)} (${codeSpan(`${op.method.toUpperCase()} ${op.specPath}`)})${summary ? `: ${plainText(summary)}` : ''}`;
  const filled = ex.filled.length ? ` Required inputs the document gives no value for are filled from its examples, enums or types: ${ex.filled.map(codeSpan).join(', ')}.` : '';
  return `Calling ${what}.${filled}\n\n${markdownFence(code, 'ts')}`;
}

export async function packageFiles(api: ApiInfo, opts: PackageOptions): Promise<{ files: Map<string, string>; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const dir = join(TEMPLATES_DIR, 'sdk');
  const info = isObj(api.doc.info) ? api.doc.info : {};
  const source = isObj(info['x-refspec-source']) ? info['x-refspec-source'] : {};
  const documentVersion = typeof source.documentVersion === 'string' || typeof source.documentVersion === 'number' ? String(source.documentVersion) : undefined;
  const name = packageName(api.doc, opts.packageName);
  const { version, fallback } = packageVersion(api.version, documentVersion);
  if (fallback) {
    diagnostics.push(diag('package-version-fallback', 'info', `info.version ${JSON.stringify(api.version)} is not a version; the package is versioned ${version}`, { file: opts.specPath, line: 1 }));
  }

  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Obj;
  const license = isObj(info.license) && typeof info.license.identifier === 'string' ? info.license.identifier : undefined;
  const description = `TypeScript client for ${api.title || name}${api.version ? ` ${api.version}` : ''}, generated by refspec from ${opts.specPath}`;
  const head: Obj = { '//': bannerText(opts.specPath, api.fromManual), name, version, description: description.replace(/\s+/g, ' ') };
  if (license) head.license = license;
  const packageJson = `${JSON.stringify({ ...head, ...pkg }, null, 2)}\n`;

  const tsconfig = `// ${bannerText(opts.specPath, api.fromManual)}\n${await readFile(join(dir, 'tsconfig.json'), 'utf8')}`;
  const gitignore = `# ${bannerText(opts.specPath, api.fromManual)}\n${await readFile(join(dir, 'gitignore'), 'utf8')}`;

  const op = exampleOperation(api.operations);
  const creds = credentialsSection(api, op);
  const versionLine = [
    `${codeSpan(version)}: API version ${codeSpan(api.version || '(none)')}`,
    documentVersion ? `, manual document version ${codeSpan(documentVersion)}` : '',
    '.',
  ].join('');
  const readme = fill(
    await readFile(join(dir, 'README.md'), 'utf8'),
    {
      name,
      title: plainText(api.title || name),
      spec: codeSpan(opts.specPath),
      version: versionLine,
      credentials: creds.text,
      usage: usageSection(api, name, op, creds.options),
      html: opts.html ? ' and [docs/reference.html](docs/reference.html), a self-contained page to host (kept next to the sources, not packed)' : '',
      regenerate: api.fromManual ? 'change the manual or the generator and run `npm run regen`' : 'change the spec and run `refspec generate` again',
    },
    'templates/sdk/README.md',
  );
  const files = new Map<string, string>([
    ['.gitignore', gitignore],
    ['README.md', `${markupBanner(opts.specPath, api.fromManual)}\n${readme.trimEnd()}\n`],
    ['package.json', packageJson],
    ['tsconfig.json', tsconfig],
  ]);
  return { files, diagnostics };
}
