import type { Endpoint } from '../http/endpoint.js';
import type { HttpOptions } from '../http/client.js';
import type { CodeHost, Note } from './host.js';
import { RestHost, headerText } from './host.js';
import { asArray, asNotes } from './shapes.js';

export interface GithubTarget {
  /** https://api.github.com, or GitHub Enterprise's https://HOST/api/v3 (GITHUB_API_URL). */
  apiUrl: string;
  /** owner/name (GITHUB_REPOSITORY). */
  repository: string;
  token: string;
  /** From the event payload (GITHUB_EVENT_PATH) of a pull_request event. */
  request?: number;
  /** The commit of this run (GITHUB_SHA), to find the pull request that merged it. */
  sha?: string;
}

/** Every GitHub request publishing sends, with the job permission it needs. */
export const GITHUB_ENDPOINTS = {
  pullsOfCommit: {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{sha}/pulls',
    permission: 'contents: read',
  },
  listComments: {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{number}/comments',
    permission: 'pull-requests: read',
  },
  createComment: {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{number}/comments',
    permission: 'pull-requests: write',
  },
  updateComment: {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{id}',
    permission: 'pull-requests: write',
  },
  listIssues: { method: 'GET', path: '/repos/{owner}/{repo}/issues', permission: 'issues: read' },
  createIssue: { method: 'POST', path: '/repos/{owner}/{repo}/issues', permission: 'issues: write' },
  updateIssue: {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{number}',
    permission: 'issues: write',
  },
  // The adopt job: one commit on a branch of its own (Git database API), and one pull request.
  repository: { method: 'GET', path: '/repos/{owner}/{repo}', permission: 'metadata: read' },
  branch: { method: 'GET', path: '/repos/{owner}/{repo}/branches/{branch}', permission: 'contents: read' },
  createTree: { method: 'POST', path: '/repos/{owner}/{repo}/git/trees', permission: 'contents: write' },
  createCommit: { method: 'POST', path: '/repos/{owner}/{repo}/git/commits', permission: 'contents: write' },
  createRef: { method: 'POST', path: '/repos/{owner}/{repo}/git/refs', permission: 'contents: write' },
  updateRef: {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/git/refs/heads/{branch}',
    permission: 'contents: write',
  },
  deleteRef: {
    method: 'DELETE',
    path: '/repos/{owner}/{repo}/git/refs/heads/{branch}',
    permission: 'contents: write',
  },
  listPulls: { method: 'GET', path: '/repos/{owner}/{repo}/pulls', permission: 'pull-requests: read' },
  createPull: { method: 'POST', path: '/repos/{owner}/{repo}/pulls', permission: 'pull-requests: write' },
  updatePull: {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{number}',
    permission: 'pull-requests: write',
  },
} as const satisfies Record<string, Endpoint>;

/** GitHub's REST API: pull-request comments are issue comments; pages follow the Link header. */
export class GithubHost extends RestHost<typeof GITHUB_ENDPOINTS> implements CodeHost {
  readonly name = 'GitHub';
  readonly requestNoun = 'pull request';
  private readonly repo: { owner: string; repo: string };

  constructor(
    private readonly target: GithubTarget,
    options: Pick<HttpOptions, 'retry' | 'onRequest'> = {},
  ) {
    super(
      { baseUrl: target.apiUrl, token: target.token, accept: 'application/vnd.github+json', ...options },
      GITHUB_ENDPOINTS,
    );
    this.repo = ownerAndRepo(target.repository);
  }

  async findRequest(): Promise<number | undefined> {
    if (this.target.request !== undefined) return this.target.request;
    if (!this.target.sha) return undefined;
    const { body } = await this.http.request('pullsOfCommit', {
      params: { ...this.repo, sha: this.target.sha },
    });
    const pulls = asArray(body, 'pull requests of a commit') as { number?: unknown; merged_at?: unknown }[];
    const merged = pulls.find((p) => p.merged_at) ?? pulls[0];
    return typeof merged?.number === 'number' ? merged.number : undefined;
  }

  listComments(request: number): Promise<Note[]> {
    return this.pages(
      'listComments',
      { ...this.repo, number: String(request) },
      {},
      (body) => asNotes(body, 'id', 'body'),
      hasNext,
    );
  }

  async createComment(request: number, body: string): Promise<void> {
    await this.http.request('createComment', {
      params: { ...this.repo, number: String(request) },
      json: { body },
    });
  }

  async updateComment(_request: number, id: number, body: string): Promise<void> {
    await this.http.request('updateComment', { params: { ...this.repo, id: String(id) }, json: { body } });
  }

  listOpenIssues(label: string): Promise<Note[]> {
    // The issues list also holds pull requests; those carry a pull_request field.
    return this.pages(
      'listIssues',
      this.repo,
      { labels: label, state: 'open' },
      (body) =>
        asNotes(
          asArray(body, 'issues').filter((i) => !(i as { pull_request?: unknown }).pull_request),
          'number',
          'body',
        ),
      hasNext,
    );
  }

  async createIssue(title: string, body: string, label: string): Promise<void> {
    await this.http.request('createIssue', { params: this.repo, json: { title, body, labels: [label] } });
  }

  async updateIssue(id: number, body: string): Promise<void> {
    await this.http.request('updateIssue', { params: { ...this.repo, number: String(id) }, json: { body } });
  }

  async closeIssue(id: number, body: string): Promise<void> {
    await this.http.request('updateIssue', {
      params: { ...this.repo, number: String(id) },
      json: { body, state: 'closed', state_reason: 'completed' },
    });
  }
}

/** GitHub pages: a Link header with rel="next" while there are more. */
export const hasNext = (headers: Record<string, string | string[] | undefined>) =>
  headerText(headers.link).includes('rel="next"');

/** GITHUB_REPOSITORY's owner/name as the path params of every request. */
export function ownerAndRepo(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}
