/**
 * Compiles the generated TypeScript in memory, against the packages' hand-written runtime, so
 * that `npm run generate` never writes code that does not compile (a spec value the emitters
 * mis-escape, two generated declarations with one name). Nothing is emitted.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type TS from 'typescript';
import type { GeneratedFile } from './emit/emitter.ts';
import { GeneratedCodeError } from './pipeline-errors.ts';

export { GeneratedCodeError };

// The compiler is a CommonJS package of several megabytes: by `import`, Node would also scan all
// of it for export names before running it, which costs as much as compiling it.
const ts: typeof TS = createRequire(import.meta.url)('typescript');

const MAX_REPORTED = 20;

/** The folder name that holds generated code, in a package's sources and at the root. */
const GENERATED_FOLDER = 'generated';

function compilerOptions(root: string): TS.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(`cannot read ${configPath}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  // Only the generated files are checked, and they are plain data and functions over the
  // runtime: no host API (DOM, Node) appears in them, so their declarations, slow to load, are
  // left out. The runtime itself is checked with the host's types by `npm run typecheck`.
  return { ...options, lib: ['lib.es2023.d.ts'], types: [], noEmit: true, incremental: false, skipLibCheck: true };
}

/** The packages' hand-written TypeScript sources: what generated code is compiled against. */
function runtimeSources(root: string): string[] {
  const packages = path.join(root, 'packages');
  let names: string[];
  try {
    names = readdirSync(packages);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const src = path.join(packages, name, 'src');
    try {
      return readdirSync(src, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts') && !path.relative(src, e.parentPath).split(path.sep).includes(GENERATED_FOLDER))
        .map((e) => path.join(e.parentPath, e.name));
    } catch {
      return [];
    }
  });
}

function languageKey(languageVersionOrOptions: TS.ScriptTarget | TS.CreateSourceFileOptions): string {
  return typeof languageVersionOrOptions === 'object' ? `${languageVersionOrOptions.languageVersion}/${languageVersionOrOptions.impliedNodeFormat}` : String(languageVersionOrOptions);
}

/** Type-checks generated code; `prepare` may be called first, while there is none yet. */
export interface GeneratedCodeChecker {
  /**
   * Parses and binds what every check needs and no spec changes: the standard library and the
   * packages' hand-written sources. Optional; it moves that work to before the generated code
   * exists, so that a caller with time to spare (a thread waiting for the emitters) can do it then.
   */
  prepare(): void;
  /**
   * Type-checks every generated `.ts` file as it would be written under the root, reading the
   * generated text from memory and everything else (runtime sources, node_modules) from disk.
   * Throws a GeneratedCodeError naming each error's generated file and line.
   */
  check(files: readonly GeneratedFile[]): void;
}

export function createGeneratedCodeChecker(root: string): GeneratedCodeChecker {
  const options = compilerOptions(root);
  let inMemory = new Map<string, string>();
  const host = ts.createCompilerHost(options, true);
  // Only the JSDoc that can produce a type error is parsed, as `tsc` itself does: the generated
  // code and the standard library carry much documentation that no check reads.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => inMemory.get(path.resolve(file)) ?? readFile(file);
  host.fileExists = (file) => inMemory.has(path.resolve(file)) || fileExists(file);
  // Files from disk are parsed once and kept (with their binding), as a language service keeps
  // them between programs; generated files are parsed afresh for each check.
  const fromDisk = new Map<string, TS.SourceFile>();
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (inMemory.has(path.resolve(fileName))) return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const key = `${path.resolve(fileName)}\0${languageKey(languageVersionOrOptions)}`;
    let file = fromDisk.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
      if (file) fromDisk.set(key, file);
    }
    return file;
  };
  return {
    prepare() {
      // Without resolving imports: a runtime file's import of a generated one must not read the
      // stale copy on disk.
      const program = ts.createProgram({ rootNames: runtimeSources(root), options: { ...options, noResolve: true }, host });
      program.getTypeChecker();
    },
    check(files) {
      inMemory = new Map(files.filter((f) => f.path.endsWith('.ts')).map((f) => [path.resolve(root, f.path), f.contents]));
      try {
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
      } finally {
        inMemory = new Map();
      }
    },
  };
}

/** Type-checks the generated files once (see `GeneratedCodeChecker.check`). */
export function typeCheckGenerated(root: string, files: readonly GeneratedFile[]): void {
  createGeneratedCodeChecker(root).check(files);
}
