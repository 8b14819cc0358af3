import { count } from '../util/plural.js';

/**
 * Permission scopes and the built-in roles, as PactFlow documents them. Pure: the planner, the
 * file validator and `show` all compute what an account may do from here, so they cannot disagree.
 */

/**
 * PactFlow's predefined roles and their documented permission sets. The live role catalogue is
 * authoritative; these fill in only when it states no permissions for a built-in role.
 */
export const BUILT_IN_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  Administrator: [
    'authentication_settings:manage:*',
    'contract_data:bulk_delete:*',
    'contract_data:manage:*',
    'deployment_and_release:record:*',
    'environment:manage:*',
    'role:manage:*',
    'secret:manage:*',
    'system_account:manage:*',
    'system_preference:manage:*',
    'team:manage:*',
    'token:manage:own',
    'user:invite',
    'user:manage:*',
    'webhook:manage:*',
  ],
  User: [
    'ai:*',
    'contract_data:bulk_delete:own',
    'contract_data:bulk_delete:team',
    'contract_data:manage:own',
    'contract_data:manage:team',
    'contract_data:read:*',
    'environment:read:team',
    'role:read:*',
    'secret:manage:team',
    'system_account:manage:team',
    'system_account:read:*',
    'team:read:*',
    'token:manage:own',
    'user:read:*',
    'webhook:manage:team',
  ],
  'CI/CD': [
    'contract_data:manage:own',
    'contract_data:manage:team',
    'contract_data:read:*',
    'deployment_and_release:record:*',
    'environment:read:*',
  ],
  'Read-Only': [],
  Viewer: [],
  Guest: [],
  'Team Administrator': [],
};

/** `resource:action[:scope]`, e.g. `contract_data:manage:team`, `user:invite`, `ai:*`. */
export const SCOPE_PATTERN = /^[a-z][a-z0-9_]*:(?:\*|[a-z][a-z0-9_]*)(?::(?:\*|[A-Za-z0-9_-]+))?$/;

/** A gain of one of these is a risk: it lets an account manage things or invite people. */
export function isRiskyScope(scope: string): boolean {
  return scope.includes(':manage:') || scope === 'user:invite';
}

/** The permission scopes a role grants: the catalogue's, else the documented set of a built-in role. */
export function roleScopes(role: { name: string; systemDefined: boolean; permissions: readonly string[] }) {
  if (role.permissions.length > 0 || !role.systemDefined) return [...role.permissions];
  return [...(BUILT_IN_PERMISSIONS[role.name] ?? [])];
}

/** The union of the scopes of some roles, sorted. Unknown roles add nothing. */
export function effectiveScopes(
  roleKeys: Iterable<string>,
  catalogue: ReadonlyMap<string, readonly string[]>,
): string[] {
  const scopes = new Set<string>();
  for (const key of roleKeys) for (const s of catalogue.get(key) ?? []) scopes.add(s);
  return [...scopes].sort();
}

export interface ScopeDiff {
  gained: string[];
  lost: string[];
}

export function diffScopes(before: readonly string[], after: readonly string[]): ScopeDiff {
  const b = new Set(before);
  const a = new Set(after);
  return {
    gained: after.filter((s) => !b.has(s)).sort(),
    lost: before.filter((s) => !a.has(s)).sort(),
  };
}

export const isEmptyDiff = (d: ScopeDiff) => d.gained.length === 0 && d.lost.length === 0;

/**
 * A short reading of a scope set for a table cell: how many, and what it can manage (everywhere,
 * unless a narrower reach is named), e.g. `5 scopes; manages contract_data (team), system_account`.
 */
export function summariseScopes(scopes: readonly string[]): string {
  if (scopes.length === 0) return 'none';
  const managed = new Map<string, Set<string>>();
  for (const scope of scopes) {
    const [resource, action, where] = scope.split(':');
    if (action !== 'manage' || resource === undefined) continue;
    managed.set(resource, (managed.get(resource) ?? new Set()).add(where ?? '*'));
  }
  const invite = scopes.includes('user:invite') ? '; invites users' : '';
  const manages = [...managed]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, where]) => (where.has('*') ? resource : `${resource} (${[...where].sort().join(', ')})`))
    .join(', ');
  return `${count(scopes.length, 'scope')}${manages ? `; manages ${manages}` : ''}${invite}`;
}
