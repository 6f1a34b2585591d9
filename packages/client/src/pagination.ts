/**
 * Lists that follow `links.next`: iterate with `for await` for every item across pages, or call
 * `pages()` to walk page by page. Nothing is fetched until iteration starts, and each page is
 * fetched only when the previous one has been consumed.
 */

/** A page as the API answers it: items plus the links to its neighbours. */
export interface Page<Item> {
  data: Item[];
  links: { next?: string };
}

export class PaginatedList<Item, Query, P extends Page<Item> = Page<Item>> implements AsyncIterable<Item> {
  constructor(
    private readonly firstQuery: Query,
    private readonly fetchPage: (query: Query) => Promise<P>,
    /** Turns a `links.next` URL back into the query that fetches it. */
    private readonly queryFromLink: (link: string) => Query,
  ) {}

  /** Every page, first to last. */
  async *pages(): AsyncGenerator<P, void, undefined> {
    let query: Query | undefined = this.firstQuery;
    while (query !== undefined) {
      const page: P = await this.fetchPage(query);
      yield page;
      query = page.links.next ? this.queryFromLink(page.links.next) : undefined;
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
 * server adds is still sent back.
 */
export function queryFromLink(
  link: string,
  parameters: readonly { readonly name: string; readonly kind: 'string' | 'integer' }[],
): Record<string, string | number> {
  // Links are relative to the server; the base only lets URL parse them.
  const { searchParams } = new URL(link, 'http://relative.invalid');
  const kinds = new Map(parameters.map((p) => [p.name, p.kind]));
  const query: Record<string, string | number> = {};
  for (const [name, value] of searchParams) query[name] = kinds.get(name) === 'integer' ? Number(value) : value;
  return query;
}
