/** The README's codegen snippets type-check against the committed generated clients. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, typecheck } from './helpers.ts';

it('README codegen section: every ts block compiles with tsc --strict', async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('<!-- section: codegen -->')[1]?.split('<!-- section:')[0] ?? '';
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const file = join(ROOT, 'generated', `.readme-check-${process.pid}.ts`);
  const body = blocks
    .map((b, i) => `async function block${i}(endpoint: string) {\n${b.replace(/^import .*$/gm, '')}\n}`)
    .join('\n');
  const imports = [...new Set(blocks.flatMap((b) => b.match(/^import .*$/gm) ?? []))].map((l) => l.replace("'./generated/", "'./")).join('\n');
  await writeFile(file, `${imports}\n${body}\nexport { ${blocks.map((_, i) => `block${i}`).join(', ')} };\n`);
  try {
    expect(typecheck([file])).toEqual([]);
  } finally {
    await rm(file, { force: true });
  }
});
