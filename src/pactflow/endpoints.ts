import type { Endpoint } from '../http/endpoint.js';

/**
 * Every request this client can send: method, path template and, for writes, the permission
 * PactFlow checks. HttpClient.request takes only a key of this table, so a request that is not
 * listed here cannot be sent; a test checks that every entry is covered by the committed consumer
 * contract (pacts/pactflow-accounts-pactflow.json), and docs/api-fidelity.md names each one's
 * verified source.
 */
export const ENDPOINTS = {
  currentUser: { method: 'GET', path: '/user', permission: 'a valid token' },
  listUsers: { method: 'GET', path: '/admin/users', permission: 'system_account:read:*' },
  getUser: { method: 'GET', path: '/admin/users/{user}', permission: 'system_account:read:*' },
  listRoles: { method: 'GET', path: '/admin/roles', permission: 'role:read:*' },
  listTeams: { method: 'GET', path: '/admin/teams', permission: 'team:read:*' },
  createSystemAccount: {
    method: 'POST',
    path: '/admin/system-accounts',
    permission: 'system_account:manage:*',
  },
  updateUser: { method: 'PUT', path: '/admin/users/{user}', permission: 'system_account:manage:*' },
  deleteUser: { method: 'DELETE', path: '/admin/users/{user}', permission: 'system_account:manage:*' },
  setRoles: { method: 'PUT', path: '/admin/users/{user}/roles', permission: 'system_account:manage:*' },
  listTeamMembers: { method: 'GET', path: '/admin/teams/{team}/users', permission: 'team:read:*' },
  getTeamMember: { method: 'GET', path: '/admin/teams/{team}/users/{user}', permission: 'team:read:*' },
  replaceTeamMembers: {
    method: 'PUT',
    path: '/admin/teams/{team}/users',
    permission: 'team:manage:*',
    repeatable: false,
  },
  addTeamMember: {
    method: 'PATCH',
    path: '/admin/teams/{team}/users',
    permission: 'team:manage:*',
    contentType: 'application/json-patch+json',
  },
  removeTeamMember: {
    method: 'DELETE',
    path: '/admin/teams/{team}/users/{user}',
    permission: 'team:manage:*',
  },
  listPermissions: { method: 'GET', path: '/admin/permissions', permission: 'role:read:*' },
  listTokens: {
    method: 'GET',
    path: '/admin/system-accounts/{user}/tokens',
    permission: 'system_account:read:*',
  },
  createRole: { method: 'POST', path: '/admin/roles', permission: 'role:manage:*' },
  updateRole: { method: 'PUT', path: '/admin/roles/{role}', permission: 'role:manage:*' },
  deleteRole: { method: 'DELETE', path: '/admin/roles/{role}', permission: 'role:manage:*' },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
