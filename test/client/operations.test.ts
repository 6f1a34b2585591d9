/** Every operation of the client against the mock server over real HTTP on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSipEndpointsClient, ValidationError } from '@sip-endpoints/client';
import { startHarness, VALID_CREATE, type Harness } from './support/harness.ts';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

describe('sipEndpoints', () => {
  it('creates an endpoint and returns every field, null when unset, without the password', async () => {
    const created = await harness.client.sipEndpoints.create({ ...VALID_CREATE, call_handler: 'laml_webhooks', call_request_url: 'https://example.org/laml' });
    expect(created).toMatchObject({ type: 'sip_endpoint', username: 'alice', call_handler: 'laml_webhooks', call_request_url: 'https://example.org/laml', caller_id: null });
    expect(created).not.toHaveProperty('password');
    expect(harness.exchanges.at(-1)?.responseBody).not.toContain(VALID_CREATE.password);
  });

  it('accepts 201 from create as well as 200', async () => {
    const harness201 = await startHarness({}, { successStatuses: { create_sip_endpoint: 201 } });
    try {
      const created = await harness201.client.sipEndpoints.create(VALID_CREATE);
      expect(harness201.exchanges[0]?.status).toBe(201);
      expect(created.username).toBe('alice');
    } finally {
      await harness201.close();
    }
    await harness.client.sipEndpoints.create(VALID_CREATE);
    expect(harness.exchanges[0]?.status).toBe(200);
  });

  it('retrieves an endpoint by id', async () => {
    const created = await harness.client.sipEndpoints.create(VALID_CREATE);
    await expect(harness.client.sipEndpoints.retrieve(created.id)).resolves.toEqual(created);
  });

  it('updates only the fields sent', async () => {
    const created = await harness.client.sipEndpoints.create({ ...VALID_CREATE, caller_id: 'Front Desk' });
    const updated = await harness.client.sipEndpoints.update(created.id, { call_handler: 'relay_context', call_relay_context: 'office' });
    expect(updated).toMatchObject({ caller_id: 'Front Desk', call_handler: 'relay_context', call_relay_context: 'office', username: 'alice' });
    expect(JSON.parse(harness.exchanges.at(-1)!.requestBody!)).toEqual({ call_handler: 'relay_context', call_relay_context: 'office' });
  });

  it('deletes an endpoint, after which it is gone', async () => {
    const created = await harness.client.sipEndpoints.create(VALID_CREATE);
    await expect(harness.client.sipEndpoints.delete(created.id)).resolves.toBeUndefined();
    expect(harness.exchanges.at(-1)?.status).toBe(204);
    await expect(harness.client.sipEndpoints.retrieve(created.id)).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });

  it('lists endpoints newest first, filtered', async () => {
    for (const username of ['alice', 'bob', 'alfred']) await harness.client.sipEndpoints.create({ username, password: 'secret-pass' });
    const names: string[] = [];
    for await (const endpoint of harness.client.sipEndpoints.list({ filter_username: 'al' })) names.push(endpoint.username);
    expect(names).toEqual(['alfred', 'alice']);
  });

  it('sends Basic auth with the project ID and token', async () => {
    const seen: string[] = [];
    const client = createSipEndpointsClient({
      baseUrl: harness.server.apiUrl,
      ...harness.server.credentials,
      fetch: (request, init) => {
        seen.push(request.headers.get('authorization') ?? '');
        return fetch(request, init);
      },
    });
    await client.sipEndpoints.create(VALID_CREATE);
    expect(seen).toEqual([`Basic ${Buffer.from('mock-project:mock-api-token').toString('base64')}`]);
  });

  it('keeps the typed openapi-fetch client reachable, with the same auth', async () => {
    const { data, response } = await harness.client.raw.GET('/endpoints/sip', { params: { query: { page_size: 1 } } });
    expect(response.status).toBe(200);
    expect(data?.data).toEqual([]);
  });

  it('builds the Space URL from the spec server template', () => {
    const client = createSipEndpointsClient({ space: 'example', projectId: 'p', apiToken: 't' });
    expect(client.baseUrl).toBe('https://example.signalwire.com/api/relay/rest');
    expect(() => createSipEndpointsClient({ space: 'evil.com/x', projectId: 'p', apiToken: 't' })).toThrow(TypeError);
  });

  it.each([
    [{ timeoutMs: 0 }, /`timeoutMs` must be a number of milliseconds above 0/],
    [{ timeoutMs: -5 }, /`timeoutMs`/],
    [{ timeoutMs: Number.NaN }, /`timeoutMs`/],
    [{ timeoutMs: '100' as unknown as number }, /`timeoutMs`/],
    [{ maxRetries: -1 }, /`maxRetries` must be a whole number from 0/],
    [{ maxRetries: 1.5 }, /`maxRetries`/],
  ])('refuses the setting %o when the client is made', (setting, message) => {
    expect(() => createSipEndpointsClient({ baseUrl: 'http://127.0.0.1:1', projectId: 'p', apiToken: 't', ...setting })).toThrow(message);
  });

  it('fails a call with a bad setting of its own as a rejection, before sending anything', async () => {
    let sent = 0;
    const client = createSipEndpointsClient({
      baseUrl: 'http://127.0.0.1:1',
      projectId: 'p',
      apiToken: 't',
      fetch: async () => {
        sent++;
        return Response.json({});
      },
    });
    const pending = client.sipEndpoints.retrieve('id', { timeoutMs: -1 });
    await expect(pending).rejects.toThrow(/request options: `timeoutMs` must be a number of milliseconds above 0/);
    await expect(client.sipEndpoints.list({}, { maxRetries: Number.NaN }).firstPage()).rejects.toThrow(/`maxRetries`/);
    expect(sent).toBe(0);
    const accepted = createSipEndpointsClient({ baseUrl: 'http://127.0.0.1:1', projectId: 'p', apiToken: 't', timeoutMs: Number.POSITIVE_INFINITY, maxRetries: 0 });
    expect(accepted.baseUrl).toBe('http://127.0.0.1:1');
  });

  it.each(['', '.', '..', 42])('refuses the id %j before sending anything, as it would name another resource', async (id) => {
    const client = harness.client.sipEndpoints;
    const bad = id as string;
    await expect(client.retrieve(bad)).rejects.toThrow(new TypeError('retrieve_sip_endpoint: `id` must be a non-empty string other than "." and ".." (it names one item)'));
    await expect(client.update(bad, { caller_id: 'x' })).rejects.toThrow(/update_sip_endpoint: `id` must be/);
    await expect(client.delete(bad)).rejects.toThrow(/delete_sip_endpoint: `id` must be/);
    expect(harness.exchanges).toHaveLength(0);
  });

  it.each([
    '127.0.0.1:4010/api/relay/rest',
    '/api/relay/rest',
    'ftp://127.0.0.1/api',
    'http://',
    'http://proxyuser:proxypass@127.0.0.1:4010/api/relay/rest',
    'http://127.0.0.1:4010/api/relay/rest ',
    'http://127.0.0.1:4010/api?x=1',
    'http://127.0.0.1:4010/api?',
    'http://127.0.0.1:4010/api#x',
  ])('refuses the baseUrl %j when the client is made, without quoting it', (baseUrl) => {
    expect(() => createSipEndpointsClient({ baseUrl, projectId: 'p', apiToken: 't' })).toThrow(
      new TypeError('createClient: `baseUrl` must be an absolute http(s) URL without credentials, query or fragment, e.g. http://127.0.0.1:4010/api/relay/rest'),
    );
  });

  it('accepts a token that cannot be URL-encoded (a lone surrogate) when the client is made', () => {
    expect(() => createSipEndpointsClient({ baseUrl: 'http://127.0.0.1:1', projectId: 'p', apiToken: 'PT-\uD800' })).not.toThrow();
  });

  it('refuses missing credentials without echoing them', () => {
    expect(() => createSipEndpointsClient({ baseUrl: 'http://127.0.0.1:1', projectId: 'p', apiToken: '' })).toThrow(/`apiToken` must be a non-empty string/);
  });

  it('checks success bodies leniently when validateResponses is on', async () => {
    const created = await harness.client.sipEndpoints.create(VALID_CREATE);
    const answering = (body: unknown) =>
      createSipEndpointsClient({
        baseUrl: harness.server.apiUrl,
        ...harness.server.credentials,
        validateResponses: true,
        fetch: async () => Response.json(body),
      });
    const newer = { ...created, encryption: 'quantum', brand_new_field: 1 };
    await expect(answering(newer).sipEndpoints.retrieve(created.id)).resolves.toEqual(newer);
    const { id: _missing, ...broken } = created;
    await expect(answering(broken).sipEndpoints.retrieve(created.id)).rejects.toBeInstanceOf(ValidationError);
    await expect(createSipEndpointsClient({ baseUrl: harness.server.apiUrl, ...harness.server.credentials, fetch: async () => Response.json(broken) }).sipEndpoints.retrieve(created.id)).resolves.toEqual(broken);
  });
});
