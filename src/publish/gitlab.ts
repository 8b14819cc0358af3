import { HttpClient } from '../pactflow/http.js';
import type { HttpOptions } from '../pactflow/http.js';
import type { CodeHost, Note } from './host.js';
import { MAX_PAGES, PAGE_SIZE } from './host.js';
import { asArray, asNotes } from './shapes.js';

export interface GitlabTarget {
  /** https://gitlab.com/api/v4, or a self-managed instance's (CI_API_V4_URL). */
  apiUrl: string;
  /** Numeric id or URL-encoded path (CI_PROJECT_ID). */
  project: string;
  token: string;
  /** PRIVATE-TOKEN for a project or personal access token (GITLAB_TOKEN); JOB-TOKEN for CI_JOB_TOKEN. */
  tokenHeader: 'PRIVATE-TOKEN' | 'JOB-TOKEN';
  /** CI_MERGE_REQUEST_IID in a merge-request pipeline. */
  request?: number;
  /** CI_COMMIT_SHA, to find the merge request that merged it. */
  sha?: string;
}

/** GitLab's REST API v4: merge-request notes and project issues; pages follow x-next-page. */
export class GitlabHost implements CodeHost {
  readonly name = 'GitLab';
  readonly requestNoun = 'merge request';
  private readonly http: HttpClient;
  private readonly project: string;

  constructor(
    private readonly target: GitlabTarget,
    options: Pick<HttpOptions, 'retry' | 'onRequest'> = {},
  ) {
    this.http = new HttpClient({
      baseUrl: target.apiUrl,
      token: target.token,
      tokenHeader: target.tokenHeader,
      accept: 'application/json',
      ...options,
    });
    this.project = `/projects/${encodeURIComponent(target.project)}`;
  }

  close(): void {
    this.http.close();
  }

  async findRequest(): Promise<number | undefined> {
    if (this.target.request !== undefined) return this.target.request;
    if (!this.target.sha) return undefined;
    const { body } = await this.http.request(
      'GET',
      `${this.project}/repository/commits/${this.target.sha}/merge_requests`,
    );
    const requests = asArray(body, 'merge requests of a commit') as { iid?: unknown; state?: unknown }[];
    const merged = requests.find((r) => r.state === 'merged') ?? requests[0];
    return typeof merged?.iid === 'number' ? merged.iid : undefined;
  }

  listComments(request: number): Promise<Note[]> {
    return this.pages(`${this.project}/merge_requests/${request}/notes`, {}, 'id');
  }

  async createComment(request: number, body: string): Promise<void> {
    await this.http.request('POST', `${this.project}/merge_requests/${request}/notes`, { json: { body } });
  }

  async updateComment(request: number, id: number, body: string): Promise<void> {
    await this.http.request('PUT', `${this.project}/merge_requests/${request}/notes/${id}`, {
      json: { body },
    });
  }

  listOpenIssues(label: string): Promise<Note[]> {
    return this.pages(`${this.project}/issues`, { labels: label, state: 'opened' }, 'iid', 'description');
  }

  async createIssue(title: string, body: string, label: string): Promise<void> {
    await this.http.request('POST', `${this.project}/issues`, {
      json: { title, description: body, labels: label },
    });
  }

  async updateIssue(id: number, body: string): Promise<void> {
    await this.http.request('PUT', `${this.project}/issues/${id}`, { json: { description: body } });
  }

  async closeIssue(id: number, body: string): Promise<void> {
    await this.http.request('PUT', `${this.project}/issues/${id}`, {
      json: { description: body, state_event: 'close' },
    });
  }

  private async pages(
    path: string,
    query: Record<string, string>,
    idField: string,
    bodyField = 'body',
  ): Promise<Note[]> {
    const all: Note[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await this.http.request('GET', path, {
        searchParams: { ...query, per_page: PAGE_SIZE, page },
      });
      all.push(...asNotes(response.body, idField, bodyField));
      const next = response.headers['x-next-page'];
      if (!next || (Array.isArray(next) ? next[0] : next)?.trim() === '') break;
    }
    return all;
  }
}
