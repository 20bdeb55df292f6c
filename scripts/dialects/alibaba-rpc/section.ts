/**
 * One operation section -> OperationModel: the parts between the section's markers ("Request
 * parameters", "Response parameters", "Sample requests", "Sample success responses", "Error
 * codes"), each read by its own construct, then reconciled with the samples.
 */
import type { Line } from './lines.ts';
import type { Section } from './sections.ts';
import type { Diagnostic, SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { ExampleModel, JsonValue, OperationModel, ParameterModel, RequestExampleModel, ResponseModel, SchemaModel } from '../../model/types.ts';
import { toBlocks } from './blocks.ts';
import { parseTable, startsRow, TABLE_HEADER, type RawRow } from './tables.ts';
import { rowsFromCells } from './table-cells.ts';
import { findSampleBodies, parseSampleRequest, type SampleCache, type SampleRequest } from './samples.ts';
import { buildTree, finishSchema, indexSamples, toProperties, type SampleIndex, type TreeNode } from './nesting.ts';
import { applyProse, convert, readProse } from './prose.ts';
import { ERROR_HEADER, parseErrorCodes } from './errors.ts';
import { isTrailerStart } from './landmarks.ts';
import { joinProse, repairLigatures, tidy, type Vocabulary } from './repair.ts';

type PartKind = 'intro' | 'debugging' | 'request' | 'response' | 'examples' | 'sample-request' | 'sample-responses' | 'errors';

const MARKERS: [RegExp, PartKind][] = [
  [/^Debugging$/, 'debugging'],
  [/^Request parameters$/, 'request'],
  [/^Response parameters$/, 'response'],
  [/^Examples?$/, 'examples'],
  [/^Sample requests?$/, 'sample-request'],
  [/^Sample (?:success |error )?responses?$/, 'sample-responses'],
  [/^Error codes$/, 'errors'],
];
/** Longest text a marker line can have ("Sample success responses"). */
const MARKER_MAX = 24;
const REQUEST_LINE = /^https?(?:\(s\))?:\/\/\S*\/\?/;

/** Every readable JSON / XML sample response body in a section (for the document-wide index). */
export function sectionSamples(sec: Section, lines: Line[], cache?: SampleCache): JsonValue[] {
  return findSampleBodies(lines.slice(sec.start, sec.end), cache)
    .filter((b) => b.value !== undefined)
    .map((b) => b.value!);
}

export interface SectionResult {
  name: string;
  operation: OperationModel;
  /** Everything the section was called by (for the list cross-check). */
  names: Set<string>;
  headless: boolean;
}

export function readSection(
  sec: Section,
  lines: Line[],
  file: string,
  vocab: Vocabulary,
  diagnostics: Diagnostic[],
  global?: SampleIndex,
  cache?: SampleCache,
  listed: ReadonlySet<string> = new Set(),
): SectionResult | undefined {
  const body = lines.slice(sec.start, sec.end);
  const parts = splitParts(body);
  // Lines of every part of one kind, in document order.
  const byKind = new Map<PartKind, Line[]>();
  for (const p of parts) {
    const have = byKind.get(p.kind);
    if (have) for (const l of p.lines) have.push(l);
    else byKind.set(p.kind, p.lines.slice());
  }
  const get = (k: PartKind): Line[] => byKind.get(k) ?? [];
  let first: Line | undefined;
  let lastContent: Line | undefined;
  for (const l of body) {
    if (l.furniture || !l.text.trim()) continue;
    first ??= l;
    lastContent = l;
  }
  if (!first || !lastContent) return undefined;
  const source: SourceRef = { file, line: first.line, endLine: lastContent.line };
  const headless = sec.debugging === undefined;

  // Sample request: wherever a request URL is printed in the section ("/?" is a cheap pre-test).
  const reqIdx = body.findIndex((l) => !l.furniture && l.text.includes('/?') && REQUEST_LINE.test(l.text.trim()));
  const sample: SampleRequest | undefined = reqIdx >= 0 ? parseSampleRequest(body.slice(reqIdx)) : undefined;

  // Tables. The request table is the "request" part, or (its label and header lost) whatever
  // stands between the section's start and the first later part; the response table is the
  // "response" part (its label or its header row starts it). Without one, the rows run together
  // and are split below.
  // (Arrays are put together with loops, not spreads, in this function: spreading arrays of
  // different element kinds made V8 throw away its optimised code for every section.)
  const requestLines: Line[] = [];
  const responseLines: Line[] = [];
  let hasRequestPart = false;
  let hasResponsePart = false;
  let hasResponseLabel = false;
  let afterTables = false;
  for (const p of parts) {
    if (p.kind === 'response') {
      hasResponsePart = true;
      if (p.label) hasResponseLabel = true;
      for (const l of p.lines) responseLines.push(l);
      afterTables = true;
    } else if (p.kind === 'request' || (!afterTables && (p.kind === 'intro' || p.kind === 'debugging'))) {
      if (p.kind === 'request') hasRequestPart = true;
      for (const l of p.lines) requestLines.push(l);
    } else afterTables = true;
  }
  // PDF input: the layout stage read the rows cell by cell (table-cells.ts).
  let requestRows = rowsFromCells(requestLines, file) ?? parseTable(toBlocks(requestLines), file, vocab).rows;
  let responseRows = rowsFromCells(responseLines, file) ?? parseTable(toBlocks(responseLines), file, vocab).rows;
  // Sample bodies: everything after the sample request (or in the sample parts), except the
  // error-code table.
  const bodyLines: Line[] = [];
  if (sample) {
    for (const p of parts) if (p.kind !== 'errors') for (const l of p.lines) if (l.line > sample.endLine) bodyLines.push(l);
  } else {
    for (const p of parts) if (p.kind === 'examples' || p.kind === 'sample-request' || p.kind === 'sample-responses') for (const l of p.lines) bodyLines.push(l);
  }
  const bodies = findSampleBodies(bodyLines, cache);
  const jsonBodies = bodies.filter((b) => b.format === 'json');
  const xmlBodies = bodies.filter((b) => b.format === 'xml');

  // Name.
  const actionRow = requestRows.find((r) => r.name === 'Action');
  const evidence = [...sec.evidence];
  if (actionRow?.example) evidence.push({ name: actionRow.example, kind: 'action-row', line: actionRow.source.line });
  const names = new Set(evidence.map((e) => e.name));
  const pick = settleName(evidence, listed);
  if (!pick) {
    diagnostics.push(diag('section-unnamed', 'error', 'an operation section with no name anywhere (no Action row, sample request or heading); skipped', source));
    return undefined;
  }
  const name = pick.name;
  if (pick.completedFrom) {
    diagnostics.push(diag('section-name-completed', 'warning', `${name}: the ${pick.kind} says "${pick.completedFrom}" (a wrapped cell cut short); the operation list has ${name}`, { file, line: pick.line }));
  }
  for (const e of evidence) {
    if (e.name !== name) {
      diagnostics.push(diag('section-name-conflict', 'warning', `${name}: the ${e.kind} says "${e.name}"`, { file, line: e.line }));
    }
  }
  if (headless) {
    diagnostics.push(
      diag('section-heading-lost', 'warning', `${name}: section has no heading, summary or table headers in the text; recovered from its table rows and samples (named by its ${pick.kind})`, source),
    );
  }
  if (sample && !sample.action) {
    diagnostics.push(diag('sample-request-no-action', 'warning', `${name}: the sample request has no Action= parameter`, { file, line: sample.line }));
  } else if (sample?.action && sample.action !== name) {
    diagnostics.push(diag('sample-request-wrong-action', 'warning', `${name}: the sample request calls Action=${sample.action}`, { file, line: sample.line }));
  }
  if (sample && /\?\s+Action=/.test(sample.raw)) {
    diagnostics.push(diag('sample-request-space', 'info', `${name}: a space in the sample request's "?Action=" was removed`, { file, line: sample.line }));
  }

  // Headless: the table lost its headers; split request rows from response rows using the samples.
  const responseSamples: JsonValue[] = [];
  for (const b of jsonBodies) if (b.value !== undefined) responseSamples.push(b.value);
  const xmlSamples: JsonValue[] = [];
  for (const b of xmlBodies) if (b.value !== undefined) xmlSamples.push(b.value);
  // The XML sample fills in what the JSON one does not show (a field its JSON leaves out); where
  // both show a field, the JSON says where it is (XML reads a list of one as an object, and a
  // garbled tag in it would contradict the JSON).
  const responseIndex = responseSamples.length
    ? fillIndex(indexSamples(responseSamples, { file, line: jsonBodies[0].line, endLine: jsonBodies[0].endLine }), indexSamples(xmlSamples))
    : indexSamples(xmlSamples);
  if (requestRows.length && !hasResponseLabel) {
    // Request and response rows ran together (the "Response parameters" label was lost, and the
    // response table's header with it, or only a repeated header further down survived). Response
    // rows have no Required cell: the response starts after the last row that has one, at the
    // first row the sample response shows.
    let lastRequired = -1;
    requestRows.forEach((r, i) => {
      if (r.required !== undefined) lastRequired = i;
    });
    let firstResp = -1;
    for (let i = lastRequired + 1; i < requestRows.length && firstResp < 0; i++) if (responseIndex.parents.has(requestRows[i].name)) firstResp = i;
    if (firstResp < 0 && lastRequired < 0 && !hasResponsePart) firstResp = requestRows.findIndex((r) => responseIndex.parents.has(r.name));
    if (firstResp >= 0) {
      const moved = requestRows.slice(firstResp);
      requestRows = requestRows.slice(0, firstResp);
      responseRows = moved.concat(responseRows);
      diagnostics.push(
        diag(
          'table-split-by-samples',
          'info',
          `${name}: ${requestRows.length} leading rows read as request parameters, ${moved.length} as response fields (${lastRequired >= 0 ? 'they follow the last row with a Required cell, and ' : ''}the sample response has them)`,
          source,
        ),
      );
    }
  }
  for (const rows of [requestRows, responseRows]) {
    for (const r of rows) for (const rep of r.repairs) diagnostics.push(diag('name-rejoined', 'info', `${name}: ${rep}`, r.source));
  }

  // Request parameters.
  const sampleValues: Record<string, JsonValue> = {};
  for (const p of sample?.parameters ?? []) sampleValues[p.name.replace(/\.\d+$/, '')] = parseMaybeJson(p.value);
  const reqTree = buildTree(requestRows.filter((r) => r.name !== 'Action'), indexSamples([sampleValues]), file, undefined, { request: true });
  diagnostics.push(...reqTree.diagnostics);
  const parameters: ParameterModel[] = [
    {
      name: 'Action',
      in: 'query',
      required: true,
      description: actionRow?.description || `The operation that you want to perform. Set the value to ${name}.`,
      schema: { type: 'string', const: name },
      example: name,
      source: actionRow?.source ?? source,
    },
  ];
  for (const node of reqTree.root.children) {
    // Guard (fuzz regression, test/robustness/regressions.test.ts): a top-level node inferred from
    // the sample request alone has no table row to make a parameter from.
    if (!node.row) {
      diagnostics.push(diag('parameter-row-missing', 'warning', `${name}: ${node.name} appears only in the sample request, with no request table row; left out`, source));
      continue;
    }
    parameters.push(toParameter(node, name, sample, diagnostics, headless));
  }
  if (!actionRow && !headless && hasRequestPart) {
    diagnostics.push(diag('action-row-missing', 'info', `${name}: the request table has no Action row; Action is implied by the RPC style`, source));
  }
  // Every parameter of the sample request must be declared.
  for (const p of sample?.parameters ?? []) {
    const base = p.name.replace(/\.\d+(\..*)?$/, '');
    if (!parameters.some((q) => q.name === base)) {
      diagnostics.push(diag('sample-parameter-undeclared', 'warning', `${name}: the sample request sets ${p.name}, which the request table does not document`, { file, line: p.line }));
    }
  }

  // Response.
  const respTree = buildTree(responseRows, responseIndex, file, global);
  diagnostics.push(...respTree.diagnostics);
  decorate(respTree.root, name, diagnostics);
  const responseSchema: SchemaModel = {
    type: 'object',
    title: `${name}Response`,
    properties: toProperties(respTree.root, () => false),
  };
  const examples: ExampleModel[] = [];
  jsonBodies.forEach((b, i) => {
    const src = { file, line: b.line, endLine: b.endLine };
    if (b.value === undefined) {
      diagnostics.push(diag('sample-json-unreadable', 'warning', `${name}: the JSON sample response cannot be read (${b.error}); left out`, src));
      return;
    }
    if (b.repairs.length) diagnostics.push(diag('sample-json-repaired', 'info', `${name}: JSON sample response read after: ${b.repairs.join(', ')}`, src));
    examples.push({ name: i ? `json-${i + 1}` : 'json', summary: 'Sample success response (JSON)', mediaType: 'application/json', value: b.value, raw: b.text, source: src });
  });
  xmlBodies.forEach((b, i) => {
    if (b.repairs.length) diagnostics.push(diag('sample-xml-repaired', 'info', `${name}: XML sample response read after: ${b.repairs.join(', ')}`, { file, line: b.line, endLine: b.endLine }));
    examples.push({ name: i ? `xml-${i + 1}` : 'xml', summary: 'Sample success response (XML)', mediaType: 'application/xml', value: b.text, source: { file, line: b.line, endLine: b.endLine } });
  });
  if (!responseRows.length && !headless) {
    diagnostics.push(diag('response-table-missing', 'warning', `${name}: no response parameters documented`, source));
  }
  const responses: ResponseModel[] = [
    {
      status: '200',
      description: 'Success.',
      contentType: 'application/json',
      schema: responseSchema,
      examples,
      source: responseRows[0]?.source ?? source,
    },
  ];
  const errorCodes = parseErrorCodes(get('errors'), file, vocab);
  const trailer = body.find((l) => !l.furniture && l.text.includes('rror codes') && isTrailerStart(l.text));
  if (trailer && !errorCodes.some((e) => e.httpStatus >= 400 && e.httpStatus < 500)) {
    // The section refers errors to the API Error Center: document that errors exist, nothing more.
    responses.push({
      status: '4XX',
      description: `Client error. ${tidy(repairLigatures(trailer.text, vocab))}`,
      examples: [],
      source: { file, line: trailer.line },
    });
  }
  const byStatus = new Map<number, typeof errorCodes>();
  for (const e of errorCodes) byStatus.set(e.httpStatus, [...(byStatus.get(e.httpStatus) ?? []), e]);
  for (const [status, list] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    responses.push({
      status: String(status),
      description: list.map((e) => `\`${e.code}\`: ${e.message}${e.description ? `. ${e.description}` : ''}`).join('\n\n'),
      examples: [],
      source: list[0].source,
    });
  }

  const paragraph = (b: Line[]): string => tidy(repairLigatures(joinProse(b.map((l) => l.text), vocab), vocab));
  const summaryParas = toBlocks(sec.summary).map(paragraph);
  const summaryText = summaryParas[0] ?? '';
  const extra: string[] = [];
  for (const t of summaryParas.slice(1)) if (!/OpenAPI Explorer/.test(t)) extra.push(t);
  // (Rows of a request table whose label was lost stand in the debugging part: not prose.)
  const firstRowLine = requestRows[0]?.source.line ?? Infinity;
  for (const b of toBlocks(get('debugging'))) {
    if (b[0].line >= firstRowLine) break;
    const t = paragraph(b);
    if (!/OpenAPI Explorer/.test(t)) extra.push(t);
  }
  const requestExamples: RequestExampleModel[] = sample
    ? [
        {
          name: 'sample',
          summary: 'Sample request printed in the manual',
          mediaType: 'text/plain',
          value: sample.raw,
          raw: sample.raw,
          parameters: [{ name: 'Action', value: sample.action ?? name }].concat(sample.parameters.map((p) => ({ name: p.name, value: p.value }))),
          source: { file, line: sample.line, endLine: sample.endLine },
        },
      ]
    : [];
  const op: OperationModel = {
    operationId: name,
    method: 'get',
    path: `/#Action=${name}`,
    summary: summaryText || name,
    tags: [],
    commonParameters: [],
    parameters,
    responses,
    requestExamples,
    errorCodes,
    source,
  };
  if (extra.length) op.description = extra.join('\n\n');
  return { name, operation: op, names, headless };
}

/**
 * The section's parts, cut at its labels. A table's header row, the error table's header and the
 * sample request also start their part when the label before them was lost ("Parameter Type
 * Required Example Description" opens the request table, "Parameter Type Example Description" the
 * response table); inside their own part they are only repeated headers.
 */
function splitParts(body: Line[]): Part[] {
  // (Every part has the same shape: one hidden class for V8.)
  const parts: Part[] = [{ kind: 'intro', lines: [], label: false }];
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    const t = l.text.trim();
    const cur = parts[parts.length - 1];
    // Every marker is a short line starting with D, E, R or S.
    const c0 = t.charCodeAt(0);
    const maybe = !l.furniture && t.length <= MARKER_MAX && (c0 === 68 || c0 === 69 || c0 === 82 || c0 === 83);
    const marker = maybe ? MARKERS.find(([re]) => re.test(t)) : undefined;
    if (marker) {
      parts.push({ kind: marker[1], lines: [], label: true });
      continue;
    }
    let implied: PartKind | undefined;
    // (A header repeated at a page break that falls inside a row's description starts nothing: a
    // table starts with a row.)
    if (!l.furniture && c0 === 80 && TABLE_HEADER.test(t) && rowFollows(body, i)) implied = /Required/.test(t) ? 'request' : 'response';
    else if (!l.furniture && c0 === 72 && ERROR_HEADER.test(t)) implied = 'errors';
    else if (!l.furniture && c0 === 104 && t.includes('/?') && REQUEST_LINE.test(t)) implied = 'sample-request';
    // A repeated header inside its own table, or a response header after the response ended (the
    // bundled manual prints one below the last row), starts nothing.
    if (
      implied &&
      cur.kind !== implied &&
      !(implied === 'response' && hasPart(parts, 'response')) &&
      !(implied === 'request' && hasPart(parts, 'request')) &&
      !(implied === 'sample-request' && (hasPart(parts, 'sample-request') || cur.kind === 'examples'))
    ) {
      const p: Part = { kind: implied, lines: [], label: false };
      p.lines.push(l);
      parts.push(p);
    } else cur.lines.push(l);
  }
  return parts;
}

