/**
 * A generated REST Api as a Huawei Cloud API reference, in vendor-neutral blocks (ManualLayout):
 * the layout the bundled manual (sources/huawei-cloud-asm-api-reference-2025-05-28.txt) shows, with
 * the wording variants other Huawei Cloud manuals use.
 *
 *   title page ("<Product>", "API Reference", "Issue 01", "Date 2025-06-12"), notices, contents
 *   1 Before You Start: "Welcome to … (XYZ)", API calling, endpoints (a Regions and Endpoints table,
 *     an endpoint sentence for the service or only the IAM worked example, or nothing), concepts
 *   2 API Overview: "API | Description" table
 *   3 Calling APIs: 3.1 Making an API Request ("{URI-scheme} :// {Endpoint} / {resource-path}",
 *     request methods, headers, body), 3.2 Authentication (token and AK/SK, several phrasings of
 *     "put the token in the X-Auth-Token header"), 3.3 Response
 *   [4 Application Examples] (sometimes)
 *   N API: N.g <Group> APIs, N.g.k <title>: Function, [Calling Method], [Authorization Information],
 *     URI ("METHOD /v1/{project_id}/…"), "Table N-k Path Parameters" / "Query Parameters",
 *     Request Parameters ("Request header parameters", "Request body parameters" or "Parameters in
 *     the request body", one "Table N-k <Struct>" per nested structure, referenced as
 *     "Table N-k object" / "Array of Table N-k objects"), Response Parameters ("Status code: 201"
 *     + body table per status), Example Request, Example Response, Status Codes, Error Codes
 *   N+1 Appendix: Status Codes (Status Code | Message Title | Description), Error Codes (error body
 *     format, "Table x-y Error codes"), Obtaining a Project ID ("GET https://{Endpoint}/v3/projects")
 *
 * Every wording choice is drawn from a generator forked from the Api's seed, so a seed gives the same
 * manual every time. What the manual states about the API's identity (is the service's own endpoint
 * printed anywhere?) is returned beside the layout: the harness scores only what a reader could know.
 *
 * Test code only: shares nothing with scripts/.
 */
import type { ManualBlock, ManualLayout, PageFurniture, TableRow } from '../layout.ts';
import type { Api, Field, Operation, Response, TypeRef } from '../model.ts';
import { Rng } from '../rng.ts';

/** Huawei Cloud regions with the names the manuals print. */
export const HUAWEI_REGIONS: [id: string, name: string][] = [
  ['cn-north-4', 'CN North-Beijing4'],
  ['cn-north-1', 'CN North-Beijing1'],
  ['cn-east-3', 'CN East-Shanghai1'],
  ['cn-south-1', 'CN South-Guangzhou'],
  ['ap-southeast-1', 'CN-Hong Kong'],
  ['ap-southeast-2', 'AP-Bangkok'],
  ['ap-southeast-3', 'AP-Singapore'],
  ['af-south-1', 'AF-Johannesburg'],
  ['la-south-2', 'LA-Santiago'],
  ['tr-west-1', 'TR-Istanbul'],
];

export type EndpointStatement = 'table' | 'sentence' | 'iam-only' | 'none';

/** The wording variants one manual uses (all drawn from the seed; each can be forced). */
export interface HuaweiVariants {
  welcome: 'use' | 'plain' | 'huawei' | 'is';
  endpoint: EndpointStatement;
  /** How the IAM worked example names its endpoint. */
  iamExample: 'parenthesis' | 'sentence' | 'none';
  tokenPhrase: number;
  authList: 'based' | 'short';
  /** "Token-based Authentication" as a bold label, or as numbered headings 3.2.1 / 3.2.2. */
  authSubsections: 'labels' | 'numbered';
  bodyCaption: 'parameters-in' | 'body-parameters' | 'title-case';
  /** Response body tables: same choice, independent. */
  responseCaption: 'parameters-in' | 'body-parameters' | 'title-case';
  pathCaption: 'path' | 'Path' | 'uri';
  /** Field descriptions: one paragraph + "The options are as follows" lists, or the newer
   *  Definition / Constraints / Range / Default Value blocks. */
  descriptions: 'plain' | 'structured';
  enumStyle: 'options' | 'enumeration';
  statusLabel: 'Status code' | 'Status Code';
  errorColumns: 'Troubleshooting' | 'Handling Measure' | 'Solution';
  /** Numbering order of nested-structure tables (both occur). */
  tableOrder: 'dfs' | 'bfs';
  examplesChapter: boolean;
  apiChapterTitle: 'API' | 'APIs' | 'API Reference';
  groupSuffix: ' APIs' | ' Management' | '';
  /** Optional per-operation parts real manuals add. */
  callingMethod: boolean;
  authorization: boolean;
  /** Request line of examples: first line of the code block, or a paragraph before it. */
  requestLine: 'code' | 'paragraph';
}

export interface HuaweiManual {
  layout: ManualLayout;
  variants: HuaweiVariants;
  /** What the manual states about identity. */
  stated: {
    /** The service's own endpoint host (and so its service code) is printed. */
    serviceEndpoint: boolean;
    /** Some endpoint (the service's or IAM's worked example) shows the host form. */
    endpointForm: boolean;
  };
  /** Product name as printed on the title page. */
  product: string;
}

const COPYRIGHT = 'Copyright © Huawei Cloud Computing Technologies Co., Ltd.';

