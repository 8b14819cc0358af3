import type { LiveState } from '../state/types.js';
import { fingerprintAccount } from './fingerprint.js';
import type { Plan } from './types.js';

/**
 * The accounts a saved plan touches whose live fields changed since it was made. Accounts the plan
 * does not touch may change freely. A planned create is stale when the name now exists.
 */
export function findStaleAccounts(
  plan: Pick<Plan, 'changes'>,
  live: LiveState,
): { name: string; reason: string }[] {
  const byId = new Map(live.accounts.map((a) => [a.uuid, a]));
  const byLowerName = new Map(live.accounts.map((a) => [a.name.toLowerCase(), a]));
  return plan.changes.flatMap((change) => {
    const now = change.uuid ? byId.get(change.uuid) : byLowerName.get(change.account.toLowerCase());
    if (fingerprintAccount(now) === change.fingerprint) return [];
    const reason = change.uuid
      ? now
        ? 'changed in PactFlow since the plan was made'
        : 'no longer exists in PactFlow'
      : 'was created in PactFlow since the plan was made';
    return [{ name: change.account, reason }];
  });
}
