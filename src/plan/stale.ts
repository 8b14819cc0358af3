import type { LiveState } from '../state/types.js';
import { fingerprintAccount, fingerprintRole } from './fingerprint.js';
import type { Plan } from './types.js';

const reason = (hadUuid: boolean, exists: boolean) =>
  hadUuid
    ? exists
      ? 'changed in PactFlow since the plan was made'
      : 'no longer exists in PactFlow'
    : 'was created in PactFlow since the plan was made';

/**
 * The accounts and custom roles a saved plan touches whose live fields changed since it was made.
 * Accounts and roles the plan does not touch may change freely. A planned create is stale when the
 * name now exists.
 */
export function findStaleAccounts(
  plan: Pick<Plan, 'changes'> & Partial<Pick<Plan, 'roleChanges'>>,
  live: LiveState,
): { name: string; reason: string }[] {
  const byId = new Map(live.accounts.map((a) => [a.uuid, a]));
  const byLowerName = new Map(live.accounts.map((a) => [a.name.toLowerCase(), a]));
  const rolesById = new Map(live.roles.map((r) => [r.uuid, r]));
  const rolesByName = new Map(live.roles.map((r) => [r.name.toLowerCase(), r]));
  const accounts = plan.changes.flatMap((change) => {
    const now = change.uuid ? byId.get(change.uuid) : byLowerName.get(change.account.toLowerCase());
    return fingerprintAccount(now) === change.fingerprint
      ? []
      : [{ name: change.account, reason: reason(change.uuid !== undefined, now !== undefined) }];
  });
  const roles = (plan.roleChanges ?? []).flatMap((change) => {
    const now = change.uuid ? rolesById.get(change.uuid) : rolesByName.get(change.role.toLowerCase());
    return fingerprintRole(now) === change.fingerprint
      ? []
      : [{ name: `role ${change.role}`, reason: reason(change.uuid !== undefined, now !== undefined) }];
  });
  return [...roles, ...accounts];
}
