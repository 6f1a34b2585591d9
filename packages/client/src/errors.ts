/**
 * The errors the client throws. Catch `SipEndpointsError` for anything the client itself
 * raised, `ApiError` (or one of its per-status subclasses) for an answer the API refused, and
 * `ValidationError` (from @sip-endpoints/validators) for a request body rejected before it was
 * sent.
 *
 * No error carries the request, its headers or the credentials: messages are built from the
 * operation, the status and the (redacted) body only, and no `cause` is attached, so the API
 * token cannot leak through `message`, `stack`, `toString()`, `JSON.stringify` or a cause chain.
 */
export { ValidationError } from '@sip-endpoints/validators';

/** The base class of every error the client raises itself. */
export class SipEndpointsError extends Error {
  override name = 'SipEndpointsError';
}

/** One problem the API reported: an item of a 422 `errors[]`, or the `error` of other bodies. */
export interface ApiErrorItem {
  /** What is wrong, for a person. */
  detail: string;
  /** A short category, such as "Invalid Attribute" (422 answers only). */
  title?: string;
  /** A machine-readable code (422 answers only). */
  code?: string;
  /** The HTTP status as a string (422 answers only). */
  status?: string;
}

/** Where a failed answer came from, for the message. */
export interface ApiErrorContext {
  operationId: string;
  /** The path parameters of the request (such as the id asked for), named in the message. */
  pathParameters?: Readonly<Record<string, string>>;
  /** Milliseconds the server asked to wait (`Retry-After`), when it said. */
  retryAfterMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `errors[]` from a 422 body, `error` from the other error bodies, or raw text. */
function parseErrorItems(body: unknown): ApiErrorItem[] {
  if (isRecord(body) && Array.isArray(body.errors)) {
    return body.errors.filter(isRecord).map((item) => ({
      detail: String(item.detail ?? item.title ?? 'unknown problem'),
      ...(typeof item.title === 'string' && { title: item.title }),
      ...(typeof item.code === 'string' && { code: item.code }),
      ...(typeof item.status === 'string' && { status: item.status }),
    }));
  }
  if (isRecord(body) && typeof body.error === 'string') return [{ detail: body.error }];
  // A proxy's HTML page or plain text: keep the start, which usually says what happened.
  if (typeof body === 'string' && body.trim() !== '') return [{ detail: body.trim().slice(0, 200) }];
  return [];
}

/** ` (id "abc")`: the path parameters of the request, so that a 404 says what was not found. */
function named({ pathParameters = {} }: ApiErrorContext): string {
  const parts = Object.entries(pathParameters).map(([name, value]) => `${name} ${JSON.stringify(value)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * The API answered with a status that is not a success of the operation (or, as
 * `UnexpectedResponseError`, with a success whose body is not JSON).
 */
export class ApiError extends SipEndpointsError {
  override name = 'ApiError';
  readonly status: number;
  readonly operationId: string;
  /** The problems the API listed; one item for bodies of the form `{error}`. */
  readonly errors: readonly ApiErrorItem[];
  /** The parsed body as received (text when it was not JSON), with credentials redacted. */
  readonly body: unknown;

  /** `headline` starts the message; the problems the body lists follow it. */
  constructor(status: number, body: unknown, context: ApiErrorContext, headline = `${context.operationId}${named(context)} failed with HTTP ${status}`) {
    const errors = parseErrorItems(body);
    const details = errors.length > 0 ? `: ${errors.map((e) => e.detail).join('; ')}` : '';
    super(`${headline}${details}`);
    this.status = status;
    this.operationId = context.operationId;
    this.errors = errors;
    this.body = body;
  }

  /** The subclass for `status`, so that callers can catch the case they handle. */
  static from(status: number, body: unknown, context: ApiErrorContext): ApiError {
    const Subclass = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : ApiError);
    return new Subclass(status, body, context);
  }
}

/** 400: the request could not be read (for example a body that is not JSON). */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}

/** 401: the Project ID or API token is wrong, or the token lacks the Voice scope. */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}

/** 404: nothing of that ID (or path) exists. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/** 422: a field is missing or wrong; `errors` names each problem. */
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}

/** 429: too many requests, still refused after the client's retries. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** How long the server asked to wait, when it said (`Retry-After`). */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, body: unknown, context: ApiErrorContext) {
    super(status, body, context);
    this.retryAfterMs = context.retryAfterMs;
  }
}

/** 5xx: the server failed, still after the client's retries. */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

/**
 * A success status whose body is not JSON (or is empty where the operation returns one): a
 * proxy's or captive portal's page, or a `baseUrl` that points at something other than the
 * API. `body` holds the text, redacted.
 */
export class UnexpectedResponseError extends ApiError {
  override name = 'UnexpectedResponseError';

  constructor(status: number, body: string, context: ApiErrorContext) {
    super(status, body, context, `${context.operationId}${named(context)} got an HTTP ${status} answer that is not JSON`);
  }
}

const STATUS_CLASSES: Readonly<Record<number, typeof ApiError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** A list met a page it cannot walk: one without its items array, or a `next` link to a page it already fetched. */
export class PaginationError extends SipEndpointsError {
  override name = 'PaginationError';
}

/** The server could not be reached, or the connection broke before an answer arrived. */
export class ConnectionError extends SipEndpointsError {
  override name = 'ConnectionError';

  /** @param code The system error code when there is one, such as `ECONNREFUSED`. */
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** No complete answer arrived within the timeout. */
export class TimeoutError extends SipEndpointsError {
  override name = 'TimeoutError';

  constructor(message: string, readonly timeoutMs: number) {
    super(message);
  }
}

/** An answer larger than `maxResponseBytes`: reading it stopped there, and the connection was closed. */
export class ResponseTooLargeError extends SipEndpointsError {
  override name = 'ResponseTooLargeError';

  /** @param status The status of the answer that was too large. */
  constructor(message: string, readonly status: number, readonly maxResponseBytes: number) {
    super(message);
  }
}
