/**
 * Parameter tables ("Parameter Type Required Example Description" and "Parameter Type Example
 * Description"), read from text whose cells were wrapped and whose rows are only separated by blank
 * lines. A row starts with its name (possibly wrapped over several lines, possibly ligature-split:
 * "T itle"), then the type ("Array of" / "AccessLogDashbo" / "ardInfo"), the Required cell, the
 * example (wrapped mid-value: "vpc-" / "xzelac2tw4ic7wz31" / "****") and description paragraphs.
 */
import type { Line } from './lines.ts';
import type { SourceRef } from '../../model/diagnostic.ts';
import { joinProse, joinWrapped, repairLigatures, tidy, type Vocabulary } from './repair.ts';

export interface RawRow {
  name: string;
  /** Type as documented, normalised spacing: "String", "Array of ServiceMesh". */
  type: string;
  required?: boolean;
  example?: string;
  /** Description as Markdown: paragraphs separated by blank lines, bullets as "- ". */
  description: string;
  /** Raw description paragraphs (repaired text), for prose extraction (enums, defaults). */
  paragraphs: string[];
  source: SourceRef;
  /** Damage repaired while reading the row (for diagnostics): e.g. "name wrapped: Locality… + ng". */
  repairs: string[];
  /** Indentation of the row's name on the page (PDF input only). */
  x?: number;
  /** Indentation level of the row's name, from the layout stage (PDF input only). */
  level?: number;
}

export const TABLE_HEADER = /^Parameter\s+Type\s+(?:Required\s+)?Example\s+Description$/;
const TYPE_WORD = '(?:String|Integer|Long|Boolean|Float|Double|Object|Array|Struct|Map|JSON|List|Number|Int)';
const TYPE_START = new RegExp(`^${TYPE_WORD}\\b`);
const MAP_VALUE = new RegExp(`^${TYPE_WORD}(\\s|$)`);
const NAME_TOKEN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** A one-word sentence ("Required.") ends an example; "newratings.default.svc." continues it. */
const SENTENCE_WORD = /^[A-Z][a-z]+\.$/;
/** Words that start description sentences and are never parameter names. */
const PROSE_START = new Set(['The', 'A', 'An', 'This', 'If', 'Specifies', 'Indicates', 'Whether', 'Valid', 'Default', 'Note', 'For', 'You', 'Set', 'When', 'It', 'In']);

/** TABLE_HEADER on the trimmed text, tried only on lines starting with "P". */
function isTableHeader(text: string): boolean {
  const t = text.trim();
  return t.charCodeAt(0) === 80 && TABLE_HEADER.test(t);
}

interface Head {
  name: string;
  nameParts: string[];
  type: string;
  required?: boolean;
  /** Text after the type / required cells on the same line. */
  rest: string;
  /** Lines of the block after the head (example continuation or description). */
  tail: Line[];
  /** How many blocks the head spans (name in one block, type in the next). */
  blocks: number;
  /** The Type cell took more than one line ("Array of" / "String"). */
  typeWrapped?: boolean;
}

