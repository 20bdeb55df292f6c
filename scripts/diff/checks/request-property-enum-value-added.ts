import { defineCheck, opParams, requestNodes, nodePath, both } from '../check.ts';
import { enumAdded } from '../compare.ts';

/** The property accepts a new value. */
export default defineCheck({
  id: 'request-property-enum-value-added',
  level: 'info',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (!both(node)) return [];
      const added = enumAdded(node.base.schema, node.revision.schema);
      if (!added.length) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base.pointer,
          revision: node.revision.pointer,
          params: { ...opParams(op), property: nodePath(node), values: added.map((v) => JSON.stringify(v)).join(', ') },
        },
      ];
    }),
});
