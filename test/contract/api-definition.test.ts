/**
 * The mock answers as the current API definition says, checked by an oracle written from the
 * definition's facts (`api-definition-facts.ts`), not from `spec/`: a scripted session over raw
 * HTTP makes every operation answer every status the mock can give it, and each answer is held
 * to the definition: statuses the operation lists, error bodies byte for byte, endpoint objects
 * with exactly the definition's fields.
 *
 * Requests the definition does not describe (no operation has that method and path, or the body
 * cannot be read as JSON at all) and faults a test asks for get the mock's own answers, in the
 * definition's `{"error": …}` shape; which statuses those may be is pinned below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { BASE_PATH, ENDPOINT_FIELDS, ERROR_BODIES, OPERATIONS, VALIDATION_ERROR_KEYS, operationOf, type OperationName } from './api-definition-facts.ts';

/** Why a request is in the script: one the definition describes, or one of the other kinds. */
type Kind = 'described' | 'unreadable-body' | 'no-operation' | 'fault-asked-for';

/**
 * Answers the real API was never seen to send, which the mock gives only to requests outside
 * the definition or when a test asks: each kind may get only these, with exactly these bodies.
 */
const MOCK_ONLY_ANSWERS: Readonly<Record<Exclude<Kind, 'described'>, Readonly<Record<number, string>>>> = {
  'unreadable-body': { 400: ERROR_BODIES[400]!, 413: '{"error":"Payload Too Large"}', 415: '{"error":"Unsupported Media Type"}' },
  'no-operation': { 404: ERROR_BODIES[404]!, 405: '{"error":"Method Not Allowed"}' },
  'fault-asked-for': { 429: '{"error":"Too Many Requests"}' },
};

