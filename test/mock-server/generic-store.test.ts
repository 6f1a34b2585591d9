/**
 * The generic store serves any resource a spec describes: a small two-resource spec, written
 * here, is read into descriptors and driven through every role; every answer is checked with Ajv
 * against the schema the operation declares for its status.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { performOperation } from '../../packages/mock-server/src/operations.ts';
import { MockStore } from '../../packages/mock-server/src/store.ts';
import type { ResourceDescriptor } from '../../packages/mock-server/src/resource-descriptor.ts';
import { describeMockResources } from '../../scripts/emit/mock-resources.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { compileSpecSchemas } from '../support/ajv.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = { '404': { description: 'Not found', ...json('Error') }, '422': { description: 'Invalid', ...json('Invalid') }, '500': { description: 'Failed', ...json('Error') } };
const query = (name: string, schema: object, extra: object = {}) => ({ name, in: 'query', required: false, schema, ...extra });

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Two resources', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com/v1' }],
  tags: [{ name: 'Widgets' }, { name: 'Gadgets' }],
  paths: {
    '/widgets': {
      get: {
        tags: ['Widgets'],
        operationId: 'list_widgets',
        parameters: [query('filter_name', { type: 'string' }), query('page_number', { type: 'integer', minimum: 0, default: 0 }), query('page_size', { type: 'integer', default: 2 }), query('page_token', { type: 'string' })],
        responses: { '200': { description: 'A page', ...json('WidgetPage') }, ...errors },
      },
      post: { tags: ['Widgets'], operationId: 'create_widget', requestBody: { required: true, ...json('WidgetCreate') }, responses: { '201': { description: 'Created', ...json('Widget') }, ...errors } },
    },
    '/widgets/{widget_id}': {
      parameters: [{ name: 'widget_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: { tags: ['Widgets'], operationId: 'get_widget', responses: { '200': { description: 'One', ...json('Widget') }, ...errors } },
      patch: { tags: ['Widgets'], operationId: 'patch_widget', requestBody: { required: true, ...json('WidgetChange') }, responses: { '200': { description: 'Changed', ...json('Widget') }, ...errors } },
      delete: { tags: ['Widgets'], operationId: 'delete_widget', responses: { '204': { description: 'Gone' }, ...errors } },
    },
    '/gadgets': {
      get: {
        tags: ['Gadgets'],
        operationId: 'list_gadgets',
        parameters: [query('size', { type: 'integer' }, { 'x-mock-filter': { field: 'size', match: 'equals' } }), query('limit', { type: 'integer', default: 10 }), query('cursor', { type: 'string' })],
        responses: { '200': { description: 'A page', ...json('GadgetPage') }, ...errors },
      },
      post: { tags: ['Gadgets'], operationId: 'create_gadget', requestBody: { required: true, ...json('GadgetCreate') }, responses: { '200': { description: 'Created', ...json('Gadget') }, ...errors } },
    },
    '/gadgets/{id}': {
      get: {
        tags: ['Gadgets'],
        operationId: 'get_gadget',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'One', ...json('Gadget') }, ...errors },
      },
    },
    '/gadgets/{id}/activate': {
      post: {
        tags: ['Gadgets'],
        operationId: 'activate_gadget',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Activated', ...json('Gadget') }, ...errors },
      },
    },
  },
  components: {
    schemas: {
      WidgetKind: { type: 'string', enum: ['widget'] },
      Widget: {
        type: 'object',
        required: ['kind', 'widget_id', 'name', 'colour', 'sizes'],
        properties: {
          kind: ref('WidgetKind'),
          widget_id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          colour: { type: ['string', 'null'] },
          sizes: { type: 'array', items: { type: 'integer' } },
          note: { type: 'string' },
        },
      },
      WidgetCreate: {
        type: 'object',
        required: ['name', 'secret'],
        additionalProperties: false,
        properties: { name: { type: 'string', 'x-unique': true }, secret: { type: 'string' }, colour: { type: 'string' }, sizes: { type: 'array', items: { type: 'integer' } } },
      },
      WidgetChange: {
        type: 'object',
        additionalProperties: false,
        properties: { name: { type: 'string', 'x-unique': true }, colour: { type: 'string' }, sizes: { type: 'array', items: { type: 'integer' } } },
      },
      Links: { type: 'object', required: ['self'], properties: { self: { type: 'string' }, next: { type: 'string' } } },
      WidgetPage: { type: 'object', required: ['links', 'data'], properties: { links: ref('Links'), data: { type: 'array', items: ref('Widget') } } },
      Gadget: { type: 'object', required: ['id', 'size', 'label'], properties: { id: { type: 'string' }, size: { type: 'integer' }, label: { type: ['string', 'null'] } } },
      GadgetCreate: { type: 'object', required: ['size'], properties: { size: { type: 'integer' }, label: { type: 'string' } } },
      GadgetLinks: { type: 'object', required: ['first'], properties: { first: { type: 'string' }, next: { type: 'string' } } },
      GadgetPage: { type: 'object', required: ['items', 'paging'], properties: { items: { type: 'array', items: ref('Gadget') }, paging: ref('GadgetLinks') } },
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      Invalid: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            items: ref('InvalidItem'),
          },
        },
      },
      InvalidItem: {
        type: 'object',
        required: ['detail', 'status', 'title', 'code'],
        properties: { detail: { type: 'string' }, status: { type: 'string' }, title: { type: 'string' }, code: { type: 'string' } },
      },
    },
  },
};

let model: ApiModel;
let resources: ResourceDescriptor[];
let schemaOf: ReturnType<typeof compileSpecSchemas>;
let store: MockStore;

beforeAll(() => {
  model = readModel(structuredClone(SPEC));
  resources = describeMockResources(model, structuredClone(SPEC)) as ResourceDescriptor[];
  schemaOf = compileSpecSchemas(structuredClone(SPEC));
  store = new MockStore();
});

/**
 * Runs an operation as the server would (query defaults applied, body already valid), and
 * checks the answer against the schema the operation declares for its status.
 */
