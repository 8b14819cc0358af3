import { diffScopes, effectiveScopes, isEmptyDiff, isRiskyScope } from '../permissions/scopes.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { byName } from '../util/names.js';
import { count } from '../util/plural.js';
import { targetRoles } from './converge.js';
import type { RolePlan } from './roles.js';
import { roleKey } from './roles.js';
import type { Change, Plan, Refusal, RoleChange } from './types.js';

/** Scopes a run needs to do its work; a role change that takes one from the token's owner is refused. */
const RUN_NEEDS = ['system_account:manage:*', 'team:manage:*', 'role:manage:*'];

/**
 * The role keys an account holds after the plan: what its set-roles step or, for a new account,
 * its reconcile step leaves; otherwise what it holds now. Server-managed roles stay as they are.
 */
function rolesAfter(change: Change | undefined, live: LiveAccount | undefined, newAccountRoles: Ref[]) {
  const kept = (live?.roles ?? []).filter((r) => r.serverManaged).map((r) => r.uuid);
  const setRoles = change?.steps.find((s) => s.kind === 'set-roles');
  if (setRoles) return [...setRoles.roles.map(roleKey), ...kept];
  if (change?.action === 'create') {
    const reconcile = change.steps.find((s) => s.kind === 'reconcile');
    const target = reconcile && targetRoles(newAccountRoles, reconcile.spec, reconcile.administrator);
    return (target ?? newAccountRoles).map(roleKey);
  }
  return (live?.roles ?? []).map((r) => r.uuid);
}

/**
 * Effective permissions, computed from the role catalogue before and after the plan:
 * - every account change that alters what the account may do carries `permissions: {gained, lost}`;
 * - every custom role update lists the accounts whose permissions it alone changes, and how many
 *   people hold it;
 * - a gain of a `:manage:` scope, `user:invite` or Administrator is the `privilege-gain` risk;
 * - a role delete is refused while any account (after the plan) or person holds it, and a role
 *   change that takes a scope the run needs from the token's owner is refused.
 * Mutates the changes it is given; pure otherwise.
 */
export function attributePermissions(changes: Change[], roles: RolePlan, live: LiveState): void {
  const byUuid = new Map(changes.flatMap((c) => (c.uuid ? [[c.uuid, c] as const] : [])));
  // PactFlow gives a new system account the CI/CD role.
  const cicd = live.roles.find((r) => r.name === 'CI/CD');
  const newAccountRoles: Ref[] = cicd ? [{ uuid: cicd.uuid, name: cicd.name }] : [];
  // What every new system account starts with is PactFlow's doing, not a grant by the file.
  const startsWith = new Set(effectiveScopes(newAccountRoles.map(roleKey), roles.before));
  const accountByUuid = new Map(live.accounts.map((a) => [a.uuid, a]));
  // Thousands of changes hold the same few role sets: each set's scopes are worked out once.
  const memo = new Map<string, readonly string[]>();
  const scopesOf = (keys: readonly string[], catalogue: RolePlan['before']) => {
    const key = `${catalogue === roles.before ? 'before' : 'after'}\n${keys.join('\n')}`;
    let scopes = memo.get(key);
    if (!scopes) memo.set(key, (scopes = effectiveScopes(keys, catalogue)));
    return scopes;
  };

  for (const change of changes) {
    if (change.action === 'delete') continue;
    const account = change.uuid ? accountByUuid.get(change.uuid) : undefined;
    const beforeKeys = (account?.roles ?? []).map((r) => r.uuid);
    const diff = diffScopes(
      scopesOf(beforeKeys, roles.before),
      scopesOf(rolesAfter(change, account, newAccountRoles), roles.after),
    );
    if (isEmptyDiff(diff)) continue;
    change.permissions = diff;
    const granted = diff.gained.filter((s) => change.action !== 'create' || !startsWith.has(s));
    if (granted.some(isRiskyScope) || change.risks.includes('admin-grant'))
      change.risks.push('privilege-gain');
  }

  const holdersAfter = (uuid: string) =>
    live.accounts.filter((a) => {
      const change = byUuid.get(a.uuid);
      if (change?.action === 'delete' && !change.refused) return false;
      return rolesAfter(change, a, newAccountRoles).includes(uuid);
    });

  for (const roleChange of roles.changes) {
    const uuid = roleChange.uuid;
    if (!uuid) continue;
    const people = live.humanRoleHolders?.[uuid];
    if (roleChange.action === 'delete') {
      if (people !== undefined) roleChange.people = people;
      const inUse = roleInUse(holdersAfter(uuid), people);
      if (inUse) roleChange.refused = inUse;
      continue;
    }
    const scopes = roleChange.after?.permissions;
    if (scopes === undefined) continue;
    if (people !== undefined) roleChange.people = people;
    const changed = new Map(roles.before).set(uuid, scopes);
    for (const account of live.accounts) {
      const keys = account.roles.map((r) => r.uuid);
      if (!keys.includes(uuid)) continue;
      const diff = diffScopes(effectiveScopes(keys, roles.before), effectiveScopes(keys, changed));
      if (!isEmptyDiff(diff)) roleChange.accounts.push({ account: account.name, ...diff });
    }
    roleChange.accounts.sort((a, b) => byName({ name: a.account }, { name: b.account }));
    const own = diffScopes(roles.before.get(uuid) ?? [], scopes);
    if (own.gained.some(isRiskyScope)) roleChange.risks.push('privilege-gain');
    const lockout = selfLockout(roleChange, live, roles);
    if (lockout) roleChange.refused = lockout;
  }
}

