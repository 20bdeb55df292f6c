/**
 * Manuals of other Alibaba products, in the bundled manual's layout: minimal repros of what the
 * round-trip harness (test/harness/alibaba) found wrong, each the smallest text that showed it
 * (the harness seed in the comment reproduces the whole manual:
 * `npx tsx test/harness/alibaba/repro.ts <seed> "<config>"`).
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../scripts/extract/text.ts';
import type { SourceDocument } from '../../../scripts/extract/types.ts';
import { classifyLines, type Line } from '../../../scripts/dialects/alibaba-rpc/lines.ts';
import { Vocabulary } from '../../../scripts/dialects/alibaba-rpc/repair.ts';
import { toBlocks } from '../../../scripts/dialects/alibaba-rpc/blocks.ts';
import { parseTable, type RawRow } from '../../../scripts/dialects/alibaba-rpc/tables.ts';
import { buildTree, indexSamples, toProperties } from '../../../scripts/dialects/alibaba-rpc/nesting.ts';
import { parseSampleRequest } from '../../../scripts/dialects/alibaba-rpc/samples.ts';
import { isTrailer } from '../../../scripts/dialects/alibaba-rpc/landmarks.ts';
import { settleName } from '../../../scripts/dialects/alibaba-rpc/section.ts';
import { parseOperationList } from '../../../scripts/dialects/alibaba-rpc/operations-list.ts';
import { readProse } from '../../../scripts/dialects/alibaba-rpc/prose.ts';
import { parseAlibaba } from '../../../scripts/dialects/alibaba-rpc/parse.ts';
import { readFrontMatter } from '../../../scripts/dialects/alibaba-rpc/common.ts';
import type { JsonValue, PropertyModel } from '../../../scripts/model/types.ts';

const FILE = 'other.txt';
const doc = (text: string): SourceDocument => ({ file: FILE, kind: 'txt', lines: splitLines(text), bytes: text.length });
const linesOf = (text: string): Line[] => classifyLines(doc(text));
const rowsOf = (text: string): RawRow[] => parseTable(toBlocks(linesOf(text)), FILE, new Vocabulary()).rows;
const brief = (rows: RawRow[]) => rows.map((r) => [r.name, r.type, r.required, r.example]);

describe('tables.ts: rows of other manuals', () => {
  const cases: [what: string, text: string, rows: (string | boolean | undefined)[][]][] = [
    [
      // seed 1 (wrappedCells): the Required cell after a wrapped Type cell was read as missing.
      'the Required cell after a wrapped Type cell',
      'DatabaseDomains\nArray of\nString\n\nYes\n["dat-\njxkt7cdgybtn2jd99a4e\no****"]\n\nThe IDs of the databases.\n\nSNIHosts\nArray of\nString\n\nNo *.com\n\nThe SNI values.',
      [
        ['DatabaseDomains', 'Array of String', true, '["dat-jxkt7cdgybtn2jd99a4eo****"]'],
        ['SNIHosts', 'Array of String', false, '*.com'],
      ],
    ],
    [
      // seed 3 (wrappedCells): a struct name wrapped before a capital.
      'a struct name wrapped at a capital, Required after it',
      'Entries\nArray of\nNamespace\nStatus\n\nYes\nThe details of the namespaces.',
      [['Entries', 'Array of NamespaceStatus', true, undefined]],
    ],
    [
      // seed 9 (none): "List" after a Map row was read as the map's value row.
      'a row named like a type after a Map row',
      'Extra Map Yes The labels of the job.\n\nList\nArray of\nNamespaceE\nntry\n\nYes The namespaces that are returned.\n\nItems Map No The tags.\n\nString key The tag value.',
      [
        ['Extra', 'Map', true, undefined],
        ['List', 'Array of NamespaceEntry', true, undefined],
        ['Items', 'Map', false, undefined],
        ['*', 'String', undefined, 'key'],
      ],
    ],
    [
      // seeds 4 and 10 (ligatures): names with several ligature gaps.
      'names split by several ligature gaps, also wrapped',
      'St at e String pending The state.\n\nT ableRetryT\nimes\n\nInteger 141 The port of the table.',
      [
        ['State', 'String', undefined, 'pending'],
        ['TableRetryTimes', 'Integer', undefined, '141'],
      ],
    ],
    [
      // seed 97 (all together): a name wrapped before a word that is also a type.
      'a name wrapped before a type word, and the description on the struct name\'s last line',
      'AccessLogConnection\nList\n\nArray of\nConnectionIn\nfoPool The connections that are returned.\n\nInterval Long 41 The port.',
      [
        ['AccessLogConnectionList', 'Array of ConnectionInfoPool', undefined, undefined],
        ['Interval', 'Long', undefined, '41'],
      ],
    ],
    [
      // seed 603 (all, rates x3): an Action example cell wrapped before "List", the description on
      // its line, read as a row "StartImageSubnet" of type List.
      'an Action example ending in a type word is no row (request rows have a Required cell)',
      'Action String Yes\n\nStartImageSubnet\nList The operation that you want to perform.\n\nStrategy String Yes PrePaid The status.',
      [
        ['Action', 'String', true, 'StartImageSubnetList'],
        ['Strategy', 'String', true, 'PrePaid'],
      ],
    ],
    [
      // seed 207 (all together): the same as a block of its own.
      'an Action example block ending in a type word',
      'Action String Yes\n\nRestartProjectUser\nList\n\nThe operation that you want to perform.\n\nProjectUid String Yes p-1 The ID.',
      [
        ['Action', 'String', true, 'RestartProjectUserList'],
        ['ProjectUid', 'String', true, 'p-1'],
      ],
    ],
    [
      // seed 15 (all together): a one-word Chinese description was read as the example.
      'a one-word Chinese description is not an example',
      'VolumeResults Array 存储卷列表。\n\nVolumeOwnerId String vol-1 The ID.',
      [
        ['VolumeResults', 'Array', undefined, undefined],
        ['VolumeOwnerId', 'String', undefined, 'vol-1'],
      ],
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(brief(rowsOf(text))).toEqual(expected);
  });

  it('the description of a row whose struct name wrapped onto its line', () => {
    const r = rowsOf('AccessLogConnection\nList\n\nArray of\nConnectionIn\nfoPool The connections that are returned.')[0];
    expect(r.description).toBe('The connections that are returned.');
  });
});

/** Rows -> properties: name and type, nested. */
function tree(text: string, samples: JsonValue[], request = false): unknown {
  const { root } = buildTree(rowsOf(text), indexSamples(samples), FILE, undefined, { request });
  const show = (ps: PropertyModel[]): unknown =>
    ps.map((p) => {
      const inner = p.schema.properties ?? p.schema.items?.properties;
      return inner ? { [p.name]: show(inner) } : p.name;
    });
  return show(toProperties(root, () => false));
}

