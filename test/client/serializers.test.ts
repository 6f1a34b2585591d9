/**
 * The client gives openapi-fetch its own path serializer (packages/client/src/serializers.ts),
 * which must build the URL openapi-fetch's default would build, for every template and value.
 */
import fc from 'fast-check';
import { defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { serializePath } from '../../packages/client/src/serializers.ts';

const BASE = 'http://127.0.0.1:4010/api/relay/rest';

describe('serializePath', () => {
  it.each([
    ['/endpoints/sip/{id}', { id: 'abc-123' }],
    ['/endpoints/sip/{id}', { id: 'a b/c?d#e%f{g}' }],
    ['/endpoints/sip/{id}', { id: 42 }],
    ['/endpoints/sip/{id}', {}],
    ['/endpoints/sip/{id}', { id: null }],
    ['/a/{x}/b/{x}', { x: 'twice' }],
    ['/a/{x}/b/{y}', { y: 'only y' }],
    ['/a/{.label}', { label: 'v' }],
    ['/a/{;matrix}', { matrix: 'v' }],
    ['/a/{list*}', { list: ['p', 'q'] }],
    ['/a/{list}', { list: ['p', 'q'] }],
    ['/a/{obj}', { obj: { k: 'v' } }],
    ['/a/{{id}}', { id: 'nested' }],
    ['/a/{}/{id}', { id: 'empty name' }],
    ['/a/{id', { id: 'unclosed' }],
    ['/a/id}', { id: 'no open' }],
    ['/endpoints/sip', { id: 'unused' }],
  ])('%s with %j matches the default', (template, params) => {
    const url = `${BASE}${template}`;
    expect(serializePath(url, params)).toBe(defaultPathSerializer(url, params));
  });

  it('leaves the URL alone without path parameters', () => {
    expect(serializePath(`${BASE}/endpoints/sip/{id}`, undefined)).toBe(`${BASE}/endpoints/sip/{id}`);
  });

  it('matches the default on random templates and values', () => {
    const name = fc.string({ minLength: 0, maxLength: 6 });
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }));
    const piece = fc.oneof(
      fc.string({ maxLength: 5 }),
      name.map((n) => `{${n}}`),
      fc.constantFrom('{', '}', '/', '{.', '{;', '*}'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.dictionary(name, value), (pieces, params) => {
        const url = `${BASE}/${pieces.join('')}`;
        expect(serializePath(url, params)).toBe(defaultPathSerializer(url, params));
      }),
      { numRuns: 5_000 },
    );
  });
});
