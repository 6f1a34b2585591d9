/**
 * The redaction of credentials from server text: every form a server could echo the token in
 * is replaced, and nothing else is touched (not the marker, not text that merely contains the
 * letters of a short token).
 */
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../packages/client/src/redact.ts';

const PROJECT_ID = 'project-under-test';

function redactorFor(token: string, projectId = PROJECT_ID) {
  return { redact: createRedactor({ user: projectId, token }), credentials: Buffer.from(`${projectId}:${token}`).toString('base64') };
}

const TOKEN = 'PT-s3cr&t/tok én+"x"';

describe('createRedactor', () => {
  const { redact, credentials } = redactorFor(TOKEN);

  it.each([
    ['as is', TOKEN],
    ['URL-encoded', encodeURIComponent(TOKEN)],
    ['URL-encoded in lower-case hex', encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['form-encoded (space as +)', new URLSearchParams({ t: TOKEN }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(TOKEN).slice(1, -1)],
    ['JSON-escaped as ASCII (\\u00e9)', JSON.stringify(TOKEN).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['JSON-escaped with every character as \\uXXXX', [...TOKEN].map((c) => (/[a-z0-9]/i.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)).join('')],
    ['JSON-escaped with \\/', JSON.stringify(TOKEN).slice(1, -1).replace(/\//g, '\\/')],
    ['HTML-escaped', TOKEN.replace(/&/g, '&amp;').replace(/"/g, '&quot;')],
    ['HTML-escaped with numeric entities', TOKEN.replace(/&/g, '&#38;').replace(/"/g, '&#x22;')],
    ['base64 of the token alone', Buffer.from(TOKEN).toString('base64')],
    ['base64 of the token alone, unpadded', Buffer.from(TOKEN).toString('base64').replace(/=+$/, '')],
    ['base64url of the token alone', Buffer.from(TOKEN).toString('base64url')],
    ['the Basic credentials', credentials],
    ['the Basic credentials without padding', credentials.replace(/=+$/, '')],
    ['a truncated Authorization echo', `Basic ${credentials.slice(0, 30)}`],
  ])('redacts the token %s, and only it', (_form, echoed) => {
    const out = redact({ error: `before ${echoed} after` });
    expect(out.error).toMatch(/^before (Basic )?\[redacted\] after$/);
  });

  it('leaves a prefix of the credentials that only encodes the project ID', () => {
    const publicPart = credentials.slice(0, Math.floor(Buffer.byteLength(`${PROJECT_ID}:`) / 3) * 4);
    expect(redact(`user ${publicPart}`)).toBe(`user ${publicPart}`);
  });

  it('replaces every secret in nested strings and keys, and leaves other values alone', () => {
    expect(redact({ a: [`x ${TOKEN} y`, 3, null], [TOKEN]: TOKEN })).toEqual({ a: ['x [redacted] y', 3, null], '[redacted]': '[redacted]' });
    expect(redact('nothing secret')).toBe('nothing secret');
  });

  it('redacts a huge token without overflowing the stack', () => {
    const huge = 'x'.repeat(1_000_000);
    const { redact: redactHuge } = redactorFor(huge);
    expect(redactHuge(`a ${huge} b`)).toBe('a [redacted] b');
  });
});

describe('createRedactor with a short token', () => {
  it('never rewrites the marker or words that merely contain the token', () => {
    const { redact } = redactorFor('d');
    const body = { errors: [{ detail: 'username is taken', title: 'Invalid Attribute', code: 'd' }] };
    expect(redact(body)).toEqual({ errors: [{ detail: 'username is taken', title: 'Invalid Attribute', code: '[redacted]' }] });
  });

  it('never redacts inside its own marker, even when the token is part of it', () => {
    for (const token of ['redacted', '[redacted]', 'acted]', 'e']) {
      const { redact } = redactorFor(token);
      expect(redact(`a ${token} b`)).toBe('a [redacted] b');
    }
  });
});
