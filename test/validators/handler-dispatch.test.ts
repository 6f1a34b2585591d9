/**
 * The test behind `isX` finds a discriminator value's rule by the value's length first when
 * there are many rules (`RULES_BY_LENGTH_MIN`), then compares the few values of that length. A
 * second discriminator after such a one must still be tested, values of equal length must each
 * reach their own rule, and a value of a known length that is no value (or no string) must meet
 * no rule: all as Ajv says, and as the full check says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES_BY_LENGTH_MIN } from '../../scripts/emit/validators/checks.ts';
import { objectSchema, readModel } from '../../scripts/model/read-model.ts';
import { compileSpecSchemas } from '../support/ajv.ts';
import { readBundledSpec } from '../support/repo.ts';
import { type GeneratedModule, loadValidators } from './support/load-generated.ts';
import { show } from './support/oracle.ts';

const SCHEMA = 'CreateSipEndpointRequest';
const CREDENTIALS = { username: 'alice', password: 'secret' };

let module: GeneratedModule;
let ajv: ReturnType<typeof compileSpecSchemas>;
let handlers: { handler: string; fields: string[] }[];

beforeAll(async () => {
  // The SIP spec plus a second discriminator, `message_handler`, whose one rule comes after
  // the call_handler rules.
  const spec = await readBundledSpec();
  const fields = spec.components.schemas.SipEndpointFields;
  fields.properties.message_handler = { type: 'string', enum: ['laml_webhooks', 'none'] };
  fields.properties.message_request_url = { type: 'string' };
  fields.allOf.push(
    { if: { required: ['message_handler'], properties: { message_handler: { const: 'laml_webhooks' } } }, then: { required: ['message_request_url'] } },
    { if: { required: ['message_handler'], properties: { message_handler: { const: 'none' } } }, then: { required: [] } },
  );
  const model = readModel(spec);
  const rules = objectSchema(model, SCHEMA).handlerRules;
  expect(rules.map((r) => r.discriminator)).toEqual(['call_handler', 'message_handler']);
  handlers = rules[0]!.rules.filter((r) => r.alternatives.length > 0).map((r) => ({ handler: r.handler, fields: [...r.alternatives[0]!] }));
  module = (await loadValidators(spec)).module;
  ajv = compileSpecSchemas(spec);
}, 60_000);

function verdict(body: Record<string, unknown>): boolean {
  const ours = module[SCHEMA]['~standard'].validate(body).issues === undefined;
  const is = module[`is${SCHEMA}`](body) as boolean;
  const theirs = ajv(SCHEMA)(body) === true;
  if (is !== ours || ours !== theirs) throw new Error(`isX ${is}, validate ${ours}, Ajv ${theirs} on ${show(body)}`);
  return ours;
}

describe('the handler rules of the test', () => {
  it('are found by the length of the value when there are many, values of one length each reaching their own', () => {
    expect(handlers.length).toBeGreaterThanOrEqual(RULES_BY_LENGTH_MIN);
    const lengths = handlers.map((h) => h.handler.length);
    // The spec has values of equal length (relay_context and laml_webhooks), the case to get right.
    expect(new Set(lengths).size).toBeLessThan(lengths.length);
    for (const { handler, fields } of handlers) {
      const met = Object.fromEntries(fields.map((f) => [f, f.endsWith('_url') ? 'https://example.org/a' : f.endsWith('_id') ? '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90' : 'x']));
      expect(verdict({ ...CREDENTIALS, call_handler: handler }), handler).toBe(false);
      expect(verdict({ ...CREDENTIALS, call_handler: handler, ...met }), handler).toBe(true);
    }
  });

  it('test the second discriminator after a first one whose rule is met', () => {
    const body = { ...CREDENTIALS, call_handler: 'laml_webhooks', call_request_url: 'https://example.org/a', message_handler: 'laml_webhooks' };
    expect(verdict(body)).toBe(false);
    expect(verdict({ ...body, message_request_url: 'https://example.org/m' })).toBe(true);
    expect(verdict({ ...CREDENTIALS, message_handler: 'laml_webhooks' })).toBe(false);
  });

  it('meet no rule for a value of a known length that is no value, or for a value that is no string', () => {
    for (const call_handler of ['laml_webhookz', 'relay_contexT', 13, null, ['laml_webhooks']]) {
      // Rejected for the value itself (not in the enum), never for a rule.
      const { issues } = module[SCHEMA]['~standard'].validate({ ...CREDENTIALS, call_handler });
      expect(verdict({ ...CREDENTIALS, call_handler }), show(call_handler)).toBe(false);
      expect(issues.map((i: { code: string }) => i.code), show(call_handler)).not.toContain('required_for_handler');
    }
  });
});
