import type { GuardContext } from './refusals.js';
import { findRefusals } from './refusals.js';
import type { GuardReport, LimitName, Plan, Refusal } from './types.js';
import type { ChangeWeight } from './weigh.js';
import { weighChange } from './weigh.js';

export type { GuardContext, GuardPolicy } from './refusals.js';
export { guardContext } from './refusals.js';
export type Limits = Record<LimitName, number>;

const WEIGHT_OF: Record<LimitName, keyof ChangeWeight> = {
  maxDeletes: 'deletes',
  maxDisables: 'disables',
  maxAdminChanges: 'adminChanges',
};

/**
 * The safety guards of a plan: the one check `plan`, `apply -f` and `apply plan.json` all run.
 * Computed from the plan's steps against `guardContext(live, policy)`: the live state read in this
 * run (the caller included) and the desired file's policy — never from what the plan says about itself (`risks`, `guards`, `summary`), which a
 * hand-edited saved plan could rewrite. Refusals a plan already carries are kept, since they can
 * only refuse more. Limits come from the file; `overrides` (apply's --allow-… N) raise one for
 * this run only: the larger of the two applies. Refusals cannot be overridden. Pure.
 */
export function checkGuards(
  plan: Pick<Plan, 'changes' | 'roleChanges'>,
  ctx: GuardContext,
  overrides: Partial<Limits> = {},
): GuardReport {
  const found = findRefusals(plan, ctx);
  const refusals = onePerGuard([
    ...plan.changes.flatMap((c, i) => listed(c.account, [c.refused, found.accounts[i]])),
    ...plan.roleChanges.flatMap((c, i) => listed(`role "${c.role}"`, [c.refused, found.roles[i]])),
  ]);

  const totals = weighPlan(plan, ctx);
  const limits = Object.fromEntries(
    (Object.keys(WEIGHT_OF) as LimitName[]).map((name) => [
      name,
      { count: totals[WEIGHT_OF[name]], limit: Math.max(ctx.policy.limits[name], overrides[name] ?? 0) },
    ]),
  ) as GuardReport['limits'];
  const exceeded = (Object.keys(limits) as LimitName[]).filter((n) => limits[n].count > limits[n].limit);
  return { limits, exceeded, refusals, ok: exceeded.length === 0 && refusals.length === 0 };
}

/** What the plan's steps do that the limits count; every role delete counts as a delete. */
function weighPlan(plan: Pick<Plan, 'changes' | 'roleChanges'>, ctx: GuardContext): ChangeWeight {
  const totals: ChangeWeight = { deletes: 0, disables: 0, adminChanges: 0 };
  for (const change of plan.changes) {
    const live = change.uuid === undefined ? undefined : ctx.accounts.get(change.uuid);
    const weight = weighChange(change, live, ctx.administrator);
    totals.deletes += weight.deletes;
    totals.disables += weight.disables;
    totals.adminChanges += weight.adminChanges;
  }
  totals.deletes += plan.roleChanges.filter((c) => c.steps.some((s) => s.kind === 'delete-role')).length;
  return totals;
}

/** A change's refusals as the report lists them, under the name of what they refuse. */
const listed = (account: string, refusals: (Refusal | undefined)[]): GuardReport['refusals'] =>
  refusals.flatMap((r) => (r ? [{ account, ...r }] : []));

/** The first refusal of each guard for each name: a refusal the plan carries is not listed twice. */
function onePerGuard(refusals: GuardReport['refusals']): GuardReport['refusals'] {
  const seen = new Set<string>();
  return refusals.filter((r) => {
    const key = `${r.guard}\n${r.account}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
