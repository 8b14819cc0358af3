import type { LiveAccount, Ref } from '../state/types.js';
import type { ResolvedSpec, RoleRef, Step } from './types.js';
import { byName } from '../util/names.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';

const sameIds = (a: readonly RoleRef[], b: readonly RoleRef[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.uuid === x.uuid));

/** The live roles PactFlow lets a client set: everything but server-managed ones. */
export const assignableRoles = (account: LiveAccount): Ref[] =>
  account.roles.filter((r) => !r.serverManaged).map(({ uuid, name }) => ({ uuid, name }));

/**
 * The role set an account should end with, or undefined when roles are not managed. With `roles`
 * given the set is exact; with only `admin` given the other live roles stay as they are.
 */
export function targetRoles(
  live: readonly Ref[],
  spec: ResolvedSpec,
  administrator: Ref | undefined,
): RoleRef[] | undefined {
  if (spec.roles === undefined && spec.admin === undefined) return undefined;
  const isAdmin = (r: RoleRef) => (administrator ? r.uuid === administrator.uuid : r.name === ADMINISTRATOR);
  const base = (spec.roles ?? live).filter((r) => !isAdmin(r));
  const keepAdmin = spec.admin ?? (spec.roles === undefined && live.some(isAdmin));
  return [...base, ...(keepAdmin && administrator ? [administrator] : [])].sort(byName);
}

/**
 * The role and team calls that take a live account to what the file says. Shared by the planner
 * (existing accounts) and apply (a new account read back after its create), so both converge the
 * same way. Team changes are per member: this account is added or removed, nobody else.
 */
export function convergeSteps(live: LiveAccount, spec: ResolvedSpec, administrator: Ref | undefined): Step[] {
  const steps: Step[] = [];
  const current = assignableRoles(live);
  const roles = targetRoles(current, spec, administrator);
  if (roles && !sameIds(roles, current)) steps.push({ kind: 'set-roles', roles });
  if (spec.teams) {
    for (const team of spec.teams)
      if (!live.teams.some((t) => t.uuid === team.uuid)) steps.push({ kind: 'add-team', team });
    for (const team of live.teams)
      if (!spec.teams.some((t) => t.uuid === team.uuid)) steps.push({ kind: 'remove-team', team });
  }
  return steps;
}
