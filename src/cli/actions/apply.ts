import { readFile } from 'node:fs/promises';
import type { ApplyResult } from '../../apply/types.js';
import { executePlan } from '../../apply/execute.js';
import { GuardRefusedError, InterruptedError, StalePlanError, ToolError, UsageError } from '../../errors.js';
import { loadConfig } from '../../config/validate.js';
import type { DesiredState } from '../../config/types.js';
import type { PactflowClient } from '../../pactflow/client.js';
import type { GuardPolicy, Limits } from '../../plan/guards.js';
import { checkGuards, guardContext } from '../../plan/guards.js';
import { limitVerdictLines } from '../../render/guard-verdict.js';
import type { LiveState } from '../../state/types.js';
import { count } from '../../util/plural.js';
import { validatePlanDocument } from '../../plan/schema.js';
import { findEditedChanges, findStaleAccounts } from '../../plan/stale.js';
import { computePlan } from '../../plan/compute.js';
import { countHumanRoleHolders } from '../../state/live-state.js';
import type { Plan } from '../../plan/types.js';
import { hasChanges } from '../../plan/types.js';
import {
  outcomeLine,
  renderApplyJson,
  renderApplyMarkdown,
  renderApplyText,
} from '../../render/apply-report.js';
import { createProgress } from '../../render/progress.js';
import { renderPlanText } from '../../render/text.js';
import { visible } from '../../render/text.js';
import type { CommandContext } from '../context.js';
import { confirmOnTerminal } from '../confirm.js';
import { resolveInCwd } from '../paths.js';
import { appendStepSummary, planFromFile } from '../planning.js';
import { connect, readLiveState } from '../session.js';
import type { ApplyCommandOptions } from '../commands/apply.js';

/** Exit code of a run stopped by SIGINT/SIGTERM (128 + 2, as shells report it). */
const INTERRUPTED_EXIT_CODE = 130;

