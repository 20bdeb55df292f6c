/**
 * Assembles the ApiModel of a Huawei Cloud REST manual from the constructs of this folder:
 * sections (headings, operation sections) -> tables -> schemas -> operations, plus the
 * Authentication section (security schemes), the request-URI prose (servers) and the appendix
 * (error codes).
 */
import type { SourceDocument } from '../../extract/types.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { ApiModel, SchemaModel, TagModel } from '../../model/types.ts';
import type { DialectResult } from '../types.ts';
import { parseAuthentication, tokenSchemeFromHeaders } from './auth.ts';
import { appendixErrorExample, parseErrorCodes, parseStatusCodes } from './errors-appendix.ts';
import { type Line, rangeRef, readLines, refOf } from './lines.ts';
import { buildOperation, type OperationContext } from './operations.ts';
import { Vocabulary, tidyProse } from './repair.ts';
import { countReferences, inferRemainingTypes, structureName, tableLabel, type SchemaContext } from './schemas.ts';
import { findHeadings, findOperationSections, partLabel, sectionOf, type Heading } from './sections.ts';
import { pascal } from '../../openapi/context.ts';
import { parseServers } from './servers.ts';
import { parseCaption, parseHeader, parseTables, type Table } from './tables.ts';
import { removeFurniture } from './furniture.ts';
import { captionRole } from './captions.ts';
import { readIdentity } from './identity.ts';
import { nameVariants, type SchemaRoot } from './variants.ts';

/** Identifiers the manual spells intact: single-token name cells, JSON keys, words in prose. */
function vocabularyOf(lines: Line[]): Vocabulary {
  const v = new Vocabulary();
  for (const l of lines) {
    const tab = l.text.indexOf('\t');
    if (tab >= 0) {
      const first = l.text.slice(0, tab).trim();
      if (first && !/\s/.test(first)) v.add(first);
      if (/^[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z0-9-]+){1,2}$/.test(first) && /[a-z][A-Z]|[a-z]-? [a-z]/.test(first)) v.addSplit(first);
    }
    // JSON keys (only a line with a quote can hold one)
    if (!l.text.includes('"')) v.addText(l.text);
    else {
      for (const m of l.text.matchAll(/"([A-Za-z][A-Za-z0-9_-]*)"\s*:/g)) v.add(m[1]);
      v.addText(l.text.replace(/"[^"]*"\s*:/g, ' '));
    }
  }
  return v;
}

/** One diagnostic for a repair repeated all over the manual (the first place, with a count). */
function aggregate(list: Diagnostic[], id: string, message: (count: number, lastLine: number) => string): Diagnostic[] {
  const same = list.filter((d) => d.id === id);
  if (same.length < 2) return list;
  const first = same[0];
  return [...list.filter((d) => d.id !== id), { ...first, message: message(same.length, same[same.length - 1].source.line) }];
}

function find(headings: Heading[], re: RegExp): Heading | undefined {
  return headings.find((h) => re.test(h.title));
}

/** Numbered heading lines ("4.1.1 Creating …"): never page furniture. */
const HEADING_LIKE = /^\s*\d{1,2}(?:\.\d{1,2}){0,3}\s+\S/;
/** "Status code: 201" lines: never page furniture. */
const STATUS_LABEL = /^\s*(?:\*\*)?(?:HTTP )?Status code\s*[:：]?\s*\d{3}\b/i;

