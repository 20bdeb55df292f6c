import type { SourceDocument } from '../extract/types.ts';
import { InputError } from '../extract/types.ts';
import type { Dialect } from './types.ts';
import { alibabaRpc } from './alibaba-rpc/index.ts';
import { huaweiRest } from './huawei-rest/index.ts';

export type { Dialect, DialectResult } from './types.ts';

export const dialects: Dialect[] = [alibabaRpc, huaweiRest];

/** Minimum detection confidence for `auto`. Below it the document is "not an API manual we know". */
export const MIN_CONFIDENCE = 0.3;

export function findDialect(id: string): Dialect | undefined {
  return dialects.find((d) => d.id === id);
}

export function chooseDialect(doc: SourceDocument, requested = 'auto'): Dialect {
  if (requested !== 'auto') {
    const d = findDialect(requested);
    if (!d) throw new InputError(doc.file, `unknown dialect "${requested}" (known: ${dialects.map((x) => x.id).join(', ')})`);
    if (d.detect(doc) < MIN_CONFIDENCE / 3) {
      throw new InputError(doc.file, `does not look like a ${d.description} (wrong kind of document?)`);
    }
    return d;
  }
  let best: Dialect | undefined;
  let score = 0;
  for (const d of dialects) {
    const s = d.detect(doc);
    if (s > score) {
      score = s;
      best = d;
    }
    // Full confidence: no later dialect can score higher (ties go to the first), so none is asked.
    if (score >= 1) break;
  }
  if (!best || score < MIN_CONFIDENCE) {
    throw new InputError(doc.file, 'not a recognised API reference manual (no known dialect matched)');
  }
  return best;
}
