import type { SourceDocument } from '../../extract/types.ts';
import type { DialectResult } from '../types.ts';

export function parseAlibaba(doc: SourceDocument): DialectResult {
  throw new Error(`not yet: ${doc.file}`);
}
