import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'request-parameter-added',
  level: 'info',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.params.added
        .filter((p) => !p.required)
        .map((p) => ({ operation: op.revision.name, revision: p.pointer, params: { ...opParams(op), name: p.name, in: p.in } })),
    ),
});
