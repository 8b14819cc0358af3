import type { ScopeDiff } from '../permissions/scopes.js';
import { diffScopes, effectiveScopes, isEmptyDiff } from '../permissions/scopes.js';
import type { LiveAccount, LiveState } from '../state/types.js';
import { count } from '../util/plural.js';
import { rolesAfter } from './permissions.js';
import type { RolePlan } from './roles.js';
import { roleKey } from './roles.js';
import type { Change, PlanWarning, RoleChange } from './types.js';

/**
 * The role changes a plan narrowed by --target keeps: those a targeted account needs (it holds the
 * role after the plan), less any that would change what an account --target does not name can do
 * — another system account, or people holding the role. Those are left out and said in a warning;
 * the others (no targeted account needs them, role deletes among them) are simply not part of a
 * targeted plan, as untargeted accounts are not. `changes` are the targeted plan's account changes;
 * `isTargeted` says whether --target names a live account. The catalogue after the plan is rebuilt
 * from the kept changes, so every account's permissions say what applying the plan does.
 */
export function narrowRoles(
  roles: RolePlan,
  changes: readonly Change[],
  live: LiveState,
  isTargeted: (account: LiveAccount) => boolean,
): { roles: RolePlan; warnings: PlanWarning[] } {
  const needed = rolesNeeded(changes, live, isTargeted);
  const kept: RoleChange[] = [];
  const warnings: PlanWarning[] = [];
  for (const change of roles.changes) {
    if (change.action === 'delete' || !needed.has(keyOf(change))) continue;
    const others =
      change.uuid === undefined ? undefined : alsoChanges(change, change.uuid, roles, live, isTargeted);
    if (others) warnings.push(others);
    else kept.push(change);
  }
  const after = new Map(roles.before);
  for (const change of kept)
    for (const step of change.steps)
      if (step.kind !== 'delete-role') after.set(keyOf(change), step.role.permissions);
  return { roles: { ...roles, changes: kept, after }, warnings };
}

/** A role change's key in the catalogue: the live uuid, or the name of a role this plan creates. */
const keyOf = (change: RoleChange) => change.uuid ?? roleKey({ name: change.role });

/** The role keys the targeted accounts hold once the plan is applied (accounts it deletes hold none). */
function rolesNeeded(
  changes: readonly Change[],
  live: LiveState,
  isTargeted: (account: LiveAccount) => boolean,
): Set<string> {
  const planned = new Map(changes.flatMap((c) => (c.uuid ? [[c.uuid, c] as const] : [])));
  const needed = new Set<string>();
  for (const change of changes)
    if (change.action === 'create') for (const key of rolesAfter(change, undefined, [])) needed.add(key);
  for (const account of live.accounts) {
    if (!isTargeted(account) || planned.get(account.uuid)?.action === 'delete') continue;
    for (const key of rolesAfter(planned.get(account.uuid), account, [])) needed.add(key);
  }
  return needed;
}

/**
 * A warning when a role update would change what an untargeted system account or a person can do
 * (judged with this update alone, as the plan lists a role's effect on accounts); else undefined.
 */
function alsoChanges(
  change: RoleChange,
  uuid: string,
  roles: RolePlan,
  live: LiveState,
  isTargeted: (account: LiveAccount) => boolean,
): PlanWarning | undefined {
  const scopes = change.after?.permissions;
  if (scopes === undefined) return undefined;
  const updated = new Map(roles.before).set(uuid, scopes);
  const accounts: { name: string; diff: ScopeDiff }[] = [];
  for (const account of live.accounts) {
    const keys = account.roles.map((r) => r.uuid);
    if (isTargeted(account) || !keys.includes(uuid)) continue;
    const diff = diffScopes(effectiveScopes(keys, roles.before), effectiveScopes(keys, updated));
    if (!isEmptyDiff(diff)) accounts.push({ name: account.name, diff });
  }
  const people = live.humanRoleHolders?.[uuid] ?? 0;
  if (accounts.length === 0 && people === 0) return undefined;
  const shown = accounts.slice(0, 5).map((a) => `${a.name} (${scopeChanges(a.diff)})`);
  if (accounts.length > 5) shown.push(count(accounts.length - 5, 'more system account'));
  if (people > 0) shown.push(count(people, 'person', 'people'));
  return {
    code: 'role-left-out',
    message: `role "${change.role}" is left out of this plan: updating it would also change what ${listed(shown)} can do, which --target does not name. Plan without --target to update it.`,
  };
}

const scopeChanges = (diff: ScopeDiff) =>
  [...diff.gained.map((s) => `+${s}`), ...diff.lost.map((s) => `-${s}`)].join(' ');

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
