import type { HttpOptions } from '../pactflow/http.js';
import type { CodeHost, Note } from './host.js';
import { RestHost, headerText } from './host.js';
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
export class GitlabHost extends RestHost implements CodeHost {
  readonly name = 'GitLab';
  readonly requestNoun = 'merge request';
  private readonly project: string;

  constructor(
    private readonly target: GitlabTarget,
    options: Pick<HttpOptions, 'retry' | 'onRequest'> = {},
  ) {
    super({
      baseUrl: target.apiUrl,
      token: target.token,
      tokenHeader: target.tokenHeader,
      accept: 'application/json',
      ...options,
    });
    this.project = `/projects/${encodeURIComponent(target.project)}`;
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
    return this.pages(
      `${this.project}/merge_requests/${request}/notes`,
      {},
      (b) => asNotes(b, 'id', 'body'),
      hasNext,
    );
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
    return this.pages(
      `${this.project}/issues`,
      { labels: label, state: 'opened' },
      (b) => asNotes(b, 'iid', 'description'),
      hasNext,
    );
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
}

/** GitLab pages: x-next-page holds the next page number, empty on the last. */
const hasNext = (headers: Record<string, string | string[] | undefined>) =>
  headerText(headers['x-next-page']) !== '';
