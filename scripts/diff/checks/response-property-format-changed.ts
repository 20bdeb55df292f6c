import { defineCheck, opParams, responseNodes, responseLabel, both } from '../check.ts';
import { formatChange } from '../compare.ts';

/** Same type, different format: parsing of the value may change. */
export default defineCheck({
  id: 'response-property-format-changed',
  level: 'warning',
  run: (d) =>
    [...responseNodes(d)].flatMap(({ op, node, response }) => {
      if (!both(node)) return [];
      const c = formatChange(node.base.schema, node.revision.schema);
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
