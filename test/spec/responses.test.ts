/** Responses are read leniently: old and new API versions, and values added later, all pass. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { compileSpecSchemas } from '../support/ajv.ts';
import { readBundledSpec, REPO_ROOT } from '../support/repo.ts';

let schema: (name: string) => ValidateFunction;
let createPageExample: Record<string, unknown>;
beforeAll(async () => {
  schema = compileSpecSchemas(await readBundledSpec());
  // Copied verbatim from the response example of the API's "Create a SIP Endpoint" page.
  createPageExample = JSON.parse(await readFile(path.join(REPO_ROOT, 'test/spec/fixtures/create-page-response.json'), 'utf8'));
});

describe('SipEndpoint', () => {
  it("validates the create page's own response example", () => {
    const validate = schema('SipEndpoint');
    expect(validate(createPageExample), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts unknown properties and enum values from a newer server', () => {
    const newer = { ...createPageExample, call_handler: 'sip_trunk', encryption: 'mandatory', codecs: ['OPUS@48000h'], new_field: 1 };
    expect(schema('SipEndpoint')(newer)).toBe(true);
  });

  it('accepts null for unset values', () => {
    expect(schema('SipEndpoint')({ ...createPageExample, call_handler: null, caller_id: null, call_video_room_id: null })).toBe(true);
  });

  it('still requires the fields every API version sends, and checks the id', () => {
    const { username: _dropped, ...withoutUsername } = createPageExample;
    expect(schema('SipEndpoint')(withoutUsername)).toBe(false);
    expect(schema('SipEndpoint')({ ...createPageExample, id: 'not-a-uuid' })).toBe(false);
    expect(schema('SipEndpoint')({ ...createPageExample, codecs: 'OPUS' })).toBe(false);
  });

  it('has no password property', async () => {
    const spec = await readBundledSpec();
    expect(Object.keys(spec.components.schemas.SipEndpoint.properties)).not.toContain('password');
  });
});

describe('SipEndpointListResponse', () => {
  it('needs links.self, links.first and data', () => {
    const validate = schema('SipEndpointListResponse');
    expect(validate({ links: { self: '/a', first: '/a' }, data: [createPageExample] })).toBe(true);
    expect(validate({ links: { self: '/a' }, data: [] })).toBe(false);
    expect(validate({ links: { self: '/a', first: '/a' } })).toBe(false);
  });
});

describe('every example in the spec', () => {
  it('validates against its schema', async () => {
    const spec = await readBundledSpec();
    const checked: string[] = [];
    for (const [pathKey, item] of Object.entries<any>(spec.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (typeof operation !== 'object' || !operation.responses) continue;
        const media = [
          ['request', operation.requestBody?.content?.['application/json']],
          ...Object.entries<any>(operation.responses).map(([status, r]) => [status, r.content?.['application/json']]),
        ];
        for (const [where, content] of media) {
          const ref: string | undefined = content?.schema?.$ref;
          if (!ref) continue;
          const validate = schema(ref.split('/').pop()!);
          for (const [exampleName, example] of Object.entries<any>(content.examples ?? {})) {
            const value = example.$ref ? spec.components.examples[example.$ref.split('/').pop()].value : example.value;
            expect(validate(value), `${method} ${pathKey} ${where} ${exampleName}: ${JSON.stringify(validate.errors)}`).toBe(true);
            checked.push(exampleName);
          }
        }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });
});
