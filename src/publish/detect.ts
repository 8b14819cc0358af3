import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { isLoopbackHost } from '../pactflow/connection.js';
import type { HttpOptions } from '../http/client.js';
import { GithubHost } from './github.js';
import type { GithubTarget } from './github.js';
import { GitlabHost } from './gitlab.js';
import type { GitlabTarget } from './gitlab.js';
import type { CodeHost } from './host.js';
import type { AdoptHost } from './adopt.js';
import { GithubAdoptHost } from './github-adopt.js';
import { GitlabAdoptHost } from './gitlab-adopt.js';

/** Code-host API URLs: https, or plain http to a loopback host (a local stand-in in tests). */
function apiUrl(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${source} is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    throw new UsageError(`${source} must use https:// (got ${url.protocol}//${url.host})`);
  return url.href.replace(/\/+$/, '');
}

/** The pull request number of a pull_request / pull_request_target / issue_comment event. */
async function requestFromEvent(eventPath: string | undefined): Promise<number | undefined> {
  if (!eventPath) return undefined;
  let event: { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown } };
  try {
    event = JSON.parse(await readFile(eventPath, 'utf8')) as typeof event;
  } catch (error) {
    throw new UsageError(
      `cannot read the GitHub event payload GITHUB_EVENT_PATH (${(error as NodeJS.ErrnoException).code ?? 'not JSON'})`,
    );
  }
  const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  return typeof number === 'number' ? number : undefined;
}

/**
 * GitLab with only CI_JOB_TOKEN: that token may read a project but not write merge-request notes
 * or issues, so publishing needs GITLAB_TOKEN. Masked variables are not given to pipelines for
 * merge requests from forks, which is how a job ends up with only the job token.
 */
function usesGitlabJobToken(env: Record<string, string | undefined>): boolean {
  return env.GITLAB_CI === 'true' && !env.GITLAB_TOKEN?.trim() && Boolean(env.CI_JOB_TOKEN?.trim());
}

/** Why a host refused a write (403), and what to do: for the warning that replaces the failure. */
export function readOnlyReason(env: Record<string, string | undefined>, requestNoun: string): string {
  if (usesGitlabJobToken(env))
    return (
      'CI_JOB_TOKEN cannot write merge request notes or issues: set GITLAB_TOKEN, a project access token ' +
      'with the api scope, as a masked CI/CD variable (pipelines for merge requests from forks do not get it)'
    );
  return `this token may only read (on a ${requestNoun} from a fork the CI token is read-only)`;
}

/**
 * The repository and token of a GitHub Actions job; `permissions` names what the job must grant,
 * `use` what the token is for.
 */
function githubTarget(
  env: Record<string, string | undefined>,
  permissions: string,
  use = 'publish with',
): GithubTarget {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token)
    throw new UsageError(
      `no GITHUB_TOKEN to ${use}`,
      `Pass it to the step: env: { GITHUB_TOKEN: \${{ github.token }} }, with permissions ${permissions}.`,
    );
  if (!env.GITHUB_REPOSITORY) throw new UsageError('GITHUB_REPOSITORY is not set');
  return {
    apiUrl: apiUrl(env.GITHUB_API_URL ?? 'https://api.github.com', 'GITHUB_API_URL'),
    repository: env.GITHUB_REPOSITORY,
    token,
  };
}

/** The project and token of a GitLab CI job: GITLAB_TOKEN if set, else CI_JOB_TOKEN. */
function gitlabTarget(
  env: Record<string, string | undefined>,
  use: { to: string; scope: string } = { to: 'publish with', scope: 'api' },
): GitlabTarget {
  const privateToken = env.GITLAB_TOKEN?.trim() || undefined;
  const jobToken = env.CI_JOB_TOKEN?.trim() || undefined;
  if (!privateToken && !jobToken)
    throw new UsageError(
      `no GITLAB_TOKEN or CI_JOB_TOKEN to ${use.to}`,
      `Add a project access token with the ${use.scope} scope as a masked CI/CD variable GITLAB_TOKEN.`,
    );
  if (!env.CI_PROJECT_ID) throw new UsageError('CI_PROJECT_ID is not set');
  const raw = env.CI_API_V4_URL ?? (env.CI_SERVER_URL ? `${env.CI_SERVER_URL}/api/v4` : undefined);
  return {
    apiUrl: apiUrl(raw ?? 'https://gitlab.com/api/v4', 'CI_API_V4_URL'),
    project: env.CI_PROJECT_ID,
    token: (privateToken || jobToken)!,
    tokenHeader: privateToken ? 'PRIVATE-TOKEN' : 'JOB-TOKEN',
  };
}

