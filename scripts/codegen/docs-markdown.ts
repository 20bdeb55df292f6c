/**
 * generated/<api>/docs/reference.md from templates/docs/{reference,operation}.md: the API's
 * security and the parameters every call shares (once), then one section per operation, headed by
 * its name with its summary beside it: parameters, request body and response fields (nested, with
 * types), a builder call that compiles (required inputs filled from the spec), the document's
 * samples. Descriptions are CommonMark and shown as written, with HTML, images and external links
 * neutralised (docs-text.ts); plain strings escape only what would become markup; samples go in
 * fences their content cannot close. Every operation has the stable anchor `#operation/<name>`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiInfo, OperationInfo, ParamInfo } from './model.ts';
import { htmlText, markdownFence, spellBidi } from './escape.ts';
import { fill } from './template.ts';
import { TEMPLATES_DIR } from './runtime.ts';
import { markupBanner } from './banner.ts';
import { builderExample, decodeRpcSample, tsLiteral, type BuilderExample, type ExampleSources } from './samples.ts';
import { inputParams } from './builders.ts';
import { cellCode, cellMarkdown, cellPlain, codeSpan, neutraliseMarkdown, plainText } from './docs-text.ts';
import { commonParameters, DocsDocument, fieldTable, schemaLabel, type CommonParam, type FieldTable } from './docs-document.ts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/** A Markdown description as a block of its own. */
function block(text: string | undefined): string {
  return text ? neutraliseMarkdown(text.trim()) : '';
}

/** `#operation/<name>`: the anchor of an operation in reference.md and reference.html alike. */
export function operationAnchor(name: string): string {
  return `operation/${name}`;
}

function anchorHref(name: string): string {
  return `#operation/${encodeURIComponent(name)}`;
}

function valueList(values: string[], count: number): string {
  return `${values.map(cellCode).join(', ')}${count > values.length ? `, … (${count} values)` : ''}`;
}

