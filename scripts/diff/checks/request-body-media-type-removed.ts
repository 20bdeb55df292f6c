import { join } from '../pointer.ts';
import { defineCheck, opParams } from '../check.ts';

/** The client's Content-Type is no longer accepted. */
export default defineCheck({
  id: 'request-body-media-type-removed',
  level: 'breaking',
  scope: 'definition',
  run: (d) =>
    d.operations.both.flatMap((op) =>
      op.body.base && op.body.revision
        ? op.body.mediaRemoved.map((m) => ({
            operation: op.revision.name,
            base: join(`${op.body.base!.pointer}/content`, m),
            revision: op.body.revision!.pointer,
            params: { ...opParams(op), mediaType: m },
          }))
        : [],
    ),
});