export function parseTable(blocks: Line[][], file: string, vocab: Vocabulary): { rows: RawRow[]; orphans: Line[][] } {
  const rows: RawRow[] = [];
  const orphans: Line[][] = [];
  let cur: { row: RawRow; paras: Line[][]; lastLine: number } | undefined;
  const finish = () => {
    if (!cur) return;
    const paras = cur.paras.map((p) => p.map((l) => l.text));
    cur.row.paragraphs = paras.map((p) => tidy(repairLigatures(joinProse(p, vocab), vocab)));
    cur.row.description = renderDescription(cur.paras, cur.row.paragraphs);
    cur.row.source.endLine = cur.lastLine;
    rows.push(cur.row);
    cur = undefined;
  };
  blocks = splitAtPageStarts(blocks);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b].filter((l) => !isTableHeader(l.text));
    if (!block.length) continue;
    const bare = block[0].text.trim();
    // (Not a row whose name is a type word: "List Array of NamespaceEntry Yes …", "List" / "Array
    // of" name a field List.)
    if (cur && /^Map$/i.test(cur.row.type) && MAP_VALUE.test(bare) && !readHead(block, blocks[b + 1], blocks[b + 2])) {
      // The value type of a Map: a row with no name ("Object" / "The check result of …").
      const t = readType(bare, block.slice(1));
      finish();
      const { example, descFirst, tailDesc } = splitExample({ name: '*', nameParts: ['*'], ...t, blocks: 1 });
      const row: RawRow = { name: '*', type: t.type, description: '', paragraphs: [], source: { file, line: block[0].line }, repairs: [] };
      if (example) row.example = example;
      const first = [...(descFirst ? [{ ...block[0], text: descFirst }] : []), ...tailDesc];
      cur = { row, paras: first.length ? [first] : [], lastLine: block[block.length - 1].line };
      continue;
    }
    let head = readHead(block, blocks[b + 1], blocks[b + 2]);
    if (head && cur && cur.row.required !== undefined && head.required === undefined && cur.row.example === undefined && !cur.paras.length && head.blocks === 1 && /^[A-Z][a-z]+$/.test(head.type)) {
      // In a request table every row has a Required cell: "StartImageSubnet" / "List The operation
      // that you want to perform." right after "Action String Yes" is that row's example cell
      // (ending in a word that is also a type) and its description.
      cur.row.example = joinWrapped([...head.nameParts, head.type]);
      const first = head.rest ? [{ ...block[0], text: head.rest }] : [];
      cur.paras.push([...first, ...head.tail]);
      cur.lastLine = block[block.length - 1].line;
      head = undefined;
      continue;
    }
    if (head) {
      finish();
      const { example, descFirst, tailDesc } = splitExample(head);
      const lines = head.blocks === 2 ? [...block, ...blocks[b + 1]] : block;
      const repairs: string[] = [];
      if (head.nameParts.length > 1) repairs.push(`name "${head.nameParts.join('" + "')}" rejoined as ${head.name}`);
      const row: RawRow = {
        name: head.name,
        type: head.type,
        description: '',
        paragraphs: [],
        source: { file, line: block[0].line, ...(block[0].page ? { page: block[0].page } : {}) },
        repairs,
      };
      if (head.required !== undefined) row.required = head.required;
      if (block[0].x !== undefined) row.x = block[0].x;
      let exampleBlock: Line[] | undefined;
      if (example !== undefined && example !== '') row.example = example;
      else if (!descFirst && !tailDesc.length) {
        // "ClusterIds String" / (blank) / "c8b054ee8c3914d0" / "79b5ce9733328****," / … / (blank) /
        // "The IDs of …": the example cell printed as a block of its own.
        const nb = blocks[b + head.blocks];
        const after = blocks[b + head.blocks + 1];
        // (In a request table a row has a Required cell: "RestartProjectUser" / "List" without one is
        // the Action row's example, not a row named RestartProjectUser of type List.)
        const notRow = () => {
          const asRow = readHead(nb, after, blocks[b + head.blocks + 2]);
          return !asRow || (head.required !== undefined && asRow.required === undefined && !asRow.rest && !asRow.tail.length);
        };
        if (nb && after && nb.length <= 12 && nb.every((l) => !/\s/.test(l.text.trim()) && !SENTENCE_WORD.test(l.text.trim())) && notRow()) {
          row.example = joinWrapped(nb.map((l) => l.text));
          exampleBlock = nb;
        }
      }
      const paras: Line[][] = [];
      const first = [...(descFirst ? [{ ...block[0], text: descFirst }] : []), ...tailDesc];
      if (first.length) paras.push(first);
      cur = { row, paras, lastLine: (exampleBlock ?? lines)[(exampleBlock ?? lines).length - 1].line };
      b += head.blocks - 1 + (exampleBlock ? 1 : 0);
      continue;
    }
    if (cur) {
      cur.paras.push(block);
      cur.lastLine = block[block.length - 1].line;
    } else orphans.push(block);
  }
  finish();
  return { rows, orphans };
}

/**
 * A page break can fall between a description and the next row with no blank line in between; the
 * new page's first line carries the extraction's leading space. Split there when a row starts.
 */
function splitAtPageStarts(blocks: Line[][]): Line[][] {
  const out: Line[][] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    let start = 0;
    for (let k = 1; k < block.length; k++) {
      if (block[k].lead && readHead(block.slice(k), blocks[b + 1])) {
        out.push(block.slice(start, k));
        start = k;
      }
    }
    out.push(block.slice(start));
  }
  return out;
}

/**
 * Recognise the start of a row in a block (and possibly the block after it). `after` is the block
 * after `next`: where the Required cell of a row whose Type cell wrapped ends up.
 */
export function readHead(block: Line[], next: Line[] | undefined, after?: Line[]): Head | undefined {
  const h = readHeadCells(block, next);
  if (!h || h.required !== undefined || !h.typeWrapped || h.rest || h.tail.length) return h;
  // "SNIHosts" / "Array of" / "String" / (blank) / "No *.com": the Required cell (with the example
  // and maybe the description) follows the wrapped Type cell after a blank line.
  const following = h.blocks === 2 ? after : next;
  const m = following ? /^(Yes|No)(?:\s+(.*))?$/.exec(following[0].text.trim()) : null;
  if (!following || !m) return h;
  h.required = m[1] === 'Yes';
  h.rest = m[2] ?? '';
  h.tail = following.slice(1);
  h.blocks++;
  return h;
}

