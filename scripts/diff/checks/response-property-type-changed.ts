import { defineCheck, opParams, responseNodes, responseLabel, both } from '../check.ts';
import { typeChange } from '../compare.ts';

/** Code reading the field gets a different type. */
export default defineCheck({
  id: 'response-property-type-changed',
  level: 'breaking',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (!both(node)) return [];
      const c = typeChange(node.base.schema, node.revision.schema);
      if (!c) return [];
      return [
        {
          operation: op.revision.name,
          base: node.base!.pointer,
          revision: node.revision!.pointer,
          params: { ...opParams(op), property: responseLabel(node), status: response.status, from: c.from, to: c.to },
        },
      ];
    }),
});