export async function applyCommand(ctx: CommandContext, options: ApplyCommandOptions): Promise<number> {
  const saved = options.args[0];
  if (saved && options.file) throw new UsageError('give either a saved plan or -f FILE, not both');
  const overrides: Partial<Limits> = {
    ...(options.allowDeletes === undefined ? {} : { maxDeletes: options.allowDeletes }),
    ...(options.allowDisables === undefined ? {} : { maxDisables: options.allowDisables }),
    ...(options.allowAdminChanges === undefined ? {} : { maxAdminChanges: options.allowAdminChanges }),
  };
  const client = await connect(ctx, { concurrency: options.concurrency });
  try {
    let plan: Plan;
    let live: LiveState;
    let policy: GuardPolicy;
    let edited: { name: string; reason: string }[] = [];
    if (saved) {
      plan = await readSavedPlan(ctx, saved);
      if (plan.baseUrl !== client.baseUrl) {
        throw new UsageError(
          `${saved} was made for ${plan.baseUrl}, not ${client.baseUrl}`,
          'Apply it against the PactFlow it was planned for, or plan again.',
        );
      }
      const desired = await trustedDesired(ctx, plan, saved);
      policy = desired.policy;
      live = await readLiveState(ctx, client);
      const stale = findStaleAccounts(plan, live);
      if (stale.length) {
        for (const s of stale) ctx.err(`  ${visible(s.name)}: ${s.reason}\n`);
        throw new StalePlanError(stale);
      }
      const again = planAgain(desired, live, plan, client.baseUrl);
      edited = findEditedChanges(plan.changes, again.changes, {
        saved: plan.roleChanges,
        fresh: again.roleChanges,
      });
    } else {
      const planned = await planFromFile(ctx, client, { file: options.file ?? 'accounts.yaml' });
      ({ plan, live } = planned);
      policy = planned.desired.policy;
    }

    // A role a plan deletes must not be held by anyone now: count the people holding it (a plan
    // made just now has counted them already).
    const deleted = plan.roleChanges.filter((c) => c.action === 'delete' && c.uuid).map((c) => c.uuid!);
    if (deleted.some((uuid) => live.humanRoleHolders?.[uuid] === undefined))
      live.humanRoleHolders = await countHumanRoleHolders(client, deleted);
    // The guards as this run enforces them: from the plan's steps, the live state and caller read
    // just now, and the file's policy; never from what a (saved) plan says about itself.
    const guards = checkGuards(plan, guardContext(live, policy), overrides);
    const verdict = limitVerdictLines(guards, policy.limits, overrides);
    if (!saved) {
      const shown: Plan = { ...plan, guards };
      // stdout carries the report in the chosen format; a JSON or Markdown report must stay parseable.
      if (options.format === 'text') ctx.out(renderPlanText(shown, { colors: ctx.colors }));
      else ctx.err(renderPlanText(shown, { colors: ctx.errColors }));
      if (!hasChanges(plan)) return 0;
    }
    if (!guards.ok) {
      for (const r of guards.refusals) ctx.err(`  ✗ ${visible(r.account)}: ${visible(r.message)}\n`);
      for (const line of verdict.refused) ctx.err(`  ✗ ${line}\n`);
      throw new GuardRefusedError(
        'a safety guard refuses this plan; nothing was changed',
        'Protected accounts, accounts outside policy.scope and the token owner cannot be overridden; limits can, with --allow-… N for one run.',
      );
    }
    if (edited.length) {
      for (const e of edited) ctx.err(`  ✗ ${visible(e.name)}: ${e.reason}\n`);
      throw new UsageError(
        `${saved} was edited: ${count(edited.length, 'change')} in it ${edited.length === 1 ? 'is' : 'are'} not what ${plan.desired.file} asks for; nothing was changed`,
        'Run `pactflow-accounts plan --out plan.json` again, review it, then apply the new plan; do not edit saved plans by hand.',
      );
    }
    for (const line of verdict.allowed) ctx.err(`  ${ctx.errColors.yellow('!')} ${line}\n`);

    if (!saved && !options.autoApprove) {
      if (!ctx.io.stdin?.isTTY) {
        throw new UsageError(
          'no terminal to confirm on, so nothing was changed',
          'Review the plan, then run again with --auto-approve (or apply a saved plan.json).',
        );
      }
      const n = plan.changes.length + plan.roleChanges.length;
      const yes = await confirmOnTerminal(
        ctx,
        `\nApply ${n === 1 ? 'this change' : `these ${count(n, 'change')}`} to ${client.baseUrl}? Only 'yes' will be accepted: `,
      );
      if (!yes) {
        ctx.err('Apply cancelled; nothing was changed.\n');
        return 1;
      }
    }
    if (ctx.io.signal?.aborted)
      throw new InterruptedError('stopped before the first change; nothing was changed.');

    const result = await runApply(ctx, client, plan, live, options.concurrency);
    const report =
      options.format === 'json'
        ? renderApplyJson(result)
        : options.format === 'markdown'
          ? renderApplyMarkdown(result)
          : renderApplyText(result, { colors: ctx.colors });
    ctx.out((options.format === 'text' && !saved ? '\n' : '') + report);
    // The changes are made by now: a summary that cannot be written must not turn them into a failure.
    await appendStepSummary(ctx, () => renderApplyMarkdown(result)).catch((error: unknown) => {
      if (!(error instanceof UsageError)) throw error;
      ctx.err(`${ctx.errColors.yellow('warning')}: ${error.message}\n`);
    });
    if (result.interrupted) return INTERRUPTED_EXIT_CODE;
    return result.outcomes.every((o) => o.status === 'done') ? 0 : 1;
  } finally {
    client.close();
  }
}

/**
 * The desired file a saved plan is checked against: the one it was made from, read
 * again now and accepted only when its sha256 is the one the plan records. The plan's own copy of
 * the limits is never used, so editing the plan cannot raise them; without the file there is
 * nothing trustworthy to check against, and apply refuses.
 */
