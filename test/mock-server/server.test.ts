/** The mock server over raw HTTP: the spec's statuses and bodies for each operation and each failure. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { basicAuth, call } from './support.ts';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, maxBodyBytes: 1024 });
});
afterAll(() => server.close());

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function create(username: string, extra: Record<string, unknown> = {}) {
  const answer = await call(server, 'POST', '/endpoints/sip', { json: { username, password: 'secret-pass', ...extra } });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('startMockServer', () => {
  it('serves the API under /api/relay/rest on 127.0.0.1, on a free port with port 0', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.apiUrl).toBe(`${server.url}/api/relay/rest`);
  });

  it('accepts only success statuses the spec lists', async () => {
    await expect(startMockServer({ port: 0, successStatuses: { create_sip_endpoint: 202 } })).rejects.toThrow(/answers 200 or 201, not 202/);
  });

  it('takes other credentials', async () => {
    const other = await startMockServer({ port: 0, projectId: 'p1', apiToken: 't1' });
    try {
      expect(other.credentials).toEqual({ projectId: 'p1', apiToken: 't1' });
      expect((await call(other, 'GET', '/endpoints/sip', { authorization: basicAuth('mock-project', 'mock-api-token') })).status).toBe(401);
      expect((await call(other, 'GET', '/endpoints/sip', { authorization: basicAuth('p1', 't1') })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('auth', () => {
  it.each([
    ['no header', null],
    ['wrong token', `Basic ${Buffer.from('mock-project:nope').toString('base64')}`],
    ['not Basic', 'Bearer mock-api-token'],
    ['garbage', 'Basic %%%'],
  ])('answers 401 with the spec body for %s', async (_name, authorization) => {
    const answer = await call(server, 'GET', '/endpoints/sip', { authorization });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'Unauthorized' });
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
  });
});

describe('create', () => {
  it('answers every SipEndpoint field, null when unset, with type sip_endpoint and no password', async () => {
    const body = await create('carol', { call_handler: 'relay_script', call_relay_script_url: 'https://example.org/swml' });
    expect(body).toMatchObject({ type: 'sip_endpoint', username: 'carol', call_handler: 'relay_script', call_relay_script_url: 'https://example.org/swml', caller_id: null, call_relay_application: null });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(body)).not.toContain('password');
    expect(JSON.stringify(body)).not.toContain('secret-pass');
  });

  it('rejects a taken username with 422', async () => {
    await create('dave');
    const answer = await call(server, 'POST', '/endpoints/sip', { json: { username: 'dave', password: 'other-pass' } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ detail: "username 'dave' has already been taken", status: '422', title: 'Invalid Attribute', code: 'taken' }]);
  });

  it('answers 422 naming each field and reason', async () => {
    const answer = await call(server, 'POST', '/endpoints/sip', { json: { username: 'a b', call_handler: 'dialogflow', colour: 'red' } });
    expect(answer.status).toBe(422);
    const codes = answer.body.errors.map((e: { code: string }) => e.code).sort();
    expect(codes).toEqual(['pattern', 'required', 'required_for_handler', 'unknown_property']);
    for (const item of answer.body.errors) expect(item).toEqual({ detail: expect.any(String), status: '422', title: 'Invalid Attribute', code: expect.any(String) });
    expect(answer.body.errors.map((e: { detail: string }) => e.detail).join(' ')).toMatch(/password.*|call_dialogflow_agent_id/);
  });

  it('answers 400 with a clear body for malformed JSON or no body', async () => {
    const malformed = await call(server, 'POST', '/endpoints/sip', { text: '{"username": "x",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/^Bad Request: the body is not valid JSON/);
    const empty = await call(server, 'POST', '/endpoints/sip', { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatch(/needs a JSON body/);
  });

  it('answers 422 for JSON that is not an object', async () => {
    for (const text of ['[]', '"alice"', '42', 'null']) {
      const answer = await call(server, 'POST', '/endpoints/sip', { text });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].code).toBe('invalid_type');
    }
  });

  it('answers 413 for an oversized body', async () => {
    const answer = await call(server, 'POST', '/endpoints/sip', { json: { username: 'big', password: 'x'.repeat(5000) } });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: 'Payload Too Large: the body is larger than 1024 bytes' });
  });
});

describe('retrieve, update, delete', () => {
  it('retrieves, merges a partial update, and deletes', async () => {
    const created = await create('erin', { caller_id: 'Erin', codecs: ['OPUS'] });
    expect((await call(server, 'GET', `/endpoints/sip/${created.id}`)).body).toEqual(created);

    const updated = await call(server, 'PUT', `/endpoints/sip/${created.id}`, { json: { call_handler: 'video_room', call_video_room_id: UNKNOWN_ID } });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ ...created, call_handler: 'video_room', call_video_room_id: UNKNOWN_ID });

    const deleted = await call(server, 'DELETE', `/endpoints/sip/${created.id}`);
    expect(deleted).toMatchObject({ status: 204, body: undefined });
    expect((await call(server, 'GET', `/endpoints/sip/${created.id}`)).status).toBe(404);
    expect((await call(server, 'DELETE', `/endpoints/sip/${created.id}`)).status).toBe(404);
  });

  it('goes back to the project settings when ciphers or codecs are sent empty', async () => {
    const created = await create('hank', { codecs: ['OPUS'] });
    expect(created.codecs).toEqual(['OPUS']);
    const reset = await call(server, 'PUT', `/endpoints/sip/${created.id}`, { json: { codecs: [] } });
    expect(reset.body.codecs.length).toBeGreaterThan(1);
    expect(reset.body.ciphers).toEqual((await create('ivy')).ciphers);
  });

  it('rejects an update to a username another endpoint has, but not to its own', async () => {
    await create('frank');
    const gina = await create('gina');
    expect((await call(server, 'PUT', `/endpoints/sip/${gina.id}`, { json: { username: 'frank' } })).status).toBe(422);
    expect((await call(server, 'PUT', `/endpoints/sip/${gina.id}`, { json: { username: 'gina' } })).status).toBe(200);
  });

  it('answers 404 with a JSON body for an unknown or malformed id', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid', '%E0%A4%A']) {
      const answer = await call(server, 'GET', `/endpoints/sip/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatch(/^Not Found/);
    }
    expect((await call(server, 'PUT', `/endpoints/sip/${UNKNOWN_ID}`, { json: { caller_id: 'x' } })).status).toBe(404);
  });
});

describe('routes', () => {
  it('answers 404 with a JSON body for an unknown route', async () => {
    for (const path of ['//', '//nope', '/endpoints', '/endpoints/sip/a/b']) {
      const answer = await call(server, 'GET', path);
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatch(/^Not Found: no route for GET/);
    }
  });

  it('answers 405 with Allow for a method the path does not have', async () => {
    const answer = await call(server, 'PATCH', `/endpoints/sip/${UNKNOWN_ID}`, { json: {} });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, PUT, DELETE');
  });
});
