import { stringify } from 'yaml';

/** Deterministic YAML: no line folding, no anchors, keys in insertion order (which we control). */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false });
}
