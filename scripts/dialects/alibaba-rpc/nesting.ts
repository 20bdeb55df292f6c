/**
 * Rebuild the nesting the text flattened. Tables list a struct's fields right after the struct's
 * row, but nothing marks where the struct ends ("ServiceMeshInfo Object" after the four endpoint
 * fields is a sibling of "Endpoints", not its child). The samples show the real tree: a row goes
 * under the deepest open container whose sample holds its name; a container the sample shows but
 * the table lost ("HTTPAdvancedOptions") is restored from the sample. Without sample evidence, a
 * PDF's indentation decides (a row goes under the nearest open struct indented less than it); then
 * other samples of the manual; then table order (child of a container row right above it, else
 * sibling of the previous row).
 */
import type { JsonValue, PropertyModel, SchemaModel } from '../../model/types.ts';
import type { Diagnostic, SourceRef } from '../../model/diagnostic.ts';
import { diag } from '../../model/diagnostic.ts';
import type { RawRow } from './tables.ts';
import { mapType } from './types.ts';

export interface TreeNode {
  name: string;
  row?: RawRow;
  schema: SchemaModel;
  container: boolean;
  children: TreeNode[];
  path: string[];
  /** Where a node restored from a sample came from. */
  sampleSource?: SourceRef;
}

export interface SampleIndex {
  /** field name -> parent paths (joined with "/") where the samples have it */
  parents: Map<string, Set<string>>;
  /** path -> shape of the value there */
  shapes: Map<string, 'object' | 'array' | 'scalar'>;
  /** field name -> names it shares an object with somewhere in the samples */
  siblings: Map<string, Set<string>>;
  source?: SourceRef;
}

/** Points of x difference below which two rows count as equally indented. */
const INDENT_EPSILON = 2;

export interface IndexOptions {
  /** parents and shapes (an operation's own samples); default true */
  paths?: boolean;
  /** siblings (the document-wide index); default false */
  siblings?: boolean;
}

export function indexSamples(values: JsonValue[], source?: SourceRef, opts: IndexOptions = {}): SampleIndex {
  const idx: SampleIndex = { parents: new Map(), shapes: new Map(), siblings: new Map(), ...(source ? { source } : {}) };
  const paths = opts.paths ?? true;
  const siblings = opts.siblings ?? false;
  // `key` is the path joined with "/" and `len` its number of segments (a path of one empty key
  // joins to "" like the root, so the length is carried separately).
  const walk = (v: JsonValue, key: string, len: number, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(v)) {
      if (paths && len && !idx.shapes.has(key)) idx.shapes.set(key, 'array');
      for (const e of v) walk(e, key, len, depth + 1);
      return;
    }
    if (v && typeof v === 'object') {
      if (paths && len && idx.shapes.get(key) !== 'array') idx.shapes.set(key, 'object');
      const keys = Object.keys(v);
      if (siblings && keys.length <= 200) {
        for (const k of keys) {
          let sib = idx.siblings.get(k);
          if (!sib) idx.siblings.set(k, (sib = new Set<string>()));
          for (const o of keys) if (o !== k) sib.add(o);
        }
      }
      for (const k of keys) {
        if (paths) {
          let set = idx.parents.get(k);
          if (!set) idx.parents.set(k, (set = new Set<string>()));
          set.add(key);
        }
        walk(v[k], !paths ? '' : len ? `${key}/${k}` : k, len + 1, depth + 1);
      }
      return;
    }
    if (paths && len && !idx.shapes.has(key)) idx.shapes.set(key, 'scalar');
  };
  for (const v of values) walk(v, '', 0, 0);
  return idx;
}

/**
 * @param global sample index of the whole document: when this operation's own samples say nothing
 *   about a field, a struct documented with the same fields elsewhere tells which open struct
 *   already holds one of its siblings.
 */
