import type { Dialect } from '../types.ts';
import type { SourceDocument } from '../../extract/types.ts';
import { parseAlibaba } from './parse.ts';

/** Alibaba Cloud RPC-style manuals (`?Action=…`, "Request parameters" tables). */
export const alibabaRpc: Dialect = {
  id: 'alibaba-rpc',
  description: 'Alibaba Cloud RPC API reference',
  detect(doc: SourceDocument): number {
    let score = 0;
    const n = Math.min(doc.lines.length, 6000);
    for (let i = 0; i < n; i++) {
      const t = doc.lines[i].text;
      if (/Alibaba Cloud/.test(t)) score += 0.05;
      if (/[?&] ?Action=[A-Z]/.test(t)) score += 0.2;
      if (/^Parameter Type Required Example Description/.test(t)) score += 0.2;
      if (score >= 1) break;
    }
    return Math.min(1, score);
  },
  parse: parseAlibaba,
};
