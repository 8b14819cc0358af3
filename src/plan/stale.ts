import { nameKey } from '../util/names.js';
import type { LiveAccount, LiveState } from '../state/types.js';
import { fingerprintAccount, fingerprintRole } from './fingerprint.js';
import type { Change, Plan, RoleChange } from './types.js';

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
  const byLowerName = new Map(live.accounts.map((a) => [nameKey(a.name), a]));
  const rolesById = new Map(live.roles.map((r) => [r.uuid, r]));
  const rolesByName = new Map(live.roles.map((r) => [nameKey(r.name), r]));
  const accounts = plan.changes.flatMap((change) => {
    const now = change.uuid ? byId.get(change.uuid) : byLowerName.get(nameKey(change.account));
    return fingerprintAccount(now) === change.fingerprint
      ? []
      : [{ name: change.account, reason: reason(change.uuid !== undefined, now !== undefined) }];
  });
  const roles = (plan.roleChanges ?? []).flatMap((change) => {
    const now = change.uuid ? rolesById.get(change.uuid) : rolesByName.get(nameKey(change.role));
    return fingerprintRole(now) === change.fingerprint
      ? []
      : [{ name: `role ${change.role}`, reason: reason(change.uuid !== undefined, now !== undefined) }];
  });
  return [...roles, ...accounts];
}

/** A change as apply would carry it out: the account (or role) it writes to, under which label, and how. */
function whatItDoes(change: { account: string; uuid?: string; steps: readonly unknown[] }): string {
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
  roles: { saved: readonly RoleChange[]; fresh: readonly RoleChange[] } = { saved: [], fresh: [] },
): { name: string; reason: string }[] {
  // A role change is held to the same rule: the role it writes to and its one step.
  const asChange = (c: RoleChange) => ({
    account: `role ${c.role}`,
    ...(c.uuid ? { uuid: c.uuid } : {}),
    steps: c.steps,
  });
  return edited([...saved, ...roles.saved.map(asChange)], [...fresh, ...roles.fresh.map(asChange)]);
}

function edited(
  saved: readonly { account: string; uuid?: string; steps: readonly unknown[] }[],
  fresh: readonly { account: string; uuid?: string; steps: readonly unknown[] }[],
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

/**
 * What differs between two reads of one account, field by field, "roles: [CI/CD] → [CI/CD,
 * Administrator]": for saying what changed while a prompt waited.
 */
export function accountDifferences(
  before: LiveAccount | undefined,
  after: LiveAccount | undefined,
): string[] {
  if (!before || !after) return [before ? 'deleted' : 'created'];
  const names = (refs: readonly { name: string }[]) => `[${refs.map((r) => r.name).join(', ')}]`;
  const fields: [string, string, string][] = [
    ['name', before.name, after.name],
    ['email', before.email ?? '(none)', after.email ?? '(none)'],
    ['state', before.active ? 'enabled' : 'disabled', after.active ? 'enabled' : 'disabled'],
    ['roles', names(before.roles), names(after.roles)],
    ['teams', names(before.teams), names(after.teams)],
  ];
  return fields.filter(([, b, a]) => b !== a).map(([field, b, a]) => `${field}: ${b} → ${a}`);
}
