import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'response-status-added',
  level: 'info',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.responses.added.map((r) => ({ operation: op.revision.name, revision: r.pointer, params: { ...opParams(op), status: r.status } })),
    ),
});
