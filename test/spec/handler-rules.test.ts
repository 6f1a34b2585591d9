/**
 * The spec's handler rules, checked by a stock validator: Ajv 2020 compiled from
 * generated/openapi.json. The expectations below are the handler rules, written out
 * independently of the spec, so a wrong or missing rule in the spec fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { compileSpecSchemas } from '../support/ajv.ts';
import { readBundledSpec } from '../support/repo.ts';

const UUID = '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90';
const URL = 'https://example.org/hook';

/** For each handler: the alternatives that satisfy it, each a complete set of fields. */
const EXPECTED_RULES: Record<string, Record<string, string>[]> = {
  laml_webhooks: [{ call_request_url: URL }],
  laml_application: [{ call_laml_application_id: 'app-1' }],
  dialogflow: [{ call_dialogflow_agent_id: 'agent-1' }],
  relay_topic: [{ call_relay_topic: 'office' }, { call_relay_application: 'office' }],
  relay_context: [{ call_relay_context: 'office' }, { call_relay_application: 'office' }],
  relay_application: [{ call_relay_application: 'office' }],
  relay_script: [{ call_relay_script_url: URL }],
  video_room: [{ call_video_room_id: UUID }],
  call_flow: [{ call_flow_id: UUID }],
  ai_agent: [{ call_ai_agent_id: UUID }],
  relay_connector: [{}],
};

const CREDENTIALS = { username: 'alice', password: 'secret' };

let schema: (name: string) => ValidateFunction;
beforeAll(async () => {
  schema = compileSpecSchemas(await readBundledSpec());
});

function verdict(name: string, body: unknown): boolean {
  return schema(name)(body) === true;
}

describe('the spec lists exactly the 11 handlers', () => {
  it('CallHandler enum', async () => {
    const spec = await readBundledSpec();
    expect([...spec.components.schemas.CallHandler.enum].sort()).toEqual(Object.keys(EXPECTED_RULES).sort());
  });
});

describe.each([
  ['CreateSipEndpointRequest', CREDENTIALS],
  ['UpdateSipEndpointRequest', {}],
] as const)('%s', (schemaName, base) => {
  describe.each(Object.entries(EXPECTED_RULES))('call_handler %s', (handler, alternatives) => {
    it.each(alternatives.map((fields, i) => [i, fields] as const))('accepts alternative %i', (_i, fields) => {
      expect(verdict(schemaName, { ...base, call_handler: handler, ...fields })).toBe(true);
    });

    const requiredFields = [...new Set(alternatives.flatMap((a) => Object.keys(a)))];
    if (requiredFields.length > 0) {
      it('rejects the body without its required field', () => {
        const validate = schema(schemaName);
        expect(validate({ ...base, call_handler: handler })).toBe(false);
        const missing = validate.errors?.filter((e) => e.keyword === 'required').map((e) => e.params.missingProperty);
        expect(missing?.some((name: string) => requiredFields.includes(name))).toBe(true);
      });
    }

    it('accepts fields of other handlers beside its own (the API ignores them)', () => {
      const foreign = handler === 'ai_agent' ? { call_flow_id: UUID } : { call_ai_agent_id: UUID };
      expect(verdict(schemaName, { ...base, call_handler: handler, ...alternatives[0], ...foreign })).toBe(true);
    });
  });

  it('requires no handler field when call_handler is absent', () => {
    expect(verdict(schemaName, { ...base })).toBe(true);
    expect(verdict(schemaName, { ...base, call_request_url: URL })).toBe(true);
  });

  it('rejects an unknown call_handler', () => {
    expect(verdict(schemaName, { ...base, call_handler: 'sip_trunk' })).toBe(false);
  });

  it('rejects unknown properties (typo protection)', () => {
    expect(verdict(schemaName, { ...base, call_request_ur: URL })).toBe(false);
    expect(verdict(schemaName, { ...base, id: UUID })).toBe(false);
    expect(verdict(schemaName, { ...base, type: 'sip_endpoint' })).toBe(false);
  });

  it('checks formats and enums of fields', () => {
    expect(verdict(schemaName, { ...base, call_request_url: 'not a url' })).toBe(false);
    expect(verdict(schemaName, { ...base, call_video_room_id: 'room-7' })).toBe(false);
    expect(verdict(schemaName, { ...base, codecs: ['OPUS', 'G729'] })).toBe(true);
    // Like the API definition, any codec or cipher string is accepted; the listed ones are the known values.
    expect(verdict(schemaName, { ...base, codecs: ['OPUS@48000h'] })).toBe(true);
    expect(verdict(schemaName, { ...base, codecs: ['OPUS', 711] })).toBe(false);
    expect(verdict(schemaName, { ...base, ciphers: ['AES_CM_128_HMAC_SHA1_80'] })).toBe(true);
    expect(verdict(schemaName, { ...base, encryption: 'always' })).toBe(false);
    expect(verdict(schemaName, { ...base, call_request_method: 'PATCH' })).toBe(false);
    expect(verdict(schemaName, { ...base, call_flow_version: 'current_deployed' })).toBe(true);
  });

  it('rejects a username with whitespace or @', () => {
    for (const username of ['al ice', 'alice@example', 'tab\there', '']) {
      expect(verdict(schemaName, { ...base, username })).toBe(false);
    }
  });
});

describe('CreateSipEndpointRequest', () => {
  it('requires username and password', () => {
    expect(verdict('CreateSipEndpointRequest', { username: 'alice' })).toBe(false);
    expect(verdict('CreateSipEndpointRequest', { password: 'secret' })).toBe(false);
  });
});

describe('UpdateSipEndpointRequest', () => {
  it('accepts an empty body and single fields (partial update)', () => {
    expect(verdict('UpdateSipEndpointRequest', {})).toBe(true);
    expect(verdict('UpdateSipEndpointRequest', { caller_id: 'Reception' })).toBe(true);
  });
});
