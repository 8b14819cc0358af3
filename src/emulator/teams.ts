import { requireTeamManage } from './access.js';
import type { Caller, StoredTeam } from './model.js';
import { isUuid } from './model.js';
import { Problem, fieldError, listError, objectError } from './problems.js';
import type { Store } from './store.js';

/** Writes to team membership, with the rules PactFlow enforces on them. */

export const JSON_PATCH = 'application/json-patch+json';

function knownUser(store: Store, uuid: unknown, pointer: string): string {
  if (!isUuid(uuid)) throw fieldError(400, 'users', `Invalid user uuid: ${String(uuid)}`, pointer);
  if (!store.users.has(uuid)) throw fieldError(400, 'users', `User with uuid ${uuid} not found`, pointer);
  return uuid;
}

/** The added uuids of a JSON Patch body: only `{op: "add", path: "/users", value: {uuid}}` is verified. */
function patchAdditions(store: Store, body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0)
    throw listError(400, 'Body must be a non-empty JSON Patch array');
  return body.map((operation: unknown, i) => {
    const o = (operation ?? {}) as { op?: unknown; path?: unknown; value?: { uuid?: unknown } };
    if (o.op !== 'add' || o.path !== '/users' || typeof o.value !== 'object' || o.value === null)
      throw fieldError(
        400,
        'users',
        'Each operation must be {"op": "add", "path": "/users", "value": {"uuid": …}}',
        `/${i}`,
      );
    return knownUser(store, o.value.uuid, `/${i}/value/uuid`);
  });
}

/**
 * PATCH /admin/teams/{t}/users with `Content-Type: application/json-patch+json`: the way to add
 * members (the provider-verified route). Any other media type is 415, before anything else.
 */
export function patchMembers(
  store: Store,
  caller: Caller,
  teamUuid: string,
  body: unknown,
  mediaType: string | undefined,
): StoredTeam {
  if (mediaType !== JSON_PATCH)
    throw new Problem(415, `PATCH needs Content-Type: ${JSON_PATCH} (got ${mediaType ?? 'none'})`, 'list');
  const team = store.team(teamUuid);
  requireTeamManage(store, caller, team);
  for (const uuid of patchAdditions(store, body)) if (!team.members.includes(uuid)) team.members.push(uuid);
  return team;
}

/**
 * PUT /admin/teams/{t}/users: replaces every member (the application-verified route). The client
 * uses it only where the PATCH is not served, carrying every member it read just before.
 */
export function replaceMembers(store: Store, caller: Caller, teamUuid: string, body: unknown): StoredTeam {
  const team = store.team(teamUuid);
  requireTeamManage(store, caller, team);
  const users = (body as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw fieldError(400, 'users', 'must be a list of user uuids');
  team.members = [...new Set(users.map((u, i) => knownUser(store, u, `/users/${i}`)))];
  return team;
}

/** DELETE /admin/teams/{t}/users/{u}: removes one member; 404 when it is not one. */
export function removeMember(store: Store, caller: Caller, teamUuid: string, userUuid: string): void {
  const team = store.team(teamUuid);
  requireTeamManage(store, caller, team);
  if (!isUuid(userUuid)) throw listError(400, `Invalid uuid: ${userUuid}`);
  if (!team.members.includes(userUuid))
    throw objectError(404, `User ${userUuid} is not a member of team ${team.name}`);
  team.members = team.members.filter((m) => m !== userUuid);
}
