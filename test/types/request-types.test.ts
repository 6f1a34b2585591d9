/**
 * The handler rules at compile time. This file is type-checked by `tsc` (npm test runs it
 * after vitest): every `@ts-expect-error` below must meet an error, or tsc fails.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CallHandler,
  CreateSipEndpointRequest,
  SipEndpoint,
  SipEndpointListResponse,
  UpdateSipEndpointRequest,
  paths,
} from '@sip-endpoints/types';

const credentials = { username: 'alice', password: 'secret' } as const;

describe('CreateSipEndpointRequest', () => {
  it('accepts credentials alone, and handlers with their fields', () => {
    expectTypeOf({ ...credentials }).toExtend<CreateSipEndpointRequest>();
    expectTypeOf({ ...credentials, call_handler: 'relay_connector' as const }).toExtend<CreateSipEndpointRequest>();
    expectTypeOf({ ...credentials, call_handler: 'laml_webhooks' as const, call_request_url: 'https://x.test/' }).toExtend<CreateSipEndpointRequest>();
    expectTypeOf({ ...credentials, call_handler: 'relay_topic' as const, call_relay_application: 'office' }).toExtend<CreateSipEndpointRequest>();
    expectTypeOf({ ...credentials, call_handler: 'relay_topic' as const, call_relay_topic: 'office' }).toExtend<CreateSipEndpointRequest>();
  });

  it('rejects a handler without its field, an unknown handler, and missing credentials', () => {
    // @ts-expect-error laml_webhooks needs call_request_url
    const noUrl: CreateSipEndpointRequest = { ...credentials, call_handler: 'laml_webhooks' };
    // @ts-expect-error relay_context needs call_relay_context or call_relay_application
    const noContext: CreateSipEndpointRequest = { ...credentials, call_handler: 'relay_context', call_relay_topic: 'x' };
    // @ts-expect-error ai_agent needs call_ai_agent_id
    const noAgent: CreateSipEndpointRequest = { ...credentials, call_handler: 'ai_agent' };
    // @ts-expect-error "sip_trunk" is not a call_handler
    const unknownHandler: CreateSipEndpointRequest = { ...credentials, call_handler: 'sip_trunk' };
    // @ts-expect-error password is required on create
    const noPassword: CreateSipEndpointRequest = { username: 'alice' };
    expectTypeOf([noUrl, noContext, noAgent, unknownHandler, noPassword]).toBeArray();
  });

  it('has no response-only fields', () => {
    // @ts-expect-error id is assigned by the API
    const withId: CreateSipEndpointRequest = { ...credentials, id: '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90' };
    // @ts-expect-error type is response-only
    const withType: CreateSipEndpointRequest = { ...credentials, type: 'sip_endpoint' };
    expectTypeOf([withId, withType]).toBeArray();
    expectTypeOf<CreateSipEndpointRequest>().not.toHaveProperty('id');
  });

  it('narrows on call_handler', () => {
    const body = { ...credentials, call_handler: 'video_room', call_video_room_id: 'r' } as CreateSipEndpointRequest;
    if (body.call_handler === 'video_room') expectTypeOf(body.call_video_room_id).toEqualTypeOf<string>();
  });
});

describe('UpdateSipEndpointRequest', () => {
  it('is partial, but a handler brings its field', () => {
    expectTypeOf({}).toExtend<UpdateSipEndpointRequest>();
    expectTypeOf({ caller_id: 'Reception' }).toExtend<UpdateSipEndpointRequest>();
    expectTypeOf({ call_handler: 'call_flow' as const, call_flow_id: 'f' }).toExtend<UpdateSipEndpointRequest>();
    // @ts-expect-error call_flow needs call_flow_id
    const noFlow: UpdateSipEndpointRequest = { call_handler: 'call_flow', call_flow_version: 'working_copy' };
    expectTypeOf(noFlow).not.toBeAny();
  });
});

describe('SipEndpoint (response)', () => {
  it('never has a password, and reads values leniently', () => {
    expectTypeOf<SipEndpoint>().not.toHaveProperty('password');
    expectTypeOf<SipEndpoint['id']>().toEqualTypeOf<string>();
    // Known handlers autocomplete; an unknown one from a newer server still type-checks.
    expectTypeOf<'sip_trunk'>().toExtend<SipEndpoint['call_handler']>();
    expectTypeOf<CallHandler>().toExtend<SipEndpoint['call_handler']>();
    expectTypeOf<null>().toExtend<SipEndpoint['call_handler']>();
    expectTypeOf<SipEndpointListResponse['data']>().toEqualTypeOf<SipEndpoint[]>();
  });
});

describe('openapi-typescript paths', () => {
  it('use the handler-aware request types, so the raw openapi-fetch client enforces them too', () => {
    type CreateBody = paths['/endpoints/sip']['post']['requestBody']['content']['application/json'];
    expectTypeOf<CreateBody>().toEqualTypeOf<CreateSipEndpointRequest>();
    type UpdateBody = paths['/endpoints/sip/{id}']['put']['requestBody']['content']['application/json'];
    expectTypeOf<UpdateBody>().toEqualTypeOf<UpdateSipEndpointRequest>();
  });
});
