import { UsageError } from '../errors.js';
import { ADMINISTRATOR_ROLE_UUID, TEAM_ADMINISTRATOR_ROLE_UUID } from '../pactflow/wire.js';
import { BUILT_IN_ROLES } from './built-in-roles.js';
import type { StoreState, StoredRole, StoredTeam, StoredToken, StoredUser } from './model.js';
import { timestamp } from './model.js';
import type { SeedFile, SeedUser } from './seed.js';
import { randomToken, seededUuid } from './seed.js';

export type TokensByName = Record<string, { readWrite: string; readOnly: string }>;

const DEFAULT_CREATED_AT = '2024-01-01T00:00:00+00:00';

/** Built-in roles (a seed may give them this organization's uuid), then the seed's custom roles. */
function seedRoles(seed: SeedFile, createdAt: string): StoredRole[] {
  const given = new Map((seed.roles ?? []).map((r) => [r.name, r]));
  const builtIn = BUILT_IN_ROLES.map((r) => ({
    uuid: r.uuid ?? given.get(r.name)?.uuid ?? seededUuid('role', r.name),
    name: r.name,
    ...(r.description === undefined ? {} : { description: r.description }),
    systemDefined: true,
    permissions: [...r.permissions],
    createdAt,
  }));
  const custom = (seed.roles ?? [])
    .filter((r) => !BUILT_IN_ROLES.some((b) => b.name === r.name))
    .map((r) => ({
      uuid: r.uuid ?? seededUuid('role', r.name),
      name: r.name,
      ...(r.description === undefined ? {} : { description: r.description }),
      systemDefined: false,
      permissions: [...(r.permissions ?? [])],
      createdAt,
    }));
  return [...builtIn, ...custom];
}

function seedTeams(
  seed: SeedFile,
  createdAt: string,
): { teams: StoredTeam[]; defaultTeamName: string | null } {
  const team = (name: string, uuid?: string): StoredTeam => ({
    uuid: uuid ?? seededUuid('team', name),
    name,
    createdAt,
    members: [],
    administrators: [],
  });
  const teams = (seed.teams ?? []).map((t) => team(t.name, t.uuid));
  const defaultTeamName = seed.defaultTeam === undefined ? 'Default' : seed.defaultTeam;
  if (defaultTeamName && !teams.some((t) => t.name === defaultTeamName)) teams.push(team(defaultTeamName));
  return { teams, defaultTeamName };
}

/** People first (an administrator "admin" when the seed has none), then system accounts. */
function seedPeople(seed: SeedFile): [SeedUser, 0 | 1][] {
  const humans = seed.users ?? [];
  return [
    ...(humans.length > 0
      ? humans
      : [{ name: 'admin', email: 'admin@example.com', roles: ['Administrator'] }]
    ).map((u): [SeedUser, 0 | 1] => [u, 0]),
    ...(seed.systemAccounts ?? []).map((u): [SeedUser, 0 | 1] => [u, 1]),
  ];
}

interface Lookups {
  roleByName: Map<string, StoredRole>;
  teamByName: Map<string, StoredTeam>;
  createdAt: string;
}

function seedUser(u: SeedUser, type: 0 | 1, index: number, at: Lookups): StoredUser {
  const uuid = u.uuid ?? seededUuid(type === 1 ? 'system-account' : 'user', u.name);
  const roleUuids = (u.roles ?? [type === 1 ? 'CI/CD' : 'User']).map((name) => {
    const role = at.roleByName.get(name.toLowerCase());
    if (!role) throw new UsageError(`seed: ${u.name} has unknown role "${name}"`);
    return role.uuid;
  });
  for (const name of u.teams ?? []) {
    const team = at.teamByName.get(name.toLowerCase());
    if (!team) throw new UsageError(`seed: ${u.name} is in unknown team "${name}"`);
    team.members.push(uuid);
  }
  return {
    uuid,
    name: u.name,
    ...(u.email === undefined ? {} : { email: u.email }),
    active: u.state !== 'disabled',
    type,
    createdAt: timestamp(new Date(Date.parse(at.createdAt) + index * 1000)),
    updatedAt: at.createdAt,
    roles: roleUuids.filter((r) => r !== TEAM_ADMINISTRATOR_ROLE_UUID),
  };
}

function seedTokens(u: SeedUser, user: StoredUser, adminToken: string | undefined): StoredToken[] {
  // --admin-token wins over the seed's token: the emulator starts from a seed by default.
  const readWrite = adminToken ?? u.tokens?.readWrite ?? randomToken();
  const readOnly = u.tokens?.readOnly ?? randomToken();
  return [
    { uuid: seededUuid('token-rw', u.name), value: readWrite, userUuid: user.uuid, readOnly: false },
    { uuid: seededUuid('token-ro', u.name), value: readOnly, userUuid: user.uuid, readOnly: true },
  ];
}

function seedAdministrators(seed: SeedFile, users: StoredUser[], teamByName: Map<string, StoredTeam>): void {
  for (const t of seed.teams ?? []) {
    const team = teamByName.get(t.name.toLowerCase())!;
    for (const admin of t.administrators ?? []) {
      const user = users.find((u) => u.name === admin);
      if (!user) throw new UsageError(`seed: team ${t.name} has unknown administrator "${admin}"`);
      team.administrators.push(user.uuid);
      if (!team.members.includes(user.uuid)) team.members.push(user.uuid);
    }
  }
}

/** Builds the initial state from a seed; returns the tokens by user name (read/write and read-only). */
export function stateFromSeed(
  seed: SeedFile,
  options: { adminToken?: string; now?: string } = {},
): { state: StoreState; tokens: TokensByName } {
  const createdAt = options.now ?? DEFAULT_CREATED_AT;
  const roles = seedRoles(seed, createdAt);
  const { teams, defaultTeamName } = seedTeams(seed, createdAt);
  const at: Lookups = {
    roleByName: new Map(roles.map((r) => [r.name.toLowerCase(), r])),
    teamByName: new Map(teams.map((t) => [t.name.toLowerCase(), t])),
    createdAt,
  };
  const users: StoredUser[] = [];
  const tokens: StoredToken[] = [];
  const tokensByName: TokensByName = {};
  seedPeople(seed).forEach(([u, type], index) => {
    const user = seedUser(u, type, index, at);
    const firstAdmin = index === 0 && type === 0 && user.roles.includes(ADMINISTRATOR_ROLE_UUID);
    const issued = seedTokens(u, user, firstAdmin ? options.adminToken : undefined);
    users.push(user);
    tokens.push(...issued);
    tokensByName[u.name] = { readWrite: issued[0]!.value, readOnly: issued[1]!.value };
  });
  seedAdministrators(seed, users, at.teamByName);
  const defaultTeam = defaultTeamName ? at.teamByName.get(defaultTeamName.toLowerCase())!.uuid : null;
  return { state: { users, deleted: [], teams, roles, tokens, defaultTeam }, tokens: tokensByName };
}

/** Tokens by user name, from a saved state (what `--state` reloads). */
export function tokensByName(state: StoreState): TokensByName {
  const tokens: TokensByName = {};
  for (const t of state.tokens) {
    const user = state.users.find((u) => u.uuid === t.userUuid);
    if (!user) continue;
    tokens[user.name] ??= { readWrite: '', readOnly: '' };
    tokens[user.name]![t.readOnly ? 'readOnly' : 'readWrite'] = t.value;
  }
  return tokens;
}
