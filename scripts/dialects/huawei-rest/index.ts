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
    // Vendor words count only in a document that has at least one REST URI line: a Huawei text
    // without operations (another kind of document, or a manual cut before its API chapter) is
    // not something this dialect can read.
    let vendor = 0;
    let uris = 0;
    let tables = 0;
    const n = Math.min(doc.lines.length, 20000);
    for (let i = 0; i < n; i++) {
      const t = doc.lines[i].text.trim();
      if (/Huawei/i.test(t)) vendor++;
      if (/^(POST|GET|PUT|DELETE|PATCH) \/v\d/.test(t)) uris++;
      if (/^Table \d+-\d+/.test(t)) tables++;
      if (uris >= 3 && vendor >= 5) break;
    }
    if (!uris) return 0;
    return Math.min(1, 0.1 * vendor + 0.3 * uris + 0.05 * tables);
  },
  parse: parseHuawei,
};
