/**
 * Compiles the generated TypeScript against the packages' hand-written runtime, so that
 * `npm run generate` never writes code that does not compile (a spec value the emitters
 * mis-escape, two generated declarations with one name). Nothing in the tree is touched.
 *
 * The compiler is TypeScript 7, the native port (the `typescript-native` alias of
 * `typescript@7`): it checks the code many times faster than the TypeScript 5 that the rest
 * of the pipeline needs for its compiler API, which TypeScript 7 does not have. Being a
 * command, it reads files, not memory: the check runs on a scratch copy of the packages, with
 * the generated files written into it, removed afterwards.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { GeneratedFile } from './emit/emitter.ts';
import { GeneratedCodeError } from './pipeline-errors.ts';
import { runProgram } from './run-tool.ts';

export { GeneratedCodeError };

const MAX_REPORTED = 20;

/** The package of the native compiler, an alias in package.json (its `tsc` would shadow TypeScript 5's). */
const COMPILER_PACKAGE = 'typescript-native';

/** The folder of the packages whose runtime the generated code is compiled against. */
const PACKAGES_FOLDER = 'packages';

interface WorkspacePackage {
  /** The package's name, as generated code imports it. */
  name: string;
  /** Its folder under `packages/`. */
  folder: string;
}

function workspacePackages(root: string): WorkspacePackage[] {
  let folders: string[];
  try {
    folders = readdirSync(path.join(root, PACKAGES_FOLDER));
  } catch {
    return [];
  }
  return folders.flatMap((folder) => {
    try {
      const { name } = JSON.parse(readFileSync(path.join(root, PACKAGES_FOLDER, folder, 'package.json'), 'utf8')) as { name?: unknown };
      return typeof name === 'string' ? [{ name, folder }] : [];
    } catch {
      return [];
    }
  });
}

/** A link to a folder (a junction on Windows, which needs no privilege). */
function linkFolder(target: string, link: string): void {
  symlinkSync(target, link, 'junction');
}

/**
 * `node_modules` for the scratch copy: the workspace packages point to their copies, every other
 * package to the repository's install.
 */
function linkModules(root: string, scratch: string, packages: readonly WorkspacePackage[]): void {
  const installed = path.join(root, 'node_modules');
  const modules = path.join(scratch, 'node_modules');
  mkdirSync(modules);
  const ours = new Map(packages.map((p) => [p.name, path.join(scratch, PACKAGES_FOLDER, p.folder)]));
  const ourScopes = new Set(packages.flatMap((p) => (p.name.startsWith('@') ? [p.name.split('/')[0]!] : [])));
  for (const entry of readdirSync(installed)) {
    if (entry.startsWith('.')) continue;
    if (ourScopes.has(entry)) {
      mkdirSync(path.join(modules, entry));
      for (const inner of readdirSync(path.join(installed, entry))) {
        if (!ours.has(`${entry}/${inner}`)) linkFolder(path.join(installed, entry, inner), path.join(modules, entry, inner));
      }
    } else if (!ours.has(entry)) {
      linkFolder(path.join(installed, entry), path.join(modules, entry));
    }
  }
  for (const [name, copy] of ours) linkFolder(copy, path.join(modules, name));
}

/**
 * The scratch copy: the root's and each package's manifest (they decide each file's module
 * format) and the packages' sources, with the generated files written over them.
 */
function writeScratchCopy(root: string, scratch: string, tsFiles: readonly GeneratedFile[]): void {
  cpSync(path.join(root, 'package.json'), path.join(scratch, 'package.json'));
  const packages = workspacePackages(root);
  for (const { folder } of packages) {
    const from = path.join(root, PACKAGES_FOLDER, folder);
    const to = path.join(scratch, PACKAGES_FOLDER, folder);
    mkdirSync(to, { recursive: true });
    cpSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
    cpSync(path.join(from, 'src'), path.join(to, 'src'), { recursive: true });
  }
  for (const file of tsFiles) {
    const target = path.join(scratch, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  linkModules(root, scratch, packages);
  // The repository's settings; checked are the generated files and everything they import.
  const config = {
    extends: path.join(root, 'tsconfig.json').split(path.sep).join('/'),
    compilerOptions: { noEmit: true, incremental: false, allowJs: false, checkJs: false },
    files: tsFiles.map((file) => file.path),
    include: [],
  };
  writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify(config, null, 2));
}

function compilerCommand(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  const manifestPath = require.resolve(`${COMPILER_PACKAGE}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifestPath), bin.tsc!);
}

/** `file(line,col): error TS1234: message`, as `tsc --pretty false` reports an error in a file. */
const ERROR_LINE = /^(.+?)\((\d+),(\d+)\): error TS\d+: (.*)$/;

/** A problem line that names a file: `file:line:col  message`. */
const ERROR_AT = /^[^\s:]+:\d+:\d+ {2}/;

/** The compiler's report as problem lines: `file:line:col  message`, the file relative to the root. */
function problemsIn(output: string, scratch: string): string[] {
  const problems: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = ERROR_LINE.exec(line);
    if (match) {
      const [, file, row, column, message] = match;
      const relative = path.relative(scratch, path.resolve(scratch, file!)).split(path.sep).join('/');
      problems.push(`${relative}:${row}:${column}  ${message}`);
    } else if (/^\s/.test(line) && problems.length > 0) {
      // The rest of a message that the compiler wrapped onto further lines.
      problems[problems.length - 1] += ` ${line.trim()}`;
    } else {
      problems.push(line.trim());
    }
  }
  return problems;
}

/**
 * Type-checks every generated `.ts` file as it would be written under the root, against the
 * packages' hand-written sources as they are on disk. Throws a GeneratedCodeError naming each
 * error's generated file and line.
 */
export async function typeCheckGenerated(root: string, files: readonly GeneratedFile[], signal?: AbortSignal): Promise<void> {
  const tsFiles = files.filter((f) => f.path.endsWith('.ts'));
  if (tsFiles.length === 0) return;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-endpoints-type-check-'));
  try {
    writeScratchCopy(root, scratch, tsFiles);
    const result = await runProgram(process.execPath, [compilerCommand(root), '-p', path.join(scratch, 'tsconfig.json'), '--pretty', 'false'], { cwd: scratch }, signal);
    if (signal?.aborted) throw new Error('the type-check was stopped');
    if (result.code === 0) return;
    const shown = [...new Set(problemsIn(`${result.stdout}\n${result.stderr}`, scratch))];
    // No error in a file: the compiler itself could not run (a missing binary, a bad setting).
    if (!shown.some((problem) => ERROR_AT.test(problem))) {
      throw new Error(`the type-check could not run (${COMPILER_PACKAGE}):\n${shown.slice(0, MAX_REPORTED).join('\n') || 'no output'}`);
    }
    throw new GeneratedCodeError(shown.length > MAX_REPORTED ? [...shown.slice(0, MAX_REPORTED), `… and ${shown.length - MAX_REPORTED} more`] : shown);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
