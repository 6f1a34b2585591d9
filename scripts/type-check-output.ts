/**
 * Compiles the generated TypeScript in memory, against the packages' hand-written runtime, so
 * that `npm run generate` never writes code that does not compile (a spec value the emitters
 * mis-escape, two generated declarations with one name). Nothing is emitted.
 */
import path from 'node:path';
import ts from 'typescript';
import type { GeneratedFile } from './emit/emitter.ts';

/** Compile errors in the generated files, each as `file:line:col  message`. */
export class GeneratedCodeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'GeneratedCodeError';
  }
}

const MAX_REPORTED = 20;

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(`cannot read ${configPath}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  // Only the generated files are checked, and they are plain data and functions over the
  // runtime: no host API (DOM, Node) appears in them, so their declarations, slow to load, are
  // left out. The runtime itself is checked with the host's types by `npm run typecheck`.
  return { ...options, lib: ['lib.es2023.d.ts'], types: [], noEmit: true, incremental: false, skipLibCheck: true };
}

/**
 * Type-checks every generated `.ts` file as it would be written under `root`, reading the
 * generated text from memory and everything else (runtime sources, node_modules) from disk.
 * Throws a GeneratedCodeError naming each error's generated file and line.
 */
export function typeCheckGenerated(root: string, files: readonly GeneratedFile[]): void {
  const inMemory = new Map(files.filter((f) => f.path.endsWith('.ts')).map((f) => [path.resolve(root, f.path), f.contents]));
  const options = compilerOptions(root);
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => inMemory.get(path.resolve(file)) ?? readFile(file);
  host.fileExists = (file) => inMemory.has(path.resolve(file)) || fileExists(file);
  const program = ts.createProgram({ rootNames: [...inMemory.keys()], options, host });
  const diagnostics = [...program.getOptionsDiagnostics()];
  for (const file of inMemory.keys()) {
    const source = program.getSourceFile(file);
    if (source) diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
  }
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return;
  const problems = errors.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const file = path.relative(root, d.file.fileName).split(path.sep).join('/');
    return `${file}:${line + 1}:${character + 1}  ${message}`;
  });
  const shown = [...new Set(problems)];
  throw new GeneratedCodeError(shown.length > MAX_REPORTED ? [...shown.slice(0, MAX_REPORTED), `… and ${shown.length - MAX_REPORTED} more`] : shown);
}
