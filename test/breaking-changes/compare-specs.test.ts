/**
 * compareSpecs on small specs built in code: each kind of breaking change is caught (and
 * reported once, at the schema a client uses), non-breaking changes are listed only as info,
 * and an identical spec reports nothing.
 */
import { describe, expect, it } from 'vitest';
import { compareSpecs, type ChangeKind } from '../../scripts/breaking/compare-specs.ts';
import { baseSpec } from './spec-builder.ts';

type Edit = (spec: Record<string, any>) => void;
const schemas = (spec: Record<string, any>) => spec.components.schemas;
const handlerRule = (spec: Record<string, any>, handler: string) =>
  schemas(spec).ThingFields.allOf.find((rule: any) => rule.if.properties.handler.const === handler);

function changesAfter(edit: Edit) {
  const after = baseSpec();
  edit(after);
  return compareSpecs(baseSpec(), after);
}

describe('compareSpecs: breaking changes', () => {
  const cases: [title: string, edit: Edit, kind: ChangeKind, subject: string][] = [
    ['removed operation', (s) => delete s.paths['/things/{id}'].delete, 'removed-operation', 'DELETE /things/{id}'],
    ['renamed operationId', (s) => (s.paths['/things'].post.operationId = 'make_thing'), 'renamed-operation', 'POST /things'],
    ['removed request field', (s) => delete schemas(s).ThingFields.properties.size, 'removed-field', 'CreateThing.size'],
    ['removed response field', (s) => delete schemas(s).Thing.properties.color, 'removed-field', 'Thing.color'],
    ['removed schema', (s) => {
      delete schemas(s).Thing;
      s.paths['/things'].get.responses['200'] = { description: 'Nothing' };
      s.paths['/things'].post.responses['201'] = { description: 'Nothing' };
    }, 'removed-schema', 'Thing'],
    ['removed enum value', (s) => (schemas(s).Color.enum = ['red']), 'removed-enum-value', 'Color.green'],
    ['field newly required (object required)', (s) => schemas(s).CreateThing.required.push('color'), 'newly-required-field', 'CreateThing.color'],
    ['required field added to a request', (s) => {
      schemas(s).ThingFields.properties.weight = { type: 'integer' };
      schemas(s).CreateThing.required.push('weight');
    }, 'newly-required-field', 'CreateThing.weight'],
    ['handler rule newly requires a field (none before)', (s) => (handlerRule(s, 'script').then = { required: ['script_url'] }), 'handler-newly-requires-field', 'CreateThing handler=script'],
    ['handler rule needs a second field', (s) => handlerRule(s, 'webhook').then.required.push('script_url'), 'handler-newly-requires-field', 'CreateThing handler=webhook'],
    ['handler rule drops an alternative', (s) => (handlerRule(s, 'relay').then = { required: ['relay_topic'] }), 'handler-newly-requires-field', 'CreateThing handler=relay'],
    ['request type narrowed (minimum raised)', (s) => (schemas(s).ThingFields.properties.size.minimum = 1), 'type-change', 'CreateThing.size'],
    ['request type changed (string → integer)', (s) => (schemas(s).ThingFields.properties.name = { type: 'integer' }), 'type-change', 'CreateThing.name'],
    ['request field gains a format', (s) => (schemas(s).ThingFields.properties.script_url.format = 'uri'), 'type-change', 'CreateThing.script_url'],
    ['response type widened (now nullable)', (s) => (schemas(s).Thing.properties.id.type = ['string', 'null']), 'type-change', 'Thing.id'],
    ['response field no longer always present', (s) => (schemas(s).Thing.required = ['id']), 'type-change', 'Thing.name'],
    ['query parameter removed', (s) => delete s.paths['/things'].get.parameters, 'removed-parameter', 'GET /things query parameter page_size'],
    ['query parameter newly required', (s) => (s.paths['/things'].get.parameters[0].required = true), 'newly-required-parameter', 'GET /things query parameter page_size'],
    ['query parameter narrowed', (s) => (s.paths['/things'].get.parameters[0].schema.maximum = 50), 'type-change', 'GET /things query parameter page_size'],
    ['success response removed', (s) => {
      s.paths['/things'].post.responses = { '200': s.paths['/things'].post.responses['201'] };
    }, 'removed-response', 'POST /things response 201'],
  ];

  it.each(cases)('%s', (_title, edit, kind, subject) => {
    const breaking = changesAfter(edit).filter((c) => c.severity === 'breaking');
    expect(breaking.map((c) => `${c.kind} ${c.subject}`)).toContain(`${kind} ${subject}`);
    // Reported once, at the schema clients use, not again at the allOf base it comes from.
    expect(breaking.filter((c) => c.subject.startsWith('ThingFields'))).toEqual([]);
  });

  it('names what a handler now needs', () => {
    const [change] = changesAfter((s) => handlerRule(s, 'webhook').then.required.push('script_url'));
    expect(change?.message).toBe('`handler: webhook` in `CreateThing` now needs `webhook_url` and `script_url` (before: `webhook_url`)');
  });
});

describe('compareSpecs: non-breaking changes', () => {
  const cases: [title: string, edit: Edit, subject: string][] = [
    ['optional request field added', (s) => (schemas(s).ThingFields.properties.note = { type: 'string' }), 'CreateThing.note'],
    ['response field added', (s) => (schemas(s).Thing.properties.note = { type: 'string' }), 'Thing.note'],
    ['enum value added', (s) => schemas(s).Color.enum.push('blue'), 'Color.blue'],
    ['operation added', (s) => (s.paths['/things/{id}'].get = { ...s.paths['/things/{id}'].delete, operationId: 'get_thing', responses: { '200': { description: 'A thing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } }), 'GET /things/{id}'],
    ['handler rule relaxed (field no longer needed)', (s) => (handlerRule(s, 'webhook').then = { required: [] }), 'CreateThing handler=webhook'],
    ['handler rule gains an alternative', (s) => (handlerRule(s, 'webhook').then = { anyOf: [{ required: ['webhook_url'] }, { required: ['script_url'] }] }), 'CreateThing handler=webhook'],
    ['request type widened (minimum lowered)', (s) => (schemas(s).ThingFields.properties.size.minimum = -1), 'CreateThing.size'],
    ['response field now always present', (s) => schemas(s).Thing.required.push('color'), 'Thing.color'],
    ['optional query parameter added', (s) => s.paths['/things'].get.parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }), 'GET /things query parameter q'],
  ];

  it.each(cases)('%s', (_title, edit, subject) => {
    const changes = changesAfter(edit);
    expect(changes.filter((c) => c.severity === 'breaking')).toEqual([]);
    expect(changes.map((c) => c.subject)).toContain(subject);
  });
});

describe('compareSpecs: no change', () => {
  it('reports nothing for an identical spec', () => {
    expect(compareSpecs(baseSpec(), baseSpec())).toEqual([]);
  });

  it('reports nothing for the committed spec compared with itself', async () => {
    const { readBundledSpec } = await import('../support/repo.ts');
    expect(compareSpecs(await readBundledSpec(), await readBundledSpec())).toEqual([]);
  });
});
