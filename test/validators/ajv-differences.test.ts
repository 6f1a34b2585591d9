/**
 * The places where our verdict differs from Ajv's on purpose, each pinned so that a change is
 * seen (and documented in packages/validators/README.md, "Where the verdict differs from Ajv").
 * All of them need a value no JSON body can be, or a spec property named after a property of
 * `Object.prototype`.
 */
import { describe, expect, it } from 'vitest';
import { SipEndpoint } from '@sip-endpoints/validators';
import { compileSpecSchemas } from '../support/ajv.ts';
import { readBundledSpec } from '../support/repo.ts';
import { loadValidators } from './support/load-generated.ts';

const CREDENTIALS = { username: 'alice', password: 'secret' };

describe('a value whose keys cannot be listed', () => {
  it('is unreadable for us, where Ajv, reading only the fields of a lenient schema by name, says valid', async () => {
    const spec = await readBundledSpec();
    const ajv = compileSpecSchemas(spec)('SipEndpoint');
    const endpoint = {
      id: '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90', username: 'alice', caller_id: null, send_as: '+15551234567', ciphers: [], codecs: [],
      encryption: 'default', call_handler: null, call_request_url: null, call_request_method: null, call_fallback_url: null,
      call_fallback_method: null, call_status_callback_url: null, call_status_callback_method: null, call_laml_application_id: null,
      call_relay_topic: null, call_relay_topic_status_callback_url: null, call_relay_context: null,
      call_relay_context_status_callback_url: null, call_relay_script_url: null, call_video_room_id: null,
    };
    expect(ajv(endpoint)).toBe(true);
    for (const trap of ['ownKeys', 'getOwnPropertyDescriptor'] as const) {
      const hostile = new Proxy(endpoint, {
        [trap]: () => {
          throw new Error('no');
        },
      });
      expect(ajv(hostile), trap).toBe(true);
      expect(SipEndpoint['~standard'].validate(hostile).issues?.map((i) => i.code), trap).toEqual(['unreadable']);
      // Nor could such a value be sent: JSON.stringify lists keys the same way.
      expect(() => JSON.stringify(hostile), trap).toThrow();
    }
  });
});

describe('spec properties named after properties of Object.prototype', () => {
  async function withProperty(name: string) {
    const spec = await readBundledSpec();
    Object.defineProperty(spec.components.schemas.SipEndpointFields.properties, name, { value: { type: 'string' }, enumerable: true, writable: true, configurable: true });
    const { module } = await loadValidators(spec);
    return { ours: module.CreateSipEndpointRequest['~standard'], ajv: compileSpecSchemas(spec)('CreateSipEndpointRequest') };
  }

  it('__proto__: a JSON body that sets it is valid for us, not for Ajv', async () => {
    const { ours, ajv } = await withProperty('__proto__');
    const body = JSON.parse('{"username":"alice","password":"secret","__proto__":"ok"}');
    expect(ours.validate(body).issues).toBeUndefined();
    expect(ajv(body)).toBe(false);
    expect(ours.validate(JSON.parse('{"username":"alice","password":"secret","__proto__":5}')).issues?.map((i: { code: string }) => i.code)).toEqual(['invalid_type']);
  });

  it('constructor: a body without it is valid for us; Ajv reads the inherited Object.prototype.constructor and rejects it', async () => {
    const { ours, ajv } = await withProperty('constructor');
    expect(ours.validate({ ...CREDENTIALS }).issues).toBeUndefined();
    expect(ajv({ ...CREDENTIALS })).toBe(false);
    expect(ours.validate({ ...CREDENTIALS, constructor: 'x' }).issues).toBeUndefined();
  });
});
