/**
 * Seeded generator of random API models (the truth a generated manual is rendered from and scored
 * against). One generator for both styles:
 * - `rpc`: Action-style operations (Alibaba layout): PascalCase names and fields, request
 *   parameters of every documented type (incl. JSON strings, Map, Object / Array with child rows),
 *   one success response whose fields nest up to depth 4 with arrays of structs at several levels;
 * - `rest`: resource paths with path / query / header parameters, JSON request bodies, success and
 *   error responses per status code (Huawei layout), camelCase or snake_case fields.
 *
 * The same seed always gives the same model. Nothing here knows how a manual is laid out.
 */
import { Rng } from './rng.ts';
import { ADJECTIVES, ATTRIBUTES, EN_ADJ, EN_VERBS, ERROR_WORDS, NOUNS, PRODUCT_KINDS, PRODUCT_NOUNS, REGIONS, RPC_VERBS, STATUS_VALUES, ZH_ADJ, ZH_VERBS, type Noun } from './words.ts';
import type { Api, EnumValue, ErrorCode, Field, HttpMethod, Language, Operation, PrimitiveName, Product, Response, TypeRef } from './model.ts';

export type NameCase = 'pascal' | 'camel' | 'snake';

export interface GenerateOptions {
  style: 'rpc' | 'rest';
  /** Number of operations (inclusive range). */
  operations?: [number, number];
  /** How field names are spelled (default: pascal for rpc, camel or snake for rest). */
  nameCase?: NameCase;
  /** Probability that a description is in Chinese. */
  chinese?: number;
  /** Probability that a field name is long (25+ characters: wraps in any table column). */
  longNames?: number;
  /** Deepest field path (1 = top-level fields only). */
  maxDepth?: number;
  /** Probability that an operation has an error-code table. */
  errorTables?: number;
}

const DEFAULTS: Required<Omit<GenerateOptions, 'style' | 'nameCase'>> = {
  operations: [4, 12],
  chinese: 0.1,
  longNames: 0.08,
  maxDepth: 4,
  errorTables: 0.6,
};

export function generateApi(seed: number, options: GenerateOptions): Api {
  const rng = new Rng(seed);
  const opts = { ...DEFAULTS, ...options };
  const nameCase: NameCase = options.nameCase ?? (opts.style === 'rpc' ? 'pascal' : rng.pick(['camel', 'snake'] as const));
  const g = new Generator(rng, opts, nameCase);
  return g.api(seed);
}

class Generator {
  private usedOps = new Set<string>();
  private usedPaths = new Set<string>();
  private structNames = new Set<string>();
  /** REST: the scope segment of each resource's paths (one per resource, as in real manuals). */
  private scopes = new Map<string, string>();
  private product!: Product;

  constructor(
    private rng: Rng,
    private opts: Required<Omit<GenerateOptions, 'nameCase'>>,
    private nameCase: NameCase,
  ) {}

