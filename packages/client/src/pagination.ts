/**
 * Lists that follow the next link of each page: iterate with `for await` for every item across
 * pages, or call `pages()` to walk page by page. Nothing is fetched until iteration starts, and
 * each page is fetched only when the previous one has been consumed.
 */
import { PaginationError } from './errors.ts';
import type { ClientOperation, PagingDescriptor } from './operation.ts';

export type Query = Record<string, string | number | undefined>;

/**
 * The key of the page a query fetches: its parameters as sent, sorted. The request is built
 * from a link's query alone, so two links name the same page when their queries are equal,
 * whatever their fragment, order of parameters, or spelling of the path.
 */
function pageKey(query: Query): string {
  const params = new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
  params.sort();
  return params.toString();
}

function property(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

export class PaginatedList<Item, P> implements AsyncIterable<Item> {
  constructor(
    private readonly op: ClientOperation,
    private readonly paging: PagingDescriptor,
    private readonly firstQuery: Query,
    private readonly fetchPage: (query: Query) => Promise<P>,
  ) {}

  /**
   * Every page, first to last. A page without links is the last. The walk ends with a
   * `PaginationError`, before that page comes out, when a next link leads to a page already
   * fetched (one followed before, a page's self link, or, by its items, the first page): following
   * it would never end.
   */
  async *pages(): AsyncGenerator<P, void, undefined> {
    const { op, paging, firstQuery, fetchPage } = this;
    const { operationId } = op;
    const fetched = new Set<string>([pageKey(firstQuery)]);
    let firstItems: string | undefined;
    let query: Query | undefined = firstQuery;
    for (let count = 1; query !== undefined; count++) {
      const page: P = await fetchPage(query);
      const items = property(page, paging.items);
      if (!Array.isArray(items)) throw new PaginationError(`${operationId}: the server sent a page without a \`${paging.items}\` array`);
      // The first page may have been asked for by another query than its links name it by.
      if (count === 1) firstItems = JSON.stringify(items);
      else if (items.length > 0 && JSON.stringify(items) === firstItems) throw repeated(operationId, count - 1);
      yield page;
      const links = property(page, paging.links);
      const self = paging.self === undefined ? undefined : property(links, paging.self);
      if (typeof self === 'string') fetched.add(pageKey(queryFromLink(self, op.queryParameters)));
      const next = property(links, paging.next);
      if (typeof next !== 'string' || next === '') return;
      query = queryFromLink(next, op.queryParameters);
      const key = pageKey(query);
      if (fetched.has(key)) throw repeated(operationId, count);
      fetched.add(key);
    }
  }

  /** The first page only. */
  async firstPage(): Promise<P> {
    return this.fetchPage(this.firstQuery);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* property(page, this.paging.items) as Item[];
  }
}

function repeated(operationId: string, pages: number): PaginationError {
  return new PaginationError(`${operationId}: the server's next link repeats a page already fetched (after ${pages} pages)`);
}

/**
 * The query parameters of a link, as the operation declares them: integers become numbers,
 * and parameters the operation does not declare are kept as strings, so that a token a newer
 * server adds is still sent back. So is a value that is not an integer where one is declared:
 * the server hears exactly what it wrote, not `NaN` or 0.
 */
function queryFromLink(link: string, parameters: readonly { readonly name: string; readonly kind: 'string' | 'integer' }[]): Query {
  // Links are relative to the server; the base only lets URL parse them.
  const { searchParams } = new URL(link, 'http://relative.invalid');
  const kinds = new Map(parameters.map((p) => [p.name, p.kind]));
  const query: Query = {};
  for (const [name, value] of searchParams) query[name] = kinds.get(name) === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
  return query;
}
