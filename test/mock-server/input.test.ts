/**
 * How the mock reads what a client sends: the declared media type, `Expect: 100-continue`,
 * the bytes of the body, and integer query parameters past what a number holds.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { basicAuth, call } from './support.ts';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, maxBodyBytes: 4096 });
});
afterAll(() => server.close());

let serial = 0;
/** A create body with a fresh username. */
function newEndpoint(): string {
  return JSON.stringify({ username: `input-${++serial}`, password: 'secret-pass' });
}

/** POSTs `body` to the collection with exactly the headers given (fetch adds none for an untyped Blob). */
async function post(body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.apiUrl}/endpoints/sip`, {
    method: 'POST',
    headers: { authorization: basicAuth(server.credentials.projectId, server.credentials.apiToken), ...headers },
    body: new Blob([typeof body === 'string' ? new TextEncoder().encode(body) : body]),
  });
  return { status: response.status, body: await response.text(), detail: response.headers.get('x-mock-detail') };
}

/** Writes `request` on a raw connection and resolves with everything the server sent until it closed or `until` matched. */
function exchange(request: (write: (text: string) => void) => void, until: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => request((text) => socket.write(text)));
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      if (until.test(received)) socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(received));
  });
}

describe('Content-Type', () => {
  it.each([
    ['text/plain;charset=UTF-8'],
    ['application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x'],
    ['application/json; charset=latin1'],
    ['application/jsonx'],
  ])('answers 415 for a body declared as %s, and stores nothing', async (contentType) => {
    const body = newEndpoint();
    const answer = await post(body, { 'content-type': contentType });
    expect(answer).toMatchObject({ status: 415, body: '{"error":"Unsupported Media Type"}' });
    expect(answer.detail).toMatch(/application\/json|UTF-8/);
    const listed = await call(server, 'GET', `/endpoints/sip?filter_username=${JSON.parse(body).username}`);
    expect(listed.body.data).toEqual([]);
  });

  it.each([
    ['no Content-Type at all', undefined],
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
    ['a quoted charset in capitals', 'Application/JSON; Charset="UTF-8"'],
    ['a +json type', 'application/vnd.api+json'],
  ])('reads the body as JSON with %s', async (_case, contentType) => {
    const answer = await post(newEndpoint(), contentType === undefined ? {} : { 'content-type': contentType });
    expect(answer.status).toBe(200);
  });

  it('does not look at the Content-Type of an operation that takes no body', async () => {
    const answer = await call(server, 'GET', '/endpoints/sip', {});
    const withType = await fetch(`${server.apiUrl}/endpoints/sip`, {
      headers: { authorization: basicAuth(server.credentials.projectId, server.credentials.apiToken), 'content-type': 'text/plain' },
    });
    expect([answer.status, withType.status]).toEqual([200, 200]);
  });
});

describe('Expect: 100-continue', () => {
  it('refuses a declared body over the limit at once with 413, without inviting it', async () => {
    const answer = await exchange(
      (write) => write(`POST /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\nExpect: 100-continue\r\n\r\n`),
      /\r\n\r\n\{[^}]*\}/,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('{"error":"Payload Too Large"}');
  });

  it('invites a body within the limit with 100 Continue, then answers it', async () => {
    const body = newEndpoint();
    const auth = basicAuth(server.credentials.projectId, server.credentials.apiToken);
    const answer = await exchange((write) => {
      write(`POST /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`);
      setTimeout(() => write(body), 20);
    }, /HTTP\/1\.1 200 [^]*\r\n\r\n\{[^]*\}$/);
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
  });
});

describe('body bytes', () => {
  it('answers 400 for a body that is not UTF-8, instead of storing U+FFFD', async () => {
    const username = `latin1-${++serial}`;
    const bytes = new Uint8Array([...Buffer.from(`{"username":"${username}`), 0xe9, ...Buffer.from('","password":"secret-pass"}')]);
    const answer = await post(bytes, { 'content-type': 'application/json' });
    expect(answer).toMatchObject({ status: 400, body: '{"error":"Bad Request"}', detail: 'the body is not valid UTF-8' });
    const listed = await call(server, 'GET', `/endpoints/sip?filter_username=${username}`);
    expect(listed.body.data).toEqual([]);
  });

  it('reads any well-formed UTF-8, and sends it back as it came', async () => {
    const answer = await post(JSON.stringify({ username: `ünï-🎧-${++serial}`, password: 'secret-pass', caller_id: 'Zoë 日本' }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).caller_id).toBe('Zoë 日本');
  });
});

describe('integer parameters', () => {
  it('answers 422 for a page_number past what a number holds exactly, so no link carries an exponent', async () => {
    await call(server, 'POST', '/endpoints/sip', { text: newEndpoint() });
    await call(server, 'POST', '/endpoints/sip', { text: newEndpoint() });
    const first = await call(server, 'GET', '/endpoints/sip?page_size=1');
    const token = new URLSearchParams(first.body.links.next.split('?')[1]).get('page_token')!;

    const huge = await call(server, 'GET', `/endpoints/sip?page_size=1&page_token=${token}&page_number=99999999999999999999999`);
    expect(huge.status).toBe(422);
    expect(huge.body.errors).toEqual([{ detail: `page_number must be at most ${Number.MAX_SAFE_INTEGER}`, status: '422', title: 'Invalid Parameter', code: 'too_big' }]);

    // The largest accepted value gives links that are accepted in turn.
    const largest = await call(server, 'GET', `/endpoints/sip?page_size=1&page_token=${token}&page_number=${Number.MAX_SAFE_INTEGER}`);
    expect(largest.status).toBe(200);
    for (const link of Object.values<string>(largest.body.links)) {
      expect(link).not.toMatch(/e%2B|e\+/i);
      expect((await call(server, 'GET', `//${link.slice(1)}`)).status).toBe(200);
    }
  });
});
