/**
 * Run inside a generated workspace (see `fixture-workspace.slow.test.ts`): starts the workspace's
 * generated mock server, points the workspace's generated client at it, and drives every method
 * of every resource the plan (read from the workspace's model) names, with the spec's request
 * examples. Prints one JSON `DriveSummary` on stdout; any failure is recorded in it, not thrown,
 * so the test can say which call failed and why.
 *
 *   tsx --conditions=@sip-endpoints/source drive-generated-client.ts <plan.json>
 *
 * It imports only the workspace's packages, by their names: the copy in the workspace resolves
 * them to the workspace's `node_modules/@sip-endpoints/*`.
 */
import { readFile } from 'node:fs/promises';
import { createClient, NotFoundError, ValidationError } from '@sip-endpoints/client';
import { startMockServer } from '@sip-endpoints/mock-server';

type Json = Record<string, unknown>;

/** One discriminator's rule broken on purpose: the discriminator set, the fields it needs left out. */
export interface PlannedViolation {
  discriminator: string;
  handler: string;
  missing: string[];
  body: Json;
}

export interface PlannedOperation {
  operationId: string;
  /** The client method: the CRUD role, or the camelCased operationId. */
  method: string;
  role?: 'list' | 'create' | 'retrieve' | 'update' | 'delete';
  httpMethod: string;
  path: string;
  /** The body examples of the request, in spec order. */
  examples: Json[];
  violations: PlannedViolation[];
}

export interface PlannedResource {
  tag: string;
  /** The client property: `client.<property>`. */
  property: string;
  idParameter?: string;
  /** The list body's property that holds a page's items, when the list pages. */
  itemsProperty?: string;
  /** A query parameter of the list that sets the page size, when it has one. */
  pageSizeParameter?: string;
  operations: PlannedOperation[];
}

export interface Plan {
  resources: PlannedResource[];
}

export interface MethodOutcome {
  tag: string;
  method: string;
  operationId: string;
  calls: number;
  ok: boolean;
  problems: string[];
}

export interface ViolationOutcome {
  operationId: string;
  discriminator: string;
  handler: string;
  /** The client threw ValidationError without sending anything. */
  refusedByClient: boolean;
  /** The status the mock answered the same body sent raw with. */
  mockStatus: number;
  /** The 422 items named a field the rule needs. */
  mockNamedField: boolean;
}

export interface DriveSummary {
  /** The resources the generated client has (its own enumerable properties that are resources). */
  clientResources: string[];
  methods: MethodOutcome[];
  violations: ViolationOutcome[];
  listed: { tag: string; items: number; pages: number; pageSize?: number }[];
  /** Requests the client sent (counted at its fetch). */
  requestsSent: number;
  fatal?: string;
}

