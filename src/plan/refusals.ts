import type { DesiredPolicy } from '../config/types.js';
import { diffScopes, effectiveScopes, roleScopes } from '../permissions/scopes.js';
import type { LiveAccount, LiveRole, LiveState, Ref } from '../state/types.js';
import { ADMINISTRATOR, isBuiltInRoleName } from '../types/built-in-roles.js';
import type { NameGlob } from '../util/glob.js';
import { compileGlob, scopeMatcher } from '../util/glob.js';
import { nameKey } from '../util/names.js';
import { count } from '../util/plural.js';
import { rolesAfter } from './permissions.js';
import type { Change, Plan, Refusal, RoleChange } from './types.js';

/** The parts of the desired file's policy that the guards need. */
export type GuardPolicy = Pick<DesiredPolicy, 'limits' | 'protected' | 'include' | 'exclude'>;

/** Scopes a run needs to do its work; a role change that takes one from the token's owner is refused. */
const RUN_NEEDS = ['system_account:manage:*', 'team:manage:*', 'role:manage:*'];

/** What every refusal is judged against: the live state and the policy, looked up once per plan. */
export interface GuardContext {
  live: LiveState;
  policy: GuardPolicy;
  accounts: ReadonlyMap<string, LiveAccount>;
  roles: ReadonlyMap<string, LiveRole>;
  rolesByName: ReadonlyMap<string, LiveRole>;
  administrator: Ref | undefined;
  protectedGlobs: readonly { pattern: string; re: NameGlob }[];
  inScope: (name: string) => boolean;
}

export function guardContext(live: LiveState, policy: GuardPolicy): GuardContext {
  const adminRole = live.roles.find((r) => r.name.toLowerCase() === ADMINISTRATOR.toLowerCase());
  return {
    live,
    policy,
    accounts: new Map(live.accounts.map((a) => [a.uuid, a])),
    roles: new Map(live.roles.map((r) => [r.uuid, r])),
    rolesByName: new Map(live.roles.map((r) => [nameKey(r.name), r])),
    administrator: adminRole && { uuid: adminRole.uuid, name: adminRole.name },
    protectedGlobs: policy.protected.map((pattern) => ({ pattern, re: compileGlob(pattern) })),
    inScope: scopeMatcher(policy),
  };
}

/** Each change's refusal (undefined: none), in the order of the plan's lists. */
export interface Refusals {
  accounts: (Refusal | undefined)[];
  roles: (Refusal | undefined)[];
}

/**
 * The refusals of a plan, decided from its steps and the live state — the one place each refusal
 * is decided and worded, for `plan`, `apply -f` and `apply plan.json` alike. A role delete is
 * judged once the account changes are: an account whose delete is refused still holds its roles.
 */
export function findRefusals(plan: Pick<Plan, 'changes' | 'roleChanges'>, ctx: GuardContext): Refusals {
  const accounts = plan.changes.map((change) => accountRefusal(change, ctx));
  const deleting = new Set(
    plan.changes.flatMap((c, i) =>
      c.uuid !== undefined && !accounts[i] && !c.refused && c.steps.some((s) => s.kind === 'delete')
        ? [c.uuid]
        : [],
    ),
  );
  const roles = plan.roleChanges.map((change) => roleRefusal(change, plan, deleting, ctx));
  return { accounts, roles };
}

/**
 * Why an account change is never applied, if it is not: an account that is not a live system
 * account, a protected name, the token's owner, a name outside policy.scope. Every name the change
 * touches is checked: the live one, the plan's label, and any name it gives.
 */
function accountRefusal(change: Change, ctx: GuardContext): Refusal | undefined {
  const current = change.uuid === undefined ? undefined : ctx.accounts.get(change.uuid);
  if (change.uuid !== undefined && !current)
    return {
      guard: 'scope',
      message: `"${change.account}" is not a system account in this PactFlow; only system accounts are ever changed.`,
    };
  const names = current ? [current.name, change.account] : [change.account];
  for (const step of change.steps)
    if (step.kind === 'create' || step.kind === 'rename') names.push(step.name);
  for (const name of names) {
    const glob = ctx.protectedGlobs.find((g) => g.re.test(name));
    if (glob) return protectedRefusal(name, glob.pattern);
  }
  if (change.uuid !== undefined && change.uuid === ctx.live.caller.uuid)
    return {
      guard: 'self-lockout',
      message: `"${ctx.live.caller.name}" owns the API token this run uses: this tool never changes the account it runs as, so it cannot lock itself out. Apply this change with another account's token.`,
    };
  const outside = names.find((name) => !ctx.inScope(name));
  if (outside !== undefined)
    return { guard: 'scope', message: `"${outside}" is outside policy.scope: this tool never changes it.` };
  return undefined;
}

