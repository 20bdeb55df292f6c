/**
 * A small JSON Schema (2020-12) validator for the subset refspec emits: $ref to components, type,
 * const, enum, properties / required / additionalProperties, items, string / number / array bounds,
 * pattern, allOf / anyOf / oneOf. Formats are not checked. It exists because compiling every
 * response schema with ajv costs more than the rest of the pipeline on large manuals; the tests
 * cross-check its verdicts against ajv (draft 2020-12) on every sample of both manuals.
 */
type Obj = Record<string, unknown>;

export interface ValidationError {
  instancePath: string;
  message: string;
}

const MAX_DEPTH = 64;

export class SchemaValidator {
  private readonly patterns = new Map<string, RegExp | null>();

  /** @param components `components/schemas` of the spec (targets of `#/components/schemas/X`). */
  constructor(private readonly components: Obj) {}

  validate(schema: unknown, value: unknown): ValidationError[] {
    const errors: ValidationError[] = [];
    this.check(schema, value, '', errors, 0);
    return errors;
  }

  private resolve(schema: unknown): Obj | undefined {
    let s = schema as Obj | undefined;
    for (let i = 0; i < 32 && s && typeof s.$ref === 'string'; i++) {
      const ref = s.$ref as string;
      if (!ref.startsWith('#/components/schemas/')) return undefined;
      const name = ref.slice('#/components/schemas/'.length).replace(/~1/g, '/').replace(/~0/g, '~');
      s = this.components[name] as Obj | undefined;
    }
    return s && typeof s === 'object' ? s : undefined;
  }

  private check(schemaIn: unknown, v: unknown, path: string, errors: ValidationError[], depth: number): void {
    if (depth > MAX_DEPTH || schemaIn === true || schemaIn === undefined) return;
    if (schemaIn === false) {
      errors.push({ instancePath: path, message: 'boolean schema is false' });
      return;
    }
    const s = this.resolve(schemaIn);
    if (!s) return;
    const err = (message: string) => errors.push({ instancePath: path, message });
    if (typeof s.type === 'string' && !hasType(v, s.type)) err(`must be ${s.type}`);
    if ('const' in s && !equal(v, s.const)) err('must be equal to constant');
    if (Array.isArray(s.enum) && !s.enum.some((e) => equal(v, e))) err('must be equal to one of the allowed values');
    if (typeof v === 'string') {
      const len = [...v].length;
      if (typeof s.minLength === 'number' && len < s.minLength) err(`must NOT have fewer than ${s.minLength} characters`);
      if (typeof s.maxLength === 'number' && len > s.maxLength) err(`must NOT have more than ${s.maxLength} characters`);
      if (typeof s.pattern === 'string') {
        const re = this.pattern(s.pattern);
        if (re && !re.test(v)) err(`must match pattern "${s.pattern}"`);
      }
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) err(`must be >= ${s.minimum}`);
      if (typeof s.maximum === 'number' && v > s.maximum) err(`must be <= ${s.maximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) err(`must NOT have fewer than ${s.minItems} items`);
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) err(`must NOT have more than ${s.maxItems} items`);
      if (s.items !== undefined) v.forEach((x, i) => this.check(s.items, x, `${path}/${i}`, errors, depth + 1));
    } else if (v && typeof v === 'object') {
      const obj = v as Obj;
      const props = (s.properties ?? {}) as Obj;
      for (const r of (s.required ?? []) as string[]) if (!(r in obj)) err(`must have required property '${r}'`);
      for (const [k, x] of Object.entries(obj)) {
        const child = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (k in props) this.check(props[k], x, child, errors, depth + 1);
        else if (s.additionalProperties === false) err('must NOT have additional properties');
        else if (s.additionalProperties !== undefined) this.check(s.additionalProperties, x, child, errors, depth + 1);
      }
    }
    if (Array.isArray(s.allOf)) for (const sub of s.allOf) this.check(sub, v, path, errors, depth + 1);
    if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => this.validateAt(sub, v, path, depth).length === 0)) err('must match a schema in anyOf');
    if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => this.validateAt(sub, v, path, depth).length === 0).length !== 1) err('must match exactly one schema in oneOf');
  }

  private validateAt(schema: unknown, v: unknown, path: string, depth: number): ValidationError[] {
    const errors: ValidationError[] = [];
    this.check(schema, v, path, errors, depth + 1);
    return errors;
  }

  private pattern(p: string): RegExp | null {
    if (!this.patterns.has(p)) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(p, 'u');
      } catch {
        re = null;
      }
      this.patterns.set(p, re);
    }
    return this.patterns.get(p)!;
  }
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    default:
      return true;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
