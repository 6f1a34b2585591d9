/**
 * A stored endpoint as the API returns it: every field of the `SipEndpoint` schema present
 * (the list comes from the generated routes), null when unset, plus `type: 'sip_endpoint'`.
 * The password is not a field of the schema, so it can never be returned.
 */
import { CipherValues, CodecValues } from '@sip-endpoints/types';
import { sipEndpointFields } from './generated/routes.ts';
import type { EndpointRecord } from './store.ts';

/** The kind of object, which the current API sends with every endpoint. */
const OBJECT_TYPE = 'sip_endpoint';

/**
 * What the mock project's SIP settings give an endpoint for the fields that are never null
 * when it does not set them (the real API takes them from the project, which the spec leaves
 * open). An empty array sent for one of these goes back to the setting, as the spec says.
 */
const PROJECT_SIP_SETTINGS: Readonly<Record<string, unknown>> = {
  send_as: 'random',
  ciphers: [...CipherValues],
  codecs: [...CodecValues],
  encryption: 'default',
};

/** Fields whose value does not come from what was sent. */
const SERVER_FIELDS = new Set(['type', 'id']);

// A new non-nullable field in the spec needs a value here; say so at start-up, not in a response.
const withoutValue = sipEndpointFields.filter(
  (f) => !f.nullable && !(f.name in PROJECT_SIP_SETTINGS) && !SERVER_FIELDS.has(f.name) && f.name !== 'username',
);
if (withoutValue.length > 0) {
  throw new Error(`mock-server: no value for the non-nullable SipEndpoint fields ${withoutValue.map((f) => f.name).join(', ')}`);
}

function sentValue(record: EndpointRecord, name: string): unknown {
  const value = record.fields[name];
  const backToSetting = Array.isArray(value) && value.length === 0 && name in PROJECT_SIP_SETTINGS;
  return backToSetting ? undefined : value;
}

export function representation(record: EndpointRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { name } of sipEndpointFields) {
    if (name === 'type') body[name] = OBJECT_TYPE;
    else if (name === 'id') body[name] = record.id;
    else body[name] = sentValue(record, name) ?? PROJECT_SIP_SETTINGS[name] ?? null;
  }
  return body;
}
