import { describe, expect, it } from 'vitest';
import { readModel } from '../../scripts/model/read-model.ts';
import { readResources } from '../../scripts/model/resources.ts';
import { readBundledSpec } from '../support/repo.ts';

function operation(method: string, operationId: string, tag = 'Things') {
  return { [method]: { tags: [tag], operationId, responses: { '204': { description: 'ok' } } } } as Record<string, unknown>;
}

function specWith(paths: Record<string, Record<string, unknown>>) {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas: {} } };
}

describe('readResources', () => {
  it('groups the SIP operations under their tag, with a role each and paging from the list body', async () => {
    const spec = await readBundledSpec();
    const [resource, ...others] = readResources(readModel(spec), spec);
    expect(others).toEqual([]);
    expect(resource!.tag).toBe('SIP Endpoints');
    expect(resource!.operations.map((o) => [o.operation.operationId, o.role])).toEqual([
      ['list_sip_endpoints', 'list'],
      ['create_sip_endpoint', 'create'],
      ['retrieve_sip_endpoint', 'retrieve'],
      ['update_sip_endpoint', 'update'],
      ['delete_sip_endpoint', 'delete'],
    ]);
    expect(resource).toMatchObject({
      collectionPath: '/endpoints/sip',
      itemPath: '/endpoints/sip/{id}',
      idParameter: 'id',
      itemSchema: 'SipEndpoint',
      listSchema: 'SipEndpointListResponse',
      paging: { itemsProperty: 'data', linksProperty: 'links', nextProperty: 'next', linksSchema: 'PaginationLinks' },
    });
    expect(resource!.description).not.toBe('');
  });

  it('infers roles from method and path shape, and leaves other operations without one', () => {
    const spec = specWith({
      '/things': { ...operation('get', 'all_things'), ...operation('post', 'new_thing') },
      '/things/{thing_id}': {
        ...operation('get', 'one_thing'),
        ...operation('patch', 'change_thing'),
        ...operation('delete', 'drop_thing'),
      },
      '/things/{thing_id}/restart': operation('post', 'restart_thing'),
    });
    const [things] = readResources(readModel(spec), spec);
    expect(things!.operations.map((o) => [o.operation.operationId, o.role])).toEqual([
      ['all_things', 'list'],
      ['new_thing', 'create'],
      ['one_thing', 'retrieve'],
      ['change_thing', 'update'],
      ['drop_thing', 'delete'],
      ['restart_thing', undefined],
    ]);
    expect(things!.idParameter).toBe('thing_id');
  });

  it('keeps one operation per role: a second update (PUT beside PATCH) keeps its operationId', () => {
    const spec = specWith({
      '/things/{id}': { ...operation('put', 'replace_thing'), ...operation('patch', 'patch_thing') },
    });
    const [things] = readResources(readModel(spec), spec);
    expect(things!.operations.map((o) => [o.operation.operationId, o.role])).toEqual([
      ['replace_thing', 'update'],
      ['patch_thing', undefined],
    ]);
  });

  it('splits resources by tag, in the order the tags first appear', () => {
    const spec = specWith({
      '/b': operation('get', 'list_b', 'Bees'),
      '/a': operation('get', 'list_a', 'Ants'),
    });
    expect(readResources(readModel(spec), spec).map((r) => r.tag)).toEqual(['Bees', 'Ants']);
  });

  it('refuses an operation without a tag, naming its pointer', () => {
    const spec = specWith({ '/x': { get: { operationId: 'x', responses: { '204': { description: 'ok' } } } } });
    expect(() => readResources(readModel(spec), spec)).toThrow('#/paths/~1x/get: an operation needs a tag');
  });
});
