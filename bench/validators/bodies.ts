/**
 * The request bodies of the benchmark. For the SIP create body: a valid one, one with 1 error
 * (a handler rule) and one with 3 errors (pattern, enum, handler rule with an alias). For the
 * wide schemas (the create body with many more fields, see `wide-schema.ts`): a valid body
 * with 26 keys on the 100-field schema and one with 6 keys on the 1,000-extra-field schema.
 * Every case checks each library's verdict before timing.
 */
export const SIP_BODIES = {
  valid: {
    username: 'alice',
    password: 'correct-horse-battery-staple',
    caller_id: 'Front Desk',
    send_as: '+15551234567',
    ciphers: ['AEAD_AES_256_GCM_8', 'AES_CM_128_HMAC_SHA1_80'],
    codecs: ['OPUS', 'G722', 'PCMU'],
    encryption: 'optional',
    call_handler: 'laml_webhooks',
    call_request_url: 'https://example.org/laml/answer',
    call_request_method: 'POST',
    call_status_callback_url: 'https://example.org/laml/status',
  },
  invalid1: {
    username: 'alice',
    password: 'correct-horse-battery-staple',
    codecs: ['OPUS', 'PCMU'],
    encryption: 'default',
    call_handler: 'laml_application',
  },
  invalid3: {
    username: 'alice@example',
    password: 'correct-horse-battery-staple',
    codecs: ['OPUS', 'PCMU'],
    encryption: 'always',
    call_handler: 'relay_topic',
  },
} as const;

/** The value of extra field `i` of the wide schemas (see `wideField` in wide-schema.ts). */
export function wideValue(i: number): unknown {
  return i % 3 === 0 ? `value ${i}` : i % 3 === 1 ? i : i % 2 === 0;
}

/** The name of extra field `i` of the wide schemas. */
export function wideName(i: number): string {
  return `extra_field_${String(i).padStart(4, '0')}`;
}

function withExtras(base: Record<string, unknown>, count: number, stride: number): Record<string, unknown> {
  const body = { ...base };
  for (let n = 0; n < count; n++) body[wideName(n * stride)] = wideValue(n * stride);
  return body;
}

export const WIDE_BODIES = {
  /** 26 keys on the 100-field schema: the 11 of the valid SIP body and 15 extra fields. */
  'valid (26 keys of 100 fields)': withExtras(SIP_BODIES.valid, 15, 4),
  /** 6 keys on the schema with 1,000 extra fields. */
  'valid (6 keys of 1,026 fields)': withExtras({ username: 'alice', password: 'x', call_handler: 'laml_webhooks', call_request_url: 'https://example.org/a' }, 2, 397),
} as const;

export type BodyName = keyof typeof SIP_BODIES | keyof typeof WIDE_BODIES;
export const BODIES: Record<BodyName, Record<string, unknown>> = { ...SIP_BODIES, ...WIDE_BODIES };
/** How many issues a validator that collects every problem must find in each body. */
export const EXPECTED_ISSUES: Record<BodyName, number> = { valid: 0, invalid1: 1, invalid3: 3, 'valid (26 keys of 100 fields)': 0, 'valid (6 keys of 1,026 fields)': 0 };
