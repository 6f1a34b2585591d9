/** The code samples (scripts/emit/docs-code-samples.ts): their pure parts and their emitter; the samples themselves compile in `npm run typecheck`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeSamplesEmitter, curlSample, sampleBaseUrl, SAMPLES_DIR, typescriptSample } from '../../scripts/emit/docs-code-samples.ts';
import { emitters } from '../../scripts/emit/index.ts';
import { readBundledModel, REPO_ROOT } from '../support/repo.ts';
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

describe('the samples emitter', () => {
  it('is an ordinary emitter, so the samples are type-checked in the one pass with the other generated code', async () => {
    expect(emitters).toContain(codeSamplesEmitter);
    expect(codeSamplesEmitter.childProcess).toBeFalsy();
    const { spec, model } = await readBundledModel();
    const files = await codeSamplesEmitter.emit({ spec, model, specHash: 'x', root: REPO_ROOT });
    expect(files.map((f) => f.path).sort()).toEqual(model.operations.map((op) => `${SAMPLES_DIR}/${op.operationId}.ts`).sort());
    const committed = await readFile(path.join(REPO_ROOT, files[0]!.path), 'utf8');
    // Same program as committed; only the spec hash in the header differs.
    expect(files[0]!.contents.split('\n').slice(2)).toEqual(committed.split('\n').slice(2));
  });
});
