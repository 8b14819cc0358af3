import type { Endpoint } from '../http/endpoint.js';
import type { HttpOptions } from '../http/client.js';
import type { CodeHost, Note } from './host.js';
import { RestHost, headerText } from './host.js';
import { asArray, asNotes } from './shapes.js';

export interface GitlabTarget {
  /** https://gitlab.com/api/v4, or a self-managed instance's (CI_API_V4_URL). */
  apiUrl: string;
  /** Numeric id or path (CI_PROJECT_ID); sent URI-encoded. */
  project: string;
  token: string;
  /** PRIVATE-TOKEN for a project or personal access token (GITLAB_TOKEN); JOB-TOKEN for CI_JOB_TOKEN. */
  tokenHeader: 'PRIVATE-TOKEN' | 'JOB-TOKEN';
  /** CI_MERGE_REQUEST_IID in a merge-request pipeline. */
  request?: number;
  /** CI_COMMIT_SHA, to find the merge request that merged it. */
  sha?: string;
}

/** Every GitLab request publishing sends, with the token scope it needs. */
export const GITLAB_ENDPOINTS = {
  requestsOfCommit: {
    method: 'GET',
    path: '/projects/{project}/repository/commits/{sha}/merge_requests',
    permission: 'read_api',
  },
  listNotes: {
    method: 'GET',
    path: '/projects/{project}/merge_requests/{iid}/notes',
    permission: 'read_api',
  },
  createNote: { method: 'POST', path: '/projects/{project}/merge_requests/{iid}/notes', permission: 'api' },
  updateNote: {
    method: 'PUT',
    path: '/projects/{project}/merge_requests/{iid}/notes/{id}',
    permission: 'api',
  },
  listIssues: { method: 'GET', path: '/projects/{project}/issues', permission: 'read_api' },
  createIssue: { method: 'POST', path: '/projects/{project}/issues', permission: 'api' },
  updateIssue: { method: 'PUT', path: '/projects/{project}/issues/{iid}', permission: 'api' },
  // The adopt job: one commit on a branch of its own, and one merge request from it.
  project: { method: 'GET', path: '/projects/{project}', permission: 'read_api' },
  createCommit: { method: 'POST', path: '/projects/{project}/repository/commits', permission: 'api' },
  deleteBranch: {
    method: 'DELETE',
    path: '/projects/{project}/repository/branches/{branch}',
    permission: 'api',
  },
  listRequests: { method: 'GET', path: '/projects/{project}/merge_requests', permission: 'read_api' },
  createRequest: { method: 'POST', path: '/projects/{project}/merge_requests', permission: 'api' },
  updateRequest: { method: 'PUT', path: '/projects/{project}/merge_requests/{iid}', permission: 'api' },
} as const satisfies Record<string, Endpoint>;

/** How both GitLab hosts (notes and issues; the adopt merge request) reach the API. */
export function gitlabHttpOptions(
  target: GitlabTarget,
  options: Pick<HttpOptions, 'retry' | 'onRequest'>,
): HttpOptions {
  return {
    baseUrl: target.apiUrl,
    token: target.token,
    tokenHeader: target.tokenHeader,
    accept: 'application/json',
    ...options,
  };
}

/** GitLab's REST API v4: merge-request notes and project issues; pages follow x-next-page. */
export class GitlabHost extends RestHost<typeof GITLAB_ENDPOINTS> implements CodeHost {
  readonly name = 'GitLab';
  readonly requestNoun = 'merge request';

  constructor(
    private readonly target: GitlabTarget,
    options: Pick<HttpOptions, 'retry' | 'onRequest'> = {},
  ) {
    super(gitlabHttpOptions(target, options), GITLAB_ENDPOINTS);
  }

  async findRequest(): Promise<number | undefined> {
    if (this.target.request !== undefined) return this.target.request;
    if (!this.target.sha) return undefined;
    const { body } = await this.http.request('requestsOfCommit', {
      params: { project: this.target.project, sha: this.target.sha },
    });
    const requests = asArray(body, 'merge requests of a commit') as { iid?: unknown; state?: unknown }[];
    const merged = requests.find((r) => r.state === 'merged') ?? requests[0];
    return typeof merged?.iid === 'number' ? merged.iid : undefined;
  }

  listComments(request: number): Promise<Note[]> {
    return this.pages('listNotes', this.at(request), {}, (b) => asNotes(b, 'id', 'body'), hasNext);
  }

  async createComment(request: number, body: string): Promise<void> {
    await this.http.request('createNote', { params: this.at(request), json: { body } });
  }

  async updateComment(request: number, id: number, body: string): Promise<void> {
    await this.http.request('updateNote', {
      params: { ...this.at(request), id: String(id) },
      json: { body },
    });
  }

  listOpenIssues(label: string): Promise<Note[]> {
    return this.pages(
      'listIssues',
      { project: this.target.project },
      { labels: label, state: 'opened' },
      (b) => asNotes(b, 'iid', 'description'),
      hasNext,
    );
  }

  async createIssue(title: string, body: string, label: string): Promise<void> {
    await this.http.request('createIssue', {
      params: { project: this.target.project },
      json: { title, description: body, labels: label },
    });
  }

  async updateIssue(id: number, body: string): Promise<void> {
    await this.http.request('updateIssue', { params: this.at(id), json: { description: body } });
  }

  async closeIssue(id: number, body: string): Promise<void> {
    await this.http.request('updateIssue', {
      params: this.at(id),
      json: { description: body, state_event: 'close' },
    });
  }

  private at(iid: number): { project: string; iid: string } {
    return { project: this.target.project, iid: String(iid) };
  }
}

/** GitLab pages: x-next-page holds the next page number, empty on the last. */
export const hasNext = (headers: Record<string, string | string[] | undefined>) =>
  headerText(headers['x-next-page']) !== '';
