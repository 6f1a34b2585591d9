/** The client's operation table is derived from the model, deterministically. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_OPERATIONS_PATH, renderClientOperations } from '../../scripts/emit/client-operations.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { operations } from '../../packages/client/src/generated/operations.ts';
import { readBundledModel, REPO_ROOT } from '../support/repo.ts';

let spec: Record<string, any>;
let model: ApiModel;
beforeAll(async () => {
  ({ spec, model } = await readBundledModel());
});

describe('client operations emitter', () => {
  it('renders the same text every time, and that is what is committed', async () => {
    const committed = await readFile(path.join(REPO_ROOT, CLIENT_OPERATIONS_PATH), 'utf8');
    const hash = /Spec hash: ([0-9a-f]+)/.exec(committed)?.[1] ?? '';
    expect(renderClientOperations(readModel(structuredClone(spec)), hash)).toBe(committed);
  });

  it('has every operation of the spec, retry-safe exactly when idempotent', () => {
    expect(Object.keys(operations).sort()).toEqual(model.operations.map((op) => op.operationId).sort());
    const retrySafe = Object.values(operations).map((op) => `${op.method} ${op.retrySafe}`);
    expect(new Set(retrySafe)).toEqual(new Set(['GET true', 'POST false', 'PUT true', 'DELETE true']));
  });

  it('lists the success statuses the spec gives, with their validators', () => {
    expect(operations.create_sip_endpoint.successes.map((s) => s.status)).toEqual([200, 201]);
    expect(operations.create_sip_endpoint.requestBody.schema).toBe('CreateSipEndpointRequest');
    expect(operations.delete_sip_endpoint.successes).toEqual([{ status: 204 }]);
  });

  it('follows a change of the spec', () => {
    const changed = structuredClone(spec);
    changed.paths['/endpoints/sip'].post.operationId = 'make_sip_endpoint';
    const text = renderClientOperations(readModel(changed), 'hash');
    expect(text).toContain("make_sip_endpoint: {\n    operationId: 'make_sip_endpoint',\n    method: 'POST',");
  });
});
