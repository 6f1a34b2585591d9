/**
 * The public API the client and mock server build on: Standard Schema v1 objects (checked
 * against the official `@standard-schema/spec` types and by a generic consumer), the types of
 * the same names, and isX / assertX narrowing. Type-level checks use `expectTypeOf`, which
 * `tsc -p tsconfig.json` (part of `npm test`) verifies.
 */
import type { StandardSchemaV1 as OfficialStandardSchemaV1 } from '@standard-schema/spec';
import type { CreateSipEndpointRequest as CreateFromTypes, SipEndpoint as SipEndpointFromTypes } from '@sip-endpoints/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  assertSipEndpoint,
  CreateSipEndpointRequest,
  isCreateSipEndpointRequest,
  isSipEndpointListResponse,
  isUpdateSipEndpointRequest,
  SipEndpoint,
  SipEndpointListResponse,
  UpdateSipEndpointRequest,
  type ValidationIssue,
} from '@sip-endpoints/validators';

/** The 5-line generic helper of the README: works with any Standard Schema library. */
function parse<S extends OfficialStandardSchemaV1>(schema: S, value: unknown): OfficialStandardSchemaV1.InferOutput<S> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('async schema');
  if (result.issues) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.value;
}

const VALID_ENDPOINT = {
  id: '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90',
  username: 'alice',
  caller_id: null,
  send_as: 'random',
  ciphers: [],
  codecs: ['OPUS', 'AV1-from-the-future'],
  encryption: 'optional',
  call_handler: 'new_handler_from_a_newer_server',
  call_request_url: null,
  call_request_method: null,
  call_fallback_url: null,
  call_fallback_method: null,
  call_status_callback_url: null,
  call_status_callback_method: null,
  call_laml_application_id: null,
  call_relay_topic: null,
  call_relay_topic_status_callback_url: null,
  call_relay_context: null,
  call_relay_context_status_callback_url: null,
  call_video_room_id: '',
  call_relay_script_url: null,
  a_field_added_later: { anything: true },
};

describe('Standard Schema v1', () => {
  it.each([
    ['CreateSipEndpointRequest', CreateSipEndpointRequest],
    ['UpdateSipEndpointRequest', UpdateSipEndpointRequest],
    ['SipEndpoint', SipEndpoint],
    ['SipEndpointListResponse', SipEndpointListResponse],
  ] as const)('%s has version 1, vendor sip-endpoints, and a synchronous validate', (name, schema) => {
    expect(schema['~standard'].version).toBe(1);
    expect(schema['~standard'].vendor).toBe('sip-endpoints');
    expect(schema.name).toBe(name);
    const result = schema['~standard'].validate(42);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result.issues?.[0]).toMatchObject({ code: 'invalid_type', path: [], message: 'value must be an object, got an integer' });
  });

  it('returns the same value (not a copy) on success', () => {
    const body = { username: 'alice', password: 'x' };
    const result = CreateSipEndpointRequest['~standard'].validate(body);
    expect(result.issues).toBeUndefined();
    expect(result).toEqual({ value: body });
    expect('value' in result && result.value).toBe(body);
  });

  it('works with a generic Standard Schema consumer', () => {
    expect(parse(SipEndpoint, VALID_ENDPOINT).username).toBe('alice');
    expect(() => parse(CreateSipEndpointRequest, { username: 'alice', password: 'x', call_handler: 'dialogflow' })).toThrow(
      "call_dialogflow_agent_id is required when call_handler is 'dialogflow'",
    );
  });

  it('responses are lenient: unknown fields and enum values from a newer server pass', () => {
    expect(SipEndpoint['~standard'].validate(VALID_ENDPOINT).issues).toBeUndefined();
    expect(isSipEndpointListResponse({ links: { self: '/a', first: '/a' }, data: [VALID_ENDPOINT], extra: 1 })).toBe(true);
  });

  it('requests are strict: unknown fields and unknown enum values fail', () => {
    expect(isUpdateSipEndpointRequest({ new_field: 1 })).toBe(false);
    expect(isUpdateSipEndpointRequest({ encryption: 'always-from-the-future' })).toBe(false);
    expect(isUpdateSipEndpointRequest({})).toBe(true);
  });
});

describe('types', () => {
  it('are the types of @sip-endpoints/types, under the same names as the schemas', () => {
    expectTypeOf<CreateSipEndpointRequest>().toEqualTypeOf<CreateFromTypes>();
    expectTypeOf<SipEndpoint>().toEqualTypeOf<SipEndpointFromTypes>();
    expectTypeOf<OfficialStandardSchemaV1.InferOutput<typeof CreateSipEndpointRequest>>().toEqualTypeOf<CreateFromTypes>();
    expectTypeOf(CreateSipEndpointRequest).toExtend<OfficialStandardSchemaV1<CreateFromTypes>>();
  });

  it('narrow with isX and assertX', () => {
    const value: unknown = { username: 'alice', password: 'x', call_handler: 'laml_webhooks', call_request_url: 'https://example.org' };
    if (isCreateSipEndpointRequest(value)) {
      expectTypeOf(value).toEqualTypeOf<CreateSipEndpointRequest>();
      if (value.call_handler === 'laml_webhooks') expectTypeOf(value.call_request_url).toEqualTypeOf<string>();
    } else {
      expect.unreachable();
    }
    const endpoint: unknown = VALID_ENDPOINT;
    assertSipEndpoint(endpoint);
    expectTypeOf(endpoint).toEqualTypeOf<SipEndpoint>();
  });

  it('give validate a typed result with our issues', () => {
    const result = UpdateSipEndpointRequest['~standard'].validate({});
    expectTypeOf(result.issues).toEqualTypeOf<readonly ValidationIssue[] | undefined>();
    if (result.issues === undefined) expectTypeOf(result.value).toEqualTypeOf<UpdateSipEndpointRequest>();
  });
});