  api(seed: number): Api {
    const r = this.rng;
    const words = [r.pick(ADJECTIVES), r.pick(PRODUCT_NOUNS), r.pick(PRODUCT_KINDS)];
    if (r.chance(0.3)) words.splice(1, 0, r.pick(PRODUCT_NOUNS.filter((w) => w !== words[1])));
    const abbreviation = words.map((w) => w[0]).join('').toUpperCase();
    this.product = { name: words.join(' '), abbreviation, code: abbreviation.toLowerCase() + (r.chance(0.3) ? r.pick(['', 'x', 'pro', 'plus']) : '') };
    const rest = this.opts.style === 'rest';
    const apiVersion = rest ? `v${r.int(1, 3)}` : `${r.int(2014, 2024)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    const year = r.int(2019, 2026);
    const documentVersion = rest ? `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` : `${year}${pad(r.int(1, 12))}${pad(r.int(1, 28))}`;
    const endpoint = rest ? `${this.product.code}.{region}.myhuaweicloud.com` : `${this.product.code}.aliyuncs.com`;
    const groupCount = r.int(1, 4);
    const resources = r.shuffle(NOUNS).slice(0, groupCount * 2 + 2);
    const groups = resources.slice(0, groupCount).map((nn) => (rest ? `${title(nn.en)} Management` : r.pick([`${title(nn.en)} management`, `${title(nn.plural)}`, `${title(nn.en)} operations`])));
    const [lo, hi] = this.opts.operations;
    const count = r.int(lo, hi);
    const operations: Operation[] = [];
    for (let i = 0; i < count; i++) {
      const gi = i < groupCount ? i : r.int(0, groupCount - 1);
      const op = rest ? this.restOperation(resources, gi, groups[gi], apiVersion) : this.rpcOperation(resources, gi, groups[gi]);
      if (op) operations.push(op);
    }
    // Group order in the list: by group, then as generated (manuals list by function).
    operations.sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group));
    const errorCodes: ErrorCode[] = rest ? this.errorCodes(r.int(3, 10), true) : [];
    return { seed, style: this.opts.style, product: this.product, apiVersion, documentVersion, endpoint, groups: groups.filter((gname) => operations.some((o) => o.group === gname)), operations, errorCodes };
  }

  // ---- RPC ----------------------------------------------------------------------------------

  private rpcOperation(resources: Noun[], gi: number, group: string): Operation | undefined {
    const r = this.rng;
    let name = '';
    for (let tries = 0; tries < 20; tries++) {
      const noun = r.chance(0.7) ? resources[gi] : r.pick(resources);
      const parts = [r.pick(RPC_VERBS), pascal(noun.en)];
      if (r.chance(0.4)) parts.push(pascal(r.pick(resources).en));
      if (r.chance(0.3)) parts.push(r.pick(['Config', 'Status', 'Detail', 'List', 'Attribute', 'Policy', 'Version', 'Rule']));
      if (this.opts.longNames > 0 && r.chance(this.opts.longNames)) parts.push(r.pick(['WithDependencies', 'ForNamespaceScope', 'AcrossRegions', 'InBatches']));
      if (parts[0] === 'List' || parts[0] === 'Describe') parts[parts.length - 1] = pluralWord(parts[parts.length - 1]);
      name = parts.join('');
      if (!this.usedOps.has(name)) break;
      name = '';
    }
    if (!name) return undefined;
    this.usedOps.add(name);
    const noun = resources[gi];
    const lang = this.lang();
    const summary = lang === 'zh' ? `${rpcVerbZh(name)}${noun.zh}。` : `${rpcVerbEn(name)} ${r.chance(0.5) ? 'a' : 'the'} ${noun.en}${r.chance(0.3) ? ` of ${an(r.pick(NOUNS).en)}` : ''}.`;
    const params: Field[] = [];
    const names = new Set<string>(['Action']);
    const nParams = r.int(0, 12);
    if (r.chance(0.5)) params.push(this.field({ names, side: 'request', depth: 1, forceKind: 'id', noun, required: true }));
    for (let i = 0; i < nParams; i++) params.push(this.field({ names, side: 'request', depth: 1, noun: r.pick(resources) }));
    const fields: Field[] = [this.requestIdField()];
    const respNames = new Set<string>(['RequestId']);
    const nFields = r.int(1, 9);
    for (let i = 0; i < nFields; i++) fields.push(this.field({ names: respNames, side: 'response', depth: 1, noun: r.pick(resources) }));
    const errors = r.chance(this.opts.errorTables) ? this.errorCodes(r.int(1, 4), false) : [];
    return {
      name,
      title: name,
      summary,
      description: r.chance(0.4) ? [this.sentence(lang, noun)] : [],
      group,
      method: r.chance(0.8) ? 'GET' : 'POST',
      path: '/',
      params,
      responses: [{ status: 200, description: 'OK', fields }],
      errors,
    };
  }

  private requestIdField(): Field {
    const id = `${hex(this.rng, 8)}-${hex(this.rng, 4)}-${hex(this.rng, 4)}-${hex(this.rng, 4)}-${hex(this.rng, 12)}`.toUpperCase();
    return { name: this.spell(['Request', 'Id']), type: prim('string'), required: false, description: ['The ID of the request.'], language: 'en', example: id };
  }

  // ---- REST ---------------------------------------------------------------------------------

  private restOperation(resources: Noun[], gi: number, group: string, apiVersion: string): Operation | undefined {
    const r = this.rng;
    const noun = resources[gi];
    let scope = this.scopes.get(noun.en);
    if (scope === undefined) {
      scope = r.weighted([['{project_id}', 6], ['{domain_id}', 1], ['', 1]] as const);
      this.scopes.set(noun.en, scope);
    }
    const collection = noun.plural.replace(/ /g, '-');
    const idParam = `${this.nameCase === 'camel' ? camel([noun.en, 'id']) : `${noun.en.replace(/ /g, '_')}_id`}`;
    const base = `/${apiVersion}${scope ? `/${scope}` : ''}/${collection}`;
    type Shape = { method: HttpMethod; path: string; verb: string; title: string; zh: string; list?: boolean; body?: boolean; status: number };
    const sub = r.pick(resources.filter((x) => x !== noun)) ?? noun;
    const action = r.pick(['restart', 'start', 'stop', 'resize', 'upgrade', 'migrate', 'rollback']);
    const shapes: Shape[] = [
      { method: 'GET', path: base, verb: `List${pascal(noun.plural)}`, title: `Querying the ${title(noun.en)} List`, zh: `查询${noun.zh}列表`, list: true, status: 200 },
      { method: 'GET', path: `${base}/{${idParam}}`, verb: `Show${pascal(noun.en)}`, title: `Querying Details of ${an(title(noun.en))}`, zh: `查询${noun.zh}详情`, status: 200 },
      { method: 'POST', path: base, verb: `Create${pascal(noun.en)}`, title: `Creating ${an(title(noun.en))}`, zh: `创建${noun.zh}`, body: true, status: r.pick([200, 201, 202]) },
      { method: 'PUT', path: `${base}/{${idParam}}`, verb: `Update${pascal(noun.en)}`, title: `Updating ${an(title(noun.en))}`, zh: `更新${noun.zh}`, body: true, status: 200 },
      { method: 'DELETE', path: `${base}/{${idParam}}`, verb: `Delete${pascal(noun.en)}`, title: `Deleting ${an(title(noun.en))}`, zh: `删除${noun.zh}`, status: r.pick([200, 202, 204]) },
      { method: 'POST', path: `${base}/{${idParam}}/${action}`, verb: `${pascal(action)}${pascal(noun.en)}`, title: `${title(gerund(action))} ${an(title(noun.en))}`, zh: `${noun.zh}操作`, body: r.chance(0.5), status: 200 },
      { method: 'POST', path: `${base}/batch-create`, verb: `BatchCreate${pascal(noun.plural)}`, title: `Creating ${title(noun.plural)} in Batches`, zh: `批量创建${noun.zh}`, body: true, status: 200 },
      { method: 'GET', path: `${base}/{${idParam}}/${sub.plural.replace(/ /g, '-')}`, verb: `List${pascal(noun.en)}${pascal(sub.plural)}`, title: `Querying ${title(sub.plural)} of ${an(title(noun.en))}`, zh: `查询${noun.zh}的${sub.zh}`, list: true, status: 200 },
      { method: 'PATCH', path: `${base}/{${idParam}}`, verb: `Patch${pascal(noun.en)}`, title: `Modifying ${an(title(noun.en))}`, zh: `修改${noun.zh}`, body: true, status: 200 },
    ];
    const free = shapes.filter((s) => !this.usedPaths.has(`${s.method} ${s.path}`) && !this.usedOps.has(s.verb));
    if (!free.length) return undefined;
    const s = r.pick(free);
    this.usedPaths.add(`${s.method} ${s.path}`);
    this.usedOps.add(s.verb);
    const lang = this.lang();
    const params: Field[] = [];
    const names = new Set<string>();
    for (const m of s.path.matchAll(/\{([^}]+)\}/g)) {
      names.add(m[1]);
      params.push({ name: m[1], type: prim('string'), required: true, in: 'path', language: lang, description: [m[1].startsWith('project') ? (lang === 'zh' ? '项目ID。' : 'Project ID.') : this.describe(lang, 'id', m[1].startsWith('domain') ? { en: 'account', zh: '账号', plural: 'accounts' } : noun, 'request')], example: hex(this.rng, 32) });
    }
    if (s.list) {
      const nq = r.int(0, 6);
      for (let i = 0; i < nq; i++) {
        const f = this.field({ names, side: 'request', depth: 1, noun: r.pick(resources), scalarOnly: true });
        f.in = 'query';
        params.push(f);
      }
    }
    if (r.chance(0.15)) {
      const h = this.field({ names, side: 'request', depth: 1, noun, scalarOnly: true, forceKind: 'text' });
      h.name = r.pick(['X-Language', 'X-Client-Token', 'X-Request-Source']);
      h.in = 'header';
      params.push(h);
    }
    let body: Field[] | undefined;
    if (s.body) {
      body = [];
      const bnames = new Set<string>();
      const nb = r.int(1, 8);
      for (let i = 0; i < nb; i++) body.push(this.field({ names: bnames, side: 'request', depth: 1, noun: r.pick(resources) }));
    }
    const fields: Field[] = [];
    if (s.status !== 204) {
      const rnames = new Set<string>();
      if (s.list) {
        const item = this.structOf(noun, 'response', 2, r.int(2, 6));
        fields.push({ name: this.spell([noun.plural.replace(/ /g, '')]), type: { kind: 'array', items: item }, required: false, language: lang, description: [lang === 'zh' ? `${noun.zh}列表。` : `The ${noun.plural}.`] });
        rnames.add(fields[0].name);
        if (r.chance(0.7)) fields.push(this.field({ names: rnames, side: 'response', depth: 1, noun, forceKind: 'count' }));
      }
      const nf = r.int(s.list ? 0 : 1, 6);
      for (let i = 0; i < nf; i++) fields.push(this.field({ names: rnames, side: 'response', depth: 1, noun: r.pick(resources) }));
    }
    const responses: Response[] = [{ status: s.status, description: s.status === 204 ? 'No Content' : 'OK', fields }];
    for (const st of r.shuffle([400, 401, 403, 404, 500]).slice(0, r.int(0, 3)).sort()) {
      responses.push({ status: st, description: errorStatusText(st), fields: this.errorBody() });
    }
    return {
      name: s.verb,
      title: lang === 'zh' ? s.zh : s.title,
      summary: lang === 'zh' ? `${s.zh}。` : `This API is used to ${s.verb.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`,
      description: r.chance(0.5) ? [this.sentence(lang, noun)] : [],
      group,
      method: s.method,
      path: s.path,
      params,
      ...(body ? { body } : {}),
      responses,
      errors: [],
    };
  }

  private errorBody(): Field[] {
    const sn = this.nameCase === 'camel';
    return [
      { name: sn ? 'errorCode' : 'error_code', type: prim('string'), required: false, language: 'en', description: ['Error code.'], example: `${this.product.abbreviation}.${pad(this.rng.int(1, 99), 2)}${pad(this.rng.int(0, 999999), 6)}` },
      { name: sn ? 'errorMsg' : 'error_msg', type: prim('string'), required: false, language: 'en', description: ['Error message.'], example: 'Invalid request.' },
    ];
  }

  // ---- fields -------------------------------------------------------------------------------

  private field(a: {
    names: Set<string>;
    side: 'request' | 'response';
    depth: number;
    noun: Noun;
    required?: boolean;
    forceKind?: keyof typeof ATTRIBUTES;
    scalarOnly?: boolean;
  }): Field {
    const r = this.rng;
    const canNest = !a.scalarOnly && a.depth < this.opts.maxDepth && (a.side === 'response' || a.depth < 3);
    const kinds: [keyof typeof ATTRIBUTES, number][] = [
      ['id', 4], ['name', 3], ['text', 6], ['time', 2], ['status', 3], ['count', 4], ['big', 1], ['ratio', 1], ['flag', 3],
      ['list', a.scalarOnly ? 0 : 2], ['map', a.scalarOnly ? 0 : 1],
      ['struct', canNest ? (a.side === 'response' ? 4 : 1.5) : 0], ['collection', canNest ? (a.side === 'response' ? 4 : 1) : 0],
    ];
    const kind = a.forceKind ?? r.weighted(kinds);
    let name = '';
    for (let tries = 0; tries < 30 && (!name || a.names.has(name)); tries++) name = this.fieldName(kind, a.noun, tries);
    if (a.names.has(name)) name = `${name}${a.names.size + 1}`;
    a.names.add(name);
    const lang = this.lang();
    const f: Field = {
      name,
      type: prim('string'),
      required: a.side === 'request' ? (a.required ?? r.chance(0.35)) : false,
      language: lang,
      description: [this.describe(lang, kind, a.noun, a.side)],
    };
    switch (kind) {
      case 'id':
      case 'name':
      case 'text':
        f.type = r.chance(0.08) && a.side === 'request' && !a.scalarOnly ? { kind: 'json' } : prim('string');
        if (f.type.kind === 'json') {
          f.description.push(lang === 'zh' ? '取值为JSON字符串。' : 'The value must be a JSON string.');
          f.example = `{"${pascal(a.noun.en)}":"${r.pick(['a', 'demo', 'test'])}"}`;
        } else f.example = this.example(kind, a.noun);
        if (kind === 'name' && a.side === 'request' && r.chance(0.3)) {
          f.minLength = r.int(1, 4);
          f.maxLength = r.pick([32, 64, 128, 255]);
        }
        break;
      case 'time':
        f.type = r.chance(0.6) ? prim('string') : prim('long');
        f.example = f.type.kind === 'primitive' && f.type.name === 'long' ? String(r.int(1_500_000_000, 1_800_000_000) * 1000) : `20${r.int(19, 26)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:00Z`;
        break;
      case 'status': {
        f.type = prim('string');
        const values = r.shuffle(STATUS_VALUES).slice(0, r.int(2, 5));
        f.enum = values.map((v) => ({ value: v, description: this.enumText(lang, v, a.noun) }));
        f.example = r.pick(values);
        if (a.side === 'request' && !f.required && r.chance(0.5)) f.default = values[0];
        break;
      }
      case 'count':
        f.type = prim(r.chance(0.75) ? 'integer' : 'long');
        f.example = String(r.int(0, 200));
        if (a.side === 'request' && !f.required && r.chance(0.3)) f.default = String(r.pick([1, 10, 20, 50, 100]));
        if (r.chance(0.15)) {
          const vals = [0, 1, 2].slice(0, r.int(2, 3));
          f.enum = vals.map((v) => ({ value: String(v), description: this.enumText(lang, String(v), a.noun) }));
          f.example = String(vals[0]);
        }
        break;
      case 'big':
        f.type = prim('long');
        f.example = String(r.int(1000, 99999999));
        break;
      case 'ratio':
        f.type = prim(r.chance(0.5) ? 'float' : 'double');
        f.example = String(r.pick([0.5, 1.5, 99.9, 100, 0.01]));
        break;
      case 'flag':
        f.type = prim('boolean');
        f.example = r.pick(['true', 'false']);
        if (r.chance(0.5)) f.enum = ['true', 'false'].map((v) => ({ value: v, description: this.enumText(lang, v, a.noun) }));
        if (a.side === 'request' && !f.required && r.chance(0.5)) f.default = 'false';
        break;
      case 'list': {
        const item = r.weighted([[prim('string'), 6], [prim('integer'), 2], [prim('long'), 1], [undefined, 1]] as const);
        f.type = { kind: 'array', ...(item ? { items: item } : {}) };
        f.example = item && item.kind === 'primitive' && item.name !== 'string' ? `[${r.int(1, 99)},${r.int(100, 999)}]` : `["${this.example('id', a.noun)}"]`;
        break;
      }
      case 'map':
        // RPC manuals also document a map whose values are structs (a nameless "Object" row under
        // the Map row, its fields below it); drawn only for rpc so rest models keep their sequence.
        if (this.opts.style === 'rpc' && canNest && a.side === 'response' && r.chance(0.3)) {
          f.type = { kind: 'map', value: this.structOf(a.noun, a.side, a.depth + 1, r.int(1, 4)) };
        } else f.type = { kind: 'map', ...(r.chance(0.5) ? { value: prim('string') } : {}) };
        break;
      case 'struct': {
        f.type = this.structOf(a.noun, a.side, a.depth + 1, r.int(a.side === 'request' ? 1 : 2, 5));
        if (r.chance(0.1)) f.type = { kind: 'object', fields: [] };
        break;
      }
      case 'collection': {
        const items = this.structOf(a.noun, a.side, a.depth + 1, r.int(a.side === 'request' ? 1 : 2, 6));
        // RPC manuals sometimes leave the item struct unnamed ("Array of Object", or "Array" with
        // child rows); rpc only, so rest models keep their sequence.
        if (this.opts.style === 'rpc' && items.kind === 'object' && r.chance(0.15)) delete items.struct;
        f.type = { kind: 'array', items };
        break;
      }
    }
    return f;
  }

  private structOf(noun: Noun, side: 'request' | 'response', depth: number, count: number): TypeRef {
    const r = this.rng;
    let struct = '';
    for (let tries = 0; tries < 20 && (!struct || this.structNames.has(struct)); tries++) {
      struct = [pascal(noun.en), r.pick(['Info', 'Detail', 'Config', 'Item', 'Spec', 'Summary', 'Status', 'Entry', ''])].join('') + (tries ? pascal(r.pick(NOUNS).en) : '');
    }
    this.structNames.add(struct);
    const names = new Set<string>();
    const fields: Field[] = [];
    for (let i = 0; i < count; i++) fields.push(this.field({ names, side, depth, noun: r.chance(0.5) ? noun : r.pick(NOUNS) }));
    return { kind: 'object', struct, fields };
  }

  private fieldName(kind: keyof typeof ATTRIBUTES, noun: Noun, tries: number): string {
    const r = this.rng;
    const attr = r.pick(ATTRIBUTES[kind]);
    const words = splitWords(attr);
    const parts: string[] = [];
    if (kind === 'collection' || kind === 'list' || kind === 'map') {
      if (r.chance(0.6)) parts.push(noun.en);
      parts.push(...words);
      if (kind === 'collection' && r.chance(0.5)) {
        parts.length = 0;
        parts.push(...splitWords(noun.plural));
      }
    } else {
      if (r.chance(kind === 'struct' ? 0.5 : 0.6) || tries > 3) parts.push(...noun.en.split(' '));
      parts.push(...words);
    }
    if (r.chance(this.opts.longNames)) parts.unshift(...splitWords(r.pick(['AccessLog', 'ServiceDiscovery', 'ControlPlane', 'CrossRegion', 'OutboundTraffic', 'HealthCheck'])));
    if (tries > 6) parts.push(r.pick(['Ext', 'Extra', 'New', 'V2', 'Max', 'Min']));
    return this.spell(parts);
  }

  private spell(parts: string[]): string {
    const words = parts.flatMap((p) => splitWords(p));
    if (this.nameCase === 'snake') return words.map((w) => w.toLowerCase()).join('_');
    if (this.nameCase === 'camel') return camel(words);
    return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  }

  private example(kind: keyof typeof ATTRIBUTES, noun: Noun): string {
    const r = this.rng;
    switch (kind) {
      case 'id':
        return r.weighted([
          [`${noun.en.slice(0, 3)}-${alnum(r, r.int(12, 24))}****`, 4],
          [`${hex(r, r.int(20, 33))}****`, 3],
          [String(r.int(100000, 99999999)), 1],
          [`${this.product.code}-${alnum(r, 8)}`, 1],
        ] as const);
      case 'name':
        return r.pick([`test-${noun.en.replace(/ /g, '-')}`, `my${pascal(noun.en)}`, `${noun.en.replace(/ /g, '')}-${r.int(1, 99)}`, 'demo']);
      default:
        return r.pick([r.pick(REGIONS), `${r.int(10, 192)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, `v${r.int(1, 3)}.${r.int(0, 20)}.${r.int(0, 9)}`, 'HTTP', 'https://example.com/path', `${noun.en.replace(/ /g, '-')}.example.com`, r.pick(STATUS_VALUES)]);
    }
  }