function facts(schema: Obj | undefined): string[] {
  if (!schema) return [];
  const out: string[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
  if (Array.isArray(schema.enum) && schema.enum.length > 1) out.push(`One of ${valueList(schema.enum.slice(0, 12).map(text), schema.enum.length)}.`);
  if (schema.default !== undefined) out.push(`Default ${cellCode(text(schema.default))}.`);
  return out;
}

/**
 * A description cell: the description and the notes are joined first and neutralised as the one
 * inline text a renderer will parse, so a lone backtick in a description cannot pair with a note's
 * code span and leave markup outside code.
 */
function descCell(description: string | undefined, ...notes: string[]): string {
  return cellMarkdown(joinCell(description?.trim() ?? '', ...notes));
}

function joinCell(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

// --- parameters ---------------------------------------------------------------------------------

const WIRE: Record<ParamInfo['style'], string> = {
  plain: '',
  json: 'Sent as a JSON string.',
  'repeat-list': 'Sent as a repeat list (`Name.1`, `Name.2` …).',
  flat: 'Sent as flattened `Name.Key` pairs.',
  form: '',
  simple: '',
  spaceDelimited: 'Items sent space-delimited.',
  pipeDelimited: 'Items sent pipe-delimited (`a|b`).',
  deepObject: 'Sent as `name[key]=value` pairs (deepObject).',
  label: 'Sent in label style (`.value`).',
  matrix: 'Sent in matrix style (`;name=value`).',
};

function fieldRowsText(dd: DocsDocument, table: FieldTable, prefix: string, cols: 'param' | 'field'): string[] {
  const rows = table.rows.map((r) => {
    const notes = [
      r.enum && r.enum.length > 1 ? `One of ${valueList(r.enum, r.enumCount ?? r.enum.length)}.` : '',
      r.default !== undefined ? `Default ${cellCode(r.default)}.` : '',
      r.recursive ? 'Same structure as an enclosing field (not repeated).' : '',
      r.deprecated ? 'Deprecated.' : '',
    ];
    const name = cellCode(prefix ? `${prefix}${r.path.startsWith('[]') ? '' : '.'}${r.path}` : r.path);
    const desc = descCell(r.description, ...notes);
    return cols === 'param' ? `| ${name} |  | ${cellCode(r.type)} | ${r.required ? 'yes' : 'no'} | ${desc} |` : `| ${name} | ${cellCode(r.type)} | ${r.required ? 'yes' : 'no'} | ${desc} |`;
  });
  if (table.truncated) rows.push(cols === 'param' ? '| … |  |  |  | More fields than this table lists; see the schema. |' : '| … |  |  | More fields than this table lists; see the schema. |');
  return rows;
}

function paramSchema(p: ParamInfo): Obj | undefined {
  return p.style === 'json' ? (p.inputSchema ?? p.schema) : p.schema;
}

function paramsTable(dd: DocsDocument, params: ParamInfo[], common: string): string {
  const rows: string[] = [];
  for (const p of params) {
    const schema = paramSchema(p);
    const target = dd.node(schema);
    const notes = [p.const !== undefined ? `Fixed: ${cellCode(p.const)} (set by the builder).` : '', WIRE[p.style], ...facts(target)];
    rows.push(`| ${cellCode(p.name)} | ${cellPlain(p.in)} | ${cellCode(schemaLabel(dd, schema))} | ${p.required ? 'yes' : 'no'} | ${descCell(p.description, ...notes)} |`);
    // Object and array parameters: their fields, nested.
    if (p.const === undefined && target && (isObj(target.properties) || isObj(target.items) || Array.isArray(target.allOf) || Array.isArray(target.oneOf) || Array.isArray(target.anyOf))) {
      rows.push(...fieldRowsText(dd, fieldTable(dd, schema), p.name, 'param'));
    }
  }
  const parts: string[] = [];
  if (rows.length) parts.push(['| Name | In | Type | Required | Description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'));
  else parts.push('None.');
  if (common) parts.push(common);
  return parts.join('\n\n');
}

function fieldsTable(dd: DocsDocument, schema: unknown): string {
  const table = fieldTable(dd, schema);
  if (!table.rows.length) return '';
  return ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...fieldRowsText(dd, table, '', 'field')].join('\n');
}

// --- bodies and responses ------------------------------------------------------------------------

interface MediaGroup {
  types: string[];
  schema: unknown;
}

/** Media types of a content map, grouped by schema (JSON and XML often share one). */
function mediaGroups(dd: DocsDocument, content: unknown): MediaGroup[] {
  const groups: MediaGroup[] = [];
  if (!isObj(content)) return groups;
  for (const [type, mediaRaw] of Object.entries(content)) {
    const media = dd.node(mediaRaw);
    const schema = media?.schema;
    const key = schema === undefined ? undefined : (dd.node(schema) ?? schema);
    const g = groups.find((x) => (x.schema === undefined ? undefined : (dd.node(x.schema) ?? x.schema)) === key);
    if (g) g.types.push(type);
    else groups.push({ types: [type], schema });
  }
  return groups;
}

function bodyText(dd: DocsDocument, groups: MediaGroup[]): string {
  const parts: string[] = [];
  for (const g of groups) {
    const types = g.types.map(codeSpan).join(', ');
    if (g.schema === undefined) {
      parts.push(`Body (${types}): no schema documented.`);
      continue;
    }
    const fields = fieldsTable(dd, g.schema);
    parts.push(`Body (${types}): ${codeSpan(schemaLabel(dd, g.schema))}${fields ? '' : '.'}`);
    if (fields) parts.push(fields);
  }
  return parts.join('\n\n');
}

function requestBodySection(dd: DocsDocument, raw: Obj): string {
  const rb = dd.node(raw.requestBody);
  if (!rb) return '';
  const head = neutraliseMarkdown(`${rb.required === true ? 'Required' : 'Optional'} (input property \`body\`).${str(rb.description) ? ` ${str(rb.description)!.trim()}` : ''}`);
  return `### Request body\n\n${[head, bodyText(dd, mediaGroups(dd, rb.content))].filter(Boolean).join('\n\n')}`;
}

function responsesSection(dd: DocsDocument, raw: Obj): string {
  const responses = dd.node(raw.responses);
  if (!responses || !Object.keys(responses).length) return 'None documented.';
  const parts: string[] = [];
  for (const [status, rRaw] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const r = dd.node(rRaw);
    const desc = str(r?.description);
    parts.push(neutraliseMarkdown(`**${plainText(status)}**${desc ? ` — ${desc.trim()}` : ''}`));
    const body = r ? bodyText(dd, mediaGroups(dd, r.content)) : '';
    if (body) parts.push(body);
  }
  return parts.join('\n\n');
}

// --- examples ------------------------------------------------------------------------------------

/**
 * An XML sample as printed, except that a line break inside a tag (a PDF wrap such as `</Ur` /
 * `l>`) is joined: a tag cannot contain a line break in the manual's intent, and the fence shows
 * every other character verbatim.
 */
export function repairXmlSample(text: string): { text: string; joined: number } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    for (let k = 0; k < 8 && i + 1 < lines.length && /<[^>]*$/.test(line); k++) {
      const next = lines[i + 1].replace(/^\s+/, '');
      // Inside a tag name (`</Ur` + `l>`) the halves join; after a space, one space stays.
      line = /[\s"']$/.test(line) ? `${line.replace(/\s+$/, '')} ${next}` : `${line}${next}`;
      joined++;
      i++;
    }
    out.push(line);
  }
  return { text: out.join('\n'), joined };
}