function protectedRefusal(name: string, pattern: string): Refusal {
  return {
    guard: 'protected',
    message:
      nameKey(pattern) === nameKey(name)
        ? `"${name}" is in policy.protected: this tool never changes it. Change it in PactFlow by hand, or remove it from policy.protected.`
        : `"${name}" matches policy.protected "${pattern}": this tool never changes it. Change it in PactFlow by hand, or narrow policy.protected.`,
  };
}

/**
 * Why a custom role change is never applied, if it is not: a role that is not live, a built-in
 * role, a role still held by a system account or a person (deletes), a change that takes a scope
 * this run needs from the token's owner.
 */
function roleRefusal(
  change: RoleChange,
  plan: Pick<Plan, 'changes' | 'roleChanges'>,
  deleting: ReadonlySet<string>,
  ctx: GuardContext,
): Refusal | undefined {
  const current = change.uuid === undefined ? undefined : ctx.roles.get(change.uuid);
  if (change.uuid !== undefined && !current)
    return { guard: 'scope', message: `"${change.role}" is not a role in this PactFlow.` };
  const builtIn = builtInRoleTouched(change, current, ctx);
  if (builtIn !== undefined)
    return { guard: 'scope', message: `"${builtIn}" is a built-in role: this tool never changes it.` };
  if (change.uuid === undefined) return undefined;
  if (change.steps.some((s) => s.kind === 'delete-role')) return roleInUse(change.uuid, plan, deleting, ctx);
  return roleSelfLockout(change.uuid, plan, ctx);
}

/** The name of a built-in role the change would write, if any: its live name or a name it gives. */
function builtInRoleTouched(change: RoleChange, current: LiveRole | undefined, ctx: GuardContext) {
  const isBuiltIn = (role: LiveRole | undefined) =>
    role !== undefined && (role.systemDefined || role.serverManaged);
  if (current && isBuiltIn(current)) return current.name;
  const names = [
    current?.name,
    ...change.steps.flatMap((s) => (s.kind === 'delete-role' ? [] : [s.role.name])),
  ];
  return names.find(
    (n): n is string =>
      n !== undefined && (isBuiltInRoleName(n) || isBuiltIn(ctx.rolesByName.get(nameKey(n)))),
  );
}

/** A role in use is never deleted: held after the plan by a system account, or by anyone now. */
function roleInUse(
  uuid: string,
  plan: Pick<Plan, 'changes'>,
  deleting: ReadonlySet<string>,
  ctx: GuardContext,
): Refusal | undefined {
  const planned = new Map(plan.changes.flatMap((c) => (c.uuid ? [[c.uuid, c] as const] : [])));
  const holders = ctx.live.accounts.filter(
    (a) => !deleting.has(a.uuid) && rolesAfter(planned.get(a.uuid), a, []).includes(uuid),
  );
  if (holders.length > 0) {
    const names = holders.map((a) => `"${a.name}"`);
    const shown = names.length > 5 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
    return {
      guard: 'role-in-use',
      message: `still held by ${holders.length === 1 ? 'system account' : count(holders.length, 'system account')} ${shown.join(', ')}: a role in use is never deleted. List the role under roles:, or move those accounts to other roles first.`,
    };
  }
  const people = ctx.live.humanRoleHolders?.[uuid];
  if (people === undefined)
    return { guard: 'role-in-use', message: 'the people holding it were not counted, so it is not deleted' };
  if (people > 0)
    return {
      guard: 'role-in-use',
      message: `still held by ${count(people, 'person', 'people')}: a role in use is never deleted. Reassign them in PactFlow first, or list the role under roles:.`,
    };
  return undefined;
}

/**
 * A change to a role the token's owner holds is refused when the plan's role changes, all of
 * them together, take from the owner a scope this run needs.
 */
function roleSelfLockout(
  uuid: string,
  plan: Pick<Plan, 'roleChanges'>,
  ctx: GuardContext,
): Refusal | undefined {
  const { caller } = ctx.live;
  const keys = caller.roles.map((r) => r.uuid);
  if (!keys.includes(uuid)) return undefined;
  const before = new Map(ctx.live.roles.map((r) => [r.uuid, roleScopes(r)]));
  const after = new Map(before);
  for (const change of plan.roleChanges) {
    if (change.uuid === undefined) continue;
    for (const step of change.steps)
      if (step.kind === 'delete-role') after.delete(change.uuid);
      else after.set(change.uuid, step.role.permissions);
  }
  const lost = diffScopes(effectiveScopes(keys, before), effectiveScopes(keys, after)).lost.filter((s) =>
    RUN_NEEDS.includes(s),
  );
  if (lost.length === 0) return undefined;
  return {
    guard: 'self-lockout',
    message: `"${caller.name}" owns the API token this run uses and holds this role: the change takes away ${lost.join(', ')}, which this tool needs. Apply it with another account's token.`,
  };
}
