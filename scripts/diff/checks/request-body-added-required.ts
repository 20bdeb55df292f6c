import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'request-body-added-required',
  level: 'breaking',
  run: (d) =>
    d.operations.both
      .filter((op) => !op.body.base && op.body.revision?.required)
      .map((op) => ({ operation: op.revision.name, revision: op.body.revision!.pointer, params: opParams(op) })),
});
