/**
 * `npm run build`: compiles every package under packages/ from `src/` to `dist/`.
 *
 *   npm run build                              every package
 *   npm run build -- @sip-endpoints/client     that package and the workspace packages it uses
 *   build-packages.ts --for-pack <name>        a package's prepack: see buildForPack
 *
 * Output per package: ESM `.js` + `.js.map`, `.d.ts` + `.d.ts.map` (maps point into `src/`,
 * which is published too). Relative `.ts` import specifiers become `.js`
 * (`rewriteRelativeImportExtensions`). Options live in tsconfig.build.json.
 *
 * Packages are built in dependency order: a package's `.d.ts` imports its workspace
 * dependencies by name (`@sip-endpoints/types`), and the compiler resolves them, as a
 * consumer's would, to the `dist/` built just before.
 *
 * Each package's `prepack` builds it (buildForPack), so `npm pack` and `npm publish` always
 * ship a fresh build. `changeset publish` packs several packages at once, so one package's
 * build may run while another reads the `dist/` it replaces: a build is therefore compiled
 * into a staging folder and moved into `dist/` file by file with renames, and a reader sees
 * each file either whole from the last build or whole from this one, never missing.
 */
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { buildOrder, listWorkspacePackages, withDependencies, type WorkspacePackage } from './packages/workspace-packages.ts';
import { runAsCli } from './run-as-cli.ts';
import { REPO_ROOT } from './repo-root.ts';

export const BUILD_TSCONFIG = 'tsconfig.build.json';

export class BuildError extends Error {
  constructor(
    readonly packageName: string,
    readonly diagnostics: string,
  ) {
    super(`${packageName} does not build:\n${diagnostics}`);
    this.name = 'BuildError';
  }
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/** The compiler options and root files of one package: tsconfig.build.json plus its folders. */
function packageConfig(root: string, pkg: WorkspacePackage, outDir: string): ts.ParsedCommandLine {
  const configPath = path.join(root, BUILD_TSCONFIG);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new BuildError(pkg.name, formatDiagnostics([read.error], root));
  const config = {
    ...read.config,
    compilerOptions: {
      ...read.config.compilerOptions,
      rootDir: path.join(pkg.dir, 'src'),
      outDir,
    },
    include: [path.join(pkg.dir, 'src/**/*.ts')],
    exclude: [path.join(pkg.dir, 'src/**/*.test.ts')],
  };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  if (parsed.errors.length > 0) throw new BuildError(pkg.name, formatDiagnostics(parsed.errors, root));
  return parsed;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const TS_EXTENSION = /\.(m|c)?ts$/;

/** `./x.ts` → `./x.js` (and `.mts`/`.cts` alike); bare names and `.d.ts` files stay as they are. */
export function rewriteRelativeSpecifier(specifier: string): string {
  if (!/^\.{1,2}\//.test(specifier) || /\.d\.(m|c)?ts$/.test(specifier)) return specifier;
  return specifier.replace(TS_EXTENSION, (_ext, kind: string | undefined) => `.${kind ?? ''}js`);
}

/**
 * `rewriteRelativeImportExtensions` rewrites specifiers in `.js` only; `.d.ts` files keep
 * `from './x.ts'`. TypeScript 5 resolves that to `x.d.ts`, but older compilers and other
 * tools do not, so declarations get the same `.js` specifiers as the code. The new literal
 * keeps the old one's position, so the declaration maps stay exact.
 */
function rewriteDeclarationSpecifiers(context: ts.TransformationContext) {
  const { factory } = context;
  const literal = (node: ts.Expression): ts.Expression =>
    ts.isStringLiteral(node) && rewriteRelativeSpecifier(node.text) !== node.text
      ? ts.setTextRange(factory.createStringLiteral(rewriteRelativeSpecifier(node.text), true), node)
      : node;
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      return factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal(node.moduleSpecifier), node.attributes);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const argument = factory.updateLiteralTypeNode(node.argument, literal(node.argument.literal) as ts.StringLiteral);
      return factory.updateImportTypeNode(node, argument, node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (file: ts.SourceFile | ts.Bundle) => (ts.isSourceFile(file) ? (ts.visitEachChild(file, visit, context) as ts.SourceFile) : file);
}

/** Relative specifiers still ending in `.ts` in emitted files: a consumer could not follow them. */
async function leftoverTsSpecifiers(distDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await listFiles(distDir)) {
    if (!/\.(js|d\.ts)$/.test(file)) continue;
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']*\.(?:ts|mts|cts))["']/g)) {
      found.push(`${path.relative(distDir, file)}: "${match[1]}"`);
    }
  }
  return found;
}

