/**
 * fast-check arbitraries built from the model: bodies that are mostly plausible (right fields,
 * right handler, valid formats) with every kind of mistake mixed in, so that both verdicts
 * occur often and every check of the generated code is reached. Nothing here is specific to
 * one field: new fields, formats and enum values in the spec are picked up automatically.
 */
import fc from 'fast-check';
import type { ApiModel, FieldModel, HandlerRulesModel, ObjectShape, TypeModel } from '../../../scripts/model/types.ts';
import { objectSchema } from '../../../scripts/model/read-model.ts';
import { SAMPLE_DATE_TIME, SAMPLE_EMAIL, SAMPLE_URI, SAMPLE_UUID, validSample } from './model-samples.ts';

/** How many bodies per schema: 10,000 in `npm test`, more under `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.VALIDATORS_FUZZ_RUNS ?? 10_000);

/** Marks a key to leave out of the generated body. */
const ABSENT = Symbol('absent');

const URI_LIKE = [
  SAMPLE_URI, 'http://a', 'https://example.org:8080/p/a/t/h?query=1#frag', 'urn:isbn:0451450523', 'mailto:someone@example.org',
  'http://[::1]/x', 'http://[v7.abc]/', 'http://192.168.0.1/', 'http://user:pw@host/', 'http://exa mple.org', 'http://', 'http:',
  'example.org', '//example.org', '/relative/path', 'a:b', '1http://x', 'http://%zz', 'http://%41', 'ftp://x/\\', 'HTTP://UPPER.CASE/',
  'http://example.org/"quoted"', "http://example.org/'single'", 'http://[::1', 'http://x/#a#b', '',
];
const UUID_LIKE = [
  SAMPLE_UUID, SAMPLE_UUID.toUpperCase(), `urn:uuid:${SAMPLE_UUID}`, `URN:UUID:${SAMPLE_UUID}`, SAMPLE_UUID.replace(/-/g, ''), `${SAMPLE_UUID} `,
  `{${SAMPLE_UUID}}`, SAMPLE_UUID.slice(1), '00000000-0000-0000-0000-000000000000', 'g0000000-0000-0000-0000-000000000000', '',
];

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', ' ', 'a b', 'a@b', '\n', 'ok'));

/** A value of any JSON type, to break type checks. */
const wrongTypes = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

function stringArbitrary(type: Extract<TypeModel, { kind: 'string' }>): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [anyString];
  if (type.enum) {
    const values = type.enum.values;
    options.push(fc.constantFrom(...values), fc.constantFrom(...values), fc.constantFrom(...values.map((v) => v.toLowerCase()), ...values.map((v) => `${v} `)));
  }
  if (type.format === 'uri') options.push(fc.constantFrom(...URI_LIKE), fc.webUrl(), fc.webUrl({ withQueryParameters: true, withFragments: true }));
  if (type.format === 'uuid') options.push(fc.constantFrom(...UUID_LIKE), fc.uuid(), fc.uuid().map((u) => u.toUpperCase()));
  if (type.pattern !== undefined) options.push(fc.stringMatching(new RegExp(type.pattern, 'u')), fc.constantFrom('alice', 'al ice', 'al@ice', 'a\tb', 'ü'));
  if (type.format === 'date-time') options.push(fc.constantFrom(SAMPLE_DATE_TIME, '2024-02-29T23:59:60Z', '2023-02-29T00:00:00Z', '2024-05-01 12:00:00+02:00', '2024-05-01T12:00:00', '2024-13-01T00:00:00Z'), dateTimes);
  if (type.format === 'email') options.push(fc.constantFrom(SAMPLE_EMAIL, 'a@b', 'a.@b.c', 'a b@c.d', '@x.y'), fc.emailAddress());
  if (type.minLength !== undefined || type.maxLength !== undefined) {
    const around = (n: number) => fc.integer({ min: Math.max(0, n - 2), max: n + 2 });
    options.push(around(type.minLength ?? type.maxLength ?? 0).chain((n) => fc.string({ unit: fc.constantFrom('a', '😀', '\ud800'), minLength: n, maxLength: n })));
  }
  return fc.oneof(...options);
}

const dateTimes = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** Numbers near the bounds of `type`, integers and fractions. */
function numberArbitrary(type: Extract<TypeModel, { kind: 'integer' | 'number' }>): fc.Arbitrary<number> {
  const edges = [type.minimum, type.maximum, type.exclusiveMinimum, type.exclusiveMaximum].filter((n): n is number => n !== undefined);
  const near = edges.length > 0 ? fc.constantFrom(...edges).chain((e) => fc.integer({ min: -2, max: 2 }).map((d) => e + d)) : fc.integer({ min: -5, max: 5 });
  const multiples = type.multipleOf !== undefined ? fc.integer({ min: -20, max: 20 }).map((k) => k * type.multipleOf!) : near;
  return fc.oneof(near, multiples, fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
}

/** Values that satisfy `type`: what a correct client sends. */
function cleanArbitrary(model: ApiModel, type: TypeModel, depth: number): fc.Arbitrary<unknown> {
  let value: fc.Arbitrary<unknown>;
  switch (type.kind) {
    case 'string':
      if (type.enum) value = fc.constantFrom(...type.enum.values);
      else if (type.minLength !== undefined || type.maxLength !== undefined || type.format === 'date-time' || type.format === 'email') value = fc.constant(validSample(model, type));
      else if (type.format === 'uri') value = fc.oneof(fc.constant(SAMPLE_URI), fc.webUrl({ withQueryParameters: true, withFragments: true }));
      else if (type.format === 'uuid') value = fc.uuid();
      else if (type.pattern !== undefined) value = fc.stringMatching(new RegExp(type.pattern, 'u'));
      else value = fc.string();
      break;
    case 'integer':
    case 'number':
      value = fc.constant(validSample(model, type));
      break;
    case 'boolean':
      value = fc.boolean();
      break;
    case 'null':
    case 'const':
      value = fc.constant(validSample(model, type));
      break;
    case 'array':
      value = fc.array(cleanArbitrary(model, type.items, depth + 1), { minLength: type.minItems ?? 0, maxLength: Math.min(type.maxItems ?? Infinity, depth === 0 ? 4 : 2) });
      break;
    case 'object':
      value = shapeArbitrary(model, type, [], depth + 1, 'clean');
      break;
    case 'object-ref':
      value = bodyArbitrary(model, objectSchema(model, type.name), depth + 1, 'clean');
      break;
    case 'union':
      value = fc.oneof(...type.members.map((m) => cleanArbitrary(model, m, depth + 1)));
      break;
  }
  return type.nullable ? fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }) : value;
}