type Method = (...args: unknown[]) => unknown;

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function main(planFile: string): Promise<DriveSummary> {
  const plan = JSON.parse(await readFile(planFile, 'utf8')) as Plan;
  const summary: DriveSummary = { clientResources: [], methods: [], violations: [], listed: [], requestsSent: 0 };
  const server = await startMockServer({ host: '127.0.0.1', port: 0 });
  try {
    const { projectId, apiToken } = server.credentials;
    const client = createClient({
      baseUrl: server.apiUrl,
      projectId,
      apiToken,
      validateRequests: true,
      validateResponses: true,
      maxRetries: 0,
      fetch: (request, init) => {
        summary.requestsSent++;
        return fetch(request, init);
      },
    });
    const resources = client as unknown as Record<string, Record<string, Method> | undefined>;
    summary.clientResources = Object.keys(client).filter((key) => key !== 'raw' && key !== 'baseUrl');
    const authorization = `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString('base64')}`;

    for (const planned of plan.resources) {
      const resource = resources[planned.property];
      const outcomes = new Map<string, MethodOutcome>();
      const byRole = new Map(planned.operations.filter((o) => o.role).map((o) => [o.role!, o]));
      for (const op of planned.operations) outcomes.set(op.operationId, { tag: planned.tag, method: op.method, operationId: op.operationId, calls: 0, ok: true, problems: [] });
      const outcomeOf = (op: PlannedOperation) => outcomes.get(op.operationId)!;
      /** Calls one method, recording the call and any failure; returns its answer. */
      const call = async (op: PlannedOperation, ...args: unknown[]): Promise<any> => {
        const outcome = outcomeOf(op);
        outcome.calls++;
        try {
          const method = resource?.[op.method];
          if (typeof method !== 'function') throw new Error(`client.${planned.property}.${op.method} is not a method`);
          const answer = method.apply(resource, args);
          // A paging list answers an async iterable, not a promise.
          return answer instanceof Promise ? await answer : answer;
        } catch (error) {
          outcome.ok = false;
          outcome.problems.push(message(error));
          return undefined;
        }
      };
      const fail = (op: PlannedOperation, problem: string) => {
        outcomeOf(op).ok = false;
        outcomeOf(op).problems.push(problem);
      };
      const idOf = (item: any): string | undefined => (planned.idParameter && item ? item[planned.idParameter] : undefined);

      const ids: string[] = [];
      const create = byRole.get('create');
      if (create) {
        for (const example of create.examples) {
          const created = await call(create, example);
          const id = idOf(created);
          if (created !== undefined && typeof id !== 'string') fail(create, `the created item has no ${planned.idParameter}`);
          if (typeof id === 'string') ids.push(id);
        }
        if (create.examples.length === 0) fail(create, 'the spec gives no request example to create with');
      }

      const list = byRole.get('list');
      if (list) {
        const listing = await call(list);
        const items: any[] = [];
        if (listing !== undefined && typeof listing[Symbol.asyncIterator] === 'function') {
          try {
            for await (const item of listing) items.push(item);
          } catch (error) {
            fail(list, `iterating: ${message(error)}`);
          }
          let pages = 0;
          const query = planned.pageSizeParameter ? { [planned.pageSizeParameter]: 1 } : {};
          const paged = await call(list, query);
          try {
            for await (const page of paged.pages()) {
              pages++;
              if (planned.itemsProperty && page[planned.itemsProperty].length > 1) fail(list, `a page of ${page[planned.itemsProperty].length} items with a page size of 1`);
            }
          } catch (error) {
            fail(list, `pages(): ${message(error)}`);
          }
          summary.listed.push({ tag: planned.tag, items: items.length, pages, ...(planned.pageSizeParameter ? { pageSize: 1 } : {}) });
          if (planned.pageSizeParameter && pages !== items.length) fail(list, `${items.length} items came in ${pages} pages of one`);
        } else if (listing !== undefined && planned.itemsProperty === undefined) {
          items.push(...(Object.values(listing as Json).find(Array.isArray) ?? []));
          summary.listed.push({ tag: planned.tag, items: items.length, pages: 1 });
        }
        for (const id of ids) if (!items.some((item) => idOf(item) === id)) fail(list, `the created item ${id} is not listed`);
        if (items.length === 0) fail(list, 'listed nothing');
        // A resource the client cannot create (the mock seeds it from the spec's list example).
        if (ids.length === 0) {
          for (const item of items) {
            const id = idOf(item);
            if (typeof id === 'string') ids.push(id);
          }
        }
      }

      const target = ids[0];
      const retrieve = byRole.get('retrieve');
      if (retrieve) {
        if (target === undefined) fail(retrieve, 'no item to retrieve');
        else if (idOf(await call(retrieve, target)) !== target) fail(retrieve, `retrieve(${target}) answered another item`);
      }

      const update = byRole.get('update');
      if (update) {
        if (target === undefined) fail(update, 'no item to update');
        for (const example of target === undefined ? [] : update.examples) {
          const updated = await call(update, target, example);
          if (updated !== undefined && idOf(updated) !== target) fail(update, `update(${target}) answered another item`);
        }
        if (update.examples.length === 0) fail(update, 'the spec gives no request example to update with');
      }

      // A handler rule broken on purpose: the client refuses it before sending; the mock, sent it raw, answers 422.
      for (const op of [create, update]) {
        if (!op) continue;
        const itemPath = op.path.replace(`{${planned.idParameter}}`, encodeURIComponent(target ?? ''));
        for (const violation of op.violations) {
          const sentBefore = summary.requestsSent;
          let refusedByClient = false;
          try {
            const method = resource![op.method]!;
            await (op.role === 'create' ? method.call(resource, violation.body) : method.call(resource, target, violation.body));
          } catch (error) {
            refusedByClient = error instanceof ValidationError && summary.requestsSent === sentBefore;
          }
          const answer = await fetch(`${server.apiUrl}${itemPath}`, {
            method: op.httpMethod.toUpperCase(),
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify(violation.body),
          });
          const body = (await answer.json().catch(() => ({}))) as { errors?: { detail?: string }[] };
          const mockNamedField = (body.errors ?? []).some((e) => violation.missing.some((field) => e.detail?.includes(field)));
          summary.violations.push({ operationId: op.operationId, discriminator: violation.discriminator, handler: violation.handler, refusedByClient, mockStatus: answer.status, mockNamedField });
        }
      }

      const remove = byRole.get('delete');
      if (remove) {
        if (target === undefined) fail(remove, 'no item to delete');
        else {
          await call(remove, target);
          if (retrieve) {
            try {
              await resource![retrieve.method]!.call(resource, target);
              fail(remove, `the deleted item ${target} can still be retrieved`);
            } catch (error) {
              if (!(error instanceof NotFoundError)) fail(remove, `retrieving the deleted item: ${message(error)}`);
            }
          }
        }
      }

      for (const op of planned.operations) if (op.role === undefined) fail(op, `no way to drive an operation without a CRUD role (${op.httpMethod.toUpperCase()} ${op.path})`);
      summary.methods.push(...outcomes.values());
    }
  } catch (error) {
    summary.fatal = message(error);
  } finally {
    await server.close();
  }
  return summary;
}

const planFile = process.argv[2];
if (planFile === undefined) {
  console.error('usage: drive-generated-client.ts <plan.json>');
  process.exitCode = 2;
} else {
  const summary = await main(planFile);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
