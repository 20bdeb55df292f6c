/**
 * Behaviours found wrong by the construct tests' review of real excerpts (formerly the todo list in
 * known-bugs.test.ts), now asserted: each case is the manual's text and what it means.
 */
import { describe, expect, it } from 'vitest';
import { fixtureLines, lineAt, manualVocab, row, rowsOf, slice, MANUAL } from './helpers.ts';
import { parseSampleRequest, readXml } from '../../../scripts/dialects/alibaba-rpc/samples.ts';
import { readFrontMatter } from '../../../scripts/dialects/alibaba-rpc/common.ts';
import { readProse } from '../../../scripts/dialects/alibaba-rpc/prose.ts';
import { Vocabulary, repairLigatures } from '../../../scripts/dialects/alibaba-rpc/repair.ts';
import { parseOperationList } from '../../../scripts/dialects/alibaba-rpc/operations-list.ts';

describe('samples.ts / common.ts', () => {
  it('a blank line ends the "Make API requests" example (TimeStamp does not swallow the next page)', () => {
    const r = parseSampleRequest(fixtureLines('make-api-requests').filter((l) => l.line >= 386))!;
    expect(r.parameters.at(-1)).toEqual({ name: 'TimeStamp', value: '2012-06-01T12:00:00Z', line: 394 });
    expect(r.endLine).toBe(394);
  });

  it('all seven regions of "Available regions" describe the server', () => {
    const lines = [...fixtureLines('make-api-requests'), ...fixtureLines('regions')];
    const fm = readFrontMatter(lines, lines.length, MANUAL, manualVocab(), [], 'ASM');
    expect(fm.servers[0].description).toBe(
      'ASM endpoint; the region table lists it for China (Hangzhou) (cn-hangzhou), ' +
        'China (Beijing) (cn-beijing), China (Shanghai) (cn-shanghai), US (Silicon Valley) (us-west-1), ' +
        'Singapore (ap-southeast-1), China (Shenzhen) (cn-shenzhen), China (Zhangjiakou) (cn-zhangjiakou)',
    );
  });

  it('"&Common request parameters" without <> is the common-parameters marker', () => {
    const r = parseSampleRequest(fixtureLines('get-ca-cert').filter((l) => l.line >= 5409))!;
    expect(r.common).toBe(true);
    expect(r.parameters.map((p) => p.name)).not.toContain('Common request parameters');
  });

  it('three repeated XML elements are one flat array', () => {
    expect(readXml('<XResponse><C>a</C><C>b</C><C>c</C></XResponse>')).toEqual({ C: ['a', 'b', 'c'] });
  });
});

describe('tables.ts', () => {
  it('an example printed as a block of its own is the example', () => {
    const r = row(rowsOf('explorer-footer', undefined, manualVocab()), 'ClusterIds');
    expect(r.example).toBe('c8b054ee8c3914d079b5ce9733328****,c58faedb8a78640d3aeb0372e4c02****');
    expect(r.description).toBe('The IDs of clusters in the ASM instance. Separate multiple cluster IDs with commas (,).');
  });

  it('a wrapped example whose fragment ends with "." continues ("newratings.default.svc." / "cluster.local")', () => {
    const r = row(rowsOf('route-detail-rows', undefined, manualVocab()), 'Authority');
    expect(r.example).toBe('newratings.default.svc.cluster.local');
    expect(r.description).toBe('The value to be used to overwrite the value of the Authority or Host header during redirection.');
  });

  it('a wrapped row name at a page start whose type is in the next block (GatewayStatusRecord)', () => {
    const rs = rowsOf('upgrade-status', [11701, 11775], manualVocab());
    expect(rs.map((r) => r.name)).toEqual([
      'RequestId', 'UpgradeDetail', 'FinishedGatewaysNum', 'MeshStatus', 'TotalGatewaysNum', 'GatewayStatusRecord', '*', 'Status', 'Message', 'Version',
    ]);
    expect(row(rs, 'TotalGatewaysNum').description).toBe('The total number of ingress gateways in the ASM instance.');
    expect(row(rs, 'GatewayStatusRecord').type).toBe('Map');
  });

  it('bullet values are code-formatted list items', () => {
    const r = row(rowsOf('create-service-mesh-request', [598, 760], manualVocab()), 'ApiServerPublicEip');
    expect(r.description).toContain('- `true`: exposes the API server to the Internet.');
  });

  it('the first bullet without its lead space is a list item too (MeshStatus "running")', () => {
    const r = row(rowsOf('upgrade-status', [11701, 11775], manualVocab()), 'MeshStatus');
    expect(r.description).toMatch(/^- `running`: The instance is running\.$/m);
  });
});

describe('prose.ts', () => {
  it('"Default value:" ends a bulleted valid-values list', () => {
    const facts = readProse(row(rowsOf('eip-instance-type', undefined, manualVocab()), 'InstanceType').paragraphs);
    expect(facts.enum).toEqual(['EcsInstance', 'SlbInstance', 'Nat', 'HaVip', 'NetworkInterface']);
    expect(facts.default).toBe('EcsInstance');
  });

  it('"Empty string" as a valid value is ""', () => {
    const facts = readProse(row(rowsOf('ccm-version-rows', undefined, manualVocab()), 'QueryState').paragraphs);
    expect(facts.enum).toEqual(['time_out', 'failed', '']);
  });
});

describe('lines.ts', () => {
  it('the error-center link at a page end is furniture', () => {
    expect(lineAt(fixtureLines('explorer-footer'), 8028).furniture).toBeDefined();
    expect(row(rowsOf('explorer-footer', undefined, manualVocab()), 'ClusterIds').description).not.toContain('error-center');
  });

  it('"4.1. Install and use ASM CLI" is a heading breadcrumb that names no operation', () => {
    const l = lineAt(fixtureLines('regions'), 518);
    expect(l.furniture).toBe('heading');
    expect(l.value).toBeUndefined();
  });
});

describe('repair.ts / operations-list.ts', () => {
  it('fragments of split words do not count as attested words', () => {
    expect(repairLigatures(lineAt(fixtureLines('make-api-requests'), 371).text, manualVocab())).toContain('the action to be executed');
  });

  it('an identifier split into 7 fragments is joined', () => {
    const v = new Vocabulary();
    v.addIdentifier('UpdateIstioRouteAdditionalStatus');
    expect(repairLigatures(lineAt(fixtureLines('route-additional-status-action'), 9737).text, v)).toBe('UpdateIstioRouteAdditionalStatus.');
  });

  it('list descriptions are repaired like other prose', () => {
    const o = parseOperationList(fixtureLines('operations-list'), MANUAL, manualVocab())!.operations.find((x) => x.name === 'DescribeCrTemplates')!;
    expect(o.description).toBe('Queries the common YAML templates for a specified type of Istio resource in ASM.');
  });
});
