/**
 * generated/<api>/docs/reference.md from templates/docs/{reference,operation}.md: one section per
 * operation with its parameters, body, responses and the manual's examples. Document text is
 * escaped for Markdown (no raw HTML, no stray emphasis/code); samples go in fences that cannot be
 * closed by their content.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiInfo, OperationInfo, ParamInfo } from './model.ts';
import { markdownFence, markdownText, spellBidi } from './escape.ts';
import { fill } from './template.ts';
import { TEMPLATES_DIR } from './runtime.ts';
import { markupBanner } from './banner.ts';
import { builderInputText, decodeRpcSample } from './samples.ts';
import { schemaType } from './typetext.ts';

function cell(text: string | undefined): string {
  return text ? markdownText(text) : '';
}

function code(text: string): string {
  // Inline code: a span delimited by more backticks than it contains; content stays literal.
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\|/g, '\\|').replace(/\n/g, ' ')}${pad}${ticks}`;
}

function typeLabel(p: ParamInfo): string {
  const t = schemaType(p.style === 'json' ? (p.inputSchema ?? p.schema) : p.schema).replace(/components\["schemas"\]\["([^"]+)"\]/g, '$1');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

function paramTable(op: OperationInfo): string {
  const rows = op.params.map((p) => {
    const how = p.const !== undefined ? `fixed: ${code(p.const)}` : p.style === 'plain' ? '' : p.style;
    return `| ${code(p.name)} | ${p.in} | ${code(typeLabel(p))} | ${p.required ? 'yes' : 'no'} | ${how} | ${cell(p.description)} |`;
  });
  if (!rows.length) return 'None.';
  return ['| Name | In | Type | Required | Wire form | Description |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function bodySection(op: OperationInfo): string {
  if (!op.body) return '';
  const t = op.body.schema ? schemaType(op.body.schema).replace(/components\["schemas"\]\["([^"]+)"\]/g, '$1') : 'unknown';
  return `### Request body\n\n${code(op.body.contentType)}, ${op.body.required ? 'required' : 'optional'}, type ${code(t)} (input property \`body\`). ${cell(op.body.description)}`.trim();
}

function responsesSection(op: OperationInfo): string {
  if (!op.responses.length) return 'None documented.';
  return op.responses.map((r) => `- **${markdownText(r.status)}**: ${cell(r.description)}`).join('\n');
}

function json(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function examplesSection(api: ApiInfo, op: OperationInfo): string {
  const parts: string[] = [];
  for (const s of op.requestSamples) {
    parts.push(`Sample request ${code(s.name)}${typeof s.line === 'number' ? ` (manual line ${s.line})` : ''}:`);
    if (s.raw) parts.push(markdownFence(s.raw, 'text'));
    else if (s.parameters?.length) parts.push(markdownFence(s.parameters.map((x) => `${x.name}=${x.value}`).join('\n'), 'text'));
    else if (s.method || s.path) parts.push(markdownFence(`${s.method ?? ''} ${s.path ?? ''}`.trim(), 'text'));
    const builderInput = s.parameters?.length ? builderInputText(op, decodeRpcSample(op, s, api.signingParams)) : undefined;
    if (builderInput) parts.push('The same request with the builder:', markdownFence(`${op.fnName}(${builderInput})`, 'ts'));
  }
  for (const e of op.body?.examples ?? []) {
    parts.push(`Request body ${code(e.name)}:`, markdownFence(json(e.value), 'json'));
    // REST: the call that sends this body (path parameters as placeholders).
    const input: Record<string, unknown> = {};
    for (const p of op.params) if (p.in === 'path') input[p.name] = `{${p.name}}`;
    input.body = e.value;
    parts.push('With the builder:', markdownFence(`${op.fnName}(${JSON.stringify(input, null, 2)})`, 'ts'));
  }
  for (const r of op.responses) {
    for (const { contentType, example } of r.examples) {
      parts.push(`Response ${markdownText(r.status)} ${code(contentType)} ${code(example.name)}:`, markdownFence(json(example.value), /json/.test(contentType) ? 'json' : /xml/.test(contentType) ? 'xml' : 'text'));
    }
  }
  return parts.length ? parts.join('\n\n') : 'None in the manual.';
}

export async function generateMarkdown(api: ApiInfo, specPath: string): Promise<string> {
  const page = await readFile(join(TEMPLATES_DIR, 'docs', 'reference.md'), 'utf8');
  const section = await readFile(join(TEMPLATES_DIR, 'docs', 'operation.md'), 'utf8');
  const anchor = (id: string): string => id.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const ops = api.operations.map((op) =>
    fill(
      section,
      {
        operationId: markdownText(op.operationId),
        summary: cell(op.summary),
        description: op.description && op.description !== op.summary ? cell(op.description) : '',
        request: code(`${op.method} ${op.specPath}`),
        fnName: op.fnName,
        source: op.source ? ` · manual: ${code(op.source)}` : '',
        parameters: paramTable(op),
        body: bodySection(op),
        responses: responsesSection(op),
        examples: examplesSection(api, op),
      },
      'templates/docs/operation.md',
    ),
  );
  const first = api.operations[0];
  const region = api.server.variables.region;
  const envHint =
    api.kind === 'alibaba-rpc'
      ? '// credentials: { credentials: { accessKeyId, accessKeySecret } } or ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET'
      : api.kind === 'huawei-rest'
        ? '// credentials: { credentials: { ak, sk, projectId } | { token, projectId } } or HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_PROJECT_ID'
        : `// credentials: { auth: { ${api.securitySchemes.map((s) => s.name).join(', ') || '(the spec declares no security scheme)'} } } (the spec's security schemes)`;
  const usage = first
    ? markdownFence(
        `import { createClient } from './client.ts';\n\n${envHint}\nconst client = createClient(${region ? `{ region: ${JSON.stringify(region)} }` : ''});\nconst result = await client.${first.fnName}(/* ${first.fnName[0].toUpperCase()}${first.fnName.slice(1)}Input */);`,
        'ts',
      )
    : '';
  const body = fill(
    page,
    {
      title: markdownText(api.title),
      description: cell(api.description),
      version: api.version.replace(/`/g, ''),
      style: api.kind === 'alibaba-rpc' ? 'RPC (Alibaba Cloud signature, HMAC-SHA1)' : api.kind === 'huawei-rest' ? 'REST (Huawei Cloud token or AK/SK signature)' : 'REST',
      endpoint: code(api.server.url || '(none)'),
      count: String(api.operations.length),
      usage,
      toc: api.operations.map((op) => `- [${markdownText(op.operationId)}](#${anchor(op.operationId)}) — ${cell(op.summary)}`).join('\n'),
      operations: ops.map((o) => o.trim()).join('\n\n'),
    },
    'templates/docs/reference.md',
  );
  // No raw bidi control anywhere in the page (prose, tables or samples): spelled out as \u202e.
  return spellBidi(`${markupBanner(specPath, api.fromManual)}\n${body.trimEnd()}\n`);
}
