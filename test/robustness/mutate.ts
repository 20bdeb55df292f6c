/**
 * Mutations of a manual for the fuzz harness: line deletions, duplications, swaps, very long lines,
 * text and binary noise, truncation at any byte. Positions are fractions of the document so that
 * fast-check can shrink them and a failing case reads well.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number; to: number }
  | { kind: 'swap'; a: number; b: number; len: number }
  | { kind: 'long-line'; at: number; unit: string; times: number }
  | { kind: 'text-noise'; at: number; text: string }
  | { kind: 'binary-noise'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number };

// A position as a fraction of the document. (fc.double is uniform over float bit patterns, so
// nearly all its values in [0, 1] are tiny: every mutation would land at the very start.)
const frac = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

/** Units repeated into very long lines: plain runs and the shapes the dialects' patterns look for. */
const LONG_UNITS = [
  'a',
  ' ',
  '\t',
  'x ',
  'Parameter Type ',
  'String Yes ',
  '{"a":',
  '[',
  '"',
  '&Name=',
  '?Action=',
  '| ',
  'Table 4-1 ',
  '*/ ${} <script>',
  '\u202e\u2066',
  '—',
];

// Byte-level damage mostly ends in an InputError at extraction (invalid UTF-8, NUL); it is weighted
// down so that most cases reach the dialects.
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: frac, len: fc.integer({ min: 1, max: 300 }), to: frac }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: frac, b: frac, len: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({
    kind: fc.constant('long-line' as const),
    at: frac,
    unit: fc.constantFrom(...LONG_UNITS),
    times: fc.integer({ min: 1000, max: 60_000 }),
  }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('text-noise' as const), at: frac, text: fc.string({ unit: 'binary', maxLength: 200 }) }) },
  { weight: 1, arbitrary: fc.record({
    kind: fc.constant('binary-noise' as const),
    at: frac,
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: frac }) },
);

/** Up to five mutations in a row. */
export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 5 });

const idx = (f: number, n: number) => Math.min(n, Math.floor(Math.abs(f) * n) + 0);

/** Apply mutations to the text of a manual; returns the bytes a user could hand the tool. */
export function applyMutations(text: string, muts: Mutation[]): Uint8Array {
  let lines = text.split('\n');
  let bytes: Buffer | undefined;
  for (const m of muts) {
    if (m.kind === 'binary-noise' || m.kind === 'truncate') {
      bytes ??= Buffer.from(lines.join('\n'), 'utf8');
      const at = idx(m.at, bytes.length);
      bytes =
        m.kind === 'truncate'
          ? bytes.subarray(0, at)
          : Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
      continue;
    }
    if (bytes) {
      // Back to lines after a byte-level mutation (lossy decoding keeps the fuzz going).
      lines = bytes.toString('utf8').split('\n');
      bytes = undefined;
    }
    const n = lines.length;
    if (m.kind === 'delete') lines.splice(idx(m.at, n), m.len);
    else if (m.kind === 'duplicate') {
      const from = idx(m.at, n);
      lines.splice(idx(m.to, n), 0, ...lines.slice(from, from + m.len));
    } else if (m.kind === 'swap') {
      const a = idx(m.a, n);
      const b = idx(m.b, n);
      const la = lines.slice(a, a + m.len);
      const lb = lines.slice(b, b + m.len);
      if (a + m.len <= b || b + m.len <= a) {
        const [first, second, l1, l2] = a < b ? [a, b, lb, la] : [b, a, la, lb];
        lines.splice(second, l2.length, ...l2);
        lines.splice(first, l1.length, ...l1);
      }
    } else if (m.kind === 'long-line') lines.splice(idx(m.at, n), 0, m.unit.repeat(m.times));
    else if (m.kind === 'text-noise') {
      const i = Math.min(idx(m.at, n), n - 1);
      const line = lines[i] ?? '';
      const c = idx(m.at * 7919 % 1, line.length);
      lines[i] = line.slice(0, c) + m.text + line.slice(c);
    }
  }
  return bytes ?? Buffer.from(lines.join('\n'), 'utf8');
}
