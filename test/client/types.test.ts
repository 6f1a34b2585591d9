/**
 * Compile-time checks, enforced by `tsc -p tsconfig.json` (which includes test/): the client's
 * methods are typed by the generated types, so the handler rules hold at compile time too.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SipEndpoint, SipEndpointsClient } from '@sip-endpoints/client';

// Never called: these lines only have to type-check (or fail to, where marked).
async function typedCalls(client: SipEndpointsClient): Promise<void> {
  // @ts-expect-error laml_webhooks needs call_request_url
  await client.sipEndpoints.create({ username: 'a', password: 'b', call_handler: 'laml_webhooks' });
  // @ts-expect-error password is required on create
  await client.sipEndpoints.create({ username: 'a' });
  // @ts-expect-error unknown call_handler value
  await client.sipEndpoints.update('id', { call_handler: 'not_a_handler' });
  // @ts-expect-error switching to ai_agent needs call_ai_agent_id
  await client.sipEndpoints.update('id', { call_handler: 'ai_agent' });
  // @ts-expect-error page_size is a number
  client.sipEndpoints.list({ page_size: '10' });
  await client.sipEndpoints.create({ username: 'a', password: 'b', call_handler: 'laml_webhooks', call_request_url: 'https://example.org' });
  await client.sipEndpoints.update('id', { caller_id: 'Front desk' });
}

describe('client types', () => {
  it('returns SipEndpoint from the resource methods', () => {
    expectTypeOf<ReturnType<SipEndpointsClient['sipEndpoints']['retrieve']>>().toEqualTypeOf<Promise<SipEndpoint>>();
    expectTypeOf<AsyncIterable<SipEndpoint>>().toMatchTypeOf<AsyncIterable<SipEndpoint>>();
    expect(typeof typedCalls).toBe('function');
  });
});
