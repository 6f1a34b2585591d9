/** The code samples' pure parts (scripts/emit/docs-code-samples.ts); the samples themselves compile in `npm run typecheck`. */
import { describe, expect, it } from 'vitest';
import { curlSample, sampleBaseUrl, typescriptSample } from '../../scripts/emit/docs-code-samples.ts';
import type { OperationModel } from '../../scripts/model/types.ts';

const operation = (method: OperationModel['method'], path: string): OperationModel => ({
  operationId: 'op',
  method,
  path,
  summary: '',
  description: '',
  tags: ['Things'],
  parameters: [],
  successes: [],
  errors: [],
  pointer: '#/paths',
});

describe('TypeScript samples', () => {
  it('call the method the client has for the operation, iterating a list and awaiting the rest', () => {
    const list = typescriptSample({ operation: operation('get', '/things'), clientCall: 'things.list', role: 'list' }, 'https://x.example');
    expect(list).toContain("import { createClient } from '@sip-endpoints/client';");
    expect(list).toContain('for await (const item of client.things.list()) {');
    const restart = typescriptSample({ operation: operation('post', '/things/{id}/restart'), clientCall: 'things.restartThing' }, 'https://x.example');
    expect(restart).toContain('const result = await client.things.restartThing();');
  });
});

describe('curl samples', () => {
  it('fills the server variables with their defaults and quotes a body safely for the shell', () => {
    const baseUrl = sampleBaseUrl({ servers: [{ url: 'https://{space}.example.org/api', variables: { space: { default: 'demo' } } }] });
    expect(baseUrl).toBe('https://demo.example.org/api');
    const sample = curlSample({ operation: operation('put', '/things/{id}'), clientCall: 'things.update', role: 'update', bodyExample: { name: "it's" } }, baseUrl);
    expect(sample).toBe(
      [`curl -X PUT 'https://demo.example.org/api/things/the-id' \\`, `  -u "$PROJECT_ID:$API_TOKEN" \\`, `  -H 'Content-Type: application/json' \\`, `  -d '{"name":"it'\\''s"}'`, ''].join('\n'),
    );
  });
});
