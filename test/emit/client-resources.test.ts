/**
 * The client's generated code for a spec with two resources: the SIP spec plus, in memory, a
 * second tag with a paged list, a create, a retrieve, a PATCH update and an operation that fits
 * no CRUD role. The rendered files are written beside a copy of the runtime and imported, and
 * their methods are driven against a fake server.
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderClientOperations } from '../../scripts/emit/client-operations.ts';
import { renderClientResources } from '../../scripts/emit/client-resources.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import { readResources } from '../../scripts/model/resources.ts';
import { readBundledSpec, REPO_ROOT } from '../support/repo.ts';

type Json = Record<string, any>;

/** The SIP spec with a second resource, "Domain Applications", made of the same schemas. */
function twoResourceSpec(sip: Json): Json {
  const spec = structuredClone(sip);
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const ok = (schema: string) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(schema) } } } });
  const tags = ['Domain Applications'];
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  spec.tags = [...spec.tags, { name: 'Domain Applications', description: 'Applications of a domain.' }];
  spec.paths['/domain_applications'] = {
    get: {
      tags, operationId: 'list_domain_applications', summary: 'List domain applications', description: 'Every application, a page at a time.',
      parameters: [{ name: 'page_size', in: 'query', schema: { type: 'integer' } }, { name: 'page_token', in: 'query', schema: { type: 'string' } }],
      responses: ok('SipEndpointListResponse'),
    },
    post: {
      tags, operationId: 'create_domain_application', summary: 'Create a domain application', description: '',
      requestBody: { required: true, content: { 'application/json': { schema: ref('CreateSipEndpointRequest') } } },
      responses: ok('SipEndpoint'),
    },
  };
  spec.paths['/domain_applications/{id}'] = {
    get: { tags, operationId: 'retrieve_domain_application', summary: 'Retrieve a domain application', description: '', parameters: [id], responses: ok('SipEndpoint') },
    patch: {
      tags, operationId: 'update_domain_application', summary: 'Update a domain application', description: 'Changes only the fields sent.', parameters: [id],
      requestBody: { required: true, content: { 'application/json': { schema: ref('UpdateSipEndpointRequest') } } },
      responses: ok('SipEndpoint'),
    },
  };
  spec.paths['/domain_applications/{id}/verify'] = {
    post: { tags, operationId: 'verify_domain_application', summary: 'Verify a domain application', description: 'Checks its DNS records.', parameters: [id], responses: { '204': { description: 'Verified' } } },
  };
  return spec;
}

let spec: Json;
let resourcesSource: string;
let operationsSource: string;
let workspace: string;

