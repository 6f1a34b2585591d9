/** The list operation of the mock: order, filters, parameter limits from the spec, page tokens and links. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { call } from './support.ts';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
  for (const [username, caller_id] of [['anna', 'Front Desk'], ['ben', 'Back Office'], ['annika', 'front door'], ['carl', 'Lab']]) {
    await call(server, 'POST', '/endpoints/sip', { json: { username, password: 'secret-pass', caller_id } });
  }
});
afterAll(() => server.close());

const usernames = (body: { data: { username: string }[] }) => body.data.map((e) => e.username);

describe('list', () => {
  it('lists newest first with the default page size and links', async () => {
    const answer = await call(server, 'GET', '/endpoints/sip');
    expect(answer.status).toBe(200);
    expect(usernames(answer.body)).toEqual(['carl', 'annika', 'ben', 'anna']);
    expect(answer.body.links).toEqual({
      self: '/api/relay/rest/endpoints/sip?page_number=0&page_size=50',
      first: '/api/relay/rest/endpoints/sip?page_number=0&page_size=50',
    });
  });

  it('filters by username and caller ID, case-insensitively, keeping filters in links', async () => {
    expect(usernames((await call(server, 'GET', '/endpoints/sip?filter_username=ANN')).body)).toEqual(['annika', 'anna']);
    const byCaller = await call(server, 'GET', '/endpoints/sip?filter_caller_id=front');
    expect(usernames(byCaller.body)).toEqual(['annika', 'anna']);
    expect(byCaller.body.links.self).toBe('/api/relay/rest/endpoints/sip?filter_caller_id=front&page_number=0&page_size=50');
  });

  it('pages with page_size, page_number and the page_token of the links', async () => {
    const first = await call(server, 'GET', '/endpoints/sip?page_size=3');
    expect(usernames(first.body)).toEqual(['carl', 'annika', 'ben']);
    expect(first.body.links.prev).toBeUndefined();
    const next = first.body.links.next as string;
    expect(next).toMatch(/^\/api\/relay\/rest\/endpoints\/sip\?page_number=1&page_size=3&page_token=PA/);

    const second = await call(server, 'GET', next.replace('/api/relay/rest', ''));
    expect(usernames(second.body)).toEqual(['anna']);
    expect(second.body.links.next).toBeUndefined();
    expect(second.body.links.prev).toBe('/api/relay/rest/endpoints/sip?page_number=0&page_size=3');
    expect(second.body.links.self).toBe(next);
  });

  it('answers 422 for page_number above 0 without a page_token, or a token of its own making only', async () => {
    const missing = await call(server, 'GET', '/endpoints/sip?page_number=1');
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({ code: 'required', detail: 'page_token is required when page_number is above 0' });
    const forged = await call(server, 'GET', '/endpoints/sip?page_number=1&page_token=nope');
    expect(forged.status).toBe(422);
    expect(forged.body.errors[0].code).toBe('invalid_format');
  });

  it.each([
    ['page_size=0', 'too_small', 'page_size must be at least 1'],
    ['page_size=1001', 'too_big', 'page_size must be at most 1000'],
    ['page_size=ten', 'invalid_type', 'page_size must be an integer'],
    ['page_number=-1', 'too_small', 'page_number must be at least 0'],
    ['page_number=1.5', 'invalid_type', 'page_number must be an integer'],
  ])('answers 422 for %s, with the limits of the spec', async (query, code, detail) => {
    const answer = await call(server, 'GET', `/endpoints/sip?${query}`);
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ detail, code, status: '422', title: 'Invalid Parameter' }]);
  });

  it('reports every bad parameter at once', async () => {
    const answer = await call(server, 'GET', '/endpoints/sip?page_size=0&page_number=x');
    expect(answer.body.errors).toHaveLength(2);
  });

  it('accepts the page_size limits themselves', async () => {
    expect((await call(server, 'GET', '/endpoints/sip?page_size=1')).status).toBe(200);
    expect((await call(server, 'GET', '/endpoints/sip?page_size=1000')).status).toBe(200);
  });
});
