/**
 * An Api (RPC style) -> ManualLayout in the layout of an Alibaba Cloud API reference, as the bundled
 * manual (sources/alibaba-cloud-service-mesh-api-reference-20220712.txt) shows it:
 *
 * - title page ("Alibaba Cloud" / product / "API Reference" / "Document Version: 20220712"), legal
 *   disclaimer, a table of contents;
 * - "1.List of operations by function": "The following tables list API operations available for use
 *   in <Product> (<ABBR>)." then per group a title and an "Operation Description" table;
 * - "2.Make API requests": request syntax ("http://Endpoint/?Action=xx&Parameters"), the "where:"
 *   list (Endpoint … which is <code>.aliyuncs.com, Action, Version … Set the value to <version>,
 *   Parameters), a formatted example request with the common parameters;
 * - optionally "Create an AccessKey pair" and "CLI" (with an "Available regions" table);
 * - one chapter per group (its title may differ from the list's group title: "ASM instances" /
 *   "ASM instance"), one section per operation: summary, "Debugging" + the OpenAPI Explorer
 *   paragraph, "Request parameters" (Parameter Type Required Example Description; the Action row
 *   first; nested request rows one level deeper), "Response parameters" (Parameter Type Example
 *   Description; child rows at deeper levels, "Array of X" rows followed by X's fields, a Map's value
 *   struct as a nameless "Object" row), "Examples": "Sample requests" (http(s)://[Endpoint]/?Action=…
 *   then "&Name=value" lines and "&<Common request parameters>"), "Sample success responses" in XML
 *   and JSON format built from the response tree and the examples, "Error codes" (a table, or none)
 *   and the "For a list of error codes, visit the API Error Center." trailer.
 *
 * Variation where real Alibaba manuals vary (all drawn from one seeded Rng): optional chapters,
 * sample preambles ("HTTP/1.1 200 OK" / "Content-Type:…"), XML with or without the
 * <ActionResponse> root, pretty or one-line JSON, "?Action=" first or later, inline or bulleted
 * "Valid values", code-font spacing ("Default value:  false ."), the Action row left out, RequestId
 * first or last. Manual *faults* (things the vendor's manual itself gets wrong, independent of
 * extraction) are switchable options, so the harness can measure each alone.
 *
 * Conventions of the blocks this produces (for the typesetters): a cell paragraph starting with
 * "• " is a bullet item (the text extraction loses the glyph and keeps a space); a paragraph with
 * style 'bold' is a run-in label ("ASM instances" above a list table, "XML format").
 *
 * Test code only; shares nothing with scripts/.
 */
import { Rng } from '../rng.ts';
import type { Api, Field, Operation, TypeRef } from '../model.ts';
import type { ManualBlock, ManualLayout, PageFurniture, TableRow } from '../layout.ts';

export interface AlibabaDocumentOptions {
  /**
   * Manual fault: probability that a JSON sample prints a one-element array of structs as the
   * struct itself ("ServiceMeshes" : { … } for "Array of ServiceMesh"; the bundled manual does this
   * in 30 of its 67 JSON samples).
   */
  collapseArrays?: number;
  /**
   * Manual fault: probability that a response field is left out of the samples (samples then give
   * no nesting evidence for it; the text has lost the indentation).
   */
  sampleOmissions?: number;
}

export interface AlibabaManual extends ManualLayout {
  /** What the manual calls the product in running headers and on the title page. */
  productTitle: string;
  /** Chapter title of each group (may differ from the group title in the operation list). */
  chapters: Map<string, string>;
}

const EXPLORER_PARAGRAPH =
  'OpenAPI Explorer automatically calculates the signature value. For your convenience, we recommend that you call this operation in OpenAPI Explorer. OpenAPI Explorer dynamically generates the sample code of the operation for different SDKs.';
export const TRAILER = 'For a list of error codes, visit the API Error Center.';

