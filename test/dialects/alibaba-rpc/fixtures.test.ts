/** Every fixture is a verbatim excerpt of the manual at the lines helpers.ts says it is. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, MANUAL, ROOT, fixtureText, type FixtureName } from './helpers.ts';

const manual = readFileSync(join(ROOT, MANUAL), 'utf8').split('\n');

describe('alibaba-rpc fixtures are verbatim excerpts of the manual', () => {
  it.each(Object.entries(FIXTURES) as [FixtureName, number][])('%s starts at manual line %i', (name, first) => {
    const lines = fixtureText(name).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines).toEqual(manual.slice(first - 1, first - 1 + lines.length));
  });
});
