/**
 * @sip-endpoints/validators: runtime validators for the SIP Endpoint resource, generated from
 * its OpenAPI spec, with the `call_handler` rules the spec states.
 *
 * For every schema of the spec (objects and enums), under the schema's name, one import gives:
 * - the Standard Schema v1 object (`X['~standard'].validate(value)` → `{ value }` or `{ issues }`),
 * - the TypeScript type of the same name (from @sip-endpoints/types),
 * - `isX(value)` and `assertX(value)` (throws `ValidationError`).
 *
 * Everything under `generated/` is emitted by `npm run generate`; `runtime/` is hand-written.
 */
export * from './generated/validators.ts';
export type { IssuePath, ValidationIssue, ValidationIssueCode } from './runtime/issue.ts';
export { MAX_ISSUES } from './runtime/issue.ts';
export { ValidationError } from './runtime/validation-error.ts';
export type { SipEndpointsSchema, StandardSchemaV1, ValidationResult } from './runtime/standard-schema.ts';
export { formatPath } from './runtime/report.ts';
