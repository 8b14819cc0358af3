import { ApiError, ResponseShapeError } from '../http/errors.js';
import type { HttpClient } from '../http/client.js';
import { expandPath } from '../http/endpoint.js';
import { Checker } from './checks.js';
import { ENDPOINTS } from './endpoints.js';
import type { EndpointName } from './endpoints.js';
import { SHAPE_HINT } from './hints.js';
import type { WirePage } from './wire.js';
import { limiter, mapLimit } from '../util/concurrency.js';

export const PAGE_SIZE = 100;
/**
 * Pages in flight at once, over every list read at the same time, from the moment each list's
 * page 1 states its page count. Reading is latency-bound (a page costs the server little, the
 * round trip much), so the bound is set by what is polite to ask of the server, not by this process.
 */
export const PAGE_CONCURRENCY = 12;

export type Query = Record<string, string | number | boolean>;
/** Items read so far, and how many the server said there are (as far as it has said). */
export type ReadProgress = (read: number, total: number | undefined) => void;
type Params = Record<string, string>;
/** Checks one item of a list as it is read. */
export type ItemCheck<T> = (check: Checker, value: unknown, index: number) => T;

export interface PageOptions {
  onProgress?: ReadProgress | undefined;
  /** Called with the count page 1 states, when it has been read (each time, if read again). */
  onFirstPage?: (total: number | undefined) => void;
  /** Once aborted, no further page is asked for. */
  halt?: AbortSignal;
}

/** A list that changed while it was read, twice in a row: refused rather than planned from. */
export class IncompleteListError extends ApiError {
  constructor(path: string, problem: string) {
    super(
      'GET',
      path,
      undefined,
      `${problem}, twice in a row; nothing was planned from a partial list`,
      'The list changed while it was read (accounts created, deleted, enabled or disabled meanwhile). Run the command again once those changes have settled.',
    );
  }
}

/**
 * PactFlow's paged lists (users, teams), read whole or not at all, and its single reads. One
 * instance per client: every list read at the same time shares its bound on pages in flight.
 */
export class PageReader {
  /** Shared by every list this client reads, so two lists at once still keep to the bound. */
  private readonly pageSlot = limiter(PAGE_CONCURRENCY);

  constructor(private readonly http: HttpClient<typeof ENDPOINTS>) {}

  /** One GET of the table, with a Checker for its answer. */
  async get(
    name: EndpointName,
    params: Params = {},
    searchParams?: Query,
  ): Promise<{ body: unknown; check: Checker }> {
    const response = await this.http.request(name, { params, ...(searchParams ? { searchParams } : {}) });
    return { body: response.body, check: new Checker('GET', expandPath(ENDPOINTS[name].path, params)) };
  }

  /**
   * A paged collection, read whole or not at all: when the merged items disagree with the
   * `page.totalElements` the server stated (an account added or removed mid-read, a page lost),
   * the list is read once more, then refused — a plan from a partial list could delete or
   * re-create accounts that exist.
   */
  async paged<T extends { uuid: string }>(
    name: EndpointName,
    key: string,
    query: Query,
    item: ItemCheck<T>,
    options: PageOptions = {},
  ): Promise<{ items: T[]; stated?: number; reads: 1 | 2 }> {
    const first = await this.readPages(name, key, query, item, options);
    if (first.complete) return { ...first, reads: 1 };
    const second = await this.readPages(name, key, query, item, options);
    if (second.complete) return { ...second, reads: 2 };
    throw new IncompleteListError(
      ENDPOINTS[name].path,
      `PactFlow stated ${second.stated} ${key} but its pages held ${second.items.length}`,
    );
  }

  /** One page of a paged collection, its items checked. */
  async readPage<T>(
    name: EndpointName,
    key: string,
    query: Query,
    item: ItemCheck<T>,
    page: number,
  ): Promise<{ items: T[]; page?: WirePage; hasNext: boolean }> {
    const { body, check } = await this.get(name, {}, { ...query, page, size: PAGE_SIZE });
    const b = check.object(body, 'body');
    const items = check.array(b[key] ?? [], key).map((v, i) => item(check, v, i));
    return { items, ...check.paging(b) };
  }

  /**
   * Page 1 first; then, when the server states its page count, every other page at once
   * (bounded); otherwise `_links.next` one page at a time. The page size asked for is only a
   * wish — the server's own `page` object decides how many pages there are.
   */
  private async readPages<T extends { uuid: string }>(
    name: EndpointName,
    key: string,
    query: Query,
    item: ItemCheck<T>,
    { onProgress, onFirstPage, halt }: PageOptions,
  ): Promise<{ items: T[]; complete: boolean; stated?: number }> {
    let read = 0;
    let stated: number | undefined;
    const fetchPage = async (page: number) => {
      const result = await this.pageSlot(() => {
        halt?.throwIfAborted();
        return this.readPage(name, key, query, item, page);
      });
      read += result.items.length;
      if (page === 1) stated = result.page?.totalElements;
      onProgress?.(read, stated);
      if (page === 1) onFirstPage?.(stated);
      return result;
    };
    const first = await fetchPage(1);
    const pages: { items: T[]; page?: WirePage }[] = [first];
    if (first.page) {
      const rest = Array.from({ length: Math.max(0, first.page.totalPages - 1) }, (_, i) => i + 2);
      // A dozen of this list's pages wait for a slot at a time, not all of them: a list read beside
      // it (the disabled accounts) takes its turns in between instead of after the whole list.
      pages.push(...(await mapLimit(rest, PAGE_CONCURRENCY, fetchPage)));
    } else {
      let current = first;
      for (let page = 2; current.hasNext && current.items.length > 0; page++) {
        if (page > 10_000)
          throw new ResponseShapeError('GET', ENDPOINTS[name].path, 'pagination does not end', SHAPE_HINT);
        current = await fetchPage(page);
        pages.push(current);
      }
    }
    const seen = new Set<string>();
    const items: T[] = [];
    for (const p of pages)
      for (const x of p.items)
        if (!seen.has(x.uuid)) {
          seen.add(x.uuid);
          items.push(x);
        }
    if (typeof stated !== 'number') return { items, complete: true };
    const complete =
      items.length === stated && pages.every((p) => p.page === undefined || p.page.totalElements === stated);
    return { items, complete, stated };
  }
}