/**
 * What Huawei PDFs show beyond their text extraction's wording: how captions sit, notes and
 * cross-references inside cells, the glyph of enumeration lists, the sides of the running header
 * and footer. Drawn from a generator of their own (`drawPdfVariants`), so passing them leaves every
 * other choice of the seed's manual, and so its text form, unchanged.
 */
export interface HuaweiPdfVariants {
  /** The caption kept with its table, or set as a paragraph of its own that may end a page. */
  caption: 'with-table' | 'may-orphan';
  /** Rows of a structure also say "For details, see Table x-y." in their description. */
  tableRefs: boolean;
  /** Share of description cells that carry a NOTE (label paragraph + note paragraph). */
  cellNotes: 0 | 0.1 | 0.3;
  /** Glyph of an enumeration list item inside a cell. */
  bullet: '-' | '•' | '●';
  /** Running header and footer: the same sides on every page, or swapped on even pages. */
  furnitureSides: 'fixed' | 'alternate';
  /** A NOTE label before note paragraphs in the body text. */
  noteLabel: boolean;
}

export function drawPdfVariants(rng: Rng): HuaweiPdfVariants {
  return {
    caption: rng.pick(['with-table', 'may-orphan'] as const),
    tableRefs: rng.chance(0.5),
    cellNotes: rng.pick([0, 0.1, 0.3] as const),
    bullet: rng.pick(['-', '•', '●'] as const),
    furnitureSides: rng.pick(['fixed', 'alternate'] as const),
    noteLabel: rng.chance(0.5),
  };
}

const CELL_NOTES = [
  'This parameter is available only in some regions.',
  'If this parameter is left blank, the system uses the value configured for the project.',
  'The value cannot be changed after the resource is created.',
  'For details about the fields, see the description of the structure.',
];

export function drawVariants(rng: Rng): HuaweiVariants {
  return {
    welcome: rng.pick(['use', 'plain', 'huawei', 'is'] as const),
    endpoint: rng.weighted([['table', 3], ['sentence', 3], ['iam-only', 3], ['none', 1]] as const),
    iamExample: rng.weighted([['parenthesis', 3], ['sentence', 2], ['none', 1]] as const),
    tokenPhrase: rng.int(0, TOKEN_PHRASES.length - 1),
    authList: rng.pick(['based', 'short'] as const),
    authSubsections: rng.weighted([['labels', 3], ['numbered', 1]] as const),
    bodyCaption: rng.pick(['parameters-in', 'body-parameters', 'title-case'] as const),
    responseCaption: rng.pick(['parameters-in', 'body-parameters', 'title-case'] as const),
    pathCaption: rng.weighted([['path', 3], ['Path', 2], ['uri', 1]] as const),
    descriptions: rng.weighted([['plain', 3], ['structured', 2]] as const),
    enumStyle: rng.pick(['options', 'enumeration'] as const),
    statusLabel: rng.weighted([['Status code', 4], ['Status Code', 1]] as const),
    errorColumns: rng.pick(['Troubleshooting', 'Handling Measure', 'Solution'] as const),
    tableOrder: rng.pick(['dfs', 'bfs'] as const),
    examplesChapter: rng.chance(0.3),
    apiChapterTitle: rng.weighted([['API', 4], ['APIs', 2], ['API Reference', 1]] as const),
    groupSuffix: rng.pick([' APIs', ' Management', ''] as const),
    callingMethod: rng.chance(0.4),
    authorization: rng.chance(0.3),
    requestLine: rng.pick(['code', 'paragraph'] as const),
  };
}

/** Ways manuals say where the token goes ({h} = the header name). */
export const TOKEN_PHRASES = [
  'After obtaining the token, add the **{h}** header in a request to specify the token when calling other APIs. For example, if the token is **ABCDEFJ....**, add **{h}: ABCDEFJ....** to the request as follows:',
  'When calling other APIs, put the token in the {h} header of the request.',
  'The obtained token must be carried in the {h} field of the request header when you call other APIs.',
  'Set {h} in the request header to the obtained token when you call an API.',
  'To call an API with the token, include it in the request header {h}.',
  'The token is placed in the {h} request header of every subsequent API call.',
];

/**
 * Build the manual. `force` overrides drawn variants (the harness's per-kind runs); `pdf` adds what
 * the vendor's PDFs show (the PDF form; decisions drawn from their own generator).
 */
export function huaweiDocument(api: Api, force: Partial<HuaweiVariants> = {}, pdf?: HuaweiPdfVariants): HuaweiManual {
  const rng = new Rng(api.seed).fork('huawei-document');
  const v = { ...drawVariants(rng), ...force };
  return new Builder(api, v, rng, pdf, new Rng(api.seed).fork('huawei-pdf-content')).build();
}

// ---------------------------------------------------------------------------------------------

interface StructTable {
  /** "4-7" */
  id: string;
  name: string;
  fields: Field[];
  request: boolean;
}

class Builder {
  private blocks: ManualBlock[] = [];
  private toc: { level: number; text: string }[] = [];
  private tableNo = new Map<number, number>();
  private readonly abbr: string;
  private readonly name: string;
  private readonly region: [string, string];

  constructor(
    private api: Api,
    private v: HuaweiVariants,
    private rng: Rng,
    private pdf?: HuaweiPdfVariants,
    /** Decisions of the PDF variants only (the main generator's sequence stays as the text form's). */
    private prng: Rng = new Rng(0),
  ) {
    this.abbr = api.product.abbreviation;
    this.name = api.product.name;
    this.region = rng.pick(HUAWEI_REGIONS);
  }

