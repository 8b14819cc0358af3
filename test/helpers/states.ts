import { parseYamlSource } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import type { DesiredState } from '../../src/config/types.js';
import type { LiveAccount, LiveState } from '../../src/state/types.js';
import { TEAM_ADMINISTRATOR_ROLE_UUID, ADMINISTRATOR_ROLE_UUID } from '../../src/pactflow/wire.js';

/** A desired state from YAML text, as the CLI would load it; throws on diagnostics. */
export function desiredFrom(yaml: string, file = 'accounts.yaml'): DesiredState {
  const result = validateConfig(parseYamlSource(file, new TextEncoder().encode(yaml)));
  if (!result.desired)
    throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column}: ${d.summary}`).join('\n'));
  return result.desired;
}

export const ROLES = {
  Administrator: ADMINISTRATOR_ROLE_UUID,
  'CI/CD': 'role-cicd',
  'Read-Only': 'role-read-only',
  Viewer: 'role-viewer',
  User: 'role-user',
  'Team Administrator': TEAM_ADMINISTRATOR_ROLE_UUID,
} as const;
export const TEAMS = { Payments: 'team-payments', Orders: 'team-orders', Default: 'team-default' } as const;

export interface AccountSketch {
  name: string;
  uuid?: string;
  email?: string;
  active?: boolean;
  /** Built-in role names, or custom ones given to liveState. */
  roles?: string[];
  teams?: (keyof typeof TEAMS)[];
}

/** A custom role's uuid in these fixtures. */
export const customRoleUuid = (name: string) => `role-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
const roleUuid = (name: string) => (ROLES as Record<string, string>)[name] ?? customRoleUuid(name);

export interface CustomRoleSketch {
  name: string;
  description?: string;
  permissions: string[];
}

export function liveAccount(a: AccountSketch): LiveAccount {
  return {
    uuid: a.uuid ?? `uuid-${a.name.toLowerCase()}`,
    name: a.name,
    ...(a.email ? { email: a.email } : {}),
    active: a.active ?? true,
    roles: (a.roles ?? ['CI/CD'])
      .map((r) => ({ uuid: roleUuid(r), name: r, serverManaged: r === 'Team Administrator' }))
      .sort((x, y) => x.name.toLowerCase().localeCompare(y.name.toLowerCase())),
    teams: (a.teams ?? [])
      .map((t) => ({ uuid: TEAMS[t], name: t }))
      .sort((x, y) => x.name.localeCompare(y.name)),
  };
}

/** A live organization whose token owner is the human "alice" (Administrator) unless `caller` says otherwise. */
export function liveState(
  accounts: AccountSketch[],
  caller?: AccountSketch,
  options: { customRoles?: CustomRoleSketch[]; humanRoleHolders?: Record<string, number> } = {},
): LiveState {
  const callerAccount = liveAccount(
    caller ?? { name: 'alice', uuid: 'uuid-alice', roles: ['Administrator'] },
  );
  return {
    caller: {
      uuid: callerAccount.uuid,
      name: callerAccount.name,
      systemAccount: caller !== undefined,
      roles: callerAccount.roles,
      permissions: callerAccount.roles.some((r) => r.name === 'Administrator')
        ? ['system_account:manage:*', 'user:manage:*']
        : [],
    },
    roles: [
      ...Object.entries(ROLES).map(([name, uuid]) => ({
        uuid,
        name,
        systemDefined: true,
        serverManaged: name === 'Team Administrator',
        permissions: [] as string[],
      })),
      ...(options.customRoles ?? []).map((r) => ({
        uuid: customRoleUuid(r.name),
        name: r.name,
        ...(r.description === undefined ? {} : { description: r.description }),
        systemDefined: false,
        serverManaged: false,
        permissions: [...r.permissions].sort(),
      })),
    ].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())),
    teams: Object.entries(TEAMS)
      .map(([name, uuid]) => ({ uuid, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    accounts: accounts
      .map(liveAccount)
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())),
    ...(options.humanRoleHolders ? { humanRoleHolders: options.humanRoleHolders } : {}),
  };
}
