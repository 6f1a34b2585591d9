/**
 * Values that are not plain JSON: class instances with getters, non-enumerable properties,
 * getters that throw. The generated checks walk the keys with `for...in` and read required
 * fields and the fields of the handler rules by name (see `writeFieldGroup` in
 * scripts/emit/validators.ts). These tests pin down where that agrees with Ajv and the one
 * documented place where it does not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle, verdicts } from './support/oracle.ts';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

const CREDENTIALS = { username: 'alice', password: 'secret' };

function withHidden<T extends object>(body: T, key: string, value: unknown): T {
  return Object.defineProperty(body, key, { value, enumerable: false, configurable: true });
}

describe('objects that are not plain JSON', () => {
  it('applies a handler rule whose handler comes from a getter on a class prototype, as Ajv does', () => {
    class Body {
      username = 'alice';
      password = 'secret';
      get call_handler(): string {
        return 'laml_webhooks';
      }
    }
    const result = verdicts(oracle, 'CreateSipEndpointRequest', new Body());
    expect(result.ajv).toBe(false);
    expect(result.ours).toBe(false);
    expect(result.issues?.map((i) => i.code)).toEqual(['required_for_handler']);
  });

  it("counts a handler's field that is there but not enumerable, as Ajv does", () => {
    const body = withHidden({ ...CREDENTIALS, call_handler: 'laml_webhooks' }, 'call_request_url', 'https://example.com/hook');
    expect(verdicts(oracle, 'CreateSipEndpointRequest', body)).toMatchObject({ ours: true, ajv: true });
  });

  it('counts a required field that is there but not enumerable, as Ajv does', () => {
    const body = withHidden({ password: 'secret' }, 'username', 'alice');
    expect(verdicts(oracle, 'CreateSipEndpointRequest', body)).toMatchObject({ ours: true, ajv: true });
  });

  it('never reads the value of a key the schema does not define, so a throwing getter there is harmless', () => {
    const base = {
      id: '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90', username: 'alice', caller_id: null, send_as: '+15551234567', ciphers: [], codecs: [],
      encryption: 'default', call_handler: null, call_request_url: null, call_request_method: null, call_fallback_url: null,
      call_fallback_method: null, call_status_callback_url: null, call_status_callback_method: null, call_laml_application_id: null,
      call_relay_topic: null, call_relay_topic_status_callback_url: null, call_relay_context: null,
      call_relay_context_status_callback_url: null, call_relay_script_url: null, call_video_room_id: null,
    };
    expect(verdicts(oracle, 'SipEndpoint', base)).toMatchObject({ ours: true, ajv: true });
    const body = Object.defineProperty({ ...base }, 'added_by_a_newer_server', {
      enumerable: true,
      get: () => {
        throw new Error('read');
      },
    });
    expect(verdicts(oracle, 'SipEndpoint', body)).toMatchObject({ ours: true, ajv: true });
  });

  it('does not type-check a value that is not enumerable (documented: JSON.stringify would not send it); Ajv does', () => {
    const body = withHidden({ password: 'secret', username: 'alice' }, 'caller_id', 5);
    expect(verdicts(oracle, 'CreateSipEndpointRequest', body)).toMatchObject({ ours: true, ajv: false });
    expect(JSON.parse(JSON.stringify(body))).not.toHaveProperty('caller_id');
  });
});