  build(): HuaweiManual {
    const { api, v } = this;
    const B = this.blocks;
    const issue = `Issue ${pad2(this.rng.int(1, 9))}`;
    B.push({ kind: 'title', lines: [this.name, 'API Reference', issue, `Date ${api.documentVersion}`] });
    B.push({ kind: 'paragraph', text: `${COPYRIGHT} ${api.documentVersion.slice(0, 4)}. All rights reserved.` });
    B.push({ kind: 'paragraph', text: 'No part of this document may be reproduced or transmitted in any form or by any means without prior written consent of Huawei Cloud Computing Technologies Co., Ltd.' });
    B.push({ kind: 'paragraph', text: 'Trademarks and Permissions', style: 'bold' });
    B.push({ kind: 'paragraph', text: 'HUAWEI and other Huawei trademarks are the property of Huawei Technologies Co., Ltd. All other trademarks and trade names mentioned in this document are the property of their respective holders.' });
    B.push({ kind: 'paragraph', text: 'Website: https://www.huaweicloud.com/intl/en-us/' });
    const tocAt = B.length;
    B.push({ kind: 'page-break' });

    let chapter = 1;
    this.beforeYouStart(chapter++);
    this.overview(chapter++);
    this.callingApis(chapter++);
    if (v.examplesChapter) this.examplesChapter(chapter++);
    const apiChapter = chapter++;
    this.apiChapter(apiChapter);
    this.appendix(chapter++);
    B.splice(tocAt, 0, { kind: 'toc', title: 'Contents', entries: this.toc });

    const product = this.name;
    const docDate = api.documentVersion;
    const chapters = new Map<string, string>();
    for (const b of B) if (b.kind === 'heading' && b.chapter) chapters.set(b.text, `${b.number ?? ''} ${b.text}`.trim());
    const swap = this.pdf?.furnitureSides === 'alternate';
    const layout: ManualLayout = {
      blocks: B,
      furniture(page: number, ch: string | undefined): PageFurniture {
        const header = { left: `${product} API Reference`, ...(ch ? { right: chapters.get(ch) ?? ch } : {}) };
        const footer = { left: `${issue} (${docDate})`, right: `${COPYRIGHT} ${page}` };
        if (!swap || page % 2 === 1) return { header, footer };
        // Even pages mirror the odd ones: the chapter and the page number on the outer (left) side.
        return { header: { ...(header.right ? { left: header.right } : {}), right: header.left }, footer: { left: `${page} ${COPYRIGHT}`, right: footer.left } };
      },
    };
    const serviceEndpoint = v.endpoint === 'table' || v.endpoint === 'sentence';
    return { layout, variants: v, product, stated: { serviceEndpoint, endpointForm: serviceEndpoint || (v.endpoint === 'iam-only' && v.iamExample !== 'none') } };
  }

  // ---- helpers -------------------------------------------------------------------------------

  private heading(level: number, number: string | undefined, text: string, chapter = false): void {
    this.blocks.push({ kind: 'heading', level, ...(number ? { number } : {}), text, ...(chapter ? { chapter } : {}) });
    if (number) this.toc.push({ level, text: `${number} ${text}` });
  }

  private chapterHeading(n: number, text: string): void {
    if (n > 1) this.blocks.push({ kind: 'page-break' });
    this.heading(1, String(n), text, true);
  }

  private label(text: string): void {
    this.blocks.push({ kind: 'heading', level: 4, text });
  }

  private p(text: string, style?: 'body' | 'bold' | 'note'): void {
    if (style === 'note' && this.pdf?.noteLabel) this.blocks.push({ kind: 'paragraph', text: 'NOTE', style: 'bold' });
    this.blocks.push({ kind: 'paragraph', text, ...(style ? { style } : {}) });
  }

  private nextTable(chapter: number): string {
    const n = (this.tableNo.get(chapter) ?? 0) + 1;
    this.tableNo.set(chapter, n);
    return `${chapter}-${n}`;
  }

  private table(caption: string | undefined, header: string[], widths: number[], rows: string[][][]): void {
    const trs: TableRow[] = rows.map((cells) => ({ level: 0, cells }));
    if (caption && this.pdf?.caption === 'may-orphan') {
      // A caption paragraph of its own: the page may end between it and its table.
      this.blocks.push({ kind: 'paragraph', text: caption, style: 'bold' });
      this.blocks.push({ kind: 'table', header, widths, rows: trs });
      return;
    }
    this.blocks.push({ kind: 'table', ...(caption ? { caption } : {}), header, widths, rows: trs });
  }

  // ---- front chapters ------------------------------------------------------------------------

  private welcome(): string {
    const { name, abbr } = this;
    switch (this.v.welcome) {
      case 'use':
        return `Welcome to use ${name} (${abbr}). ${abbr} provides ${this.rng.pick(['reliable', 'scalable', 'on-demand'])} ${this.rng.pick(['management', 'capabilities', 'services'])} for your workloads.`;
      case 'plain':
        return `Welcome to ${name} (${abbr}). ${abbr} is a ${this.rng.pick(['fully managed', 'high-performance', 'secure'])} service.`;
      case 'huawei':
        return name.startsWith('Cloud ') ? `Welcome to ${name} (${abbr}) of Huawei Cloud.` : `Welcome to Huawei Cloud ${name} (${abbr}).`;
      case 'is':
        return `${name} (${abbr}) is a ${this.rng.pick(['fully managed', 'high-performance', 'secure'])} service that you can use through APIs.`;
    }
  }

