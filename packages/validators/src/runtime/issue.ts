/**
 * The issue type every validator reports, and the cap on how many one call collects.
 *
 * An issue is written for a person (`message` names the field and the reason) and for a
 * program (`code`, `path`, `specPointer`). It is a Standard Schema v1 issue, so any consumer
 * of Standard Schema can read `message` and `path` without knowing this package.
 */

/** What kind of problem an issue reports. */
export type ValidationIssueCode =
  /** A field the schema always requires is absent. */
  | 'required'
  /** A field that the value of a discriminator (such as `call_handler`) requires is absent. */
  | 'required_for_handler'
  /** A property the request schema does not define (requests are strict). */
  | 'unknown_property'
  /** A value of the wrong JSON type (a number where a string belongs, ...). */
  | 'invalid_type'
  /** A value outside a closed enum, or other than a `const`. */
  | 'invalid_enum'
  /** A string that is not of its `format` (`uri`, `uuid`, `date-time`, `email`). */
  | 'invalid_format'
  /** A string that does not match the schema's `pattern`. */
  | 'pattern'
  /** A number below its lower bound, or a string or array shorter than its minimum length. */
  | 'too_small'
  /** A number above its upper bound, or a string or array longer than its maximum length. */
  | 'too_big'
  /** A number that is not a multiple of the schema's `multipleOf`. */
  | 'not_multiple'
  /** The value could not be read (a getter or proxy threw while it was inspected). */
  | 'unreadable';

/** Keys from the validated value's root to the offending value: `['codecs', 2]`. */
export type IssuePath = readonly (string | number)[];

export interface ValidationIssue {
  readonly code: ValidationIssueCode;
  readonly path: IssuePath;
  /** One sentence naming the field and the reason, e.g. "call_request_url is required when call_handler is 'laml_webhooks'". */
  readonly message: string;
  /** The rule in the bundled spec (generated/openapi.json), as a URI fragment JSON pointer. */
  readonly specPointer: string;
  /** For `required_for_handler`: the discriminator value whose rule is not met. */
  readonly handler?: string;
  /** For `invalid_enum`: the values the field accepts. */
  readonly allowed?: readonly string[];
  /** For `unknown_property`: the known property the name most likely misspells. */
  readonly suggestion?: string;
}

/**
 * The issues collected so far. `undefined` until the first problem, so that a valid value
 * costs no allocation at all.
 */
export type Issues = ValidationIssue[] | undefined;

/** A body with thousands of problems gets the first 100; the rest would only hide them. */
export const MAX_ISSUES = 100;

/** The path of the validated value itself. */
export const ROOT: IssuePath = [];

/**
 * What a generated field check returns when run as a test (with no path) at its first
 * problem: any list means "invalid", and this one is never built or added to (it is frozen).
 */
export const FAILED: ValidationIssue[] = Object.freeze([]) as unknown as ValidationIssue[];