interface Exchange {
  kind: Kind;
  method: string;
  path: string;
  status: number;
  text: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const MAX_BODY_BYTES = 2048;

let server: MockServer;
const exchanges: Exchange[] = [];

interface Send {
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string | null;
  authorized?: boolean;
}

async function send(kind: Kind, method: string, path: string, { body, contentType = 'application/json', authorized = true }: Send = {}): Promise<Exchange> {
  const headers: Record<string, string> = {};
  if (authorized) headers.authorization = `Basic ${Buffer.from(`${server.credentials.projectId}:${server.credentials.apiToken}`).toString('base64')}`;
  if (body !== undefined && contentType !== null) headers['content-type'] = contentType;
  const response = await fetch(`${server.url}${BASE_PATH}${path}`, { method, headers, ...(body !== undefined && { body: new Blob([body]) }) });
  const exchange = { kind, method, path, status: response.status, text: await response.text() };
  exchanges.push(exchange);
  return exchange;
}

const json = (value: unknown): string => JSON.stringify(value);

/** Every operation, every status the mock can give it, and the requests outside the definition. */
async function runScript(): Promise<void> {
  const created = JSON.parse(
    (await send('described', 'POST', '/endpoints/sip', { body: json({ username: 'alice', password: 'secret-pass', call_handler: 'laml_webhooks', call_request_url: 'https://example.org/in' }) })).text,
  );
  for (const [i, fields] of [
    { call_handler: 'call_flow', call_flow_id: UNKNOWN_ID, call_flow_version: 'working_copy' },
    { call_handler: 'ai_agent', call_ai_agent_id: UNKNOWN_ID },
    { call_handler: 'relay_topic', call_relay_topic: 'office' },
    {},
  ].entries()) {
    await send('described', 'POST', '/endpoints/sip', { body: json({ username: `user${i}`, password: 'secret-pass', ...fields }) });
  }
  // A body sent without Content-Type, as the API's curl examples do, is read as JSON.
  await send('described', 'POST', '/endpoints/sip', { body: json({ username: 'curl', password: 'secret-pass' }), contentType: null });
  await send('described', 'POST', '/endpoints/sip', { body: json({ username: 'alice', password: 'taken-name' }) }); // 422
  await send('described', 'POST', '/endpoints/sip', { body: json({ username: 'bad name', call_handler: 'dialogflow', colour: 'red' }) }); // 422
  await send('described', 'POST', '/endpoints/sip', { body: json({ username: 'nobody', password: 'x' }), authorized: false }); // 401

  await send('described', 'GET', '/endpoints/sip');
  const firstPage = JSON.parse((await send('described', 'GET', '/endpoints/sip?page_size=2')).text);
  await send('described', 'GET', firstPage.links.next.slice(BASE_PATH.length));
  await send('described', 'GET', '/endpoints/sip?filter_username=user&filter_caller_id=nobody');
  await send('described', 'GET', '/endpoints/sip?page_size=0'); // 422
  await send('described', 'GET', '/endpoints/sip?page_number=1'); // 422: no page_token
  await send('described', 'GET', '/endpoints/sip', { authorized: false }); // 401

  await send('described', 'GET', `/endpoints/sip/${created.id}`);
  await send('described', 'GET', `/endpoints/sip/${UNKNOWN_ID}`); // 404
  await send('described', 'GET', '/endpoints/sip/not-a-uuid'); // 404
  await send('described', 'GET', `/endpoints/sip/${created.id}`, { authorized: false }); // 401

  await send('described', 'PUT', `/endpoints/sip/${created.id}`, { body: json({ caller_id: 'Front Desk', call_handler: 'call_flow', call_flow_id: UNKNOWN_ID }) });
  await send('described', 'PUT', `/endpoints/sip/${created.id}`, { body: json({ username: 'user0' }) }); // 422: taken
  await send('described', 'PUT', `/endpoints/sip/${created.id}`, { body: json({ call_handler: 'video_room' }) }); // 422
  await send('described', 'PUT', `/endpoints/sip/${UNKNOWN_ID}`, { body: json({ caller_id: 'x' }) }); // 404
  await send('described', 'PUT', `/endpoints/sip/${created.id}`, { body: json({ caller_id: 'x' }), authorized: false }); // 401

  await send('described', 'DELETE', `/endpoints/sip/${UNKNOWN_ID}`); // 404
  await send('described', 'DELETE', '/endpoints/sip/not-a-uuid'); // 404
  await send('described', 'DELETE', `/endpoints/sip/${created.id}`, { authorized: false }); // 401
  await send('described', 'DELETE', `/endpoints/sip/${created.id}`);

  // The server failing: 500 for every operation.
  const survivor = JSON.parse((await send('described', 'GET', '/endpoints/sip?filter_username=user1')).text).data[0];
  const failing: [string, string, Send][] = [
    ['GET', '/endpoints/sip', {}],
    ['POST', '/endpoints/sip', { body: json({ username: 'carol', password: 'secret-pass' }) }],
    ['GET', `/endpoints/sip/${survivor.id}`, {}],
    ['PUT', `/endpoints/sip/${survivor.id}`, { body: json({ caller_id: 'y' }) }],
    ['DELETE', `/endpoints/sip/${survivor.id}`, {}],
  ];
  for (const [method, path, request] of failing) {
    server.faults.failNext(1);
    await send('described', method, path, request);
  }

  // Bodies no JSON reader could take.
  await send('unreadable-body', 'POST', '/endpoints/sip', { body: '{"username":' });
  await send('unreadable-body', 'POST', '/endpoints/sip', { body: '' });
  await send('unreadable-body', 'PUT', `/endpoints/sip/${survivor.id}`, { body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]) }); // {"é"} in Latin-1
  await send('unreadable-body', 'POST', '/endpoints/sip', { body: 'username=x&password=y', contentType: 'application/x-www-form-urlencoded' });
  await send('unreadable-body', 'PUT', `/endpoints/sip/${survivor.id}`, { body: json({ caller_id: 'x'.repeat(MAX_BODY_BYTES) }) });

  // Requests no operation describes.
  await send('no-operation', 'GET', '/endpoints');
  await send('no-operation', 'PATCH', `/endpoints/sip/${survivor.id}`, { body: '{}' });

  // A rate limit, only because a test asks for one.
  server.faults.rateLimitNext(1, 0);
  await send('fault-asked-for', 'GET', '/endpoints/sip');
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, maxBodyBytes: MAX_BODY_BYTES });
  await runScript();
});
afterAll(() => server.close());

/** The endpoint objects of a success answer: the object itself, or a list's `data`. */
function endpointObjects(exchange: Exchange): Record<string, unknown>[] {
  if (exchange.status !== 200) return [];
  const body = JSON.parse(exchange.text);
  return operationOf(exchange.method, exchange.path) === 'list' ? body.data : [body];
}

