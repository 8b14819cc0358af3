import type { ApiRoleRef, ApiUser, ExtraReader, LiveReader } from '../pactflow/types.js';
import { TEAM_ADMINISTRATOR_ROLE_NAME, TEAM_ADMINISTRATOR_ROLE_UUID } from '../pactflow/wire.js';
import type { LiveAccount, LiveAccountRole, LiveRole, LiveState, Ref } from './types.js';
import { byName } from '../util/names.js';

export function isServerManagedRole(role: { uuid: string; name: string }): boolean {
  return role.uuid === TEAM_ADMINISTRATOR_ROLE_UUID || role.name === TEAM_ADMINISTRATOR_ROLE_NAME;
}

const accountRole = (r: ApiRoleRef): LiveAccountRole => {
  const serverManaged = isServerManagedRole(r);
  // The catalogue cannot say what a server-managed role grants one account; the account's copy can.
  const scopes = serverManaged && r.permissions.length > 0 ? { scopes: [...r.permissions].sort() } : {};
  return { uuid: r.uuid, name: r.name, serverManaged, ...scopes };
};

export function toLiveAccount(user: ApiUser): LiveAccount {
  return {
    uuid: user.uuid,
    name: user.name,
    ...(user.email === undefined ? {} : { email: user.email }),
    active: user.active,
    roles: user.roles.map(accountRole).sort(byName),
    teams: user.teams.map((t): Ref => ({ uuid: t.uuid, name: t.name })).sort(byName),
    ...(user.createdAt === undefined ? {} : { createdAt: user.createdAt }),
    ...(user.lastLogin === undefined ? {} : { lastLogin: user.lastLogin }),
  };
}

/**
 * Reads the organization in a fixed number of requests: the caller, the role catalogue, the pages
 * of teams, and the pages of the enabled and the disabled system accounts (each with its roles and
 * teams embedded) plus one recount of the enabled total. Never one request per account.
 */
export async function fetchLiveState(
  reader: LiveReader,
  options: {
    /** System accounts read so far, and how many the server said there are. */
    onProgress?: (read: number, total: number | undefined) => void;
  } = {},
): Promise<LiveState> {
  // All at once: the caller, the roles, the teams and the accounts (whose two lists are read one
  // after the other, see listSystemAccounts) do not depend on each other.
  const [caller, apiRoles, apiTeams, users] = await Promise.all([
    reader.currentUser(),
    reader.listRoles(),
    reader.listTeams(),
    reader.listSystemAccounts(options.onProgress),
  ]);
  const roles: LiveRole[] = apiRoles
    .map((r) => ({
      uuid: r.uuid,
      name: r.name,
      ...(r.description === undefined ? {} : { description: r.description }),
      systemDefined: r.systemDefined,
      serverManaged: isServerManagedRole(r),
      permissions: [...r.permissions].sort(),
    }))
    .sort(byName);
  const catalogue = new Map(roles.map((r) => [r.uuid, r]));
  const callerRoles = caller.roles.map(accountRole).sort(byName);
  const permissions = new Set<string>();
  for (const role of caller.roles) {
    // The catalogue is authoritative; embedded roles may omit their permissions.
    for (const p of catalogue.get(role.uuid)?.permissions ?? role.permissions) permissions.add(p);
  }
  return {
    caller: {
      uuid: caller.uuid,
      name: caller.name,
      systemAccount: caller.type === 1,
      roles: callerRoles,
      permissions: [...permissions].sort(),
    },
    roles,
    teams: apiTeams.map((t) => ({ uuid: t.uuid, name: t.name })).sort(byName),
    accounts: systemAccounts(users).sort(byName),
  };
}

/**
 * How many people hold each of the given roles. Reads the human users, which the tool otherwise
 * never does: only when a plan changes a custom role's scopes or deletes one, and never to change
 * them.
 */
export async function countHumanRoleHolders(
  reader: Pick<ExtraReader, 'listHumanUsers'>,
  roleUuids: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(roleUuids.map((uuid) => [uuid, 0]));
  if (roleUuids.length === 0) return counts;
  for (const person of await reader.listHumanUsers()) {
    if (person.type !== 0) continue;
    for (const uuid of new Set(person.roles.map((r) => r.uuid)))
      if (uuid in counts) counts[uuid] = counts[uuid]! + 1;
  }
  return counts;
}

/** One pass and one new array, not a filtered copy and a mapped copy: lists run to 10,000s. */
function systemAccounts(users: readonly ApiUser[]): LiveAccount[] {
  const accounts: LiveAccount[] = [];
  for (const user of users) if (user.type === 1) accounts.push(toLiveAccount(user));
  return accounts;
}