function readHeadCells(block: Line[], next: Line[] | undefined): Head | undefined {
  const first = block[0].text.trim();
  const tokens = first.split(/\s+/);
  // Case 1: "Name Type …" on one line; the name may be ligature-split ("T itle", "UpdateT ime").
  for (const nameLen of [1, 2, 3, 4]) {
    // The type cell must follow the name: tested on its token before joining the rest of the line.
    if (!TYPE_START.test(tokens[nameLen] ?? '')) continue;
    const nameTokens = tokens.slice(0, nameLen);
    if (!nameTokens.every((t) => NAME_TOKEN.test(t))) continue;
    // Every gap inside the name is a ligature gap: after t/f, before a lower-case letter ("St at e").
    let seams = true;
    for (let k = 1; k < nameLen && seams; k++) seams = /[tTfF]$/.test(nameTokens[k - 1]) && /^[a-z]/.test(nameTokens[k]);
    if (!seams) continue;
    const after = tokens.slice(nameLen).join(' ');
    const t = readType(after, block.slice(1));
    return { name: nameTokens.join(''), nameParts: nameTokens, ...t, blocks: 1 };
  }
  // Case 2: the name wrapped over single-token lines, type below (same block or the next one).
  const firstName = unsplit(first);
  if (!NAME_TOKEN.test(firstName) || PROSE_START.has(firstName)) return undefined;
  const parts: string[] = [firstName];
  let i = 1;
  // A name that wrapped before a word that is also a type ("AccessLogConnection" / "List") when
  // the Type cell follows in the next block: the word is the name's end.
  const nameEnd = (k: number) => k === block.length - 1 && k > 0 && /^[A-Z][a-z]+$/.test(block[k].text.trim()) && !!next && TYPE_START.test(next[0].text.trim());
  while (i < block.length && NAME_TOKEN.test(unsplit(block[i].text.trim())) && (!TYPE_START.test(block[i].text.trim()) || nameEnd(i))) {
    parts.push(unsplit(block[i].text.trim()));
    i++;
    if (parts.length > 4) return undefined;
  }
  if (i < block.length) {
    const line = block[i].text.trim();
    if (!TYPE_START.test(line)) return undefined;
    const t = readType(line, block.slice(i + 1));
    return { name: joinWrapped(parts), nameParts: parts, ...t, blocks: 1 };
  }
  if (next && TYPE_START.test(next[0].text.trim())) {
    const t = readType(next[0].text.trim(), next.slice(1));
    return { name: joinWrapped(parts), nameParts: parts, ...t, blocks: 2 };
  }
  return undefined;
}

/** A name fragment with ligature splits in it ("AllIst ioGatewayFullN", "St at e") is one token. */
function unsplit(text: string): string {
  // (The first piece may be the letter alone: "T ableRetryT" / "imes".)
  return /^(?=[A-Za-z_])[A-Za-z0-9_]*[tTfF](?: [a-z][A-Za-z0-9_]*[tTfF]){0,3} [a-z][A-Za-z0-9_]*$/.test(text) ? text.replace(/ /g, '') : text;
}

/** Read "Type [Required] [rest]" where "Array of" may continue on following single-token lines. */
function readType(text: string, following: Line[]): { type: string; required?: boolean; rest: string; tail: Line[]; typeWrapped?: boolean } {
  let tokens = text.split(/\s+/);
  let tail = following;
  let type = tokens.shift()!;
  let typeWrapped = false;
  if (type === 'Array' && tokens[0] === 'of') {
    tokens.shift();
    let item = tokens.shift();
    if (!item && tail.length && NAME_TOKEN.test(tail[0].text.trim())) {
      item = tail[0].text.trim();
      tail = tail.slice(1);
      typeWrapped = true;
      // A struct name wrapped mid-word ("AccessLogDashbo" / "ardInfo", "Namespace" / "Status"): the
      // lines of a wrapped cell are followed by a blank line, so a name token right below is its rest.
      while (!/^(String|Integer|Long|Boolean|Float|Double)$/.test(item) && tail.length && /^[A-Za-z][A-Za-z0-9]*$/.test(tail[0].text.trim()) && !/^(Yes|No)$/.test(tail[0].text.trim())) {
        item += tail[0].text.trim();
        tail = tail.slice(1);
      }
    }
    // "ConnectionIn" / "foPool The connections that are returned.": the description on the
    // struct name's last line.
    const m = item && tail.length && !/^(String|Integer|Long|Boolean|Float|Double)$/.test(item) ? /^([a-z][A-Za-z0-9]*)\s+([A-Z].*)$/.exec(tail[0].text.trim()) : null;
    if (m && tokens.length === 0) {
      item += m[1];
      tokens = m[2].split(/\s+/);
      tail = tail.slice(1);
    }
    type = item ? `Array of ${item}` : 'Array';
  }
  let required: boolean | undefined;
  if (tokens[0] === 'Yes' || tokens[0] === 'No') {
    required = tokens.shift() === 'Yes';
  } else if (!tokens.length && tail.length && /^(Yes|No)\b/.test(tail[0].text.trim())) {
    const t = tail[0].text.trim().split(/\s+/);
    required = t.shift() === 'Yes';
    tokens = t;
    tail = tail.slice(1);
  }
  const out: { type: string; required?: boolean; rest: string; tail: Line[]; typeWrapped?: boolean } = { type, rest: tokens.join(' '), tail };
  if (required !== undefined) out.required = required;
  if (typeWrapped) out.typeWrapped = true;
  return out;
}

