import type { Oas3Rule } from '@redocly/openapi-core';

/**
 * An object schema with neither properties nor additionalProperties tells a client nothing. In a
 * generated spec it almost always means the dialect lost the fields the document described.
 */
export const NoUndescribedObject: Oas3Rule = () => ({
  Schema(schema, { report, location }) {
    const s = schema as Record<string, unknown>;
    if (s.type !== 'object') return;
    if (s.properties || s.additionalProperties !== undefined || s.allOf || s.oneOf || s.anyOf || s.$ref) return;
    report({
      message: 'Object schema has no properties and no additionalProperties: the fields the document describes were lost.',
      location: location.child(['type']),
    });
  },
});
