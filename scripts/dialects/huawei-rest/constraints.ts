/**
 * Constraints the manual states in prose, turned into schema keywords:
 *
 * - "Minimum length: 8 Maximum length: 36"                  -> minLength / maxLength
 * - "Enter 4 to 64 characters."                             -> minLength / maxLength
 * - "must start with a lowercase letter", "not end with a hyphen (-)",
 *   "Only lowercase letters, digits, and hyphens (-) are allowed."  -> pattern
 * - "The options are as follows:" + "Value: meaning" lines  -> enum + x-enum-descriptions
 * - "The value is fixed at v1", "fixed at Mesh or mesh"     -> const / enum
 * - "The value can only be In."                             -> const
 *
 * Each rule returns what it found and a note for the report; nothing is guessed beyond the words.
 */
import type { SchemaModel } from '../../model/types.ts';

export interface ConstraintFinding {
  /** Stable id for the diagnostic, e.g. `enum-from-prose`. */
  id: string;
  note: string;
}

const CLASS_WORDS: [RegExp, string][] = [
  [/^lowercase letters?$/i, 'a-z'],
  [/^uppercase letters?$/i, 'A-Z'],
  [/^(?:letters?|alphabetic characters?)$/i, 'a-zA-Z'],
  [/^digits?$|^numbers?$/i, '0-9'],
  [/^hyphens?(?: \(-\))?$/i, '-'],
  [/^underscores?(?: \(_\))?$/i, '_'],
  [/^periods?(?: \(\.\))?$|^dots?(?: \(\.\))?$/i, '.'],
];

function classOf(phrase: string): string | undefined {
  const p = phrase.replace(/^(?:a|an)\s+/i, '').trim();
  for (const [re, cls] of CLASS_WORDS) if (re.test(p)) return cls;
  return undefined;
}

function escapeClass(cls: string): string {
  return cls.replace(/\./g, '\\.');
}

/** Apply every prose rule to `schema` (mutated); returns the findings. */
export function applyProseConstraints(schema: SchemaModel, description: string): ConstraintFinding[] {
  const found: ConstraintFinding[] = [];
  const text = description.replace(/\s+/g, ' ');
  if (schema.type === 'string') {
    const min = /Minimum length:\s*(\d+)/i.exec(text);
    const max = /Maximum length:\s*(\d+)/i.exec(text);
    if (min) schema.minLength = Number(min[1]);
    if (max) schema.maxLength = Number(max[1]);
    const range = /\bEnter (\d+) to (\d+) characters\b/i.exec(text);
    if (range) {
      schema.minLength = Number(range[1]);
      schema.maxLength = Number(range[2]);
      found.push({ id: 'length-from-prose', note: `"${range[0]}" read as minLength ${range[1]}, maxLength ${range[2]}` });
    }
    const pattern = patternFromProse(text);
    if (pattern) {
      schema.pattern = pattern.pattern;
      found.push({ id: 'pattern-from-prose', note: `${pattern.from} read as pattern ${pattern.pattern}` });
    }
    const fixed = /\bThe value is fixed at ((?:[A-Za-z0-9_.-]+)(?: or [A-Za-z0-9_.-]+)*)\b/.exec(text);
    if (fixed) {
      const values = fixed[1].split(/ or /);
      if (values.length === 1) schema.const = values[0];
      else schema.enum = values;
      found.push({ id: 'const-from-prose', note: `"${fixed[0]}" read as ${values.length === 1 ? `const ${values[0]}` : `enum [${values.join(', ')}]`}` });
    }
    const only = /\bThe value can only be ([A-Za-z0-9_.-]+)\s*\./.exec(text);
    if (only && !fixed) {
      schema.const = only[1];
      found.push({ id: 'const-from-prose', note: `"${only[0].trim()}" read as const ${only[1]}` });
    }
    const listed = listedValues(description);
    if (!optionsFromProse(description) && listed.length) {
      found.push({
        id: 'enum-not-closed',
        note: `value${listed.length > 1 ? 's' : ''} ${listed.join(', ')} described without saying ${listed.length > 1 ? 'they are' : 'it is'} the only option${listed.length > 1 ? 's' : ''}; kept in the description, no enum`,
      });
    }
  }
  if (schema.type === 'string' || schema.type === 'integer' || schema.type === 'number') {
    const options = optionsFromProse(description);
    const values = options?.map((o) => typed(o.value, schema.type!));
    if (options && values!.every((v) => v !== undefined)) {
      schema.enum = values as (string | number)[];
      if (options.some((o) => o.text)) schema.enumDescriptions = Object.fromEntries(options.map((o) => [String(typed(o.value, schema.type!)), o.text]));
      found.push({ id: 'enum-from-prose', note: `${options.lead} list read as enum [${schema.enum.join(', ')}]` });
    }
  }
  if (schema.type && schema.type !== 'object' && schema.type !== 'array') {
    const d = defaultFromProse(description);
    if (d !== undefined) {
      const v = typed(d.value, schema.type);
      if (v !== undefined) {
        schema.default = v;
        found.push({ id: 'default-from-prose', note: `"${d.from}" read as default ${JSON.stringify(v)}` });
      } else found.push({ id: 'default-unreadable', note: `"${d.from}" is not a ${schema.type}; no default` });
    }
  }
  return found;
}

