/** The model reader on each JSON Schema shape it supports, and on the ones it refuses. */
import { describe, expect, it } from 'vitest';
import { ModelError, objectSchema, readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel, TypeModel } from '../../scripts/model/types.ts';

function specWith(schemas: Record<string, unknown>): Record<string, unknown> {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } };
}

/** The model of a schema `Thing` whose one property `value` is `property`. */
function readProperty(property: unknown, extra: Record<string, unknown> = {}): TypeModel {
  const model = readModel(specWith({ ...extra, Thing: { type: 'object', properties: { value: property } } }));
  return objectSchema(model, 'Thing').fields[0]!.type;
}

/** The shape of a type without its pointers. */
function shape(type: unknown): unknown {
  return JSON.parse(JSON.stringify(type, (key, value) => (/(^p|P)ointer$/.test(key) ? undefined : value)));
}

describe('each supported shape', () => {
  it.each<[string, unknown, unknown]>([
    ['boolean', { type: 'boolean' }, { kind: 'boolean', nullable: false }],
    ['integer with bounds', { type: 'integer', format: 'int64', minimum: 1, maximum: 9, multipleOf: 2 }, { kind: 'integer', nullable: false, minimum: 1, maximum: 9, multipleOf: 2 }],
    ['number with exclusive bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1.5 }, { kind: 'number', nullable: false, exclusiveMinimum: 0, exclusiveMaximum: 1.5 }],
    ['null alone', { type: 'null' }, { kind: 'null', nullable: true }],
    ['[string, null]', { type: ['string', 'null'], maxLength: 3 }, { kind: 'string', nullable: true, maxLength: 3 }],
    [
      '[string, integer, null], each member with its own keywords',
      { type: ['string', 'integer', 'null'], minLength: 2, minimum: 0 },
      { kind: 'union', nullable: true, members: [{ kind: 'string', nullable: false, minLength: 2 }, { kind: 'integer', nullable: false, minimum: 0 }] },
    ],
    ['string formats', { type: 'string', format: 'date-time' }, { kind: 'string', nullable: false, format: 'date-time' }],
    ['email', { type: 'string', format: 'email' }, { kind: 'string', nullable: false, format: 'email' }],
    [
      'a pattern with its message',
      { type: 'string', pattern: '^[a-z]+$', 'x-pattern-message': 'must be lowercase letters' },
      { kind: 'string', nullable: false, pattern: '^[a-z]+$', patternMessage: 'must be lowercase letters' },
    ],
    ['an inline enum', { type: 'string', enum: ['a', 'b'] }, { kind: 'string', nullable: false, enum: { values: ['a', 'b'], open: false } }],
    ['a nullable inline enum', { type: ['string', 'null'], enum: ['a', null] }, { kind: 'string', nullable: true, enum: { values: ['a'], open: false } }],
    [
      'an open inline enum inside anyOf',
      { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'string' }, { type: 'null' }] },
      { kind: 'string', nullable: true, enum: { values: ['a', 'b'], open: true } },
    ],
    ['anyOf of one type and null', { anyOf: [{ type: 'integer' }, { type: 'null' }] }, { kind: 'integer', nullable: true }],
    [
      'anyOf of several types',
      { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }] },
      { kind: 'union', nullable: false, members: [{ kind: 'boolean', nullable: false }, { kind: 'array', nullable: false, items: { kind: 'string', nullable: false } }] },
    ],
    ['a const', { const: 'thing' }, { kind: 'const', nullable: false, value: 'thing' }],
    ['a typed const', { type: 'integer', const: 3 }, { kind: 'const', nullable: false, value: 3 }],
    [
      'an inline object',
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
      { kind: 'object', nullable: false, fields: [{ name: 'a', description: '', type: { kind: 'string', nullable: false }, required: true }], unknownProperties: 'reject' },
    ],
    ['a map', { type: 'object', additionalProperties: { type: 'integer' } }, { kind: 'object', nullable: false, fields: [], unknownProperties: 'map', mapValue: { kind: 'integer', nullable: false } }],
    [
      'an array of objects with bounds',
      { type: 'array', minItems: 1, maxItems: 3, items: { type: 'object', properties: {} } },
      { kind: 'array', nullable: false, minItems: 1, maxItems: 3, items: { kind: 'object', nullable: false, fields: [], unknownProperties: 'allow' } },
    ],
  ])('%s', (_name, property, want) => {
    expect(shape(readProperty(property))).toEqual(want);
  });

  it('keeps readOnly, writeOnly and a boolean default on the field', () => {
    const model = readModel(specWith({ Thing: { type: 'object', properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, on: { type: 'boolean', default: false } } } }));
    expect(objectSchema(model, 'Thing').fields.map((f) => [f.name, f.readOnly, f.writeOnly, f.default])).toEqual([
      ['id', true, undefined, undefined],
      ['secret', undefined, true, undefined],
      ['on', undefined, undefined, false],
    ]);
  });

  it('points every node at its place in the spec', () => {
    const type = readProperty({ type: 'array', items: { type: 'object', properties: { a: { type: ['string', 'integer'] } } } });
    expect(type.pointer).toBe('#/components/schemas/Thing/properties/value');
    if (type.kind !== 'array' || type.items.kind !== 'object') throw new Error('unexpected shape');
    expect(type.items.pointer).toBe('#/components/schemas/Thing/properties/value/items');
    expect(type.items.fields[0]!.type.pointer).toBe('#/components/schemas/Thing/properties/value/items/properties/a');
  });
});