  private beforeYouStart(ch: number): void {
    const { abbr } = this;
    this.chapterHeading(ch, 'Before You Start');
    this.p('Overview', 'bold');
    this.p(this.welcome());
    this.p(`This document describes how to use application programming interfaces (APIs) to perform operations on ${abbr} resources. For details about all supported operations, see **API Overview**.`);
    this.p(`If you plan to access ${abbr} through an API, ensure that you are familiar with ${abbr} concepts.`);
    this.p('API Calling', 'bold');
    this.p(`${abbr} supports Representational State Transfer (REST) APIs, allowing you to call APIs using HTTPS. For details about API calling, see Calling APIs.`);
    this.endpoints(ch);
    this.p('Constraints', 'bold');
    this.p(`The number of ${abbr} resources that you can create is determined by your quota.`);
    this.p('Concepts', 'bold');
    this.list([
      'Account: An account is created after successful registration with Huawei Cloud. The account has full access permissions for all of its cloud services and resources.',
      'Region: Regions are divided based on geographical location and network latency.',
      'Project: A Huawei Cloud region corresponds to a project. Default projects are defined to group and physically isolate resources.',
    ]);
  }

  private list(items: string[]): void {
    this.blocks.push({ kind: 'list', items });
  }

  private host(region: string): string {
    return this.api.endpoint.replace('{region}', region);
  }

  private endpoints(ch: number): void {
    const { abbr } = this;
    const [rid, rname] = this.region;
    this.p('Endpoints', 'bold');
    switch (this.v.endpoint) {
      case 'table': {
        this.p(`An endpoint is the request address for calling an API. Endpoints vary depending on services and regions. Table ${ch}-1 lists the endpoints of ${abbr}.`);
        const regions = this.rng.shuffle(HUAWEI_REGIONS).slice(0, this.rng.int(1, 4));
        this.table(`Table ${this.nextTable(ch)} ${this.rng.pick(['Regions and endpoints', `${abbr} endpoints`, 'Endpoints'])}`, ['Region Name', 'Region', 'Endpoint'], [30, 25, 45], regions.map(([id, name]) => [[name], [id], [this.host(id)]]));
        break;
      }
      case 'sentence':
        this.p(
          this.rng.pick([
            `An endpoint is the request address for calling an API. For example, the ${abbr} endpoint in the ${rname} region is ${this.host(rid)}.`,
            `The endpoint of ${abbr} in the ${rname} region is **${this.host(rid)}**. Endpoints vary depending on services and regions.`,
            `${abbr} endpoints have the form ${this.api.endpoint}; in ${rname}, use ${this.host(rid)}.`,
          ]),
        );
        break;
      case 'iam-only':
      case 'none':
        this.p('An endpoint is the request address for calling an API. Endpoints vary depending on services and regions. You can obtain endpoints from Regions and Endpoints.');
        break;
    }
  }

  private overview(ch: number): void {
    this.chapterHeading(ch, 'API Overview');
    this.p(`You can use the APIs provided by ${this.abbr} to ${this.rng.pick(['manage', 'create, query, and delete'])} its resources.`);
    const caption = this.rng.chance(0.5) ? `Table ${this.nextTable(ch)} ${this.abbr} APIs` : undefined;
    this.table(caption, ['API', 'Description'], [40, 60], this.api.operations.map((o) => [[o.title], [o.summary]]));
  }

