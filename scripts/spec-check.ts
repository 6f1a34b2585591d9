/**
 * Lint and bundle: the two steps that read `spec/` itself, done in-process with Redocly's
 * openapi-core and the repository's `redocly.yaml` (recommended rules plus our `handler-rules/*` plugin).
 * In-process, the library is loaded once for both, instead of two CLI start-ups.
 */
import path from 'node:path';
import type { NormalizedProblem } from '@redocly/openapi-core';
import { SpecError } from './pipeline-errors.ts';
import { checkSpecFiles } from './spec-files.ts';

export const SPEC_ROOT = 'spec/openapi.yaml';

/** Far beyond any real API's spec; a bundle this big comes from a mistake or an attack. */
const MAX_BUNDLE_CHARS = 64 * 2 ** 20;

export { SpecError };

/** Redocly's library, loaded on first use rather than at import: it is slow to load. */
const loadRedocly = () => import('@redocly/openapi-core');

function describe(problem: NormalizedProblem, root: string, specRoot: string, getLineColLocation: (typeof import('@redocly/openapi-core'))['getLineColLocation']): string {
  const where = problem.location[0];
  if (!where) return `${specRoot}  ${problem.severity}  ${problem.ruleId}  ${problem.message}`;
  const file = path.relative(root, path.resolve(root, where.source.absoluteRef));
  const { start } = getLineColLocation(where);
  return `${file}:${start.line}:${start.col}  ${problem.severity}  ${problem.ruleId}  ${problem.message} (at ${where.pointer})`;
}

/** Problems as unique lines, errors first: a file that fails to parse is reported once per reference to it. */
async function describeAll(problems: readonly NormalizedProblem[], root: string, specRoot: string): Promise<string[]> {
  const { getLineColLocation } = await loadRedocly();
  const ordered = [...problems].sort((a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error'));
  return [...new Set(ordered.map((p) => describe(p, root, specRoot, getLineColLocation)))];
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

/** The spec, read and checked as files, with Redocly and the repository's config loaded. */
export interface OpenedSpec {
  /** Lints the spec; any problem, warning or error, throws a SpecError. */
  lint(): Promise<void>;
  /** Bundles the spec into one JSON document and returns its text. */
  bundle(): Promise<string>;
}

/**
 * Reads the spec's files (see spec-files.ts) and loads Redocly with `redocly.yaml`. Lint and
 * bundle each read the spec afresh (bundling rewrites the document it reads), so they may run in
 * either order. Any lint problem fails: the spec is kept at zero warnings and errors, so a new
 * warning is a regression worth stopping for.
 */
export async function openSpec(root: string, specRoot = SPEC_ROOT): Promise<OpenedSpec> {
  const ref = path.resolve(root, specRoot);
  const { bundle, lint, loadConfig } = await asSpecError(specRoot, async () => {
    const fileProblems = checkSpecFiles(root, ref);
    if (fileProblems.length > 0) throw new SpecError(fileProblems);
    return loadRedocly();
  });
  const config = await asSpecError(specRoot, () => loadConfig({ configPath: path.join(root, 'redocly.yaml') }));
  return {
    lint: () =>
      asSpecError(specRoot, async () => {
        const problems = await lint({ ref, config });
        if (problems.length > 0) throw new SpecError(await describeAll(problems, root, specRoot));
      }),
    bundle: () =>
      asSpecError(specRoot, async () => {
        const result = await bundle({ ref, config, dereference: false });
        const errors = result.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) throw new SpecError(await describeAll(errors, root, specRoot));
        const text = JSON.stringify(result.bundle.parsed);
        if (text.length > MAX_BUNDLE_CHARS) {
          throw new SpecError([`${specRoot}  error  bundle-size  the bundled spec is ${(text.length / 2 ** 20).toFixed(0)} MiB, over the ${MAX_BUNDLE_CHARS / 2 ** 20} MiB limit`]);
        }
        return text;
      }),
  };
}

/** Lints the spec, then bundles it and returns the bundle's text (see `openSpec`). */
export async function lintAndBundle(root: string, specRoot = SPEC_ROOT): Promise<string> {
  const spec = await openSpec(root, specRoot);
  await spec.lint();
  return spec.bundle();
}