describe('nesting.ts: rows of other manuals', () => {
  it('a struct holds one field of a name (seed 3: a top-level Level after Detail.Level)', () => {
    const text = 'Detail Object No The details.\n\nLevel String Yes ACTIVE The level.\n\nRegion String No cn-hangzhou The region.\n\nLevel String No INACTIVE The status.';
    expect(tree(text, [{ Detail: { Level: 'ACTIVE' }, Region: 'cn-hangzhou', Level: 'INACTIVE' }], true)).toEqual([{ Detail: ['Level'] }, 'Region', 'Level']);
    // The same when the sample request leaves the top-level one out (seed 17).
    expect(tree(text.replace('Region String No cn-hangzhou The region.\n\n', ''), [{ Detail: { Level: 'ACTIVE' } }], true)).toEqual([{ Detail: ['Level'] }, 'Level']);
  });

  it('a request row the sample request leaves out, after an Object parameter it spells out, is a parameter (seed 13)', () => {
    const text = 'WorkspacePolicy Object No The plugin.\n\nWorkspaceAlias String Yes my The alias.\n\nExtra Map No The labels.';
    expect(tree(text, [{ WorkspacePolicy: { WorkspaceAlias: 'my' } }], true)).toEqual([{ WorkspacePolicy: ['WorkspaceAlias'] }, 'Extra']);
    // A response sample that leaves a field out of a struct keeps the table order (the bundled
    // manual's LocalityLoadBalancing sample has no Failover).
    expect(tree(text, [{ WorkspacePolicy: { WorkspaceAlias: 'my' } }], false)).toEqual([{ WorkspacePolicy: ['WorkspaceAlias', 'Extra'] }]);
  });

  it('a plain Array whose example lists values holds no rows (seed 52)', () => {
    const text = 'Labels Array No ["bb34c2d46b050a12cdbf****"] The databases.\n\nHealthCheckForce Boolean No true The force flag.';
    expect(tree(text, [{}], true)).toEqual(['Labels', 'HealthCheckForce']);
    // A plain Array without such an example still holds the rows below it.
    expect(tree('Headers Array No The headers.\n\nName String No x-id The key.', [{}], true)).toEqual([{ Headers: ['Name'] }]);
  });

  it('no container is restored from the sample for a row above the row that documents it (seed 90)', () => {
    const text = 'ResourceId String No ab78 The ID.\n\nAlias String Yes demo The alias.\n\nZoneRecords Array of ZoneRecord No The zones.\n\nResourceId String No esp-1 The ID of the endpoint.';
    expect(tree(text, [{ Alias: 'demo', ZoneRecords: [{ ResourceId: 'esp-1' }] }], true)).toEqual(['ResourceId', 'Alias', { ZoneRecords: ['ResourceId'] }]);
  });
});

