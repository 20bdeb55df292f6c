/**
 * A change inside a definition several operations use is reported once, with the operations (and
 * statuses) it affects; changes to the operations themselves stay per operation. Each case builds
 * a base document, edits a copy, and states the complete grouped change list and how many
 * per-operation changes `--expand` gives back.
 */
import { describe, expect, it } from 'vitest';
import { diffSpecs, expandResult } from '../../scripts/diff/engine.ts';
import { formatText } from '../../scripts/diff/format/text.ts';
import { formatMarkdown } from '../../scripts/diff/format/markdown.ts';
import { formatJson } from '../../scripts/diff/format/json.ts';
import type { Change, Json } from '../../scripts/diff/types.ts';

const OPS = ['listItems', 'getItem', 'createItem', 'deleteItem', 'updateItem', 'searchItems'];
const ERR = ['400', '404', '500'];

/** Six operations on three paths; every one answers errors with components/responses/Error. */
function api(): Json {
  const op = (id: string, extra: Json = {}): Json => ({
    operationId: id,
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
      ...Object.fromEntries(ERR.map((s) => [s, { $ref: '#/components/responses/Error' }])),
    },
    ...extra,
  });
  const perPage = { $ref: '#/components/parameters/PerPage' };
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    security: [{ key: [] }],
    paths: {
      '/items': {
        get: op('listItems', { parameters: [perPage, { name: 'state', in: 'query', schema: { $ref: '#/components/schemas/State' } }] }),
        post: op('createItem', { requestBody: { $ref: '#/components/requestBodies/ItemBody' } }),
      },
      '/items/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: op('getItem'),
        delete: op('deleteItem'),
        put: op('updateItem', { requestBody: { $ref: '#/components/requestBodies/ItemBody' } }),
      },
      '/search': {
        get: op('searchItems', { parameters: [perPage, { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/State' } }] }),
      },
    },
    components: {
      securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, token: { type: 'http', scheme: 'bearer' } },
      parameters: { PerPage: { name: 'per_page', in: 'query', schema: { type: 'integer' } } },
      requestBodies: {
        ItemBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } }, 'application/xml': { schema: { $ref: '#/components/schemas/Item' } } },
        },
      },
      responses: {
        Error: {
          description: 'Error',
          headers: { 'X-Request-Id': { schema: { type: 'string' } } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      schemas: {
        State: { type: 'string', enum: ['open', 'closed'] },
        Error: { type: 'object', required: ['code'], properties: { code: { type: 'integer' }, message: { type: 'string' } } },
        Item: { type: 'object', properties: { name: { type: 'string' }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } },
        Tag: { type: 'object', properties: { label: { type: 'string' } } },
      },
    },
  };
}

type Row = { id: string; level: string; operation?: string; shared?: string; message: string; affects?: string[] };

const row = (c: Change): Row => ({
  id: c.id,
  level: c.level,
  ...(c.operation ? { operation: c.operation } : {}),
  ...(c.shared ? { shared: c.shared } : {}),
  message: c.message,
  ...(c.affects ? { affects: c.affects.map((a) => `${a.operation}${a.status ? ` ${a.status}` : ''}`) } : {}),
});

const errorPlaces = [...OPS].sort().flatMap((o) => ERR.map((s) => `${o} ${s}`));

