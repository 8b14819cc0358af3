import {
  ADMINISTRATOR_ROLE_UUID,
  TEAM_ADMINISTRATOR_ROLE_NAME,
  TEAM_ADMINISTRATOR_ROLE_UUID,
} from '../pactflow/wire.js';

export interface RoleDefinition {
  name: string;
  uuid?: string;
  description?: string;
  permissions: string[];
}

/**
 * PactFlow's predefined roles with the permission sets its documentation lists. Viewer and Guest
 * are UI-only and Read-Only is the legacy Viewer: none of them carries an API scope. Team
 * Administrator holds `team:manage:{teamUuid}` for each team its holder administers; those scopes
 * are derived from the teams (see access.ts), so the role itself lists none.
 */
export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    name: 'Administrator',
    uuid: ADMINISTRATOR_ROLE_UUID,
    description: 'Full access to everything',
    permissions: [
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
  },
  {
    name: 'User',
    description: 'Default role for people',
    permissions: [
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
  },
  {
    name: 'CI/CD',
    description: 'Default role for system accounts',
    permissions: [
      'contract_data:manage:own',
      'contract_data:manage:team',
      'contract_data:read:*',
      'deployment_and_release:record:*',
      'environment:read:*',
    ],
  },
  { name: 'Read-Only', description: 'Legacy: the former Viewer role', permissions: [] },
  { name: 'Viewer', description: 'The web interface only, no API access', permissions: [] },
  { name: 'Guest', description: 'The web interface only, no API access', permissions: [] },
  {
    name: TEAM_ADMINISTRATOR_ROLE_NAME,
    uuid: TEAM_ADMINISTRATOR_ROLE_UUID,
    description: 'Granted by administering a team; cannot be assigned',
    permissions: [],
  },
];

export const isBuiltInRole = (name: string) => BUILT_IN_ROLES.some((r) => r.name === name);
