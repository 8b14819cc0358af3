import type { HttpOptions } from '../http/client.js';
import { NotFoundError } from '../http/errors.js';
import type { AdoptHost, FileChange, OpenRequest } from './adopt.js';
import type { GitlabTarget } from './gitlab.js';
import { GITLAB_ENDPOINTS, gitlabHttpOptions, hasNext } from './gitlab.js';
import { RestHost } from './host.js';
import { asArray, numberAt, stringAt } from './shapes.js';

interface MergeRequestItem {
  iid?: unknown;
  description?: unknown;
  source_branch?: unknown;
  source_project_id?: unknown;
  target_project_id?: unknown;
}

/**
 * The adopt job on GitLab: one call of the commits API makes the commit on top of the default
 * branch and creates the branch, or force-updates it (`force` with `start_branch`).
 */
export class GitlabAdoptHost extends RestHost<typeof GITLAB_ENDPOINTS> implements AdoptHost {
  readonly name = 'GitLab';
  readonly requestNoun = 'merge request';
  private readonly project: { project: string };

  constructor(target: GitlabTarget, options: Pick<HttpOptions, 'retry' | 'onRequest'> = {}) {
    super(gitlabHttpOptions(target, options), GITLAB_ENDPOINTS);
    this.project = { project: target.project };
  }

  async defaultBranch(): Promise<string> {
    const { body } = await this.http.request('project', { params: this.project });
    return stringAt(body, ['default_branch'], 'project');
  }

  async commitFile(branch: string, base: string, change: FileChange): Promise<void> {
    await this.http.request('createCommit', {
      params: this.project,
      json: {
        branch,
        start_branch: base,
        force: true,
        commit_message: change.message,
        actions: [{ action: 'update', file_path: change.path, content: change.content }],
      },
    });
  }

  listOpenRequests(): Promise<OpenRequest[]> {
    return this.pages('listRequests', this.project, { state: 'opened' }, readMergeRequests, hasNext);
  }

  async createRequest(request: { branch: string; base: string; title: string; body: string }) {
    const { body } = await this.http.request('createRequest', {
      params: this.project,
      json: {
        source_branch: request.branch,
        target_branch: request.base,
        title: request.title,
        description: request.body,
        remove_source_branch: true,
      },
    });
    return numberAt(body, ['iid'], 'merge request');
  }

  async updateRequest(id: number, title: string, body: string): Promise<void> {
    await this.http.request('updateRequest', { params: this.at(id), json: { title, description: body } });
  }

  async closeRequest(id: number, body: string): Promise<void> {
    await this.http.request('updateRequest', {
      params: this.at(id),
      json: { description: body, state_event: 'close' },
    });
  }

  async deleteBranch(branch: string): Promise<boolean> {
    try {
      await this.http.request('deleteBranch', { params: { ...this.project, branch } });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  private at(iid: number): { project: string; iid: string } {
    return { ...this.project, iid: String(iid) };
  }
}

/** Open merge requests from the project's own branches: a fork's branch may share our name. */
function readMergeRequests(body: unknown): OpenRequest[] {
  return (asArray(body, 'merge requests') as MergeRequestItem[]).flatMap((mr) => {
    const own = mr.source_project_id !== undefined && mr.source_project_id === mr.target_project_id;
    if (!own || typeof mr.iid !== 'number' || typeof mr.source_branch !== 'string') return [];
    const description = typeof mr.description === 'string' ? mr.description : '';
    return [{ id: mr.iid, body: description, branch: mr.source_branch }];
  });
}