  private lang(): Language {
    return this.rng.chance(this.opts.chinese) ? 'zh' : 'en';
  }

  private describe(lang: Language, kind: keyof typeof ATTRIBUTES, noun: Noun, side: 'request' | 'response'): string {
    const r = this.rng;
    if (lang === 'zh') {
      const zh: Record<keyof typeof ATTRIBUTES, string[]> = {
        id: [`${noun.zh}的ID。`, `${noun.zh}的唯一标识。`],
        name: [`${noun.zh}的名称。`],
        text: [`${noun.zh}的描述信息。`, `${noun.zh}所在的地域。`, `${noun.zh}的访问地址。`],
        time: [`${noun.zh}的创建时间。`, `${noun.zh}的更新时间。`],
        status: [`${noun.zh}的状态。`],
        count: [`${noun.zh}的数量。`, `每页显示的${noun.zh}数量。`],
        big: [`${noun.zh}的流量，单位为字节。`],
        ratio: [`${noun.zh}的比例。`],
        flag: [side === 'request' ? `是否${r.pick(ZH_VERBS)}${noun.zh}。` : `${noun.zh}是否${r.pick(ZH_ADJ)}。`],
        struct: [`${noun.zh}的配置信息。`, `${noun.zh}的详细信息。`],
        list: [`${noun.zh}列表。`],
        collection: [`${noun.zh}列表。`, `${noun.zh}的详细信息列表。`],
        map: [`${noun.zh}的标签。`],
      };
      return r.pick(zh[kind]);
    }
    const other = r.pick(NOUNS).en;
    const en: Record<keyof typeof ATTRIBUTES, string[]> = {
      id: [`The ID of the ${noun.en}.`, `The unique identifier of the ${noun.en} that ${r.pick(['you want to query', 'is returned', 'owns the ' + other])}.`],
      name: [`The name of the ${noun.en}.`, `The display name of the ${noun.en}. The name must be 1 to 64 characters in length.`],
      text: [`The description of the ${noun.en}.`, `The address of the ${noun.en}.`, `The region in which the ${noun.en} resides.`, `The ${other} type of the ${noun.en}.`],
      time: [`The time when the ${noun.en} was created.`, `The time when the ${noun.en} was last updated. The time is displayed in UTC.`],
      status: [`The status of the ${noun.en}.`, `The mode of the ${other} that the ${noun.en} uses.`],
      count: [`The number of ${noun.plural}.`, `The maximum number of entries to return on each page.`, `The port of the ${noun.en}.`, `The timeout period of the ${other}. Unit: seconds.`],
      big: [`The traffic of the ${noun.en}. Unit: bytes.`],
      ratio: [`The ratio of ${noun.plural} that are ${r.pick(EN_ADJ)}.`, `The sampling percentage of the ${other}.`],
      flag: [side === 'request' ? `Specifies whether to ${r.pick(EN_VERBS)} the ${noun.en}.` : `Indicates whether the ${noun.en} is ${r.pick(EN_ADJ)}.`],
      struct: [`The configurations of the ${noun.en}.`, `The details of the ${noun.en}.`, `The information about the ${other} of the ${noun.en}.`],
      list: [`The IDs of the ${noun.plural}.`, `The ${noun.plural} that ${r.pick(['are returned', 'you want to add', 'belong to the ' + other])}.`],
      collection: [`The list of ${noun.plural}.`, `The ${noun.plural} that are returned.`, `The details of the ${noun.plural}.`],
      map: [`The labels of the ${noun.en}.`, `The key-value pairs that describe the ${noun.en}.`],
    };
    let s = r.pick(en[kind]);
    if (r.chance(0.2)) s += ` ${this.sentence('en', noun)}`;
    return s;
  }