export function alibabaDocument(api: Api, options: AlibabaDocumentOptions = {}): AlibabaManual {
  if (api.style !== 'rpc') throw new Error('alibabaDocument: the Alibaba layout documents RPC-style APIs');
  const r = new Rng(api.seed).fork('alibaba-document');
  const faults = new Rng(api.seed).fork('alibaba-faults');
  const b = new Builder(api, r, faults, options);
  return b.build();
}

class Builder {
  private blocks: ManualBlock[] = [];
  private readonly product: string;
  private readonly abbr: string;
  private readonly chapters = new Map<string, string>();

  constructor(
    private api: Api,
    private r: Rng,
    private faults: Rng,
    private opts: AlibabaDocumentOptions,
  ) {
    // Alibaba prefixes some product names with the company ("Alibaba Cloud Service Mesh").
    this.product = r.chance(0.35) ? `Alibaba Cloud ${api.product.name}` : api.product.name;
    this.abbr = api.product.abbreviation;
  }

  build(): AlibabaManual {
    const { api, r } = this;
    const push = (b: ManualBlock) => this.blocks.push(b);
    push({ kind: 'title', lines: ['Alibaba Cloud', this.product, 'API Reference', `Document Version: ${api.documentVersion}`] });
    push({ kind: 'page-break' });
    this.legal();
    push({ kind: 'page-break' });
    // Chapter titles: the list's group titles, sometimes worded differently.
    for (const g of api.groups) this.chapters.set(g, this.chapterTitle(g));
    const extraChapters: string[] = [];
    if (r.chance(0.5)) extraChapters.push('Create an AccessKey pair');
    if (r.chance(0.35)) extraChapters.push('CLI');
    const chapterTitles = ['List of operations by function', 'Make API requests', ...extraChapters, ...api.groups.map((g) => this.chapters.get(g)!)];
    const toc: { level: number; text: string }[] = [];
    chapterTitles.forEach((t, i) => {
      toc.push({ level: 1, text: `${i + 1}.${t}` });
      if (i >= 2 + extraChapters.length) {
        const g = api.groups[i - 2 - extraChapters.length];
        api.operations.filter((o) => o.group === g).forEach((o, k) => toc.push({ level: 2, text: `${i + 1}.${k + 1}. ${o.title}` }));
      } else if (extraChapters[i - 2] === 'CLI') toc.push({ level: 2, text: `${i + 1}.1. Install and use ${this.abbr} CLI` });
    });
    push({ kind: 'toc', title: 'Table of Contents', entries: toc });
    push({ kind: 'page-break' });

    let n = 1;
    this.operationList(n++);
    this.makeRequests(n++);
    for (const c of extraChapters) {
      if (c === 'CLI') this.cli(n++);
      else this.accessKey(n++);
    }
    for (const g of api.groups) {
      const num = n++;
      const ops = api.operations.filter((o) => o.group === g);
      ops.forEach((op, k) => this.operation(op, num, k + 1, k === 0 ? this.chapters.get(g)! : undefined));
    }
    const product = this.product;
    const dv = api.documentVersion;
    return {
      blocks: this.blocks,
      productTitle: product,
      chapters: this.chapters,
      furniture(page: number, chapter: string | undefined): PageFurniture {
        const ch = chapter ?? '';
        // Even pages: "<Product> API Reference·<chapter>" / "> Document Version: <v>  <page>";
        // odd pages: "API Reference·<chapter>  <Product>" / "<page>  > Document Version: <v>".
        return page % 2 === 0
          ? { header: { left: `${product} API Reference·${ch}` }, footer: { left: `> Document Version: ${dv}`, right: String(page) } }
          : { header: { left: `API Reference·${ch}`, right: product }, footer: { left: String(page), right: `> Document Version: ${dv}` } };
      },
    };
  }