/** Split the text after the type cells into the example cell and the first description words. */
function splitExample(head: Head): { example?: string; descFirst: string; tailDesc: Line[] } {
  const tokens = head.rest ? head.rest.split(/\s+/) : [];
  let tail = head.tail;
  if (!tokens.length) {
    // Example cell on its own lines (wrapped mid-value), until the first line of prose.
    const parts: string[] = [];
    while (tail.length && !/\s/.test(tail[0].text.trim()) && !SENTENCE_WORD.test(tail[0].text.trim())) {
      parts.push(tail[0].text.trim());
      tail = tail.slice(1);
    }
    return parts.length ? { example: joinWrapped(parts), descFirst: '', tailDesc: tail } : { descFirst: '', tailDesc: tail };
  }
  if (tokens.length === 1 && /[\u3000-\u9fff\uff00-\uffef]/.test(tokens[0]) && /[。.]$/.test(tokens[0])) {
    // A one-word Chinese sentence ("集群列表。") is the description, not an example.
    return { descFirst: tokens[0], tailDesc: tail };
  }
  if (tokens.length === 1) {
    // "Action String Yes" / "DescribeServiceMes" / "hes": a value wrapped onto single-token lines.
    const parts = [tokens[0]];
    while (tail.length && !/\s/.test(tail[0].text.trim()) && !SENTENCE_WORD.test(tail[0].text.trim()) && parts.length < 8) {
      parts.push(tail[0].text.trim());
      tail = tail.slice(1);
    }
    return { example: joinWrapped(parts), descFirst: '', tailDesc: tail };
  }
  // Several words: the description starts at the first sentence-like capitalised word.
  let start = -1;
  for (let i = 0; i < Math.min(tokens.length, 4); i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (/^[A-Z][a-z]+$/.test(t) && (PROSE_START.has(t) || (next !== undefined && /^[a-z(]/.test(next)))) {
      start = i;
      break;
    }
  }
  if (start === 0 || (start < 0 && /^[a-z]/.test(tokens[1] ?? '') && /^[A-Z]/.test(tokens[0]))) {
    return { descFirst: tokens.join(' '), tailDesc: tail };
  }
  if (start < 0) start = 1;
  return { example: tokens.slice(0, start).join(' '), descFirst: tokens.slice(start).join(' '), tailDesc: tail };
}

/** Paragraphs -> Markdown. A paragraph that was a bullet ("true : exposes…") becomes "- `true`: …". */
export function renderDescription(paras: Line[][], texts: string[]): string {
  const out: string[] = [];
  let inList = false;
  // "value : what it means" (a word follows the colon; "failover: [// …" is a code example).
  const isValue = (i: number) => paras[i] !== undefined && /^\S+(?: \S+)? ?: [A-Za-z"'(]/.test(paras[i][0]?.text.trim() ?? '') && !/^Default value/i.test(paras[i][0].text.trim());
  texts.forEach((t, i) => {
    // A value bullet whose glyph was lost: " true : exposes…" (lead space), or the first one of a
    // "Valid values:" list printed without it ("running: The instance is running.").
    const bullet =
      isValue(i) &&
      (paras[i][0].lead || inList || (/Valid values\s*:?$/i.test(texts[i - 1] ?? '') && isValue(i + 1)));
    if (bullet) {
      const m = /^(\S+(?: \S+)?) ?: (.*)$/.exec(t);
      out.push(`${inList ? '' : '\n'}- ${m ? `\`${m[1]}\`: ${m[2]}` : t}`);
      inList = true;
    } else {
      out.push(`${out.length ? '\n' : ''}${t}`);
      inList = false;
    }
  });
  return out.join('\n').trim();
}

/** A line that can start a row: "Name Type …" (the name possibly ligature-split), or a name alone. */
export function startsRow(text: string): boolean {
  const tokens = text.split(/\s+/);
  for (let n = 1; n <= 4 && n < tokens.length; n++) {
    if (!NAME_TOKEN.test(tokens[n - 1])) break;
    if (TYPE_START.test(tokens[n])) return true;
  }
  return tokens.length === 1 && NAME_TOKEN.test(unsplit(text)) && !PROSE_START.has(text);
}
