/**
 * The multi-resource fixture spec lints clean and the model reads every resource, type and
 * discriminator in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { objectSchema } from '../../scripts/model/read-model.ts';
import type { ApiModel, FieldModel, TypeModel } from '../../scripts/model/types.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';

let model: ApiModel;
beforeAll(async () => {
  ({ model } = await bundleFixtureSpec());
}, 30_000);

/** A type without its pointers, to compare shapes. */
function shape(type: TypeModel | undefined): unknown {
  return JSON.parse(JSON.stringify(type, (key, value) => (/(^p|P)ointer$/.test(key) || key === 'description' ? undefined : value)));
}

function field(schema: string, name: string): FieldModel {
  const found = objectSchema(model, schema).fields.find((f) => f.name === name);
  if (!found) throw new Error(`${schema} has no field ${name}`);
  return found;
}

describe('the fixture spec, as the model reads it', () => {
  it('has three resources, by tag, with their operations', () => {
    const byTag = new Map<string, string[]>();
    for (const op of model.operations) byTag.set(op.tags[0]!, [...(byTag.get(op.tags[0]!) ?? []), `${op.method} ${op.path}`]);
    expect(Object.fromEntries(byTag)).toEqual({
      'SIP Endpoints': ['get /endpoints/sip', 'post /endpoints/sip', 'get /endpoints/sip/{id}', 'put /endpoints/sip/{id}', 'delete /endpoints/sip/{id}'],
      'Domain Applications': ['get /domain_applications', 'post /domain_applications', 'get /domain_applications/{id}', 'patch /domain_applications/{id}', 'delete /domain_applications/{id}'],
      'Phone Numbers': ['get /phone_numbers', 'get /phone_numbers/{id}', 'put /phone_numbers/{id}'],
    });
    const list = model.operations.find((op) => op.operationId === 'list_domain_applications')!;
    expect(list.parameters.map((p) => `${p.in} ${p.name}`)).toEqual(['query filter_name', 'query page_number', 'query page_size', 'query page_token']);
    expect(list.successes.map((r) => r.schema)).toEqual(['DomainApplicationListResponse']);
    const patch = model.operations.find((op) => op.operationId === 'update_domain_application')!;
    expect(patch.requestBody).toEqual({ schema: 'UpdateDomainApplicationRequest', required: true });
  });

  it('reads a field of every type on the domain application request', () => {
    const kinds = Object.fromEntries(objectSchema(model, 'CreateDomainApplicationRequest').fields.map((f) => [f.name, f.type.kind]));
    expect(new Set(Object.values(kinds))).toEqual(new Set(['string', 'boolean', 'integer', 'number', 'union', 'object', 'array']));
    const of = (name: string) => shape(field('CreateDomainApplicationRequest', name).type);
    expect(of('name')).toEqual({ kind: 'string', nullable: false, minLength: 1, maxLength: 64 });
    expect(of('identifier')).toEqual({ kind: 'string', nullable: false, pattern: '^[a-z0-9-]+$', patternMessage: 'must contain only lowercase letters, digits and -' });
    expect(of('volume_gain_db')).toEqual({ kind: 'number', nullable: false, minimum: -12, maximum: 12, multipleOf: 0.5 });
    expect(of('sample_rate_ratio')).toEqual({ kind: 'number', nullable: false, exclusiveMinimum: 0, exclusiveMaximum: 1 });
    expect(of('notes')).toEqual({ kind: 'string', nullable: true, maxLength: 280 });
    expect(of('transport')).toEqual({ kind: 'string', nullable: true, enum: { values: ['udp', 'tcp', 'tls'], open: false } });
    expect(of('region_or_code')).toEqual({ kind: 'union', nullable: false, members: [{ kind: 'string', nullable: false }, { kind: 'integer', nullable: false }] });
    expect(['owner_email', 'fallback_url', 'tracking_id', 'go_live_at'].map((n) => (field('CreateDomainApplicationRequest', n).type as { format?: string }).format)).toEqual([
      'email',
      'uri',
      'uuid',
      'date-time',
    ]);
    expect(of('limits')).toMatchObject({ kind: 'object', unknownProperties: 'reject', fields: [{ name: 'calls_per_second', required: true }, { name: 'burst', required: false, type: { kind: 'integer', nullable: true, minimum: 0 } }] });
    expect(of('sip_headers')).toMatchObject({ kind: 'array', maxItems: 10, items: { kind: 'object', unknownProperties: 'reject', fields: [{ name: 'name' }, { name: 'value' }] } });
    expect(of('metadata')).toEqual({ kind: 'object', nullable: false, fields: [], unknownProperties: 'map', mapValue: { kind: 'string', nullable: false, maxLength: 100 } });
    expect(field('CreateDomainApplicationRequest', 'secret')).toMatchObject({ required: true, writeOnly: true });
    expect(field('CreateDomainApplicationRequest', 'enabled')).toMatchObject({ default: true, type: { kind: 'boolean' } });
  });

  it('reads the lenient response: a const, read-only fields, an open inline enum, a nullable inline object', () => {
    expect(shape(field('DomainApplication', 'type').type)).toEqual({ kind: 'const', nullable: false, value: 'domain_application' });
    expect(field('DomainApplication', 'created_at')).toMatchObject({ readOnly: true, type: { kind: 'string', format: 'date-time' } });
    expect(shape(field('DomainApplication', 'transport').type)).toEqual({ kind: 'string', nullable: true, enum: { values: ['udp', 'tcp', 'tls'], open: true } });
    expect(shape(field('DomainApplication', 'call_handler').type)).toMatchObject({ nullable: true, enum: { name: 'DomainApplicationCallHandler', open: true } });
    expect(field('DomainApplication', 'limits').type).toMatchObject({ kind: 'object', nullable: true, unknownProperties: 'allow' });
    expect(objectSchema(model, 'DomainApplication').fields.some((f) => f.name === 'secret')).toBe(false);
  });

  it('gives each resource its own call_handler rules, shared by its create and update', () => {
    const create = objectSchema(model, 'CreateDomainApplicationRequest').handlerRules;
    const update = objectSchema(model, 'UpdateDomainApplicationRequest').handlerRules;
    expect(create.map((r) => [r.discriminator, r.enumName, r.pointer])).toEqual([['call_handler', 'DomainApplicationCallHandler', '#/components/schemas/DomainApplicationFields']]);
    expect(update).toEqual(create);
    expect(create[0]!.rules.map((r) => [r.handler, r.alternatives])).toEqual([
      ['laml_webhooks', [['call_request_url']]],
      ['relay_context', [['call_relay_context']]],
      ['ai_agent', [['call_ai_agent_id']]],
      ['hangup', []],
    ]);
    const sip = objectSchema(model, 'CreateSipEndpointRequest').handlerRules;
    expect(sip.map((r) => [r.discriminator, r.enumName])).toEqual([['call_handler', 'CallHandler']]);
  });

  it('reads both discriminators of the phone number update, each with its own rules', () => {
    const rules = objectSchema(model, 'UpdatePhoneNumberRequest').handlerRules;
    expect(rules.map((r) => [r.discriminator, r.enumName, r.handlers])).toEqual([
      ['call_handler', 'PhoneNumberCallHandler', ['relay_script', 'laml_webhooks', 'dialogflow']],
      ['message_handler', undefined, ['laml_webhooks', 'relay_application']],
    ]);
    expect(rules[1]!.rules.map((r) => [r.handler, r.alternatives])).toEqual([
      ['laml_webhooks', [['message_request_url']]],
      ['relay_application', [['message_relay_application']]],
    ]);
    expect(rules[1]!.rules[0]!.pointer).toBe('#/components/schemas/UpdatePhoneNumberRequest/allOf/3/then');
  });
});