  private sentence(lang: Language, noun: Noun): string {
    const r = this.rng;
    if (lang === 'zh') return r.pick([`调用该接口前，请确保已创建${noun.zh}。`, `该${noun.zh}仅在部分地域可用。`]);
    return r.pick([
      `Before you call this operation, make sure that the ${noun.en} is created.`,
      `You can call this operation up to ${r.int(10, 100)} times per second per account.`,
      `If you do not specify this parameter, all ${noun.plural} are returned.`,
      `The ${noun.en} must be in the ${r.pick(EN_ADJ)} state.`,
      `For more information, see the ${title(noun.en)} overview.`,
    ]);
  }

  private enumText(lang: Language, v: string, noun: Noun): string {
    if (lang === 'zh') return v === 'true' ? `${this.rng.pick(ZH_VERBS)}${noun.zh}` : v === 'false' ? `不${this.rng.pick(ZH_VERBS)}${noun.zh}` : `${noun.zh}处于${v}状态`;
    if (v === 'true') return `${this.rng.pick(EN_VERBS)}s the ${noun.en}`;
    if (v === 'false') return `does not ${this.rng.pick(EN_VERBS)} the ${noun.en}`;
    return this.rng.pick([`the ${noun.en} is ${v}`, `${v} mode`, `uses the ${v} ${noun.en}`]);
  }