/** What is wrong with an error answer's body, or undefined when it is one the definition allows. */
function errorBodyProblem(exchange: Exchange): string | undefined {
  const where = `${exchange.method} ${exchange.path} → ${exchange.status} ${exchange.text}`;
  if (exchange.status === 422) {
    const body = JSON.parse(exchange.text);
    if (Object.keys(body).join() !== 'errors' || !Array.isArray(body.errors) || body.errors.length === 0) return `${where}: not {errors: [...]}`;
    for (const item of body.errors) {
      if (Object.keys(item).sort().join() !== VALIDATION_ERROR_KEYS.join()) return `${where}: an item's keys are not ${VALIDATION_ERROR_KEYS.join(', ')}`;
      if (!Object.values(item).every((value) => typeof value === 'string')) return `${where}: an item has a value that is not a string`;
      if (item.status !== '422') return `${where}: an item's status is not "422"`;
    }
    return undefined;
  }
  const expected = exchange.kind === 'described' ? ERROR_BODIES[exchange.status] : MOCK_ONLY_ANSWERS[exchange.kind][exchange.status];
  return exchange.text === expected ? undefined : `${where}: expected ${expected}`;
}

describe('the mock against the current API definition', () => {
  it('answers every operation only with statuses the operation lists', () => {
    const seen: Partial<Record<OperationName, number[]>> = {};
    for (const exchange of exchanges.filter((e) => e.kind === 'described')) {
      const operation = operationOf(exchange.method, exchange.path);
      expect(operation, `${exchange.method} ${exchange.path}`).toBeDefined();
      expect(OPERATIONS[operation!].statuses, `${exchange.method} ${exchange.path}: ${exchange.text}`).toContain(exchange.status);
      (seen[operation!] ??= []).push(exchange.status);
    }
    // The script reaches every status the mock gives each operation, so none goes unchecked.
    const reached = Object.fromEntries(Object.entries(seen).map(([name, statuses]) => [name, [...new Set(statuses)].sort()]));
    expect(reached).toEqual({
      list: [200, 401, 422, 500],
      create: [200, 401, 422, 500],
      retrieve: [200, 401, 404, 500],
      update: [200, 401, 404, 422, 500],
      delete: [204, 401, 404, 500],
    });
  });

  it('answers requests outside the definition, and faults asked for, only with the statuses pinned for them', () => {
    for (const exchange of exchanges.filter((e) => e.kind !== 'described')) {
      expect(Object.keys(MOCK_ONLY_ANSWERS[exchange.kind as Exclude<Kind, 'described'>]).map(Number), `${exchange.method} ${exchange.path}`).toContain(exchange.status);
    }
    expect(exchanges.filter((e) => e.kind !== 'described').map((e) => e.status)).toEqual([400, 400, 400, 415, 413, 404, 405, 429]);
  });

  it('sends each error body exactly as the definition writes it', () => {
    const problems = exchanges.filter((e) => e.status >= 400).map(errorBodyProblem);
    expect(problems.filter((p) => p !== undefined)).toEqual([]);
  });

  it('answers 204 with no body, and a list with exactly links and data', () => {
    for (const exchange of exchanges) {
      if (exchange.status === 204) expect(exchange.text).toBe('');
      if (exchange.status === 200 && operationOf(exchange.method, exchange.path) === 'list') {
        const body = JSON.parse(exchange.text);
        expect(Object.keys(body).sort()).toEqual(['data', 'links']);
        for (const link of Object.values(body.links)) expect(link).toMatch(new RegExp(`^${BASE_PATH}/endpoints/sip\\?`));
      }
    }
  });

  it('gives every endpoint object each of the definition fields', () => {
    const objects = exchanges.flatMap(endpointObjects);
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) expect(Object.keys(object)).toEqual(expect.arrayContaining([...ENDPOINT_FIELDS]));
  });

  it('gives every endpoint object exactly the definition fields, and no other', () => {
    for (const object of exchanges.flatMap(endpointObjects)) expect(Object.keys(object).sort()).toEqual([...ENDPOINT_FIELDS].sort());
  });
});
