/**
 * The error of generated code that does not compile, on its own so that the orchestrator can
 * report it without loading the compiler (the check runs on another thread; see
 * `compiler-thread.ts`).
 */

/** Compile errors in the generated files, each as `file:line:col  message`. */
export class GeneratedCodeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'GeneratedCodeError';
  }
}
