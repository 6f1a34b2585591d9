/**
 * Lint and bundle: the two steps that read `spec/` itself. Both shell out to the Redocly CLI
 * with the repository's `redocly.yaml` (recommended rules plus our `sip/*` plugin).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runTool, withoutBanner } from './run-tool.ts';

export const SPEC_ROOT = 'spec/openapi.yaml';

/** A problem in the spec, already phrased for a person: `file:line:col  severity  rule  message`. */
export class SpecError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SpecError';
  }
}

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location?: { source?: { ref?: string }; pointer?: string; start?: { line: number; col: number } }[];
}

function describe(problem: LintProblem, root: string): string {
  const where = problem.location?.[0];
  const file = where?.source?.ref ? path.relative(root, path.resolve(root, where.source.ref)) : SPEC_ROOT;
  const line = where?.start ? `:${where.start.line}:${where.start.col}` : '';
  const pointer = where?.pointer ? ` (at ${where.pointer})` : '';
  return `${file}${line}  ${problem.severity}  ${problem.ruleId}  ${problem.message}${pointer}`;
}

/**
 * Lints the spec. Any problem, warning or error, fails: the spec is kept at zero of both, so
 * a new warning is a regression worth stopping for.
 */
export async function lintSpec(root: string, specRoot = SPEC_ROOT): Promise<void> {
  const result = await runTool(root, 'redocly', ['lint', specRoot, '--format=json']);
  let report: { problems?: LintProblem[] } | undefined;
  try {
    report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
  } catch {
    report = undefined;
  }
  if (!report) {
    throw new SpecError([`redocly lint could not read ${specRoot}:`, withoutBanner(result.stdout + '\n' + result.stderr)]);
  }
  const problems = report.problems ?? [];
  if (problems.length > 0 || result.code !== 0) {
    // Redocly reports a file that fails to parse once per reference to it; say it once.
    throw new SpecError(problems.length > 0 ? [...new Set(problems.map((p) => describe(p, root)))] : [withoutBanner(result.stderr)]);
  }
}

/** Bundles the spec into one JSON document at `outFile` and returns its text. */
export async function bundleSpec(root: string, outFile: string, specRoot = SPEC_ROOT): Promise<string> {
  const result = await runTool(root, 'redocly', ['bundle', specRoot, '-o', outFile, '--ext', 'json']);
  if (result.code !== 0) {
    throw new SpecError([`redocly bundle failed for ${specRoot}:`, withoutBanner(result.stdout + '\n' + result.stderr)]);
  }
  return readFile(outFile, 'utf8');
}