  private callingApis(ch: number): void {
    const v = this.v;
    const [rid, rname] = this.region;
    this.chapterHeading(ch, 'Calling APIs');
    this.heading(2, `${ch}.1`, 'Making an API Request');
    this.p('This section describes the structure of a REST API request, and uses the IAM API for obtaining a user token as an example to demonstrate how to call an API.');
    this.p('Request URI', 'bold');
    this.p('A request URI is in the following format:');
    this.p('{URI-scheme} :// {Endpoint} / {resource-path} ? {query-string}');
    this.list([
      'URI-scheme: protocol used to send requests. All APIs use HTTPS.',
      '**Endpoint**: domain name or IP address of the server bearing the REST service endpoint. Endpoints vary depending on services and regions.',
      'resource-path: API access path. Obtain the path from the URI of an API. For example, resource-path of the API used to obtain a user token is /v3/auth/tokens.',
      'query-string: query parameters, which are optional. For example, ? limit=10 indicates that up to 10 data records will be displayed.',
    ]);
    if (v.iamExample === 'parenthesis') {
      this.p(`For example, if you want to obtain an IAM token in **${rname}**, use the endpoint of IAM (**iam.${rid}.myhuaweicloud.com**) for this region and **resource-path** (**/v3/auth/tokens**) in the URI of the API used to obtain a user token. Then, construct the URI as follows:`);
      this.blocks.push({ kind: 'code', lines: [`https://iam.${rid}.myhuaweicloud.com/v3/auth/tokens`] });
    } else if (v.iamExample === 'sentence') {
      this.p(`For example, the IAM endpoint in the ${rname} region is iam.${rid}.myhuaweicloud.com, and the resource-path of the API for obtaining a user token is /v3/auth/tokens.`);
    }
    this.p('To simplify the URI display in this document, each API is provided only with **resource-path** and a request method. The **URI-scheme** value of all APIs is **HTTPS**, and the endpoints of all APIs in the same region are identical.', 'note');
    this.p('Request Methods', 'bold');
    this.p('The HTTP protocol defines the following request methods that can be used to send a request to the server:');
    this.list(['**GET**: requests the server to return specified resources.', '**PUT**: requests the server to update specified resources.', '**POST**: requests the server to add resources or perform special operations.', '**DELETE**: requests the server to delete specified resources, for example, an object.', '**PATCH**: requests the server to update partial content of a specified resource.']);
    this.p('Request Headers', 'bold');
    this.p('Common request headers are as follows:');
    this.list([
      '**Content-Type**: specifies the request body type or format. This field is mandatory and its default value is **application/json**.',
      'X-Auth-Token: specifies a user token. This field is mandatory only when token-based authentication is used.',
      '**X-Project-ID**: specifies a subproject ID. This field is optional and can be used in multi-project scenarios.',
    ]);
    this.p('Request Body', 'bold');
    this.p('A request body is generally sent in structured format as specified in **Content-Type**. The request body varies between APIs.');
    this.blocks.push({ kind: 'code', lines: [`POST https://iam.${v.iamExample === 'none' ? '{region}' : rid}.myhuaweicloud.com/v3/auth/tokens`, 'Content-Type: application/json', '', '{', '  "auth" : {', '    "identity" : {', '      "methods" : [ "password" ]', '    }', '  }', '}'] });

    this.heading(2, `${ch}.2`, 'Authentication');
    this.p('Requests for calling an API can be authenticated using either of the following methods:');
    const tokenTitle = v.authList === 'based' ? 'Token-based authentication' : 'Token authentication';
    const akskTitle = v.authList === 'based' ? 'AK/SK-based authentication' : 'AK/SK authentication';
    this.list([`${tokenTitle}: Requests are authenticated using tokens.`, `${akskTitle}: Requests are encrypted using AK/SK pairs.`]);
    const sub = (title: string, k: number) => (v.authSubsections === 'numbered' ? this.heading(3, `${ch}.2.${k}`, title) : this.p(title, 'bold'));
    sub(v.authList === 'based' ? 'Token-based Authentication' : 'Token Authentication', 1);
    this.p('The validity period of a token is 24 hours. When using a token for authentication, cache it to prevent frequently calling the IAM API.', 'note');
    this.p('A token specifies permissions in a computer system. During token-based authentication, the token is added to requests to get permissions for calling the API.');
    this.p(TOKEN_PHRASES[v.tokenPhrase].replace(/\{h\}/g, 'X-Auth-Token'));
    this.blocks.push({ kind: 'code', lines: ['Content-Type: application/json', 'X-Auth-Token: ABCDEFJ....'] });
    sub(v.authList === 'based' ? 'AK/SK-based Authentication' : 'AK/SK Authentication', 2);
    this.p('AK/SK-based authentication supports API requests with a body not larger than 12 MB. For API requests with a larger body, token-based authentication is recommended.', 'note');
    this.p('In AK/SK-based authentication, AK/SK is used to sign requests and the signature is then added to the requests for authentication.');
    this.list(['AK: access key ID, which is a unique identifier used with a secret access key to sign requests cryptographically.', 'SK: secret access key, which is used with an AK to sign requests cryptographically.']);

    this.heading(2, `${ch}.3`, 'Response');
    this.p('Status Code', 'bold');
    this.p('After sending a request, you will receive a response that includes a status code, response header, and response body. For more information, see **Status Codes**.');
    this.p('Response Body', 'bold');
    this.p('If an error occurs during API calling, an error code and a message will be displayed. The following shows an error response body.');
    this.blocks.push({ kind: 'code', lines: ['{', '  "error_msg" : "The format of message is error",', '  "error_code" : "AS.0001"', '}'] });
  }

  private examplesChapter(ch: number): void {
    const op = this.api.operations[0];
    this.chapterHeading(ch, 'Application Examples');
    this.heading(2, `${ch}.1`, `Example 1: ${op.title}`);
    this.p('Scenarios', 'bold');
    this.p(`This section describes how to call the API for ${op.summary.replace(/^This API is used to /, '').replace(/\.$/, '')}.`);
    this.p('Procedure', 'bold');
    this.p(`The API is ${op.method} ${op.path}. For details, see the API reference.`);
    this.blocks.push({ kind: 'code', lines: [`${op.method} https://{Endpoint}${op.path}`] });
  }

  // ---- API chapter ---------------------------------------------------------------------------

  private apiChapter(ch: number): void {
    const { api, v } = this;
    this.chapterHeading(ch, v.apiChapterTitle);
    api.groups.forEach((g, gi) => {
      const title = `${g.replace(/ Management$/, '')}${v.groupSuffix}`;
      this.heading(2, `${ch}.${gi + 1}`, title);
      api.operations.filter((o) => o.group === g).forEach((op, k) => this.operation(ch, `${ch}.${gi + 1}.${k + 1}`, op));
    });
  }

