/**
 * Registers codegen with project.ts: every file of generated/<api>/ joins the outputs map, so
 * `npm run regen` writes it and `npm run check` verifies it byte for byte.
 */
import { parse } from 'yaml';
import { join } from 'node:path';
import { registerProducer, specPath } from '../project.ts';
import { generateApi } from './index.ts';

registerProducer(async (out, config, progress) => {
  const spec = specPath(out.api);
  // Generate from the YAML exactly as committed, not from the in-memory object.
  const doc = parse(out.build.yaml) as Record<string, unknown>;
  const result = await generateApi(doc, { specPath: spec.split('\\').join('/'), sourceFile: join(config.root, spec), packageName: out.api.generated, progress });
  // `refspec generate` writes the rest when the HTML step fails; regen keeps committed outputs whole.
  const failed = result.diagnostics.find((d) => d.severity === 'error');
  if (failed) throw new Error(`${spec}: ${failed.message}`);
  for (const [rel, content] of result.files) out.files.set(join('generated', out.api.generated, rel), content);
});
