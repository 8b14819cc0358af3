import type { DesiredPolicy } from '../config/types.js';
import { compileGlob, scopeMatcher } from '../util/glob.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { ADMINISTRATOR, isBuiltInRoleName } from '../types/built-in-roles.js';
import type { Limits } from './guards.js';
import { roleDeletesInUse } from './permissions.js';
import type { Change, GuardName, GuardReport, LimitName, RoleChange } from './types.js';

/** The parts of the desired file's policy that the guards need. */
export type GuardPolicy = Pick<DesiredPolicy, 'limits' | 'protected' | 'include' | 'exclude'>;

/** What one change does that a limit counts, judged from its steps alone. */
export interface ChangeWeight {
  deletes: number;
  disables: number;
  adminChanges: number;
}

/**
 * What a change's steps do, judged against the live account they touch — never from the change's
 * own labels (`risks`, `action`), which a hand-edited plan could rewrite. The steps are walked in
 * the order apply runs them: until a `create` they act on the live account, after it on the new
 * one. Any delete step is a delete; a disable of an existing account is a disable (a new account
 * created disabled is not); a step that would leave the account it acts on holding Administrator
 * when it does not now, or the other way round, is an admin change.
 */
export function weighChange(
  change: Pick<Change, 'steps'>,
  live: LiveAccount | undefined,
  administrator: Ref | undefined,
): ChangeWeight {
  const isAdmin = (r: { uuid?: string; name: string }) =>
    (administrator !== undefined && r.uuid === administrator.uuid) ||
    r.name.toLowerCase() === ADMINISTRATOR.toLowerCase();
  let existing = live !== undefined;
  let adminNow = live?.roles.some(isAdmin) ?? false;
  // Admin changes are counted per account a change acts on: before its create, and after it.
  let adminChanged = false;
  let deletes = 0;
  let disables = 0;
  let adminChanges = 0;
  const settle = () => {
    if (adminChanged) adminChanges++;
    adminChanged = false;
  };
  for (const step of change.steps) {
    switch (step.kind) {
      case 'create':
        settle();
        existing = false;
        adminNow = false;
        break;
      case 'delete':
        deletes = 1;
        break;
      case 'disable':
        if (existing) disables = 1;
        break;
      case 'set-roles': {
        const after = step.roles.some(isAdmin);
        if (after !== adminNow) adminChanged = true;
        adminNow = after;
        break;
      }
      case 'reconcile': {
        // What convergeSteps would make of it, judged conservatively: Administrator anywhere in
        // the wanted roles may be a grant; holding it now, only a step that provably keeps it
        // (admin: true with the live Administrator role, or neither roles nor admin managed) is
        // not a change. The planner only ever reconciles new accounts, which hold no Administrator.
        const { spec } = step;
        if (adminNow) {
          const keeps =
            (spec.admin === true &&
              step.administrator !== undefined &&
              step.administrator.uuid === administrator?.uuid) ||
            (spec.admin === undefined && spec.roles === undefined);
          if (!keeps) adminChanged = true;
        } else if (spec.admin === true || (spec.roles?.some(isAdmin) ?? false)) {
          adminChanged = true;
          adminNow = true;
        }
        break;
      }
      default:
        break;
    }
  }
  settle();
  return { deletes, disables, adminChanges };
}

const WEIGHT_OF: Record<LimitName, keyof ChangeWeight> = {
  maxDeletes: 'deletes',
  maxDisables: 'disables',
  maxAdminChanges: 'adminChanges',
};

/**
 * The guards of a plan recomputed at apply time from its steps, the live state read now (the
 * caller included) and the policy of the desired file — not from anything the plan says about
 * itself. A saved plan is data from disk: its `risks`, `guards` and `summary` may have been edited,
 * so they count for nothing here; only refusals it already carries are kept, since they can only
 * refuse more. Pure, so the CLI and the property tests run the very same check.
 */
