/**
 * `createSipEndpointsClient`: the SDK entry point. It builds one openapi-fetch client with Basic
 * auth middleware over a retrying, timing-out fetch, and puts the `sipEndpoints` resource on
 * top. `raw` is that openapi-fetch client, typed from the spec, for full control.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '@sip-endpoints/types';
import { basicAuthMiddleware, basicAuthorization } from './auth.ts';
import { abortableSleep } from './backoff.ts';
import { operations, serverUrlTemplate } from './generated/operations.ts';
import { createRedactor } from './redact.ts';
import { SipEndpoints } from './resources/sip-endpoints.ts';
import { serializePath, serializeQuery } from './serializers.ts';
import { TimeoutWindows } from './timeout-windows.ts';
import { createRetryingFetch, invalidSetting, type FetchFunction, type TransportSettings } from './transport.ts';

/** Where the API is: a SignalWire Space, or any server URL (the mock server, a proxy). */
export type ServerLocation =
  | {
      /** The name of your Space, as in `yourspace.signalwire.com`. */
      space: string;
      baseUrl?: never;
    }
  | {
      /** The full server URL, e.g. `http://127.0.0.1:4010/api/relay/rest`. */
      baseUrl: string;
      space?: never;
    };

export type SipEndpointsClientOptions = ServerLocation & {
  projectId: string;
  /** An API token with the Voice scope. It never appears in errors. */
  apiToken: string;
  /** Retries after a 429, a 5xx or a connection failure; GET, PUT and DELETE only. Default 2. */
  maxRetries?: number;
  /** How long each attempt may take, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Check request bodies before sending; a bad body throws `ValidationError`. Default true. */
  validateRequests?: boolean;
  /**
   * Check success bodies against the (lenient) response schemas; a mismatch throws
   * `ValidationError`. Unknown fields and enum values a newer server adds still pass. Default false.
   */
  validateResponses?: boolean;
  /** A `fetch` to send requests with (a test double, an instrumented fetch). Timeouts and aborts reach it as `request.signal`, which it must honour. */
  fetch?: FetchFunction;
  /** Tuning of the wait between retries. */
  retryBackoff?: {
    /** Before jitter, the first wait; it doubles each retry. Default 500. */
    initialDelayMs?: number;
    /** Default 8 000. */
    maxDelayMs?: number;
    /** A longer `Retry-After` ends the retries with the 429 or 503. Default 60 000. */
    maxRetryAfterMs?: number;
    /** Waits between attempts. Replace it in tests to avoid real waiting. */
    sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
    /** A number in [0, 1) for jitter. Default `Math.random`. */
    random?: () => number;
  };
};

