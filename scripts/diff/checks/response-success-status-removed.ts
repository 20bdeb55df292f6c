import { defineCheck, opParams } from '../check.ts';

/** A 2xx/3xx response the client handles is no longer returned. */
export default defineCheck({
  id: 'response-success-status-removed',
  level: 'breaking',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.responses.removed
        .filter((r) => /^[23]/.test(r.status))
        .map((r) => ({ operation: op.revision.name, base: r.pointer, params: { ...opParams(op), status: r.status } })),
    ),
});
