/**
 * The client generated for the multi-resource fixture spec (`test/fixtures/multi-resource/`),
 * driven end to end: every method of every resource against an in-memory server that answers
 * with the spec's own examples. Request and response bodies are checked by Ajv 2020 compiled
 * from the fixture's bundle (the independent oracle), standing in for the validators package,
 * which is generated for the product's spec only.
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderClientOperations } from '../../scripts/emit/client-operations.ts';
import { renderClientResources } from '../../scripts/emit/client-resources.ts';
import { readResources } from '../../scripts/model/resources.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';
import { REPO_ROOT } from '../support/repo.ts';

type Json = Record<string, any>;

let spec: Json;
let workspace: string;

beforeAll(async () => {
  const bundled = await bundleFixtureSpec();
  spec = bundled.spec;
  const operations = renderClientOperations(bundled.model, 'fixture');
  const resources = renderClientResources(bundled.model, readResources(bundled.model, spec), 'fixture');
  workspace = await mkdtemp(path.join(os.tmpdir(), 'client-fixture-'));
  await cp(path.join(REPO_ROOT, 'packages/client/src'), path.join(workspace, 'src'), { recursive: true });
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  await writeFile(path.join(workspace, 'spec.json'), JSON.stringify(spec));
  // The assertions the operation table imports, each an Ajv check of the fixture's schema.
  const asserted = [...new Set(operations.match(/\bassert[A-Za-z0-9_]+/g))];
  await writeFile(
    path.join(workspace, 'src/generated/validators.ts'),
    [
      "import { readFileSync } from 'node:fs';",
      `import { compileSpecSchemas } from ${JSON.stringify(path.join(REPO_ROOT, 'test/support/ajv.ts'))};`,
      "const schemas = compileSpecSchemas(JSON.parse(readFileSync(new URL('../../spec.json', import.meta.url), 'utf8')));",
      'const assertFor = (name: string) => (body: unknown) => {',
      '  const validate = schemas(name);',
      '  if (!validate(body)) throw new Error(`${name}: ${JSON.stringify(validate.errors)}`);',
      '};',
      ...asserted.map((name) => `export const ${name} = assertFor(${JSON.stringify(name.slice('assert'.length))});`),
    ].join('\n'),
  );
  await writeFile(path.join(workspace, 'src/generated/operations.ts'), operations.replace("'@sip-endpoints/validators'", "'./validators.ts'"));
  await writeFile(path.join(workspace, 'src/generated/resources.ts'), resources);
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

/** An example's value from the bundled spec. */
const example = (name: string): Json => structuredClone(spec.components.examples[name].value);

describe('the generated client of the multi-resource fixture', () => {
  it('has a property per tag, with the methods of each resource', async () => {
    const { createClient } = await import(path.join(workspace, 'src/client.ts'));
    const client = createClient({ space: 'acme', projectId: 'project', apiToken: 'fixture-token' });
    expect(client.baseUrl).toBe('https://acme.example.test/api/fixture');
    const methods = (resource: object) => Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter((name) => name !== 'constructor');
    expect(methods(client.sipEndpoints)).toEqual(['list', 'create', 'retrieve', 'update', 'delete']);
    expect(methods(client.domainApplications)).toEqual(['list', 'create', 'retrieve', 'update', 'delete']);
    expect(methods(client.phoneNumbers)).toEqual(['list', 'retrieve', 'update']);
  });

  it('drives every method of the two fixture resources, with bodies checked both ways', async () => {
    const { createClient } = await import(path.join(workspace, 'src/client.ts'));
    const application = example('DomainApplicationEveryType');
    const number = example('PhoneNumberRelayScript');
    const numbersPage = example('PhoneNumberPage');
    const sent: string[] = [];
    const answer = (body: unknown, status = 200) => (body === undefined ? new Response(null, { status }) : Response.json(body, { status }));
    const server = async (request: Request): Promise<Response> => {
      const url = new URL(request.url);
      const route = `${request.method} ${url.pathname.replace('/api/fixture', '')}`;
      sent.push(`${route}${url.search}${request.body ? ` ${await request.text()}` : ''}`);
      if (route === 'GET /domain_applications') return answer(example('DomainApplicationPage'));
      if (route === 'POST /domain_applications') return answer(application, 201);
      if (route.startsWith('GET /domain_applications/')) return answer(application);
      if (route.startsWith('PATCH /domain_applications/')) return answer({ ...application, enabled: false, call_handler: 'hangup' });
      if (route.startsWith('DELETE /domain_applications/')) return answer(undefined, 204);
      if (route === 'GET /phone_numbers') return answer(url.searchParams.get('page_number') === '1' ? { links: { self: numbersPage.links.next, first: numbersPage.links.first }, data: [] } : numbersPage);
      if (route.startsWith('GET /phone_numbers/') || route.startsWith('PUT /phone_numbers/')) return answer(number);
      return answer({ error: 'Not Found' }, 404);
    };
    const client = createClient({ baseUrl: 'http://127.0.0.1:1/api/fixture', projectId: 'project', apiToken: 'fixture-token', fetch: server, validateResponses: true });

    const applications: string[] = [];
    for await (const item of client.domainApplications.list({ filter_name: 'office' })) applications.push(item.id);
    expect(applications).toEqual([application.id]);
    await expect(client.domainApplications.create(example('CreateDomainApplicationMinimal'))).resolves.toEqual(application);
    await expect(client.domainApplications.retrieve(application.id)).resolves.toEqual(application);
    await expect(client.domainApplications.update(application.id, example('UpdateDomainApplicationDisable'))).resolves.toMatchObject({ enabled: false });
    await expect(client.domainApplications.delete(application.id)).resolves.toBeUndefined();
    const numbers: string[] = [];
    for await (const item of client.phoneNumbers.list({ page_size: 1 })) numbers.push(item.id);
    expect(numbers).toEqual(numbersPage.data.map((item: Json) => item.id));
    await expect(client.phoneNumbers.retrieve(number.id)).resolves.toEqual(number);
    await expect(client.phoneNumbers.update(number.id, example('UpdatePhoneNumberBothHandlers'))).resolves.toEqual(number);
    const nextQuery = new URL(numbersPage.links.next, 'http://x').search;

    expect(sent).toEqual([
      'GET /domain_applications?filter_name=office',
      `POST /domain_applications ${JSON.stringify(example('CreateDomainApplicationMinimal'))}`,
      `GET /domain_applications/${application.id}`,
      `PATCH /domain_applications/${application.id} ${JSON.stringify(example('UpdateDomainApplicationDisable'))}`,
      `DELETE /domain_applications/${application.id}`,
      'GET /phone_numbers?page_size=1',
      `GET /phone_numbers${nextQuery}`,
      `GET /phone_numbers/${number.id}`,
      `PUT /phone_numbers/${number.id} ${JSON.stringify(example('UpdatePhoneNumberBothHandlers'))}`,
    ]);
  });

  it('checks request bodies against the fixture schema before sending', async () => {
    const { createClient } = await import(path.join(workspace, 'src/client.ts'));
    let requests = 0;
    const client = createClient({ baseUrl: 'http://127.0.0.1:1/api/fixture', projectId: 'project', apiToken: 'fixture-token', fetch: async () => (requests++, Response.json({})) });
    await expect(client.domainApplications.create({ name: 'No identifier' })).rejects.toThrow(/CreateDomainApplicationRequest/);
    await expect(client.phoneNumbers.update('id', { call_handler: 'relay_script' })).rejects.toThrow(/UpdatePhoneNumberRequest/);
    expect(requests).toBe(0);
  });
});
