/**
 * A specialised YAML emitter for plain JSON data. Its output is byte-identical to
 * `yaml.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false })`
 * (yaml 2.x, core schema) and it is an order of magnitude faster, because it builds no node tree
 * and copies no stringify context per node.
 *
 * Layout rules (yaml's stringifyCollection / stringifyPair, indentSeq true, indent step 2):
 * - a map's pairs are joined by "\n" + its indent; a non-empty collection value goes on the next
 *   line at indent + 2 ("key:\n  - a"), an empty one stays inline ("key: []");
 * - a sequence's items are "- " + item, the item rendered at indent + 2 ("- a: 1\n  b: 2");
 * - an implicit key longer than 1024 characters becomes explicit: "? key\n: value";
 * - `undefined` map values are skipped, `undefined` sequence items are written as null.
 *
 * Scalars: a fast char-code check accepts the common plain-safe strings; everything else goes
 * through `stringString`, a line-for-line port of yaml's stringifyString for this one context
 * (plain / double-quoted / literal block; no folding because lineWidth is 0).
 */

const STEP = '  ';
const indents: string[] = [''];
function indentOf(depth: number): string {
  while (indents.length <= depth) indents.push(indents[indents.length - 1] + STEP);
  return indents[depth];
}

/** Strings of 4–5 characters that the core schema resolves as booleans or null. */
const WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/**
 * Characters that may not start the fast path: YAML indicators, whitespace, and every character a
 * number / null / boolean-looking or document-marker string can start with (those take the slow
 * path, which runs yaml's exact tests).
 */
const BAD_FIRST = new Uint8Array(128);
for (const ch of ' ,[]{}#&*!|>\'"%@`?-:.+~0123456789') BAD_FIRST[ch.charCodeAt(0)] = 1;

/**
 * True when `s` is written as-is in plain style, both as an implicit key and as a value, at any
 * indent. A sufficient (not necessary) condition: anything it rejects goes to the exact port.
 */
function isPlainSafe(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const c0 = s.charCodeAt(0);
  if (c0 < 0x20 || (c0 < 0x80 && BAD_FIRST[c0] === 1)) return false;
  if ((n === 4 || n === 5) && WORDS.has(s)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x7f) {
      // C1 controls and surrogates (even paired ones: the slow path sorts them out); U+2028/U+2029
      // end a line for the `m` flag of yaml's document-marker test ("\u2028%" is written as a block)
      if (c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) return false;
    } else if (c < 0x20) {
      return false; // tab, newline, C0 controls
    } else if (c === 0x3a /* : */) {
      if (i === n - 1 || s.charCodeAt(i + 1) === 0x20) return false;
    } else if (c === 0x23 /* # */) {
      if (s.charCodeAt(i - 1) === 0x20) return false;
    }
  }
  return s.charCodeAt(n - 1) !== 0x20;
}

// ---------------------------------------------------------------------------------------------
// Exact port of yaml/dist/stringify/stringifyString.js for: actualString, inFlow null,
// singleQuote false, blockQuote true, lineWidth 0, doubleQuotedAsJSON false, indent step "  ".
// `indent` is yaml's ctx.indent; `implicitKey` its ctx.implicitKey.
// ---------------------------------------------------------------------------------------------

const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const PLAIN_BAD = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOC_MARKER = /^(%|---|\.\.\.)/m;
/** The `test` regexes of the core schema's non-string scalar tags (null, bool, int, float). */
const CORE_TESTS = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;
const DOUBLE_QUOTED_MIN_MULTILINE = 40;

/** yaml's stringifyString for a string scalar. */
export function stringString(value: string, indent: string, implicitKey: boolean): string {
  if (FORCE_DOUBLE.test(value)) return doubleQuoted(value, indent, implicitKey);
  return plainString(value, indent, implicitKey);
}