  private caption(kind: 'path' | 'query' | 'header' | 'body' | 'response' | 'response-header'): string {
    const v = this.v;
    switch (kind) {
      case 'path':
        return v.pathCaption === 'uri' ? 'URI parameters' : v.pathCaption === 'Path' ? 'Path Parameters' : 'Path parameters';
      case 'query':
        return v.pathCaption === 'Path' ? 'Query Parameters' : 'Query parameters';
      case 'header':
        return v.pathCaption === 'Path' ? 'Request Header Parameters' : 'Request header parameters';
      case 'response-header':
        return 'Response header parameters';
      case 'body':
        return v.bodyCaption === 'parameters-in' ? 'Parameters in the request body' : v.bodyCaption === 'body-parameters' ? 'Request body parameters' : 'Request Body Parameters';
      case 'response':
        return v.responseCaption === 'parameters-in' ? 'Parameters in the response body' : v.responseCaption === 'body-parameters' ? 'Response body parameters' : 'Response Body Parameters';
    }
  }

  private operation(ch: number, number: string, op: Operation): void {
    const { v, rng } = this;
    this.heading(3, number, op.title);
    this.label('Function');
    this.p(op.summary);
    for (const d of op.description) this.p(d);
    if (v.callingMethod) {
      this.label('Calling Method');
      this.p('For details, see Calling APIs.');
    }
    if (v.authorization) {
      this.label('Authorization Information');
      this.p(`Each account has all the permissions required to call all APIs, but IAM users must be assigned the required permissions. The following identity policy-based permission is required: ${this.abbr.toLowerCase()}:${op.name[0].toLowerCase()}${op.name.slice(1)}.`);
      if (rng.chance(0.5)) this.table(undefined, ['Action', 'Access Level', 'Resource Type (*: required)', 'Condition Key'], [30, 20, 30, 20], [[[`${this.abbr.toLowerCase()}:${op.name}`], [op.method === 'GET' ? 'Read' : 'Write'], ['-'], ['-']]]);
    }
    this.label('URI');
    this.p(`${op.method} ${op.path}`);
    const path = op.params.filter((p) => p.in === 'path');
    const query = op.params.filter((p) => p.in === 'query');
    const header = op.params.filter((p) => p.in === 'header');
    if (path.length) this.fieldTable(ch, this.caption('path'), path, true);
    if (query.length) this.fieldTable(ch, this.caption('query'), query, true);

    this.label('Request Parameters');
    const hdrRows: Field[] = [];
    if (rng.chance(0.95)) hdrRows.push({ name: 'X-Auth-Token', type: { kind: 'primitive', name: 'string' }, required: true, language: 'en', description: ['User token.', 'It can be obtained by calling the IAM API used to obtain a user token. The value of X-Subject-Token in the response header is the user token.'] });
    if (op.body && rng.chance(0.6)) hdrRows.push({ name: 'Content-Type', type: { kind: 'primitive', name: 'string' }, required: true, language: 'en', description: ['Message body type or format.'], example: 'application/json' });
    hdrRows.push(...header);
    if (hdrRows.length) this.fieldTable(ch, this.caption('header'), this.rng.shuffle(hdrRows).sort((a, b) => (a.name === 'X-Auth-Token' ? -1 : b.name === 'X-Auth-Token' ? 1 : 0)), true);
    if (op.body?.length) this.fieldTable(ch, this.caption('body'), op.body, true);
    if (!hdrRows.length && !op.body?.length) this.p('None');

    this.label('Response Parameters');
    for (const r of op.responses) {
      this.p(`${v.statusLabel}: ${r.status}`, 'bold');
      if (r.fields.length) {
        if (r.status < 300 && rng.chance(0.15)) this.table(`Table ${this.nextTable(ch)} ${this.caption('response-header')}`, ['Parameter', 'Type', 'Description'], [25, 20, 55], [[['X-Request-Id'], ['String'], ['Request ID.']]]);
        this.fieldTable(ch, this.caption('response'), r.fields, false);
      } else this.p('None');
    }

    this.label('Example Request');
    if (op.body?.length) {
      const summary = `${op.title}${rng.chance(0.5) ? '.' : ''}`;
      this.p(summary);
      const json = prettyJson(exampleOf(op.body));
      const line = `${op.method} https://{endpoint}${op.path}`;
      if (v.requestLine === 'paragraph') {
        this.p(line);
        this.blocks.push({ kind: 'code', lines: json });
      } else this.blocks.push({ kind: 'code', lines: [line, '', ...json] });
    } else if (rng.chance(0.5)) this.p('None');
    else this.blocks.push({ kind: 'code', lines: [`${op.method} https://{endpoint}${op.path.replace(/\{project_id\}/, '{project_id}')}`] });

    this.label('Example Response');
    const withBody = op.responses.filter((r) => r.fields.length);
    if (!withBody.length) this.p('None');
    for (const r of withBody) {
      this.p(`${v.statusLabel}: ${r.status}`, 'bold');
      this.p(r.status < 300 ? rng.pick(['OK', 'The request is successful.', `${op.title} succeeded.`]) : r.description);
      this.blocks.push({ kind: 'code', lines: prettyJson(exampleOf(r.fields)) });
    }

    this.label('Status Codes');
    this.table(undefined, ['Status Code', 'Description'], [25, 75], op.responses.map((r) => [[String(r.status)], [statusDescription(r)]]));
    this.label('Error Codes');
    this.p(rng.pick(['See **Error Codes**.', 'For details, see **Error Codes**.']));
  }

