/**
 * Builds the issues the generated validators report, one function per kind of problem. The
 * generator writes each message's text from the spec; these functions add only what depends
 * on the input: the location below the root and the received type or enum value. The
 * generated code calls them only in the branch where a check has failed.
 *
 * Messages echo a received value only for enums (where seeing "got 'G711'" is the point),
 * never for free-text fields such as `password`.
 */
import type { IssuePath, Issues, ValidationIssue } from './issue.ts';
import { FAILED, MAX_ISSUES } from './issue.ts';
import { closestName } from './suggest.ts';

/** The longest received value or property name a message quotes. */
const MAX_QUOTED_LENGTH = 40;

/** A quote, backslash or control character: text with one is quoted through JSON. */
const NEEDS_ESCAPE = /['\\\x00-\x1f\x7f]/;

/** `'text'`, shortened, with quotes, backslashes and control characters escaped. */
function quote(text: string): string {
  const shown = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  return NEEDS_ESCAPE.test(shown) ? `'${JSON.stringify(shown).slice(1, -1).replace(/'/g, "\\'")}'` : `'${shown}'`;
}

/** ASCII letters, digits, `_` and `$`, not first a digit. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether `key` can follow a dot in a path: an identifier of at most 40 characters. */
function isIdentifier(key: string): boolean {
  return key.length <= MAX_QUOTED_LENGTH && IDENTIFIER.test(key);
}

/** `['data', 0, 'call_handler']` → `data[0].call_handler`; the root is called `value`. */
export function formatPath(path: IssuePath): string {
  let text = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    text += typeof key === 'number' ? `[${key}]` : !isIdentifier(key) ? `[${quote(key)}]` : i === 0 ? key : `.${key}`;
  }
  return text || 'value';
}

/** The JSON type of a value, as a person would name it. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return 'an infinite number';
      return Number.isInteger(value) ? 'an integer' : 'a fractional number';
    case 'boolean':
      return 'a boolean';
    case 'undefined':
      return 'undefined';
    default:
      return `a ${typeof value}`;
  }
}

/** `path` with `key` appended; a path at the top is a literal (spreading an empty path costs more). */
export function pathTo(path: IssuePath, key: string | number): (string | number)[] {
  return path.length === 0 ? [key] : [...path, key];
}

function childPath(path: IssuePath, key: string | number | undefined): IssuePath {
  return key === undefined ? path : pathTo(path, key);
}

/**
 * What a report returns without building an issue: the list once `MAX_ISSUES` are collected
 * (so a body with a million bad items costs a loop, not a million messages); undefined when
 * the issue is to be built.
 */
function settled(issues: Issues): ValidationIssue[] | undefined {
  return issues !== undefined && issues.length >= MAX_ISSUES ? issues : undefined;
}

/** Appends `issue`, creating the list on the first problem and dropping issues past the cap. */
export function addIssue(issues: Issues, issue: ValidationIssue): ValidationIssue[] {
  if (issues === undefined) return [issue];
  if (issues.length < MAX_ISSUES) issues.push(issue);
  return issues;
}

/**
 * The schema's property names that do not read as themselves in a path (`x-foo` reads
 * `['x-foo']`), declared once by the generated module with `quoteNames` when the spec has any.
 * The generated code reports a field under one of its schema's names, so every other name is
 * written as is: a failing field costs no scan of its name.
 */
let quotedNames: ReadonlySet<string> | undefined;

/** Called by the generated module, at import, with the names `isIdentifier` rejects. */
export function quoteNames(names: readonly string[]): void {
  quotedNames = new Set(names);
}

/**
 * The message of an issue at `at`: its location, as `formatPath` writes it, then the reason
 * the generator wrote from the spec (" is required", " must be a string"). A field at the top
 * of the value (every request body field) is its own location unless it needs quoting.
 */
function messageAt(at: IssuePath, text: string): string {
  const first = at[0];
  return at.length === 1 && typeof first === 'string' && !quotedNames?.has(first) ? first + text : formatPath(at) + text;
}

/**
 * The spec pointer of an issue. The generated code passes a field's pointer as the pointer of
 * its schema's properties, ending in `/` (`#/components/schemas/SipEndpointFields/properties/`),
 * and the key completes it here: one short constant per schema instead of a long string per
 * field keeps the package small.
 */
function pointerAt(pointer: string, key: string | number | undefined): string {
  return typeof key === 'string' && pointer.charCodeAt(pointer.length - 1) === 47 ? pointer + key : pointer;
}

/** A field listed in the schema's `required` is absent (or `undefined`). */
export function missing(issues: Issues, path: IssuePath, key: string, specPointer: string): ValidationIssue[] {
  const done = settled(issues);
  if (done) return done;
  const at = pathTo(path, key);
  return addIssue(issues, { code: 'required', path: at, message: messageAt(at, ' is required'), specPointer });
}

/**
 * Each of `names` (the schema's `required`, listed at `specPointer`) that `object` lacks, read
 * by name as Ajv reads them. With no `path` (a test), `FAILED` at the first one. The generated
 * code calls this for a long list, where code per field would make the module bigger, and
 * for a short one only once a field is known to be missing.
 */