describe('samples.ts: a sample request cut by a page break inside a JSON value (seed 43)', () => {
  it('goes on while the value is open', () => {
    const text = [
      'http(s)://[Endpoint]/?Action=ValidateStream',
      '&Status={"Phase":"pending","PolicyAlias',
      '',
      'API Reference·St ream operat ions Scalable Graph Ledger Center',
      '',
      '65 > Document  Version: 20200424',
      '',
      '',
      '":"demo"}',
      '&Labels=["c7d1"]',
      '&<Common request parameters>',
    ].join('\n');
    const r = parseSampleRequest(linesOf(text))!;
    expect(r.parameters.map((p) => [p.name, p.value])).toEqual([
      ['Status', '{"Phase":"pending","PolicyAlias":"demo"}'],
      ['Labels', '["c7d1"]'],
    ]);
    expect(r.common).toBe(true);
  });
});

describe('samples.ts: a JSON value wrapped before "{" (seed 204)', () => {
  it('goes on with the rest of the value', () => {
    const text = 'http(s)://[Endpoint]/?Action=ExportListener\n&RepositoryOptions={"Ratio":99.9,"DomainConfig":{"DomainProperties":\n{"key":"value"},"Duration":37}}\n&OwnerId=pip-1\n&<Common request parameters>';
    expect(parseSampleRequest(linesOf(text))!.parameters.map((p) => [p.name, p.value])).toEqual([
      ['RepositoryOptions', '{"Ratio":99.9,"DomainConfig":{"DomainProperties":{"key":"value"},"Duration":37}}'],
      ['OwnerId', 'pip-1'],
    ]);
  });
});

