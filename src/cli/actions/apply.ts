import type { ApplyResult } from '../../apply/types.js';
import { executePlan } from '../../apply/execute.js';
import { GuardRefusedError, InterruptedError, ToolError, UsageError } from '../../errors.js';
import type { PactflowClient } from '../../pactflow/client.js';
import type { GuardPolicy, Limits } from '../../plan/guards.js';
import { checkGuards, guardContext } from '../../plan/guards.js';
import { accountDifferences, findStaleAccounts } from '../../plan/stale.js';
import type { Plan } from '../../plan/types.js';
import { hasChanges } from '../../plan/types.js';
import {
  outcomeLine,
  renderApplyJson,
  renderApplyMarkdown,
  renderApplyText,
} from '../../render/apply-report.js';
import { limitVerdictLines } from '../../render/guard-verdict.js';
import { createProgress } from '../../render/progress.js';
import { renderPlanText, visible } from '../../render/text.js';
import { countHumanRoleHolders } from '../../state/live-state.js';
import type { LiveState } from '../../state/types.js';
import { count } from '../../util/plural.js';
import { nameKey } from '../../util/names.js';
import type { CommandContext } from '../context.js';
import { confirmOnTerminal } from '../confirm.js';
import { appendStepSummary, planFromFile } from '../planning.js';
import { connect, readLiveState } from '../session.js';
import type { ApplyCommandOptions } from '../commands/apply.js';
import { prepareSavedPlan } from './apply-saved.js';

/** Exit code of a run stopped by SIGINT/SIGTERM (128 + 2, as shells report it). */
const INTERRUPTED_EXIT_CODE = 130;

/** A plan ready for the guards: from a file just now, or a saved plan checked against the file. */
export interface Prepared {
  plan: Plan;
  live: LiveState;
  policy: GuardPolicy;
  /** Changes of a saved plan that its file does not ask for now (it was edited by hand). */
  edited: { name: string; reason: string }[];
  /** The saved plan's path; undefined for `apply -f`. */
  saved?: string;
}

/**
 * `apply -f FILE` and `apply plan.json`: two ways to prepare a plan, then one path — guards,
 * (for a file) the plan shown and confirmed, the changes, the report.
 */
export async function applyCommand(ctx: CommandContext, options: ApplyCommandOptions): Promise<number> {
  const saved = options.args[0];
  if (saved && options.file) throw new UsageError('give either a saved plan or -f FILE, not both');
  const client = await connect(ctx, { concurrency: options.concurrency });
  try {
    const prepared = saved
      ? await prepareSavedPlan(ctx, client, saved)
      : await prepareFromFile(ctx, client, options.file ?? 'accounts.yaml');
    if (!(await passGuards(ctx, client, prepared, options))) return 0;
    if (!saved && !options.autoApprove) {
      if (!(await confirm(ctx, client, prepared.plan))) return 1;
      // What the plan was made from may have changed while the prompt waited: read it again.
      prepared.live = await recheckAfterPrompt(ctx, client, prepared);
    }
    if (ctx.io.signal?.aborted)
      throw new InterruptedError('stopped before the first change; nothing was changed.');
    const result = await runApply(ctx, client, prepared.plan, prepared.live, options.concurrency);
    await report(ctx, result, options.format, saved === undefined);
    if (result.interrupted) return INTERRUPTED_EXIT_CODE;
    return result.outcomes.every((o) => o.status === 'done') ? 0 : 1;
  } finally {
    client.close();
  }
}

async function prepareFromFile(ctx: CommandContext, client: PactflowClient, file: string): Promise<Prepared> {
  const planned = await planFromFile(ctx, client, { file });
  return { plan: planned.plan, live: planned.live, policy: planned.desired.policy, edited: [] };
}

function limitOverrides(options: ApplyCommandOptions): Partial<Limits> {
  return {
    ...(options.allowDeletes === undefined ? {} : { maxDeletes: options.allowDeletes }),
    ...(options.allowDisables === undefined ? {} : { maxDisables: options.allowDisables }),
    ...(options.allowAdminChanges === undefined ? {} : { maxAdminChanges: options.allowAdminChanges }),
  };
}

