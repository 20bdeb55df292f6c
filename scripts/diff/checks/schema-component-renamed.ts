import { defineCheck } from '../check.ts';

/**
 * A components/schemas entry kept its content but changed its name: generated clients export it
 * as a type (`components["schemas"]["Name"]`), so code naming the old type stops compiling.
 */
export default defineCheck({
  id: 'schema-component-renamed',
  level: 'warning',
  run: (d) => d.schemaRenames.map(({ base, revision }) => ({ base: base.pointer, revision: revision.pointer, params: { from: base.name, to: revision.name } })),
});
