/**
 * Compile-time checks, enforced by `npm run typecheck` (tsc includes test/): the generated
 * resource methods are typed from the spec, so parameters, bodies and results are the spec's
 * types, and the handler rules hold at compile time. `expectTypeOf` fails tsc when a type
 * differs; each `@ts-expect-error` fails tsc when the line it marks compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CreateSipEndpointRequest,
  PaginatedList,
  RequestOptions,
  SipEndpoint,
  SipEndpointListResponse,
  SipEndpointsClient,
  UpdateSipEndpointRequest,
  operations,
} from '@sip-endpoints/client';

type Resource = SipEndpointsClient['sipEndpoints'];
type ListQuery = NonNullable<operations['list_sip_endpoints']['parameters']['query']>;

describe('client types', () => {
  it('types retrieve, create, update and delete from the spec', () => {
    expectTypeOf<Resource['retrieve']>().parameters.toEqualTypeOf<[id: string, options?: RequestOptions]>();
    expectTypeOf<Resource['retrieve']>().returns.toEqualTypeOf<Promise<SipEndpoint>>();
    expectTypeOf<Resource['create']>().parameters.toEqualTypeOf<[body: CreateSipEndpointRequest, options?: RequestOptions]>();
    expectTypeOf<Resource['create']>().returns.toEqualTypeOf<Promise<SipEndpoint>>();
    expectTypeOf<Resource['update']>().parameters.toEqualTypeOf<[id: string, body: UpdateSipEndpointRequest, options?: RequestOptions]>();
    expectTypeOf<Resource['update']>().returns.toEqualTypeOf<Promise<SipEndpoint>>();
    expectTypeOf<Resource['delete']>().returns.toEqualTypeOf<Promise<void>>();
  });

  it('types list as pages of the list answer whose items are endpoints', () => {
    expectTypeOf<Resource['list']>().parameters.toEqualTypeOf<[query?: ListQuery, options?: RequestOptions]>();
    expectTypeOf<Resource['list']>().returns.toEqualTypeOf<PaginatedList<SipEndpoint, SipEndpointListResponse>>();
    expectTypeOf<PaginatedList<SipEndpoint, SipEndpointListResponse>>().toMatchTypeOf<AsyncIterable<SipEndpoint>>();
    expectTypeOf<ReturnType<PaginatedList<SipEndpoint, SipEndpointListResponse>['pages']>>().toEqualTypeOf<AsyncGenerator<SipEndpointListResponse, void, undefined>>();
    expectTypeOf<ListQuery['page_size']>().toEqualTypeOf<number | undefined>();
  });
});

// Never called: tsc checks each line below against its mark.
export async function handlerRulesAtCompileTime(client: SipEndpointsClient): Promise<void> {
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
  // @ts-expect-error an id is a string
  await client.sipEndpoints.retrieve(42);
  await client.sipEndpoints.create({ username: 'a', password: 'b', call_handler: 'laml_webhooks', call_request_url: 'https://example.org' });
  await client.sipEndpoints.update('id', { caller_id: 'Front desk' });
}