export function parseHuawei(doc: SourceDocument): DialectResult {
  const file = doc.file;
  const diags: Diagnostic[] = [];
  const lines = readLines(doc);
  removeFurniture(lines, file, diags, { structural: (t) => !!parseCaption(t) || !!parseHeader(t, true) || !!partLabel(t) || (!t.includes('\t') && (HEADING_LIKE.test(t) || STATUS_LABEL.test(t))) });
  const headings = findHeadings(lines, file, diags);
  const vocab = vocabularyOf(lines);
  const tableDiags: Diagnostic[] = [];
  const allTables = parseTables(lines, 0, lines.length, file, tableDiags);
  diags.push(...aggregate(tableDiags, 'header-homoglyph', (n, last) => `"Туре" (Cyrillic look-alike letters) read as "Type" in ${n} table headers, from here to line ${last}`));
  const tables = new Map<string, Table>();
  for (const t of allTables) {
    if (!t.id) continue;
    if (tables.has(t.id)) diags.push(diag('table-id-duplicate', 'warning', `Table ${t.id} is numbered twice; the second is only used where it is referenced`, { file, line: t.line }));
    else tables.set(t.id, t);
  }
  const schemaCtx: SchemaContext = { file, tables, vocab, diags, built: new Map(), referenced: new Set(), untyped: new Map(), refCounts: countReferences(tables.values()) };

  // Document-wide parts.
  const identity = readIdentity(lines, file, diags);
  const authHeading = find(headings, /^(?:API )?Authenticat(?:ion|ing)\b/i) ?? find(headings, /\bauthentication\b/i);
  const auth = parseAuthentication(lines, authHeading ? sectionOf(headings, authHeading, lines.length) : undefined, file, diags);
  tokenSchemeFromHeaders(lines, auth, file, diags);
  const { servers, serviceCode } = parseServers(lines, allTables, identity.abbreviation, file, diags);
  const errorHeading = find(headings, /^Error Codes$/i);
  const errorSection = errorHeading ? sectionOf(headings, errorHeading, lines.length) : undefined;
  const errorCodes = parseErrorCodes(
    allTables.filter((t) => !errorSection || (t.line > lines[errorSection.start - 1].line && t.line <= (lines[errorSection.end - 1]?.line ?? Infinity))),
    file,
    diags,
  );
  if (!errorCodes.length) diags.push(diag('error-codes-missing', 'info', 'no error-code table found (appendix missing or truncated)', { file, line: lines.length }));
  const contentType = /default value is \*{0,2}([a-z]+\/[a-z0-9.+-]+)\*{0,2}/i.exec(lines.find((l) => /Content-Type\*{0,2}:.*default value is/i.test(l.text))?.text ?? '')?.[1];
  if (!contentType) diags.push(diag('content-type-assumed', 'warning', 'the manual gives no default Content-Type; application/json assumed', { file, line: 1 }));

  // Operations.
  const statusCodes = parseStatusCodes(allTables, file, diags);
  const opCtx: OperationContext = { ...schemaCtx, lines, credentialHeaders: auth.credentialHeaders, contentType: contentType ?? 'application/json', errorCodes, statusCodes, within: () => false };
  const sections = findOperationSections(lines, headings, file, diags);
  // A group heading without text of its own ("4.1 Service Mesh APIs") is described by the
  // "API Overview" chapter's opening sentence when the manual has only that one group.
  const overviewHeading = find(headings, /^API Overview$/i);
  const groups = new Set(sections.map((s) => s.group?.index));
  const overviewLine = overviewHeading && groups.size === 1 ? lines.slice(overviewHeading.index + 1).find((l) => l.text.trim()) : undefined;
  const overviewText = overviewLine && !overviewLine.text.includes('\t') ? tidyProse(overviewLine.text) : undefined;
  const roots: SchemaRoot[] = [];
  const operations = [];
  const tags: TagModel[] = [];
  const seenIds = new Map<string, number>();
  for (const sec of sections) {
    const built = buildOperation(opCtx, sec, allTables);
    const first = built.op.operationId;
    // Two operations deriving one id: PATCH beside PUT reads "Patch…"; else the path's own words.
    if (seenIds.has(first) && sec.method === 'patch' && first.startsWith('Update')) built.op.operationId = `Patch${first.slice(6)}`;
    if (seenIds.has(built.op.operationId)) {
      const words = sec.path.split('/').filter((x) => x && !/^v\d/.test(x)).map((x) => x.replace(/[{}]/g, ''));
      built.op.operationId = `${first}${pascal(`by ${words.slice(-2).join(' ')}`)}`;
      if (seenIds.has(built.op.operationId)) built.op.operationId = `${first}${sec.heading.number.replace(/\./g, '_')}`;
    }
    if (built.op.operationId !== first) diags.push(diag('operation-id-duplicate', 'warning', `operationId ${first} also derived at line ${seenIds.get(first)}; this one is ${built.op.operationId}`, built.op.source));
    seenIds.set(built.op.operationId, built.op.source.line);
    operations.push(built.op);
    roots.push(...built.roots);
    if (sec.group && !tags.some((t) => t.name === built.op.tags[0])) {
      const tag: TagModel = { name: built.op.tags[0], source: refOf(file, lines[sec.group.index]) };
      const own = lines.slice(sec.group.index + 1, sec.heading.index).find((l) => l.text.trim());
      if (own) tag.description = tidyProse(own.text);
      else if (overviewText) tag.description = overviewText;
      tags.push(tag);
    }
  }
  inferRemainingTypes(schemaCtx);
  if (!operations.length) diags.push(diag('no-operations', 'error', 'no operation section (a "URI" block with "METHOD /path") found', { file, line: 1 }));

  // Copies of the same structure: merged when identical, named apart when they differ.
  const labels = new Map<SchemaModel, string>();
  for (const [id, s] of schemaCtx.built) labels.set(s, `Table ${id}`);
  nameVariants(roots, diags, (s) => labels.get(s));

  // The appendix's error body example goes on the responses of the status its code has.
  const errorSchema = operations.flatMap((o) => o.responses).find((r) => r.schema?.componentName === 'ErrorResponse')?.schema;
  const appendix = appendixErrorExample(lines, errorSection, errorSchema, errorCodes, file, diags);
  if (appendix) {
    for (const op of operations) {
      for (const r of op.responses) {
        if (r.status === String(appendix.status) && r.schema?.componentName === 'ErrorResponse') r.examples.push(appendix.example);
      }
    }
  }

  for (const t of tables.values()) {
    if (schemaCtx.referenced.has(t.id!) || schemaCtx.built.has(t.id!)) continue;
    if (structureName(t.caption)) {
      diags.push(diag('table-unreferenced', 'warning', `${tableLabel(t)} is not referenced by any parameter; its fields are not in the spec`, { file, line: t.captionLine ?? t.line }));
    }
  }
  // Every caption the dialect could not give a role is reported (its table is not read).
  for (const t of allTables) {
    if (t.caption && captionRole(t.caption) === 'unknown' && !schemaCtx.referenced.has(t.id ?? '')) {
      diags.push(diag('table-caption-unrecognised', 'warning', `${tableLabel(t)}: the caption names no role this dialect reads (parameters, body, structure, status or error codes, endpoints); the table is not read`, { file, line: t.captionLine ?? t.line }));
    }
  }

  const issue = lines.slice(0, 20).map((l) => /^Issue\s+(\S+)/.exec(l.text.trim())?.[1]).find(Boolean);
  const date = lines.slice(0, 20).map((l) => /^Date\s+(\S+)/.exec(l.text.trim())?.[1]).find(Boolean);
  const versions = [...new Set(operations.map((o) => /^\/(v\d+(?:\.\d+)?)\//.exec(o.path)?.[1]).filter(Boolean))] as string[];
  const service = serviceCode ?? identity.abbreviation?.toLowerCase() ?? 'api';
  if (!serviceCode && !identity.abbreviation) diags.push(diag('service-id-unknown', 'warning', 'the manual names no service abbreviation and no service endpoint; service id "api"', { file, line: 1 }));
  const model: ApiModel = {
    vendor: 'huaweicloud',
    service,
    version: versions[0] ?? 'v1',
    title: identity.title,
    description: identity.description,
    documentVersion: [issue && `Issue ${issue}`, date].filter(Boolean).join(', ') || undefined,
    style: 'rest',
    servers,
    securitySchemes: auth.schemes,
    security: auth.security,
    commonParameters: [],
    tags,
    operations,
    errorCodes,
    source: rangeRef(file, lines, 0, lines.length),
  };
  if (!model.description) delete model.description;
  if (!model.documentVersion) delete model.documentVersion;
  if (versions.length > 1) diags.push(diag('api-version-mixed', 'warning', `operations use several path versions (${versions.join(', ')}); the API version is ${versions[0]}`, model.source));
  return { model, diagnostics: diags };
}
