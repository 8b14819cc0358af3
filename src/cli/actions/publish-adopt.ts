import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ToolError, UsageError } from '../../errors.js';
import { ApiError, ForbiddenError, ValidationError } from '../../http/errors.js';
import type { AdoptHost, FileChange } from '../../publish/adopt.js';
import { syncAdoptRequest } from '../../publish/adopt.js';
import { detectAdoptHost } from '../../publish/detect.js';
import type { CommandContext } from '../context.js';
import { resolveInCwd } from '../paths.js';
import type { PublishCommandOptions } from '../commands/publish.js';

/**
 * `publish --kind adopt`: the adopted file committed to a branch of its own and one pull/merge
 * request from it, or with --clean that request closed. A refusal is an error here, not a warning:
 * the change exists only in this job until it is pushed.
 */
export async function publishAdopt(
  ctx: CommandContext,
  options: PublishCommandOptions,
  body: string,
): Promise<number> {
  if (options.clean && (options.adopted !== undefined || options.path !== undefined))
    throw new UsageError('--clean says there is nothing to adopt: leave out --adopted and --path');
  const change = options.clean ? undefined : await adoptedChange(ctx, options);
  const host = detectAdoptHost(ctx.io.env);
  try {
    const result = await syncAdoptRequest(host, {
      body,
      branch: options.branch,
      ...(change ? { change } : {}),
    });
    ctx.err(`${result.message}\n`);
    return 0;
  } catch (error) {
    throw adoptError(host, error);
  } finally {
    host.close();
  }
}

async function adoptedChange(ctx: CommandContext, options: PublishCommandOptions): Promise<FileChange> {
  if (options.adopted === undefined)
    throw new UsageError(
      '--kind adopt needs --adopted <file>, the file adopt wrote (or --clean when there is nothing to adopt)',
      'e.g. pactflow-accounts publish --kind adopt --file adopt.md --adopted accounts.yaml',
    );
  const file = resolveInCwd(ctx, options.adopted);
  let content: string;
  try {
    content = await readFile(file.absolute, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the adopted file ${file.display} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const repoPath =
    options.path === undefined ? checkoutPath(ctx, file) : repositoryPath(options.path, '--path');
  return {
    path: repoPath,
    content,
    message:
      `Adopt changes made in PactFlow into ${repoPath}\n\n` +
      'Written by pactflow-accounts adopt in a drift job, from the live settings: review before merging.',
  };
}

/** The adopted file's path in the repository: relative to the checkout the CI job works in. */
function checkoutPath(ctx: CommandContext, file: { display: string; absolute: string }): string {
  const env = ctx.io.env;
  const root = env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR || ctx.io.cwd;
  // Both resolved: the job's working directory is a real path even when the checkout's is a link.
  const relative = path.relative(
    realPath(root),
    path.join(realPath(path.dirname(file.absolute)), path.basename(file.absolute)),
  );
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new UsageError(
      `the adopted file ${file.display} is not inside the checkout ${root}`,
      'Give its path in the repository with --path.',
    );
  return repositoryPath(relative.split(path.sep).join('/'), file.display);
}

/** The folder with its symbolic links resolved; as given when it cannot be read. */
function realPath(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** A path inside the repository, with / between parts: never outside it, never the root. */
function repositoryPath(given: string, source: string): string {
  const normal = path.posix.normalize(given.replace(/\\/g, '/')).replace(/^(\.\/|\/)+/, '');
  if (normal === '' || normal === '.' || normal === '..' || normal.startsWith('../') || normal.endsWith('/'))
    throw new UsageError(
      `${source} "${given}" is not a file path inside the repository`,
      'e.g. --path accounts.yaml',
    );
  return normal;
}

/**
 * What to do about a refusal: which permission or scope the token lacks (from the endpoint table),
 * where to grant it. The token itself never appears: the client has removed it from every message.
 */
function adoptError(host: AdoptHost, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const github = host.name === 'GitHub';
  if (error instanceof ForbiddenError) {
    const needs = error.permission ?? (github ? 'contents: write' : 'api');
    return new ToolError(
      `${host.name} refused the adopt job: the token needs ${github ? `the permission ${needs}` : `the ${needs} scope`} (${error.message})`,
      github
        ? 'Give the job permissions: { contents: write, pull-requests: write }, and allow "GitHub Actions to create and approve pull requests" in Settings › Actions › General.'
        : 'Set GITLAB_TOKEN to a project access token with the api scope and the Developer role; CI_JOB_TOKEN cannot push or open merge requests.',
    );
  }
  if (error.status === 401)
    return new ToolError(
      `${host.name} API: ${error.message}`,
      `The ${host.name} token was refused: check ${github ? 'GITHUB_TOKEN' : 'GITLAB_TOKEN'}.`,
    );
  if (error instanceof ValidationError) return new ToolError(`${host.name} API: ${error.message}`);
  return new ToolError(
    `${host.name} API: ${error.message}`,
    `Check that ${github ? 'GITHUB_API_URL' : 'CI_API_V4_URL'} points at the ${host.name} API and that it is reachable.`,
  );
}
