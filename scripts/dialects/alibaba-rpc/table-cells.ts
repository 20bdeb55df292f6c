/**
 * Parameter tables the layout stage has already read (PDF input): every row is one line whose
 * `cells` hold the joined cell texts and whose `level` is the first cell's indentation. Columns are
 * found by the header row's names ("Parameter", "Type", "Required", "Example", "Description"), so
 * nothing depends on their order or on a column being present. Text input has no cells: the caller
 * falls back to the text heuristics of tables.ts.
 */
import type { Line } from './lines.ts';
import { renderDescription, type RawRow } from './tables.ts';

type Column = 'name' | 'type' | 'required' | 'example' | 'description';

const COLUMN_NAMES: [RegExp, Column][] = [
  [/^(parameter|name|field|parameter name)$/i, 'name'],
  [/^(type|data type)$/i, 'type'],
  [/^(required|mandatory)$/i, 'required'],
  [/^(example|sample( value)?|example value)$/i, 'example'],
  [/^(description|desc\.?)$/i, 'description'],
];

function columnsOf(cells: string[]): Map<Column, number> | undefined {
  const map = new Map<Column, number>();
  cells.forEach((c, i) => {
    const t = c.replace(/\s+/g, ' ').trim();
    const hit = COLUMN_NAMES.find(([re]) => re.test(t));
    if (hit && !map.has(hit[1])) map.set(hit[1], i);
  });
  return map.has('name') && map.has('type') ? map : undefined;
}

/** An identifier cut by a wrong join ("ModifyServiceMeshN ame") is one word again. */
function identifier(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return /^[A-Za-z_][\w.]*( [\w.]+)+$/.test(t) && !/ (of|and|or)\b/.test(t) ? t.replace(/ /g, '') : t;
}

/**
 * A Type cell as documented, whatever the cell's wrapping did to it: "Array of" / "ClusterInfo"
 * joined right is "Array of ClusterInfo", but a narrow column wraps "Array" / "of" / "JobSpec" too,
 * and a line that nearly fills its cell reads as a word cut at the edge ("Arrayof JobSpec"); a
 * struct name cut at the edge and joined with a space is one name again ("Array of Cluster Info").
 */
export function typeCell(raw: string): string {
  const t = raw.replace(/\s+/g, ' ').trim();
  const m = /^Array ?of(?: |(?=[A-Z]))(\S.*)$/i.exec(t);
  if (m) return `Array of ${m[1].replace(/ /g, '')}`;
  return /^[A-Z]\w*( \w+)+$/.test(t) && !/\b(of|and|or)\b/i.test(t) ? t.replace(/ /g, '') : t;
}

/**
 * Rows of the parameter tables among `lines`, or undefined when the lines carry no table cells
 * (text input) or no parameter-table header.
 */
export function rowsFromCells(lines: Line[], file: string): RawRow[] | undefined {
  if (!lines.some((l) => l.cells)) return undefined;
  const rows: RawRow[] = [];
  let cols: Map<Column, number> | undefined;
  let table: number | undefined;
  let any = false;
  for (const l of lines) {
    if (!l.cells) continue;
    if (l.role === 'table-header' || (l.table !== table && columnsOf(l.cells))) {
      cols = columnsOf(l.cells);
      table = l.table;
      if (cols) any = true;
      continue;
    }
    if (!cols || l.table !== table) continue;
    const cell = (c: Column) => {
      const i = cols!.get(c);
      return i === undefined ? undefined : (l.cells![i] ?? '');
    };
    let name = identifier(cell('name') ?? '');
    const type = typeCell(cell('type') ?? '');
    if (!name && !type) continue;
    const prev = rows[rows.length - 1];
    // The value row of a Map has no name.
    if (!name && prev && /^map$/i.test(prev.type)) name = '*';
    if (!name) continue;
    // A bullet glyph the text extraction would have lost ("• running : …" -> "running : …").
    const paragraphs = (cell('description') ?? '')
      .split('\n')
      .map((p) => p.replace(/\s+/g, ' ').trim().replace(/^[•◦▪●‣∙·]\s*/u, ''))
      .filter(Boolean);
    const row: RawRow = {
      name,
      type,
      description: renderDescription(
        paragraphs.map((p) => [{ index: l.index, line: l.line, page: l.page, x: undefined, text: p, furniture: undefined, value: undefined, lead: undefined, cells: undefined, level: undefined, role: undefined, table: undefined }]),
        paragraphs,
      ),
      paragraphs,
      source: { file, line: l.line, ...(l.page ? { page: l.page } : {}) },
      repairs: [],
    };
    const req = cell('required')?.trim();
    if (req && /^(yes|no|true|false)$/i.test(req)) row.required = /^(yes|true)$/i.test(req);
    let example = cell('example')?.replace(/\n/g, ' ').trim();
    if (example && name === 'Action') example = identifier(example);
    if (example) row.example = example;
    if (l.x !== undefined) row.x = l.x;
    if (l.level !== undefined) row.level = l.level;
    // The nameless value row of a Map has no indentation to measure: one level below the map.
    else if (name === '*' && prev?.level !== undefined) row.level = prev.level + 1;
    rows.push(row);
  }
  return any ? rows : undefined;
}
