import type { Endpoint } from '../http/endpoint.js';
import { HttpClient } from '../http/client.js';
import type { HttpOptions, HttpResponse } from '../http/client.js';

/** A comment on a pull or merge request, or an issue, as the publish code needs it. */
export interface Note {
  id: number;
  body: string;
}

/**
 * What publishing needs of a code host: the comments of one pull/merge request, and the open issues
 * that carry a label. GitHub and GitLab each implement it over their REST API.
 */
export interface CodeHost {
  /** "GitHub" or "GitLab", for messages. */
  readonly name: string;
  /** What a pull/merge request is called there, for messages. */
  readonly requestNoun: string;
  /** The pull/merge request of this run: from the event, else the one that merged `sha`. */
  findRequest(): Promise<number | undefined>;
  listComments(request: number): Promise<Note[]>;
  createComment(request: number, body: string): Promise<void>;
  updateComment(request: number, id: number, body: string): Promise<void>;
  listOpenIssues(label: string): Promise<Note[]>;
  createIssue(title: string, body: string, label: string): Promise<void>;
  updateIssue(id: number, body: string): Promise<void>;
  closeIssue(id: number, body: string): Promise<void>;
  close(): void;
}

/** Pages of at most this many items; a list stops at the first short page or after MAX_PAGES. */
export const PAGE_SIZE = 100;
/** A bound, so a server that always says "more" cannot keep a job running. */
export const MAX_PAGES = 50;

/** What GitHub and GitLab share: one HTTP client (the PactFlow client's policy) and paged lists. */
export abstract class RestHost<Table extends Record<string, Endpoint>> {
  protected readonly http: HttpClient<Table>;

  /** `endpoints`: every request this host's client may send, as for PactFlow. */
  constructor(options: HttpOptions, endpoints: Table) {
    this.http = new HttpClient(options, endpoints);
  }

  close(): void {
    this.http.close();
  }

  /** Every item of a paged list, page by page while `hasNext` says there is more. */
  protected async pages<Item = Note>(
    name: keyof Table & string,
    params: Record<string, string>,
    query: Record<string, string>,
    read: (body: unknown) => Item[],
    hasNext: (headers: HttpResponse['headers']) => boolean,
  ): Promise<Item[]> {
    const all: Item[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await this.http.request(name, {
        params,
        searchParams: { ...query, per_page: PAGE_SIZE, page },
      });
      all.push(...read(response.body));
      if (!hasNext(response.headers)) break;
    }
    return all;
  }
}

/** A header's value as one string. */
export const headerText = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
