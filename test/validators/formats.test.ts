/**
 * Our `uri` and `uuid` checkers against ajv-formats' own (the definitions Ajv applies to the
 * spec), on strings drawn from the characters that matter to each grammar. The `uri` checker
 * has a fast path for plain URLs, so this is where a disagreement would first show.
 */
import fc from 'fast-check';
import formatsModule from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { isUri, isUuid } from '../../packages/validators/src/runtime/formats.ts';
import { FUZZ_RUNS } from './support/model-arbitraries.ts';

const { fullFormats } = formatsModule;
const ajvUri = fullFormats.uri as (s: string) => boolean;
const ajvUuid = fullFormats.uuid as RegExp;

/** Characters of URI syntax plus a few that are never allowed, so that both verdicts are common. */
const uriChar = fc.constantFrom(...'aZ09+-._~!$&\'()*,;=:@/?#%[]fF "<>\\^`{|}é\u0000\t'.split(''), 'http', 'https://', '://', '%41', '%zz', '::1', 'v7.x', '192.168.0.1', 'user@');
const uuidChar = fc.constantFrom(...'0123456789abcdefABCDEFg-'.split(''), 'urn:uuid:', '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90');

describe('format checkers agree with ajv-formats', () => {
  it(`uri: ${FUZZ_RUNS} strings`, () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: uriChar, maxLength: 20 }), fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()), (s) => {
        const expected = ajvUri(s);
        if (expected) valid++;
        expect(isUri(s), JSON.stringify(s)).toBe(expected);
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(valid).toBeGreaterThan(FUZZ_RUNS / 10);
  });

  it(`uuid: ${FUZZ_RUNS} strings`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: uuidChar, maxLength: 40 }), fc.uuid(), fc.uuid().map((u) => `urn:uuid:${u.toUpperCase()}`)), (s) => {
        expect(isUuid(s), JSON.stringify(s)).toBe(ajvUuid.test(s));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each(['http://', 'http://a', 'HTTPS://EXAMPLE.ORG:/x', 'a+b.c-d://h/p?q#f', 'http://h:80x', 'http://h/%41', 'http://[::1]/', 'mailto:x@y', 'http:/x', 'http://h#a#b', 'http://h/ p'])(
    'uri edge case %j',
    (s) => {
      expect(isUri(s)).toBe(ajvUri(s));
    },
  );
});