/**
 * The `bin` entries of a package that do not start with a `#!` line in `outDir` (npm links
 * them as commands; TypeScript keeps a source file's `#!` line in its output).
 */
async function binsWithoutShebang(pkg: WorkspacePackage, outDir: string): Promise<string[]> {
  const bin: unknown = JSON.parse(await readFile(path.join(pkg.dir, 'package.json'), 'utf8')).bin;
  const targets = typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin).map(String) : [];
  const missing: string[] = [];
  for (const target of targets) {
    const inDist = path.relative(path.join(pkg.dir, 'dist'), path.join(pkg.dir, target));
    const text = await readFile(path.join(outDir, inDist), 'utf8').catch(() => '');
    if (!text.startsWith('#!')) missing.push(target);
  }
  return missing;
}

/** Compiles one package and replaces its `dist/` with the result. Returns the emitted files, relative to it. */
export async function buildPackage(root: string, pkg: WorkspacePackage): Promise<string[]> {
  const distDir = path.join(pkg.dir, 'dist');
  // A sibling of dist/, so the relative paths in the source maps are the same in both.
  const staging = await mkdtemp(path.join(pkg.dir, '.dist-'));
  try {
    const config = packageConfig(root, pkg, staging);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const emitted = program.emit(undefined, undefined, undefined, false, { afterDeclarations: [rewriteDeclarationSpecifiers] });
    const diagnostics = ts.sortAndDeduplicateDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
    if (diagnostics.length > 0 || emitted.emitSkipped) {
      await rm(distDir, { recursive: true, force: true }); // never leave a build of other sources behind
      throw new BuildError(pkg.name, formatDiagnostics(diagnostics, root) || 'emit was skipped');
    }
    const leftovers = await leftoverTsSpecifiers(staging);
    if (leftovers.length > 0) {
      throw new BuildError(pkg.name, `emitted files still import .ts files:\n${leftovers.map((l) => `  ${l}`).join('\n')}`);
    }
    const notRunnable = await binsWithoutShebang(pkg, staging);
    if (notRunnable.length > 0) {
      throw new BuildError(pkg.name, `"bin" names files that are missing or do not start with a #! line: ${notRunnable.join(', ')}`);
    }
    const files = (await listFiles(staging)).map((f) => path.relative(staging, f)).sort();
    for (const file of files) {
      await mkdir(path.dirname(path.join(distDir, file)), { recursive: true });
      await rename(path.join(staging, file), path.join(distDir, file));
    }
    const kept = new Set(files);
    for (const file of await listFiles(distDir)) {
      if (!kept.has(path.relative(distDir, file))) await rm(file, { force: true }); // from an older build
    }
    return files.map((f) => f.split(path.sep).join('/'));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Builds the named workspace packages (all when `names` is empty) and their workspace
 * dependencies, dependencies first. Returns the packages built, in that order.
 */
export async function buildPackages(
  root: string,
  names: readonly string[] = [],
  log: (line: string) => void = () => {},
): Promise<WorkspacePackage[]> {
  const ordered = withDependencies(buildOrder(await listWorkspacePackages(root)), names);
  for (const pkg of ordered) {
    const started = performance.now();
    const files = await buildPackage(root, pkg);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    log(`  ✓ ${pkg.name.padEnd(30)} ${String(files.length).padStart(3)} files in dist/  ${seconds} s`);
  }
  return ordered;
}

/**
 * A package's `prepack`: builds that package, so its tarball holds a `dist/` made from its
 * sources. Its workspace dependencies are built only when they have no `dist/` yet (a fresh
 * clone): they are not part of this tarball, only what its declarations are checked against,
 * and their own prepack builds them when they are packed.
 */
export async function buildForPack(root: string, name: string, log: (line: string) => void = () => {}): Promise<void> {
  for (const pkg of withDependencies(buildOrder(await listWorkspacePackages(root)), [name])) {
    const built = await access(path.join(pkg.dir, 'dist')).then(
      () => true,
      () => false,
    );
    if (pkg.name !== name && built) continue;
    const files = await buildPackage(root, pkg);
    log(`  ✓ ${pkg.name.padEnd(30)} ${String(files.length).padStart(3)} files in dist/`);
  }
}

runAsCli(import.meta.url, 'build', async (args) => {
  if (args[0] === '--for-pack') {
    if (args.length !== 2) throw new Error('usage: build-packages.ts --for-pack <package name>');
    await buildForPack(REPO_ROOT, args[1]!, (line) => console.log(line));
    return 0;
  }
  console.log('Building packages/* → dist/ …');
  await buildPackages(REPO_ROOT, args, (line) => console.log(line));
  return 0;
});
