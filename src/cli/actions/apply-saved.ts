import { readFile } from 'node:fs/promises';
import { StalePlanError, ToolError, UsageError } from '../../errors.js';
import { loadConfig } from '../../config/validate.js';
import type { DesiredState } from '../../config/types.js';
import type { PactflowClient } from '../../pactflow/client.js';
import { computePlan } from '../../plan/compute.js';
import { validatePlanDocument } from '../../plan/schema.js';
import { findEditedChanges } from '../../plan/stale.js';
import type { StaleItem } from '../../plan/stale-details.js';
import { describeStalePlan } from '../../plan/stale-details.js';
import type { Plan } from '../../plan/types.js';
import { visible } from '../../render/text.js';
import type { LiveState } from '../../state/types.js';
import type { CommandContext } from '../context.js';
import { resolveInCwd } from '../paths.js';
import { readLiveState } from '../session.js';
import type { Prepared } from './apply.js';

/**
 * `apply plan.json`: the saved plan, checked before anything is written — made for this PactFlow,
 * from a file that still says the same (its sha256), no account it touches changed since, and no
 * change in it other than what that file asks for now (an edited plan is refused).
 */
export async function prepareSavedPlan(
  ctx: CommandContext,
  client: PactflowClient,
  saved: string,
): Promise<Prepared> {
  const plan = await readSavedPlan(ctx, saved);
  if (plan.baseUrl !== client.baseUrl) {
    throw new UsageError(
      `${saved} was made for ${plan.baseUrl}, not ${client.baseUrl}`,
      'Apply it against the PactFlow it was planned for, or plan again.',
    );
  }
  const desired = await trustedDesired(ctx, plan, saved);
  const live = await readLiveState(ctx, client);
  const again = planAgain(desired, live, plan, client.baseUrl);
  refuseIfStale(ctx, plan, live, again);
  const edited = findEditedChanges(plan.changes, again.changes, {
    saved: plan.roleChanges,
    fresh: again.roleChanges,
  });
  return { plan, live, policy: desired.policy, edited, saved };
}

/**
 * Stops a plan when an account or role it touches changed since it was made, saying for each what
 * changed: "roles: [CI/CD] → [CI/CD, Administrator]".
 */
function refuseIfStale(
  ctx: CommandContext,
  plan: Plan,
  live: LiveState,
  again: Pick<Plan, 'changes' | 'roleChanges'>,
): void {
  const { accounts, roles } = describeStalePlan(plan, live, again);
  if (accounts.length === 0 && roles.length === 0) return;
  const entries = (items: StaleItem[], label: string) =>
    items.map((item) => ({ name: `${label}${item.name}`, reason: item.differences.join('; ') }));
  const stale = { accounts: entries(accounts, ''), roles: entries(roles, 'role ') };
  for (const s of [...stale.roles, ...stale.accounts])
    ctx.err(`  ${visible(s.name)}: ${visible(s.reason)}\n`);
  throw new StalePlanError(stale.accounts, stale.roles);
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

export async function readSavedPlan(ctx: CommandContext, given: string): Promise<Plan> {
  const file = resolveInCwd(ctx, given);
  let text: string;
  try {
    text = await readFile(file.absolute, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read saved plan ${file.display} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Save one with `pactflow-accounts plan -f accounts.yaml --out plan.json`.',
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
