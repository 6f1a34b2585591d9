/**
 * The mock's generic store serves every resource of the multi-resource fixture spec
 * (test/fixtures/multi-resource): descriptors read from its bundle, each role driven with the
 * spec's own request examples, each answer checked with Ajv against the schema the operation
 * declares for its status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { performOperation } from '../../packages/mock-server/src/operations.ts';
import type { ResourceDescriptor } from '../../packages/mock-server/src/resource-descriptor.ts';
import { MockStore } from '../../packages/mock-server/src/store.ts';
import { describeMockResources } from '../../scripts/emit/mock-resources.ts';
import type { ApiModel, OperationModel } from '../../scripts/model/types.ts';
import { compileSpecSchemas } from '../support/ajv.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';

let spec: Record<string, any>;
let model: ApiModel;
let resources: ResourceDescriptor[];
let schemaOf: ReturnType<typeof compileSpecSchemas>;
const store = new MockStore();

beforeAll(async () => {
  ({ spec, model } = await bundleFixtureSpec());
  resources = describeMockResources(model, spec) as ResourceDescriptor[];
  schemaOf = compileSpecSchemas(spec);
}, 30_000);

function resolve(node: any): any {
  if (typeof node?.$ref !== 'string') return node;
  return resolve(node.$ref.slice(2).split('/').reduce((at: any, token: string) => at?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], spec));
}

/** Every request example the spec gives an operation's body. */
function requestExamples(operation: OperationModel): Record<string, unknown>[] {
  const examples = spec.paths[operation.path][operation.method].requestBody?.content?.['application/json']?.examples ?? {};
  return Object.values(examples).map((example) => resolve(example).value as Record<string, unknown>);
}

function operationOf(resource: string, role: string): OperationModel {
  const descriptor = resources.find((r) => r.name === resource)!;
  const id = descriptor.operations.find((o) => o.role === role)!.operationId;
  return model.operations.find((o) => o.operationId === id)!;
}

/** Runs an operation as the server would (query defaults applied, body valid) and checks the answer. */
function run(operation: OperationModel, params: Record<string, string | number | undefined> = {}, body: Record<string, unknown> = {}) {
  const resource = resources.find((r) => r.operations.some((o) => o.operationId === operation.operationId))!;
  const role = resource.operations.find((o) => o.operationId === operation.operationId)!.role;
  const query = operation.parameters.filter((p) => p.in === 'query');
  const reply = performOperation(
    {
      resource,
      role,
      store: store.of(resource),
      queryParameters: query.map((p) => p.name),
      successStatus: Number(operation.successes[0]!.status),
    },
    { params: { ...Object.fromEntries(query.map((p) => [p.name, p.default as string | number | undefined])), ...params }, body },
  );
  const declared = [...operation.successes, ...operation.errors].find((r) => Number(r.status) === reply.status);
  expect(declared, `${operation.operationId} answered ${reply.status}, which it does not declare`).toBeDefined();
  if (declared!.schema) {
    const validate = schemaOf(declared!.schema);
    expect(validate(reply.body), `${operation.operationId}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }
  return reply as { status: number; body: any };
}

describe('the fixture spec served by the generic store', () => {
  it('reads a descriptor for each of its three resources', () => {
    expect(resources.map((r) => [r.name, r.operations.map((o) => o.role)])).toEqual([
      ['SIP Endpoints', ['list', 'create', 'retrieve', 'update', 'delete']],
      ['Domain Applications', ['list', 'create', 'retrieve', 'update', 'delete']],
      ['Phone Numbers', ['list', 'retrieve', 'update']],
    ]);
  });

  it('serves every role of Domain Applications from the spec\'s examples, never returning the write-only secret', () => {
    const created = requestExamples(operationOf('Domain Applications', 'create')).map((body) => {
      const answer = run(operationOf('Domain Applications', 'create'), {}, body);
      expect(answer.status).toBe(201);
      expect(Object.keys(answer.body)).not.toContain('secret');
      expect(answer.body.type).toBe('domain_application');
      return answer.body;
    });
    expect(created.length).toBeGreaterThan(1);
    const [first] = created;
    expect(run(operationOf('Domain Applications', 'retrieve'), { id: first.id }).body).toEqual(first);
    const change = requestExamples(operationOf('Domain Applications', 'update'))[0]!;
    const updated = run(operationOf('Domain Applications', 'update'), { id: first.id }, change);
    expect(updated.body).toEqual({ ...first, ...Object.fromEntries(Object.entries(change).filter(([key]) => key in first)) });
    const page = run(operationOf('Domain Applications', 'list'), { page_size: 1 });
    expect(page.body.data).toHaveLength(1);
    expect(page.body.links.next).toMatch(/page_token=PA/);
    expect(run(operationOf('Domain Applications', 'delete'), { id: first.id }).status).toBe(204);
    expect(run(operationOf('Domain Applications', 'retrieve'), { id: first.id }).status).toBe(404);
  });

  it('serves Phone Numbers, which has no create, from the items of its list example', () => {
    const listed = run(operationOf('Phone Numbers', 'list')).body.data;
    const example = resolve(spec.paths['/phone_numbers'].get.responses['200'].content['application/json'].examples.onePage).value.data;
    expect(listed.map((n: { id: string }) => n.id)).toEqual(example.map((n: { id: string }) => n.id));
    const [number] = listed;
    expect(run(operationOf('Phone Numbers', 'retrieve'), { id: number.id }).body).toEqual(number);
    const change = requestExamples(operationOf('Phone Numbers', 'update'))[0]!;
    const updated = run(operationOf('Phone Numbers', 'update'), { id: number.id }, change);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject(Object.fromEntries(Object.entries(change).filter(([key]) => key in number)));
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(run(operationOf('Phone Numbers', 'retrieve'), { id: unknown }).status).toBe(404);
  });

  it('serves SIP Endpoints from the fixture too', () => {
    const body = requestExamples(operationOf('SIP Endpoints', 'create'))[0]!;
    const created = run(operationOf('SIP Endpoints', 'create'), {}, body);
    expect(created.status).toBe(200);
    expect(run(operationOf('SIP Endpoints', 'list')).body.data).toEqual([created.body]);
  });
});
