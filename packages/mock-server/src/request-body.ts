/**
 * The JSON body of a request, read as the API reads it: the declared media type must be JSON
 * (415 otherwise; a body sent without `Content-Type` is read as JSON, as the API's own curl
 * examples send none), the bytes must be UTF-8 and the text JSON (400 otherwise), and the
 * value must pass the operation's validator (422, one item per issue).
 */
import type { Route } from './generated/routes.ts';
import type { Reply } from './http-io.ts';
import { errorReply, unprocessable } from './replies.ts';

/** A request body as the operation receives it: a JSON object that passed the validator. */
export type RequestFields = Record<string, unknown>;

// `fatal`: bytes that are not UTF-8 throw, instead of becoming U+FFFD in the data stored.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A media type's `type/subtype` token (RFC 9110 `token` characters). */
const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]+";
const JSON_MEDIA_TYPE = new RegExp(`^(?:application/json|${TOKEN}/${TOKEN}\\+json)$`);

/**
 * Why a `Content-Type` does not declare JSON, or undefined when it does: `application/json`
 * or a `+json` type, with no charset or a UTF-8 one (JSON is UTF-8 on the wire).
 */
export function mediaTypeProblem(contentType: string): string | undefined {
  const [essence = '', ...parameters] = contentType.split(';');
  const type = essence.trim().toLowerCase();
  if (!JSON_MEDIA_TYPE.test(type)) return `the body must be application/json, not ${contentType.trim()}`;
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals < 0 || parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    const charset = parameter.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return `a JSON body is UTF-8, not ${charset}`;
  }
  return undefined;
}

/** The validated body, or the 415/400/422 answer. Routes without a body get `{}`. */
export function readRequestBody(route: Route, contentType: string | undefined, bytes: Buffer): { body: RequestFields } | { reply: Reply } {
  if (!route.requestBody) return { body: {} };
  if (contentType !== undefined && contentType.trim() !== '') {
    const problem = mediaTypeProblem(contentType);
    if (problem !== undefined) return { reply: errorReply(415, problem) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reply: errorReply(400, 'the body is not valid UTF-8') };
  }
  if (text.trim() === '') return { reply: errorReply(400, 'this operation needs a JSON body') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { reply: errorReply(400, `the body is not valid JSON (${(error as Error).message})`) };
  }
  const result = route.requestBody.validator['~standard'].validate(parsed);
  if (result.issues) return { reply: unprocessable(result.issues.map((issue) => ({ detail: issue.message, code: issue.code }))) };
  return { body: result.value as RequestFields };
}
