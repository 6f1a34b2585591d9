/**
 * Contract: a scripted sequence of client calls against the mock server, covering every
 * operation and every error the client can meet, with each exchange checked against the
 * bundled spec by Ajv (an oracle that knows nothing of our code): the request body against the
 * operation's request schema, the status against the operation's responses, and the response
 * body against that response's schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSipEndpointsClient, type SipEndpointsClient } from '@sip-endpoints/client';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { compileSpecSchemas } from '../support/ajv.ts';
import { readBundledSpec } from '../support/repo.ts';
import { recordingFetch, type Exchange } from '../client/support/harness.ts';

type Json = Record<string, any>;

let spec: Json;
let schemaValidator: ReturnType<typeof compileSpecSchemas>;
let server: MockServer;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  spec = await readBundledSpec();
  schemaValidator = compileSpecSchemas(spec);
  server = await startMockServer({ port: 0, maxBodyBytes: 4096 });
});
afterAll(() => server.close());

function clientFor(server: MockServer, apiToken = server.credentials.apiToken): SipEndpointsClient {
  return createSipEndpointsClient({
    baseUrl: server.apiUrl,
    projectId: server.credentials.projectId,
    apiToken,
    fetch: recordingFetch(exchanges),
    retryBackoff: { sleep: async () => {}, random: () => 0 },
  });
}

/** The spec's operation for a request: its path template and the operation object. */
function operationOf(method: string, url: string): { template: string; operation: Json } {
  const path = new URL(url).pathname.replace(/^\/api\/relay\/rest/, '');
  for (const [template, item] of Object.entries<Json>(spec.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase()];
    if (pattern.test(path) && operation) return { template, operation };
  }
  throw new Error(`the spec has no operation for ${method} ${path}`);
}

