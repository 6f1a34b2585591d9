/**
 * The client against a server that answers exactly as the current API definition says (the
 * mock in its default mode, which `api-definition.test.ts` holds to the definition), with
 * response validation on: every operation succeeds, every error the definition lists comes
 * back as the client's typed error, and every answer the client saw is one the definition allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  UnprocessableEntityError,
  createSipEndpointsClient,
  type SipEndpointsClient,
} from '@sip-endpoints/client';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { ERROR_BODIES, OPERATIONS, operationOf } from './api-definition-facts.ts';

interface Seen {
  method: string;
  path: string;
  status: number;
  text: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let server: MockServer;
let client: SipEndpointsClient;
const seen: Seen[] = [];

function clientWith(apiToken: string): SipEndpointsClient {
  return createSipEndpointsClient({
    baseUrl: server.apiUrl,
    projectId: server.credentials.projectId,
    apiToken,
    validateResponses: true,
    maxRetries: 0,
    fetch: async (request, init) => {
      const response = await fetch(request, init);
      const path = new URL(request.url).pathname.slice(new URL(server.apiUrl).pathname.length) + new URL(request.url).search;
      seen.push({ method: request.method, path, status: response.status, text: await response.clone().text() });
      return response;
    },
  });
}

beforeAll(async () => {
  server = await startMockServer({ port: 0 });
  client = clientWith(server.credentials.apiToken);
});
afterAll(() => server.close());

describe('the client against the current API definition', () => {
  it('runs every operation, with response validation on', async () => {
    const webhook = await client.sipEndpoints.create({
      username: 'alice',
      password: 'secret-pass',
      call_handler: 'laml_webhooks',
      call_request_url: 'https://example.org/in',
      codecs: ['OPUS', 'PCMU'],
    });
    expect(webhook).toMatchObject({ type: 'sip_endpoint', username: 'alice', call_handler: 'laml_webhooks', codecs: ['OPUS', 'PCMU'], caller_id: null });
    await client.sipEndpoints.create({ username: 'bob', password: 'secret-pass', call_handler: 'call_flow', call_flow_id: UNKNOWN_ID });
    await client.sipEndpoints.create({ username: 'carol', password: 'secret-pass' });

    expect(await client.sipEndpoints.retrieve(webhook.id)).toEqual(webhook);
    const updated = await client.sipEndpoints.update(webhook.id, { caller_id: 'Front Desk' });
    expect(updated).toEqual({ ...webhook, caller_id: 'Front Desk' });

    const usernames: string[] = [];
    for await (const endpoint of client.sipEndpoints.list({ page_size: 2 })) usernames.push(endpoint.username);
    expect(usernames).toEqual(['carol', 'bob', 'alice']);
    expect((await client.sipEndpoints.list({ filter_username: 'ali' }).firstPage()).data.map((e) => e.username)).toEqual(['alice']);

    await expect(client.sipEndpoints.delete(webhook.id)).resolves.toBeUndefined();
  });

  it('turns each error the definition lists into the typed error', async () => {
    const carol = (await client.sipEndpoints.list({ filter_username: 'carol' }).firstPage()).data[0]!;
    await expect(client.sipEndpoints.retrieve(UNKNOWN_ID)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.sipEndpoints.update(UNKNOWN_ID, { caller_id: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.sipEndpoints.delete(UNKNOWN_ID)).rejects.toBeInstanceOf(NotFoundError);

    const taken = await client.sipEndpoints.create({ username: 'carol', password: 'another-pass' }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(UnprocessableEntityError);
    expect((taken as UnprocessableEntityError).errors).toEqual([expect.objectContaining({ status: '422', title: expect.any(String), code: expect.any(String) })]);
    expect((taken as Error).message).toContain((taken as UnprocessableEntityError).errors[0]!.detail);

    await expect(clientWith('wrong-token').sipEndpoints.list().firstPage()).rejects.toBeInstanceOf(AuthenticationError);

    const calls = [
      () => client.sipEndpoints.list().firstPage(),
      () => client.sipEndpoints.create({ username: 'dave', password: 'secret-pass' }),
      () => client.sipEndpoints.retrieve(carol.id),
      () => client.sipEndpoints.update(carol.id, { caller_id: 'y' }),
      () => client.sipEndpoints.delete(carol.id),
    ];
    for (const call of calls) {
      server.faults.failNext(1);
      await expect(call()).rejects.toBeInstanceOf(InternalServerError);
    }
  });

  it('saw only answers the definition allows', () => {
    expect(seen.length).toBeGreaterThan(15);
    for (const answer of seen) {
      const operation = operationOf(answer.method, answer.path);
      expect(operation, `${answer.method} ${answer.path}`).toBeDefined();
      expect(OPERATIONS[operation!].statuses).toContain(answer.status);
      if (answer.status in ERROR_BODIES) expect(answer.text).toBe(ERROR_BODIES[answer.status]);
    }
  });

  // The API's body says only "Not Found", so the message must say which endpoint was not found.
  it('names the operation and the id in the message of a 404', async () => {
    for (const call of [
      () => client.sipEndpoints.retrieve(UNKNOWN_ID),
      () => client.sipEndpoints.update(UNKNOWN_ID, { caller_id: 'x' }),
      () => client.sipEndpoints.delete(UNKNOWN_ID),
    ]) {
      const error = (await call().then(
        () => undefined,
        (caught: unknown) => caught,
      )) as NotFoundError;
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.message).toMatch(/^(retrieve|update|delete)_sip_endpoint/);
      expect(error.message).toContain(UNKNOWN_ID);
    }
  });
});
