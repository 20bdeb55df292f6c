/**
 * The manual's "List of operations by function": groups (used as tags) of operation names with a
 * one-line description. Names wrapped in the narrow first column ("DescribeNamespaceScopeSidecarConf"
 * / "ig") are rejoined.
 */
import type { Line } from './lines.ts';
import { toBlocks, OPERATION_NAME } from './blocks.ts';
import type { SourceRef } from '../../model/diagnostic.ts';
import { repairLigatures, tidy, type Vocabulary } from './repair.ts';
import { isListIntro, isSyntaxIntro } from './landmarks.ts';

export interface ListedOperation {
  name: string;
  description: string;
  group: string;
  source: SourceRef;
}

export interface OperationList {
  groups: { name: string; source: SourceRef }[];
  operations: ListedOperation[];
  /** Line range the list occupies (indices into the classified lines). */
  start: number;
  end: number;
}

const HEADER = /^Operation\s+Description$/;

/**
 * @param knownName whether the manual calls an operation by this name elsewhere ("Action=Name"):
 *   decides whether a wrapped name's last piece is the one beginning the description's line.
 */
export function parseOperationList(lines: Line[], file: string, vocab?: Vocabulary, knownName?: (name: string) => boolean): OperationList | undefined {
  const startIdx = lines.findIndex((l) => l.text.includes('following') && isListIntro(l.text));
  if (startIdx < 0) return undefined;
  // The list ends where the "Make API requests" topic starts (its first line mentions the syntax).
  let endIdx = lines.findIndex((l, i) => i > startIdx && l.text.includes('making') && isSyntaxIntro(l.text));
  if (endIdx < 0) endIdx = Math.min(lines.length, startIdx + 600);
  // (A header row repeated at a page break may run straight into the next row: it is dropped from
  // its block, not the block with it.)
  const blocks = toBlocks(lines.slice(startIdx + 1, endIdx))
    .map((b) => (b.length > 1 && HEADER.test(b[0].text.trim()) ? b.slice(1) : b));
  const groups: OperationList['groups'] = [];
  const operations: ListedOperation[] = [];
  let group = '';
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const first = block[0].text.trim();
    if (HEADER.test(first)) continue;
    const next = blocks[b + 1]?.[0]?.text.trim() ?? '';
    // A one-line block right above an "Operation Description" header is the group's title.
    // (Not an operation row the table repeated its header after, at a page break: "UpdateDashboard
    // Updates the dashboard." — a row has a name and a sentence.)
    if (HEADER.test(next) && block.length === 1 && !/^[A-Z][A-Za-z0-9]+\s+\S.*[.。]$/.test(first)) {
      group = first;
      groups.push({ name: group, source: ref(file, block) });
      continue;
    }
    const [name0, ...rest] = first.split(/\s+/);
    if (!OPERATION_NAME.test(name0) || !group) continue;
    let name = name0;
    let descLines = rest.length ? [rest.join(' '), ...block.slice(1).map((l) => l.text)] : block.slice(1).map((l) => l.text);
    let end = block;
    // A wrapped name: "DescribeNamespaceScopeSidecarConf" / "ig", then the description block.
    // (Also "…ForNamespa" / "ceScope", "…ForNamespace" / "Scope": one token, no words.)
    if (!rest.length && block.length >= 2 && /^[A-Za-z0-9]{1,20}$/.test(block[1].text.trim()) && (block.length === 2 || /\s/.test(block[2].text.trim()))) {
      name += block[1].text.trim();
      descLines = block.slice(2).map((l) => l.text);
    } else if (!rest.length && block.length >= 2 && knownName) {
      // The name's last piece shares its line with the description ("…PolicyAcrossReg" / "ions
      // Upgrades the route."): joined when the manual calls an operation by the joined name.
      const m = /^([A-Za-z0-9]{1,20})\s+(\S.*)$/.exec(block[1].text.trim());
      if (m && knownName(name + m[1])) {
        name += m[1];
        descLines = [m[2], ...block.slice(2).map((l) => l.text)];
      }
    }
    if (!descLines.length && blocks[b + 1] && !OPERATION_NAME.test(blocks[b + 1][0].text.split(/\s+/)[0]) && !HEADER.test(next)) {
      descLines = blocks[b + 1].map((l) => l.text);
      end = blocks[b + 1];
      b++;
    }
    operations.push({
      name,
      description: vocab ? tidy(repairLigatures(descLines.join(' '), vocab)) : tidy(descLines.join(' ')),
      group,
      source: { file, line: block[0].line, endLine: end[end.length - 1].line },
    });
  }
  return { groups, operations, start: startIdx, end: endIdx };
}

function ref(file: string, block: Line[]): SourceRef {
  return { file, line: block[0].line, endLine: block[block.length - 1].line };
}
