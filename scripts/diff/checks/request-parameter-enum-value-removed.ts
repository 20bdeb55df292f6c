import { defineCheck, opParams, paramPairs } from '../check.ts';
import { enumRemoved } from '../compare.ts';

/** A value callers may send is no longer accepted. */
export default defineCheck({
  id: 'request-parameter-enum-value-removed',
  level: 'breaking',
  run: (d) =>
    [...paramPairs(d)].flatMap(({ op, pair }) => {
      const b = pair.base.schema?.schema;
      const r = pair.revision.schema?.schema;
      if (!b || !r) return [];
      const gone = enumRemoved(b, r);
      if (!gone.length) return [];
      return [
        {
          operation: op.revision.name,
          base: pair.base.schema!.pointer,
          revision: pair.revision.schema!.pointer,
          params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, values: gone.map((v) => JSON.stringify(v)).join(', ') },
        },
      ];
    }),
});
