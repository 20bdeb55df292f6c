import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'request-body-removed',
  level: 'breaking',
  run: (d) =>
    d.operations.both
      .filter((op) => op.body.base && !op.body.revision)
      .map((op) => ({ operation: op.revision.name, base: op.body.base!.pointer, params: opParams(op) })),
});
