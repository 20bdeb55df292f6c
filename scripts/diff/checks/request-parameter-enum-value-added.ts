import { defineCheck, opParams, paramPairs } from '../check.ts';
import { enumAdded } from '../compare.ts';

/** A new value may be sent. */
export default defineCheck({
  id: 'request-parameter-enum-value-added',
  level: 'info',
  run: (d) =>
    [...paramPairs(d)].flatMap(({ op, pair }) => {
      const b = pair.base.schema?.schema;
      const r = pair.revision.schema?.schema;
      if (!b || !r) return [];
      const added = enumAdded(b, r);
      if (!added.length) return [];
      return [
        {
          operation: op.revision.name,
          base: pair.base.schema!.pointer,
          revision: pair.revision.schema!.pointer,
          params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, values: added.map((v) => JSON.stringify(v)).join(', ') },
        },
      ];
    }),
});