const cases: { name: string; edit: (d: any) => void; expected: Row[]; expanded: number }[] = [
  {
    name: 'a replaced error schema: one change per field, not one per operation and status',
    edit: (d) => {
      d.components.schemas.Error = { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'integer' } } } } };
    },
    expected: [
      { id: 'response-property-removed', level: 'breaking', shared: '#/components/schemas/Error', message: 'response 400, 404, 500 property Error.code was removed', affects: errorPlaces },
      { id: 'response-property-removed', level: 'breaking', shared: '#/components/schemas/Error', message: 'response 400, 404, 500 property Error.message was removed', affects: errorPlaces },
      { id: 'response-property-added', level: 'info', shared: '#/components/schemas/Error', message: 'response 400, 404, 500 has a new property Error.error', affects: errorPlaces },
    ],
    expanded: 3 * 18,
  },
  {
    name: 'a header dropped from a shared response',
    edit: (d) => delete d.components.responses.Error.headers,
    expected: [
      { id: 'response-header-removed', level: 'breaking', shared: '#/components/responses/Error', message: 'response 400, 404, 500 no longer has header X-Request-Id', affects: errorPlaces },
    ],
    expanded: 18,
  },
  {
    name: 'a shared parameter and a schema shared by differently named parameters',
    edit: (d) => {
      d.components.parameters.PerPage.required = true;
      d.components.schemas.State.enum = ['open'];
    },
    expected: [
      { id: 'request-parameter-became-required', level: 'breaking', shared: '#/components/parameters/PerPage', message: 'query parameter per_page became required', affects: ['listItems', 'searchItems'] },
      { id: 'request-parameter-enum-value-removed', level: 'breaking', shared: '#/components/schemas/State', message: 'query parameter state, status no longer accepts "closed"', affects: ['listItems', 'searchItems'] },
    ],
    expanded: 4,
  },
  {
    name: 'a shared request body: requiredness, media type, and a nested schema reached through it',
    edit: (d) => {
      d.components.requestBodies.ItemBody.required = true;
      delete d.components.requestBodies.ItemBody.content['application/xml'];
      d.components.schemas.Tag.properties.label.type = 'integer';
    },
    expected: [
      { id: 'request-body-became-required', level: 'breaking', shared: '#/components/requestBodies/ItemBody', message: 'the request body of 2 operations became required', affects: ['createItem', 'updateItem'] },
      {
        id: 'request-body-media-type-removed',
        level: 'breaking',
        shared: '#/components/requestBodies/ItemBody',
        message: 'the request body of 2 operations no longer accepts application/xml',
        affects: ['createItem', 'updateItem'],
      },
      { id: 'request-property-type-changed', level: 'breaking', shared: '#/components/schemas/Tag', message: 'type of request property Tag.label changed from string to integer', affects: ['createItem', 'updateItem'] },
      {
        id: 'response-property-type-changed',
        level: 'breaking',
        shared: '#/components/schemas/Tag',
        message: 'type of response 200 property Tag.label changed from string to integer',
        affects: [...OPS].sort().map((o) => `${o} 200`),
      },
    ],
    expanded: 2 + 2 + 2 + 6,
  },
  {
    name: 'a path-level parameter shared by the methods of its path',
    edit: (d) => (d.paths['/items/{id}'].parameters[0].schema = { type: 'integer' }),
    expected: [
      {
        id: 'request-parameter-type-changed',
        level: 'breaking',
        shared: '#/paths/~1items~1{id}/parameters/0',
        message: 'type of path parameter id changed from string to integer',
        affects: ['deleteItem', 'getItem', 'updateItem'],
      },
    ],
    expanded: 3,
  },
  {
    name: 'the document-wide security requirement, inherited by every operation',
    edit: (d) => (d.security = [{ token: [] }]),
    expected: [
      { id: 'operation-security-changed', level: 'breaking', shared: '#/security', message: 'security of 6 operations changed from key to token', affects: [...OPS].sort() },
    ],
    expanded: 6,
  },
  {
    name: 'changes to operations stay per operation, even when what they add or drop is a component',
    edit: (d) => {
      d.paths['/items'].get.parameters.shift(); // listItems drops its reference to PerPage
      d.paths['/search'].get.parameters.shift(); // so does searchItems
      d.paths['/items/{id}'].get.responses['404'] = { description: 'gone' }; // inline now
      delete d.paths['/items/{id}'].delete.responses['500'];
    },
    expected: [
      { id: 'response-header-removed', level: 'breaking', operation: 'getItem', message: 'response 404 no longer has header X-Request-Id' },
      { id: 'response-media-type-removed', level: 'breaking', operation: 'getItem', message: 'response 404 is no longer available as application/json' },
      { id: 'request-parameter-removed', level: 'breaking', operation: 'listItems', message: 'query parameter per_page was removed' },
      { id: 'request-parameter-removed', level: 'breaking', operation: 'searchItems', message: 'query parameter per_page was removed' },
      { id: 'response-error-status-removed', level: 'warning', operation: 'deleteItem', message: 'error response 500 is no longer documented' },
    ],
    expanded: 5,
  },
];