  private chapterTitle(group: string): string {
    const r = this.r;
    if (r.chance(0.6)) return group;
    const words = group.split(' ');
    const alt = r.pick([
      // "Clusters" -> "Cluster", "ASM instances" -> "ASM instance"
      words.map((w, i) => (i === words.length - 1 ? w.replace(/ies$/, 'y').replace(/([^s])s$/, '$1') : w)).join(' '),
      // "Mesh management" -> "Mesh Management"
      words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' '),
    ]);
    return alt || group;
  }

  private legal(): void {
    const push = (b: ManualBlock) => this.blocks.push(b);
    push({ kind: 'heading', level: 1, text: 'Legal disclaimer' });
    push({ kind: 'paragraph', text: 'Alibaba Cloud reminds you to carefully read and fully understand the terms and conditions of this legal disclaimer before you read or use this document. If you have read or used this document, it shall be deemed as your total acceptance of this legal disclaimer.' });
    push({ kind: 'paragraph', text: '1. You shall download and obtain this document from the Alibaba Cloud website or other Alibaba Cloud-authorized channels, and use this document for your own legal business activities only. The content of this document is considered confidential information of Alibaba Cloud.' });
    push({ kind: 'paragraph', text: '2. No part of this document shall be excerpted, translated, reproduced, transmitted, or disseminated by any organization, company or individual in any form or by any means without the prior written consent of Alibaba Cloud.' });
    push({ kind: 'paragraph', text: '3. Please directly contact Alibaba Cloud for any errors of this document.' });
    if (this.r.chance(0.5)) {
      push({ kind: 'heading', level: 1, text: 'Document conventions' });
      push({
        kind: 'table',
        header: ['Style', 'Description', 'Example'],
        widths: [2, 5, 5],
        rows: [
          { level: 0, cells: [['Danger'], ['A danger notice indicates a situation that will cause major system changes, faults, physical injuries, and other adverse results.'], ['Danger: Resetting will result in the loss of user configuration data.']] },
          { level: 0, cells: [['Note'], ['A note indicates supplemental instructions, best practices, tips, and other content.'], ['Note: You can use Ctrl + A to select all files.']] },
          { level: 0, cells: [['Courier font'], ['Courier font is used for commands'], ['Run the cd /d C:/window command to enter the Windows system folder.']] },
        ],
      });
    }
  }

  private operationList(n: number): void {
    const { api } = this;
    const push = (b: ManualBlock) => this.blocks.push(b);
    push({ kind: 'heading', level: 1, number: `${n}.`, text: 'List of operations by function', chapter: true });
    push({ kind: 'paragraph', text: `The following tables list API operations available for use in ${this.product} (${this.abbr}).` });
    for (const g of api.groups) {
      push({ kind: 'paragraph', text: g, style: 'bold' });
      push({
        kind: 'table',
        header: ['Operation', 'Description'],
        widths: [3, 7],
        rows: api.operations.filter((o) => o.group === g).map((o) => ({ level: 0, cells: [[o.name], [o.summary]] })),
      });
    }
  }

  private makeRequests(n: number): void {
    const { api, r } = this;
    const push = (b: ManualBlock) => this.blocks.push(b);
    const a = this.abbr;
    const first = api.operations[0]?.name ?? 'DescribeRegions';
    push({ kind: 'heading', level: 1, number: `${n}.`, text: 'Make API requests', chapter: true });
    push({
      kind: 'paragraph',
      text: `This topic describes the syntax of making ${this.product} (${a}) API requests and the responses. To make an ${a} API request, you must send an HTTP GET request to the ${a} endpoint and add the request parameters that correspond to the API operation being called. After you call the API operation, the system returns a response. The request and response are both encoded in UTF-8.`,
    });
    push({ kind: 'paragraph', text: 'Request syntax', style: 'bold' });
    push({ kind: 'paragraph', text: `${a} API operations use the Remote Procedure Call (RPC) protocol. You can call ${a} API operations by sending HTTP GET requests.` });
    push({ kind: 'paragraph', text: `The following example shows the syntax of an ${a} API request:` });
    push({ kind: 'code', lines: ['http://Endpoint/?Action=xx&Parameters'] });
    push({ kind: 'paragraph', text: 'where:' });
    push({ kind: 'paragraph', text: `Endpoint: the endpoint of the ${a} API, which is ${api.endpoint}.` });
    push({ kind: 'paragraph', text: `Action: the action to be executed. For example, call the ${first} operation to ${r.pick(['query', 'manage'])} ${r.pick(['the details of', 'the information about'])} an ${a} resource.` });
    push({ kind: 'paragraph', text: `Version: the version number of the API. Set the value to ${api.apiVersion}.` });
    push({ kind: 'paragraph', text: 'Parameters: request parameters that are separated with ampersands (&).' });
    push({ kind: 'paragraph', text: 'Request parameters include both common request parameters and API operation-specific parameters. Common parameters include information such as the API version number and authentication information.' });
    push({ kind: 'paragraph', text: `The following code provides an example on how to call the ${first} operation.` });
    push({ kind: 'paragraph', text: 'Note The following code has been formatted to ease reading.', style: 'note' });
    const common = [
      ['Format', r.pick(['xml', 'JSON'])],
      ['Version', api.apiVersion],
      ['Signature', 'xxxx%xxxx%3D'],
      ['SignatureMethod', 'HMAC-SHA1'],
      ['SignatureNonce', String(r.int(10 ** 12, 10 ** 14))],
      ['SignatureVersion', '1.0'],
      ['AccessKeyId', 'key-test'],
      [r.pick(['TimeStamp', 'Timestamp']), '2012-06-01T12:00:00Z'],
    ];
    push({ kind: 'code', lines: [`https://${api.endpoint}/?Action=${first}`, ...common.map(([k, v]) => `&${k}=${v}`), '…'] });
  }

  private accessKey(n: number): void {
    const push = (b: ManualBlock) => this.blocks.push(b);
    push({ kind: 'heading', level: 1, number: `${n}.`, text: 'Create an AccessKey pair', chapter: true });
    push({ kind: 'paragraph', text: `This topic describes how to create an AccessKey pair for an Alibaba Cloud account or a RAM user. When you call the ${this.product} (${this.abbr}) API, you must use the AccessKey pair to complete identity authentication.` });
    push({ kind: 'paragraph', text: 'Context', style: 'bold' });
    push({ kind: 'paragraph', text: 'An AccessKey pair consists of an AccessKey ID and an AccessKey secret.' });
    push({ kind: 'list', items: ['The AccessKey ID is used to verify the identity of the user.', 'The AccessKey secret is used to encrypt and verify the signature string. You must keep your AccessKey secret strictly confidential.'] });
    push({ kind: 'paragraph', text: 'Procedure', style: 'bold' });
    push({ kind: 'paragraph', text: '1. Log on to the Alibaba Cloud Management Console by using your Alibaba Cloud account.' });
    push({ kind: 'paragraph', text: '2. Move the pointer over the profile picture in the upper-right corner and click AccessKey Management.' });
    push({ kind: 'paragraph', text: '3. In the View Secret dialog box, view the AccessKey ID and AccessKey secret. To download the AccessKey pair, click Download CSV File.' });
  }

  private cli(n: number): void {
    const { api, r } = this;
    const push = (b: ManualBlock) => this.blocks.push(b);
    push({ kind: 'heading', level: 1, number: `${n}.`, text: 'CLI', chapter: true });
    push({ kind: 'heading', level: 2, number: `${n}.1.`, text: `Install and use ${this.abbr} CLI` });
    push({ kind: 'paragraph', text: `${this.abbr} CLI is a command line tool. You can run the aliyun ${api.product.code} command on ${this.abbr} CLI to call all API operations that ${this.product} (${this.abbr}) provides for external access.` });
    push({ kind: 'paragraph', text: 'Available regions', style: 'bold' });
    const regions = r.shuffle([
      ['China (Hangzhou)', 'cn-hangzhou'],
      ['China (Beijing)', 'cn-beijing'],
      ['China (Shanghai)', 'cn-shanghai'],
      ['Singapore', 'ap-southeast-1'],
      ['US (Silicon Valley)', 'us-west-1'],
    ]).slice(0, r.int(2, 5));
    push({
      kind: 'table',
      header: ['Region', 'Region ID', 'Endpoint'],
      widths: [3, 3, 4],
      rows: regions.map(([name, id], i) => ({ level: 0, cells: [[name], [id], i === 0 ? [`https://${api.endpoint}`] : []] })),
    });
    const op = api.operations[0];
    if (op) push({ kind: 'code', lines: [`aliyun ${api.product.code} ${op.name}${op.params[0] ? ` --${op.params[0].name} ${op.params[0].example ?? 'xxx'}` : ''}`] });
  }

  // ---- operations ---------------------------------------------------------------------------

  private operation(op: Operation, chapter: number, k: number, chapterTitle: string | undefined): void {
    const { r } = this;
    const push = (b: ManualBlock) => this.blocks.push(b);
    if (chapterTitle !== undefined) push({ kind: 'heading', level: 1, number: `${chapter}.`, text: chapterTitle, chapter: true });
    push({ kind: 'heading', level: 2, number: `${chapter}.${k}.`, text: op.title });
    push({ kind: 'paragraph', text: this.sectionSummary(op) });
    for (const d of op.description) push({ kind: 'paragraph', text: d });
    push({ kind: 'heading', level: 3, text: 'Debugging' });
    push({ kind: 'paragraph', text: EXPLORER_PARAGRAPH });

    push({ kind: 'heading', level: 3, text: 'Request parameters' });
    const reqRows: TableRow[] = [];
    const actionRow = r.chance(0.95) || !op.params.length;
    if (actionRow) {
      reqRows.push({ level: 0, cells: [['Action'], ['String'], ['Yes'], [op.name], [`The operation that you want to perform. Set the value to ${op.name}.`]] });
    }
    for (const p of op.params) this.rows(p, 0, 'request', reqRows);
    push({ kind: 'table', header: ['Parameter', 'Type', 'Required', 'Example', 'Description'], widths: [2.2, 1.3, 1, 2, 4.5], rows: reqRows });

    push({ kind: 'heading', level: 3, text: 'Response parameters' });
    const resp = op.responses[0]?.fields ?? [];
    const ordered = resp.slice();
    // RequestId is documented first, or (some sections) last.
    if (ordered.length > 1 && /^RequestId$/.test(ordered[0].name) && r.chance(0.15)) ordered.push(ordered.shift()!);
    const respRows: TableRow[] = [];
    for (const f of ordered) this.rows(f, 0, 'response', respRows);
    push({ kind: 'table', header: ['Parameter', 'Type', 'Example', 'Description'], widths: [2.4, 1.5, 2.3, 4.8], rows: respRows });

    push({ kind: 'heading', level: 3, text: 'Examples' });
    push({ kind: 'heading', level: 4, text: 'Sample requests' });
    push({ kind: 'code', lines: this.sampleRequest(op) });
    push({ kind: 'heading', level: 4, text: 'Sample success responses' });
    this.leaveOut(ordered);
    const preamble = r.chance(0.7);
    push({ kind: 'paragraph', text: 'XML format', style: 'bold' });
    push({ kind: 'code', lines: [...(preamble ? ['HTTP/1.1 200 OK', 'Content-Type:application/xml'] : []), ...this.xmlSample(op, ordered)] });
    push({ kind: 'paragraph', text: 'JSON format', style: 'bold' });
    push({ kind: 'code', lines: [...(preamble ? ['HTTP/1.1 200 OK', 'Content-Type:application/json'] : []), ...this.jsonSample(ordered)] });

    push({ kind: 'heading', level: 3, text: 'Error codes' });
    if (op.errors.length) {
      push({
        kind: 'table',
        header: ['HttpCode', 'Error code', 'Error message', 'Description'],
        widths: [1.2, 2.8, 3, 4],
        rows: op.errors.map((e) => ({ level: 0, cells: [[String(e.status)], [e.code], [e.message], [e.description]] })),
      });
    }
    push({ kind: 'paragraph', text: TRAILER });
  }

  private sectionSummary(op: Operation): string {
    // The section's summary may spell the product out where the list abbreviates it.
    if (!this.r.chance(0.3)) return op.summary;
    const article = /^[AEIOU]/.test(this.product) ? 'an' : 'a';
    return op.summary.replace(/ (an?|the) ([a-z]+)/, (_, a: string, noun: string) => ` ${a === 'the' ? a : article} ${this.product} (${this.abbr}) ${noun}`);
  }

  /** A field's row and the rows of everything nested in it. */
  private rows(f: Field, level: number, side: 'request' | 'response', out: TableRow[]): void {
    let type = typeCell(f.type);
    // An unnamed item struct is "Array of Object" or, as often, a plain "Array" with child rows.
    if (type === 'Array of Object' && this.r.chance(0.5)) type = 'Array';
    const cells: string[][] = [[f.name], [type]];
    if (side === 'request') cells.push([f.required ? 'Yes' : 'No']);
    cells.push(f.example !== undefined && isScalarCell(f.type) ? [f.example] : []);
    cells.push(this.description(f));
    out.push({ level, cells });
    this.children(f.type, level + 1, side, out);
  }

  private children(t: TypeRef, level: number, side: 'request' | 'response', out: TableRow[]): void {
    if (t.kind === 'object') for (const c of t.fields) this.rows(c, level, side, out);
    else if (t.kind === 'array' && t.items?.kind === 'object') for (const c of t.items.fields) this.rows(c, level, side, out);
    else if (t.kind === 'map' && t.value?.kind === 'object' && t.value.fields.length) {
      // A map's value struct: a nameless "Object" row, its fields below it.
      const cells: string[][] = [[''], ['Object']];
      if (side === 'request') cells.push([]);
      cells.push([], [this.r.pick(['The value of the entry.', 'The details of each entry.', 'The information about the item.'])]);
      out.push({ level, cells });
      for (const c of t.value.fields) this.rows(c, level + 1, side, out);
    }
  }

  private description(f: Field): string[] {
    const r = this.r;
    const paras = f.description.slice();
    if (!paras.length) paras.push('');
    if (f.enum?.length) {
      const inline = f.enum.every((e) => e.value.length < 16) && f.enum.length <= 4 && r.chance(0.25);
      const zh = f.language === 'zh';
      if (inline) {
        const vals = f.enum.map((e) => e.value);
        const list = vals.length === 2 ? `${vals[0]} and ${vals[1]}` : `${vals.slice(0, -1).join(', ')}, and ${vals[vals.length - 1]}`;
        paras[paras.length - 1] = `${paras[paras.length - 1]} Valid values: ${list}.`.trim();
      } else {
        // "Valid values:" ends the description sentence (or a paragraph of its own), one bullet a value.
        if (r.chance(0.7)) paras[paras.length - 1] = `${paras[paras.length - 1]} Valid values:`.trim();
        else paras.push('Valid values:');
        for (const e of f.enum) paras.push(`• ${e.value} : ${zh ? e.description : e.description}`);
      }
    }
    if (f.default !== undefined) paras.push(r.chance(0.5) ? `Default value: ${f.default}.` : `Default value:  ${f.default} .`);
    if (f.minLength !== undefined && f.maxLength !== undefined) paras.push(`The value must be ${f.minLength} to ${f.maxLength} characters in length.`);
    if (r.chance(0.04)) paras.push(`Note If you do not set this parameter, the default configuration of the ${this.abbr} instance is used.`);
    return paras.filter((p) => p !== '');
  }

  // ---- samples ------------------------------------------------------------------------------

  private sampleRequest(op: Operation): string[] {
    const r = this.r;
    // Optional scalars are sometimes left out (the bundled manual's sample requests send 293 of its
    // 320 parameters); structured parameters (Object, Map, arrays of structs) are sent (it sends
    // both of its two Object parameters), except under the sampleOmissions fault.
    const structured = (p: Field) => p.type.kind === 'object' || p.type.kind === 'map' || (p.type.kind === 'array' && p.type.items?.kind === 'object');
    const sent = op.params.filter((p) => (structured(p) ? !this.omitted() : p.required || r.chance(0.85)));
    const pairs = sent.map((p) => [p.name, requestValue(p)] as const).filter(([, v]) => v !== undefined) as [string, string][];
    const space = r.chance(0.2) ? ' ' : '';
    const lines: string[] = [];
    if (pairs.length && r.chance(0.05)) {
      // Action not first: "http(s)://[Endpoint]/?ServiceMeshId=…" / "&Action=…".
      lines.push(`http(s)://[Endpoint]/?${pairs[0][0]}=${pairs[0][1]}`, `&Action=${op.name}`);
      for (const [k, v] of pairs.slice(1)) lines.push(`&${k}=${v}`);
    } else {
      lines.push(`http(s)://[Endpoint]/?${space}Action=${op.name}`);
      for (const [k, v] of pairs) lines.push(`&${k}=${v}`);
    }
    lines.push('&<Common request parameters>');
    return lines;
  }

  private xmlSample(op: Operation, fields: Field[]): string[] {
    const root = this.r.chance(0.7);
    const lines: string[] = [];
    const ind = root ? 1 : 0;
    for (const f of fields) {
      if (this.left.has(f)) continue;
      xmlField(f, ind, lines, this.left);
    }
    return root ? [`<${op.name}Response>`, ...lines, `</${op.name}Response>`] : lines;
  }

  private jsonSample(fields: Field[]): string[] {
    const r = this.r;
    const collapse = this.opts.collapseArrays ?? 0;
    const value: Record<string, unknown> = {};
    for (const f of fields) {
      if (this.left.has(f)) continue;
      value[f.name] = jsonValue(f.type, f.example, () => this.faults.chance(collapse), (c) => this.left.has(c));
    }
    const style = r.weighted([['pretty2', 5], ['pretty4', 3], ['compact', 2]] as const);
    if (style === 'compact') return [JSON.stringify(value)];
    const text = JSON.stringify(value, null, style === 'pretty2' ? 2 : 4);
    // The bundled manual's usual spelling: "Key" : value.
    return (style === 'pretty2' ? text.replace(/^(\s*"(?:[^"\\]|\\.)*"): /gm, '$1 : ') : text).split('\n');
  }

  /** Response fields this operation's samples leave out (the same in XML and JSON). */
  private left = new Set<Field>();

  private leaveOut(fields: Field[]): void {
    this.left = new Set();
    const walk = (fs: Field[]) => {
      for (const f of fs) {
        if (this.omitted()) this.left.add(f);
        const t = f.type.kind === 'array' ? f.type.items : f.type.kind === 'map' ? f.type.value : f.type;
        if (t?.kind === 'object') walk(t.fields);
      }
    };
    walk(fields);
  }

  private omitted(): boolean {
    const p = this.opts.sampleOmissions ?? 0;
    return p > 0 && this.faults.chance(p);
  }
}

