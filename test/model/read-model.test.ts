/** The model reader: what it reads from the bundled spec, and the shapes it refuses. */
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelError, nodeAtPointer, objectSchema, readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { readBundledModel } from '../support/repo.ts';

let spec: Record<string, any>;
let model: ApiModel;
beforeAll(async () => {
  ({ spec, model } = await readBundledModel());
});

describe('readModel on the real spec', () => {
  it('reads the five operations with their statuses', () => {
    const summary = model.operations.map((o) => `${o.method} ${o.path} ${o.successes.map((s) => s.status).join('|')}`);
    expect(summary).toEqual([
      'get /endpoints/sip 200',
      'post /endpoints/sip 200|201',
      'get /endpoints/sip/{id} 200',
      'put /endpoints/sip/{id} 200',
      'delete /endpoints/sip/{id} 204',
    ]);
    expect(model.basePath).toBe('/api/relay/rest');
  });

  it('gives create and update the same handler rules, from SipEndpointFields', () => {
    const create = objectSchema(model, 'CreateSipEndpointRequest');
    const update = objectSchema(model, 'UpdateSipEndpointRequest');
    expect(create.handlerRules.map((r) => r.discriminator)).toEqual(['call_handler']);
    expect(create.handlerRules[0]?.rules).toHaveLength(11);
    // The same rule objects, read once from the schema both include.
    expect(update.handlerRules).toEqual(create.handlerRules);
    expect(update.handlerRules[0]).toBe(create.handlerRules[0]);
    expect(create.handlerRules[0]?.pointer).toBe('#/components/schemas/SipEndpointFields');
    const relayTopic = create.handlerRules[0]?.rules.find((r) => r.handler === 'relay_topic');
    expect(relayTopic?.alternatives).toEqual([['call_relay_topic'], ['call_relay_application']]);
    expect(relayTopic?.pointer).toMatch(/^#\/components\/schemas\/SipEndpointFields\/allOf\/\d+\/then$/);
    expect(create.handlerRules[0]?.rules.find((r) => r.handler === 'relay_connector')?.alternatives).toEqual([]);
  });

  it('marks requests strict and responses lenient, with open enums in responses', () => {
    expect(objectSchema(model, 'CreateSipEndpointRequest').unknownProperties).toBe('reject');
    const response = objectSchema(model, 'SipEndpoint');
    expect(response.unknownProperties).toBe('allow');
    const handler = response.fields.find((f) => f.name === 'call_handler')?.type;
    expect(handler).toMatchObject({ kind: 'string', nullable: true, enum: { name: 'CallHandler', open: true } });
    const requestHandler = objectSchema(model, 'CreateSipEndpointRequest').fields.find((f) => f.name === 'call_handler')?.type;
    expect(requestHandler).toMatchObject({ kind: 'string', nullable: false, enum: { name: 'CallHandler', open: false } });
  });

  it('reads the plain-words message of a pattern (x-pattern-message)', () => {
    const username = objectSchema(model, 'CreateSipEndpointRequest').fields.find((f) => f.name === 'username')?.type;
    expect(username).toMatchObject({ kind: 'string', pattern: '^[^\\s@]+$', patternMessage: 'must not contain whitespace or @' });
  });

  it('keeps required fields of create only on create', () => {
    const required = (name: string) => objectSchema(model, name).fields.filter((f) => f.required).map((f) => f.name);
    expect(required('CreateSipEndpointRequest')).toEqual(['username', 'password']);
    expect(required('UpdateSipEndpointRequest')).toEqual([]);
  });
});

describe('readModel refuses shapes the generators do not understand', () => {
  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['an unsupported keyword', (s) => (s.components.schemas.SipEndpointFields.properties.username.contentEncoding = 'base64'), /properties\/username: keyword "contentEncoding"/],
    ['an unknown format', (s) => (s.components.schemas.SipEndpointFields.properties.call_request_url.format = 'hostname'), /format "hostname" has no checker/],
    ['a oneOf', (s) => (s.components.schemas.SipEndpointFields.properties.caller_id = { oneOf: [{ type: 'string' }] }), /keyword "oneOf"/],
    ['two rules for one handler', (s) => (s.components.schemas.SipEndpointFields.allOf[1].if.properties.call_handler.const = 'laml_webhooks'), /"laml_webhooks" must have exactly one handler rule, has 2/],
    ['a vacuous if', (s) => (s.components.schemas.SipEndpointFields.allOf[0].if.required = []), /allOf\/0: a handler rule's "if" must require/],
    ['an OpenAPI 3.0 document', (s) => (s.openapi = '3.0.3'), /expected an OpenAPI 3\.1 document/],
  ];
  it.each(cases)('%s', (_name, breakIt, message) => {
    const broken = structuredClone(spec);
    breakIt(broken);
    expect(() => readModel(broken)).toThrow(ModelError);
    expect(() => readModel(broken)).toThrow(message);
  });
});

describe('nodeAtPointer', () => {
  const doc = { components: { schemas: { 'a/b': { allOf: [{ type: 'string' }, { title: 't~' }] }, 'x~y': { type: 'integer' } } } };

  it('follows escaped names and array indexes to an object', () => {
    expect(nodeAtPointer(doc, '#/components/schemas/a~1b/allOf/1')).toEqual({ title: 't~' });
    expect(nodeAtPointer(doc, '#/components/schemas/x~0y')).toEqual({ type: 'integer' });
  });

  it('names nothing for a missing step, a value that is not an object, or an inherited property', () => {
    expect(nodeAtPointer(doc, '#/components/schemas/missing')).toBeUndefined();
    expect(nodeAtPointer(doc, '#/components/schemas/x~0y/type')).toBeUndefined();
    expect(nodeAtPointer(doc, '#/components/schemas/a~1b/allOf')).toBeUndefined();
    expect(nodeAtPointer(doc, '#/components/constructor')).toBeUndefined();
    expect(nodeAtPointer(doc, '#/components/__proto__')).toBeUndefined();
  });
});