function resolve(node: Json): Json {
  if (typeof node.$ref !== 'string') return node;
  return node.$ref
    .slice(2)
    .split('/')
    .reduce((at: Json, token: string) => at[token.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
}

function schemaNameOf(content: Json | undefined): string | undefined {
  const ref = content?.['application/json']?.schema?.$ref;
  return typeof ref === 'string' ? ref.split('/').at(-1) : undefined;
}

/** Where the request body disagrees with the operation's request schema, as readable lines. */
function requestViolations(exchange: Exchange): string[] {
  const { template, operation } = operationOf(exchange.method, exchange.url);
  const where = `${exchange.method} ${template}`;
  const requestSchema = schemaNameOf(operation.requestBody?.content);
  if (!requestSchema) return exchange.requestBody === undefined ? [] : [`${where}: sent a body the operation does not take`];
  const validate = schemaValidator(requestSchema);
  return validate(JSON.parse(exchange.requestBody ?? 'null')) ? [] : [`${where}: request body: ${JSON.stringify(validate.errors)}`];
}

/** Where the answer disagrees with the operation's declared responses, as readable lines. */
function responseViolations(exchange: Exchange): string[] {
  const { template, operation } = operationOf(exchange.method, exchange.url);
  const where = `${exchange.method} ${template} → ${exchange.status}`;
  const declared = operation.responses[String(exchange.status)];
  if (!declared) return [`${where}: status not declared by the spec`];
  const responseSchema = schemaNameOf(resolve(declared).content);
  if (!responseSchema) return exchange.responseBody === '' ? [] : [`${where}: the spec declares no body, got ${exchange.responseBody}`];
  const validate = schemaValidator(responseSchema);
  return validate(JSON.parse(exchange.responseBody)) ? [] : [`${where}: response body: ${JSON.stringify(validate.errors)}`];
}

async function settle(promise: Promise<unknown>): Promise<void> {
  await promise.catch(() => undefined);
}

describe('contract with the bundled spec', () => {
  it('holds for every request and response of a scripted session', async () => {
    const client = clientFor(server);
    const unknownId = '00000000-0000-4000-8000-000000000000';

    const webhook = await client.sipEndpoints.create({
      username: 'alice',
      password: 'correct-horse-battery-staple',
      caller_id: 'Alice',
      codecs: ['OPUS', 'PCMU'],
      ciphers: ['AEAD_AES_256_GCM_8'],
      encryption: 'optional',
      call_handler: 'laml_webhooks',
      call_request_url: 'https://example.org/laml',
      call_request_method: 'GET',
    });
    const bare = await client.sipEndpoints.create({ username: 'bob', password: 'hunter2-but-longer' });
    for (const [i, handler] of (['relay_connector', 'relay_topic', 'call_flow'] as const).entries()) {
      const fields = handler === 'relay_topic' ? { call_relay_topic: 'office' } : handler === 'call_flow' ? { call_flow_id: unknownId, call_flow_version: 'working_copy' as const } : {};
      await client.sipEndpoints.create({ username: `user${i}`, password: 'secret-pass', call_handler: handler, ...fields } as never);
    }
    await client.sipEndpoints.retrieve(webhook.id);
    await client.sipEndpoints.update(bare.id, { call_handler: 'ai_agent', call_ai_agent_id: unknownId });
    await client.sipEndpoints.update(webhook.id, { caller_id: 'Front Desk' });
    for await (const page of client.sipEndpoints.list({ page_size: 2 }).pages()) expect(page.data.length).toBeGreaterThan(0);
    await client.sipEndpoints.list({ filter_username: 'user', filter_caller_id: 'nobody' }).firstPage();
    await client.sipEndpoints.delete(bare.id);

    // The errors: 404, 422 (taken username, a valid body), 401, 429 and 500.
    await settle(client.sipEndpoints.retrieve(bare.id));
    await settle(client.sipEndpoints.update(unknownId, { caller_id: 'x' }));
    await settle(client.sipEndpoints.delete(unknownId));
    await settle(client.sipEndpoints.create({ username: 'alice', password: 'another-password' }));
    await settle(client.sipEndpoints.update(webhook.id, { username: 'user0' }));
    await settle(clientFor(server, 'wrong-token').sipEndpoints.list().firstPage());
    server.faults.rateLimitNext(3, 0);
    await settle(client.sipEndpoints.retrieve(webhook.id));
    server.faults.failNext(1);
    await settle(client.sipEndpoints.create({ username: 'carol', password: 'secret-pass' }));
    server.faults.failNext(1);
    await client.sipEndpoints.delete(webhook.id);

    const statuses = new Set(exchanges.map((e) => e.status));
    expect([...statuses].sort()).toEqual([200, 204, 401, 404, 422, 429, 500]);
    expect(exchanges.flatMap(requestViolations)).toEqual([]);
    expect(exchanges.flatMap(responseViolations)).toEqual([]);
  });

  it('holds for the answers to requests the client would not send', async () => {
    const raw = (init: RequestInit & { path?: string }) =>
      fetch(`${server.apiUrl}${init.path ?? '/endpoints/sip'}`, {
        ...init,
        headers: {
          authorization: `Basic ${Buffer.from(`${server.credentials.projectId}:${server.credentials.apiToken}`).toString('base64')}`,
          'content-type': 'application/json',
        },
      });
    const cases = [
      { method: 'POST', body: '{"username":' },
      { method: 'POST', body: JSON.stringify({ username: 'x', password: 'y'.repeat(5000) }) },
      { method: 'POST', body: JSON.stringify({ username: 'bad name', call_handler: 'dialogflow', extra: 1 }) },
      { method: 'GET', path: '/endpoints/sip?page_size=5000&page_number=-1' },
      { method: 'GET', path: '/endpoints/sip?page_number=2' },
      { method: 'GET', path: '/endpoints/sip/not-a-uuid' },
      { method: 'DELETE', path: '/endpoints/sip/not-a-uuid' },
    ];
    const answers: Exchange[] = [];
    for (const { path, ...init } of cases) {
      const response = await raw({ ...init, ...(path && { path }) });
      answers.push({ method: init.method, url: `${server.apiUrl}${path ?? '/endpoints/sip'}`, requestBody: undefined, status: response.status, responseBody: await response.text() });
    }
    expect(answers.map((a) => a.status)).toEqual([400, 413, 422, 422, 422, 404, 404]);
    // Only the answers are checked here: these requests break the spec on purpose.
    expect(answers.flatMap(responseViolations)).toEqual([]);
  });
});
