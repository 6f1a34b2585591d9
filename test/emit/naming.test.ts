/** Generated identifiers: how spec names become them, and the collisions that are refused. */
import { describe, expect, it } from 'vitest';
import {
  camelCase,
  NameScope,
  NamingError,
  operationMethodName,
  pascalCase,
  resourceClassName,
  resourcePropertyName,
  TypeNames,
  uniqueNames,
  upperSnakeCase,
  ValidatorNames,
  words,
} from '../../scripts/emit/naming.ts';

describe('case conversions', () => {
  it.each([
    ['SIP Endpoints', ['SIP', 'Endpoints'], 'sipEndpoints', 'SipEndpoints', 'SIP_ENDPOINTS'],
    ['Domain Applications', ['Domain', 'Applications'], 'domainApplications', 'DomainApplications', 'DOMAIN_APPLICATIONS'],
    ['list_sip_endpoints', ['list', 'sip', 'endpoints'], 'listSipEndpoints', 'ListSipEndpoints', 'LIST_SIP_ENDPOINTS'],
    ['createDomainApplication', ['create', 'Domain', 'Application'], 'createDomainApplication', 'CreateDomainApplication', 'CREATE_DOMAIN_APPLICATION'],
    ['SIPEndpoints', ['SIP', 'Endpoints'], 'sipEndpoints', 'SipEndpoints', 'SIP_ENDPOINTS'],
    ['call_handler', ['call', 'handler'], 'callHandler', 'CallHandler', 'CALL_HANDLER'],
    ['phone-numbers v2', ['phone', 'numbers', 'v2'], 'phoneNumbersV2', 'PhoneNumbersV2', 'PHONE_NUMBERS_V2'],
    ['  --  ', [], '', '', ''],
  ])('%j', (given, wantWords, wantCamel, wantPascal, wantUpperSnake) => {
    expect(words(given)).toEqual(wantWords);
    expect(camelCase(given)).toBe(wantCamel);
    expect(pascalCase(given)).toBe(wantPascal);
    expect(upperSnakeCase(given)).toBe(wantUpperSnake);
  });
});

describe('resourcePropertyName (client.<name>, from a tag)', () => {
  it.each([
    ['SIP Endpoints', 'sipEndpoints'],
    ['Domain Applications', 'domainApplications'],
    ['Phone Numbers', 'phoneNumbers'],
    ['Fax', 'fax'],
    // Reserved words are fine after a dot: client.delete, client.default.
    ['Delete', 'delete'],
    ['Default', 'default'],
  ])('%j → %s', (tag, want) => expect(resourcePropertyName(tag)).toBe(want));

  it.each([
    ['Then', /would become the property "then"/],
    ['Constructor', /would become the property "constructor"/],
    ['3D Models', /cannot be used as a property name/],
    ['***', /has no letters or digits/],
  ])('refuses %j', (tag, message) => {
    expect(() => resourcePropertyName(tag)).toThrow(NamingError);
    expect(() => resourcePropertyName(tag)).toThrow(message);
  });
});

describe('operationMethodName (a method outside the CRUD roles, from its operationId)', () => {
  it.each([
    ['cancel_call', 'cancelCall'],
    ['sendTestMessage', 'sendTestMessage'],
    ['reset-password', 'resetPassword'],
  ])('%j → %s', (id, want) => expect(operationMethodName(id)).toBe(want));

  it('refuses names that cannot be methods', () => {
    expect(() => operationMethodName('then')).toThrow(/operationId "then": would become the method "then"/);
    expect(() => operationMethodName('2fa_reset')).toThrow(NamingError);
  });
});

describe('NameScope', () => {
  it('gives a name to one source, and again to the same source', () => {
    const scope = new NameScope('module.ts');
    expect(scope.type('Foo', 'schema "Foo"')).toBe('Foo');
    expect(scope.type('Foo', 'schema "Foo"')).toBe('Foo');
  });

  it('refuses a name claimed by two sources, naming both', () => {
    const scope = new NameScope('module.ts');
    scope.value('checkSipEndpointFields', 'the field check of schema "SipEndpoint"');
    expect(() => scope.value('checkSipEndpointFields', 'the check of schema "SipEndpointFields"')).toThrow(
      'module.ts: the check of schema "SipEndpointFields" and the field check of schema "SipEndpoint" would both be named "checkSipEndpointFields"',
    );
  });

  it('keeps types and values apart (a type and a const may share a name)', () => {
    const scope = new NameScope('module.ts');
    scope.type('SipEndpoint', 'schema "SipEndpoint"');
    expect(scope.value('SipEndpoint', 'the validator of schema "SipEndpoint"')).toBe('SipEndpoint');
  });

  it('refuses reserved words, globals the code uses, and the module\'s own names', () => {
    const scope = new NameScope('module.ts', { defineSchema: 'the runtime import defineSchema' });
    expect(() => scope.type('string', 'schema "string"')).toThrow(/reserved word/);
    expect(() => scope.type('default', 'schema "default"')).toThrow(/reserved word/);
    expect(() => scope.type('Record', 'schema "Record"')).toThrow(/schema "Record" and the global Record/);
    expect(() => scope.value('defineSchema', 'schema "defineSchema"')).toThrow(/and the runtime import defineSchema/);
    expect(() => scope.type('sip-endpoint', 'schema "sip-endpoint"')).toThrow(/cannot be used as a TypeScript name/);
  });
});

