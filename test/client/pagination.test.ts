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

  /** Every item `list` yields before it fails, and the error. */
  async function walk(client: ReturnType<typeof pagedBy>['client'], query = {}) {
    const seen: string[] = [];
    try {
      for await (const endpoint of client.sipEndpoints.list(query)) seen.push(endpoint.username);
    } catch (error) {
      return { seen, error };
    }
    return { seen, error: undefined };
  }

  const PAGE = '/api/relay/rest/endpoints/sip';
  const BOB = { ...ENDPOINT, id: '00000000-0000-4000-8000-000000000002', username: 'bob' };

  it('stops with a PaginationError when the next page is the one just fetched, before yielding it again', async () => {
    const looping = { data: [ENDPOINT], links: { next: `${PAGE}?page_number=1&page_size=1` } };
    const { client, asked } = pagedBy([looping]);
    const { seen, error } = await walk(client, { page_size: 1 });
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(SipEndpointsError);
    expect((error as Error).message).toBe("list_sip_endpoints: the server's next link repeats a page already fetched (after 1 pages)");
    expect(seen).toEqual(['alice']);
    expect(asked).toHaveLength(2);
  });

  it("stops with a PaginationError, before any item comes out twice, when a next link is a fetched page's self link", async () => {
    const first = { data: [ENDPOINT], links: { self: `${PAGE}?page_number=0&page_size=1`, next: `${PAGE}?page_number=1&page_size=1` } };
    const second = { data: [BOB], links: { self: first.links.next, next: first.links.self } };
    const { client, asked } = pagedBy([first, second]);
    const { seen, error } = await walk(client, { page_size: 1 });
    expect(error).toEqual(new PaginationError("list_sip_endpoints: the server's next link repeats a page already fetched (after 2 pages)"));
    expect(seen).toEqual(['alice', 'bob']);
    expect(asked).toHaveLength(2);
  });

  it('ends, instead of looping forever, on next links that differ only by their fragment', async () => {
    let n = 0;
    const { client, asked } = pagedBy([
      { data: [ENDPOINT], links: { next: `${PAGE}?page_number=1&page_token=t#a` } },
      ...Array.from({ length: 5 }, () => ({ data: [BOB], links: { get next() { return `${PAGE}?page_number=1&page_token=t#${n++}`; } } })),
    ]);
    const { seen, error } = await walk(client);
    expect(error).toBeInstanceOf(PaginationError);
    expect(seen).toEqual(['alice', 'bob']);
    expect(asked).toHaveLength(2);
  });

  it('takes a next link with its query parameters reordered for the page it already fetched', async () => {
    const { client, asked } = pagedBy([
      { data: [ENDPOINT], links: { self: `${PAGE}?page_size=1&page_number=0`, next: `${PAGE}?page_size=1&page_number=1&page_token=t` } },
      { data: [BOB], links: { next: `${PAGE}?page_token=t&page_number=1&page_size=1` } },
    ]);
    const { seen, error } = await walk(client, { page_size: 1 });
    expect(error).toBeInstanceOf(PaginationError);
    expect(seen).toEqual(['alice', 'bob']);
    expect(asked).toHaveLength(2);
  });

  it('never yields the first page twice when a later page links back to it under another query, without self links', async () => {
    const first = { data: [ENDPOINT], links: { next: `${PAGE}?page_number=1&page_token=t` } };
    const second = { data: [BOB], links: { next: `${PAGE}?page_number=0&page_size=50` } };
    const { client, asked } = pagedBy([first, second, first]);
    const { seen, error } = await walk(client);
    expect(error).toEqual(new PaginationError("list_sip_endpoints: the server's next link repeats a page already fetched (after 2 pages)"));
    expect(seen).toEqual(['alice', 'bob']);
    expect(asked).toHaveLength(3);
  });

  it('stops with a PaginationError on a page without a data array', async () => {
    const { client } = pagedBy([{ links: {} }]);
    const pages = client.sipEndpoints.list().pages();
    await expect(pages.next()).rejects.toThrow(new PaginationError('list_sip_endpoints: the server sent a page without a `data` array'));
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