function sampleFence(value: unknown, contentType: string): string {
  if (typeof value === 'string') {
    if (/xml/i.test(contentType)) {
      const { text, joined } = repairXmlSample(value);
      return `${markdownFence(text, 'xml')}${joined ? `\n\n(${joined} line break${joined > 1 ? 's' : ''} inside XML tags joined.)` : ''}`;
    }
    return markdownFence(value, /json/i.test(contentType) ? 'json' : 'text');
  }
  return markdownFence(JSON.stringify(value, null, 2) ?? String(value), 'json');
}

function exampleList(dd: DocsDocument, mediaRaw: unknown): { name: string; value: unknown; note?: string }[] {
  const media = dd.node(mediaRaw);
  if (!media) return [];
  const out: { name: string; value: unknown; note?: string }[] = [];
  if (isObj(media.examples)) {
    for (const [name, exRaw] of Object.entries(media.examples)) {
      const { node, unresolved } = dd.deref(exRaw);
      if (unresolved) out.push({ name, value: undefined, note: `its reference ${codeSpan(unresolved)} cannot be resolved` });
      else if (node && 'value' in node) out.push({ name, value: node.value });
      else if (node && typeof node.externalValue === 'string') out.push({ name, value: undefined, note: `kept outside the document at ${codeSpan(node.externalValue)}` });
    }
  } else if ('example' in media) {
    out.push({ name: 'example', value: media.example });
  }
  return out;
}

function builderCall(op: OperationInfo, ex: BuilderExample): string {
  const args = Object.keys(ex.input).length ? tsLiteral(ex.input) : '';
  return markdownFence(`import { ${op.fnName} } from '../builders.js';\n\nconst request = ${op.fnName}(${args});`, 'ts');
}

function exampleNotes(ex: BuilderExample, what: string): string {
  const notes: string[] = [];
  if (ex.filled.length) notes.push(`${ex.filled.map(codeSpan).join(', ')} ${ex.filled.length > 1 ? 'are' : 'is'} required but not in ${what}: filled from the spec.`);
  if (ex.replaced.length) notes.push(`The value${ex.replaced.length > 1 ? 's' : ''} of ${ex.replaced.map(codeSpan).join(', ')} in ${what} ${ex.replaced.length > 1 ? 'do' : 'does'} not have the parameter's type: taken from the spec instead.`);
  return notes.join(' ');
}

