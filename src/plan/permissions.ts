import { diffScopes, effectiveScopes, isEmptyDiff, isRiskyScope } from '../permissions/scopes.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { byName } from '../util/names.js';
import { targetRoles } from './converge.js';
import type { RolePlan } from './roles.js';
import { roleKey } from './roles.js';
import type { Change } from './types.js';

/**
 * The role keys an account holds after the plan: what its set-roles step or, for a new account,
 * its reconcile step leaves; otherwise what it holds now. Server-managed roles stay as they are.
 */
export function rolesAfter(
  change: Change | undefined,
  live: LiveAccount | undefined,
  newAccountRoles: Ref[],
) {
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
 * - a gain of a `:manage:` scope, `user:invite` or Administrator is the `privilege-gain` risk.
 * Refusals (a role in use, a role change that locks the token's owner out) are the guards' to
 * decide (refusals.ts). Mutates the changes it is given; pure otherwise.
 */
export function attributePermissions(changes: Change[], roles: RolePlan, live: LiveState): void {
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

  for (const roleChange of roles.changes) {
    const uuid = roleChange.uuid;
    if (!uuid) continue;
    // People are counted for a role whose scopes change or that goes away.
    const scopes = roleChange.after?.permissions;
    if (roleChange.action !== 'delete' && scopes === undefined) continue;
    const people = live.humanRoleHolders?.[uuid];
    if (people !== undefined) roleChange.people = people;
    if (roleChange.action === 'delete' || scopes === undefined) continue;
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
  }
}
