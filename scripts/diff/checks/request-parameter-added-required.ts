import { defineCheck, opParams } from '../check.ts';

/** Existing callers do not send it: their requests are now rejected. */
export default defineCheck({
  id: 'request-parameter-added-required',
  level: 'breaking',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.params.added
        .filter((p) => p.required)
        .map((p) => ({ operation: op.revision.name, revision: p.pointer, params: { ...opParams(op), name: p.name, in: p.in } })),
    ),
});
