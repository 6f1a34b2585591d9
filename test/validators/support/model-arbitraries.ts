/**
 * fast-check arbitraries built from the model: bodies that are mostly plausible (right fields,
 * right handler, valid formats) with every kind of mistake mixed in, so that both verdicts
 * occur often and every check of the generated code is reached. Nothing here is specific to
 * one field: new fields, formats and enum values in the spec are picked up automatically.
 */
import fc from 'fast-check';
import type { ApiModel, ObjectModel, TypeModel } from '../../../scripts/model/types.ts';
import { objectSchema } from '../../../scripts/model/read-model.ts';
import { SAMPLE_URI, SAMPLE_UUID, validSample } from './model-samples.ts';

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
  return fc.oneof(...options);
}

/** Values that satisfy `type`: what a correct client sends. */
function cleanArbitrary(model: ApiModel, type: TypeModel, depth: number): fc.Arbitrary<unknown> {
  let value: fc.Arbitrary<unknown>;
  switch (type.kind) {
    case 'string':
      if (type.enum) value = fc.constantFrom(...type.enum.values);
      else if (type.format === 'uri') value = fc.oneof(fc.constant(SAMPLE_URI), fc.webUrl({ withQueryParameters: true, withFragments: true }));
      else if (type.format === 'uuid') value = fc.uuid();
      else if (type.pattern !== undefined) value = fc.stringMatching(new RegExp(type.pattern, 'u'));
      else value = fc.string();
      break;
    case 'integer':
      value = fc.integer({ min: type.minimum ?? -1000, max: type.maximum ?? 1000 });
      break;
    case 'array':
      value = fc.array(cleanArbitrary(model, type.items, depth + 1), { minLength: type.minItems ?? 0, maxLength: depth === 0 ? 4 : 2 });
      break;
    case 'object-ref':
      value = bodyArbitrary(model, objectSchema(model, type.name), depth + 1, 'clean');
      break;
    default:
      throw new Error(`${type.pointer}: no arbitrary for "${type.kind}" values yet`);
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
      plausible = fc.oneof(fc.integer({ min: (type.minimum ?? 0) - 2, max: (type.maximum ?? 100) + 2 }), fc.double());
      break;
    case 'array':
      plausible = fc.array(noisyArbitrary(model, type.items, depth + 1), { maxLength: depth === 0 ? 4 : 2 });
      break;
    case 'object-ref':
      plausible = bodyArbitrary(model, objectSchema(model, type.name), depth + 1);
      break;
    default:
      throw new Error(`${type.pointer}: no arbitrary for "${type.kind}" values yet`);
  }
  const options = [{ arbitrary: plausible, weight: 12 }, { arbitrary: wrongTypes, weight: 1 }];
  if (type.nullable) options.push({ arbitrary: fc.constant(null), weight: 2 });
  return fc.oneof(...options);
}

/** A key that is not a field: misspellings, prototype names, random text. */
function unknownKeyArbitrary(schema: ObjectModel): fc.Arbitrary<string> {
  const names = schema.fields.map((f) => f.name);
  return fc.oneof(
    fc.constantFrom(...names).map((n) => `${n}s`),
    fc.constantFrom(...names).map((n) => n.toUpperCase()),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'call-handler', ''),
    fc.string({ maxLength: 8 }),
  );
}

/**
 * A body for `schema`. Each field is present most of the time; when the schema has handler
 * rules, half of the bodies are "repaired" so the chosen handler has its first alternative,
 * which keeps valid bodies frequent.
 */
export function bodyArbitrary(model: ApiModel, schema: ObjectModel, depth = 0, mode?: 'clean' | 'noisy'): fc.Arbitrary<Record<string, unknown>> {
  if (mode === undefined) return fc.oneof(bodyArbitrary(model, schema, depth, 'clean'), bodyArbitrary(model, schema, depth, 'noisy'));
  const clean = mode === 'clean';
  const valueArbitrary = clean ? cleanArbitrary : noisyArbitrary;
  const fields = Object.fromEntries(
    schema.fields.map((f) => [
      f.name,
      fc.oneof({ arbitrary: valueArbitrary(model, f.type, depth), weight: f.required ? 20 : 3 }, { arbitrary: fc.constant(ABSENT), weight: f.required ? (clean ? 0 : 1) : 4 }),
    ]),
  );
  const noUnknown = fc.constant([] as [string, unknown][]);
  const unknown = clean
    ? noUnknown
    : fc.oneof({ arbitrary: noUnknown, weight: 6 }, { arbitrary: fc.array(fc.tuple(unknownKeyArbitrary(schema), wrongTypes), { maxLength: 2 }), weight: 1 });
  return fc.tuple(fc.record(fields), unknown, clean ? fc.constant(true) : fc.boolean()).map(([record, extra, repair]) => {
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== ABSENT) body[key] = value;
    // defineProperty, so that a "__proto__" key becomes an own property as JSON.parse makes it.
    for (const [key, value] of extra) Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    const rules = schema.handlerRules[0];
    if (repair && rules && typeof body[rules.discriminator] === 'string') {
      const rule = rules.rules.find((r) => r.handler === body[rules.discriminator]);
      for (const field of rule?.alternatives[0] ?? []) {
        const model_ = schema.fields.find((f) => f.name === field)!;
        body[field] = validSample(model, model_.type);
      }
    }
    return body;
  });
}
