import { readFile } from 'node:fs/promises';
import { ToolError, UsageError } from '../../errors.js';
import { ApiError } from '../../http/errors.js';
import type { CodeHost } from '../../publish/host.js';
import { detectCodeHost, readOnlyReason } from '../../publish/detect.js';
import { findMarked, syncDriftIssue, upsertComment } from '../../publish/publish.js';
import { comparePlans, readReviewedBlock, renderComparison, reviewedBlock } from '../../publish/reviewed.js';
import { MARKDOWN_LIMIT } from '../../render/markdown-kit.js';
import type { CommandContext } from '../context.js';
import { resolveInCwd } from '../paths.js';
import { readSavedPlan } from './apply-saved.js';
import { publishAdopt } from './publish-adopt.js';
import type { PublishCommandOptions, ReviewedCommandOptions } from '../commands/publish.js';

/** Room left in a comment (GitHub: 65,536 characters) for the hidden reviewed-plan data. */
const COMMENT_LIMIT = 65_536;

async function readReport(ctx: CommandContext, given: string): Promise<string> {
  const file = resolveInCwd(ctx, given);
  try {
    return await readFile(file.absolute, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the report ${file.display} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Write it first, e.g. pactflow-accounts plan --format markdown > plan.md',
    );
  }
}

/** Every --file, in the order given, one after the other. */
async function readReports(ctx: CommandContext, given: readonly string[]): Promise<string> {
  const texts: string[] = [];
  for (const file of given) texts.push((await readReport(ctx, file)).trimEnd());
  return `${texts.join('\n\n')}\n`;
}

/** A host that refuses a write (403) is a warning: the report is still in the log and summary. */
async function tolerateReadOnly(ctx: CommandContext, host: CodeHost, work: () => Promise<number>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      ctx.err(
        `${ctx.errColors.yellow('warning')}: ${host.name} refused to publish (403 Forbidden): ` +
          `${readOnlyReason(ctx.io.env, host.requestNoun)}. The report is in the job log and summary.\n`,
      );
      return 0;
    }
    throw hostError(host, error);
  } finally {
    host.close();
  }
}

/** The PactFlow client's hints do not fit a code host: say which API and which token. */
function hostError(host: CodeHost, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const hint =
    error.status === 401
      ? `The ${host.name} token was refused: check ${host.name === 'GitHub' ? 'GITHUB_TOKEN' : 'GITLAB_TOKEN or CI_JOB_TOKEN'}.`
      : `Check that ${host.name === 'GitHub' ? 'GITHUB_API_URL' : 'CI_API_V4_URL'} points at the ${host.name} API and that it is reachable.`;
  return new ToolError(`${host.name} API: ${error.message}`, hint);
}

export async function publishCommand(ctx: CommandContext, options: PublishCommandOptions): Promise<number> {
  let body = await readReports(ctx, options.file);
  if (options.kind === 'adopt') return publishAdopt(ctx, options, body);
  if (options.adopted !== undefined || options.path !== undefined)
    throw new UsageError('--adopted and --path go with --kind adopt');
  const plan = options.plan ? await readSavedPlan(ctx, options.plan) : undefined;
  const host = await detectCodeHost(ctx.io.env, options.pr === undefined ? {} : { request: options.pr });
  return tolerateReadOnly(ctx, host, async () => {
    if (options.kind === 'drift') {
      const result = await syncDriftIssue(host, {
        body,
        clean: options.clean === true,
        label: options.label,
      });
      ctx.err(`${result.message}\n`);
      return 0;
    }
    const request = await host.findRequest();
    if (request === undefined) {
      ctx.err(
        `${ctx.errColors.yellow('warning')}: no ${host.requestNoun} for this run; nothing was published\n`,
      );
      return 0;
    }
    if (options.kind === 'plan' && plan) {
      body = `${body.trimEnd()}\n\n${reviewedBlock(plan, Math.min(COMMENT_LIMIT, MARKDOWN_LIMIT + 500) - body.length - 100)}\n`;
    }
    if (options.kind === 'apply' && plan) {
      const reviewed = findMarked(await host.listComments(request), 'plan');
      const comparison = comparePlans(
        reviewed ? readReviewedBlock(reviewed.body) : undefined,
        plan,
        `no plan comment on ${host.requestNoun} #${request}`,
      );
      body = `${renderComparison(comparison, 'applied')}\n${body}`;
    }
    const result = await upsertComment(host, request, options.kind, body);
    ctx.err(`${result.message}\n`);
    return 0;
  });
}

export async function reviewedCommand(ctx: CommandContext, options: ReviewedCommandOptions): Promise<number> {
  const plan = await readSavedPlan(ctx, options.plan);
  const host = await detectCodeHost(ctx.io.env, {
    command: 'reviewed',
    ...(options.pr === undefined ? {} : { request: options.pr }),
  });
  try {
    const request = await host.findRequest();
    const comment = request === undefined ? undefined : findMarked(await host.listComments(request), 'plan');
    const comparison = comparePlans(
      comment ? readReviewedBlock(comment.body) : undefined,
      plan,
      request === undefined
        ? `no ${host.requestNoun} merged this commit`
        : `no reviewed plan on ${host.requestNoun} #${request}`,
    );
    ctx.out(renderComparison(comparison, 'to apply'));
    return options.requireMatch && comparison.kind !== 'same' ? 1 : 0;
  } catch (error) {
    throw hostError(host, error);
  } finally {
    host.close();
  }
}
