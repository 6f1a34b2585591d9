/**
 * The error `assertX` throws. Its message lists every issue's message, which name fields and
 * reasons but never echo free-text values, so it is safe to log (no password ends up there).
 */
import type { ValidationIssue } from './issue.ts';

/** How many issues the message lists; all of them stay in `issues`. */
const LISTED_IN_MESSAGE = 10;

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** The schema that rejected the value, e.g. `CreateSipEndpointRequest`. */
  readonly schema: string;
  readonly issues: readonly ValidationIssue[];

  constructor(schema: string, issues: readonly ValidationIssue[]) {
    const listed = issues.slice(0, LISTED_IN_MESSAGE).map((issue) => `  - ${issue.message}`);
    if (issues.length > LISTED_IN_MESSAGE) listed.push(`  - … and ${issues.length - LISTED_IN_MESSAGE} more`);
    super(`Invalid ${schema} (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${listed.join('\n')}`);
    this.schema = schema;
    this.issues = issues;
  }
}
