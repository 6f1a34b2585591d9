/**
 * No input breaks the validators: any JavaScript value returns a result (never an exception),
 * the input is never changed, and nothing leaks onto Object.prototype. Arbitrary values come
 * from fast-check (`fc.anything` with every exotic option) plus hand-picked hostile ones.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as validators from '@sip-endpoints/validators';
import { FUZZ_RUNS } from './support/model-arbitraries.ts';
import { SCHEMA_NAMES, ourSchema } from './support/oracle.ts';

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** A field name of the schemas, as a key for the objects below. */
const fieldKeys = fc.constantFrom('username', 'password', 'call_handler', 'codecs', 'call_request_url', 'id', 'data', 'links', '__proto__', 'constructor');
const objectsWithFieldKeys = fc.dictionary(fieldKeys, anything, { maxKeys: 6 });

function validateAll(value: unknown): void {
  for (const name of SCHEMA_NAMES) {
    const result = ourSchema(name)['~standard'].validate(value);
    expect(result.issues === undefined || Array.isArray(result.issues)).toBe(true);
    expect(typeof validators[`is${name}`](value)).toBe('boolean');
  }
}

afterEach(() => {
  // Nothing may have been written onto the shared prototypes.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('arbitrary values', () => {
  it(`return a result for ${FUZZ_RUNS} arbitrary values, never throwing`, () => {
    fc.assert(fc.property(fc.oneof(anything, objectsWithFieldKeys), (value) => validateAll(value)), { numRuns: FUZZ_RUNS });
  }, 600_000);

  it('leave their input exactly as it was: no write reaches it', () => {
    fc.assert(
      fc.property(fc.oneof(anything, objectsWithFieldKeys), (value) => {
        const { watched, writes } = watchWrites(value);
        validateAll(watched);
        expect(writes).toEqual([]);
      }),
      { numRuns: Math.min(FUZZ_RUNS, 2_000) },
    );
  });
});

it('the write watcher is transparent: a valid body behind it is still valid, and a write is seen', () => {
  const { watched, writes } = watchWrites({ username: 'alice', password: 'secret', codecs: ['OPUS'], call_handler: 'relay_connector' });
  expect(validators.isCreateSipEndpointRequest(watched)).toBe(true);
  (watched as { codecs: string[] }).codecs.push('PCMU');
  expect(writes.length).toBeGreaterThan(0);
});

/**
 * The value behind a proxy (and every object read from it, too) that records any attempt to
 * set, define or delete a property or to change a prototype.
 */
function watchWrites(value: unknown): { watched: unknown; writes: string[] } {
  const writes: string[] = [];
  const wrapped = new WeakMap<object, object>();
  const watch = (target: unknown): unknown => {
    if (typeof target !== 'object' || target === null || ArrayBuffer.isView(target) || target instanceof Map || target instanceof Set || target instanceof Date) return target;
    const known = wrapped.get(target);
    if (known) return known;
    const proxy = new Proxy(target, {
      get: (t, key, receiver) => watch(Reflect.get(t, key, receiver)),
      set: (_t, key) => (writes.push(`set ${String(key)}`), true),
      defineProperty: (_t, key) => (writes.push(`define ${String(key)}`), true),
      deleteProperty: (_t, key) => (writes.push(`delete ${String(key)}`), true),
      setPrototypeOf: () => (writes.push('setPrototypeOf'), true),
      preventExtensions: () => (writes.push('preventExtensions'), false),
    });
    wrapped.set(target, proxy);
    return proxy;
  };
  return { watched: watch(value), writes };
}

describe('hostile values', () => {
  const hostile: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['NaN', Number.NaN],
    ['a symbol', Symbol('s')],
    ['a function', () => 1],
    ['a bigint', 10n],
    ['JSON with __proto__', JSON.parse('{"__proto__": {"polluted": true}, "username": "a", "password": "b"}')],
    ['JSON with constructor.prototype', JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')],
    ['a null-prototype object', Object.assign(Object.create(null), { username: 'a', password: 'b' })],
    ['a 1 MB username', { username: 'a'.repeat(1_000_000), password: 'b' }],
    ['a 1 MB URI', { username: 'a', password: 'b', call_request_url: `http://${'a'.repeat(1_000_000)}` }],
    ['a 1 MB near-URI', { username: 'a', password: 'b', call_request_url: `http://[${':'.repeat(1_000_000)}` }],
    ['a 1 MB unknown key', { username: 'a', password: 'b', ['k'.repeat(1_000_000)]: 1 }],
    ['10,000 unknown keys', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`call_request_url${i}`, i]))],
    ['100,000 bad codecs', { username: 'a', password: 'b', codecs: Array.from({ length: 100_000 }, () => 'G711') }],
    ['a sparse array', { username: 'a', password: 'b', codecs: new Array(5) }],
    ['deep nesting', { username: 'a', password: 'b', data: nest(100_000), links: nest(100_000) }],
    ['a cycle', cyclic()],
    ['a throwing getter', Object.defineProperty({ password: 'b' }, 'username', { enumerable: true, get: () => { throw new Error('boom'); } })],
    ['a throwing proxy', new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } })],
    ['a revoked proxy', revoked()],
  ];

  it.each(hostile)('%s returns a result quickly', (_title, value) => {
    const started = performance.now();
    validateAll(value);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('caps the issues of one value at MAX_ISSUES', () => {
    const result = validators.CreateSipEndpointRequest['~standard'].validate({ codecs: Array.from({ length: 5_000 }, () => 711) });
    expect(result.issues).toHaveLength(validators.MAX_ISSUES);
  });

  it('reports a throwing getter as an unreadable issue', () => {
    const value = Object.defineProperty({}, 'username', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(validators.CreateSipEndpointRequest['~standard'].validate(value).issues?.map((i) => i.code)).toEqual(['unreadable']);
  });
});

function nest(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value, links: value };
  return value;
}

function cyclic(): unknown {
  const value: Record<string, unknown> = { username: 'a', password: 'b' };
  value.self = value;
  value.data = [value];
  value.links = value;
  return value;
}

function revoked(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
