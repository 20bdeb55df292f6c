import { join } from '../pointer.ts';
import { defineCheck, opParams } from '../check.ts';

/** Clients asking for this representation (Accept / Format=XML) no longer get it. */
export default defineCheck({
  id: 'response-media-type-removed',
  level: 'breaking',
  scope: 'definition',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.responses.both.flatMap((r) =>
        r.mediaRemoved.map((m) => ({
          operation: op.revision.name,
          base: join(`${r.base.pointer}/content`, m),
          revision: r.revision.pointer,
          params: { ...opParams(op), status: r.status, mediaType: m },
        })),
      ),
    ),
});
