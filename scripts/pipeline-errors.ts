/**
 * The errors of `npm run generate` that are reported to the person at the terminal, on their own
 * so that the main thread can report them without loading the tools that raise them (those run
 * on other threads; see `spec-thread.ts` and `compiler-thread.ts`).
 */

/** Problems in the spec, each already phrased for a person: `file:line:col  severity  rule  message`. */
export class SpecError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SpecError';
  }
}

/** Compile errors in the generated files, each as `file:line:col  message`. */
export class GeneratedCodeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'GeneratedCodeError';
  }
}
