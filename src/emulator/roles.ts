import { randomUUID } from 'node:crypto';
import { requireRoleManage } from './access.js';
import { BUILT_IN_ROLES } from './built-in-roles.js';
import type { Caller, StoredRole } from './model.js';
import { isUuid } from './model.js';
import { fieldError, listError, objectError } from './problems.js';
import type { Store } from './store.js';

/**
 * Custom role writes, with the rules PactFlow states: a role is `{name, description?, permissions:
 * [{scope}]}`; PUT replaces all of it; a scope PactFlow does not offer is refused with 400; built-in
 * roles cannot be changed or deleted. Deleting a role someone still holds is refused here (what
 * PactFlow does is not documented; refusing is the answer that cannot lose anyone's access).
 */

/** The scopes a role may grant: every scope of PactFlow's documented built-in roles. */
export const ASSIGNABLE_SCOPES: readonly string[] = [
  ...new Set(BUILT_IN_ROLES.flatMap((r) => r.permissions)),
].sort();

export function role(store: Store, uuid: string): StoredRole {
  if (!isUuid(uuid)) throw listError(400, `Invalid uuid: ${uuid}`);
  const found = store.roles.get(uuid);
  if (!found) throw objectError(404, `Role ${uuid} not found`);
  return found;
}

function body(value: unknown): { name: string; description?: string; permissions: string[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw listError(400, 'Body must be a JSON object');
  const b = value as Record<string, unknown>;
  if (typeof b.name !== 'string' || b.name.trim() === '') throw fieldError(400, 'name', "can't be blank");
  if (b.description !== undefined && b.description !== null && typeof b.description !== 'string')
    throw fieldError(400, 'description', 'must be a string');
  if (!Array.isArray(b.permissions)) throw fieldError(400, 'permissions', 'must be a list of {scope}');
  const permissions = b.permissions.map((p, i) => {
    const scope = (p as { scope?: unknown } | null)?.scope;
    if (typeof scope !== 'string')
      throw fieldError(400, 'permissions', 'each permission must be {scope}', `/permissions/${i}`);
    if (!ASSIGNABLE_SCOPES.includes(scope) && !/^team:manage:[0-9a-f-]{36}$/.test(scope))
      throw fieldError(400, 'permissions', `Unknown permission scope: ${scope}`, `/permissions/${i}/scope`);
    return scope;
  });
  return {
    name: b.name,
    ...(typeof b.description === 'string' && b.description !== '' ? { description: b.description } : {}),
    permissions: [...new Set(permissions)],
  };
}

function checkNameFree(store: Store, name: string, except?: string): void {
  const taken = [...store.roles.values()].some(
    (r) => r.uuid !== except && r.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) throw fieldError(400, 'name', `A role with the name "${name}" already exists`);
}

function custom(found: StoredRole, what: string): StoredRole {
  if (found.systemDefined) throw objectError(400, `${found.name} is a built-in role and cannot be ${what}`);
  return found;
}

export function createRole(store: Store, caller: Caller, value: unknown): StoredRole {
  requireRoleManage(store, caller);
  const b = body(value);
  checkNameFree(store, b.name);
  const created: StoredRole = { uuid: randomUUID(), ...b, systemDefined: false, createdAt: store.now() };
  store.roles.set(created.uuid, created);
  return created;
}

/** PUT is a full replace: a description left out is cleared. */
export function replaceRole(store: Store, caller: Caller, uuid: string, value: unknown): StoredRole {
  requireRoleManage(store, caller);
  const current = custom(role(store, uuid), 'changed');
  const b = body(value);
  checkNameFree(store, b.name, uuid);
  const replaced: StoredRole = { uuid, ...b, systemDefined: false, createdAt: current.createdAt };
  store.roles.set(uuid, replaced);
  return replaced;
}

export function deleteRole(store: Store, caller: Caller, uuid: string): void {
  requireRoleManage(store, caller);
  const found = custom(role(store, uuid), 'deleted');
  const holders = [...store.users.values()].filter((u) => u.roles.includes(uuid)).length;
  if (holders > 0)
    throw objectError(400, `Role ${found.name} is assigned to ${holders} user(s); remove it from them first`);
  store.roles.delete(uuid);
}
