import type { HttpOptions } from '../pactflow/http.js';
import type { CodeHost, Note } from './host.js';
import { RestHost, headerText } from './host.js';
import { asNotes, asArray } from './shapes.js';

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

/** GitHub's REST API: pull-request comments are issue comments; pages follow the Link header. */
export class GithubHost extends RestHost implements CodeHost {
  readonly name = 'GitHub';
  readonly requestNoun = 'pull request';
  private readonly repo: string;

  constructor(
    private readonly target: GithubTarget,
    options: Pick<HttpOptions, 'retry' | 'onRequest'> = {},
  ) {
    super({ baseUrl: target.apiUrl, token: target.token, accept: 'application/vnd.github+json', ...options });
    this.repo = `/repos/${target.repository}`;
  }

  async findRequest(): Promise<number | undefined> {
    if (this.target.request !== undefined) return this.target.request;
    if (!this.target.sha) return undefined;
    const { body } = await this.http.request('GET', `${this.repo}/commits/${this.target.sha}/pulls`);
    const pulls = asArray(body, 'pull requests of a commit') as { number?: unknown; merged_at?: unknown }[];
    const merged = pulls.find((p) => p.merged_at) ?? pulls[0];
    return typeof merged?.number === 'number' ? merged.number : undefined;
  }

  listComments(request: number): Promise<Note[]> {
    return this.pages(
      `${this.repo}/issues/${request}/comments`,
      {},
      (body) => asNotes(body, 'id', 'body'),
      hasNext,
    );
  }

  async createComment(request: number, body: string): Promise<void> {
    await this.http.request('POST', `${this.repo}/issues/${request}/comments`, { json: { body } });
  }

  async updateComment(_request: number, id: number, body: string): Promise<void> {
    await this.http.request('PATCH', `${this.repo}/issues/comments/${id}`, { json: { body } });
  }

  listOpenIssues(label: string): Promise<Note[]> {
    // The issues list also holds pull requests; those carry a pull_request field.
    return this.pages(
      `${this.repo}/issues`,
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
    await this.http.request('POST', `${this.repo}/issues`, { json: { title, body, labels: [label] } });
  }

  async updateIssue(id: number, body: string): Promise<void> {
    await this.http.request('PATCH', `${this.repo}/issues/${id}`, { json: { body } });
  }

  async closeIssue(id: number, body: string): Promise<void> {
    await this.http.request('PATCH', `${this.repo}/issues/${id}`, {
      json: { body, state: 'closed', state_reason: 'completed' },
    });
  }
}

/** GitHub pages: a Link header with rel="next" while there are more. */
const hasNext = (headers: Record<string, string | string[] | undefined>) =>
  headerText(headers.link).includes('rel="next"');