function roleInUse(holders: LiveAccount[], people: number | undefined): Refusal | undefined {
  if (holders.length > 0) {
    const names = holders.map((a) => `"${a.name}"`);
    const shown = names.length > 5 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
    return {
      guard: 'role-in-use',
      message: `still held by ${holders.length === 1 ? 'system account' : count(holders.length, 'system account')} ${shown.join(', ')}: a role in use is never deleted. List the role under roles:, or move those accounts to other roles first.`,
    };
  }
  if (people === undefined)
    return {
      guard: 'role-in-use',
      message: 'the people holding it were not counted, so it is not deleted',
    };
  if (people > 0)
    return {
      guard: 'role-in-use',
      message: `still held by ${count(people, 'person', 'people')}: a role in use is never deleted. Reassign them in PactFlow first, or list the role under roles:.`,
    };
  return undefined;
}

function selfLockout(change: RoleChange, live: LiveState, roles: RolePlan): Refusal | undefined {
  const keys = live.caller.roles.map((r) => r.uuid);
  if (!change.uuid || !keys.includes(change.uuid)) return undefined;
  const lost = diffScopes(
    effectiveScopes(keys, roles.before),
    effectiveScopes(keys, roles.after),
  ).lost.filter((s) => RUN_NEEDS.includes(s));
  if (lost.length === 0) return undefined;
  return {
    guard: 'self-lockout',
    message: `"${live.caller.name}" owns the API token this run uses and holds this role: the change takes away ${lost.join(', ')}, which this tool needs. Apply it with another account's token.`,
  };
}

/**
 * A saved plan's role deletes against the live state read at apply time: a role someone took up
 * since the plan was made is still never deleted. `live.humanRoleHolders` must count the people
 * holding each deleted role.
 */
export function roleDeletesInUse(
  plan: Pick<Plan, 'changes' | 'roleChanges'>,
  live: LiveState,
): { account: string; guard: Refusal['guard']; message: string }[] {
  const byUuid = new Map(plan.changes.flatMap((c) => (c.uuid ? [[c.uuid, c] as const] : [])));
  return plan.roleChanges.flatMap((change) => {
    if (change.action !== 'delete' || !change.uuid) return [];
    const holders = live.accounts.filter((a) => {
      const planned = byUuid.get(a.uuid);
      if (planned?.action === 'delete') return false;
      return rolesAfter(planned, a, []).includes(change.uuid!);
    });
    const refusal = roleInUse(holders, live.humanRoleHolders?.[change.uuid]);
    return refusal ? [{ account: `role "${change.role}"`, ...refusal }] : [];
  });
}