describe('TypeNames', () => {
  it('names the SIP types as before, and each rules map after the schema that states the rules', () => {
    const names = new TypeNames('schemas.ts');
    expect(names.schema('CreateSipEndpointRequest')).toBe('CreateSipEndpointRequest');
    expect(names.enumValues('CallHandler')).toBe('CallHandlerValues');
    expect(names.base('CreateSipEndpointRequest')).toBe('CreateSipEndpointRequestBase');
    expect(names.requiredFields('SipEndpointFields', 'call_handler')).toBe('SipEndpointFieldsCallHandlerRequiredFields');
    // Another resource with rules on the same property gets its own map.
    expect(names.requiredFields('DomainApplicationFields', 'call_handler')).toBe('DomainApplicationFieldsCallHandlerRequiredFields');
  });

  it.each([
    ['a schema named like another schema\'s base', (n: TypeNames) => (n.base('Foo'), n.schema('FooBase')), /schema "FooBase" and the base fields of schema "Foo"/],
    ['a schema named like the rules helper', (n: TypeNames) => n.schema('WithHandlerRules'), /schema "WithHandlerRules" and the handler-rules helper type/],
    [
      'two discriminators of one schema that differ only in case',
      (n: TypeNames) => (n.requiredFields('Foo', 'call_handler'), n.requiredFields('Foo', 'callHandler')),
      /the "callHandler" rules of schema "Foo" and the "call_handler" rules of schema "Foo" would both be named "FooCallHandlerRequiredFields"/,
    ],
    [
      'a rules map that lands on a schema\'s name',
      (n: TypeNames) => (n.schema('FooCallHandlerRequiredFields'), n.requiredFields('Foo', 'call_handler')),
      /the "call_handler" rules of schema "Foo" and schema "FooCallHandlerRequiredFields"/,
    ],
    ['an enum values const that lands on a reserved name', () => new TypeNames('schemas.ts', { FooValues: 'an import' }).enumValues('Foo'), /and an import/],
  ])('refuses %s', (_name, clash, message) => {
    expect(() => clash(new TypeNames('schemas.ts'))).toThrow(NamingError);
    expect(() => clash(new TypeNames('schemas.ts'))).toThrow(message);
  });
});

describe('ValidatorNames', () => {
  it('names a schema check and a field check so that they cannot meet', () => {
    const names = new ValidatorNames('validators.ts');
    expect(names.check('SipEndpoint')).toBe('checkSipEndpoint');
    expect(names.fieldsCheck('SipEndpoint')).toBe('checkFieldsOfSipEndpoint');
    // The schema check of "SipEndpointFields" and the field check of "SipEndpoint" were both
    // "checkSipEndpointFields"; now they are different names.
    expect(names.check('SipEndpointFields')).toBe('checkSipEndpointFields');
    expect(names.fieldsCheck('SipEndpointFields')).toBe('checkFieldsOfSipEndpointFields');
  });

  it('refuses what still lands on one name, naming both sources', () => {
    const names = new ValidatorNames('validators.ts');
    names.fieldsCheck('Foo');
    expect(() => names.check('FieldsOfFoo')).toThrow(/the check of schema "FieldsOfFoo" and the field check of schema "Foo" would both be named "checkFieldsOfFoo"/);
    names.constant('SipEndpoint', 'VALUES', 'the values of enum "SipEndpoint"');
    expect(() => names.constant('SIPEndpoint', 'VALUES', 'the values of enum "SIPEndpoint"')).toThrow(/would both be named "SIP_ENDPOINT_VALUES"/);
    names.schema('Foo');
    expect(() => names.importedType('Foo')).not.toThrow();
    expect(() => names.schema('FooType')).toThrow(/the type of schema "FooType" and the imported type of schema "Foo"/);
  });
});

describe('client names', () => {
  it.each([
    ['SIP Endpoints', 'sipEndpoints', 'SipEndpointsResource'],
    ['Domain Applications', 'domainApplications', 'DomainApplicationsResource'],
    ['phoneNumbers', 'phoneNumbers', 'PhoneNumbersResource'],
  ])('names the resource of the tag %j', (tag, property, className) => {
    expect(resourcePropertyName(tag)).toBe(property);
    expect(resourceClassName(tag)).toBe(className);
  });

  it('refuses a tag that gives no class name', () => {
    expect(() => resourceClassName('2024 Reports')).toThrow(NamingError);
  });

  it('refuses a property or method name given twice, naming both sources', () => {
    const tags = ['SIP Endpoints', 'Sip endpoints'].map((tag) => ({ name: resourcePropertyName(tag), source: `tag "${tag}"` }));
    expect(() => uniqueNames(tags)).toThrow('the generated name "sipEndpoints" would come from both tag "SIP Endpoints" and tag "Sip endpoints": rename one of them in the spec');
    expect(() => uniqueNames([{ name: 'raw', source: 'tag "Raw"' }], { raw: 'the client itself (`client.raw`)' })).toThrow(
      'the generated name "raw" would come from both the client itself (`client.raw`) and tag "Raw"',
    );
    expect(uniqueNames([{ name: 'delete', source: 'x' }, { name: 'list', source: 'y' }])).toEqual(['delete', 'list']);
  });
});