describe('landmarks and furniture of other manuals', () => {
  it.each([
    ['For a list of error codes, visit the API Error Center.', true],
    ['For a list  of error codes, visit  the API Error Cent er.', true],
    ['For a list of error codes, visit t he API Error Center.', true],
    ['For a list of the error codes, see the appendix.', false],
  ])('trailer %j: %s', (t, yes) => expect(isTrailer(t)).toBe(yes));

  it('running headers of any product, a wrapped tail of a few words included (seed 95)', () => {
    const lines = linesOf('Alibaba Cloud Cloud Analytics Engine API Reference·Connect\nion operat ions\n\n> Document  Version: 20251210 4\nAPI Reference·Clust er Elastic Queue Service\n stopped : the backend is stopped');
    expect(lines.map((l) => l.furniture ?? null)).toEqual(['running-header', 'running-header', null, 'footer', 'running-header', null]);
  });

  it('an operation row above a repeated "Operation Description" header is not a group title (seed 111)', () => {
    const text = [
      'The following tables list API operations available for use in Scalable Scheduler Service (SSS).',
      '',
      'Dashboard operations',
      '',
      'Operation Description',
      '',
      'UpdateDashboardStatus Updates a dashboard of a database.',
      '',
      'UpdateDashboard Updates the dashboard of an endpoint.',
      '',
      '1.List of operations by function',
      'Operation Description',
      ' StopProxy Stops a dashboard of a task.',
      '',
      'This topic describes the syntax of making Scalable Scheduler Service (SSS) API requests.',
    ].join('\n');
    const list = parseOperationList(linesOf(text), FILE)!;
    expect(list.groups.map((g) => g.name)).toEqual(['Dashboard operations']);
    expect(list.operations.map((o) => [o.name, o.group])).toEqual([
      ['UpdateDashboardStatus', 'Dashboard operations'],
      ['UpdateDashboard', 'Dashboard operations'],
      ['StopProxy', 'Dashboard operations'],
    ]);
  });

  it('a listed name wrapped before a capital (seed 88: "…ForNamespa" / "ceScope", seed 196)', () => {
    const text = [
      'The following tables list API operations available for use in Elastic Queue Service (EQS).',
      '',
      'Pipelines',
      '',
      'Operation Description',
      '',
      'QueryPipelineTopicConfigForNamespa',
      'ceScope',
      '',
      'Queries a pipeline of a policy.',
      '',
      'AttachInstanceKeyRuleForNamespace',
      'Scope',
      '',
      'Attaches an instance.',
      '',
      // seed 16 (wrappedCells): the last piece on the description's line.
      'UpgradeProjectRoutePolicyAcrossReg',
      'ions Upgrades the route of an instance.',
      '',
      'RevokeKubeconfig',
      'Revokes the kubeconfig file.',
      '',
      'This topic describes the syntax of making Elastic Queue Service (EQS) API requests.',
    ].join('\n');
    const known = new Set(['UpgradeProjectRoutePolicyAcrossRegions', 'RevokeKubeconfig']);
    expect(parseOperationList(linesOf(text), FILE, undefined, (n) => known.has(n))!.operations.map((o) => [o.name, o.description])).toEqual([
      ['QueryPipelineTopicConfigForNamespaceScope', 'Queries a pipeline of a policy.'],
      ['AttachInstanceKeyRuleForNamespaceScope', 'Attaches an instance.'],
      ['UpgradeProjectRoutePolicyAcrossRegions', 'Upgrades the route of an instance.'],
      ['RevokeKubeconfig', 'Revokes the kubeconfig file.'],
    ]);
  });

  it('inline valid values and a default with a ligature gap in a value (seeds 59, 464)', () => {
    expect(readProse(['The status of the session. Valid values: INACTIVE and updat ing.']).enum).toEqual(['INACTIVE', 'updating']);
    expect(readProse(['The mode.', 'Default value: st opped .']).default).toBe('stopped');
    expect(readProse(['The mode.', 'Default value: mesh-log-{ASM instance ID}.']).default).toBeUndefined();
  });
});