beforeAll(async () => {
  spec = twoResourceSpec(await readBundledSpec());
  const model = readModel(spec);
  resourcesSource = renderClientResources(model, readResources(model, spec), 'test');
  operationsSource = renderClientOperations(model, 'test');
  // The runtime beside the rendered files, as in the package, with the workspace's packages.
  workspace = await mkdtemp(path.join(os.tmpdir(), 'client-resources-'));
  await cp(path.join(REPO_ROOT, 'packages/client/src'), path.join(workspace, 'src'), { recursive: true });
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  await writeFile(path.join(workspace, 'src/generated/operations.ts'), operationsSource);
  await writeFile(path.join(workspace, 'src/generated/resources.ts'), resourcesSource);
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('generated resources, two tags', () => {
  it('gives each tag a class and a client property, with methods by CRUD role and the rest by operationId', () => {
    expect(resourcesSource).toContain('export class SipEndpointsResource extends ResourceBase {');
    expect(resourcesSource).toContain('export class DomainApplicationsResource extends ResourceBase {');
    expect(resourcesSource).toContain('  readonly domainApplications: DomainApplicationsResource;');
    const methods = [...resourcesSource.slice(resourcesSource.indexOf('class DomainApplicationsResource')).matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
    expect(methods).toEqual(['list', 'create', 'retrieve', 'update', 'verifyDomainApplication']);
  });

  it("documents each method with the operation's summary and description", () => {
    expect(resourcesSource).toContain('   * Update a domain application\n   *\n   * Changes only the fields sent.\n   */\n  update(');
    expect(resourcesSource).toContain('/** Domain Applications: Applications of a domain. */');
  });

  it('refuses two tags that would make the same client property', () => {
    const clash = structuredClone(spec);
    for (const operation of Object.values<Json>(clash.paths['/domain_applications/{id}/verify'])) operation.tags = ['SIP endpoints'];
    const model = readModel(clash);
    expect(() => renderClientResources(model, readResources(model, clash), 'test')).toThrow(
      'the generated name "sipEndpoints" would come from both tag "SIP Endpoints" and tag "SIP endpoints"',
    );
  });

  it('drives every method of the second resource over HTTP', async () => {
    const { createResources } = await import(path.join(workspace, 'src/generated/resources.ts'));
    const { createGuardedFetch, createRetryingFetch } = await import(path.join(workspace, 'src/transport.ts'));
    const { createRedactor } = await import(path.join(workspace, 'src/redact.ts'));
    const { default: createOpenApiClient } = await import('openapi-fetch');
    const endpoint = { id: 'app-1', username: 'alice' };
    const sent: string[] = [];
    const pages: Record<string, Json> = {
      '': { data: [endpoint], links: { next: '/domain_applications?page_size=1&page_token=t2' } },
      'page_size=1&page_token=t2': { data: [{ ...endpoint, id: 'app-2' }], links: {} },
    };
    const fetch = async (request: Request) => {
      const url = new URL(request.url);
      sent.push(`${request.method} ${url.pathname}${url.search}${request.body ? ` ${await request.text()}` : ''}`);
      if (url.pathname.endsWith('/verify')) return new Response(null, { status: 204 });
      if (url.pathname === '/api/domain_applications' && request.method === 'GET') return Response.json(pages[url.search.slice(1).replace(/^page_size=1$/, '')]);
      return Response.json(endpoint);
    };
    const redact = createRedactor({ user: 'project', token: 'token-value' });
    const transport = { fetch, maxRetries: 0, timeoutMs: 5_000, maxResponseBytes: 1_000_000, initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1, random: () => 0, sleep: async () => {}, redact };
    const raw = createOpenApiClient({ baseUrl: 'http://127.0.0.1:1/api', fetch: createRetryingFetch(transport) });
    const { domainApplications, sipEndpoints } = createResources({ raw, transport, guardedFetch: createGuardedFetch(transport), validateRequests: true, validateResponses: false, redact });

    const listed: string[] = [];
    for await (const item of domainApplications.list({ page_size: 1 })) listed.push(item.id);
    expect(listed).toEqual(['app-1', 'app-2']);
    await expect(domainApplications.create({ username: 'alice', password: 'secret-pass' })).resolves.toEqual(endpoint);
    await expect(domainApplications.retrieve('app-1')).resolves.toEqual(endpoint);
    await expect(domainApplications.update('app-1', { caller_id: 'Desk' })).resolves.toEqual(endpoint);
    await expect(domainApplications.verifyDomainApplication({ path: { id: 'app-1' } })).resolves.toBeUndefined();
    await expect(sipEndpoints.retrieve('ep-1')).resolves.toEqual(endpoint);
    expect(sent).toEqual([
      'GET /api/domain_applications?page_size=1',
      'GET /api/domain_applications?page_size=1&page_token=t2',
      'POST /api/domain_applications {"username":"alice","password":"secret-pass"}',
      'GET /api/domain_applications/app-1',
      'PATCH /api/domain_applications/app-1 {"caller_id":"Desk"}',
      'POST /api/domain_applications/app-1/verify',
      'GET /api/endpoints/sip/ep-1',
    ]);
    await expect(domainApplications.verifyDomainApplication({ path: { id: '..' } })).rejects.toThrow('verify_domain_application: `id` must be a non-empty string');
  });
});
