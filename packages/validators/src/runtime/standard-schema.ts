/**
 * The Standard Schema v1 interface (https://standardschema.dev), copied as its authors
 * recommend so that this package needs no dependency, plus the wrapper that turns a generated
 * check function into a schema object.
 */
import type { IssuePath, Issues, ValidationIssue } from './issue.ts';
import { FAILED, ROOT } from './issue.ts';
import { notInEnum, unreadable } from './report.ts';
import { ValidationError } from './validation-error.ts';

/** The Standard Schema v1 interface, as in `@standard-schema/spec` 1.1.0. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** What `validate` returns here: always synchronous, and failures carry our richer issues. */
export type ValidationResult<T> = { readonly value: T; readonly issues?: undefined } | { readonly issues: readonly ValidationIssue[] };

/**
 * A validator of this package: Standard Schema v1, synchronous, vendor `sip-endpoints`.
 * `name` is the schema's name in the spec, used in `ValidationError` messages.
 */
export interface SipEndpointsSchema<T> extends StandardSchemaV1<T, T> {
  readonly name: string;
  readonly '~standard': SipEndpointsSchemaProps<T>;
}

/** The `~standard` properties, narrowed: `validate` never returns a Promise. */
export interface SipEndpointsSchemaProps<T> extends StandardSchemaV1.Props<T, T> {
  readonly vendor: 'sip-endpoints';
  readonly validate: (value: unknown, options?: StandardSchemaV1.Options) => ValidationResult<T>;
}

/**
 * A generated check: the issues of `value` at `path` appended to `issues`, or `issues`
 * unchanged. With no `path` it is the yes-or-no test: it stops at the first problem, builds
 * nothing, and returns `FAILED` (a list, so "invalid") or undefined.
 */
export type Check = (value: unknown, path?: IssuePath, issues?: Issues) => Issues;

/**
 * The issues of `value`, or undefined when it is valid. The test answers first: a valid value
 * (the common case) costs only the test, and only a rejected one pays for the full check, which
 * reads it again to report every issue. Nothing the value does can make this throw: a throwing
 * getter or a revoked proxy becomes an `unreadable` issue. (try/catch costs nothing on the
 * path that does not throw.)
 */
export function runCheck(check: Check, value: unknown): Issues {
  try {
    return check(value) === undefined ? undefined : check(value, ROOT, undefined);
  } catch {
    return unreadable();
  }
}

/** Wraps a generated check as a Standard Schema object. Called once per schema, at import. */
export function defineSchema<T>(name: string, check: Check): SipEndpointsSchema<T> {
  return {
    name,
    '~standard': {
      version: 1,
      vendor: 'sip-endpoints',
      validate(value: unknown): ValidationResult<T> {
        const issues = runCheck(check, value);
        return issues === undefined ? { value: value as T } : { issues };
      },
    },
  };
}

/** Throws a `ValidationError` naming the schema when it finds issues in `value`. */
export function assertValid<T>(schema: SipEndpointsSchema<T>, value: unknown): void {
  const result = schema['~standard'].validate(value);
  if (result.issues !== undefined) throw new ValidationError(schema.name, result.issues);
}

/**
 * The Standard Schema object of a named enum, the whole value being checked: one of `values`
 * (listed at `pointer` in the spec). The check runs only once the test has failed.
 */
export function defineEnum<T>(name: string, values: readonly string[], pointer: string): SipEndpointsSchema<T> {
  return defineSchema<T>(name, (value, path, issues) => {
    if (values.includes(value as string)) return issues;
    return path === undefined ? FAILED : notInEnum(issues, path, undefined, values, false, value, pointer);
  });
}