export function buildTree(
  rows: RawRow[],
  samples: SampleIndex,
  file: string,
  global?: SampleIndex,
  opts: { request?: boolean } = {},
): { root: TreeNode; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const root: TreeNode = { name: '', schema: { type: 'object' }, container: true, children: [], path: [] };
  const stack: TreeNode[] = [root];
  let lastPlaced: TreeNode | undefined;
  const lastRow = new Map<string, number>();
  rows.forEach((r, i) => lastRow.set(r.name, i));
  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri];
    const mapped = mapType(row.type);
    // A plain "Array" whose example is a list of values ("["bb34c2d4…"]", "1,2") holds values, not
    // structs: no row below it is its field.
    if (mapped.container && mapped.schema.type === 'array' && !mapped.schema.items && scalarListExample(row.example)) {
      mapped.container = false;
      const items = itemsOf(row.example!);
      if (items) mapped.schema.items = items;
    }
    const node: TreeNode = { name: row.name, row, schema: mapped.schema, container: mapped.container, children: [], path: [] };
    if (!mapped.known) {
      diagnostics.push(diag('unknown-type', 'warning', `${row.name}: documented type "${row.type}" is not a known type; read as string`, row.source));
    }
    const parents = samples.parents.get(row.name);
    let parent: TreeNode | undefined;
    const last = lastPlaced;
    if (row.name === '*' && last && last.schema.additionalProperties !== undefined) {
      // The value schema of the Map row right above.
      node.path = [...last.path, '*'];
      last.children.push(node);
      // The map's value struct takes the fields that follow; a plain value closes nothing.
      if (node.container) stack.push(node);
      lastPlaced = node;
      continue;
    }
    if (row.level !== undefined) {
      // The layout stage measured the row's indentation (PDF): the row goes under the nearest
      // open container indented less than it, whatever the samples show.
      let s = stack.length - 1;
      while (s > 0 && (stack[s].row?.level ?? -1) >= row.level) s--;
      parent = stack[s];
      stack.length = s + 1;
    } else if (parents) {
      for (let s = stack.length - 1; s >= 0; s--) {
        // A struct has one field of a name: one that holds it already is not this row's parent
        // (a top-level "Level" after "Detail" whose own "Level" the sample also shows).
        if (hasPath(parents, stack[s].path) && !stack[s].children.some((c) => c.name === row.name)) {
          parent = stack[s];
          stack.length = s + 1;
          break;
        }
      }
      if (!parent) parent = restoreContainers(stack, parents, samples, row, diagnostics, (n) => (lastRow.get(n) ?? -1) > ri);
    }
    const disagrees = parents !== undefined && !parent;
    if (opts.request && !parent && samples.shapes.size && stack.length > 1) {
      // A request row in no sample (or only inside a struct documented further down): an open
      // struct whose JSON value the sample request spells out without it does not hold it; it is
      // an optional parameter the sample request leaves out (they often do). Response samples, by
      // contrast, do leave fields out of a struct they show (the bundled manual's
      // LocalityLoadBalancing sample has no Failover), so there the table order stands.
      let s = stack.length - 1;
      while (s > 0 && samples.shapes.has(stack[s].path.join('/'))) s--;
      if (s < stack.length - 1) {
        parent = stack[s];
        stack.length = s + 1;
      }
    }
    if (disagrees) {
      const where = (parent ?? stack[stack.length - 1]).path.join('.') || '(top level)';
      diagnostics.push(
        diag(
          'nesting-sample-disagrees',
          'info',
          parent
            ? `${row.name}: the sample has it under ${[...parents!].map((p) => p || '(top level)').join(', ')}, which is not open here; placed under ${where} (the open structs the sample request shows do not hold it)`
            : `${row.name}: the sample has it under ${[...parents!].map((p) => p || '(top level)').join(', ')} but the table order puts it under ${where}; following the table`,
          row.source,
        ),
      );
    }
    if (!parent && row.x !== undefined && stack.some((n) => n.row?.x !== undefined)) {
      // Indentation (PDF geometry): close every open struct indented as far as this row or further.
      let s = stack.length - 1;
      while (s > 0 && (stack[s].row?.x ?? -Infinity) >= row.x - INDENT_EPSILON) s--;
      parent = stack[s];
      stack.length = s + 1;
    }
    if (!parent && !parents && global && stack.length > 2) {
      const sib = global.siblings.get(row.name);
      if (sib) {
        for (let s = stack.length - 1; s >= 0; s--) {
          if (stack[s].children.some((c) => sib.has(c.name))) {
            if (s < stack.length - 1) {
              diagnostics.push(
                diag('nesting-from-other-samples', 'info', `${row.name}: placed beside ${stack[s].children.filter((c) => sib.has(c.name)).map((c) => c.name).join(', ')} as in other samples of the manual (this operation's samples do not show it)`, row.source),
              );
            }
            parent = stack[s];
            stack.length = s + 1;
            break;
          }
        }
      }
    }
    parent ??= stack[stack.length - 1];
    if (parent.children.some((c) => c.name === row.name && c.name !== '*')) {
      // A struct has one field of a name: this row belongs further out (the first open struct
      // without one).
      let s = stack.indexOf(parent);
      while (s > 0 && stack[s].children.some((c) => c.name === row.name)) s--;
      parent = stack[s];
      stack.length = s + 1;
    }
    node.path = [...parent.path, row.name];
    parent.children.push(node);
    lastPlaced = node;
    if (node.container) stack.push(node);
    else {
      // A leaf closes any deeper container that was open (its siblings come next).
      const at = stack.indexOf(parent);
      stack.length = at + 1;
    }
  }
  return { root, diagnostics };
}

