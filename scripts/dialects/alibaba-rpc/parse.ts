/**
 * Alibaba RPC manual -> ApiModel: classify lines, read the operation list and the front matter,
 * cut the operation sections, read each, then reconcile the list with the sections.
 */
import type { SourceDocument } from '../../extract/types.ts';
import type { DialectResult } from '../types.ts';
import type { ApiModel, OperationModel, TagModel } from '../../model/types.ts';
import { diag, type Diagnostic } from '../../model/diagnostic.ts';
import { classifyLines } from './lines.ts';
import { Vocabulary } from './repair.ts';
import { parseOperationList } from './operations-list.ts';
import { findSections } from './sections.ts';
import { readSection, sectionSamples } from './section.ts';
import { indexSamples } from './nesting.ts';
import type { SampleCache } from './samples.ts';
import { readFrontMatter } from './common.ts';
import { readIdentity, readServiceCode, type Identity } from './identity.ts';

export function parseAlibaba(doc: SourceDocument): DialectResult {
  const file = doc.file;
  const diagnostics: Diagnostic[] = [];
  const lines = classifyLines(doc);
  const vocab = new Vocabulary();
  for (const l of lines) if (!l.furniture) vocab.addText(l.text);
  // Names the manual calls operations by ("Action=Name" in samples and request syntax).
  const actions = new Set<string>();
  for (const l of lines) if (!l.furniture && l.text.includes('Action=')) for (const m of l.text.matchAll(/Action=\s?([A-Za-z][A-Za-z0-9]*)/g)) actions.add(m[1]);
  const list = parseOperationList(lines, file, vocab, (n) => actions.has(n));
  if (!list) diagnostics.push(diag('operation-list-missing', 'warning', 'no "List of operations by function" found; tags cannot be assigned from it', { file, line: 1 }));
  for (const o of list?.operations ?? []) vocab.addIdentifier(o.name);
  const sections = findSections(lines, list?.end ?? 0);
  for (const s of sections) for (const e of s.evidence) vocab.addIdentifier(e.name);
  const firstSection = sections[0]?.start ?? lines.length;
  const identity = readIdentity(lines, firstSection, vocab);
  const front = readFrontMatter(lines, firstSection, file, vocab, diagnostics, identity.abbreviation ?? identity.product);
  const service = readServiceCode(lines, front.endpointHost);
  if (!identity.product) diagnostics.push(diag('product-name-missing', 'warning', 'the manual names no product (no title page, running header or "available for use in …" sentence); the API is titled by its service code', { file, line: 1 }));
  if (!service) diagnostics.push(diag('service-code-missing', 'warning', 'no service code: the manual names no endpoint and links to no product page', { file, line: 1 }));

  const operations: OperationModel[] = [];
  const chapterOf = new Map<string, string | undefined>();
  const seen = new Map<string, OperationModel>();
  const samples: SampleCache = new Map();
  // The document-wide index: only which fields share an object (buildTree's last resort).
  const global = indexSamples(sections.flatMap((sec) => sectionSamples(sec, lines, samples)), undefined, { paths: false, siblings: true });
  const listedNames = new Set((list?.operations ?? []).map((o) => o.name));
  for (const sec of sections) {
    const r = readSection(sec, lines, file, vocab, diagnostics, global, samples, listedNames);
    if (!r) continue;
    if (seen.has(r.name)) {
      diagnostics.push(diag('operation-duplicate', 'warning', `${r.name} is documented twice (first at line ${seen.get(r.name)!.source.line}); the later section is left out`, r.operation.source));
      continue;
    }
    seen.set(r.name, r.operation);
    chapterOf.set(r.name, sec.chapter);
    operations.push(r.operation);
  }
  if (!operations.length) diagnostics.push(diag('no-operations', 'error', 'no operation sections found', { file, line: 1 }));

  // Reconcile the list with the sections; the list's groups become tags.
  const tags: TagModel[] = (list?.groups ?? []).map((g) => ({
    name: g.name,
    description: `Operations the manual lists under "${g.name}" in its List of operations by function.`,
    source: g.source,
  }));
  const listed = new Map((list?.operations ?? []).map((o) => [o.name, o]));
  const chapterToGroup = new Map<string, Map<string, number>>();
  for (const op of operations) {
    const l = listed.get(op.operationId);
    const ch = chapterOf.get(op.operationId);
    if (l && ch) {
      const m = chapterToGroup.get(ch) ?? new Map<string, number>();
      m.set(l.group, (m.get(l.group) ?? 0) + 1);
      chapterToGroup.set(ch, m);
    }
  }
  for (const op of operations) {
    const l = listed.get(op.operationId);
    if (l) {
      op.tags = [l.group];
      if (op.summary === op.operationId) op.summary = l.description;
      continue;
    }
    const ch = chapterOf.get(op.operationId);
    const groups = ch ? chapterToGroup.get(ch) : undefined;
    const group = groups ? [...groups.entries()].sort((a, b) => b[1] - a[1])[0][0] : undefined;
    if (group) op.tags = [group];
    diagnostics.push(
      diag(
        'operation-not-listed',
        'warning',
        `${op.operationId} has a section but is missing from the "List of operations by function"${group ? `; tagged "${group}" after its chapter "${ch}"` : ''}`,
        op.source,
      ),
    );
  }
  for (const [name, l] of listed) {
    if (!seen.has(name)) {
      diagnostics.push(diag('operation-not-documented', 'warning', `${name} is in the operation list but no section documents it`, l.source));
    }
  }
  // Sections that lost their "Error codes" trailer: the manual refers every other operation's errors
  // to the API Error Center, so the same client-error response applies.
  const shared = operations.flatMap((o) => o.responses).find((r) => r.status === '4XX');
  for (const op of operations) {
    if (shared && !op.responses.some((r) => /^4/.test(r.status))) {
      op.responses.push({ ...shared, source: op.source });
      diagnostics.push(diag('error-codes-lost', 'info', `${op.operationId}: the section has no "Error codes" part; the API-wide reference to the API Error Center applies`, op.source));
    }
  }
  const commonNames = front.commonParameters.map((p) => p.name);
  for (const op of operations) op.commonParameters = commonNames;
  // Tags: list order, only those in use, plus none invented.
  const used = new Set(operations.flatMap((o) => o.tags));
  const model: ApiModel = {
    vendor: 'alibaba',
    service: service ?? 'unknown',
    version: front.apiVersion ?? 'unknown',
    title: apiTitle(identity, service),
    style: 'rpc',
    servers: front.servers,
    securitySchemes: front.securitySchemes,
    security: front.securitySchemes.length ? [[front.securitySchemes[0].name]] : [],
    commonParameters: front.commonParameters,
    tags: tags.filter((t) => used.has(t.name)),
    operations,
    errorCodes: [],
    source: { file, line: 1, endLine: doc.lines.length },
  };
  if (front.description) model.description = front.description;
  if (front.documentVersion) model.documentVersion = front.documentVersion;
  if (!front.apiVersion) diagnostics.push(diag('api-version-missing', 'warning', 'the API version ("Version: … Set the value to …") was not found', { file, line: 1 }));
  return { model, diagnostics };
}

/** "Alibaba Cloud Service Mesh (ASM) API": the product as the manual names it, with its abbreviation. */
function apiTitle(id: Identity, service: string | undefined): string {
  if (id.product) return `${id.product}${id.abbreviation && !id.product.includes(`(${id.abbreviation})`) ? ` (${id.abbreviation})` : ''} API`;
  if (id.abbreviation) return `${id.abbreviation} API`;
  return service ? `${service} API` : 'Alibaba Cloud API';
}
