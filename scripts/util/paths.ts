/**
 * Files refspec reads at run time from its own package (redocly.yaml, templates/, package.json),
 * located the same way from the sources and from the compiled code: `scripts/` and `dist/` both sit
 * directly in the package root, and this module is one folder below either (`scripts/util/`,
 * `dist/util/`). test/package/ checks it from an installed tarball.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, redocly.yaml and templates/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the package root. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}
