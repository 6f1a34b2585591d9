/** The names the client's generated code takes from the spec, and the refusal of any clash. */
import { describe, expect, it } from 'vitest';
import { camelCase, operationMethodName, resourceClassName, resourcePropertyName, uniqueNames } from '../../scripts/emit/naming.ts';

describe('client names', () => {
  it.each([
    ['SIP Endpoints', 'sipEndpoints', 'SipEndpointsResource'],
    ['Domain Applications', 'domainApplications', 'DomainApplicationsResource'],
    ['phoneNumbers', 'phoneNumbers', 'PhoneNumbersResource'],
    ['fax-api keys', 'faxApiKeys', 'FaxApiKeysResource'],
  ])('names the resource of the tag %j', (tag, property, className) => {
    expect(resourcePropertyName(tag)).toBe(property);
    expect(resourceClassName(tag)).toBe(className);
  });

  it('camelCases an operationId for a method without a CRUD role', () => {
    expect(operationMethodName('verify_domain_application')).toBe('verifyDomainApplication');
    expect(operationMethodName('listSipEndpoints')).toBe('listSipEndpoints');
  });

  it('refuses a name that cannot be an identifier, naming where it came from', () => {
    expect(() => resourcePropertyName('2024 Reports')).toThrow('tag "2024 Reports" gives no usable identifier (got "2024Reports")');
    expect(() => camelCase('***', 'operationId "***"')).toThrow(/operationId "\*\*\*" gives no usable identifier/);
  });

  it('refuses a name given twice, naming both sources', () => {
    const tags = ['SIP Endpoints', 'Sip endpoints'].map((tag) => ({ name: resourcePropertyName(tag), source: `tag "${tag}"` }));
    expect(() => uniqueNames(tags)).toThrow('the generated name "sipEndpoints" would come from both tag "SIP Endpoints" and tag "Sip endpoints": rename one of them in the spec');
  });

  it('refuses a name the runtime already uses', () => {
    expect(() => uniqueNames([{ name: 'raw', source: 'tag "Raw"' }], { raw: 'the client itself (`client.raw`)' })).toThrow(
      'the generated name "raw" would come from both the client itself (`client.raw`) and tag "Raw"',
    );
    expect(uniqueNames([{ name: 'a', source: 'x' }, { name: 'b', source: 'y' }])).toEqual(['a', 'b']);
  });
});