describe('several discriminators', () => {
  const rule = (property: string, value: string, then: unknown) => ({ if: { required: [property], properties: { [property]: { const: value } } }, then });
  const schemas = {
    Mode: { type: 'string', enum: ['x', 'y'] },
    Body: {
      type: 'object',
      properties: { mode: { $ref: '#/components/schemas/Mode' }, kind: { type: 'string', enum: ['k'] }, a: { type: 'string' }, b: { type: 'string' } },
      allOf: [rule('mode', 'x', { required: ['a'] }), rule('kind', 'k', { required: ['b'] }), rule('mode', 'y', { required: [] })],
    },
    Create: { type: 'object', allOf: [{ $ref: '#/components/schemas/Body' }], unevaluatedProperties: false },
  };

  it('reads one rule set per discriminator, in first-seen order, shared with schemas that include them', () => {
    const model: ApiModel = readModel(specWith(schemas));
    const body = objectSchema(model, 'Body').handlerRules;
    expect(body.map((r) => [r.discriminator, r.enumName, r.handlers, r.rules.map((x) => x.alternatives)])).toEqual([
      ['mode', 'Mode', ['x', 'y'], [[['a']], []]],
      ['kind', undefined, ['k'], [[['b']]]],
    ]);
    const create = objectSchema(model, 'Create').handlerRules;
    expect(create).toHaveLength(2);
    expect(create[0]).toBe(body[0]);
    expect(create[1]).toBe(body[1]);
  });

  it('reads rules a schema states about a property it inherits', () => {
    const model = readModel(
      specWith({
        Mode: schemas.Mode,
        Base: { type: 'object', properties: { mode: { $ref: '#/components/schemas/Mode' }, a: { type: 'string' } } },
        Create: { type: 'object', allOf: [{ $ref: '#/components/schemas/Base' }, rule('mode', 'x', { required: ['a'] }), rule('mode', 'y', { required: [] })] },
      }),
    );
    expect(objectSchema(model, 'Base').handlerRules).toEqual([]);
    const rules = objectSchema(model, 'Create').handlerRules;
    expect(rules.map((r) => [r.discriminator, r.pointer, r.rules.map((x) => x.alternatives)])).toEqual([['mode', '#/components/schemas/Create', [[['a']], []]]]);
  });

  it.each<[string, (s: any) => void, RegExp]>([
    ['a discriminator that is not an enum', (s) => (s.Body.properties.kind = { type: 'string' }), /"kind" must be a property whose type is a \(closed\) string enum/],
    ['a rule for a value the enum lacks', (s) => (s.Body.allOf[1].if.properties.kind.const = 'q'), /allOf\/1\/then: "q" is not a value of "kind"/],
    ['a value without its rule', (s) => s.Body.allOf.pop(), /"y" must have exactly one handler rule, has 0/],
    ['a property defined both in an allOf member and in the schema', (s) => (s.Create.properties = { mode: { $ref: '#/components/schemas/Mode' } }), /"mode" is already defined by an allOf member/],
    [
      'rules for one discriminator both inherited and stated again',
      (s) => s.Create.allOf.push(rule('mode', 'x', { required: [] }), rule('mode', 'y', { required: [] })),
      /Create: rules for "mode" are stated both here and in an allOf member/,
    ],
    ['a then with both required and anyOf', (s) => (s.Body.allOf[0].then = { required: ['a'], anyOf: [{ required: ['b'] }] }), /either "required" or "anyOf"/],
  ])('refuses %s', (_name, breakIt, message) => {
    const broken = structuredClone(schemas);
    breakIt(broken);
    expect(() => readModel(specWith(broken))).toThrow(ModelError);
    expect(() => readModel(specWith(broken))).toThrow(message);
  });
});

