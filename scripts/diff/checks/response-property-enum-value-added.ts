import { defineCheck, opParams, responseNodes, responseLabel, both } from '../check.ts';
import { enumAdded } from '../compare.ts';

/** The enum widened: exhaustive switches in client code meet a value they do not know. */
export default defineCheck({
  id: 'response-property-enum-value-added',
  level: 'warning',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (!both(node)) return [];
      const added = enumAdded(node.base.schema, node.revision.schema);
      if (!added.length) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: responseLabel(node), status: response.status, values: added.map((v) => JSON.stringify(v)).join(', ') },
        },
      ];
    }),
});
