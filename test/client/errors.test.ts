/**
 * Every error the client throws, produced over real HTTP against the mock server, and the
 * token-leak check on each: the API token (and the Basic credentials that encode it) must not
 * appear in the message, toString(), JSON.stringify, stack or cause chain.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createSipEndpointsClient,
  type FetchFunction,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  SipEndpointsError,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from '@sip-endpoints/client';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';

const TOKEN = 'PT-super-secret-token-4f1c9e';
const PROJECT_ID = 'project-under-test';
const ENCODED = Buffer.from(`${PROJECT_ID}:${TOKEN}`).toString('base64');
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, projectId: PROJECT_ID, apiToken: TOKEN });
});
afterAll(() => server.close());

const noWait = { sleep: async () => {}, random: () => 0 };

function client(overrides: { apiToken?: string; baseUrl?: string; fetch?: FetchFunction } = {}) {
  return createSipEndpointsClient({ baseUrl: server.apiUrl, projectId: PROJECT_ID, apiToken: TOKEN, maxRetries: 0, retryBackoff: noWait, ...overrides });
}

/** Everything an error exposes that may end up in a log. */
function everythingPrinted(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 10; depth++) {
    if (current instanceof Error) {
      parts.push(current.message, String(current), current.stack ?? '', JSON.stringify(current), JSON.stringify(Object.entries(current)));
      current = current.cause;
    } else {
      parts.push(JSON.stringify(current) ?? String(current));
      current = undefined;
    }
  }
  return parts.join('\n');
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A fetch that echoes the request's Authorization header and token back in a 500 body. */
const echoingProxy = async (request: Request) =>
  new Response(JSON.stringify({ error: `upstream failed for ${request.headers.get('authorization')} token=${TOKEN}` }), { status: 502 });

/** A captive portal: a 200 page of HTML instead of the API's JSON, echoing the credentials. */
const captivePortal = async (request: Request) =>
  new Response(`${TOKEN} <html>Sign in to the Wi-Fi (${request.headers.get('authorization')})</html>`, { status: 200, headers: { 'content-type': 'text/html' } });

/** A fetch that breaks the JSON of every request body on its way out. */
const corruptingFetch = async (request: Request) => fetch(new Request(request, { body: '{"username": ' }));

const cases: [string, () => Promise<unknown>, abstract new (...args: never[]) => Error, number | undefined][] = [
  ['400 malformed JSON', () => client({ fetch: corruptingFetch }).sipEndpoints.create({ username: 'a', password: 'b' }), BadRequestError, 400],
  ['401 wrong token', () => client({ apiToken: `${TOKEN}-wrong` }).sipEndpoints.list().firstPage(), AuthenticationError, 401],
  ['404 unknown id', () => client().sipEndpoints.retrieve(UNKNOWN_ID), NotFoundError, 404],
  ['422 from the server', () => createSipEndpointsClient({ baseUrl: server.apiUrl, projectId: PROJECT_ID, apiToken: TOKEN, validateRequests: false }).sipEndpoints.create({ username: 'x' } as never), UnprocessableEntityError, 422],
  ['429 rate limited', async () => {
    server.faults.rateLimitNext(1, 0);
    return client().sipEndpoints.retrieve(UNKNOWN_ID);
  }, RateLimitError, 429],
  ['500 server failure', async () => {
    server.faults.failNext(1);
    return client().sipEndpoints.retrieve(UNKNOWN_ID);
  }, InternalServerError, 500],
  ['5xx from a proxy that echoes credentials', () => client({ fetch: echoingProxy }).sipEndpoints.retrieve(UNKNOWN_ID), InternalServerError, 502],
  ['connection refused', async () => {
    const closed = await startMockServer({ port: 0 });
    await closed.close();
    return client({ baseUrl: `${closed.apiUrl}` }).sipEndpoints.retrieve(UNKNOWN_ID);
  }, ConnectionError, undefined],
  ['timeout', async () => {
    server.faults.setLatency(300);
    try {
      return await createSipEndpointsClient({ baseUrl: server.apiUrl, projectId: PROJECT_ID, apiToken: TOKEN, maxRetries: 0, timeoutMs: 20 }).sipEndpoints.retrieve(UNKNOWN_ID);
    } finally {
      server.faults.setLatency(0);
    }
  }, TimeoutError, undefined],
  ['200 that is not JSON, from a portal that echoes credentials', () => client({ fetch: captivePortal }).sipEndpoints.retrieve(UNKNOWN_ID), UnexpectedResponseError, 200],
  ['request body rejected before sending', () => client().sipEndpoints.create({ username: 'a b', password: TOKEN }), ValidationError, undefined],
];