// ---- cells and values -----------------------------------------------------------------------------

export function typeCell(t: TypeRef): string {
  switch (t.kind) {
    case 'primitive':
      return t.name[0].toUpperCase() + t.name.slice(1);
    case 'json':
      return 'String';
    case 'object':
      return 'Object';
    case 'map':
      return 'Map';
    case 'array':
      if (!t.items) return 'Array';
      if (t.items.kind === 'primitive') return `Array of ${typeCell(t.items)}`;
      if (t.items.kind === 'object') return t.items.struct ? `Array of ${t.items.struct}` : 'Array of Object';
      return 'Array';
  }
}

function isScalarCell(t: TypeRef): boolean {
  return t.kind === 'primitive' || t.kind === 'json' || (t.kind === 'array' && (!t.items || t.items.kind === 'primitive'));
}

/** The value a sample request sends for a parameter ("&Name=value"), JSON for structures. */
function requestValue(p: Field): string | undefined {
  if (p.type.kind === 'primitive' || p.type.kind === 'json') return p.example;
  if (p.type.kind === 'array' && (!p.type.items || p.type.items.kind === 'primitive')) return p.example;
  const v = jsonValue(p.type, p.example, () => false, () => false);
  return v === undefined ? undefined : JSON.stringify(v);
}

function scalar(t: TypeRef, example: string | undefined): unknown {
  const ex = example ?? '';
  if (t.kind === 'primitive') {
    if ((t.name === 'integer' || t.name === 'long') && /^-?\d+$/.test(ex)) return Number(ex);
    if ((t.name === 'float' || t.name === 'double') && /^-?\d+(\.\d+)?$/.test(ex)) return Number(ex);
    if (t.name === 'boolean') return ex === 'true';
  }
  return ex;
}

