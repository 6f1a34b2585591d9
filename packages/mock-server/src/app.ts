/**
 * The request pipeline of the mock, in the order a real API gateway applies it: body size
 * (413), route (404/405), injected faults (429/500), Basic auth (401), path parameters (404),
 * query parameters (422), JSON body (400), body schema (422), then the operation; latency
 * delays every answer. Every failure is a JSON body the spec describes, and nothing a client
 * sends can make it throw past this file: anything unexpected becomes a 500.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAuthorized, type Credentials } from './auth.ts';
import type { FaultInjector } from './faults.ts';
import type { OperationId, Route } from './generated/routes.ts';
import { readBody, sendReply, type BodyRead, type Reply } from './http-io.ts';
import { operationHandlers } from './operations.ts';
import { readParameters } from './parameters.ts';
import { errorReply, unprocessable } from './replies.ts';
import { matchRoute } from './router.ts';
import type { ItemFields, MockStore } from './store.ts';

export interface AppSettings {
  credentials: Credentials;
  maxBodyBytes: number;
  /** The success status each operation answers with, when not the first the spec lists. */
  successStatuses: Partial<Record<OperationId, number>>;
  store: MockStore;
  faults: FaultInjector;
  /** Waits `ms`; rejects when the server closes, so no timer outlives it. */
  wait: (ms: number) => Promise<void>;
}

const AUTH_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="SignalWire mock", charset="UTF-8"' };

/** The validated JSON body, or the 400/422 answer. */
function readJsonBody(route: Route, text: string): { body: ItemFields } | { reply: Reply } {
  if (!route.requestBody) return { body: {} };
  if (text.trim() === '') return { reply: errorReply(400, 'this operation needs a JSON body') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { reply: errorReply(400, `the body is not valid JSON (${(error as Error).message})`) };
  }
  const result = route.requestBody.validator['~standard'].validate(parsed);
  if (result.issues) return { reply: unprocessable(result.issues.map((issue) => ({ detail: issue.message, code: issue.code }))) };
  return { body: result.value as ItemFields };
}

/** A call the gateway lets through to the API, or the answer that turns it away. */
type Admission =
  | { kind: 'admitted'; route: Route; pathValues: Record<string, string>; bodyText: string }
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
  if (match.kind === 'method-not-allowed') return { kind: 'refused', reply: errorReply(405, `${method} is not allowed here`, { Allow: match.allow.join(', ') }) };
  return { kind: 'admitted', route: match.route, pathValues: match.pathValues, bodyText: bodyRead.text };
}

async function respond(request: IncomingMessage, settings: AppSettings): Promise<Reply> {
  const bodyRead = await readBody(request, settings.maxBodyBytes);

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
  const { route, pathValues, bodyText } = admission;
  if (injected) return injected;
  if (!isAuthorized(request.headers.authorization, settings.credentials)) return errorReply(401, undefined, AUTH_CHALLENGE);

  // A path that fails its parameter's format names no endpoint at all.
  const path = readParameters(route.pathParameters, (name) => pathValues[name] ?? null);
  if (path.problems.length > 0) return errorReply(404, path.problems.map((p) => p.detail).join('; '));
  const search = readParameters(route.queryParameters, (name) => query.get(name));
  if (search.problems.length > 0) return unprocessable(search.problems);

  const body = readJsonBody(route, bodyText);
  if ('reply' in body) return body.reply;

  const successStatus = settings.successStatuses[route.operationId] ?? route.successStatuses[0]!;
  return operationHandlers[route.operationId]({ params: { ...path.values, ...search.values }, body: body.body }, { store: settings.store, route, successStatus });
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

export function createRequestListener(settings: AppSettings): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    respond(request, settings).then(
      (reply) => sendReplyOrDrop(response, reply),
      () => sendReplyOrDrop(response, errorReply(500)),
    );
  };
}