function plainString(value: string, indent: string, implicitKey: boolean): string {
  const hasNewline = value.includes('\n');
  if (implicitKey && hasNewline) return doubleQuoted(value, indent, implicitKey);
  if (PLAIN_BAD.test(value)) {
    return implicitKey || !hasNewline ? doubleQuoted(value, indent, implicitKey) : blockString(value, indent, false);
  }
  if (!implicitKey && hasNewline) return blockString(value, indent, false);
  if (DOC_MARKER.test(value)) {
    if (indent === '') return blockString(value, indent, true);
    if (implicitKey && indent === STEP) return doubleQuoted(value, indent, implicitKey);
  }
  // No newline can remain here, so yaml's `value.replace(/\n+/g, ...)` is the identity.
  for (const test of CORE_TESTS) if (test.test(value)) return doubleQuoted(value, indent, implicitKey);
  return value;
}

function doubleQuoted(value: string, ctxIndent: string, implicitKey: boolean): string {
  const json = JSON.stringify(value);
  const indent = ctxIndent || (DOC_MARKER.test(value) ? '  ' : '');
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // space before newline needs to be escaped to not be folded
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch === '\\')
      switch (json[i + 1]) {
        case 'u': {
          str += json.slice(start, i);
          const code = json.substr(i + 2, 4);
          switch (code) {
            case '0000': str += '\\0'; break;
            case '0007': str += '\\a'; break;
            case '000b': str += '\\v'; break;
            case '001b': str += '\\e'; break;
            case '0085': str += '\\N'; break;
            case '00a0': str += '\\_'; break;
            case '2028': str += '\\L'; break;
            case '2029': str += '\\P'; break;
            default:
              if (code.substr(0, 2) === '00') str += '\\x' + code.substr(2);
              else str += json.substr(i, 6);
          }
          i += 5;
          start = i + 1;
          break;
        }
        case 'n':
          if (implicitKey || json[i + 2] === '"' || json.length < DOUBLE_QUOTED_MIN_MULTILINE) {
            i += 1;
          } else {
            // folding will eat first newline
            str += json.slice(start, i) + '\n\n';
            while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
              str += '\n';
              i += 2;
            }
            str += indent;
            // space after newline needs to be escaped to not be folded
            if (json[i + 2] === ' ') str += '\\';
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  return start ? str + json.slice(start) : json;
}

