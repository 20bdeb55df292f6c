import { defineCheck, opParams } from '../check.ts';

/** Same name, now sent elsewhere (query -> header, …). */
export default defineCheck({
  id: 'request-parameter-location-changed',
  level: 'breaking',
  scope: 'definition',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.params.moved.map((p) => ({
        operation: op.revision.name,
        base: p.base.pointer,
        revision: p.revision.pointer,
        params: { ...opParams(op), name: p.revision.name, from: p.base.in, to: p.revision.in },
      })),
    ),
});
