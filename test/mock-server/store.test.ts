/** The generic store: unique index, the cap on items, keyset pages over holes left by deletes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { MockStore, ResourceStore, type StoredItem } from '../../packages/mock-server/src/store.ts';
import { call } from './support.ts';

const written = (result: ReturnType<ResourceStore['create']>): StoredItem => {
  if (result.kind !== 'written') throw new Error(`expected a write, got ${result.kind}`);
  return result.item;
};

describe('unique fields', () => {
  it('refuses a taken value on create and update, and frees it on rename and delete', () => {
    const store = new ResourceStore(['name']);
    const ann = written(store.create({ name: 'ann' }));
    expect(store.create({ name: 'ann' })).toEqual({ kind: 'conflict', field: 'name', value: 'ann' });
    const bob = written(store.create({ name: 'bob' }));
    expect(store.update(bob, { name: 'ann' }).kind).toBe('conflict');
    expect(store.update(ann, { name: 'ann' }).kind).toBe('written');
    store.update(ann, { name: 'anna' });
    expect(store.create({ name: 'ann' }).kind).toBe('written');
    expect(store.create({ name: 'anna' }).kind).toBe('conflict');
    store.delete(ann.id);
    expect(store.create({ name: 'anna' }).kind).toBe('written');
  });

  it('tells values of different JSON types apart, and ignores null and absent values', () => {
    const store = new ResourceStore(['code']);
    written(store.create({ code: 1 }));
    expect(store.create({ code: '1' }).kind).toBe('written');
    expect(store.create({ code: 1 }).kind).toBe('conflict');
    written(store.create({ code: null }));
    expect(store.create({ code: null }).kind).toBe('written');
    expect(store.create({}).kind).toBe('written');
  });

  it('leaves fields not declared unique free to repeat', () => {
    const store = new ResourceStore([]);
    written(store.create({ name: 'ann' }));
    expect(store.create({ name: 'ann' }).kind).toBe('written');
  });
});

describe('maxItems', () => {
  it('refuses a create beyond the cap until an item is deleted', () => {
    const store = new ResourceStore([], 2);
    const first = written(store.create({}));
    written(store.create({}));
    expect(store.create({})).toEqual({ kind: 'full', maxItems: 2 });
    store.delete(first.id);
    expect(store.create({}).kind).toBe('written');
    expect(store.size).toBe(2);
  });

  it('is checked when the store is made', () => {
    expect(() => new ResourceStore([], -1)).toThrow(RangeError);
    expect(() => new ResourceStore([], 1.5)).toThrow(RangeError);
  });
});

describe('pages', () => {
  it('read newest first from a cursor, skipping deleted items, before and after holes are swept', () => {
    const store = new ResourceStore([]);
    const items = Array.from({ length: 300 }, (_, i) => written(store.create({ n: i })));
    // Delete two in three: enough holes to trigger a sweep part-way through.
    for (const item of items) if (item.sequence % 3 !== 0) store.delete(item.id);
    const kept = items.filter((item) => item.sequence % 3 === 0).reverse();
    const walked: StoredItem[] = [];
    let olderThan: number | undefined;
    for (;;) {
      const page = store.page({ size: 7, ...(olderThan !== undefined && { olderThan }) });
      walked.push(...page.items);
      if (!page.more) break;
      olderThan = page.items.at(-1)!.sequence;
    }
    expect(walked).toEqual(kept);
  });

  it('read the page just newer than a cursor, still newest first, and tell whether more are newer', () => {
    const store = new ResourceStore([]);
    const items = Array.from({ length: 10 }, (_, i) => written(store.create({ n: i })));
    const page = store.page({ size: 3, newerThan: items[4]!.sequence });
    expect(page.items.map((i) => i.fields.n)).toEqual([7, 6, 5]);
    expect(page.more).toBe(true);
    expect(store.page({ size: 3, newerThan: items[6]!.sequence }).more).toBe(false);
  });

  it('apply a filter, and say there is more only when another item matches', () => {
    const store = new ResourceStore([]);
    for (let i = 0; i < 20; i++) store.create({ n: i });
    const even = (item: StoredItem) => (item.fields.n as number) % 2 === 0 && (item.fields.n as number) >= 10;
    const page = store.page({ size: 5, matches: even });
    expect(page.items.map((i) => i.fields.n)).toEqual([18, 16, 14, 12, 10]);
    expect(page.more).toBe(false);
  });
});

describe('seed items', () => {
  it('start a resource\'s store, listed in the order given (newest first), under their own ids', () => {
    const resource = { name: 'Things', uniqueFields: [], seed: [{ id: 'b', fields: { n: 2 } }, { id: 'a', fields: { n: 1 } }] };
    const store = new MockStore().of(resource);
    expect(store.page({ size: 10 }).items.map((i) => [i.id, i.fields.n])).toEqual([['b', 2], ['a', 1]]);
    expect(written(store.create({ n: 3 })).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.create({}, 'a')).toEqual({ kind: 'conflict', field: 'id', value: 'a' });
  });
});

describe('the mock server with maxItems', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, maxItems: 2 });
  });
  afterAll(() => server.close());

  it('answers a create beyond the cap with 422 in the API\'s error shape', async () => {
    const create = (username: string) => call(server, 'POST', '/endpoints/sip', { json: { username, password: 'secret-pass' } });
    const first = await create('one');
    await create('two');
    const refused = await create('three');
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      errors: [{ detail: expect.stringMatching(/at most 2 .*maxItems/), status: '422', title: 'Limit Reached', code: 'limit_reached' }],
    });
    expect((await call(server, 'DELETE', `/endpoints/sip/${first.body.id}`)).status).toBe(204);
    expect((await create('three')).status).toBe(200);
  });

  it('refuses a maxItems that is not a whole number of items', async () => {
    await expect(startMockServer({ port: 0, maxItems: Number.NaN })).rejects.toThrow(RangeError);
  });
});