  private errorCodes(count: number, appendix: boolean): ErrorCode[] {
    const r = this.rng;
    const out: ErrorCode[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const status = r.pick([400, 400, 403, 404, 404, 409, 500]);
      const noun = r.pick(NOUNS);
      const code = appendix ? `${this.product.abbreviation}.${pad(r.int(1, 9), 2)}${status}${pad(r.int(0, 999), 3)}` : r.chance(0.3) ? `ERR${status}` : `${r.pick(ERROR_WORDS)}.${pascal(noun.en)}`;
      if (seen.has(code)) continue;
      seen.add(code);
      out.push({ status, code, message: r.pick([`The specified ${noun.en} does not exist.`, `The ${noun.en} is in use.`, `Invalid ${noun.en} parameter.`, `The request is throttled.`, `Internal error.`]), description: `The error message returned because the ${noun.en} ${r.pick(['does not exist', 'is in an invalid state', 'cannot be found', 'is being modified'])}.` });
    }
    return out;
  }
}

// ---- small helpers ------------------------------------------------------------------------------

export function prim(name: PrimitiveName): TypeRef {
  return { kind: 'primitive', name };
}

function pad(v: number, width = 2): string {
  return String(v).padStart(width, '0');
}

function hex(r: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return s;
}

function alnum(r: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[r.int(0, 35)];
  return s;
}

