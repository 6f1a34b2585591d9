/**
 * Reads a route's path and query parameters with the limits and defaults the spec gives them
 * (from the generated routes): integers are parsed and range-checked, formats checked, and
 * absent parameters take their default. Each problem becomes one 422 item naming the parameter.
 */
import type { RouteParameter } from './generated/routes.ts';
import type { Problem } from './replies.ts';

export type ParameterValues = Record<string, string | number | undefined>;

const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const INTEGER = /^-?\d+$/;

/** The value of one parameter, or the problem with it. */
function readParameter(parameter: RouteParameter, raw: string | null): { value: string | number | undefined } | { problem: Problem } {
  const { name } = parameter;
  if (raw === null) {
    if (parameter.required) return { problem: { detail: `${name} is required`, code: 'required', title: 'Invalid Parameter' } };
    return { value: parameter.default };
  }
  if (parameter.kind === 'string') {
    if (parameter.format === 'uuid' && !UUID.test(raw)) {
      return { problem: { detail: `${name} must be a UUID`, code: 'invalid_format', title: 'Invalid Parameter' } };
    }
    if (parameter.format === 'uri' && !URL.canParse(raw)) {
      return { problem: { detail: `${name} must be an absolute URI`, code: 'invalid_format', title: 'Invalid Parameter' } };
    }
    return { value: raw };
  }
  if (!INTEGER.test(raw)) return { problem: { detail: `${name} must be an integer`, code: 'invalid_type', title: 'Invalid Parameter' } };
  const value = Number(raw);
  // Past this a number no longer holds the digits sent, and prints in exponent form (`1e+23`),
  // which would put a value into links that this parser refuses.
  if (!Number.isSafeInteger(value)) {
    const bound = value < 0 ? `at least ${Number.MIN_SAFE_INTEGER}` : `at most ${Number.MAX_SAFE_INTEGER}`;
    return { problem: { detail: `${name} must be ${bound}`, code: value < 0 ? 'too_small' : 'too_big', title: 'Invalid Parameter' } };
  }
  if (parameter.minimum !== undefined && value < parameter.minimum) {
    return { problem: { detail: `${name} must be at least ${parameter.minimum}`, code: 'too_small', title: 'Invalid Parameter' } };
  }
  if (parameter.maximum !== undefined && value > parameter.maximum) {
    return { problem: { detail: `${name} must be at most ${parameter.maximum}`, code: 'too_big', title: 'Invalid Parameter' } };
  }
  return { value };
}

/** Every parameter's value, or every problem found. */
export function readParameters(
  parameters: readonly RouteParameter[],
  lookup: (name: string) => string | null,
): { values: ParameterValues; problems: Problem[] } {
  const values: ParameterValues = {};
  const problems: Problem[] = [];
  for (const parameter of parameters) {
    const result = readParameter(parameter, lookup(parameter.name));
    if ('problem' in result) problems.push(result.problem);
    else values[parameter.name] = result.value;
  }
  return { values, problems };
}