/** Values that are mostly plausible, with every kind of mistake mixed in. */
function noisyArbitrary(model: ApiModel, type: TypeModel, depth: number): fc.Arbitrary<unknown> {
  let plausible: fc.Arbitrary<unknown>;
  switch (type.kind) {
    case 'string':
      plausible = stringArbitrary(type);
      break;
    case 'integer':
    case 'number':
      plausible = numberArbitrary(type);
      break;
    case 'boolean':
      plausible = fc.boolean();
      break;
    case 'null':
      plausible = fc.constant(null);
      break;
    case 'const':
      plausible = fc.oneof(fc.constant(type.value), fc.constant(`${type.value}`), fc.constant(0));
      break;
    case 'array':
      plausible = fc.array(noisyArbitrary(model, type.items, depth + 1), { maxLength: Math.max(depth === 0 ? 4 : 2, (type.maxItems ?? 0) + 1) });
      break;
    case 'object':
      plausible = shapeArbitrary(model, type, [], depth + 1);
      break;
    case 'object-ref':
      plausible = bodyArbitrary(model, objectSchema(model, type.name), depth + 1);
      break;
    case 'union':
      plausible = fc.oneof(...type.members.map((m) => noisyArbitrary(model, m, depth + 1)));
      break;
  }
  const options = [{ arbitrary: plausible, weight: 12 }, { arbitrary: wrongTypes, weight: 1 }];
  if (type.nullable) options.push({ arbitrary: fc.constant(null), weight: 2 });
  return fc.oneof(...options);
}

/** A key that is not a field: misspellings, prototype names, random text. */
function unknownKeyArbitrary(fields: readonly FieldModel[]): fc.Arbitrary<string> {
  const names = fields.length > 0 ? fields.map((f) => f.name) : ['x'];
  return fc.oneof(
    fc.constantFrom(...names).map((n) => `${n}s`),
    fc.constantFrom(...names).map((n) => n.toUpperCase()),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'call-handler', ''),
    fc.string({ maxLength: 8 }),
  );
}

/**
 * A body for `schema`. Each field is present most of the time; when the schema has handler
 * rules, half of the bodies are "repaired" so each chosen handler has its first alternative,
 * which keeps valid bodies frequent.
 */
export function bodyArbitrary(model: ApiModel, schema: ObjectShape & { handlerRules: readonly HandlerRulesModel[] }, depth = 0, mode?: 'clean' | 'noisy'): fc.Arbitrary<Record<string, unknown>> {
  return shapeArbitrary(model, schema, schema.handlerRules, depth, mode);
}

function shapeArbitrary(model: ApiModel, shape: ObjectShape, handlerRules: readonly HandlerRulesModel[], depth: number, mode?: 'clean' | 'noisy'): fc.Arbitrary<Record<string, unknown>> {
  if (mode === undefined) return fc.oneof(shapeArbitrary(model, shape, handlerRules, depth, 'clean'), shapeArbitrary(model, shape, handlerRules, depth, 'noisy'));
  const clean = mode === 'clean';
  const valueArbitrary = clean ? cleanArbitrary : noisyArbitrary;
  const fields = Object.fromEntries(
    shape.fields.map((f) => [
      f.name,
      fc.oneof({ arbitrary: valueArbitrary(model, f.type, depth), weight: f.required ? 20 : 3 }, { arbitrary: fc.constant(ABSENT), weight: f.required ? (clean ? 0 : 1) : 4 }),
    ]),
  );
  const noUnknown = fc.constant([] as [string, unknown][]);
  const mapEntries = shape.mapValue ? fc.array(fc.tuple(unknownKeyArbitrary(shape.fields), valueArbitrary(model, shape.mapValue, depth + 1)), { maxLength: 2 }) : undefined;
  const unknown = clean
    ? (mapEntries ?? noUnknown)
    : fc.oneof({ arbitrary: mapEntries ?? noUnknown, weight: 6 }, { arbitrary: fc.array(fc.tuple(unknownKeyArbitrary(shape.fields), wrongTypes), { maxLength: 2 }), weight: 1 });
  return fc.tuple(fc.record(fields), unknown, clean ? fc.constant(true) : fc.boolean()).map(([record, extra, repair]) => {
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== ABSENT) body[key] = value;
    // defineProperty, so that a "__proto__" key becomes an own property as JSON.parse makes it.
    // A clean map entry never replaces a field.
    for (const [key, value] of extra) if (!(clean && shape.fields.some((f) => f.name === key))) Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    for (const rules of repair ? handlerRules : []) {
      if (typeof body[rules.discriminator] !== 'string') continue;
      const rule = rules.rules.find((r) => r.handler === body[rules.discriminator]);
      for (const field of rule?.alternatives[0] ?? []) {
        body[field] = validSample(model, shape.fields.find((f) => f.name === field)!.type);
      }
    }
    return body;
  });
}
