/** The code samples' pure parts (scripts/emit/docs-code-samples.ts); the samples themselves compile in `npm run typecheck`. */
import { describe, expect, it } from 'vitest';
import { camelCase, clientFactory, clientRole, curlSample, sampleBaseUrl } from '../../scripts/emit/docs-code-samples.ts';
import type { OperationModel } from '../../scripts/model/types.ts';

const operation = (method: OperationModel['method'], path: string): OperationModel => ({
  operationId: 'op',
  method,
  path,
  summary: '',
  description: '',
  parameters: [],
  successes: [],
  errors: [],
  pointer: '#/paths',
});

describe('client names', () => {
  it('names the resource and the factory after the tag', () => {
    expect(camelCase('Phone Numbers')).toBe('phoneNumbers');
    expect(clientFactory('Phone Numbers')).toBe('createPhoneNumbersClient');
  });

  it('gives each method its role, by whether the path ends at one item', () => {
    expect(clientRole(operation('get', '/things'))).toBe('list');
    expect(clientRole(operation('get', '/things/{id}'))).toBe('retrieve');
    expect(clientRole(operation('post', '/things'))).toBe('create');
    expect(clientRole(operation('put', '/things/{id}'))).toBe('update');
    expect(clientRole(operation('delete', '/things/{id}'))).toBe('delete');
  });
});

describe('curl samples', () => {
  it('fills the server variables with their defaults and quotes a body safely for the shell', () => {
    const baseUrl = sampleBaseUrl({ servers: [{ url: 'https://{space}.example.org/api', variables: { space: { default: 'demo' } } }] });
    expect(baseUrl).toBe('https://demo.example.org/api');
    const sample = curlSample({ operation: operation('put', '/things/{id}'), tag: 'Things', bodyExample: { name: "it's" } }, baseUrl);
    expect(sample).toBe(
      [`curl -X PUT 'https://demo.example.org/api/things/the-id' \\`, `  -u "$PROJECT_ID:$API_TOKEN" \\`, `  -H 'Content-Type: application/json' \\`, `  -d '{"name":"it'\\''s"}'`, ''].join('\n'),
    );
  });
});
