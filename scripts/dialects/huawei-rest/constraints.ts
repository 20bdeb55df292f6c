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
    const options = optionsFromProse(description);
    if (options) {
      schema.enum = options.map((o) => o.value);
      schema.enumDescriptions = Object.fromEntries(options.map((o) => [o.value, o.text]));
      found.push({ id: 'enum-from-prose', note: `"The options are as follows" list read as enum [${schema.enum.join(', ')}]` });
    } else {
      const listed = listedValues(description);
      if (listed.length) {
        found.push({
          id: 'enum-not-closed',
          note: `value${listed.length > 1 ? 's' : ''} ${listed.join(', ')} described without saying ${listed.length > 1 ? 'they are' : 'it is'} the only option${listed.length > 1 ? 's' : ''}; kept in the description, no enum`,
        });
      }
    }
  }
  return found;
}

/** "Value: meaning" lines after "The options are as follows:". */
export function optionsFromProse(description: string): { value: string; text: string }[] | undefined {
  const lines = description.split('\n');
  const at = lines.findIndex((l) => /options are as follows:?\s*$/i.test(l.trim()));
  if (at < 0) return undefined;
  const out: { value: string; text: string }[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^\s*([A-Za-z0-9_.-]+)\s*:\s*(.+)$/.exec(l);
    if (!m) break;
    out.push({ value: m[1], text: m[2].trim() });
  }
  return out.length ? out : undefined;
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
