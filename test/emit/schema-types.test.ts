/** The types emitter on specs beyond the product: unique names, each schema its own rules, collisions refused. */
import { describe, expect, it } from 'vitest';
import { renderSchemaTypes } from '../../scripts/emit/schema-types.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';
import { readBundledSpec } from '../support/repo.ts';

function exportedNames(source: string): string[] {
  return [...source.matchAll(/^export (?:interface|type|const) (\w+)/gm)].map((m) => m[1]!);
}

describe('renderSchemaTypes', () => {
  it('declares every name once on the multi-resource fixture, with one rules map per schema that states rules', async () => {
    const { model } = await bundleFixtureSpec();
    const source = renderSchemaTypes(model, 'test');
    const names = exportedNames(source);
    expect(names.length).toBe(new Set(names).size);
    expect(names.filter((n) => n.endsWith('RequiredFields'))).toEqual([
      'SipEndpointFieldsCallHandlerRequiredFields',
      'DomainApplicationFieldsCallHandlerRequiredFields',
      'UpdatePhoneNumberRequestCallHandlerRequiredFields',
      'UpdatePhoneNumberRequestMessageHandlerRequiredFields',
    ]);
    expect(names.filter((n) => n === 'WithHandlerRules')).toHaveLength(1);
    expect(source).toContain(
      'export type CreateDomainApplicationRequest = WithHandlerRules<CreateDomainApplicationRequestBase, "call_handler", DomainApplicationFieldsCallHandlerRequiredFields>;',
    );
    // Two discriminators: the rules of each apply, one after the other.
    expect(source).toContain(
      'export type UpdatePhoneNumberRequest = WithHandlerRules<WithHandlerRules<UpdatePhoneNumberRequestBase, "call_handler", UpdatePhoneNumberRequestCallHandlerRequiredFields>, "message_handler", UpdatePhoneNumberRequestMessageHandlerRequiredFields>;',
    );
    // Neither discriminator is in the base: each comes from its rules.
    const base = /export interface UpdatePhoneNumberRequestBase \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
    expect(base).toContain('message_request_url?: string;');
    expect(base).not.toMatch(/^\s+(call|message)_handler\??:/m);
  }, 30_000);

  it('writes each new kind of type', async () => {
    const { model } = await bundleFixtureSpec();
    const source = renderSchemaTypes(model, 'test');
    const base = /export interface CreateDomainApplicationRequestBase \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
    for (const line of [
      'enabled?: boolean;',
      'volume_gain_db?: number;',
      'notes?: string | null;',
      'transport?: "udp" | "tcp" | "tls" | null;',
      'region_or_code?: string | number;',
      'metadata?: {\n    [key: string]: string;\n  };',
      'burst?: number | null;',
      '}[];',
    ]) {
      expect(base).toContain(line);
    }
    expect(base).toContain('Write-only: sent, never returned.');
    const response = /export interface DomainApplication \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
    expect(response).toContain('type: "domain_application";');
    expect(response).toContain('transport?: "udp" | "tcp" | "tls" | (string & {}) | null;');
    expect(response).toContain('call_handler: DomainApplicationCallHandler | (string & {}) | null;');
  }, 30_000);

  it('refuses a schema whose name another generated type already has, naming both', async () => {
    const spec = await readBundledSpec();
    spec.components.schemas.CreateSipEndpointRequestBase = { type: 'object', properties: { note: { type: 'string' } } };
    expect(() => renderSchemaTypes(readModel(spec), 'test')).toThrow(
      /schema "CreateSipEndpointRequestBase" and the base fields of schema "CreateSipEndpointRequest" would both be named "CreateSipEndpointRequestBase"/,
    );
  });

  it('refuses a schema named like an export of the types package', async () => {
    const spec = await readBundledSpec();
    spec.components.schemas.paths = { type: 'object', properties: {} };
    expect(() => renderSchemaTypes(readModel(spec), 'test')).toThrow(/schema "paths" and the openapi-typescript export "paths"/);
  });
});