/**
 * The code host this CI job runs on, from the environment: GitHub Actions (GITHUB_ACTIONS, with
 * GITHUB_API_URL for GitHub Enterprise) or GitLab CI (GITLAB_CI, with CI_API_V4_URL for a
 * self-managed instance). `request` overrides the pull/merge request the environment names;
 * `command` is the one named when there is no CI job to run in.
 */
export async function detectCodeHost(
  env: Record<string, string | undefined>,
  options: {
    request?: number;
    command?: 'publish' | 'reviewed';
    http?: Pick<HttpOptions, 'retry' | 'onRequest'>;
  } = {},
): Promise<CodeHost> {
  // `reviewed` only reads the request and its comments; `publish` writes them.
  const reads = options.command === 'reviewed';
  if (env.GITHUB_ACTIONS === 'true') {
    const target = reads
      ? githubTarget(env, 'contents: read and pull-requests: read', 'read the pull request with')
      : githubTarget(env, 'pull-requests: write and issues: write');
    const request = options.request ?? (await requestFromEvent(env.GITHUB_EVENT_PATH));
    return new GithubHost(
      {
        ...target,
        ...(request === undefined ? {} : { request }),
        ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
      },
      options.http,
    );
  }
  if (env.GITLAB_CI === 'true') {
    const iid = options.request ?? (env.CI_MERGE_REQUEST_IID ? Number(env.CI_MERGE_REQUEST_IID) : undefined);
    return new GitlabHost(
      {
        ...gitlabTarget(
          env,
          reads
            ? { to: 'read the merge request with', scope: 'read_api' }
            : { to: 'publish with', scope: 'api' },
        ),
        ...(iid === undefined || Number.isNaN(iid) ? {} : { request: iid }),
        ...(env.CI_COMMIT_SHA ? { sha: env.CI_COMMIT_SHA } : {}),
      },
      options.http,
    );
  }
  if (reads)
    throw new UsageError(
      'reviewed runs in GitHub Actions or GitLab CI: neither GITHUB_ACTIONS nor GITLAB_CI is "true"',
      'Run it in the CI job that applies the saved plan, where it can read the pull or merge request.',
    );
  throw new UsageError(
    'publish runs in GitHub Actions or GitLab CI: neither GITHUB_ACTIONS nor GITLAB_CI is "true"',
    'Run it in a CI job, or leave publishing off and read the report on stdout.',
  );
}

/**
 * The code host of the adopt job, which pushes a branch and opens a pull/merge request. On GitLab
 * that takes GITLAB_TOKEN: CI_JOB_TOKEN can neither push through the API nor open a merge request.
 */
export function detectAdoptHost(
  env: Record<string, string | undefined>,
  options: { http?: Pick<HttpOptions, 'retry' | 'onRequest'> } = {},
): AdoptHost {
  if (env.GITHUB_ACTIONS === 'true')
    return new GithubAdoptHost(githubTarget(env, 'contents: write and pull-requests: write'), options.http);
  if (env.GITLAB_CI === 'true') {
    if (usesGitlabJobToken(env))
      throw new UsageError(
        'CI_JOB_TOKEN alone cannot push a branch or open a merge request: no GITLAB_TOKEN to adopt with',
        'Set GITLAB_TOKEN, a project access token with the api scope and the Developer role, as a masked CI/CD variable.',
      );
    return new GitlabAdoptHost(gitlabTarget(env), options.http);
  }
  throw new UsageError(
    'publish runs in GitHub Actions or GitLab CI: neither GITHUB_ACTIONS nor GITLAB_CI is "true"',
    'Run it in a CI job, or run adopt without publishing and open the pull request yourself.',
  );
}
