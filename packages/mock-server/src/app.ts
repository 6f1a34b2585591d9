/**
 * The request pipeline of the mock, in the order a real API gateway applies it: body size
 * (413), route (404/405), injected faults (429/500), Basic auth (401), path parameters (404),
 * query parameters (422), the body (415, 400, 422: see request-body.ts), then the operation;
 * latency delays every answer. Every failure is one of the API's JSON error bodies, and nothing
 * a client sends can make it throw past this file: anything unexpected becomes a 500.
 *
 * What an operation does with the data is not this file's: it hands each call that passed every
 * check to `AppSettings.answer`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizationProblem, type Credentials } from './auth.ts';
import type { FaultInjector } from './faults.ts';
import type { OperationId, Route } from './generated/routes.ts';
import { readBody, sendReply, type BodyRead, type Reply } from './http-io.ts';
import { readParameters, type ParameterValues } from './parameters.ts';
import { errorReply, unprocessable } from './replies.ts';
import { readRequestBody, type RequestFields } from './request-body.ts';
import { matchRoute } from './router.ts';

/** A call that passed every check of the pipeline, for the data side to answer. */
export interface AdmittedCall {
  route: Route;
  /** Path and query parameters, read and defaulted. */
  params: ParameterValues;
  /** The request body, validated against the operation's schema; `{}` when it takes none. */
  body: RequestFields;
  /** The success status to answer with: the first the spec lists, unless configured. */
  successStatus: number;
}

/** The data side of the mock: what each operation does, given an admitted call. */
export type AnswerCall = (call: AdmittedCall) => Reply | Promise<Reply>;

export interface AppSettings {
  credentials: Credentials;
  maxBodyBytes: number;
  /** The success status each operation answers with, when not the first the spec lists. */
  successStatuses: Partial<Record<OperationId, number>>;
  answer: AnswerCall;
  faults: FaultInjector;
  /** Waits `ms`; rejects when the server closes, so no timer outlives it. */
  wait: (ms: number) => Promise<void>;
}

const AUTH_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="SignalWire mock", charset="UTF-8"' };

/** A call the gateway lets through to the API, or the answer that turns it away. */
type Admission =
  | { kind: 'admitted'; route: Route; pathValues: Record<string, string>; bodyBytes: Buffer }
  | { kind: 'refused'; reply: Reply };

/** The gateway's checks that need no waiting: body size (413), then route (404/405). */
function admit(method: string, pathname: string, bodyRead: BodyRead, maxBodyBytes: number): Admission {
  if (bodyRead.kind === 'too-large') {
    // A body left unread on the connection would be read as the next request: close it instead.
    const headers = bodyRead.drained ? undefined : { Connection: 'close' };
    return { kind: 'refused', reply: errorReply(413, `the body is larger than ${maxBodyBytes} bytes`, headers) };
  }
  const match = matchRoute(method, pathname);
  if (match.kind === 'not-found') return { kind: 'refused', reply: errorReply(404, `no route for ${method} ${pathname}`) };
  if (match.kind === 'method-not-allowed') {
    return { kind: 'refused', reply: errorReply(405, `${method} is not allowed here`, { Allow: match.allow.join(', ') }) };
  }
  return { kind: 'admitted', route: match.route, pathValues: match.pathValues, bodyBytes: bodyRead.bytes };
}

async function respond(request: IncomingMessage, bodyRead: BodyRead, settings: AppSettings): Promise<Reply> {
  // Split by hand: `new URL` would read a path such as `//host/x` as another host.
  const rawUrl = request.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const pathname = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));
  const admission = admit(request.method ?? '', pathname, bodyRead, settings.maxBodyBytes);

  // Faults are taken when the call arrives, not after the latency: a call its client has
  // already given up on must not consume a fault meant for a later one. Only an admitted call
  // takes one: a 413, 404 or 405 would answer in its place, and the fault would be lost.
  const injected = admission.kind === 'admitted' ? settings.faults.takeFailure() : undefined;
  // The latency delays every answer, refusals included, as a slow network would.
  if (settings.faults.latencyMs > 0) await settings.wait(settings.faults.latencyMs);

  if (admission.kind === 'refused') return admission.reply;
  const { route, pathValues, bodyBytes } = admission;
  if (injected) return injected;
  const unauthorized = authorizationProblem(request.headers.authorization, settings.credentials);
  if (unauthorized !== undefined) return errorReply(401, unauthorized, AUTH_CHALLENGE);

  // A path that fails its parameter's format names no resource at all.
  const path = readParameters(route.pathParameters, (name) => pathValues[name] ?? null);
  if (path.problems.length > 0) return errorReply(404, path.problems.map((p) => p.detail).join('; '));
  const search = readParameters(route.queryParameters, (name) => query.get(name));
  if (search.problems.length > 0) return unprocessable(search.problems);

  const body = readRequestBody(route, request.headers['content-type'], bodyBytes);
  if ('reply' in body) return body.reply;

  const successStatus = settings.successStatuses[route.operationId] ?? route.successStatuses[0]!;
  return settings.answer({ route, params: { ...path.values, ...search.values }, body: body.body, successStatus });
}

/**
 * Sends `reply`; if node:http refuses to write it (a bad status, say), tries a plain 500 once, and
 * failing that drops the connection. Nothing may throw out of here: it runs in a promise callback,
 * where a throw is an unhandled rejection, which ends the process.
 */
function sendReplyOrDrop(response: ServerResponse, reply: Reply): void {
  try {
    sendReply(response, reply);
    return;
  } catch {
    // Answered below.
  }
  if (!response.headersSent) {
    try {
      sendReply(response, errorReply(500));
      return;
    } catch {
      // Dropped below.
    }
  }
  response.destroy();
}

function answerRequest(request: IncomingMessage, response: ServerResponse, bodyRead: Promise<BodyRead>, settings: AppSettings): void {
  bodyRead
    .then((read) => respond(request, read, settings))
    .then(
      (reply) => sendReplyOrDrop(response, reply),
      () => sendReplyOrDrop(response, errorReply(500)),
    );
}

/** The body length a request declares, or undefined when it declares none (chunked) or nonsense. */
function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/** The server's listeners: `request`, and `checkContinue` for requests sent with `Expect: 100-continue`. */
export function createListeners(settings: AppSettings): {
  request: (request: IncomingMessage, response: ServerResponse) => void;
  checkContinue: (request: IncomingMessage, response: ServerResponse) => void;
} {
  return {
    request: (request, response) => answerRequest(request, response, readBody(request, settings.maxBodyBytes), settings),
    checkContinue: (request, response) => {
      // The client waits for our word before sending the body: a body declared too large is
      // refused now, unsent, instead of invited and then thrown away.
      const length = declaredLength(request);
      if (length !== undefined && length > settings.maxBodyBytes) {
        answerRequest(request, response, Promise.resolve({ kind: 'too-large', drained: false }), settings);
        return;
      }
      response.writeContinue();
      answerRequest(request, response, readBody(request, settings.maxBodyBytes), settings);
    },
  };
}
