/**
 * The error bodies of the spec: `{error}` for 400, 401, 404, 413, 429 and 500, and
 * `{errors: [{detail, status, title, code}]}` for 422.
 */
import { STATUS_CODES } from 'node:http';
import type { Reply } from './http-io.ts';

/** One problem of a 422 answer. */
export interface Problem {
  detail: string;
  code: string;
  title?: string;
}

/** `{error: "Not Found"}`, or `{error: "Bad Request: <why>"}` when there is more to say. */
export function errorReply(status: number, why?: string, headers?: Record<string, string>): Reply {
  const phrase = STATUS_CODES[status] ?? 'Error';
  return { status, body: { error: why ? `${phrase}: ${why}` : phrase }, ...(headers && { headers }) };
}

export function unprocessable(problems: readonly Problem[]): Reply {
  return {
    status: 422,
    body: {
      errors: problems.map((p) => ({ detail: p.detail, status: '422', title: p.title ?? 'Invalid Attribute', code: p.code })),
    },
  };
}
