import { defineCheck, opParams } from '../check.ts';

/** Same location, description and schema under a new name: the old name is no longer read. */
export default defineCheck({
  id: 'request-parameter-renamed',
  level: 'breaking',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.params.renamed.map((p) => ({
        operation: op.revision.name,
        base: p.base.pointer,
        revision: p.revision.pointer,
        params: { ...opParams(op), in: p.revision.in, from: p.base.name, to: p.revision.name },
      })),
    ),
});
