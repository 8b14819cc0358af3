import { randomUUID } from 'node:crypto';
import { TEAM_ADMINISTRATOR_ROLE_UUID } from '../pactflow/wire.js';
import { requireAccountCreate, requireAccountManage } from './access.js';
import type { Caller, StoredRole, StoredUser } from './model.js';
import { isUuid } from './model.js';
import { fieldError, listError, objectError } from './problems.js';
import type { Store } from './store.js';

/** Writes to users and system accounts, with the rules PactFlow enforces on them. */

function checkName(store: Store, name: unknown, except?: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw fieldError(400, 'name', "can't be blank");
  if (store.nameTaken(name, except))
    throw fieldError(400, 'name', `A user with the name "${name}" already exists`);
  return name;
}

function checkEmail(email: unknown): string | undefined {
  if (email !== undefined && email !== null && typeof email !== 'string')
    throw fieldError(400, 'email', 'must be a string');
  return typeof email === 'string' && email !== '' ? email : undefined;
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw listError(400, 'Body must be a JSON object');
  return body as Record<string, unknown>;
}

/** POST /admin/system-accounts: active, with the CI/CD role, tokens, and the default team. */
export function createSystemAccount(store: Store, caller: Caller, body: unknown): StoredUser {
  requireAccountCreate(store, caller);
  const b = bodyObject(body ?? {});
  const email = checkEmail(b.email);
  const cicd = [...store.roles.values()].find((r) => r.name === 'CI/CD');
  const now = store.now();
  const user: StoredUser = {
    uuid: randomUUID(),
    name: checkName(store, b.name),
    ...(email === undefined ? {} : { email }),
    active: true,
    type: 1,
    createdAt: now,
    updatedAt: now,
    roles: cicd ? [cicd.uuid] : [],
  };
  store.users.set(user.uuid, user);
  store.issueTokens(user);
  if (store.defaultTeam) store.teams.get(store.defaultTeam)?.members.push(user.uuid);
  return user;
}

function checkType(type: unknown, current: 0 | 1): 0 | 1 {
  if (type === undefined) return 0;
  if (type !== 0 && type !== 1) throw fieldError(400, 'type', 'must be 0 (user) or 1 (system account)');
  if (type === 1 && current === 0)
    throw fieldError(
      400,
      'type',
      'a user cannot become a system account; create one with POST /admin/system-accounts',
    );
  return type;
}

/**
 * PUT /admin/users/{u} is a FULL replace, as PactFlow documents it: what the body leaves out
 * takes its default. No `email` drops the email; no `active` makes the account active; no `type`
 * makes it a user (type 0), so it leaves the system-account lists. A user never becomes a system
 * account this way (those are created by POST /admin/system-accounts, with their own tokens).
 */
/** PUT /admin/users/{u}: a full replace; `active` is ignored where the organization ignores it. */
export function replaceUser(
  store: Store,
  caller: Caller,
  uuid: string,
  body: unknown,
  behaviour: { ignoreActive: boolean } = { ignoreActive: false },
): StoredUser {
  const user = store.user(uuid);
  requireAccountManage(store, caller, user);
  const b = bodyObject(body);
  if (b.uuid !== undefined && b.uuid !== uuid)
    throw fieldError(400, 'uuid', 'does not match the uuid in the path');
  const name = checkName(store, b.name, uuid);
  const email = checkEmail(b.email);
  if (b.active !== undefined && typeof b.active !== 'boolean')
    throw fieldError(400, 'active', 'must be true or false');
  const active = behaviour.ignoreActive ? user.active : (b.active ?? true);
  const type = checkType(b.type, user.type);
  if (!active && user.uuid === caller.user.uuid)
    throw objectError(400, 'You cannot disable your own account');
  user.name = name;
  if (email === undefined) delete user.email;
  else user.email = email;
  user.active = active;
  user.type = type;
  user.updatedAt = store.now();
  return user;
}

export function deleteUser(store: Store, caller: Caller, uuid: string): void {
  const user = store.user(uuid);
  requireAccountManage(store, caller, user);
  if (user.uuid === caller.user.uuid) throw objectError(400, 'You cannot delete your own account');
  store.remove(user);
}

function roleChangeTarget(store: Store, caller: Caller, uuid: string): StoredUser {
  const user = store.user(uuid);
  requireAccountManage(store, caller, user);
  if (user.uuid === caller.user.uuid) throw objectError(403, 'Forbidden: you cannot change your own roles');
  return user;
}

function knownRole(store: Store, uuid: unknown): StoredRole {
  if (!isUuid(uuid)) throw fieldError(400, 'roles', `Invalid role uuid: ${String(uuid)}`);
  const role = store.roles.get(uuid);
  if (!role) throw fieldError(400, 'roles', `Role with uuid ${uuid} not found`);
  return role;
}

/** The locked Team Administrator role comes from administering teams: sent here, it has no effect. */
const assignable = (role: StoredRole) => role.uuid !== TEAM_ADMINISTRATOR_ROLE_UUID;

export function setRoles(store: Store, caller: Caller, uuid: string, body: unknown): void {
  const user = roleChangeTarget(store, caller, uuid);
  const roles = (body as { roles?: unknown } | null)?.roles;
  if (!Array.isArray(roles)) throw fieldError(400, 'roles', 'must be a list of role uuids');
  const assigned = roles.map((r) => knownRole(store, r)).filter(assignable);
  user.roles = [...new Set(assigned.map((r) => r.uuid))];
  user.updatedAt = store.now();
}

export function addRole(store: Store, caller: Caller, uuid: string, roleUuid: string): void {
  const user = roleChangeTarget(store, caller, uuid);
  const role = knownRole(store, roleUuid);
  if (assignable(role) && !user.roles.includes(role.uuid)) user.roles.push(role.uuid);
  user.updatedAt = store.now();
}

export function removeRole(store: Store, caller: Caller, uuid: string, roleUuid: string): void {
  const user = roleChangeTarget(store, caller, uuid);
  const role = knownRole(store, roleUuid);
  user.roles = user.roles.filter((r) => r !== role.uuid);
  user.updatedAt = store.now();
}