/**
 * The guards as this run enforces them: from the plan's steps, the live state and caller read
 * just now, and the file's policy; never from what a (saved) plan says about itself. A plan from
 * a file is shown first. False when there is nothing to apply; throws when something refuses.
 */
async function passGuards(
  ctx: CommandContext,
  client: PactflowClient,
  { plan, live, policy, edited, saved }: Prepared,
  options: ApplyCommandOptions,
): Promise<boolean> {
  // A role a plan deletes must not be held by anyone now: count the people holding it (a plan
  // made just now has counted them already).
  const deleted = plan.roleChanges.filter((c) => c.action === 'delete' && c.uuid).map((c) => c.uuid!);
  if (deleted.some((uuid) => live.humanRoleHolders?.[uuid] === undefined))
    live.humanRoleHolders = await countHumanRoleHolders(client, deleted);
  const overrides = limitOverrides(options);
  const guards = checkGuards(plan, guardContext(live, policy), overrides);
  const verdict = limitVerdictLines(guards, policy.limits, overrides);
  if (!saved) {
    const shown: Plan = { ...plan, guards };
    // stdout carries the report in the chosen format; a JSON or Markdown report must stay parseable.
    if (options.format === 'text') ctx.out(renderPlanText(shown, { colors: ctx.colors }));
    else ctx.err(renderPlanText(shown, { colors: ctx.errColors }));
    if (!hasChanges(plan)) return false;
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
  return true;
}

/** Asks for "yes" on a terminal; refuses without one. */
async function confirm(ctx: CommandContext, client: PactflowClient, plan: Plan): Promise<boolean> {
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
  if (!yes) ctx.err('Apply cancelled; nothing was changed.\n');
  return yes;
}

/**
 * The live state read again once the plan was shown (and confirmed): an account or role the plan
 * touches that changed meanwhile stops the apply before any write, as a stale saved plan does, so
 * nothing the user did not see is written. Answers the fresh state, which the writes then carry.
 */
async function recheckAfterPrompt(
  ctx: CommandContext,
  client: PactflowClient,
  { plan, live: shown }: Prepared,
): Promise<LiveState> {
  const live = await readLiveState(ctx, client);
  const changed = findStaleAccounts(plan, live);
  if (changed.length === 0) return live;
  const find = (state: LiveState, name: string) =>
    state.accounts.find((a) => nameKey(a.name) === nameKey(name));
  for (const c of changed) {
    const uuid = plan.changes.find((p) => p.account === c.name)?.uuid;
    const before = uuid ? shown.accounts.find((a) => a.uuid === uuid) : find(shown, c.name);
    const after = uuid ? live.accounts.find((a) => a.uuid === uuid) : find(live, c.name);
    const what = c.name.startsWith('role ') ? [c.reason] : accountDifferences(before, after);
    ctx.err(`  ${visible(c.name)}: ${visible(what.join('; '))}\n`);
  }
  const roles = changed.filter((c) => c.name.startsWith('role ')).length;
  const what = [
    ...(changed.length > roles ? [count(changed.length - roles, 'account')] : []),
    ...(roles ? [count(roles, 'role')] : []),
  ].join(' and ');
  throw new ToolError(
    `${what} the plan touches changed in PactFlow while the prompt waited; nothing was changed`,
    'Run apply again to see the plan as it stands now.',
  );
}

async function report(
  ctx: CommandContext,
  result: ApplyResult,
  format: ApplyCommandOptions['format'],
  fromFile: boolean,
): Promise<void> {
  const text =
    format === 'json'
      ? renderApplyJson(result)
      : format === 'markdown'
        ? renderApplyMarkdown(result)
        : renderApplyText(result, { colors: ctx.colors });
  ctx.out((format === 'text' && fromFile ? '\n' : '') + text);
  // The changes are made by now: a summary that cannot be written must not turn them into a failure.
  await appendStepSummary(ctx, () => renderApplyMarkdown(result)).catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    ctx.err(`${ctx.errColors.yellow('warning')}: ${error.message}\n`);
  });
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