export interface SipEndpointsClient {
  sipEndpoints: SipEndpoints;
  /** The typed openapi-fetch client, with the same auth, retries and timeouts. */
  raw: Client<paths>;
  /** The server URL requests go to. */
  baseUrl: string;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A Space name is one DNS label; anything else would change the host the token is sent to. */
const SPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * An absolute http(s) URL that requests can be built on, checked now: otherwise every call would
 * fail as a connection error, retried. fetch refuses a URL with credentials (and its error
 * quotes them); a query, a fragment or surrounding spaces would end up inside each request's
 * path.
 */
function isHttpUrl(text: string): boolean {
  if (text.trim() !== text) return false;
  try {
    const url = new URL(text);
    // `?` and `#` are looked for in the text: an empty query or fragment leaves `search` and `hash` empty.
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !text.includes('?') && !text.includes('#');
  } catch {
    return false;
  }
}

function serverUrl(location: ServerLocation): string {
  if (typeof location.baseUrl === 'string') {
    // The message does not quote the URL: it may carry credentials of a proxy.
    if (!isHttpUrl(location.baseUrl)) {
      throw new TypeError('createSipEndpointsClient: `baseUrl` must be an absolute http(s) URL without credentials, query or fragment, e.g. http://127.0.0.1:4010/api/relay/rest');
    }
    return location.baseUrl.replace(/\/+$/, '');
  }
  if (typeof location.space !== 'string' || !SPACE_NAME.test(location.space)) {
    throw new TypeError('createSipEndpointsClient: `space` must be the name of your Space, as in yourspace.signalwire.com');
  }
  return serverUrlTemplate.replace('{space}', location.space);
}

/** `text` URL-encoded, or itself when it cannot be (a lone surrogate, which no server would echo encoded). */
function urlEncoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

function requireText(value: unknown, name: string): string {
  // The message names the option, never its value: it may be the token.
  if (typeof value !== 'string' || value === '') throw new TypeError(`createSipEndpointsClient: \`${name}\` must be a non-empty string`);
  return value;
}

/** Methods of the operations the spec marks retry-safe, derived from the operation table. */
const RETRY_SAFE_METHODS: ReadonlySet<string> = new Set(
  Object.values(operations)
    .filter((op) => op.retrySafe)
    .map((op) => op.method),
);

/**
 * The middleware a caller has on `raw`, kept up to date by wrapping `use` and `eject`. Like
 * openapi-fetch's own list, it keeps a middleware added twice twice, and `eject` removes one
 * occurrence, so that it is empty exactly when only our own middleware is left.
 */
function trackMiddleware(raw: Client<paths>): readonly Middleware[] {
  const added: Middleware[] = [];
  const use = raw.use.bind(raw);
  const eject = raw.eject.bind(raw);
  raw.use = (...middleware) => {
    // Recorded first: openapi-fetch adds each valid middleware before it throws on an invalid
    // one, and one recorded too many only means real Requests, never a LazyRequest given to
    // a caller's middleware.
    for (const m of middleware) if (m) added.push(m);
    use(...middleware);
  };
  raw.eject = (...middleware) => {
    eject(...middleware);
    for (const m of middleware) {
      const index = added.indexOf(m);
      if (index !== -1) added.splice(index, 1);
    }
  };
  return added;
}

export function createSipEndpointsClient(options: SipEndpointsClientOptions): SipEndpointsClient {
  const projectId = requireText(options.projectId, 'projectId');
  const apiToken = requireText(options.apiToken, 'apiToken');
  const baseUrl = serverUrl(options);
  const invalid = invalidSetting('createSipEndpointsClient', options);
  if (invalid !== undefined) throw new TypeError(invalid);
  const authorization = basicAuthorization(projectId, apiToken);
  // The token as sent (inside the Basic credentials) and as a server might echo it: URL-encoded,
  // or the credentials without their base64 padding (which also covers them with it).
  const credentials = authorization.slice('Basic '.length);
  const redact = createRedactor([apiToken, urlEncoded(apiToken), credentials.replace(/=+$/, '')]);
  const backoff = options.retryBackoff ?? {};
  const transport: TransportSettings = {
    fetch: options.fetch,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    timeouts: new TimeoutWindows(),
    initialDelayMs: backoff.initialDelayMs ?? 500,
    maxDelayMs: backoff.maxDelayMs ?? 8_000,
    maxRetryAfterMs: backoff.maxRetryAfterMs ?? 60_000,
    random: backoff.random ?? Math.random,
    sleep: backoff.sleep ?? abortableSleep,
    isRetrySafe: (request) => RETRY_SAFE_METHODS.has(request.method),
    redact,
  };
  const raw = createClient<paths>({
    baseUrl,
    fetch: createRetryingFetch(transport),
    pathSerializer: serializePath,
    querySerializer: serializeQuery,
  });
  raw.use(basicAuthMiddleware(authorization));
  const callerMiddleware = trackMiddleware(raw);
  const sipEndpoints = new SipEndpoints({
    raw,
    transport,
    validateRequests: options.validateRequests ?? true,
    validateResponses: options.validateResponses ?? false,
    redact,
    // The resource methods build their requests with LazyRequest (see lazy-request.ts) while
    // only our own middleware sees them; a caller's middleware gets real Requests.
    lightRequests: () => callerMiddleware.length === 0,
  });
  return { sipEndpoints, raw, baseUrl };
}
