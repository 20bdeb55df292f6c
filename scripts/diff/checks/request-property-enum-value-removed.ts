import { defineCheck, opParams, requestNodes, nodePath, both } from '../check.ts';
import { enumRemoved } from '../compare.ts';

/** A value callers may send in the property is no longer accepted. */
export default defineCheck({
  id: 'request-property-enum-value-removed',
  level: 'breaking',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (!both(node)) return [];
      const gone = enumRemoved(node.base.schema, node.revision.schema);
      if (!gone.length) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: nodePath(node), values: gone.map((v) => JSON.stringify(v)).join(', ') },
        },
      ];
    }),
});
