/**
 * Lists that follow `links.next`: iterate with `for await` for every item across pages, or call
 * `pages()` to walk page by page. Nothing is fetched until iteration starts, and each page is
 * fetched only when the previous one has been consumed.
 */

import { PaginationError } from './errors.ts';

/** A page as the API answers it: items plus the links to its neighbours. */
export interface Page<Item> {
  data: Item[];
  links: { next?: string; self?: string };
}

export class PaginatedList<Item, Query, P extends Page<Item> = Page<Item>> implements AsyncIterable<Item> {
  constructor(
    private readonly firstQuery: Query,
    private readonly fetchPage: (query: Query) => Promise<P>,
    /** Turns a `links.next` URL back into the query that fetches it. */
    private readonly queryFromLink: (link: string) => Query,
  ) {}

  /**
   * Every page, first to last. A page without `links` is the last. A `next` link to a page
   * already fetched (one followed before, or the `self` link of a page) ends the walk with a
   * `PaginationError`, before that page comes out again: following it would never end.
   */
  async *pages(): AsyncGenerator<P, void, undefined> {
    const fetched = new Set<string>();
    let query: Query | undefined = this.firstQuery;
    for (let count = 1; query !== undefined; count++) {
      const page: P = await this.fetchPage(query);
      if (!Array.isArray(page?.data)) throw new PaginationError('list: the server sent a page without a `data` array');
      yield page;
      const { next, self } = page.links ?? {};
      if (self) fetched.add(self);
      if (!next) return;
      if (fetched.has(next)) throw new PaginationError(`list: the server's next link repeats a page already fetched (after ${count} pages)`);
      fetched.add(next);
      query = this.queryFromLink(next);
    }
  }

  /** The first page only. */
  async firstPage(): Promise<P> {
    return this.fetchPage(this.firstQuery);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }
}

/**
 * The query parameters of a link, as the operation declares them: integers become numbers,
 * and parameters the operation does not declare are kept as strings, so that a token a newer
 * server adds is still sent back. So is a value that is not an integer where one is declared:
 * the server hears exactly what it wrote, not `NaN` or 0.
 */
export function queryFromLink(
  link: string,
  parameters: readonly { readonly name: string; readonly kind: 'string' | 'integer' }[],
): Record<string, string | number> {
  // Links are relative to the server; the base only lets URL parse them.
  const { searchParams } = new URL(link, 'http://relative.invalid');
  const kinds = new Map(parameters.map((p) => [p.name, p.kind]));
  const query: Record<string, string | number> = {};
  for (const [name, value] of searchParams) query[name] = kinds.get(name) === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
  return query;
}