export function missingFields(issues: Issues, path: IssuePath | undefined, object: Record<string, unknown>, names: readonly string[], specPointer: string): Issues {
  for (let i = 0; i < names.length; i++) {
    if (object[names[i]!] !== undefined) continue;
    if (path === undefined) return FAILED;
    issues = missing(issues, path, names[i]!, specPointer);
  }
  return issues;
}

/**
 * A handler's rule is not met. `rule` is the generated module's row for it: the field the
 * issue names (the first field of the first alternative), which starts the message; the
 * discriminator's value, which ends it, quoted; the text between, written from the rule
 * (" (or call_relay_application) is required when call_handler is "); and the rule's spec
 * pointer.
 */
export function missingForHandler(issues: Issues, path: IssuePath, rule: readonly string[]): ValidationIssue[] {
  const done = settled(issues);
  if (done) return done;
  const at = pathTo(path, rule[0]!);
  return addIssue(issues, { code: 'required_for_handler', path: at, message: messageAt(at, textOf(rule, ruleText)), specPointer: rule[3]!, handler: rule[1]! });
}

/** A property a strict (request) schema does not define. */
export function unknownProperty(issues: Issues, path: IssuePath, key: string, known: readonly string[], specPointer: string): ValidationIssue[] {
  const done = settled(issues);
  if (done) return done;
  const suggestion = closestName(key, known);
  const name = isIdentifier(key) ? key : quote(key);
  const where = path.length === 0 ? '' : ` in ${formatPath(path)}`;
  return addIssue(issues, {
    code: 'unknown_property',
    path: pathTo(path, key),
    message: `${name} is not a known property${where}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
    specPointer,
    ...(suggestion !== undefined && { suggestion }),
  });
}

/** A value of the wrong JSON type. `text`: " must be a string"; the received type is appended. */
export function wrongType(issues: Issues, path: IssuePath, key: string | number | undefined, text: string, value: unknown, specPointer: string): ValidationIssue[] {
  const done = settled(issues);
  if (done) return done;
  const at = childPath(path, key);
  return addIssue(issues, { code: 'invalid_type', path: at, message: messageAt(at, text) + ', got ' + describeType(value), specPointer: pointerAt(specPointer, key) });
}

/**
 * Message texts that depend only on the generated module's data, built on their first issue
 * and kept, by the array they are made from: the generated code passes the same array every
 * time, and quoting every value on every issue would make a rejected body cost several times
 * an accepted one.
 */
const texts = new WeakMap<readonly string[], string>();

function textOf(data: readonly string[], build: (data: readonly string[]) => string): string {
  let text = texts.get(data);
  if (text === undefined) {
    text = build(data);
    texts.set(data, text);
  }
  return text;
}

/** " must be one of 'a', 'b'", from an enum's list of values. */
const allowedText = (allowed: readonly string[]): string => ` must be one of ${allowed.map(quote).join(', ')}`;

/** The end of a handler rule's message, from its row: the text between, then the value quoted. */
const ruleText = (rule: readonly string[]): string => rule[2]! + quote(rule[1]!);

/**
 * A value outside a closed enum: a type issue when it is not even a string, otherwise an enum
 * issue. The message lists the allowed values and the (shortened) received value:
 * "encryption must be one of 'default', 'required', 'optional', got 'always'".
 */
export function notInEnum(
  issues: Issues,
  path: IssuePath,
  key: string | number | undefined,
  allowed: readonly string[],
  orNull: boolean,
  value: unknown,
  specPointer: string,
): ValidationIssue[] {
  const done = settled(issues);
  if (done) return done;
  const isString = typeof value === 'string';
  const at = childPath(path, key);
  return addIssue(issues, {
    code: isString ? 'invalid_enum' : 'invalid_type',
    path: at,
    message: messageAt(at, textOf(allowed, allowedText)) + (orNull ? ' or null, got ' : ', got ') + (isString ? quote(value) : describeType(value)),
    specPointer,
    allowed,
  });
}

/**
 * A value that breaks a rule the generator wrote the reason of: a `format` (`invalid_format`:
 * " must be an absolute URI, …"), a `pattern` (`pattern`; the value is not echoed, it may be a
 * secret), a bound (`too_small`, `too_big`), `multipleOf` (`not_multiple`), a `const`
 * (`invalid_enum`).
 */
export function invalidValue(
  issues: Issues,
  path: IssuePath,
  key: string | number,
  code: 'invalid_format' | 'pattern' | 'too_small' | 'too_big' | 'not_multiple' | 'invalid_enum',
  text: string,
  specPointer: string,
): ValidationIssue[] {
  const done = settled(issues);
  if (done) return done;
  const at = pathTo(path, key);
  return addIssue(issues, { code, path: at, message: messageAt(at, text), specPointer: pointerAt(specPointer, key) });
}

/** The value threw while being read (a throwing getter, a revoked proxy). */
export function unreadable(): ValidationIssue[] {
  // The thrown value is not inspected: it may itself be a hostile object.
  return [{ code: 'unreadable', path: [], message: 'value could not be read: inspecting it threw', specPointer: '#' }];
}
