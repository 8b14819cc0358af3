import { TEAM_ADMINISTRATOR_ROLE_UUID } from '../pactflow/wire.js';
import type { Caller, StoredTeam, StoredUser } from './model.js';
import { objectError } from './problems.js';
import type { Store } from './store.js';

/** The resources whose read scopes the admin API checks. */
export type ReadResource = 'user' | 'system_account' | 'team' | 'role';

/** Who a bearer token belongs to: 401 for a missing, unknown or disabled one. */
export function authenticate(store: Store, header: string | undefined): Caller {
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  const stored = token ? store.tokens.get(token) : undefined;
  const user = stored ? store.users.get(stored.userUuid) : undefined;
  if (!stored || !user) throw objectError(401, 'Unauthorized: missing or invalid bearer token');
  if (!user.active) throw objectError(401, 'Unauthorized: the token belongs to a disabled account');
  return { user, readOnly: stored.readOnly };
}

/** A user's role uuids as PactFlow shows them: Team Administrator when it administers a team. */
export function roleUuidsOf(store: Store, user: StoredUser): string[] {
  return store.administeredBy(user).length && store.roles.has(TEAM_ADMINISTRATOR_ROLE_UUID)
    ? [...user.roles, TEAM_ADMINISTRATOR_ROLE_UUID]
    : user.roles;
}

/** Scopes a role grants this user; Team Administrator's are `team:manage:{uuid}` per team. */
export function roleScopes(store: Store, roleUuid: string, user: StoredUser): string[] {
  if (roleUuid === TEAM_ADMINISTRATOR_ROLE_UUID)
    return store.administeredBy(user).map((t) => `team:manage:${t.uuid}`);
  return store.roles.get(roleUuid)?.permissions ?? [];
}

export function scopesOf(store: Store, user: StoredUser): Set<string> {
  return new Set(roleUuidsOf(store, user).flatMap((uuid) => roleScopes(store, uuid, user)));
}

/** `resource:action:qualifier` granted? "manage" includes "read", as PactFlow documents. */
function grants(scopes: Set<string>, resource: string, action: 'read' | 'manage', qualifier: string) {
  return (
    scopes.has(`${resource}:manage:${qualifier}`) ||
    (action === 'read' && scopes.has(`${resource}:read:${qualifier}`))
  );
}

const forbidden = (message: string) => objectError(403, `Forbidden: ${message}`);

/** Reads need only the resource's read scope (`user:read:*`, `team:read:*`, ...). */
export function requireRead(store: Store, caller: Caller, resource: ReadResource): void {
  if (!grants(scopesOf(store, caller.user), resource, 'read', '*'))
    throw forbidden(`reading this needs ${resource}:read:*`);
}

function requireWrite(caller: Caller): void {
  if (caller.readOnly) throw forbidden('a read only token cannot make changes');
}

const sharesTeam = (store: Store, a: StoredUser, b: StoredUser) =>
  store.teamsOf(a).some((t) => t.members.includes(b.uuid));

/** Creating a system account: `system_account:manage:*` or `:team`. */
export function requireAccountCreate(store: Store, caller: Caller): void {
  requireWrite(caller);
  const scopes = scopesOf(store, caller.user);
  if (!grants(scopes, 'system_account', 'manage', '*') && !grants(scopes, 'system_account', 'manage', 'team'))
    throw forbidden('creating system accounts needs system_account:manage:* (or system_account:manage:team)');
}

/** Changing a user: system accounts need `system_account:manage:*` (or `:team` for one of the caller's teams); people `user:manage:*`. */
export function requireAccountManage(store: Store, caller: Caller, target: StoredUser): void {
  requireWrite(caller);
  const scopes = scopesOf(store, caller.user);
  if (target.type === 0) {
    if (!grants(scopes, 'user', 'manage', '*')) throw forbidden('managing users needs user:manage:*');
    return;
  }
  const allowed =
    grants(scopes, 'system_account', 'manage', '*') ||
    (grants(scopes, 'system_account', 'manage', 'team') && sharesTeam(store, caller.user, target));
  if (!allowed)
    throw forbidden(
      'managing this system account needs system_account:manage:* (or system_account:manage:team and a shared team)',
    );
}

/** Creating, changing or deleting a custom role: `role:manage:*`. */
export function requireRoleManage(store: Store, caller: Caller): void {
  requireWrite(caller);
  if (!grants(scopesOf(store, caller.user), 'role', 'manage', '*'))
    throw forbidden('managing roles needs role:manage:*');
}

/** Changing a team's members: `team:manage:*`, or `team:manage:{uuid}` of that team. */
export function requireTeamManage(store: Store, caller: Caller, team: StoredTeam): void {
  requireWrite(caller);
  const scopes = scopesOf(store, caller.user);
  if (!grants(scopes, 'team', 'manage', '*') && !grants(scopes, 'team', 'manage', team.uuid))
    throw forbidden(
      `managing the members of team ${team.name} needs team:manage:* (or team:manage:${team.uuid})`,
    );
}
