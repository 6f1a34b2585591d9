/**
 * Paging through a list that changes under the walk: page tokens are keyset cursors, so an item
 * present during the whole walk is returned exactly once, whatever is deleted, renamed or
 * created meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { call } from './support.ts';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());

const ITEMS = 150;
const PAGE_SIZE = 10;

async function create(username: string): Promise<string> {
  const answer = await call(server, 'POST', '/endpoints/sip', { json: { username, password: 'secret-pass' } });
  expect(answer.status).toBe(200);
  return answer.body.id;
}

/** Follows `links.next` from the first page, running `between` after each page. */
async function walk(firstPath: string, between: (page: { id: string }[], pageIndex: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let path: string | undefined = firstPath;
  for (let pageIndex = 0; path !== undefined; pageIndex++) {
    const answer = await call(server, 'GET', path);
    expect(answer.status).toBe(200);
    seen.push(...answer.body.data.map((item: { id: string }) => item.id));
    await between(answer.body.data, pageIndex);
    path = answer.body.links.next?.replace('/api/relay/rest', '');
  }
  return seen;
}

describe('paging under concurrent changes', () => {
  it('returns every item present during the whole walk exactly once, under deletes, renames and creates', async () => {
    const ids: string[] = [];
    for (let i = 0; i < ITEMS; i++) ids.push(await create(`walker${i}`));
    const deleted = new Set<string>();

    const seen = await walk(`/endpoints/sip?page_size=${PAGE_SIZE}`, async (page, pageIndex) => {
      // Delete an item already returned, and one not reached yet.
      const returned = page[0]!.id;
      const ahead = ids[ids.length - 1 - (pageIndex + 2) * PAGE_SIZE];
      for (const id of [returned, ahead]) {
        if (id !== undefined && !deleted.has(id)) {
          expect((await call(server, 'DELETE', `/endpoints/sip/${id}`)).status).toBe(204);
          deleted.add(id);
        }
      }
      // Rename an item not reached yet, and create a new one.
      const renamed = ids[ids.length - 1 - (pageIndex + 3) * PAGE_SIZE];
      if (renamed !== undefined && !deleted.has(renamed)) {
        expect((await call(server, 'PUT', `/endpoints/sip/${renamed}`, { json: { username: `renamed${pageIndex}` } })).status).toBe(200);
      }
      await create(`newcomer${pageIndex}`);
    });

    const stayed = ids.filter((id) => !deleted.has(id));
    const counts = new Map<string, number>();
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(stayed.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(seen.every((id) => ids.includes(id))).toBe(true);
  });

  it('keeps a filter across pages while the filtered field changes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await create(`filtered${i}`));
    const seen = await walk('/endpoints/sip?filter_username=filtered&page_size=7', async (page) => {
      // Rename an item already returned out of the filter: later pages must not shift.
      await call(server, 'PUT', `/endpoints/sip/${page[0]!.id}`, { json: { username: `gone-${page[0]!.id}` } });
    });
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('links back to the page before with a token of its own', async () => {
    for (let i = 0; i < 9; i++) await create(`backer${i}`);
    const first = await call(server, 'GET', '/endpoints/sip?filter_username=backer&page_size=3');
    const second = await call(server, 'GET', first.body.links.next.replace('/api/relay/rest', ''));
    const third = await call(server, 'GET', second.body.links.next.replace('/api/relay/rest', ''));
    expect(third.body.links.next).toBeUndefined();
    expect(third.body.links.prev).toMatch(/page_number=1&page_size=3&page_token=PA/);
    const back = await call(server, 'GET', third.body.links.prev.replace('/api/relay/rest', ''));
    expect(back.body.data).toEqual(second.body.data);
    expect(back.body.links.next).toBe(second.body.links.next);
  });
});