/** The sample has the field under a path that extends an open container by fields the table lost. */
function restoreContainers(
  stack: TreeNode[],
  parents: Set<string>,
  samples: SampleIndex,
  row: RawRow,
  diagnostics: Diagnostic[],
  documentedLater: (name: string) => boolean,
): TreeNode | undefined {
  for (let s = stack.length - 1; s >= 0; s--) {
    const basePath = stack[s].path;
    const candidates = [...parents]
      .map((p) => (p === '' ? [] : p.split('/')))
      .filter((p) => p.length > basePath.length && matches(p.slice(0, basePath.length), basePath))
      .sort((a, b) => a.length - b.length);
    if (!candidates.length) continue;
    const target = [...basePath, ...candidates[0].slice(basePath.length)];
    // That struct already has a field of this name: the row is another field (a top-level "Status"
    // the sample request leaves out, after a struct whose own "Status" the sample shows).
    if (findChild(stack[s], target.slice(basePath.length))?.children.some((c) => c.name === row.name)) return undefined;
    // The table says a field on the way is a plain value: trust the table over a garbled sample.
    if (target.slice(basePath.length).some((n, k) => findChild(stack[s], target.slice(basePath.length, basePath.length + k + 1))?.container === false)) {
      return undefined;
    }
    // Only a container the table lost is restored: one it documents further down (a top-level
    // "ResourceId" the sample request leaves out, above "ZoneRecords" whose items have one) is not
    // open yet, so it is not this row's parent.
    for (let d = basePath.length, at: TreeNode | undefined = stack[s]; d < target.length; d++) {
      at = at?.children.find((c) => c.name === target[d] && c.container);
      if (!at && documentedLater(target[d])) return undefined;
    }
    let cur = stack[s];
    stack.length = s + 1;
    for (let d = cur.path.length; d < target.length; d++) {
      const name = target[d];
      let next = cur.children.find((c) => c.name === name && c.container);
      if (!next) {
        const shape = samples.shapes.get(target.slice(0, d + 1).join('/'));
        const schema: SchemaModel = shape === 'array' ? { type: 'array', items: { type: 'object' } } : { type: 'object' };
        next = { name, schema, container: true, children: [], path: target.slice(0, d + 1), ...(samples.source ? { sampleSource: samples.source } : {}) };
        cur.children.push(next);
        diagnostics.push(
          diag(
            'field-restored-from-sample',
            'warning',
            `${target.slice(0, d + 1).join('.')}: the table has no row for this ${shape ?? 'object'}, but the sample nests ${row.name} in it; restored from the sample`,
            row.source,
          ),
        );
      }
      stack.push(next);
      cur = next;
    }
    return cur;
  }
  return undefined;
}

function matches(samplePath: string[], treePath: string[]): boolean {
  return samplePath.length === treePath.length && samplePath.every((seg, i) => treePath[i] === '*' || treePath[i] === seg);
}

function hasPath(parents: Set<string>, treePath: string[]): boolean {
  if (!treePath.includes('*')) return parents.has(treePath.join('/'));
  for (const p of parents) if (matches(p === '' ? [] : p.split('/'), treePath)) return true;
  return false;
}

function findChild(from: TreeNode, rel: string[]): TreeNode | undefined {
  let cur: TreeNode | undefined = from;
  for (const n of rel) cur = cur?.children.find((c) => c.name === n);
  return cur;
}

/** Tree -> PropertyModels (document order). Response fields are never required. */
export function toProperties(node: TreeNode, required: (n: TreeNode) => boolean): PropertyModel[] {
  return node.children.filter((c) => c.name !== '*').map((c) => ({ name: c.name, required: required(c), schema: finishSchema(c, required) }));
}

export function finishSchema(n: TreeNode, required: (n: TreeNode) => boolean): SchemaModel {
  const s = n.schema;
  const value = n.children.find((c) => c.name === '*');
  if (value) {
    s.type = 'object';
    s.additionalProperties = finishSchema(value, required);
  }
  const fields = n.children.filter((c) => c.name !== '*');
  if (fields.length) {
    const props = toProperties(n, required);
    if (s.type === 'array') {
      const items: SchemaModel = s.items && s.items.type === 'object' ? s.items : { type: 'object' };
      items.properties = props;
      s.items = items;
    } else {
      s.type = 'object';
      delete s.additionalProperties;
      s.properties = props;
    }
  }
  if (n.sampleSource && !s.source) s.source = n.sampleSource;
  return s;
}

/** An example cell that lists values: a JSON list of values, or values separated by commas. */
function scalarListExample(example: string | undefined): boolean {
  const t = example?.trim();
  if (!t) return false;
  return /^\[\s*[^\s{[]/.test(t) || /^[\w.*:/-]+(?:,[\w.*:/-]+)+$/.test(t);
}

/** The item schema a JSON list example shows ("["a","b"]" -> string, "[1,2]" -> integer). */
function itemsOf(example: string): SchemaModel | undefined {
  let v: unknown;
  try {
    v = JSON.parse(example);
  } catch {
    return undefined;
  }
  if (!Array.isArray(v) || !v.length) return undefined;
  if (v.every((x) => typeof x === 'string')) return { type: 'string' };
  if (v.every((x) => Number.isInteger(x))) return { type: 'integer' };
  if (v.every((x) => typeof x === 'number')) return { type: 'number' };
  if (v.every((x) => typeof x === 'boolean')) return { type: 'boolean' };
  return undefined;
}
