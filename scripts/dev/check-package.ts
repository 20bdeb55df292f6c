/**
 * Part of `npm run check`: the package stays shippable.
 * - dist/ is build output: not committed (git lists no file under it) and ignored;
 * - every bare package the shipped code imports (scripts/ but bench/ and dev/) is a runtime
 *   dependency, and no runtime dependency is left unused;
 * - everything `files` names exists, and so do the assets the code reads at run time.
 * The build itself is checked by `tsc --noEmit -p tsconfig.build.json` (same script), and the packed
 * tarball, installed into an empty project, by test/package/tarball.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const problems: string[] = [];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// Whether dist/ stays out of version control: asked of git, when this is a git checkout (a copy
// without .git, such as the bench's scratch copy or an unpacked source archive, has nothing to ask).
const inGit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'true';
  } catch {
    return false;
  }
})();
if (inGit) {
  const tracked = execFileSync('git', ['ls-files', '--', 'dist'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (tracked) problems.push(`dist/ is build output but git tracks ${tracked.split('\n').length} file(s) in it (git rm -r --cached dist)`);
  try {
    execFileSync('git', ['check-ignore', '-q', 'dist/cli.js'], { cwd: ROOT });
  } catch {
    problems.push('.gitignore does not ignore dist/');
  }
}

/** The package name of a bare import specifier (`@scope/name/sub` -> `@scope/name`), or undefined. */
function packageOf(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('/')) return undefined;
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

const shipped = readdirSync(join(ROOT, 'scripts'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !/^(bench|dev)[/\\]/.test(f));
const used = new Map<string, string>();
/**
 * Module specifiers a file loads, read from its syntax tree (a regular expression over the text also
 * matched `import '…'` inside generated-code strings): import/export declarations, `import('…')`,
 * `require('…')`, `….resolve('…')` and `createRequire(…)('…')`.
 */
function specifiers(file: string, text: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && /^(require|import\.meta)$/.test(callee.expression.getText())) ||
        (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'createRequire');
      if (loads) out.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return out;
}
for (const f of shipped) {
  for (const spec of specifiers(f, readFileSync(join(ROOT, 'scripts', f), 'utf8'))) {
    const name = packageOf(spec);
    if (name && !used.has(name)) used.set(name, `scripts/${f}`);
  }
}
/** Loaded only when running from the sources (the batch worker's bootstrap under tsx), never from dist/. */
const SOURCES_ONLY = new Set(['tsx']);
for (const [name, where] of used) {
  if (!(name in pkg.dependencies) && !SOURCES_ONLY.has(name)) {
    problems.push(`${where} imports "${name}", which is ${name in pkg.devDependencies ? 'only a devDependency' : 'not a dependency'}: installed users would not have it`);
  }
}
for (const name of Object.keys(pkg.dependencies)) {
  if (!used.has(name)) problems.push(`dependency "${name}" is not imported by the shipped code (move it to devDependencies or drop it)`);
}

for (const entry of pkg.files) {
  if (entry.startsWith('!') || entry === 'dist/') continue;
  if (!existsSync(join(ROOT, entry))) problems.push(`package.json files names "${entry}", which does not exist`);
}
for (const asset of ['redocly.yaml', 'templates/runtime', 'templates/docs', 'bin/refspec.js']) {
  const covered = pkg.files.some((e) => !e.startsWith('!') && (asset === e.replace(/\/$/, '') || asset.startsWith(e.endsWith('/') ? e : `${e}/`)));
  if (!covered) problems.push(`${asset} is read at run time but package.json files does not ship it`);
}

if (problems.length) {
  for (const p of problems) process.stderr.write(`refspec check (package): ${p}\n`);
  process.exit(1);
}
process.stdout.write(`refspec check (package): ${inGit ? 'dist/ not committed' : 'no git checkout, dist/ not asked'}; ${Object.keys(pkg.dependencies).length} runtime dependencies, all declared and used\n`);
