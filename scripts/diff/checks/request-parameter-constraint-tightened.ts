import { defineCheck, opParams, paramPairs } from '../check.ts';
import { tightened } from '../compare.ts';

/** Length, range or pattern limits now reject values the base accepted. */
export default defineCheck({
  id: 'request-parameter-constraint-tightened',
  level: 'breaking',
  run: (d) =>
    [...paramPairs(d)].flatMap(({ op, pair }) => {
      const b = pair.base.schema?.schema;
      const r = pair.revision.schema?.schema;
      if (!b || !r) return [];
      const t = tightened(b, r);
      if (!t.length) return [];
      return [
        {
          operation: op.revision.name,
          base: pair.base.schema!.pointer,
          revision: pair.revision.schema!.pointer,
          params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, what: t.join(', ') },
        },
      ];
    }),
});
