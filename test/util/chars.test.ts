import { describe, expect, it } from 'vitest';
import { isSpace } from '../../scripts/util/chars.ts';

describe('isSpace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
