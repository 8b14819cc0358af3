import type { LiveState } from '../state/types.js';
import { fingerprintAccount } from './fingerprint.js';
import type { Change, Plan } from './types.js';

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

/** A change as apply would carry it out: the account it writes to, under which label, and how. */
function whatItDoes(change: Pick<Change, 'account' | 'uuid' | 'steps'>): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return JSON.stringify(
    canonical({ account: change.account, uuid: change.uuid ?? null, steps: change.steps }),
  );
}

/**
 * The changes of a saved plan that the desired file does not ask for: each one must be, step for
 * step, a change that planning the same file against the live state read now makes, and no two
 * may be the same one. Within the guards, an edited plan could otherwise point a step at another
 * account (a delete moved to an account the file keeps) and report it under the old name.
 */
export function findEditedChanges(
  saved: readonly Change[],
  fresh: readonly Change[],
): { name: string; reason: string }[] {
  const wanted = new Map(fresh.map((c) => [whatItDoes(c), c]));
  const seen = new Set<string>();
  return saved.flatMap((change) => {
    const key = whatItDoes(change);
    if (seen.has(key)) return [{ name: change.account, reason: 'appears twice in the plan' }];
    seen.add(key);
    return wanted.has(key) ? [] : [{ name: change.account, reason: 'is not what the desired file asks for' }];
  });
}
