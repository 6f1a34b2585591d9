/** The client's operation table, derived from the model. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderClientOperations } from '../../scripts/emit/client-operations.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { operations } from '../../packages/client/src/generated/operations.ts';
import { readBundledModel } from '../support/repo.ts';

let spec: Record<string, any>;
let model: ApiModel;
beforeAll(async () => {
  ({ spec, model } = await readBundledModel());
});

describe('client operations emitter', () => {
  it('has every operation of the spec, with its method, path and path parameters', () => {
    expect(Object.keys(operations).sort()).toEqual(model.operations.map((op) => op.operationId).sort());
    expect(Object.values(operations).map((op) => `${op.method} ${op.path} [${op.pathParameters.join()}]`).sort()).toEqual([
      'DELETE /endpoints/sip/{id} [id]',
      'GET /endpoints/sip []',
      'GET /endpoints/sip/{id} [id]',
      'POST /endpoints/sip []',
      'PUT /endpoints/sip/{id} [id]',
    ]);
  });

  it('lists the success statuses the spec gives, with their validators', () => {
    expect(operations.create_sip_endpoint.successes.map((s) => s.status)).toEqual([200, 201]);
    expect(operations.create_sip_endpoint.requestBody.schema).toBe('CreateSipEndpointRequest');
    expect(() => operations.create_sip_endpoint.requestBody.assertBody({ username: 'a' })).toThrow(/password/);
    expect(operations.delete_sip_endpoint.successes).toEqual([{ status: 204 }]);
    expect(operations.list_sip_endpoints.queryParameters).toContainEqual({ name: 'page_size', kind: 'integer' });
  });

  it('follows a change of the spec, and writes any operationId as a safe key', () => {
    const changed = structuredClone(spec);
    changed.paths['/endpoints/sip'].post.operationId = "make-sip'endpoint";
    const text = renderClientOperations(readModel(changed), 'hash');
    expect(text).toContain('"make-sip\'endpoint": {\n    operationId: "make-sip\'endpoint",\n    method: "POST",');
  });
});
