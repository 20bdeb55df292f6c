import { defineCheck, opParams, requestNodes, nodePath, both } from '../check.ts';
import { typeChange } from '../compare.ts';

/** The property must be sent as a different type. */
export default defineCheck({
  id: 'request-property-type-changed',
  level: 'breaking',
  run: (d) =>
    [...requestNodes(d)].flatMap(({ op, node }) => {
      if (!both(node)) return [];
      const c = typeChange(node.base.schema, node.revision.schema);
      if (!c) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: nodePath(node), from: c.from, to: c.to },
        },
      ];
    }),
});
