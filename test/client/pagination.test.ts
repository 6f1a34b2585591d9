/** `list()` across several pages of the mock server, following `links.next`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';

let harness: Harness;
const USERNAMES = Array.from({ length: 7 }, (_, i) => `user${i}`);

beforeAll(async () => {
  harness = await startHarness();
  for (const username of USERNAMES) await harness.client.sipEndpoints.create({ username, password: 'secret-pass', caller_id: `Desk ${username}` });
  harness.exchanges.length = 0;
});
afterAll(() => harness.close());

describe('list', () => {
  it('iterates every endpoint across pages, newest first, fetching each page once', async () => {
    harness.exchanges.length = 0;
    const seen: string[] = [];
    for await (const endpoint of harness.client.sipEndpoints.list({ page_size: 3 })) seen.push(endpoint.username);
    expect(seen).toEqual([...USERNAMES].reverse());
    expect(harness.exchanges.map((e) => new URL(e.url).searchParams.get('page_number'))).toEqual([null, '1', '2']);
  });

  it('walks page by page', async () => {
    const pages = [];
    for await (const page of harness.client.sipEndpoints.list({ page_size: 3 }).pages()) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
    expect(pages[0]?.links.prev).toBeUndefined();
    expect(pages[2]?.links.next).toBeUndefined();
    expect(pages[2]?.links.prev).toBeDefined();
  });

  it('keeps filters and page size on the following pages', async () => {
    const seen: string[] = [];
    for await (const endpoint of harness.client.sipEndpoints.list({ filter_caller_id: 'desk user', page_size: 2 })) seen.push(endpoint.username);
    expect(seen).toHaveLength(7);
    const nextPages = harness.exchanges.slice(-3).map((e) => new URL(e.url).searchParams);
    expect(nextPages.every((q) => q.get('filter_caller_id') === 'desk user' && q.get('page_size') === '2')).toBe(true);
  });

  it('fetches nothing until iterated, and stops when the caller stops', async () => {
    harness.exchanges.length = 0;
    const list = harness.client.sipEndpoints.list({ page_size: 2 });
    expect(harness.exchanges).toHaveLength(0);
    for await (const endpoint of list) {
      expect(endpoint.username).toBe('user6');
      break;
    }
    expect(harness.exchanges).toHaveLength(1);
  });

  it('is not shifted by endpoints created while paging', async () => {
    const pages = harness.client.sipEndpoints.list({ page_size: 4 }).pages();
    const first = await pages.next();
    await harness.client.sipEndpoints.create({ username: 'latecomer', password: 'secret-pass' });
    const second = await pages.next();
    expect(first.value?.data.map((e) => e.username)).toEqual(['user6', 'user5', 'user4', 'user3']);
    expect(second.value?.data.map((e) => e.username)).toEqual(['user2', 'user1', 'user0']);
    const latecomer = await harness.client.sipEndpoints.list({ filter_username: 'latecomer' }).firstPage();
    await harness.client.sipEndpoints.delete(latecomer.data[0]!.id);
  });
});
