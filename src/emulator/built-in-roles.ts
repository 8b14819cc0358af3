import {
  ADMINISTRATOR_ROLE_UUID,
  TEAM_ADMINISTRATOR_ROLE_NAME,
  TEAM_ADMINISTRATOR_ROLE_UUID,
} from '../pactflow/wire.js';
import { BUILT_IN_PERMISSIONS } from '../permissions/scopes.js';

export interface BuiltInRoleDefinition {
  name: string;
  uuid?: string;
  description?: string;
  permissions: string[];
}

/**
 * PactFlow's predefined roles with the permission sets its documentation lists (one table, in
 * src/permissions/scopes.ts, that the planner uses too). Viewer and Guest
 * are UI-only and Read-Only is the legacy Viewer: none of them carries an API scope. Team
 * Administrator holds `team:manage:{teamUuid}` for each team its holder administers; those scopes
 * are derived from the teams (see access.ts), so the role itself lists none.
 */
export const BUILT_IN_ROLES: readonly BuiltInRoleDefinition[] = [
  {
    name: 'Administrator',
    uuid: ADMINISTRATOR_ROLE_UUID,
    description: 'Full access to everything',
    permissions: [...BUILT_IN_PERMISSIONS['Administrator']!],
  },
  {
    name: 'User',
    description: 'Default role for people',
    permissions: [...BUILT_IN_PERMISSIONS['User']!],
  },
  {
    name: 'CI/CD',
    description: 'Default role for system accounts',
    permissions: [...BUILT_IN_PERMISSIONS['CI/CD']!],
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