describe('errors', () => {
  it.each(cases)('%s: typed, and free of the token', async (_name, run, errorClass, status) => {
    const error = await caught(run());
    expect(error).toBeInstanceOf(errorClass);
    if (status !== undefined) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(status);
      expect((error as ApiError).errors.length).toBeGreaterThan(0);
    }
    if (!(error instanceof ValidationError)) expect(error).toBeInstanceOf(SipEndpointsError);
    const printed = everythingPrinted(error);
    expect(printed).not.toContain(TOKEN);
    expect(printed).not.toContain(ENCODED);
  });

  it('lists every server-side problem of a 422 in errors[]', async () => {
    const unchecked = createSipEndpointsClient({ baseUrl: server.apiUrl, projectId: PROJECT_ID, apiToken: TOKEN, validateRequests: false });
    const error = (await caught(unchecked.sipEndpoints.create({ password: 1, call_handler: 'video_room' } as never))) as UnprocessableEntityError;
    expect(error.errors.map((e) => e.code).sort()).toEqual(['invalid_type', 'required', 'required_for_handler']);
    expect(error.errors.every((e) => e.status === '422' && e.title && e.detail)).toBe(true);
  });

  it('makes no request when the body is invalid, and lists every issue', async () => {
    let requests = 0;
    const counting = client({ fetch: (request, init) => (requests++, fetch(request, init)) });
    const error = (await caught(counting.sipEndpoints.create({ username: 'a b', call_handler: 'laml_webhooks' } as never))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.code).sort()).toEqual(['pattern', 'required', 'required_for_handler']);
    expect(requests).toBe(0);
  });

  it('keeps the token out of the client object too, should someone log it', () => {
    const logged = `${inspect(client(), { depth: 20, showHidden: true })}${JSON.stringify(client())}`;
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(ENCODED);
  });

  it('keeps the Retry-After of a 429 on the RateLimitError', async () => {
    server.faults.rateLimitNext(1, 7);
    const error = (await caught(client().sipEndpoints.retrieve(UNKNOWN_ID))) as RateLimitError;
    expect(error.retryAfterMs).toBe(7000);
  });
});

describe('messages', () => {
  it('names the operation and the id asked for on a 404', async () => {
    const answering = client({ fetch: async () => Response.json({ error: 'Not Found' }, { status: 404 }) });
    const error = await caught(answering.sipEndpoints.retrieve('abc'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe('retrieve_sip_endpoint (id "abc") failed with HTTP 404: Not Found');
    const deleting = await caught(answering.sipEndpoints.delete('abc'));
    expect((deleting as Error).message).toBe('delete_sip_endpoint (id "abc") failed with HTTP 404: Not Found');
  });
});

describe('redaction in errors', () => {
  it('leaves a 422 body intact when the token is one letter that occurs in it', async () => {
    const body = { errors: [{ detail: 'username is taken', status: '422', title: 'Invalid Attribute', code: 'taken' }] };
    const oneLetter = createSipEndpointsClient({ baseUrl: server.apiUrl, projectId: PROJECT_ID, apiToken: 'd', fetch: async () => Response.json(body, { status: 422 }) });
    const error = (await caught(oneLetter.sipEndpoints.create({ username: 'alice', password: 'secret-pass' }))) as UnprocessableEntityError;
    expect(error.message).toBe('create_sip_endpoint failed with HTTP 422: username is taken');
    expect(error.body).toEqual(body);
  });

  it('redacts the token echoed HTML-escaped, JSON-escaped and in base64 in an error body', async () => {
    const token = 'PT-s&cr\u00e9t-token';
    const echoes = [token.replace('&', '&amp;'), JSON.stringify(token).slice(1, -1), Buffer.from(token).toString('base64')];
    const echoing = createSipEndpointsClient({ baseUrl: server.apiUrl, projectId: PROJECT_ID, apiToken: token, maxRetries: 0, fetch: async () => new Response(`<p>${echoes.join(' ')}</p>`, { status: 502 }) });
    const error = await caught(echoing.sipEndpoints.retrieve(UNKNOWN_ID));
    expect((error as ApiError).body).toBe('<p>[redacted] [redacted] [redacted]</p>');
    for (const echo of echoes) expect(everythingPrinted(error)).not.toContain(echo);
  });
});

describe('answers that are not the API', () => {
  it('turns a success without its JSON body into an UnexpectedResponseError naming the status', async () => {
    const answering = (response: () => Response) => client({ fetch: async () => response() });
    const html = (await caught(answering(() => new Response('<html>Gateway login</html>', { status: 200 })).sipEndpoints.retrieve(UNKNOWN_ID))) as UnexpectedResponseError;
    expect(html).toBeInstanceOf(UnexpectedResponseError);
    expect(html.message).toBe('retrieve_sip_endpoint (id "00000000-0000-4000-8000-000000000000") got an HTTP 200 answer that is not JSON: <html>Gateway login</html>');
    expect(html.body).toBe('<html>Gateway login</html>');
    const empty = await caught(answering(() => new Response(null, { status: 200 })).sipEndpoints.list().firstPage());
    expect(empty).toMatchObject({ name: 'UnexpectedResponseError', status: 200, message: 'list_sip_endpoints got an HTTP 200 answer that is not JSON' });
    // A 204 has no body by definition, and delete expects none.
    await expect(answering(() => new Response(null, { status: 204 })).sipEndpoints.delete(UNKNOWN_ID)).resolves.toBeUndefined();
  });

  it('scrubs the token when a server echoes it URL-encoded, or the credentials without their padding', async () => {
    // A token whose URL encoding differs, and credentials whose base64 ends in padding.
    const token = 'PT+secret/tok=n';
    const projectId = 'p';
    const credentials = Buffer.from(`${projectId}:${token}`).toString('base64');
    expect(credentials).toMatch(/=$/);
    const echoing = createSipEndpointsClient({
      baseUrl: server.apiUrl,
      projectId,
      apiToken: token,
      maxRetries: 0,
      fetch: async () => Response.json({ error: `seen ${encodeURIComponent(token)} and ${credentials.replace(/=+$/, '')}` }, { status: 502 }),
    });
    const printed = everythingPrinted(await caught(echoing.sipEndpoints.retrieve(UNKNOWN_ID)));
    expect(printed).toContain('seen [redacted] and [redacted]');
    expect(printed).not.toContain(encodeURIComponent(token));
    expect(printed).not.toContain(credentials.replace(/=+$/, ''));
  });
});
