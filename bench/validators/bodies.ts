/**
 * The three request bodies of the benchmark (as in /work/shared/reference/validators.md §6):
 * a valid create body, one with 1 error (a handler rule) and one with 3 errors (pattern, enum,
 * handler rule with an alias). Each case asserts every library's verdict before timing.
 */
export const BODIES = {
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
    codecs: ['OPUS', 'G711'],
    encryption: 'default',
    call_handler: 'relay_topic',
  },
} as const;

export type BodyName = keyof typeof BODIES;
export const BODY_NAMES = Object.keys(BODIES) as BodyName[];
/** How many issues collecting validators must find in each body. */
export const EXPECTED_ISSUES: Record<BodyName, number> = { valid: 0, invalid1: 1, invalid3: 3 };
