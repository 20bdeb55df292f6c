import type { Oas3Rule } from '@redocly/openapi-core';

/** Names left with extraction damage: white space, a dangling hyphen, or a line-wrap seam. */
export const DAMAGED_NAME = /\s|-$|^-|\u00ad/;

export const NoDamagedName: Oas3Rule = () => ({
  Parameter(param, { report, location }) {
    if (typeof param.name === 'string' && DAMAGED_NAME.test(param.name)) {
      report({ message: `Parameter name "${param.name}" still carries extraction damage.`, location: location.child(['name']) });
    }
  },
  Schema(schema, { report, location }) {
    const props = (schema as { properties?: Record<string, unknown> }).properties;
    if (!props) return;
    for (const name of Object.keys(props)) {
      if (DAMAGED_NAME.test(name)) {
        report({ message: `Property name "${name}" still carries extraction damage.`, location: location.child(['properties', name]).key() });
      }
    }
  },
});
