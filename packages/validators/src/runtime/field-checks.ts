/**
 * Checks of one top-level field, for the shapes most fields share: a string, maybe a URI or a
 * UUID. The generated code calls one of these per field instead of writing
 * the same five lines out each time, which keeps the shipped package small; each is a few
 * comparisons that the JIT inlines, and allocates nothing while the value is valid.
 *
 * Every function takes the field's value as read from the object (`undefined` when absent:
 * like Ajv, a key whose value is undefined counts as absent) and returns `issues`, with one
 * more when the value is wrong.
 */
import type { IssuePath, Issues } from './issue.ts';
import { isUri, isUuid } from './formats.ts';
import { invalidValue, wrongType } from './report.ts';

const URI_REASON = ' must be an absolute URI, such as https://example.com/hook';
const UUID_REASON = ' must be a UUID, such as 0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90';

/** A string, or with `orNull` a string or null. */
export function checkString(issues: Issues, path: IssuePath, key: string, value: unknown, orNull: boolean, pointer: string): Issues {
  if (value === undefined || typeof value === 'string' || (orNull && value === null)) return issues;
  return wrongType(issues, path, key, orNull ? ' must be a string or null' : ' must be a string', value, pointer);
}

/** A string in `format: uri`, as ajv-formats accepts it. */
export function checkUri(issues: Issues, path: IssuePath, key: string, value: unknown, orNull: boolean, pointer: string): Issues {
  if (typeof value === 'string') return isUri(value) ? issues : invalidValue(issues, path, key, 'invalid_format', URI_REASON, pointer);
  return checkString(issues, path, key, value, orNull, pointer);
}

/** A string in `format: uuid`, as ajv-formats accepts it. */
export function checkUuid(issues: Issues, path: IssuePath, key: string, value: unknown, orNull: boolean, pointer: string): Issues {
  if (typeof value === 'string') return isUuid(value) ? issues : invalidValue(issues, path, key, 'invalid_format', UUID_REASON, pointer);
  return checkString(issues, path, key, value, orNull, pointer);
}
