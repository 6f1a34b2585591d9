/**
 * Lint and bundle: the two steps that read `spec/` itself, done in-process with Redocly's
 * openapi-core and the repository's `redocly.yaml` (recommended rules plus our `handler-rules/*` plugin).
 * In-process, the library is loaded once for both, instead of two CLI start-ups.
 */
import path from 'node:path';
import type { NormalizedProblem } from '@redocly/openapi-core';

export const SPEC_ROOT = 'spec/openapi.yaml';

/** Problems in the spec, each already phrased for a person: `file:line:col  severity  rule  message`. */
export class SpecError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SpecError';
  }
}

/**
 * Redocly's library, loaded on first use rather than at import: it takes about a second to
 * load, and `npm run generate` starts its emit worker first so that both load side by side.
 */
const loadRedocly = () => import('@redocly/openapi-core');

function describe(problem: NormalizedProblem, root: string, getLineColLocation: (typeof import('@redocly/openapi-core'))['getLineColLocation']): string {
  const where = problem.location[0];
  if (!where) return `${SPEC_ROOT}  ${problem.severity}  ${problem.ruleId}  ${problem.message}`;
  const file = path.relative(root, path.resolve(root, where.source.absoluteRef));
  const { start } = getLineColLocation(where);
  return `${file}:${start.line}:${start.col}  ${problem.severity}  ${problem.ruleId}  ${problem.message} (at ${where.pointer})`;
}

/** Problems as unique lines, errors first: a file that fails to parse is reported once per reference to it. */
async function describeAll(problems: readonly NormalizedProblem[], root: string): Promise<string[]> {
  const { getLineColLocation } = await loadRedocly();
  const ordered = [...problems].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
  return [...new Set(ordered.map((p) => describe(p, root, getLineColLocation)))];
}

/** Errors thrown by the library itself (a root file that is not YAML, say) become SpecErrors too. */
async function asSpecError<T>(specRoot: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError([`${specRoot}: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/**
 * Lints the spec, then bundles it into one JSON document and returns its text. Any lint
 * problem, warning or error, fails: the spec is kept at zero of both, so a new warning is a
 * regression worth stopping for.
 */
export async function lintAndBundle(root: string, specRoot = SPEC_ROOT): Promise<string> {
  const ref = path.resolve(root, specRoot);
  return asSpecError(specRoot, async () => {
    const { bundle, lint, loadConfig } = await loadRedocly();
    const config = await loadConfig({ configPath: path.join(root, 'redocly.yaml') });
    const problems = await lint({ ref, config });
    if (problems.length > 0) throw new SpecError(await describeAll(problems, root));
    const result = await bundle({ ref, config, dereference: false });
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new SpecError(await describeAll(errors, root));
    return JSON.stringify(result.bundle.parsed);
  });
}