function parseMaybeJson(v: string): JsonValue {
  const t = v.trim();
  if (/^[[{]/.test(t)) {
    try {
      return JSON.parse(t) as JsonValue;
    } catch {
      return t;
    }
  }
  return t;
}

/** Descriptions, examples, enums and defaults onto a tree's schemas (recursively). */
function decorate(node: TreeNode, op: string, diagnostics: Diagnostic[]): void {
  for (const c of node.children) {
    const s = c.schema;
    if (c.row) {
      if (c.row.description) s.description = c.row.description;
      s.source = c.row.source;
      const problems = applyProse(s, readProse(c.row.paragraphs));
      for (const p of problems) diagnostics.push(diag('prose-value-mismatch', 'info', `${op}: ${c.name}: ${p}`, c.row.source));
      const ex = exampleValue(s, c.row.example);
      if (ex !== undefined && s.enum && !s.enum.includes(ex as string)) {
        diagnostics.push(
          diag('example-not-in-enum', 'warning', `${op}: ${c.name}: example "${c.row.example}" is not one of the valid values (${s.enum.join(', ')}); example left out`, c.row.source),
        );
      } else if (ex !== undefined) s.example = ex;
      else if (c.row.example !== undefined && !/^(null|\.\.\.)$/.test(c.row.example) && s.type !== 'object' && s.type !== 'array') {
        diagnostics.push(diag('example-type-mismatch', 'info', `${op}: ${c.name}: example "${c.row.example}" is not a ${s.type}`, c.row.source));
      }
      if (s.type === 'string' && c.row.example && /^[[{]/.test(c.row.example.trim())) {
        s.contentMediaType = 'application/json';
      }
    }
    decorate(c, op, diagnostics);
  }
}

function exampleValue(s: SchemaModel, ex: string | undefined): JsonValue | undefined {
  if (ex === undefined || ex === 'null' || ex === '...') return undefined;
  if (s.type === 'object' || s.type === 'array') return undefined;
  return convert(s, ex);
}

function toParameter(node: TreeNode, op: string, sample: SampleRequest | undefined, diagnostics: Diagnostic[], headless: boolean): ParameterModel {
  const holder: TreeNode = { name: '', schema: { type: 'object' }, container: true, children: [node], path: [] };
  decorate(holder, op, diagnostics);
  const row = node.row!;
  const schema = finishSchema(node, (n) => n.row?.required ?? false);
  const description = schema.description;
  delete schema.description;
  const p: ParameterModel = {
    name: node.name,
    in: 'query',
    required: row.required ?? false,
    schema,
    source: row.source,
  };
  if (description) p.description = description;
  if (schema.example !== undefined) {
    p.example = schema.example;
    delete schema.example;
  }
  if (row.required === undefined) {
    diagnostics.push(
      diag('required-unknown', headless ? 'info' : 'warning', `${op}: ${node.name}: the Required cell is missing; read as optional`, row.source),
    );
  }
  // A plain prefix test, not a RegExp built from the name (fuzz regression: a damaged 38,000-character
  // name made "Regular expression too large"; a "." in a name would have matched any character).
  const repeat = sample?.parameters.some((q) => q.name.startsWith(`${node.name}.`) && /^\d/.test(q.name.slice(node.name.length + 1)));
  if (repeat) p.serialization = 'repeat-list';
  else if (schema.type === 'object' || schema.type === 'array') p.serialization = 'json';
  // "Valid values:" bullets sometimes name the keys of a JSON value, not values (LocalityLBConf:
  // "failover: …", "distribute: …", sample "{"failover":[…]}"). The sample request decides.
  const sent = sample?.parameters.find((q) => q.name === node.name);
  if (sent && schema.enum && !schema.enum.some((e) => String(e) === sent.value)) {
    diagnostics.push(
      diag(
        'enum-contradicted-by-sample',
        'warning',
        `${op}: ${node.name}: the sample request sends "${sent.value.slice(0, 60)}", not one of the valid values (${schema.enum.join(', ')}); the list is kept in the description only`,
        { file: row.source.file, line: sent.line },
      ),
    );
    delete schema.enum;
    delete schema.enumDescriptions;
  }
  return p;
}

type Evidence = Section['evidence'][number];

/** How much a kind of evidence counts when candidates disagree. */
const EVIDENCE_WEIGHT: Record<Evidence['kind'], number> = { 'action-row': 3, 'sample-request': 3, 'explorer-link': 2, heading: 1 };

/**
 * The section's name, settled by all the evidence: the Action row, the sample request, the
 * headings and Explorer links the extraction left in the section, and the operation list.
 * A candidate that is the start of another one ("DescribeServiceMeshKubec" / "…Kubeconfig") is a
 * cell cut short and never wins over the complete name, unless the operation list names both (two
 * operations whose names extend each other, one of them a stray breadcrumb); among the rest the
 * weightiest wins (ties: the Action row, the sample request, the heading, the Explorer link). A
 * name found nowhere but in the Action cell, and not in the list, is completed from the list when
 * exactly one listed name extends it.
 */
export function settleName(evidence: Evidence[], listed: ReadonlySet<string>): (Evidence & { completedFrom?: string }) | undefined {
  if (!evidence.length) return undefined;
  const distinct = [...new Set(evidence.map((e) => e.name))];
  const truncated = (n: string) =>
    distinct.some((m) => m !== n && m.startsWith(n) && !(listed.has(n) && listed.has(m)) && evidence.some((e) => e.name === m && e.kind !== 'heading'));
  const complete = distinct.filter((n) => !truncated(n));
  const weight = (n: string) => evidence.filter((e) => e.name === n).reduce((w, e) => w + EVIDENCE_WEIGHT[e.kind], 0) + (listed.has(n) ? 1 : 0);
  const order: Evidence['kind'][] = ['action-row', 'sample-request', 'heading', 'explorer-link'];
  const rank = (n: string) => Math.min(...evidence.filter((e) => e.name === n).map((e) => order.indexOf(e.kind)));
  const best = complete.sort((a, b) => weight(b) - weight(a) || rank(a) - rank(b))[0];
  const pick = evidence
    .filter((e) => e.name === best)
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  if (pick.kind === 'action-row' && listed.size && !listed.has(pick.name) && evidence.every((e) => e.kind === 'action-row')) {
    const ext = [...listed].filter((n) => n.length > pick.name.length && n.startsWith(pick.name));
    if (ext.length === 1) return { ...pick, name: ext[0], completedFrom: pick.name };
  }
  return pick;
}

/** The next content line after `i` starts a table row ("Name Type …", or a name cell alone). */
function rowFollows(body: Line[], i: number): boolean {
  for (let k = i + 1; k < body.length && k < i + 40; k++) {
    if (body[k].furniture) continue;
    const t = body[k].text.trim();
    if (t) return startsRow(t);
  }
  return false;
}

/** `into` plus the fields `from` has and `into` lacks (their parent paths and shapes). */
function fillIndex(into: SampleIndex, from: SampleIndex): SampleIndex {
  for (const [name, parents] of from.parents) if (!into.parents.has(name)) into.parents.set(name, parents);
  for (const [path, shape] of from.shapes) if (!into.shapes.has(path)) into.shapes.set(path, shape);
  return into;
}

interface Part {
  kind: PartKind;
  lines: Line[];
  /** Started by its label ("Response parameters"), not by a header row or a sample. */
  label: boolean;
}

function hasPart(parts: Part[], kind: PartKind): boolean {
  for (const p of parts) if (p.kind === kind) return true;
  return false;
}
