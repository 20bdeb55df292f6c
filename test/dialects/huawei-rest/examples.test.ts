import { describe, expect, it } from 'vitest';
import type { SchemaModel } from '../../../scripts/model/types.ts';
import { lookalikeVariants, rebuildExample, scanFacts } from '../../../scripts/dialects/huawei-rest/examples.ts';
import { fixtureLines } from './helpers.ts';

/** Schema shaped like the manual's Mesh (only the parts the excerpts print). */
const str = { type: 'string' } as const;
const obj = (props: [string, SchemaModel, boolean?][]): SchemaModel => ({ type: 'object', properties: props.map(([name, schema, required]) => ({ name, schema, required: !!required })) });
const provider = obj([['name', str], ['zipkin', obj([['service', str], ['port', { type: 'integer' }]])]]);
const MESH = obj([
  ['apiVersion', str],
  ['kind', str],
  ['metadata', obj([['name', str], ['uid', str], ['creationTimestamp', str]])],
  [
    'spec',
    obj([
      ['extendParams', obj([['clusters', { type: 'array', items: obj([['clusterID', str]]) }]])],
      [
        'config',
        obj([
          ['proxyConfig', obj([['includeIPRanges', str]])],
          [
            'telemetryConfig',
            obj([
              ['metrics', obj([['aom', { type: 'array', items: obj([['instanceID', str]]) }]])],
              ['accessLogging', obj([['lts', { type: 'array', items: obj([['logGroupID', str], ['logStreamID', str]]) }]])],
              ['tracing', obj([['randomSamplingPercentage', { type: 'number' }], ['defaultProviders', { type: 'array', items: str }], ['extensionProviders', { type: 'array', items: provider }]])],
            ]),
          ],
        ]),
      ],
    ]),
  ],
  ['status', obj([['phase', str], ['updateTimestamp', str]])],
]);
const LIST = obj([['apiVersion', str], ['kind', str], ['items', { type: 'array', items: MESH }]]);

function codeLines(name: string) {
  return fixtureLines(name).filter((l) => !/^\s*```/.test(l.text) && (l.text.trim().startsWith('"') || /^[\s{}[\],;.]*$/.test(l.text)));
}

describe('scanFacts', () => {
  it('reads key/value lines, container openers, debris and fragments of the delete example', () => {
    const scanned = scanFacts(codeLines('delete-example.txt'));
    expect(scanned.facts.filter((f) => f.opens).map((f) => f.key)).toEqual(['accessLogging', 'lts', 'tracing', 'extensionProviders', 'zipkin', 'proxyConfig', 'extendParams', 'clusters', 'status']);
    expect(scanned.facts.find((f) => f.key === 'defaultProviders')?.value).toEqual(['zipkin']);
    expect(scanned.facts.find((f) => f.key === 'port')?.value).toBe(9411);
    expect(scanned.dropped.map((d) => [d.line.text.trim(), d.reason])).toEqual([['"mdateTimestamp"', 'a key without a value']]);
  });
});

describe('rebuildExample', () => {
  it('places every printed value where the schema says it lives, in schema order', () => {
    const r = rebuildExample(scanFacts(codeLines('delete-example.txt')), MESH, 'f.txt', 'delete');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({
      spec: {
        extendParams: { clusters: [{ clusterID: 'cb0ef541-xxxx-xxxx-xxxx-0255ac1001b7' }] },
        config: {
          proxyConfig: { includeIPRanges: '10.247.0.0/16' },
          telemetryConfig: {
            accessLogging: { lts: [{ logGroupID: 'b884eaeb-xxxx-xxxx-f442de73c392', logStreamID: '362e11e8-xxxx-xxxx-xxxx-0afdc68da7d2' }] },
            tracing: {
              randomSamplingPercentage: 1,
              defaultProviders: ['zipkin'],
              extensionProviders: [{ name: 'zipkin', zipkin: { service: 'zipkin.monitoring.svc.cluster.local', port: 9411 } }],
            },
          },
        },
      },
      status: { phase: 'Deleting', updateTimestamp: '2025-04-10T08:10:45Z' },
    });
  });

  it('tells the list\'s "kind" from the item\'s "kind" by the container opened before it, across two code blocks', () => {
    const r = rebuildExample(scanFacts(codeLines('list-example.txt')), LIST, 'f.txt', 'list');
    const v = r.value as { kind: string; items: { kind: string; metadata: { name: string }; spec: { config: { proxyConfig: unknown } } }[] };
    expect(v.kind).toBe('MeshList');
    expect(v.items).toHaveLength(1);
    expect(v.items[0].kind).toBe('Mesh');
    // "name": "mesh-test-api" after "metadata" is the metadata's, not a tracing provider's.
    expect(v.items[0].metadata.name).toBe('mesh-test-api');
    // "includelPRanges" (l for I) is read as includeIPRanges.
    expect(v.items[0].spec.config.proxyConfig).toEqual({ includeIPRanges: '10.247.0.0/16' });
    expect(r.diagnostics.map((d) => d.id)).toEqual(['example-key-repaired']);
  });

  it('a repeated key inside an array of objects starts the next element', () => {
    const lines = [
      '"aom" : [ {',
      '"instanceID": "a"',
      '}, {',
      '"instanceID": "b"',
    ].map((text, i) => ({ line: i + 1, text }));
    expect(rebuildExample(scanFacts(lines), MESH, 'f.txt', 'x').value).toEqual({ spec: { config: { telemetryConfig: { metrics: { aom: [{ instanceID: 'a' }, { instanceID: 'b' }] } } } } });
  });

  it('reports the problems of a rebuilt value that misses required properties (the example is not usable)', () => {
    const required = obj([['apiVersion', str, true], ['status', obj([['phase', str]]), true]]);
    const lines = ['"status" : {', '"phase" : "Running",'].map((text, i) => ({ line: i + 1, text }));
    const r = rebuildExample(scanFacts(lines), required, 'f.txt', 'x');
    expect(r.problems).toEqual(['/ lacks required "apiVersion"']);
  });

  it('never invents a value: a value of the wrong type is left out', () => {
    const lines = ['"port": "ninety"'].map((text, i) => ({ line: i + 1, text }));
    const r = rebuildExample(scanFacts(lines), MESH, 'f.txt', 'x');
    expect(r.placed).toBe(0);
    expect(r.problems).toEqual(['no value could be placed']);
  });

  it('lists look-alike spellings', () => {
    expect(lookalikeVariants('includelPRanges')).toContain('includeIPRanges');
  });
});