function examplesSection(dd: DocsDocument, api: ApiInfo, op: OperationInfo, raw: Obj, src: ExampleSources): string {
  const parts: string[] = [];
  let builderShown = false;
  for (const s of op.requestSamples) {
    parts.push(`Sample request ${codeSpan(s.name)}${typeof s.line === 'number' ? ` (manual line ${s.line})` : ''}, as printed:`);
    if (s.raw) parts.push(markdownFence(s.raw, 'text'));
    else if (s.parameters?.length) parts.push(markdownFence(s.parameters.map((x) => `${x.name}=${x.value}`).join('\n'), 'text'));
    else if (s.method || s.path) parts.push(markdownFence(`${s.method ?? ''} ${s.path ?? ''}`.trim(), 'text'));
    if (s.parameters?.length) {
      const decoded = decodeRpcSample(op, s, api.signingParams);
      const names = new Set(inputParams(op).map((p) => p.name));
      const given = Object.fromEntries(Object.entries(decoded.input).filter(([k]) => names.has(k)));
      const ex = builderExample(op, given, src);
      parts.push(joinCell('The same request with the builder:', exampleNotes(ex, 'the sample')), builderCall(op, ex));
      builderShown = true;
    }
  }
  const rb = dd.node(raw.requestBody);
  const content = rb && isObj(rb.content) ? rb.content : {};
  const bodyType = op.body?.contentType;
  for (const [type, media] of Object.entries(content)) {
    for (const e of exampleList(dd, media)) {
      parts.push(`Request body ${codeSpan(e.name)} (${codeSpan(type)}):`);
      if (e.value === undefined) {
        parts.push(`Not shown: ${e.note ?? 'no value'}.`);
        continue;
      }
      parts.push(sampleFence(e.value, type));
      if (type === bodyType) {
        const ex = builderExample(op, { body: e.value }, src);
        parts.push(joinCell('With the builder:', exampleNotes(ex, 'this example')), builderCall(op, ex));
        builderShown = true;
      }
    }
  }
  if (!builderShown) parts.unshift('With the builder (required inputs filled from the spec):', builderCall(op, builderExample(op, {}, src)));
  const responses = dd.node(raw.responses) ?? {};
  for (const [status, rRaw] of Object.entries(responses)) {
    const r = dd.node(rRaw);
    if (!r || !isObj(r.content)) continue;
    for (const [type, media] of Object.entries(r.content)) {
      for (const e of exampleList(dd, media)) {
        parts.push(`Response ${plainText(status)} ${codeSpan(type)} ${codeSpan(e.name)}:`);
        parts.push(e.value === undefined ? `Not shown: ${e.note ?? 'no value'}.` : sampleFence(e.value, type));
      }
    }
  }
  return parts.join('\n\n');
}

// --- security and common parameters --------------------------------------------------------------

function schemeKind(s: Obj): string {
  switch (s.type) {
    case 'apiKey':
      return `API key in ${plainText(String(s.in ?? '?'))} ${codeSpan(String(s.name ?? '?'))}`;
    case 'http':
      return `HTTP ${codeSpan(String(s.scheme ?? '?'))} authentication${typeof s.bearerFormat === 'string' ? ` (${plainText(s.bearerFormat)})` : ''}`;
    case 'oauth2':
      return `OAuth 2.0${isObj(s.flows) ? ` (${Object.keys(s.flows).map(plainText).join(', ')})` : ''}`;
    case 'openIdConnect':
      return `OpenID Connect (${codeSpan(String(s.openIdConnectUrl ?? '?'))})`;
    case 'mutualTLS':
      return 'Mutual TLS';
    default:
      return plainText(String(s.type ?? 'unknown'));
  }
}

function signingFacts(signing: unknown): string {
  if (!isObj(signing)) return '';
  const items = Object.entries(signing)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => (String(v).length <= 40 ? `${plainText(k)} ${codeSpan(String(v))}` : `${plainText(k)}: ${plainText(String(v))}`));
  return items.length ? `Signing (\`x-refspec-signing\`): ${items.join('; ')}.` : '';
}

