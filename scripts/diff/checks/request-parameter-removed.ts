import { defineCheck, opParams } from '../check.ts';

/** Callers still send it; typed clients no longer compile where they set it. */
export default defineCheck({
  id: 'request-parameter-removed',
  level: 'breaking',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.params.removed.map((p) => ({ operation: op.revision.name, base: p.pointer, params: { ...opParams(op), name: p.name, in: p.in } })),
    ),
});