/** "ServiceMesh" / "service mesh" / "max_connections" -> ["Service", "Mesh"] */
function splitWords(s: string): string[] {
  return s
    .replace(/[_\- ]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1));
}

function pascal(s: string): string {
  return splitWords(s).join('');
}

function camel(words: string[]): string {
  const ws = words.flatMap((w) => splitWords(w));
  return ws.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w.toLowerCase())).join('');
}

function title(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function an(word: string): string {
  return /^[aeiouAEIOU]/.test(word) ? `an ${word}` : `a ${word}`;
}

function gerund(verb: string): string {
  if (verb.endsWith('e')) return `${verb.slice(0, -1)}ing`;
  if (/[^aeiou][aeiou][bgpt]$/.test(verb)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}

function pluralWord(w: string): string {
  if (/(?:s|x|Status|Info|Detail|Config|List|Data)$/.test(w)) return w;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

function rpcVerbEn(name: string): string {
  const verb = /^[A-Z][a-z]+/.exec(name)?.[0] ?? 'Query';
  const map: Record<string, string> = { Describe: 'Queries', List: 'Lists', Get: 'Obtains', Create: 'Creates', Delete: 'Deletes', Modify: 'Modifies', Update: 'Updates', Query: 'Queries', Check: 'Checks', Batch: 'Processes' };
  return map[verb] ?? (verb.endsWith('e') ? `${verb}s` : `${verb}s`).replace(/ys$/, 'ies').replace(/([^aeiou])ies$/, '$1ies');
}

function rpcVerbZh(name: string): string {
  const verb = /^[A-Z][a-z]+/.exec(name)?.[0] ?? '';
  const map: Record<string, string> = { Describe: '查询', List: '列出', Get: '获取', Create: '创建', Delete: '删除', Modify: '修改', Update: '更新', Query: '查询', Add: '添加', Remove: '移除', Enable: '启用', Disable: '禁用' };
  return map[verb] ?? '操作';
}

function errorStatusText(status: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' } as Record<number, string>)[status] ?? 'Error';
}

export type { EnumValue };
