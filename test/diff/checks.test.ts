/**
 * One base/revision fixture pair per check (test/fixtures/diff/<id>/), each asserting the exact
 * list of changes: id, level and location. Expected locations are written out by hand from the
 * fixture files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffSpecs } from '../../scripts/diff/engine.ts';
import { checks } from '../../scripts/diff/registry.ts';
import type { Level } from '../../scripts/diff/types.ts';
import messages from '../../scripts/diff/messages.json' with { type: 'json' };

const FIXTURES = join(import.meta.dirname, '../fixtures/diff');

export function loadPair(name: string) {
  const read = (f: string) => ({ label: `${name}/${f}`, spec: parse(readFileSync(join(FIXTURES, name, f), 'utf8')) });
  return { base: read('base.yaml'), revision: read('revision.yaml') };
}

type Expected = { id: string; level: Level; operation?: string; location: { base?: string; revision?: string } };

const DESCRIBE = '#/paths/~1#Action=DescribeThings/get';
const UPDATE = '#/paths/~1things~1{ThingId}/put';
const DELETE = '#/paths/~1old-things~1{ThingId}/delete';
const both = (p: string) => ({ base: p, revision: p });

const cases: Record<string, Expected[]> = {
  'operation-removed': [{ id: 'operation-removed', level: 'breaking', operation: 'UpdateThing', location: { base: UPDATE } }],
  'deprecated-operation-removed': [{ id: 'deprecated-operation-removed', level: 'warning', operation: 'DeleteThing', location: { base: DELETE } }],
  'operation-added': [{ id: 'operation-added', level: 'info', operation: 'CreateThing', location: { revision: '#/paths/~1#Action=CreateThing/get' } }],
  'operation-deprecated': [{ id: 'operation-deprecated', level: 'warning', operation: 'DescribeThings', location: both(DESCRIBE) }],
  'operation-reactivated': [{ id: 'operation-reactivated', level: 'info', operation: 'DeleteThing', location: both(DELETE) }],
  'operation-id-changed': [{ id: 'operation-id-changed', level: 'breaking', operation: 'ModifyThing', location: both(UPDATE) }],
  'operation-path-changed': [
    { id: 'operation-path-changed', level: 'breaking', operation: 'UpdateThing', location: { base: UPDATE, revision: '#/paths/~1items~1{ThingId}/put' } },
  ],
  'operation-method-changed': [
    { id: 'operation-method-changed', level: 'breaking', operation: 'UpdateThing', location: { base: UPDATE, revision: '#/paths/~1things~1{ThingId}/patch' } },
  ],
  'request-parameter-removed': [{ id: 'request-parameter-removed', level: 'breaking', operation: 'UpdateThing', location: { base: `${UPDATE}/parameters/1` } }],
  'request-parameter-renamed': [{ id: 'request-parameter-renamed', level: 'breaking', operation: 'UpdateThing', location: both(`${UPDATE}/parameters/1`) }],
  'request-parameter-added-required': [
    { id: 'request-parameter-added-required', level: 'breaking', operation: 'UpdateThing', location: { revision: `${UPDATE}/parameters/2` } },
  ],
  'request-parameter-added': [{ id: 'request-parameter-added', level: 'info', operation: 'UpdateThing', location: { revision: `${UPDATE}/parameters/2` } }],
  'request-parameter-became-required': [
    { id: 'request-parameter-became-required', level: 'breaking', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1`) },
  ],
  'request-parameter-became-optional': [
    { id: 'request-parameter-became-optional', level: 'info', operation: 'DescribeThings', location: both('#/components/parameters/RegionId') },
  ],
  'request-parameter-location-changed': [
    { id: 'request-parameter-location-changed', level: 'breaking', operation: 'UpdateThing', location: both(`${UPDATE}/parameters/1`) },
  ],
  'request-parameter-type-changed': [
    { id: 'request-parameter-type-changed', level: 'breaking', operation: 'DescribeThings', location: both('#/components/parameters/RegionId/schema') },
  ],
  'request-parameter-format-changed': [
    { id: 'request-parameter-format-changed', level: 'warning', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1/schema`) },
  ],
  'request-parameter-enum-value-removed': [
    { id: 'request-parameter-enum-value-removed', level: 'breaking', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1/schema`) },
  ],
  'request-parameter-enum-value-added': [
    { id: 'request-parameter-enum-value-added', level: 'info', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1/schema`) },
  ],
  'request-parameter-enum-removed': [
    { id: 'request-parameter-enum-removed', level: 'info', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1/schema`) },
  ],
  'request-parameter-enum-added': [
    { id: 'request-parameter-enum-added', level: 'breaking', operation: 'DescribeThings', location: both('#/components/parameters/RegionId/schema') },
  ],
  'request-parameter-default-changed': [
    { id: 'request-parameter-default-changed', level: 'warning', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1/schema`) },
  ],
  'request-parameter-constraint-tightened': [
    { id: 'request-parameter-constraint-tightened', level: 'breaking', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/1/schema`) },
  ],
  'request-parameter-serialization-changed': [
    { id: 'request-parameter-serialization-changed', level: 'breaking', operation: 'DescribeThings', location: both(`${DESCRIBE}/parameters/2`) },
  ],
  'request-parameter-deprecated': [
    { id: 'request-parameter-deprecated', level: 'warning', operation: 'UpdateThing', location: both(`${UPDATE}/parameters/1`) },
  ],
  'request-body-added-required': [
    { id: 'request-body-added-required', level: 'breaking', operation: 'UpdateThing', location: { revision: `${UPDATE}/requestBody` } },
  ],
  'request-body-removed': [{ id: 'request-body-removed', level: 'breaking', operation: 'UpdateThing', location: { base: `${UPDATE}/requestBody` } }],
  'request-body-became-required': [{ id: 'request-body-became-required', level: 'breaking', operation: 'UpdateThing', location: both(`${UPDATE}/requestBody`) }],
  'request-body-media-type-removed': [
    {
      id: 'request-body-media-type-removed',
      level: 'breaking',
      operation: 'UpdateThing',
      location: { base: `${UPDATE}/requestBody/content/application~1x-www-form-urlencoded`, revision: `${UPDATE}/requestBody` },
    },
  ],
  'request-property-removed': [
    { id: 'request-property-removed', level: 'breaking', operation: 'UpdateThing', location: { base: '#/components/schemas/ThingInput/properties/Mode' } },
  ],
  'request-property-added-required': [
    { id: 'request-property-added-required', level: 'breaking', operation: 'UpdateThing', location: { revision: '#/components/schemas/ThingInput/properties/Color' } },
  ],
  'request-property-added': [
    { id: 'request-property-added', level: 'info', operation: 'UpdateThing', location: { revision: '#/components/schemas/ThingInput/properties/Color' } },
  ],
  'request-property-became-required': [
    { id: 'request-property-became-required', level: 'breaking', operation: 'UpdateThing', location: both('#/components/schemas/ThingInput/properties/Size') },
  ],
  'request-property-became-optional': [
    { id: 'request-property-became-optional', level: 'info', operation: 'UpdateThing', location: both('#/components/schemas/ThingInput/properties/Name') },
  ],
  'request-property-enum-value-added': [
    { id: 'request-property-enum-value-added', level: 'info', operation: 'UpdateThing', location: both('#/components/schemas/ThingInput/properties/Mode') },
  ],
  'request-property-type-changed': [
    {
      id: 'request-property-type-changed',
      level: 'breaking',
      operation: 'DescribeThings',
      location: both(`${DESCRIBE}/parameters/2/schema/contentSchema/items/properties/Key`),
    },
  ],
  'request-property-enum-value-removed': [
    { id: 'request-property-enum-value-removed', level: 'breaking', operation: 'UpdateThing', location: both('#/components/schemas/ThingInput/properties/Mode') },
  ],
  'request-property-enum-removed': [
    { id: 'request-property-enum-removed', level: 'info', operation: 'UpdateThing', location: both('#/components/schemas/ThingInput/properties/Mode') },
  ],
  'request-property-enum-added': [
    { id: 'request-property-enum-added', level: 'breaking', operation: 'UpdateThing', location: both('#/components/schemas/ThingInput/properties/Name') },
  ],
  'response-success-status-removed': [
    { id: 'response-success-status-removed', level: 'breaking', operation: 'UpdateThing', location: { base: `${UPDATE}/responses/202` } },
  ],
  'response-error-status-removed': [
    { id: 'response-error-status-removed', level: 'warning', operation: 'DescribeThings', location: { base: `${DESCRIBE}/responses/404` } },
  ],
  'response-status-added': [{ id: 'response-status-added', level: 'info', operation: 'DescribeThings', location: { revision: `${DESCRIBE}/responses/400` } }],
  'response-media-type-removed': [
    {
      id: 'response-media-type-removed',
      level: 'breaking',
      operation: 'DescribeThings',
      location: { base: `${DESCRIBE}/responses/200/content/application~1xml`, revision: `${DESCRIBE}/responses/200` },
    },
  ],
  'response-header-removed': [
    {
      id: 'response-header-removed',
      level: 'breaking',
      operation: 'UpdateThing',
      location: { base: `${UPDATE}/responses/200/headers/X-Request-Id`, revision: `${UPDATE}/responses/200` },
    },
  ],
  'response-property-removed': [
    { id: 'response-property-removed', level: 'breaking', operation: 'UpdateThing', location: { base: '#/components/schemas/Thing/properties/Size' } },
  ],
  'response-property-added': [
    { id: 'response-property-added', level: 'info', operation: 'UpdateThing', location: { revision: '#/components/schemas/Thing/properties/Color' } },
  ],
  'response-property-type-changed': [
    {
      id: 'response-property-type-changed',
      level: 'breaking',
      operation: 'DescribeThings',
      location: both('#/components/schemas/DescribeThingsResponse/properties/RequestId'),
    },
  ],
  'response-property-format-changed': [
    { id: 'response-property-format-changed', level: 'warning', operation: 'UpdateThing', location: both('#/components/schemas/Thing/properties/Size') },
  ],
  'response-property-became-optional': [
    {
      id: 'response-property-became-optional',
      level: 'breaking',
      operation: 'DescribeThings',
      location: both('#/components/schemas/DescribeThingsResponse/properties/RequestId'),
    },
  ],
  'response-property-became-required': [
    { id: 'response-property-became-required', level: 'info', operation: 'UpdateThing', location: both('#/components/schemas/Thing/properties/Size') },
  ],
  'response-property-enum-value-added': [
    { id: 'response-property-enum-value-added', level: 'warning', operation: 'DescribeThings', location: both('#/components/schemas/ThingSummary/properties/Status') },
  ],
  'response-property-enum-value-removed': [
    { id: 'response-property-enum-value-removed', level: 'info', operation: 'DescribeThings', location: both('#/components/schemas/ThingSummary/properties/Status') },
  ],
  'response-property-enum-removed': [
    { id: 'response-property-enum-removed', level: 'breaking', operation: 'DescribeThings', location: both('#/components/schemas/ThingSummary/properties/Status') },
  ],
  'response-property-enum-added': [
    { id: 'response-property-enum-added', level: 'info', operation: 'UpdateThing', location: both('#/components/schemas/Thing/properties/Size') },
  ],
  'security-scheme-removed': [{ id: 'security-scheme-removed', level: 'breaking', location: { base: '#/components/securitySchemes/Basic' } }],
  'security-scheme-added': [{ id: 'security-scheme-added', level: 'info', location: { revision: '#/components/securitySchemes/Basic' } }],
  'security-scheme-changed': [{ id: 'security-scheme-changed', level: 'breaking', location: both('#/components/securitySchemes/Sig') }],
  'operation-security-changed': [{ id: 'operation-security-changed', level: 'breaking', operation: 'UpdateThing', location: both(`${UPDATE}/security`) }],
  'server-removed': [{ id: 'server-removed', level: 'breaking', location: { base: '#/servers/1' } }],
  'server-added': [{ id: 'server-added', level: 'info', location: { revision: '#/servers/2' } }],
  'api-version-changed': [{ id: 'api-version-changed', level: 'info', location: both('#/info/version') }],
  'schema-component-renamed': [
    {
      id: 'schema-component-renamed',
      level: 'warning',
      location: { base: '#/components/schemas/DescribeThingsResponse', revision: '#/components/schemas/DescribeThingsResult' },
    },
  ],
  '_no-change-reordered': [],
};

describe('diff checks: one fixture pair per check', () => {
  it('every check has a fixture pair and a case, and every fixture has a case', () => {
    const dirs = readdirSync(FIXTURES).filter((d) => !d.startsWith('.')).sort();
    expect(dirs).toEqual(Object.keys(cases).sort());
    for (const c of checks) expect(cases[c.id], c.id).toBeDefined();
  });

  it('message templates (messages.json) exist for exactly the registered checks', () => {
    expect(Object.keys(messages).sort()).toEqual(checks.map((c) => c.id).sort());
    const files = readdirSync(join(import.meta.dirname, '../../scripts/diff/checks')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(checks.map((c) => c.id).sort());
  });

  it('check ids are unique kebab-case', () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ids.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, expected] of Object.entries(cases)) {
    it(name, () => {
      const { base, revision } = loadPair(name);
      const result = diffSpecs(base, revision);
      const got = result.changes.map((c) => ({ id: c.id, level: c.level, ...(c.operation ? { operation: c.operation } : {}), location: c.location }));
      expect(got).toEqual(expected);
      for (const c of expected) {
        // the check's own level is what is reported
        expect(checks.find((k) => k.id === c.id)?.level).toBe(c.level);
      }
    });
  }

  it('is symmetric for added/removed pairs: swapping base and revision reports the opposite check', () => {
    const swaps: [string, string][] = [
      ['request-parameter-added', 'request-parameter-removed'],
      ['response-property-added', 'response-property-removed'],
      ['server-added', 'server-removed'],
      ['security-scheme-added', 'security-scheme-removed'],
      ['response-property-enum-value-added', 'response-property-enum-value-removed'],
      ['request-parameter-enum-value-added', 'request-parameter-enum-value-removed'],
      ['request-parameter-enum-removed', 'request-parameter-enum-added'],
      ['request-property-enum-removed', 'request-property-enum-added'],
      ['response-property-enum-removed', 'response-property-enum-added'],
    ];
    for (const [fixture, opposite] of swaps) {
      const { base, revision } = loadPair(fixture);
      expect(diffSpecs(revision, base).changes.map((c) => c.id), fixture).toEqual([opposite]);
    }
  });
});
