import { defineCheck, opParams, paramPairs } from '../check.ts';
import { formatChange } from '../compare.ts';

/** Same type, different format (int32 -> int64, date -> date-time): serialisation may differ. */
export default defineCheck({
  id: 'request-parameter-format-changed',
  level: 'warning',
  run: (d) =>
    [...paramPairs(d)].flatMap(({ op, pair }) => {
      const b = pair.base.schema?.schema;
      const r = pair.revision.schema?.schema;
      if (!b || !r) return [];
      const c = formatChange(b, r);
      if (!c) return [];
      return [
        {
          operation: op.revision.name,
          base: pair.base.schema!.pointer,
          revision: pair.revision.schema!.pointer,
          params: { ...opParams(op), name: pair.revision.name, in: pair.revision.in, from: c.from, to: c.to },
        },
      ];
    }),
});