export function recheckGuards(
  changes: readonly Change[],
  live: LiveState,
  policy: GuardPolicy,
  overrides: Partial<Limits> = {},
  roleChanges: readonly RoleChange[] = [],
): GuardReport {
  const byId = new Map(live.accounts.map((a) => [a.uuid, a]));
  const adminRole = live.roles.find((r) => r.name.toLowerCase() === ADMINISTRATOR.toLowerCase());
  const administrator = adminRole && { uuid: adminRole.uuid, name: adminRole.name };
  const protectedGlobs = policy.protected.map((p) => ({ pattern: p, re: compileGlob(p) }));
  const inScope = scopeMatcher(policy);

  const totals: ChangeWeight = { deletes: 0, disables: 0, adminChanges: 0 };
  const refusals: GuardReport['refusals'] = [];
  for (const change of changes) {
    const current = change.uuid === undefined ? undefined : byId.get(change.uuid);
    const weight = weighChange(change, current, administrator);
    totals.deletes += weight.deletes;
    totals.disables += weight.disables;
    totals.adminChanges += weight.adminChanges;
    const refuse = (guard: GuardName, message: string) =>
      refusals.push({ account: change.account, guard, message });

    if (change.refused) refuse(change.refused.guard, change.refused.message);
    if (change.uuid !== undefined && !current) {
      refuse(
        'scope',
        `"${change.account}" is not a system account in this PactFlow; only system accounts are ever changed.`,
      );
      continue;
    }
    // Every name the change touches: the live one, the plan's label, and any name it gives.
    const names = [
      current?.name,
      change.account,
      ...change.steps.flatMap((s) => (s.kind === 'create' || s.kind === 'rename' ? [s.name] : [])),
    ].filter((n): n is string => n !== undefined);
    if (change.uuid !== undefined && change.uuid === live.caller.uuid) {
      refuse(
        'self-lockout',
        `"${live.caller.name}" owns the API token this run uses: this tool never changes the account it runs as. Apply this with another account's token.`,
      );
      continue;
    }
    const hit = names
      .map((name) => ({ name, glob: protectedGlobs.find((g) => g.re.test(name)) }))
      .find((h) => h.glob !== undefined);
    if (hit) {
      refuse(
        'protected',
        `"${hit.name}" matches policy.protected "${hit.glob!.pattern}": this tool never changes it.`,
      );
      continue;
    }
    const outside = names.find((name) => !inScope(name));
    if (outside !== undefined)
      refuse('scope', `"${outside}" is outside policy.scope: this tool never changes it.`);
  }

  // Custom roles, judged from their steps too: every role delete counts as a delete; a built-in
  // role is never written; a role still held by an account or a person is never deleted.
  const rolesById = new Map(live.roles.map((r) => [r.uuid, r]));
  const rolesByName = new Map(live.roles.map((r) => [r.name.toLowerCase(), r]));
  for (const change of roleChanges) {
    const refuse = (guard: GuardName, message: string) =>
      refusals.push({ account: `role "${change.role}"`, guard, message });
    totals.deletes += change.steps.some((s) => s.kind === 'delete-role') ? 1 : 0;
    if (change.refused) refuse(change.refused.guard, change.refused.message);
    const current = change.uuid === undefined ? undefined : rolesById.get(change.uuid);
    if (change.uuid !== undefined && !current) {
      refuse('scope', `"${change.role}" is not a role in this PactFlow.`);
      continue;
    }
    const names = [
      current?.name,
      ...change.steps.flatMap((s) => (s.kind === 'delete-role' ? [] : [s.role.name])),
    ].filter((n): n is string => n !== undefined);
    const builtIn = names.find((n) => {
      const live = rolesByName.get(n.toLowerCase());
      return isBuiltInRoleName(n) || (live !== undefined && (live.systemDefined || live.serverManaged));
    });
    if ((current && (current.systemDefined || current.serverManaged)) || builtIn !== undefined)
      refuse('scope', `"${builtIn ?? current!.name}" is a built-in role: this tool never changes it.`);
  }
  refusals.push(...roleDeletesInUse({ changes: [...changes], roleChanges: [...roleChanges] }, live));

  const limits = Object.fromEntries(
    (Object.keys(WEIGHT_OF) as LimitName[]).map((name) => [
      name,
      { count: totals[WEIGHT_OF[name]], limit: Math.max(policy.limits[name], overrides[name] ?? 0) },
    ]),
  ) as GuardReport['limits'];
  const exceeded = (Object.keys(limits) as LimitName[]).filter((n) => limits[n].count > limits[n].limit);
  const unique = refusals.filter(
    (r, i) => refusals.findIndex((o) => o.account === r.account && o.guard === r.guard) === i,
  );
  return { limits, exceeded, refusals: unique, ok: exceeded.length === 0 && unique.length === 0 };
}