describe('settleName: the name from all the evidence', () => {
  type Ev = Parameters<typeof settleName>[0][number];
  const ev = (name: string, kind: Ev['kind'], line = 1): Ev => ({ name, kind, line });
  it.each([
    ['a cut Action cell loses to the sample request that extends it', [ev('DescribeServiceMeshKubec', 'action-row'), ev('DescribeServiceMeshKubeconfig', 'sample-request')], [], 'DescribeServiceMeshKubeconfig'],
    ['a cut Action cell loses to the Explorer link', [ev('DescribeClusterGraf', 'action-row'), ev('DescribeClusterGrafana', 'explorer-link')], [], 'DescribeClusterGrafana'],
    ['a stray longer breadcrumb does not make a name cut', [ev('UpdateDashboard', 'action-row'), ev('UpdateDashboard', 'sample-request'), ev('UpdateDashboardStatus', 'heading')], [], 'UpdateDashboard'],
    ['two listed names that extend each other are both names', [ev('GetVmMeta', 'action-row'), ev('GetVmMetaInfo', 'sample-request')], ['GetVmMeta', 'GetVmMetaInfo'], 'GetVmMeta'],
    ['an Action cell alone, not listed, is completed from the list', [ev('DescribeClusterGraf', 'action-row')], ['DescribeClusterGrafana', 'DescribeClusterPrometheus'], 'DescribeClusterGrafana'],
    ['an Action cell the sample request agrees with is kept though a listed name extends it (seed 111)', [ev('UpdateDashboard', 'action-row'), ev('UpdateDashboard', 'sample-request')], ['UpdateDashboardStatus'], 'UpdateDashboard'],
    ['the heading alone names a section', [ev('RunDiagnosis', 'heading')], [], 'RunDiagnosis'],
  ])('%s', (_, evidence, listed, name) => {
    expect(settleName(evidence, new Set(listed))?.name).toBe(name);
  });
});

/** A small manual of another product, with the damage the harness found the dialect losing. */
const OTHER = [
  'The following tables list API operations available for use in Elastic Queue Service (EQS).',
  '',
  'Queues',
  '',
  'Operation Description',
  '',
  'CreateQueue Creates a queue.',
  '',
  'DescribeQueues Queries queues.',
  '',
  'This topic describes the syntax of making Elastic Queue Service (EQS) API request s and the responses.',
  '',
  'Endpoint: the endpoint of the EQS API, which is eqs.aliyuncs.com.',
  '',
  'Version: the version number of the API. Set the value to 2021-03-15.',
  '',
  'https://eqs.aliyuncs.com/?Action=CreateQueue',
  '&Format=xml',
  '&Version=2021-03-15',
  '&Signature=xxxx%xxxx%3D',
  '&SignatureMethod=HMAC-SHA1',
  '&SignatureNonce=15215528852396',
  '&SignatureVersion=1.0',
  '&AccessKeyId=key-test',
  '&Timestamp=2012-06-01T12:00:00Z',
  '…',
  '',
  // CreateQueue: its heading, "Debugging" and "Request parameters" lost; it is the first section.
  'Creates a queue.',
  '',
  'OpenAPI Explorer automatically calculates the signature value.',
  '',
  'Parameter Type Required Example Description',
  '',
  'Action String Yes CreateQueue The operation that you want to perform.',
  '',
  'QueueName String Yes q1 The name of the queue.',
  '',
  // The response label and header lost: rows without a Required cell.
  'RequestId String 5A7C-11 The ID of the request.',
  '',
  'QueueId String q-1 The ID of the queue.',
  '',
  'http(s)://[Endpoint]/?Action=CreateQueue',
  '&QueueName=q1',
  '&<Common request parameters>',
  '',
  '{',
  '  "RequestId" : "5A7C-11",',
  '  "QueueId" : "q-1"',
  '}',
  '',
  'Error codes',
  'For a list  of error codes, visit  the API Error Cent er.',
  '',
  'Queries queues.',
  '',
  'Debugging',
  'OpenAPI Explorer automatically calculates the signature value.',
  '',
  'Request parameters',
  '',
  'Parameter Type Required Example Description',
  '',
  'Action String Yes DescribeQueues The operation that you want to perform.',
  '',
  'Response parameters',
  '',
  'Parameter Type Example Description',
  '',
  'RequestId String 5A7C-12 The ID of the request.',
  '',
  'Elastic Queue Service API Reference·Queues',
  '',
  '> Document  Version: 20230101 8',
  '',
  'https://api.aliyun.com/#product=eqs&api=DescribeQueues&type=RPC&version=2021-03-15',
  '',
  '',
  'Queues Array of Queue The queues.',
  '',
  'QueueId String q-1 The ID of the queue.',
  '',
  'http(s)://[Endpoint]/?Action=DescribeQueues',
  '&<Common request parameters>',
  '',
  '{"RequestId":"5A7C-12","Queues":[{"QueueId":"q-1"}]}',
  '',
  'Error codes',
  'For a list of error codes, visit the API Error Center.',
].join('\n');