function run(operationId: string, params: Record<string, string | number | undefined> = {}, body: Record<string, unknown> = {}) {
  const operation = model.operations.find((o) => o.operationId === operationId)!;
  const resource = resources.find((r) => r.operations.some((o) => o.operationId === operationId))!;
  const role = resource.operations.find((o) => o.operationId === operationId)!.role;
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const withDefaults = { ...Object.fromEntries(queryParameters.map((p) => [p.name, p.default as string | number | undefined])), ...params };
  const reply = performOperation(
    { resource, role, store: store.of(resource), queryParameters: queryParameters.map((p) => p.name), successStatus: Number(operation.successes[0]!.status) },
    { params: withDefaults, body },
  );
  const declared = [...operation.successes, ...operation.errors].find((r) => Number(r.status) === reply.status);
  expect(declared, `${operationId} answered ${reply.status}, which it does not declare`).toBeDefined();
  if (declared!.schema) {
    const validate = schemaOf(declared!.schema);
    expect(validate(reply.body), JSON.stringify(validate.errors)).toBe(true);
  } else {
    expect(reply.body).toBeUndefined();
  }
  return reply as { status: number; body: any };
}

describe('a resource with full CRUD (PATCH update, its own id parameter, a unique field)', () => {
  it('creates with a generated id, the constant kind, nulls and filled values, and never a request-only field', () => {
    const created = run('create_widget', {}, { name: 'gear', secret: 's3cret' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ kind: 'widget', widget_id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'gear', colour: null, sizes: [] });
    expect(JSON.stringify(created.body)).not.toContain('s3cret');
  });

  it('refuses a taken unique value on create and update', () => {
    const taken = run('create_widget', {}, { name: 'gear', secret: 'x' });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'taken', detail: "name 'gear' has already been taken" });
    const other = run('create_widget', {}, { name: 'cog', secret: 'x' }).body;
    expect(run('patch_widget', { widget_id: other.widget_id }, { name: 'gear' }).status).toBe(422);
  });

  it('retrieves, changes only the fields sent, and deletes', () => {
    const made = run('create_widget', {}, { name: 'spring', secret: 'x', colour: 'red', sizes: [1, 2] }).body;
    expect(run('get_widget', { widget_id: made.widget_id }).body).toEqual(made);
    const changed = run('patch_widget', { widget_id: made.widget_id }, { colour: 'blue' });
    expect(changed.body).toEqual({ ...made, colour: 'blue' });
    expect(run('delete_widget', { widget_id: made.widget_id }).status).toBe(204);
    expect(run('get_widget', { widget_id: made.widget_id }).status).toBe(404);
    expect(run('patch_widget', { widget_id: made.widget_id }, { colour: 'green' }).status).toBe(404);
    expect(run('delete_widget', { widget_id: made.widget_id }).status).toBe(404);
  });

  it('lists with the default page size, a substring filter, and only the links its schema declares', () => {
    for (const name of ['bolt', 'nut', 'boltcutter']) run('create_widget', {}, { name, secret: 'x' });
    const first = run('list_widgets', { filter_name: 'BOLT', page_size: 1 });
    expect(first.body.data.map((w: { name: string }) => w.name)).toEqual(['boltcutter']);
    expect(Object.keys(first.body.links).sort()).toEqual(['next', 'self']);
    expect(first.body.links.next).toMatch(/^\/v1\/widgets\?filter_name=BOLT&page_number=1&page_size=1&page_token=PA/);
    const token = new URL(first.body.links.next, 'http://x').searchParams.get('page_token')!;
    const second = run('list_widgets', { filter_name: 'BOLT', page_size: 1, page_number: 1, page_token: token });
    expect(second.body.data.map((w: { name: string }) => w.name)).toEqual(['bolt']);
    expect(second.body.links.next).toBeUndefined();
    expect(run('list_widgets').body.data).toHaveLength(2);
  });
});

describe('a resource with list, create and retrieve, paged by limit and cursor', () => {
  it('filters by equality as x-mock-filter declares, and pages with its own parameter and property names', () => {
    const ids = [1, 2, 1, 1].map((size) => run('create_gadget', {}, { size }).body.id as string);
    const ones = run('list_gadgets', { size: 1 });
    expect(ones.body.items.map((g: { id: string }) => g.id)).toEqual([ids[3], ids[2], ids[0]]);
    expect(ones.body.items[0]).toEqual({ id: ids[3], size: 1, label: null });
    const page = run('list_gadgets', { limit: 3 });
    expect(page.body.items).toHaveLength(3);
    expect(page.body.paging.first).toBe('/v1/gadgets?limit=3');
    const cursor = new URL(page.body.paging.next, 'http://x').searchParams.get('cursor')!;
    expect(run('list_gadgets', { limit: 3, cursor }).body.items.map((g: { id: string }) => g.id)).toEqual([ids[0]]);
    expect(run('get_gadget', { id: ids[1] }).body).toEqual({ id: ids[1], size: 2, label: null });
  });

  it('answers 500 for an operation outside the CRUD roles, which the mock has no behaviour for', () => {
    expect(run('activate_gadget', { id: 'x' }).status).toBe(500);
  });

  it('keeps each resource in its own store', () => {
    expect(store.of(resources[0]!)).not.toBe(store.of(resources[1]!));
    expect(run('list_gadgets').body.items.every((g: object) => !('name' in g))).toBe(true);
  });
});
