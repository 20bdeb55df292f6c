import { defineCheck, opParams } from '../check.ts';

export default defineCheck({
  id: 'request-body-became-required',
  level: 'breaking',
  scope: 'definition',
  run: (d) =>
    d.operations.both
      .filter((op) => op.body.base && op.body.revision && !op.body.base.required && op.body.revision.required)
      .map((op) => ({ operation: op.revision.name, base: op.body.base!.pointer, revision: op.body.revision!.pointer, params: opParams(op) })),
});
