/**
 * The error answers, with the exact bodies of the API's definition: `{"error": "<reason
 * phrase>"}` (400, 401, 404, 500, and 405, 413, 415, 429 from the mock's own checks) and
 * `{"errors": [{detail, status, title, code}]}` for 422. What a developer may want to know
 * about a refusal (which route, which limit) goes in the `X-Mock-Detail` header, never in the
 * body, so that a client that works against the mock sees the bodies the API sends.
 */
import { STATUS_CODES } from 'node:http';
import type { Reply } from './http-io.ts';

/** The header that carries the mock's explanation of an error answer. */
export const DETAIL_HEADER = 'X-Mock-Detail';

/**
 * The reason phrases in the bodies, fixed here rather than read from node:http, whose table
 * follows the RFCs (413 has been renamed before) and would change the bodies with Node's version.
 */
const ERROR_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Longer explanations are cut: a header is no place for a whole body quoted back. */
const MAX_DETAIL_LENGTH = 500;

/**
 * `text` as a header value: only printable ASCII may appear there (node:http throws on the
 * rest), and the detail may quote what the client sent; anything else is written `\uXXXX`.
 */
export function headerSafe(text: string): string {
  const cut = text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
  return cut.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One problem of a 422 answer. */
export interface Problem {
  detail: string;
  code: string;
  title?: string;
}

/** `{"error": "Not Found"}`; `detail`, when given, goes in the `X-Mock-Detail` header. */
export function errorReply(status: number, detail?: string, headers?: Record<string, string>): Reply {
  const phrase = ERROR_PHRASES[status] ?? STATUS_CODES[status] ?? 'Error';
  const allHeaders = { ...headers, ...(detail !== undefined && { [DETAIL_HEADER]: headerSafe(detail) }) };
  return { status, body: { error: phrase }, ...(Object.keys(allHeaders).length > 0 && { headers: allHeaders }) };
}

export function unprocessable(problems: readonly Problem[]): Reply {
  return {
    status: 422,
    body: {
      errors: problems.map((p) => ({ detail: p.detail, status: '422', title: p.title ?? 'Invalid Attribute', code: p.code })),
    },
  };
}