async function trustedDesired(ctx: CommandContext, plan: Plan, saved: string): Promise<DesiredState> {
  const file = resolveInCwd(ctx, plan.desired.file);
  let desired: DesiredState;
  try {
    ({ desired } = await loadConfig(file.display, file.absolute, { signal: ctx.io.signal }));
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    throw new UsageError(
      `${saved} was planned from ${plan.desired.file}, which cannot be read here (${error.message}), so its limits and protected accounts cannot be checked; nothing was changed`,
      'Apply the plan from the directory it was made in, next to that file, or plan again.',
    );
  }
  if (desired.sha256 !== plan.desired.sha256) {
    throw new UsageError(
      `${plan.desired.file} changed since ${saved} was made (its sha256 differs), so the plan no longer says what the file says; nothing was changed`,
      'Run `pactflow-accounts plan --out plan.json` again, review it, then apply the new plan.',
    );
  }
  return desired;
}

/** The changes that planning the plan's own file (and targets) against the live state makes now. */
function planAgain(
  desired: DesiredState,
  live: LiveState,
  plan: Plan,
  baseUrl: string,
): Pick<Plan, 'changes' | 'roleChanges'> {
  const again = computePlan(desired, live, {
    baseUrl,
    generator: plan.generator,
    ...(plan.targets?.length ? { targets: plan.targets } : {}),
  });
  return { changes: again.plan?.changes ?? [], roleChanges: again.plan?.roleChanges ?? [] };
}

async function runApply(
  ctx: CommandContext,
  client: PactflowClient,
  plan: Plan,
  live: LiveState,
  concurrency: number,
): Promise<ApplyResult> {
  const progress = await createProgress(ctx.io.stderr, ctx.interactive, ctx.errColors);
  // Role changes are applied around the account changes; every change counts once in the tally.
  const total = plan.changes.length + plan.roleChanges.length;
  progress.start(`applying 0/${total}`);
  const onAbort = () =>
    progress.log(ctx.errColors.yellow('Interrupted: finishing the steps in flight, starting no new ones…'));
  ctx.io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await executePlan(plan, client, {
      concurrency,
      // A PUT of a user is a full replace: it carries the values read in this run.
      live: live.accounts,
      callerPermissions: live.caller.permissions,
      ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
      onEvent: (event) => {
        if (event.type === 'step')
          progress.update(
            `applying ${event.started}/${event.total}: ${visible(event.account)} (${event.step})`,
          );
        // Without a spinner (CI, pipes), one line per finished account keeps a readable log;
        // on a terminal the spinner says it and the report follows on stdout.
        else if (!ctx.interactive)
          progress.log(`[${event.finished}/${event.total}] ${outcomeLine(event.outcome, ctx.errColors)}`);
      },
    });
    // The closing "Apply complete…" line belongs to the report on stdout; stderr only counts, so a
    // CI log that merges both says it once.
    const done = result.outcomes.filter((o) => o.status === 'done').length;
    const planned = result.outcomes.length;
    (done === planned ? progress.succeed : progress.fail)(`applied ${done} of ${planned}`);
    return result;
  } finally {
    ctx.io.signal?.removeEventListener('abort', onAbort);
    progress.stop();
  }
}

export async function readSavedPlan(ctx: CommandContext, given: string): Promise<Plan> {
  const file = resolveInCwd(ctx, given);
  let text: string;
  try {
    text = await readFile(file.absolute, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read saved plan ${file.display} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Save one with `pactflow-accounts plan --out plan.json`, or use -f FILE.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${file.display} is not JSON, so it is not a saved plan`,
      'To apply a desired-state file, use -f FILE.',
    );
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== 1) {
    throw new UsageError(
      `${file.display} has formatVersion ${JSON.stringify(version)}; this tool reads saved plans of format 1`,
      'Plan again with this version of the tool.',
    );
  }
  if (!validatePlanDocument(value)) {
    const problems = (validatePlanDocument.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    throw new UsageError(
      `${file.display} is not a valid saved plan: ${problems.join('; ')}`,
      'Plan again; do not edit saved plans by hand.',
    );
  }
  // Plans saved before custom roles were managed have no role changes.
  return { ...value, roleChanges: value.roleChanges ?? [] };
}
