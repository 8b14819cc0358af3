import type { DesiredRole, DesiredState } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import { roleScopes } from '../permissions/scopes.js';
import type { LiveRole, LiveState } from '../state/types.js';
import { compareNames, nameKey } from '../util/names.js';
import { didYouMean } from '../util/suggest.js';
import { fingerprintRole } from './fingerprint.js';
import type { RoleChange, RoleFields, RoleRef } from './types.js';
import type { RoleDefinition } from '../types/roles.js';
import { ROLE_ACTIONS } from './types.js';

/** The key of a role in a catalogue: its uuid, or for a role this plan creates, its name. */
export const roleKey = (role: RoleRef): string => role.uuid ?? `new:${nameKey(role.name)}`;

export interface RolePlan {
  /** Role creates, updates and deletes, without their effect on accounts (see attributeRoleChanges). */
  changes: RoleChange[];
  /** Every role an account may name, by name key: live ones, and the ones this plan creates. */
  byName: Map<string, RoleRef & { serverManaged: boolean; systemDefined: boolean }>;
  /** Role key → scopes, as PactFlow has them now. */
  before: Map<string, string[]>;
  /** Role key → scopes, once the role changes are applied. */
  after: Map<string, string[]>;
  diagnostics: Diagnostic[];
}

// PactFlow keeps no empty description: "" and none are the same, or a plan would never converge.
export const liveRoleFields = (role: LiveRole): RoleFields => ({
  name: role.name,
  description: role.description || null,
  permissions: [...role.permissions].sort(),
});

const isCustom = (role: LiveRole) => !role.systemDefined && !role.serverManaged;

/**
 * The file's custom roles against the live catalogue. Pure. A listed role that does not exist is
 * created; one that exists is updated to exactly the listed scopes (PUT replaces the whole role);
 * a live custom role the file does not list is deleted only with `policy.unmanagedRoles: delete`.
 * Built-in roles can be referenced but never defined.
 */
export function planRoles(desired: DesiredState, live: LiveState): RolePlan {
  const before = new Map(live.roles.map((r) => [r.uuid, roleScopes(r)]));
  const plan: RolePlan = {
    changes: [],
    byName: new Map(
      live.roles.map((r) => [
        nameKey(r.name),
        { uuid: r.uuid, name: r.name, serverManaged: r.serverManaged, systemDefined: r.systemDefined },
      ]),
    ),
    before,
    after: new Map(before),
    diagnostics: [],
  };
  const liveByName = new Map(live.roles.map((r) => [nameKey(r.name), r]));
  for (const role of desired.roles) {
    const current = liveByName.get(nameKey(role.name));
    if (current && !isCustom(current)) plan.diagnostics.push(builtInDefined(role, current));
    else if (current) updateRole(plan, role, current);
    else createRole(plan, role);
  }
  if (desired.policy.unmanagedRoles === 'delete') {
    const listed = new Set(desired.roles.map((r) => nameKey(r.name)));
    for (const role of live.roles)
      if (isCustom(role) && !listed.has(nameKey(role.name))) deleteRole(plan, role);
  }
  plan.changes.sort(
    (x, y) => compareNames(x.role, y.role) || ROLE_ACTIONS.indexOf(x.action) - ROLE_ACTIONS.indexOf(y.action),
  );
  return plan;
}

/** The body a role create or update sends: a description the file leaves out stays as it is. */
function definitionOf(role: DesiredRole, current: LiveRole | undefined): RoleDefinition {
  return {
    name: role.name,
    ...(role.description !== undefined
      ? { description: role.description }
      : current?.description !== undefined
        ? { description: current.description }
        : {}),
    permissions: role.permissions,
  };
}

/** The fields a reviewer reads of the role the file asks for. */
const wantedFields = (role: DesiredRole, definition: RoleDefinition): RoleFields => ({
  name: role.name,
  description: definition.description || null,
  permissions: role.permissions,
});

function builtInDefined(role: DesiredRole, current: LiveRole): Diagnostic {
  return diagnosticAt(
    role.source.name,
    'built-in-role',
    `${role.source.name.path}: "${current.name}" is a built-in role in this PactFlow and cannot be defined`,
    "reference it in an account's roles, or give your custom role another name",
  );
}

function createRole(plan: RolePlan, role: DesiredRole): void {
  const definition = definitionOf(role, undefined);
  plan.after.set(roleKey({ name: role.name }), role.permissions);
  plan.byName.set(nameKey(role.name), { name: role.name, serverManaged: false, systemDefined: false });
  plan.changes.push({
    role: role.name,
    action: 'create',
    origin: 'file',
    before: null,
    after: wantedFields(role, definition),
    steps: [{ kind: 'create-role', role: definition }],
    risks: [],
    accounts: [],
    fingerprint: fingerprintRole(undefined),
  });
}

/** An update of the fields that differ; nothing when none does. */
function updateRole(plan: RolePlan, role: DesiredRole, current: LiveRole): void {
  const definition = definitionOf(role, current);
  const now = liveRoleFields(current);
  const wanted = wantedFields(role, definition);
  const before: Partial<RoleFields> = {};
  const after: Partial<RoleFields> = {};
  for (const field of ['name', 'description', 'permissions'] as const) {
    if (JSON.stringify(now[field]) === JSON.stringify(wanted[field])) continue;
    Object.assign(before, { [field]: now[field] });
    Object.assign(after, { [field]: wanted[field] });
  }
  if (Object.keys(after).length === 0) return;
  plan.after.set(current.uuid, role.permissions);
  plan.byName.set(nameKey(role.name), {
    uuid: current.uuid,
    name: role.name,
    serverManaged: false,
    systemDefined: false,
  });
  plan.changes.push({
    role: role.name,
    uuid: current.uuid,
    action: 'update',
    origin: 'file',
    before,
    after,
    steps: [{ kind: 'update-role', role: definition }],
    risks: [],
    accounts: [],
    fingerprint: fingerprintRole(current),
  });
}

function deleteRole(plan: RolePlan, role: LiveRole): void {
  plan.after.delete(role.uuid);
  plan.changes.push({
    role: role.name,
    uuid: role.uuid,
    action: 'delete',
    origin: 'unmanaged',
    before: liveRoleFields(role),
    after: null,
    steps: [{ kind: 'delete-role' }],
    risks: ['delete'],
    accounts: [],
    fingerprint: fingerprintRole(role),
  });
}

/**
 * The live roles whose holders among people a plan must count: custom roles whose scopes it
 * changes, and the ones it deletes. Empty for most plans, so people are read only when needed.
 */
export function rolesNeedingPeopleCount(desired: DesiredState, live: LiveState): string[] {
  return planRoles(desired, live)
    .changes.filter((c) => c.uuid && (c.action === 'delete' || c.after?.permissions !== undefined))
    .map((c) => c.uuid!);
}

/** Scopes the file's roles name that PactFlow does not offer (`GET /admin/permissions`). */
export function unknownScopes(desired: DesiredState, assignable: readonly string[]): Diagnostic[] {
  const known = new Set(assignable);
  return desired.roles.flatMap((role) =>
    role.source.permissions
      .filter(({ scope }) => !known.has(scope))
      .map(({ scope, at }) =>
        diagnosticAt(
          at,
          'unknown-scope',
          `${at.path}: PactFlow has no permission scope "${scope}"${didYouMean(scope, assignable)}`,
          'PactFlow refuses a role with an unknown scope; `GET /admin/permissions` lists the ones it offers',
        ),
      ),
  );
}
