import type { Dialect } from '../types.ts';
import type { SourceDocument } from '../../extract/types.ts';
import { parseHuawei } from './parse.ts';

/**
 * Huawei Cloud REST-style manuals ("URI" blocks with "POST /v1/{project_id}/meshes", numbered
 * "Table 4-4 MeshMetadata" parameter tables, "Status code: 201" response sections).
 */
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
      if (score >= 1) break;
    }
    return Math.min(1, score);
  },
  parse: parseHuawei,
};