describe('parse.ts on a manual of another product', () => {
  const { model, diagnostics } = parseAlibaba(doc(OTHER));
  const op = (id: string) => model.operations.find((o) => o.operationId === id)!;
  const props = (id: string) => op(id).responses[0].schema!.properties!.map((p) => p.name);

  it('names the API from the manual: title, service code, server, document version', () => {
    expect(model.title).toBe('Elastic Queue Service (EQS) API');
    expect(model.service).toBe('eqs');
    expect(model.servers.map((s) => [s.url, s.description])).toEqual([['https://eqs.aliyuncs.com', 'EQS endpoint']]);
    expect(model.version).toBe('2021-03-15');
    expect(model.documentVersion).toBe('20230101');
  });

  it('finds a first section with no heading and no "Debugging", and splits its rows at the Required cells', () => {
    expect(model.operations.map((o) => o.operationId)).toEqual(['CreateQueue', 'DescribeQueues']);
    expect(op('CreateQueue').parameters.map((p) => [p.name, p.required])).toEqual([
      ['Action', true],
      ['QueueName', true],
    ]);
    expect(props('CreateQueue')).toEqual(['RequestId', 'QueueId']);
    expect(diagnostics.some((d) => d.id === 'table-split-by-samples' && d.message.startsWith('CreateQueue'))).toBe(true);
  });

  it('reads a table across the page furniture and tags from the list', () => {
    expect(props('DescribeQueues')).toEqual(['RequestId', 'Queues']);
    expect(op('DescribeQueues').tags).toEqual(['Queues']);
  });
});

describe('front matter and a stripped first section', () => {
  it('an endpoint host with a ligature gap (seed 593)', () => {
    const fm = readFrontMatter(linesOf('Endpoint: the endpoint of the SFE API, which is sf e.aliyuncs.com.'), 1, FILE, new Vocabulary(), [], 'SFE');
    expect(fm.endpointHost).toBe('sfe.aliyuncs.com');
  });

  it('a first section reduced to its rows opens at its Action row, even ligature-split (seeds 16, 140, 1153)', () => {
    const text = [
      'The following tables list API operations available for use in Elastic Queue Service (EQS).',
      '',
      'Queues',
      '',
      'Operation Description',
      '',
      'CreateQueue Creates a queue.',
      '',
      'This topic describes the syntax of making Elastic Queue Service (EQS) API requests.',
      '',
      'Endpoint: the endpoint of the EQS API, which is eqs.aliyuncs.com.',
      '',
      'https://eqs.aliyuncs.com/?Action=CreateQueue',
      '&Format=xml',
      '&Timestamp=2012-06-01T12:00:00Z',
      '…',
      '',
      'Act ion String Yes CreateQueue The operation that you want to perform.',
      '',
      'QueueName String Yes q1 The name of the queue.',
      '',
      'http(s)://[Endpoint]/?Action=CreateQueue',
      '&QueueName=q1',
      '&<Common request parameters>',
      '',
      'Error codes',
      'For a list of error codes, visit the API Error Center.',
    ].join('\n');
    const { model } = parseAlibaba(doc(text));
    expect(model.operations.map((o) => [o.operationId, o.parameters.map((p) => p.name), o.requestExamples[0]?.parameters?.map((p) => p.name)])).toEqual([
      ['CreateQueue', ['Action', 'QueueName'], ['Action', 'QueueName']],
    ]);
  });
});