/** Literal block scalar (`|`), yaml's blockString with lineWidth 0 (never folded). */
function blockString(input: string, ctxIndent: string, forceBlockIndent: boolean): string {
  let value = input;
  // 1. Block can't end in whitespace unless the last line is non-empty.
  // 2. Strings consisting of only whitespace are best rendered explicitly.
  if (/\n[\t ]+$/.test(value)) return doubleQuoted(value, ctxIndent, false);
  const indent = ctxIndent || (forceBlockIndent || DOC_MARKER.test(value) ? '  ' : '');
  if (!value) return '|\n';
  // determine chomping from whitespace at value end
  let chomp: string;
  let endStart: number;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  if (endNlPos === -1) chomp = '-'; // strip
  else if (value === end || endNlPos !== end.length - 1) chomp = '+'; // keep
  else chomp = ''; // clip
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === '\n') end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  // determine indent indicator from whitespace at value start
  let startWithSpace = false;
  let startEnd: number;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? '2' : '1'; // root is at -1
  const header = (startWithSpace ? indentSize : '') + chomp;
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}\n${indent}${start}${value}${end}`;
}

// ---------------------------------------------------------------------------------------------
// Collections
// ---------------------------------------------------------------------------------------------

function scalar(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      return isPlainSafe(value) ? value : stringString(value, indent, false);
    case 'number':
      if (Object.is(value, -0)) return '-0';
      if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'null';
    case 'object':
      if (value === null) return 'null';
  }
  throw new TypeError(`yaml-emit: unsupported ${typeof value} value`);
}

/** Separators between sequence items per depth d: "\n" + indent(d) + "- ". */
const itemSeparators: string[] = [];
function itemSeparator(depth: number): string {
  while (itemSeparators.length <= depth) itemSeparators.push('\n' + indentOf(itemSeparators.length) + '- ');
  return itemSeparators[depth];
}

/**
 * A map key as written before its value, at one depth: `first` / `next` (the pair is the map's
 * first / a later one, which starts a new line) and `…Block` (the value is a block collection that
 * starts on the next line, one level deeper).
 */
interface KeyForms {
  first: string;
  next: string;
  firstBlock: string;
  nextBlock: string;
}

/**
 * Output: pieces are pushed to `parts`, which is joined into `chunks` every few hundred pieces
 * (many small joins are faster than one join of millions of pieces, and keep the array small:
 * joining every 512 rather than every 4096 pieces took the warm stringify of the bundled Alibaba
 * spec from ~14-19 ms to ~8 ms on the bench machine, the cold one from ~45 to ~30 ms).
 * Flushing happens only before a pair or item is written, so an index into `parts` taken before
 * rendering a collection stays valid when that collection turns out to be empty.
 */
const FLUSH = 512;
class Writer {
  parts: string[] = [];
  chunks: string[] = [];
  /** Per depth: key -> its rendered forms (keys repeat a lot in OpenAPI documents). */
  keys: Map<string, KeyForms>[] = [];
  flush(): void {
    if (this.parts.length >= FLUSH) {
      this.chunks.push(this.parts.join(''));
      this.parts = [];
    }
  }
  finish(): string {
    this.chunks.push(this.parts.join(''));
    return this.chunks.join('');
  }
  keyForms(k: string, depth: number): KeyForms {
    let cache = this.keys[depth];
    if (cache === undefined) {
      cache = new Map();
      this.keys[depth] = cache;
    }
    let forms = cache.get(k);
    if (forms === undefined) {
      const ks = isPlainSafe(k) ? k : stringString(k, indentOf(depth + 1), true);
      const nl = '\n' + indentOf(depth);
      const below = ':\n' + indentOf(depth + 1);
      if (ks.length > 1024) {
        // explicit key ("? key" then ": value" on the next line; collections inline too)
        const first = '? ' + ks + nl + ': ';
        const next = nl + first;
        forms = { first, next, firstBlock: first, nextBlock: next };
      } else forms = { first: ks + ': ', next: nl + ks + ': ', firstBlock: ks + below, nextBlock: nl + ks + below };
      cache.set(k, forms);
    }
    return forms;
  }
}

/**
 * Writes `v` with yaml's ctx.indent = indentOf(depth), first line unindented (the caller has written
 * what precedes it on that line).
 */
function node(w: Writer, v: unknown, depth: number): void {
  if (v === null || typeof v !== 'object') w.parts.push(scalar(v, indentOf(depth)));
  else if (Array.isArray(v)) {
    if (v.length === 0) w.parts.push('[]');
    else seq(w, v, depth);
  } else if (!map(w, v as Record<string, unknown>, depth)) w.parts.push('{}');
}

function seq(w: Writer, items: unknown[], depth: number): void {
  const sep = itemSeparator(depth);
  for (let i = 0; i < items.length; i++) {
    w.flush();
    w.parts.push(i === 0 ? '- ' : sep);
    node(w, items[i], depth + 1);
  }
}

/** Writes the pairs of `obj` (those with a defined value); false when there were none. */
function map(w: Writer, obj: Record<string, unknown>, depth: number): boolean {
  // Only plain objects are maps here: yaml writes a Date as a timestamp, a Map or Set by its
  // entries and an object with toJSON() by what that returns, which own keys would not give.
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`yaml-emit: unsupported ${(proto as { constructor?: { name?: string } }).constructor?.name || 'object'} value`);
  }
  let first = true;
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (v === undefined) continue;
    w.flush();
    const parts = w.parts;
    const forms = w.keyForms(k, depth);
    if (v === null || typeof v !== 'object') {
      parts.push(first ? forms.first : forms.next, scalar(v, indentOf(depth + 1)));
    } else if (Array.isArray(v)) {
      if (v.length === 0) parts.push(first ? forms.first : forms.next, '[]');
      else {
        parts.push(first ? forms.firstBlock : forms.nextBlock);
        seq(w, v, depth + 1);
      }
    } else {
      const at = parts.length;
      parts.push(first ? forms.firstBlock : forms.nextBlock);
      if (!map(w, v as Record<string, unknown>, depth + 1)) {
        parts[at] = first ? forms.first : forms.next;
        parts.push('{}');
      }
    }
    first = false;
  }
  return !first;
}

/** The YAML document for `value`, as yaml.stringify would write it (undefined for undefined). */
export function emitYaml(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const w = new Writer();
  node(w, value, 0);
  w.parts.push('\n');
  return w.finish();
}
