import { emitYaml } from './yaml-emit.ts';

/**
 * Deterministic YAML: no line folding, no anchors, keys in insertion order (which we control).
 * Byte-identical to `yaml.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false,
 * singleQuote: false })` (proved by test/openapi/yaml-emit.test.ts), but written by a specialised
 * emitter that is much faster on large documents.
 */
export function toYaml(value: unknown): string {
  return emitYaml(value) as string;
}
