/**
 * `createClient`: the SDK entry point. It builds one openapi-fetch client with the Basic auth
 * header over the retrying fetch (transport.ts), and puts the generated resources on top.
 * `raw` is that openapi-fetch client, typed from the spec, for full control.
 */
import createOpenApiClient, { type Client } from 'openapi-fetch';
import type { paths } from '@sip-endpoints/types';
import { abortableSleep } from './backoff.ts';
import { serverUrlTemplate } from './generated/operations.ts';
import { createResources, type Resources } from './generated/resources.ts';
import { base64, createRedactor } from './redact.ts';
import { createGuardedFetch, createRetryingFetch, invalidSetting, type FetchFunction, type TransportSettings } from './transport.ts';

/** Where the API is: a Space (the spec's server URL with `{space}` filled in), or any server URL. */
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

export type ClientOptions = ServerLocation & {
  projectId: string;
  /** An API token with the Voice scope. It never appears in errors. */
  apiToken: string;
  /** Retries after a 429, a 5xx or a connection failure; GET, PUT and DELETE only. Default 2. */
  maxRetries?: number;
  /** How long each attempt may take, body included, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** The largest answer body read, in bytes; a larger one throws `ResponseTooLargeError`. Default 10 MiB. */
  maxResponseBytes?: number;
  /** Check request bodies before sending; a bad body throws `ValidationError`. Default true. */
  validateRequests?: boolean;
  /**
   * Check success bodies against the (lenient) response schemas; a mismatch throws
   * `ValidationError`. Unknown fields and enum values a newer server adds still pass. Default false.
   */
  validateResponses?: boolean;
  /** A `fetch` to send requests with (a test double, an instrumented fetch), called as `fetch(request, { signal })`: pass both on. */
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

export type ApiClient = Resources & {
  /** The typed openapi-fetch client, with the same auth, retries, timeouts and size limit. */
  raw: Client<paths>;
  /** The server URL requests go to. */
  baseUrl: string;
};

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** A Space name is one DNS label; anything else would change the host the token is sent to. */
const SPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * An absolute http(s) URL requests can be built on, checked now rather than failing every call.
 * fetch refuses a URL with credentials in it (the URL's userinfo, `username` and `password`)
 * and quotes them in its error; a query, a fragment or surrounding spaces would end up inside
 * each request's path.
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
    if (!isHttpUrl(location.baseUrl)) throw new TypeError('createClient: `baseUrl` must be an absolute http(s) URL without credentials, query or fragment, e.g. http://127.0.0.1:4010/api/relay/rest');
    return location.baseUrl.replace(/\/+$/, '');
  }
  if (typeof location.space !== 'string' || !SPACE_NAME.test(location.space)) throw new TypeError('createClient: `space` must be the name of your Space, as in yourspace.signalwire.com');
  return serverUrlTemplate.replace('{space}', location.space);
}

function requireText(value: unknown, name: string): string {
  // The message names the option, never its value: it may be the token.
  if (typeof value !== 'string' || value === '') throw new TypeError(`createClient: \`${name}\` must be a non-empty string`);
  return value;
}

export function createClient(options: ClientOptions): ApiClient {
  const projectId = requireText(options.projectId, 'projectId');
  const apiToken = requireText(options.apiToken, 'apiToken');
  const baseUrl = serverUrl(options);
  const invalid = invalidSetting('createClient', options);
  if (invalid !== undefined) throw new TypeError(invalid);
  const redact = createRedactor({ user: projectId, token: apiToken });
  const backoff = options.retryBackoff ?? {};
  const transport: TransportSettings = {
    fetch: options.fetch,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    initialDelayMs: backoff.initialDelayMs ?? 500,
    maxDelayMs: backoff.maxDelayMs ?? 8_000,
    maxRetryAfterMs: backoff.maxRetryAfterMs ?? 60_000,
    random: backoff.random ?? Math.random,
    sleep: backoff.sleep ?? abortableSleep,
    redact,
  };
  const raw = createOpenApiClient<paths>({
    baseUrl,
    fetch: createRetryingFetch(transport),
    redirect: 'manual',
    // HTTP Basic (RFC 7617: UTF-8 `user:token` in base64), kept by openapi-fetch in a closure: no object a caller could log holds it.
    headers: { Authorization: `Basic ${base64(`${projectId}:${apiToken}`)}` },
  });
  const resources = createResources({
    raw,
    transport,
    guardedFetch: createGuardedFetch(transport),
    validateRequests: options.validateRequests ?? true,
    validateResponses: options.validateResponses ?? false,
    redact,
  });
  return { ...resources, raw, baseUrl };
}