function jsonValue(t: TypeRef, example: string | undefined, collapse: () => boolean, omit: (f: Field) => boolean): unknown {
  switch (t.kind) {
    case 'primitive':
    case 'json':
      return scalar(t, example);
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const f of t.fields) if (!omit(f)) o[f.name] = jsonValue(f.type, f.example, collapse, omit);
      return o;
    }
    case 'map':
      // The bundled manual names the entry "key" ("SecretCreateRecord" : { "key" : { … } }).
      if (t.value?.kind === 'object') return { key: jsonValue(t.value, undefined, collapse, omit) };
      return { key: 'value' };
    case 'array': {
      if (!t.items) return example ? parseArray(example) : ['item'];
      if (t.items.kind === 'object') {
        const item = jsonValue(t.items, undefined, collapse, omit);
        return collapse() ? item : [item];
      }
      return example ? parseArray(example) : [scalar(t.items, undefined)];
    }
  }
}

function parseArray(example: string): unknown[] {
  try {
    const v = JSON.parse(example) as unknown;
    if (Array.isArray(v)) return v;
  } catch {
    // a plain value: a one-element list
  }
  return [example];
}

function xmlField(f: Field, level: number, out: string[], left: ReadonlySet<Field> = new Set()): void {
  if (left.has(f)) return;
  const pad = '    '.repeat(level);
  const t = f.type;
  const leaf = (v: unknown) => out.push(`${pad}<${f.name}>${typeof v === 'string' ? v : JSON.stringify(v)}</${f.name}>`);
  switch (t.kind) {
    case 'primitive':
    case 'json':
      leaf(f.example ?? '');
      return;
    case 'object':
      out.push(`${pad}<${f.name}>`);
      for (const c of t.fields) xmlField(c, level + 1, out, left);
      out.push(`${pad}</${f.name}>`);
      return;
    case 'map':
      out.push(`${pad}<${f.name}>`);
      if (t.value?.kind === 'object') {
        out.push(`${pad}    <key>`);
        for (const c of t.value.fields) xmlField(c, level + 2, out, left);
        out.push(`${pad}    </key>`);
      } else out.push(`${pad}    <key>value</key>`);
      out.push(`${pad}</${f.name}>`);
      return;
    case 'array':
      if (t.items?.kind === 'object') {
        out.push(`${pad}<${f.name}>`);
        for (const c of t.items.fields) xmlField(c, level + 1, out, left);
        out.push(`${pad}</${f.name}>`);
      } else {
        for (const v of parseArray(f.example ?? 'item')) leaf(v);
      }
  }
}
