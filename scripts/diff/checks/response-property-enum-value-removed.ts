import { defineCheck, opParams, responseNodes, responseLabel, both } from '../check.ts';
import { enumRemoved } from '../compare.ts';

/** The field no longer takes a value: client code handling it is dead but harmless. */
export default defineCheck({
  id: 'response-property-enum-value-removed',
  level: 'info',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (!both(node)) return [];
      const gone = enumRemoved(node.base.schema, node.revision.schema);
      if (!gone.length) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: responseLabel(node), status: response.status, values: gone.map((v) => JSON.stringify(v)).join(', ') },
        },
      ];
    }),
});
