/** `list()` across several pages of the mock server, following `links.next`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSipEndpointsClient, PaginationError, SipEndpointsError } from '@sip-endpoints/client';
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

describe('list, against a server that pages badly', () => {
  const ENDPOINT = { id: '00000000-0000-4000-8000-000000000001', username: 'alice' };

  /** A client whose server answers each request with the next of `pages`, recording the URLs asked for. */
  function pagedBy(pages: unknown[]) {
    const asked: string[] = [];
    const client = createSipEndpointsClient({
      baseUrl: 'http://127.0.0.1:1/api/relay/rest',
      projectId: 'p',
      apiToken: 't',
      fetch: async (request) => {
        asked.push(request.url);
        return Response.json(pages[Math.min(asked.length - 1, pages.length - 1)]);
      },
    });
    return { client, asked };
  }

  it('treats a page without links as the last one', async () => {
    const { client, asked } = pagedBy([{ data: [ENDPOINT] }]);
    const seen: unknown[] = [];
    for await (const endpoint of client.sipEndpoints.list()) seen.push(endpoint);
    expect(seen).toEqual([ENDPOINT]);
    expect(asked).toHaveLength(1);
  });

  it('stops with a PaginationError when a next link repeats, instead of looping forever', async () => {
    const looping = { data: [ENDPOINT], links: { next: '/api/relay/rest/endpoints/sip?page_number=1&page_size=1' } };
    const { client, asked } = pagedBy([looping]);
    const seen: unknown[] = [];
    const error = await (async () => {
      try {
        for await (const endpoint of client.sipEndpoints.list({ page_size: 1 })) seen.push(endpoint);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(SipEndpointsError);
    expect((error as Error).message).toBe("list: the server's next link repeats a page already fetched (after 2 pages)");
    expect(seen).toHaveLength(2);
    expect(asked).toHaveLength(2);
  });

  it("stops with a PaginationError, before any item comes out twice, when a next link is a fetched page's self link", async () => {
    const first = { data: [ENDPOINT], links: { self: '/api/relay/rest/endpoints/sip?page_number=0&page_size=1', next: '/api/relay/rest/endpoints/sip?page_number=1&page_size=1' } };
    const second = { data: [{ ...ENDPOINT, username: 'bob' }], links: { self: first.links.next, next: first.links.self } };
    const { client, asked } = pagedBy([first, second]);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const endpoint of client.sipEndpoints.list({ page_size: 1 })) seen.push(endpoint.username);
      })(),
    ).rejects.toThrow(new PaginationError("list: the server's next link repeats a page already fetched (after 2 pages)"));
    expect(seen).toEqual(['alice', 'bob']);
    expect(asked).toHaveLength(2);
  });

  it('stops with a PaginationError on a page without a data array', async () => {
    const { client } = pagedBy([{ links: {} }]);
    const pages = client.sipEndpoints.list().pages();
    await expect(pages.next()).rejects.toThrow(new PaginationError('list: the server sent a page without a `data` array'));
  });

  it('sends back a page number it cannot read as the server wrote it, not as NaN or 0', async () => {
    const { client, asked } = pagedBy([
      { data: [ENDPOINT], links: { next: '/api/relay/rest/endpoints/sip?page_number=two&page_size=&page_token=abc' } },
      { data: [], links: {} },
    ]);
    for await (const _page of client.sipEndpoints.list().pages());
    expect(new URL(asked[1]!).search).toBe('?page_number=two&page_size=&page_token=abc');
  });
});
