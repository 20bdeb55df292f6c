/** "Error codes" tables: "HttpCode Error code Error message Description". */
import type { Line } from './lines.ts';
import type { ErrorCodeModel } from '../../model/types.ts';
import { toBlocks } from './blocks.ts';
import { isTrailerStart } from './landmarks.ts';
import { joinProse, repairLigatures, tidy, type Vocabulary } from './repair.ts';

export const ERROR_HEADER = /^HttpCode\s+Error code\s+Error message(?:\s+Description)?$/;
const ROW = /^(\d{3})\s+(\S+)\s+(.+)$/;

export function parseErrorCodes(lines: Line[], file: string, vocab: Vocabulary): ErrorCodeModel[] {
  const out: ErrorCodeModel[] = [];
  let cur: { e: ErrorCodeModel; desc: string[] } | undefined;
  const done = () => {
    if (!cur) return;
    if (cur.desc.length) cur.e.description = tidy(repairLigatures(joinProse(cur.desc, vocab), vocab));
    out.push(cur.e);
    cur = undefined;
  };
  for (const block of toBlocks(lines)) {
    for (const l of block) {
      const t = l.text.trim();
      if (ERROR_HEADER.test(t) || (t.startsWith('For') && isTrailerStart(t))) continue;
      // PDF input: the layout stage gives the row's cells (status, code, message, description).
      if (l.role === 'table-continuation') continue;
      if (l.cells && l.role === 'table-row' && /^\d{3}$/.test(l.cells[0]?.trim() ?? '') && l.cells[1]?.trim()) {
        done();
        const [, code, message = '', ...rest] = l.cells.map((c) => c.replace(/\s+/g, ' ').trim());
        cur = { e: { httpStatus: Number(l.cells[0].trim()), code, message: tidy(message), source: { file, line: l.line } }, desc: rest.filter(Boolean) };
        continue;
      }
      const m = ROW.exec(t);
      if (m) {
        done();
        cur = { e: { httpStatus: Number(m[1]), code: m[2], message: tidy(m[3]), source: { file, line: l.line } }, desc: [] };
      } else if (cur) {
        cur.desc.push(t);
        cur.e.source.endLine = l.line;
      }
    }
  }
  done();
  return out;
}