  /**
   * A parameter table and, after it, one table per nested structure it references (numbered in
   * depth-first or breadth-first order of first reference, printed in number order).
   */
  private fieldTable(ch: number, caption: string, fields: Field[], request: boolean): void {
    const id = this.nextTable(ch);
    const structs: StructTable[] = [];
    const ids = new Map<Field[], string>();
    const queue: Field[][] = [fields];
    const number = (fs: Field[]) => {
      for (const f of fs) {
        const s = structOf(f.type);
        if (s && !ids.has(s.fields)) {
          const sid = this.nextTable(ch);
          ids.set(s.fields, sid);
          structs.push({ id: sid, name: s.struct!, fields: s.fields, request });
          if (this.v.tableOrder === 'dfs') number(s.fields);
          else queue.push(s.fields);
        }
      }
    };
    if (this.v.tableOrder === 'dfs') number(fields);
    else while (queue.length) number(queue.shift()!);
    const render = (cap: string, fs: Field[]) => {
      const header = request ? ['Parameter', 'Mandatory', 'Type', 'Description'] : ['Parameter', 'Type', 'Description'];
      const widths = request ? [20, 11, 19, 50] : [24, 22, 54];
      const rows = fs.map((f) => {
        const type = [typeText(f.type, ids)];
        const desc = this.description(f, request);
        const sid = structOf(f.type) && ids.get(structOf(f.type)!.fields);
        if (this.pdf?.tableRefs && sid) {
          const at = desc.indexOf('Constraints');
          desc.splice(at >= 0 ? at : f.description.length, 0, `For details, see Table ${sid}.`);
        }
        return request ? [[f.name], [f.required ? 'Yes' : 'No'], type, desc] : [[f.name], type, desc];
      });
      this.table(cap, header, widths, rows);
    };
    render(`Table ${id} ${caption}`, fields);
    for (const s of structs.sort((a, b) => tableOrder(a.id) - tableOrder(b.id))) render(`Table ${s.id} ${s.name}`, s.fields);
  }

  private description(f: Field, request: boolean): string[] {
    const out = this.plainDescription(f, request);
    const pdf = this.pdf;
    if (!pdf) return out;
    const bulleted = pdf.bullet === '-' ? out : out.map((l) => l.replace(/^- /, `${pdf.bullet} `));
    if (pdf.cellNotes && this.prng.chance(pdf.cellNotes)) bulleted.push('NOTE', this.prng.pick(CELL_NOTES));
    return bulleted;
  }

  private plainDescription(f: Field, request: boolean): string[] {
    const out: string[] = [];
    const enumLines = (): string[] => {
      if (!f.enum) return [];
      if (this.v.enumStyle === 'options') return ['The options are as follows:', ...f.enum.map((e) => `${e.value}: ${e.description}`)];
      return ['Enumeration values:', ...f.enum.map((e) => `- ${e.value}`)];
    };
    const lengths = f.minLength !== undefined ? [`Minimum length: ${f.minLength} Maximum length: ${f.maxLength}`] : [];
    if (this.v.descriptions === 'structured' && f.language === 'en') {
      out.push('Definition', ...f.description);
      out.push('Constraints', f.type.kind === 'json' ? 'The value must be a JSON string.' : 'N/A');
      const range = [...enumLines(), ...lengths];
      out.push('Range', ...(range.length ? range : ['N/A']));
      if (request || f.default !== undefined) out.push('Default Value', f.default ?? 'N/A');
      return out;
    }
    out.push(...f.description);
    out.push(...lengths, ...enumLines());
    if (f.default !== undefined) out.push(this.rng.pick([`Default value: ${f.default}`, `Default: ${f.default}`]));
    return out;
  }

  // ---- appendix ------------------------------------------------------------------------------

  private appendix(ch: number): void {
    const { api, v } = this;
    this.chapterHeading(ch, 'Appendix');
    this.heading(2, `${ch}.1`, 'Status Codes');
    const sc = this.nextTable(ch);
    this.p(`Table ${sc} describes status codes.`);
    const codes: [number, string, string][] = [
      [200, 'OK', 'The request has succeeded.'],
      [201, 'Created', 'The request for creating a resource has been fulfilled.'],
      [202, 'Accepted', 'The request has been accepted, but the processing has not been completed.'],
      [204, 'NoContent', 'The server has successfully processed the request, but is not returning any response body.'],
      [400, 'BadRequest', 'The request is invalid. The client should modify the request instead of re-initiating it.'],
      [401, 'Unauthorized', 'The authorization information provided by the client is incorrect or invalid.'],
      [403, 'Forbidden', 'The request is denied.'],
      [404, 'NotFound', 'The requested resource could not be found.'],
      [405, 'MethodNotAllowed', 'The method specified in the request is not supported for the requested resource.'],
      [409, 'Conflict', 'The request could not be completed due to a conflict.'],
      [422, 'UnprocessableEntity', 'The request is well-formed but is unable to be processed due to semantic errors.'],
      [429, 'TooManyRequests', 'The client sends excessive requests to the server within a given time.'],
      [500, 'InternalServerError', 'The server is able to receive the request, but it could not understand the request.'],
      [503, 'ServiceUnavailable', 'The requested service is invalid.'],
    ];
    this.table(`Table ${sc} Status codes`, ['Status Code', 'Message Title', 'Description'], [18, 27, 55], codes.map(([c, t, d]) => [[String(c)], [t], [d]]));

    this.heading(2, `${ch}.2`, 'Error Codes');
    this.p('If an API fails to be called, no service data will be returned. If an error occurs in API calling, HTTP status code 4xx or 5xx will be returned. The response body contains the specific error code and information.');
    const first = api.errorCodes[0];
    if (first && this.rng.chance(0.6)) {
      this.p('Error Response Body Format', 'bold');
      const errFields = api.operations.flatMap((o) => o.responses).find((r) => r.status >= 400)?.fields;
      const [codeKey, msgKey] = errFields?.map((f) => f.name) ?? ['error_code', 'error_msg'];
      this.blocks.push({ kind: 'code', lines: ['{', `  "${msgKey}" : "${first.message}",`, `  "${codeKey}" : "${first.code}"`, '}'] });
    }
    this.p('Error Code Description', 'bold');
    const et = this.nextTable(ch);
    this.table(
      `Table ${et} Error codes`,
      ['Status Code', 'Error Code', 'Error Message', 'Description', v.errorColumns],
      [12, 18, 22, 24, 24],
      api.errorCodes.map((e) => [[String(e.status)], [e.code], [e.message], [e.description], [this.rng.pick(['Check the request parameters.', 'Contact technical support.', 'Try again later.'])]]),
    );
    this.heading(2, `${ch}.3`, 'Obtaining a Project ID');
    this.p('Obtaining a Project ID by Calling an API', 'bold');
    this.p('The API used to obtain a project ID is GET https://{Endpoint}/v3/projects. {Endpoint} is the IAM endpoint and can be obtained from Regions and Endpoints.');
    this.blocks.push({ kind: 'code', lines: ['{', '  "projects" : [ {', '    "domain_id" : "65382450e8f64ac0870cd180d14e684b",', '    "name" : "project_name",', '    "id" : "a4a5d4098fb4474fa22cd05f897d6b99"', '  } ]', '}'] });
    this.p('In the response, id is the project ID.');
  }
}