describe('diff: changes to shared definitions are reported once', () => {
  for (const c of cases) {
    it(c.name, () => {
      const base = api();
      const revision = structuredClone(base);
      c.edit(revision);
      const r = diffSpecs({ label: 'base', spec: base }, { label: 'revision', spec: revision });
      expect(r.changes.map(row)).toEqual(c.expected);
      // levels are counted once per reported change
      expect(r.summary.breaking + r.summary.warning + r.summary.info).toBe(c.expected.length);
      // --expand gives one change per place, each a plain per-operation change
      const x = expandResult(r);
      expect(x.changes).toHaveLength(c.expanded);
      for (const e of x.changes) {
        expect(e.operation).toBeTypeOf('string');
        expect(e.affects).toBeUndefined();
        expect(e.shared).toBeUndefined();
      }
      expect(x.summary.breaking + x.summary.warning + x.summary.info).toBe(c.expanded);
    });
  }

  it('one operation reaching a changed component through two statuses: one change, with the operation', () => {
    const base = api();
    const get = (base.paths as any)['/items/{id}'].get;
    get.responses['201'] = structuredClone(get.responses['200']);
    const revision = structuredClone(base);
    (revision.components as any).schemas.Item.properties.name = { type: 'integer' };
    // Item is also the body of createItem/updateItem and the 200 of every operation: the
    // response-side change reaches 6 operations, getItem through 200 and 201
    const r = diffSpecs({ label: 'base', spec: base }, { label: 'revision', spec: revision });
    const resp = r.changes.find((c) => c.id === 'response-property-type-changed')!;
    expect(resp.message).toBe('type of response 200, 201 property Item.name changed from string to integer');
    expect(resp.affects!.filter((a) => a.operation === 'getItem').map((a) => a.status)).toEqual(['200', '201']);

    // only getItem uses Item: one operation, two statuses -> one change under getItem
    const solo = api();
    for (const [path, item] of Object.entries(solo.paths as Record<string, Record<string, any>>)) {
      for (const [m, op] of Object.entries(item)) if (m !== 'parameters' && !(path === '/items/{id}' && m === 'get')) op.responses['200'] = { description: 'OK' };
    }
    delete (solo.paths as any)['/items'].post.requestBody;
    delete (solo.paths as any)['/items/{id}'].put.requestBody;
    const soloGet = (solo.paths as any)['/items/{id}'].get;
    soloGet.responses['201'] = structuredClone(soloGet.responses['200']);
    const soloRev = structuredClone(solo);
    (soloRev.components as any).schemas.Item.properties.name = { type: 'integer' };
    const s = diffSpecs({ label: 'base', spec: solo }, { label: 'revision', spec: soloRev });
    expect(s.changes.map(row)).toEqual([
      {
        id: 'response-property-type-changed',
        level: 'breaking',
        operation: 'getItem',
        shared: '#/components/schemas/Item',
        message: 'type of response 200, 201 property Item.name changed from string to integer',
        affects: ['getItem 200', 'getItem 201'],
      },
    ]);
  });

  it('a component used by one operation once stays that operation’s change', () => {
    const base = api();
    const revision = structuredClone(base);
    (revision.paths as any)['/search'].get.parameters[1].schema = { type: 'string', enum: ['open'] }; // inline now
    (revision.paths as any)['/items'].get.parameters[1].schema = { type: 'string', enum: ['open'] };
    const r = diffSpecs({ label: 'base', spec: base }, { label: 'revision', spec: revision });
    expect(r.changes.map(row)).toEqual([
      { id: 'request-parameter-enum-value-removed', level: 'breaking', operation: 'listItems', message: 'query parameter state no longer accepts "closed"' },
      { id: 'request-parameter-enum-value-removed', level: 'breaking', operation: 'searchItems', message: 'query parameter status no longer accepts "closed"' },
    ]);
  });

  describe('output', () => {
    const base = api();
    const revision = structuredClone(base);
    (revision.components as any).schemas.Error.properties.code.type = 'string';
    (revision.components as any).schemas.Item.properties.size = { type: 'integer' };
    (revision.paths as any)['/items'].get.deprecated = true;
    const r = diffSpecs({ label: 'a.yaml', spec: base }, { label: 'b.yaml', spec: revision });

    it('text: once under the definition, with the operations it affects', () => {
      const text = formatText(r);
      expect(text).toBe(
        [
          'a.yaml -> b.yaml: 1 breaking change, 1 warning, 2 other changes (3 of them in shared definitions, affecting 6 operations)',
          '',
          '#/components/schemas/Error (shared by 6 operations)',
          '  BREAKING type of response 400, 404, 500 property Error.code changed from integer to string  [response-property-type-changed]',
          '           at revision #/components/schemas/Error/properties/code',
          '           affects 6 operations: createItem (400, 404, 500), deleteItem (400, 404, 500), getItem (400, 404, 500), listItems (400, 404, 500), searchItems (400, 404, 500), updateItem (400, 404, 500)',
          '',
          'listItems',
          '  warning  operation listItems was deprecated  [operation-deprecated]',
          '           at revision #/paths/~1items/get',
          '',
          '#/components/schemas/Item (shared by 6 operations)',
          '  info     optional request property Item.size was added  [request-property-added]',
          '           at revision #/components/schemas/Item/properties/size',
          '           affects 2 operations: createItem, updateItem',
          '  info     response 200 has a new property Item.size  [response-property-added]',
          '           at revision #/components/schemas/Item/properties/size',
          '           affects 6 operations: createItem (200), deleteItem (200), getItem (200), listItems (200), searchItems (200), updateItem (200)',
          '',
        ].join('\n'),
      );
      expect(formatText(expandResult(r)).split('\n').filter((l) => /^ {2}\S/.test(l))).toHaveLength(18 + 1 + 2 + 6);
    });

    it('text: long operation lists are cut, with a pointer to --expand', () => {
      const many = api();
      const paths = many.paths as Record<string, unknown>;
      for (let i = 0; i < 12; i++) paths[`/extra/${i}`] = { get: structuredClone((paths['/items'] as any).get) };
      for (let i = 0; i < 12; i++) (paths[`/extra/${i}`] as any).get.operationId = `extra${String(i).padStart(2, '0')}`;
      const rev = structuredClone(many);
      (rev.components as any).schemas.Error.properties.code.type = 'string';
      const t = formatText(diffSpecs({ label: 'a', spec: many }, { label: 'b', spec: rev }));
      expect(t).toContain('affects 18 operations: createItem (400, 404, 500), deleteItem (400, 404, 500), extra00 (400, 404, 500), extra01 (400, 404, 500), extra02');
      expect(t).toMatch(/ … and 10 more \(--expand lists each\)\n$/);
    });

    it('markdown: one item naming the definition and the operations', () => {
      const md = formatMarkdown(r, { heading: 'v2' });
      expect(md).toContain('\n\n1 breaking change, 1 warning, 2 other changes (3 of them in shared definitions, affecting 6 operations).\n');
      expect(md).toContain(
        '- `#/components/schemas/Error` (shared by 6 operations: `createItem` (400, 404, 500), `deleteItem` (400, 404, 500), `getItem` (400, 404, 500), `listItems` (400, 404, 500), `searchItems` (400, 404, 500), `updateItem` (400, 404, 500)): type of response 400, 404, 500 property Error.code changed from integer to string (`response-property-type-changed`)',
      );
      expect(md).toContain('- `listItems`: operation listItems was deprecated (`operation-deprecated`)');
      expect(md).toContain('- `#/components/schemas/Item` (shared by 2 operations: `createItem`, `updateItem`): optional request property Item.size was added (`request-property-added`)');
    });

    it('json: shared + affects on the grouped change; --expand restores one change per operation', () => {
      const j = JSON.parse(formatJson(r));
      expect(j.summary).toEqual({ breaking: 1, warning: 1, info: 2 });
      const g = j.changes[0];
      expect(Object.keys(g)).toEqual(['id', 'level', 'shared', 'location', 'message', 'affects']);
      expect(g.affects).toHaveLength(18);
      expect(g.affects[0]).toEqual({ operation: 'createItem', status: '400', message: 'type of response 400 property code changed from integer to string' });
      const x = JSON.parse(formatJson(expandResult(r)));
      expect(x.summary).toEqual({ breaking: 18, warning: 1, info: 2 + 6 });
      expect(x.changes.every((c: Change) => c.operation && !c.affects)).toBe(true);
    });
  });
});