function securitySection(dd: DocsDocument, api: ApiInfo, common: CommonParam[]): string {
  const parts: string[] = [];
  const schemes = dd.node((dd.node(api.doc.components) ?? {}).securitySchemes) ?? {};
  const names = Object.keys(schemes);
  const global = Array.isArray(api.doc.security) ? (api.doc.security as unknown[]).filter(isObj) : [];
  if (!names.length) parts.push('The document defines no security scheme.');
  else if (!global.length || global.every((r) => !Object.keys(r).length)) parts.push('No credentials are needed unless an operation says otherwise.');
  else {
    const alts = global.map((r) => Object.keys(r).map((k) => `**${plainText(k)}**`).join(' + ') || 'none');
    parts.push(`${alts.length > 1 ? 'Operations accept any one of' : 'Operations use'}: ${alts.join(', ')} (unless an operation says otherwise).`);
  }
  for (const name of names) {
    const s = dd.node(schemes[name]);
    if (!s) continue;
    parts.push(`**${plainText(name)}** — ${schemeKind(s)}.`);
    const desc = [block(str(s.description)), signingFacts(s['x-refspec-signing'])].filter(Boolean).join('\n\n');
    if (desc) parts.push(desc);
  }
  if (common.length) {
    parts.push(
      '### Common parameters',
      'Every operation takes these; they are documented here once instead of on each operation.',
      [
        '| Name | In | Type | Required | Set by | Description |',
        '| --- | --- | --- | --- | --- | --- |',
        ...common.map((c) => {
          const schema = dd.node(c.param.schema);
          const constant = schema?.const !== undefined ? String(schema.const) : undefined;
          const by = c.signing ? 'the client (signing)' : constant !== undefined ? `the builder: ${cellCode(constant)}` : 'the caller';
          return `| ${cellCode(c.name)} | ${cellPlain(c.in)} | ${cellCode(schemaLabel(dd, c.param.schema))} | ${c.param.required === true ? 'yes' : 'no'} | ${by} | ${descCell(str(c.param.description), ...facts(schema))} |`;
        }),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

function operationSecurity(dd: DocsDocument, api: ApiInfo, raw: Obj): string {
  if (!Array.isArray(raw.security)) return '';
  if (JSON.stringify(raw.security) === JSON.stringify(api.doc.security ?? [])) return '';
  if (!raw.security.length || raw.security.every((r) => isObj(r) && !Object.keys(r).length)) return 'Security: none (this operation is called without credentials).';
  const alts = raw.security.filter(isObj).map((r) => Object.keys(r).map(plainText).join(' + '));
  return `Security: ${alts.join(' or ')}.`;
}

// --- page -------------------------------------------------------------------------------------------

function usageSnippet(api: ApiInfo, first: OperationInfo | undefined, src: ExampleSources): string {
  if (!first) return '';
  const region = api.server.variables.region;
  const ex = builderExample(first, {}, src);
  const args = Object.keys(ex.input).length ? tsLiteral(ex.input) : '';
  return markdownFence(
    `import { createClient } from '../client.js';\n\n// Credentials and endpoint: see the options of createClient() in client.ts.\nconst client = createClient(${region ? `{ region: ${JSON.stringify(region)} }` : ''});\nconst result = await client.${first.fnName}(${args});`,
    'ts',
  );
}

export async function generateMarkdown(api: ApiInfo, specPath: string): Promise<string> {
  const page = await readFile(join(TEMPLATES_DIR, 'docs', 'reference.md'), 'utf8');
  const section = await readFile(join(TEMPLATES_DIR, 'docs', 'operation.md'), 'utf8');
  const dd = await DocsDocument.load(api.doc);
  const src: ExampleSources = { deref: (v) => dd.node(v) };
  const common = commonParameters(dd, api);
  const commonKeys = new Set(common.map((c) => `${c.in}:${c.name}`));
  const ops = api.operations.map((op) => {
    const found = dd.operation(op);
    const raw = found?.op ?? {};
    const own = op.params.filter((p) => !commonKeys.has(`${p.in}:${p.name}`));
    const shared = op.params.length > own.length || common.some((c) => c.signing) ? 'Plus the [common parameters](#common-parameters).' : '';
    return fill(
      section,
      {
        anchor: htmlText(operationAnchor(op.operationId)),
        name: plainText(op.operationId),
        summary: op.summary ? plainText(op.summary) : '',
        description: op.description && op.description !== op.summary ? block(op.description) : '',
        request: codeSpan(`${op.method} ${op.specPath}`),
        fnName: op.fnName,
        source: op.source ? ` · manual: ${codeSpan(op.source)}` : '',
        security: operationSecurity(dd, api, raw),
        deprecated: op.deprecated ? '**Deprecated.**' : '',
        parameters: paramsTable(dd, own, shared),
        body: requestBodySection(dd, raw),
        responses: responsesSection(dd, raw),
        examples: examplesSection(dd, api, op, raw, src),
      },
      'templates/docs/operation.md',
    );
  });
  const body = fill(
    page,
    {
      title: plainText(api.title),
      description: block(api.description),
      version: codeSpan(api.version || '(none)'),
      endpoint: codeSpan(api.server.url || '(none)'),
      count: String(api.operations.length),
      security: securitySection(dd, api, common),
      usage: usageSnippet(api, api.operations[0], src),
      toc: api.operations.map((op) => `- [${plainText(op.operationId)}](${anchorHref(op.operationId)})${op.summary ? ` — ${plainText(op.summary)}` : ''}`).join('\n') || 'None.',
      operations: ops.map((o) => o.trim()).join('\n\n'),
    },
    'templates/docs/reference.md',
  );
  // No raw bidi control anywhere in the page (prose, tables or samples): spelled out as \u202e.
  return spellBidi(`${markupBanner(specPath, api.fromManual)}\n${body.trimEnd()}\n`);
}