// ---- types, examples -----------------------------------------------------------------------------

function structOf(t: TypeRef): (TypeRef & { kind: 'object' }) | undefined {
  if (t.kind === 'object' && t.struct && t.fields.length) return t;
  if (t.kind === 'array' && t.items) return structOf(t.items);
  return undefined;
}

function tableOrder(id: string): number {
  return Number(id.split('-')[1]);
}

const PRIM: Record<string, [string, string]> = {
  string: ['String', 'strings'],
  integer: ['Integer', 'integers'],
  long: ['Long', 'longs'],
  float: ['Float', 'floats'],
  double: ['Double', 'doubles'],
  boolean: ['Boolean', 'booleans'],
};

/** The Type cell: "String", "Table 4-7 object", "Array of Table 4-8 objects", "Map<String,String>" … */
export function typeText(t: TypeRef, ids: Map<Field[], string>): string {
  switch (t.kind) {
    case 'primitive':
      return PRIM[t.name][0];
    case 'json':
      return 'String';
    case 'object':
      return t.fields.length && ids.has(t.fields) ? `Table ${ids.get(t.fields)} object` : 'Object';
    case 'map':
      return t.value ? `Map<String,${typeText(t.value, ids)}>` : 'Map<String,Object>';
    case 'array':
      if (!t.items) return 'Array';
      if (t.items.kind === 'primitive') return `Array of ${PRIM[t.items.name][1]}`;
      if (t.items.kind === 'object') return t.items.fields.length && ids.has(t.items.fields) ? `Array of Table ${ids.get(t.items.fields)} objects` : 'Array of objects';
      return 'Array';
  }
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function exampleOf(fields: Field[]): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const f of fields) out[f.name] = valueOf(f.type, f.example);
  return out;
}

function valueOf(t: TypeRef, example?: string): Json {
  switch (t.kind) {
    case 'primitive':
      if (t.name === 'boolean') return example === 'true';
      if (t.name === 'string') return example ?? 'string';
      return example !== undefined && Number.isFinite(Number(example)) ? Number(example) : 0;
    case 'json':
      return example ?? '{}';
    case 'object':
      return exampleOf(t.fields);
    case 'map':
      return { key: 'value' };
    case 'array': {
      if (!t.items) return [];
      if (t.items.kind === 'primitive' && example) {
        try {
          const v = JSON.parse(example) as Json;
          if (Array.isArray(v)) return v;
        } catch {
          /* not JSON: one element */
        }
      }
      return [valueOf(t.items)];
    }
  }
}

/** Pretty JSON the way the manuals print it: `"key" : value`, arrays of objects as `[ {`. */
export function prettyJson(value: Json, indent = ''): string[] {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return ['[ ]'];
    if (value.every((x) => x === null || typeof x !== 'object')) return [`[ ${value.map((x) => JSON.stringify(x)).join(', ')} ]`];
    const lines: string[] = ['[ {'];
    value.forEach((x, i) => {
      const body = prettyJson(x, indent).slice(1, -1);
      lines.push(...body);
      lines.push(i < value.length - 1 ? `${indent}}, {` : `${indent}} ]`);
    });
    return lines;
  }
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (!keys.length) return ['{ }'];
    const lines = ['{'];
    keys.forEach((k, i) => {
      const sub = prettyJson(value[k], inner);
      const comma = i < keys.length - 1 ? ',' : '';
      lines.push(`${inner}${JSON.stringify(k)} : ${sub[0]}`, ...sub.slice(1));
      lines[lines.length - 1] += comma;
    });
    lines.push(`${indent}}`);
    return lines;
  }
  return [JSON.stringify(value)];
}

function statusDescription(r: Response): string {
  if (r.status < 300) return r.status === 204 ? 'No Content' : r.description === 'OK' ? 'OK' : r.description;
  return r.description;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