/** A documented value as the schema's type (undefined when it is not one). */
function typed(value: string, type: string): string | number | boolean | undefined {
  if (type === 'string') return value;
  if (type === 'integer') return /^-?\d+$/.test(value) ? Number(value) : undefined;
  if (type === 'number') return /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(value) ? Number(value) : undefined;
  if (type === 'boolean') return /^true$/i.test(value) ? true : /^false$/i.test(value) ? false : undefined;
  return undefined;
}

/** Lines that lead a list of the allowed values ("The options are as follows:", "Enumeration values:", "Range"). */
const LEAD = /(?:options are as follows|enumeration values?|enumerated values?|valid values|value range|values? can be|options)\s*:?\s*$|^range$/i;
/** Lines that end such a list: the next labelled part of a description, or a note's label ("NOTE"). */
const STOP = /^(?:default(?: value)?\b|minimum\b|maximum\b|constraints?$|definition$|range$|n\/a$|value range\b|(?:\W\s*)?(?:note|notice|caution|warning|danger)s?\s*:?$)/i;
/** A list item's bullet: "-" in text extractions, a glyph in PDFs ("•", "●" …). */
const ITEM = /^[-•●◦▪‣∙■]\s*/u;

/** "Value: meaning" / "- value" / "- value: meaning" lines after a lead line. */
export function optionsFromProse(description: string): ({ value: string; text: string }[] & { lead?: string }) | undefined {
  const lines = description.split('\n').map((l) => l.trim());
  for (let at = 0; at < lines.length; at++) {
    if (!LEAD.test(lines[at])) continue;
    let k = at + 1;
    while (k < lines.length && LEAD.test(lines[k]) && !/^range$/i.test(lines[k])) k++;
    const out: { value: string; text: string }[] & { lead?: string } = [];
    for (const l of lines.slice(k)) {
      if (STOP.test(l)) break;
      const item = ITEM.test(l);
      const m = /^([A-Za-z0-9_.-]+)\s*(?::\s*(.+))?$/.exec(l.replace(ITEM, ''));
      if (!m || (!m[2] && !item && !/^\S+$/.test(l))) break;
      out.push({ value: m[1], text: (m[2] ?? '').trim() });
    }
    if (out.length) {
      out.lead = `"${lines[k - 1].replace(/^.*?([A-Z][^.]*)$/, '$1').replace(/\s*:\s*$/, '')}"`;
      return out;
    }
  }
  return undefined;
}

/** "Default value: 10", "Default: false", or a "Default Value" label with the value on the next line. */
export function defaultFromProse(description: string): { value: string; from: string } | undefined {
  const lines = description.split('\n').map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^default value$/i.test(l)) {
      const v = lines[i + 1]?.replace(/\.$/, '').trim();
      if (v && !/^n\/a$/i.test(v) && !/\s/.test(v)) return { value: v, from: `${l} ${v}` };
      continue;
    }
    const m = /\bDefault(?: value)?\s*:\s*([^\s,;]+?)\.?(?:\s|$)/i.exec(l);
    if (m && !/^n\/a$/i.test(m[1])) return { value: m[1], from: m[0].trim() };
  }
  return undefined;
}

/** Continuation lines of the form "Value: meaning" without an "options are" lead. */
function listedValues(description: string): string[] {
  return description
    .split('\n')
    .slice(1)
    .map((l) => /^\s*([A-Z][A-Za-z0-9]+)\s*:\s+\S/.exec(l)?.[1])
    .filter((v): v is string => !!v);
}

/** Character rules in prose -> an anchored regular expression. */
export function patternFromProse(text: string): { pattern: string; from: string } | undefined {
  const allowed = /Only ([a-z ,()\-_.]+?) are allowed/i.exec(text);
  if (!allowed) return undefined;
  const parts = allowed[1]
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const classes = parts.map(classOf);
  if (classes.some((c) => c === undefined)) return undefined;
  const all = escapeClass(classes.join(''));
  const start = /must start with ((?:a|an) [a-z ]+?)(?: and|,|\.)/i.exec(text);
  const startCls = start ? classOf(start[1]) : undefined;
  const notEnd = /not end with ((?:a|an) [a-z]+(?: \(.\))?)/i.exec(text);
  const endExcl = notEnd ? classOf(notEnd[1]) : undefined;
  const froms = [allowed[0], start?.[0].replace(/(?: and|,|\.)$/, ''), notEnd?.[0]].filter(Boolean).map((s) => `"${s}"`);
  if (!startCls && !endExcl) return { pattern: `^[${all}]*$`, from: froms.join(' + ') };
  const first = startCls ? escapeClass(startCls) : all;
  const lastCls = endExcl ? escapeClass(classes.filter((c) => c !== endExcl).join('')) : all;
  return { pattern: `^[${first}](?:[${all}]*[${lastCls}])?$`, from: froms.join(' + ') };
}
