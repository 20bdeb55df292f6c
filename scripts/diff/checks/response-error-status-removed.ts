import { defineCheck, opParams } from '../check.ts';

/** A documented error response is gone: error handling written for it is dead code. */
export default defineCheck({
  id: 'response-error-status-removed',
  level: 'warning',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.responses.removed
        .filter((r) => !/^[23]/.test(r.status))
        .map((r) => ({ operation: op.revision.name, base: r.pointer, params: { ...opParams(op), status: r.status } })),
    ),
});
