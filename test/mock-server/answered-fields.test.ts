/**
 * The SIP endpoint object the mock answers has exactly the fields of the current API's
 * definition, all present, null when unset: an oracle written from the definition, not read
 * from the spec. Fields a request may send but the API does not return never come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { call } from './support.ts';

const API_FIELDS = [
  'type', 'id', 'username', 'caller_id', 'send_as', 'ciphers', 'codecs', 'encryption', 'call_handler',
  'calling_handler_resource_id', 'call_request_url', 'call_request_method', 'call_fallback_url',
  'call_fallback_method', 'call_status_callback_url', 'call_status_callback_method',
  'call_laml_application_id', 'call_dialogflow_agent_id', 'call_relay_topic',
  'call_relay_topic_status_callback_url', 'call_relay_context', 'call_relay_context_status_callback_url',
  'call_relay_application', 'call_video_room_id', 'call_relay_script_url',
].sort();

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());

const UUID = '00000000-0000-4000-8000-000000000000';

describe('the answered SIP endpoint', () => {
  it('has exactly the 25 fields of the API in every answer, whatever was sent', async () => {
    const created = await call(server, 'POST', '/endpoints/sip', {
      json: { username: 'flow', password: 'secret-pass', call_handler: 'call_flow', call_flow_id: UUID, call_flow_version: 'working_copy' },
    });
    expect(created.status).toBe(200);
    const updated = await call(server, 'PUT', `/endpoints/sip/${created.body.id}`, { json: { call_handler: 'ai_agent', call_ai_agent_id: UUID, password: 'new-pass' } });
    const retrieved = await call(server, 'GET', `/endpoints/sip/${created.body.id}`);
    const listed = await call(server, 'GET', '/endpoints/sip');
    expect(Object.keys(listed.body).sort()).toEqual(['data', 'links']);
    for (const endpoint of [created.body, updated.body, retrieved.body, listed.body.data[0]]) {
      expect(Object.keys(endpoint).sort()).toEqual(API_FIELDS);
      expect(JSON.stringify(endpoint)).not.toMatch(/secret-pass|new-pass|working_copy/);
    }
    expect(retrieved.body).toMatchObject({ type: 'sip_endpoint', call_handler: 'ai_agent', caller_id: null, calling_handler_resource_id: null });
  });
});