describe('shapes it refuses, with their pointer', () => {
  it.each<[string, unknown, RegExp]>([
    ['a nullable type whose enum lacks null', { type: ['string', 'null'], enum: ['a'] }, /value\/enum: the type allows null but the enum does not list it/],
    ['a non-string enum', { type: 'integer', enum: [1, 2] }, /value: keyword "enum" is not supported/],
    ['an enum on a type array', { type: ['string', 'integer'], enum: ['a'] }, /"enum" and "const" need a single type/],
    ['an object const', { const: { a: 1 } }, /value\/const: a const must be a string, number, boolean or null/],
    ['a const of another type', { type: 'string', const: 3 }, /the const 3 is not of type "string"/],
    ['a message without a pattern', { type: 'string', 'x-pattern-message': 'nope' }, /value\/x-pattern-message: describes a "pattern", which this schema lacks/],
    ['an empty pattern message', { type: 'string', pattern: 'a', 'x-pattern-message': ' ' }, /x-pattern-message: must be a non-empty string/],
    ['a pattern that is not a regular expression', { type: 'string', pattern: '([' }, /value\/pattern: "\(\[" is not an ECMAScript regular expression/],
    ['OpenAPI 3.0 boolean exclusive bounds', { type: 'number', minimum: 0, exclusiveMinimum: true }, /exclusiveMinimum: "exclusiveMinimum" must be a number/],
    ['multipleOf 0', { type: 'number', multipleOf: 0 }, /"multipleOf" must be greater than 0/],
    ['a negative maxLength', { type: 'string', maxLength: -1 }, /"maxLength" must be a non-negative integer/],
    ['a string format on a number', { type: 'integer', format: 'uuid' }, /format "uuid" is not a number format/],
    ['an unknown string format', { type: 'string', format: 'ipv4' }, /format "ipv4" has no checker/],
    ['unevaluatedProperties as a schema', { type: 'object', unevaluatedProperties: { type: 'string' } }, /only "unevaluatedProperties: false" is supported/],
    ['oneOf', { oneOf: [{ type: 'string' }] }, /keyword "oneOf" is not supported/],
    ['uniqueItems', { type: 'array', items: { type: 'string' }, uniqueItems: true }, /keyword "uniqueItems" is not supported/],
  ])('%s', (_name, property, message) => {
    expect(() => readProperty(property)).toThrow(ModelError);
    expect(() => readProperty(property)).toThrow(message);
  });

  it('an allOf cycle', () => {
    const spec = specWith({ A: { type: 'object', allOf: [{ $ref: '#/components/schemas/B' }] }, B: { type: 'object', allOf: [{ $ref: '#/components/schemas/A' }] } });
    expect(() => readModel(spec)).toThrow(/"A" includes itself through allOf/);
  });
});

describe('operations it refuses, with their pointer', () => {
  const thing = { Thing: { type: 'object', properties: {} } };
  const withOperation = (operation: Record<string, unknown>) => ({ ...specWith(thing), paths: { '/things': { post: { operationId: 'create_thing', responses: { '204': { description: 'done' } }, ...operation } } } });
  const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

  it('reads a named JSON body', () => {
    const model = readModel(withOperation({ requestBody: { required: true, ...json({ $ref: '#/components/schemas/Thing' }) }, responses: { '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Thing' }) } } }));
    expect(model.operations[0]).toMatchObject({ requestBody: { schema: 'Thing', required: true }, successes: [{ status: '200', schema: 'Thing' }] });
  });

  it('reads a structured JSON media type such as application/problem+json', () => {
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Thing' } } } };
    expect(readModel(withOperation({ responses: { '400': { description: 'bad', ...problem } } })).operations[0]!.errors).toMatchObject([{ status: '400', schema: 'Thing' }]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an inline request schema', { requestBody: json({ type: 'object' }) }, /#\/paths\/~1things\/post\/requestBody\/content\/application~1json\/schema: a request body's schema must be a \$ref/],
    ['an inline response schema', { responses: { '200': { description: 'ok', ...json({ type: 'object' }) } } }, /responses\/200\/content\/application~1json\/schema: a response body's schema must be a \$ref/],
    ['a body that is not JSON', { requestBody: { content: { 'text/csv': { schema: { type: 'string' } } } } }, /requestBody\/content\/text~1csv: only JSON request bodies are supported/],
    ['a request body without content', { requestBody: { required: true } }, /requestBody: a request body needs an application\/json schema/],
    ['an operation without an operationId', { operationId: undefined }, /#\/paths\/~1things\/post: every operation needs an operationId/],
  ])('%s', (_name, operation, message) => {
    expect(() => readModel(withOperation(operation))).toThrow(ModelError);
    expect(() => readModel(withOperation(operation))).toThrow(message);
  });
});
