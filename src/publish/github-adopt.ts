import { ToolError } from '../errors.js';
import type { HttpOptions } from '../http/client.js';
import { NotFoundError } from '../http/errors.js';
import type { AdoptHost, FileChange, OpenRequest } from './adopt.js';
import type { GithubTarget } from './github.js';
import { GITHUB_ENDPOINTS, hasNext, ownerAndRepo } from './github.js';
import { RestHost } from './host.js';
import { asArray, numberAt, stringAt } from './shapes.js';

interface PullItem {
  number?: unknown;
  body?: unknown;
  head?: { ref?: unknown; repo?: { full_name?: unknown } | null };
  base?: { repo?: { full_name?: unknown } | null };
}

/**
 * The adopt job on GitHub: the commit is built with the Git database API (tree, commit, then the
 * branch moved once, by force) rather than the contents API, which would first reset the branch to
 * the default branch's head — and GitHub marks an open pull request merged when its head is a
 * commit the base already holds.
 */
export class GithubAdoptHost extends RestHost<typeof GITHUB_ENDPOINTS> implements AdoptHost {
  readonly name = 'GitHub';
  readonly requestNoun = 'pull request';
  private readonly repo: { owner: string; repo: string };

  constructor(target: GithubTarget, options: Pick<HttpOptions, 'retry' | 'onRequest'> = {}) {
    super(
      { baseUrl: target.apiUrl, token: target.token, accept: 'application/vnd.github+json', ...options },
      GITHUB_ENDPOINTS,
    );
    this.repo = ownerAndRepo(target.repository);
  }

  async defaultBranch(): Promise<string> {
    const { body } = await this.http.request('repository', { params: this.repo });
    return stringAt(body, ['default_branch'], 'repository');
  }

  async commitFile(branch: string, base: string, change: FileChange): Promise<void> {
    const head = await this.branchHead(base);
    if (!head) throw new ToolError(`GitHub has no branch "${base}", the repository's default branch`);
    const tree = await this.http.request('createTree', {
      params: this.repo,
      json: {
        base_tree: head.tree,
        tree: [{ path: change.path, mode: '100644', type: 'blob', content: change.content }],
      },
    });
    const commit = await this.http.request('createCommit', {
      params: this.repo,
      json: { message: change.message, tree: stringAt(tree.body, ['sha'], 'tree'), parents: [head.commit] },
    });
    const sha = stringAt(commit.body, ['sha'], 'commit');
    if (await this.branchHead(branch))
      await this.http.request('updateRef', { params: { ...this.repo, branch }, json: { sha, force: true } });
    else
      await this.http.request('createRef', { params: this.repo, json: { ref: `refs/heads/${branch}`, sha } });
  }

  listOpenRequests(): Promise<OpenRequest[]> {
    return this.pages('listPulls', this.repo, { state: 'open' }, readPulls, hasNext);
  }

  async createRequest(request: { branch: string; base: string; title: string; body: string }) {
    const { body } = await this.http.request('createPull', {
      params: this.repo,
      json: { title: request.title, head: request.branch, base: request.base, body: request.body },
    });
    return numberAt(body, ['number'], 'pull request');
  }

  async updateRequest(id: number, title: string, body: string): Promise<void> {
    await this.http.request('updatePull', {
      params: { ...this.repo, number: String(id) },
      json: { title, body },
    });
  }

  async closeRequest(id: number, body: string): Promise<void> {
    await this.http.request('updatePull', {
      params: { ...this.repo, number: String(id) },
      json: { body, state: 'closed' },
    });
  }

  async deleteBranch(branch: string): Promise<boolean> {
    if (!(await this.branchHead(branch))) return false;
    await this.http.request('deleteRef', { params: { ...this.repo, branch } });
    return true;
  }

  /** The branch's head commit and its tree; undefined when there is no such branch. */
  private async branchHead(branch: string): Promise<{ commit: string; tree: string } | undefined> {
    try {
      const { body } = await this.http.request('branch', { params: { ...this.repo, branch } });
      return {
        commit: stringAt(body, ['commit', 'sha'], 'branch'),
        tree: stringAt(body, ['commit', 'commit', 'tree', 'sha'], 'branch'),
      };
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

/** Open pull requests from the repository's own branches: a fork's branch may share our name. */
function readPulls(body: unknown): OpenRequest[] {
  return (asArray(body, 'pull requests') as PullItem[]).flatMap((pull) => {
    const own =
      pull.head?.repo?.full_name !== undefined && pull.head.repo.full_name === pull.base?.repo?.full_name;
    if (!own || typeof pull.number !== 'number' || typeof pull.head?.ref !== 'string') return [];
    return [{ id: pull.number, body: typeof pull.body === 'string' ? pull.body : '', branch: pull.head.ref }];
  });
}
