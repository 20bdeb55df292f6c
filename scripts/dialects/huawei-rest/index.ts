import type { Dialect } from '../types.ts';
import type { SourceDocument } from '../../extract/types.ts';
import { diag } from '../../model/diagnostic.ts';

/** Huawei Cloud REST-style manuals ("URI" blocks, numbered "Table 4-4 …" parameter tables). */
export const huaweiRest: Dialect = {
  id: 'huawei-rest',
  description: 'Huawei Cloud REST API reference',
  detect(doc: SourceDocument): number {
    let score = 0;
    const n = Math.min(doc.lines.length, 4000);
    for (let i = 0; i < n; i++) {
      const t = doc.lines[i].text;
      if (/Huawei/i.test(t)) score += 0.1;
      if (/^(POST|GET|PUT|DELETE|PATCH) \/v\d/.test(t.trim())) score += 0.3;
      if (/^Table \d+-\d+/.test(t.trim())) score += 0.05;
    }
    return Math.min(1, score);
  },
  parse(doc) {
    // Placeholder until the REST dialect lands (issue 3).
    return {
      model: {
        vendor: 'huaweicloud', service: 'asm', version: 'v1', title: 'Huawei Cloud ASM', style: 'rest',
        servers: [], securitySchemes: [], security: [], commonParameters: [], tags: [], operations: [], errorCodes: [],
        source: { file: doc.file, line: 1 },
      },
      diagnostics: [diag('dialect-incomplete', 'error', 'huawei-rest dialect is not implemented yet', { file: doc.file, line: 1 })],
    };
  },
};
