import { UsageError } from '../errors.js';
import { randomUUID } from 'node:crypto';
import type { WirePermission, WireRole, WireTeam, WireUser } from '../pactflow/wire.js';
import { ADMINISTRATOR_ROLE_UUID, TEAM_ADMINISTRATOR_ROLE_UUID } from '../pactflow/wire.js';
import type { SeedFile, SeedUser } from './seed.js';
import { BUILT_IN_ROLES, randomToken, seededUuid } from './seed.js';

export interface StoredUser {
  uuid: string;
  name: string;
  email?: string;
  active: boolean;
  type: 0 | 1;
  createdAt: string;
  updatedAt: string;
  /** Assigned role uuids; Team Administrator is derived from teams, never stored here. */
  roles: string[];
}

export interface StoredTeam {
  uuid: string;
  name: string;
  createdAt: string;
  members: string[];
  administrators: string[];
}

export interface StoredRole {
  uuid: string;
  name: string;
  description?: string;
  systemDefined: boolean;
  permissions: string[];
  createdAt: string;
}

export interface StoredToken {
  uuid: string;
  value: string;
  userUuid: string;
  readOnly: boolean;
}

/** Everything the emulator holds; what `--state` persists and `snapshot()` returns. */
export interface StoreState {
  users: StoredUser[];
  deleted: string[];
  teams: StoredTeam[];
  roles: StoredRole[];
  tokens: StoredToken[];
  defaultTeam: string | null;
}

/** An HTTP answer other than success, with a PactFlow-shaped body. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export const fieldError = (status: number, field: string, message: string) =>
  new Problem(status, { errors: { [field]: [message] } });
export const listError = (status: number, message: string) => new Problem(status, { errors: [message] });
export const objectError = (status: number, message: string) =>
  new Problem(status, { error: { message, reference: randomUUID().slice(0, 8) } });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export interface Caller {
  user: StoredUser;
  readOnly: boolean;
}

/** The emulated organization and the rules PactFlow enforces on it. */
export class Store {
  private users = new Map<string, StoredUser>();
  private deleted = new Set<string>();
  private teams = new Map<string, StoredTeam>();
  private roles = new Map<string, StoredRole>();
  private tokens = new Map<string, StoredToken>();
  private defaultTeam: string | null = null;

  constructor(
    state: StoreState,
    private readonly baseUrl: () => string,
    private readonly now: () => string = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
  ) {
    for (const u of state.users) this.users.set(u.uuid, { ...u, roles: [...u.roles] });
    for (const d of state.deleted) this.deleted.add(d);
    for (const t of state.teams)
      this.teams.set(t.uuid, { ...t, members: [...t.members], administrators: [...t.administrators] });
    for (const r of state.roles) this.roles.set(r.uuid, { ...r, permissions: [...r.permissions] });
    for (const t of state.tokens) this.tokens.set(t.value, { ...t });
    this.defaultTeam = state.defaultTeam;
  }

  snapshot(): StoreState {
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
    return structuredClone({
      users: [...this.users.values()].sort(byName),
      deleted: [...this.deleted].sort(),
      teams: [...this.teams.values()].sort(byName),
      roles: [...this.roles.values()].sort(byName),
      tokens: [...this.tokens.values()].sort((a, b) => a.uuid.localeCompare(b.uuid)),
      defaultTeam: this.defaultTeam,
    });
  }

  // ---- auth -------------------------------------------------------------------------------

  authenticate(header: string | undefined): Caller {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
    const stored = token ? this.tokens.get(token) : undefined;
    const user = stored ? this.users.get(stored.userUuid) : undefined;
    if (!stored || !user) throw objectError(401, 'Unauthorized: missing or invalid bearer token');
    if (!user.active) throw objectError(401, 'Unauthorized: the token belongs to a disabled account');
    return { user, readOnly: stored.readOnly };
  }

  /** Permission scopes of a user, Team Administrator included when it administers a team. */
  permissionsOf(user: StoredUser): Set<string> {
    const scopes = new Set<string>();
    for (const uuid of this.roleUuidsOf(user))
      for (const p of this.roles.get(uuid)?.permissions ?? []) scopes.add(p);
    return scopes;
  }

  private roleUuidsOf(user: StoredUser): string[] {
    const administers = [...this.teams.values()].some((t) => t.administrators.includes(user.uuid));
    return administers && this.roles.has(TEAM_ADMINISTRATOR_ROLE_UUID)
      ? [...user.roles, TEAM_ADMINISTRATOR_ROLE_UUID]
      : user.roles;
  }

  private sharesTeam(a: StoredUser, b: StoredUser): boolean {
    return [...this.teams.values()].some((t) => t.members.includes(a.uuid) && t.members.includes(b.uuid));
  }

  requireRead(caller: Caller): void {
    const p = this.permissionsOf(caller.user);
    if (
      ![
        'user:manage:*',
        'system_account:manage:*',
        'system_account:manage:team',
        'team:manage:*',
        'role:manage:*',
      ].some((s) => p.has(s))
    ) {
      throw objectError(403, 'Forbidden: you need an administrative permission to read this');
    }
  }

  private requireWrite(caller: Caller): void {
    if (caller.readOnly) throw objectError(403, 'Forbidden: a read only token cannot make changes');
  }

  /** Managing a user: system accounts need system_account:manage (* or shared team); people, user:manage:*. */
  private requireManage(caller: Caller, target: StoredUser): void {
    this.requireWrite(caller);
    const p = this.permissionsOf(caller.user);
    const allowed =
      target.type === 1
        ? p.has('system_account:manage:*') ||
          (p.has('system_account:manage:team') && this.sharesTeam(caller.user, target))
        : p.has('user:manage:*');
    if (!allowed) {
      throw objectError(
        403,
        `Forbidden: managing ${target.type === 1 ? 'system accounts needs system_account:manage' : 'users needs user:manage:*'}`,
      );
    }
  }

  private requireTeamManage(caller: Caller, team: StoredTeam): void {
    this.requireWrite(caller);
    const p = this.permissionsOf(caller.user);
    if (!(
      p.has('team:manage:*') ||
      (p.has('team:manage:team') && team.administrators.includes(caller.user.uuid))
    )) {
      throw objectError(403, 'Forbidden: managing team members needs team:manage');
    }
  }

  // ---- rendering -------------------------------------------------------------------------

  private link(path: string, title: string) {
    return { href: `${this.baseUrl()}${path}`, title };
  }

  private permissionObjects(scopes: string[]): WirePermission[] {
    return scopes.map((scope) => ({ scope, label: scope, group: scope.split(':')[0]! }));
  }

  renderUser(user: StoredUser): WireUser {
    return {
      uuid: user.uuid,
      name: user.name,
      ...(user.email === undefined ? {} : { email: user.email }),
      active: user.active,
      type: user.type,
      typeDescription: user.type === 1 ? 'System Account' : 'User',
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      _embedded: {
        roles: this.roleUuidsOf(user).flatMap((uuid) => {
          const role = this.roles.get(uuid);
          return role
            ? [
                {
                  uuid,
                  name: role.name,
                  permissions: this.permissionObjects(role.permissions),
                  _links: { self: this.link(`/admin/roles/${uuid}`, 'Role') },
                },
              ]
            : [];
        }),
        teams: [...this.teams.values()]
          .filter((t) => t.members.includes(user.uuid))
          .map((t) => ({
            uuid: t.uuid,
            name: t.name,
            _links: { self: this.link(`/admin/teams/${t.uuid}`, 'Team') },
          })),
      },
      _links: { self: this.link(`/admin/users/${user.uuid}`, 'User') },
    };
  }

  renderRole(role: StoredRole): WireRole {
    return {
      uuid: role.uuid,
      name: role.name,
      ...(role.description === undefined ? {} : { description: role.description }),
      systemDefined: role.systemDefined,
      permissions: this.permissionObjects(role.permissions),
      createdAt: role.createdAt,
      _links: { self: this.link(`/admin/roles/${role.uuid}`, 'Role') },
    };
  }

  renderTeam(team: StoredTeam): WireTeam {
    return {
      uuid: team.uuid,
      name: team.name,
      numberOfMembers: team.members.length,
      createdAt: team.createdAt,
      _links: { self: this.link(`/admin/teams/${team.uuid}`, 'Team') },
    };
  }

  // ---- reads ----------------------------------------------------------------------------

  listUsers(filter: { userType?: number; active?: boolean; q?: string }): StoredUser[] {
    const q = filter.q?.toLowerCase();
    return [...this.users.values()]
      .filter((u) => filter.userType === undefined || u.type === filter.userType)
      .filter((u) => filter.active === undefined || u.active === filter.active)
      .filter((u) => !q || u.name.toLowerCase().includes(q) || (u.email ?? '').toLowerCase().includes(q))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  }

  user(uuid: string): StoredUser {
    if (!isUuid(uuid)) throw listError(400, `Invalid uuid: ${uuid}`);
    if (this.deleted.has(uuid)) throw objectError(410, `User ${uuid} has been deleted`);
    const user = this.users.get(uuid);
    if (!user) throw objectError(404, `User ${uuid} not found`);
    return user;
  }

  team(uuid: string): StoredTeam {
    if (!isUuid(uuid)) throw listError(400, `Invalid uuid: ${uuid}`);
    const team = this.teams.get(uuid);
    if (!team) throw objectError(404, `Team ${uuid} not found`);
    return team;
  }

  listRoles(): StoredRole[] {
    return [...this.roles.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  listTeams(): StoredTeam[] {
    return [...this.teams.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  teamMembers(team: StoredTeam): StoredUser[] {
    return team.members.flatMap((uuid) => this.users.get(uuid) ?? []);
  }

  tokensOf(user: StoredUser): StoredToken[] {
    return [...this.tokens.values()].filter((t) => t.userUuid === user.uuid);
  }

  // ---- writes ---------------------------------------------------------------------------

  createSystemAccount(caller: Caller, body: unknown): StoredUser {
    this.requireWrite(caller);
    const p = this.permissionsOf(caller.user);
    if (!p.has('system_account:manage:*') && !p.has('system_account:manage:team')) {
      throw objectError(403, 'Forbidden: creating system accounts needs system_account:manage');
    }
    const b = (body ?? {}) as { name?: unknown; email?: unknown };
    if (typeof b.name !== 'string' || b.name.trim() === '') throw fieldError(400, 'name', "can't be blank");
    if (b.email !== undefined && b.email !== null && typeof b.email !== 'string')
      throw fieldError(400, 'email', 'must be a string');
    const name = b.name;
    if ([...this.users.values()].some((u) => u.name.toLowerCase() === name.toLowerCase())) {
      throw fieldError(400, 'name', `A user with the name "${name}" already exists`);
    }
    const cicd = [...this.roles.values()].find((r) => r.name === 'CI/CD');
    const now = this.now();
    const user: StoredUser = {
      uuid: randomUUID(),
      name,
      ...(typeof b.email === 'string' && b.email !== '' ? { email: b.email } : {}),
      active: true,
      type: 1,
      createdAt: now,
      updatedAt: now,
      roles: cicd ? [cicd.uuid] : [],
    };
    this.users.set(user.uuid, user);
    this.issueTokens(user);
    if (this.defaultTeam) this.teams.get(this.defaultTeam)?.members.push(user.uuid);
    return user;
  }

  issueTokens(
    user: StoredUser,
    given: { readWrite?: string | undefined; readOnly?: string | undefined } = {},
  ): void {
    for (const readOnly of [true, false]) {
      const value = (readOnly ? given.readOnly : given.readWrite) ?? randomToken();
      this.tokens.set(value, { uuid: randomUUID(), value, userUuid: user.uuid, readOnly });
    }
  }

  updateUser(caller: Caller, uuid: string, body: unknown): StoredUser {
    const user = this.user(uuid);
    this.requireManage(caller, user);
    const b = (body ?? {}) as { name?: unknown; email?: unknown; active?: unknown };
    if (typeof b !== 'object' || Array.isArray(b)) throw listError(400, 'Body must be a JSON object');
    if (b.name !== undefined && (typeof b.name !== 'string' || b.name.trim() === ''))
      throw fieldError(400, 'name', "can't be blank");
    if (b.email !== undefined && b.email !== null && typeof b.email !== 'string')
      throw fieldError(400, 'email', 'must be a string');
    if (b.active !== undefined && typeof b.active !== 'boolean')
      throw fieldError(400, 'active', 'must be true or false');
    if (typeof b.name === 'string') {
      const name = b.name;
      if (
        [...this.users.values()].some((u) => u.uuid !== uuid && u.name.toLowerCase() === name.toLowerCase())
      ) {
        throw fieldError(400, 'name', `A user with the name "${name}" already exists`);
      }
      user.name = name;
    }
    if (typeof b.email === 'string') user.email = b.email;
    if (b.email === null) delete user.email;
    if (typeof b.active === 'boolean') {
      if (!b.active && user.uuid === caller.user.uuid)
        throw objectError(400, 'You cannot disable your own account');
      user.active = b.active;
    }
    user.updatedAt = this.now();
    return user;
  }

  deleteUser(caller: Caller, uuid: string): void {
    const user = this.user(uuid);
    this.requireManage(caller, user);
    if (user.uuid === caller.user.uuid) throw objectError(400, 'You cannot delete your own account');
    this.users.delete(uuid);
    this.deleted.add(uuid);
    for (const [value, token] of this.tokens) if (token.userUuid === uuid) this.tokens.delete(value);
    for (const team of this.teams.values()) {
      team.members = team.members.filter((m) => m !== uuid);
      team.administrators = team.administrators.filter((m) => m !== uuid);
    }
  }

  private checkRoleChange(caller: Caller, user: StoredUser): void {
    this.requireManage(caller, user);
    if (user.uuid === caller.user.uuid) throw objectError(403, 'Forbidden: you cannot change your own roles');
  }

  private assignableRole(uuid: unknown): StoredRole {
    if (!isUuid(uuid)) throw fieldError(400, 'roles', `Invalid role uuid: ${String(uuid)}`);
    const role = this.roles.get(uuid);
    if (!role) throw fieldError(400, 'roles', `Role with uuid ${uuid} not found`);
    if (uuid === TEAM_ADMINISTRATOR_ROLE_UUID)
      throw fieldError(400, 'roles', 'The Team Administrator role is locked and cannot be assigned');
    return role;
  }

  setRoles(caller: Caller, uuid: string, body: unknown): void {
    const user = this.user(uuid);
    this.checkRoleChange(caller, user);
    const roles = (body as { roles?: unknown } | null)?.roles;
    if (!Array.isArray(roles)) throw fieldError(400, 'roles', 'must be a list of role uuids');
    const assigned = roles.map((r) => this.assignableRole(r).uuid);
    user.roles = [...new Set(assigned)];
    user.updatedAt = this.now();
  }

  addRole(caller: Caller, uuid: string, roleUuid: string): void {
    const user = this.user(uuid);
    this.checkRoleChange(caller, user);
    const role = this.assignableRole(roleUuid);
    if (!user.roles.includes(role.uuid)) user.roles.push(role.uuid);
    user.updatedAt = this.now();
  }

  removeRole(caller: Caller, uuid: string, roleUuid: string): void {
    const user = this.user(uuid);
    this.checkRoleChange(caller, user);
    const role = this.assignableRole(roleUuid);
    user.roles = user.roles.filter((r) => r !== role.uuid);
    user.updatedAt = this.now();
  }

  private memberUuids(body: unknown): string[] {
    const users = (body as { users?: unknown } | null)?.users;
    if (!Array.isArray(users)) throw fieldError(400, 'users', 'must be a list of user uuids');
    return users.map((u) => {
      if (!isUuid(u)) throw fieldError(400, 'users', `Invalid user uuid: ${String(u)}`);
      if (!this.users.has(u)) throw fieldError(400, 'users', `User with uuid ${u} not found`);
      return u;
    });
  }

  addMembers(caller: Caller, teamUuid: string, body: unknown): StoredTeam {
    const team = this.team(teamUuid);
    this.requireTeamManage(caller, team);
    for (const u of this.memberUuids(body)) if (!team.members.includes(u)) team.members.push(u);
    return team;
  }

  /** The team-wide replace that this project's client must never use; here so tests can prove it. */
  replaceMembers(caller: Caller, teamUuid: string, body: unknown): StoredTeam {
    const team = this.team(teamUuid);
    this.requireTeamManage(caller, team);
    team.members = [...new Set(this.memberUuids(body))];
    return team;
  }

  patchMembers(caller: Caller, teamUuid: string, body: unknown): StoredTeam {
    const team = this.team(teamUuid);
    this.requireTeamManage(caller, team);
    if (!Array.isArray(body)) throw listError(400, 'Body must be a JSON Patch array');
    const ops = body.map((op: unknown) => {
      const o = op as { op?: unknown; path?: unknown; value?: { uuid?: unknown } };
      if ((o.op !== 'add' && o.op !== 'remove') || o.path !== '/users' || !isUuid(o.value?.uuid)) {
        throw listError(400, 'Each operation must be {op: "add"|"remove", path: "/users", value: {uuid}}');
      }
      if (!this.users.has(o.value.uuid))
        throw fieldError(400, 'users', `User with uuid ${o.value.uuid} not found`);
      return { op: o.op, uuid: o.value.uuid };
    });
    for (const { op, uuid } of ops) {
      if (op === 'add' && !team.members.includes(uuid)) team.members.push(uuid);
      if (op === 'remove') team.members = team.members.filter((m) => m !== uuid);
    }
    return team;
  }

  removeMember(caller: Caller, teamUuid: string, userUuid: string): void {
    const team = this.team(teamUuid);
    this.requireTeamManage(caller, team);
    if (!isUuid(userUuid)) throw listError(400, `Invalid uuid: ${userUuid}`);
    if (!team.members.includes(userUuid))
      throw objectError(404, `User ${userUuid} is not a member of team ${team.name}`);
    team.members = team.members.filter((m) => m !== userUuid);
  }
}

/** Builds the initial state from a seed; returns the tokens by user name (read/write and read-only). */
export function stateFromSeed(
  seed: SeedFile,
  options: { adminToken?: string; now?: string } = {},
): { state: StoreState; tokens: Record<string, { readWrite: string; readOnly: string }> } {
  const createdAt = options.now ?? '2024-01-01T00:00:00+00:00';
  const roles: StoredRole[] = [];
  const seedRoles = [
    ...BUILT_IN_ROLES,
    ...(seed.roles ?? []).filter((r) => !BUILT_IN_ROLES.some((b) => b.name === r.name)),
  ];
  for (const r of seedRoles) {
    roles.push({
      uuid: r.uuid ?? seededUuid('role', r.name),
      name: r.name,
      ...(r.description === undefined ? {} : { description: r.description }),
      systemDefined: BUILT_IN_ROLES.some((b) => b.name === r.name),
      permissions: [...r.permissions],
      createdAt,
    });
  }
  const roleByName = new Map(roles.map((r) => [r.name.toLowerCase(), r]));
  const teams: StoredTeam[] = (seed.teams ?? []).map((t) => ({
    uuid: t.uuid ?? seededUuid('team', t.name),
    name: t.name,
    createdAt,
    members: [],
    administrators: [],
  }));
  const defaultTeamName = seed.defaultTeam === undefined ? 'Default' : seed.defaultTeam;
  if (defaultTeamName && !teams.some((t) => t.name === defaultTeamName)) {
    teams.push({
      uuid: seededUuid('team', defaultTeamName),
      name: defaultTeamName,
      createdAt,
      members: [],
      administrators: [],
    });
  }
  const teamByName = new Map(teams.map((t) => [t.name.toLowerCase(), t]));

  const users: StoredUser[] = [];
  const tokens: StoredToken[] = [];
  const tokensByName: Record<string, { readWrite: string; readOnly: string }> = {};
  const humans = seed.users ?? [];
  const people: [SeedUser, 0 | 1][] = [
    ...(humans.length > 0
      ? humans
      : [{ name: 'admin', email: 'admin@example.com', roles: ['Administrator'] }]
    ).map((u): [SeedUser, 0 | 1] => [u, 0]),
    ...(seed.systemAccounts ?? []).map((u): [SeedUser, 0 | 1] => [u, 1]),
  ];
  people.forEach(([u, type], index) => {
    const uuid = u.uuid ?? seededUuid(type === 1 ? 'system-account' : 'user', u.name);
    const defaultRole = type === 1 ? 'CI/CD' : 'User';
    const roleUuids = (u.roles ?? [defaultRole]).map((name) => {
      const role = roleByName.get(name.toLowerCase());
      if (!role) throw new UsageError(`seed: ${u.name} has unknown role "${name}"`);
      return role.uuid;
    });
    users.push({
      uuid,
      name: u.name,
      ...(u.email === undefined ? {} : { email: u.email }),
      active: u.state !== 'disabled',
      type,
      createdAt: new Date(Date.parse(createdAt) + index * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      updatedAt: createdAt,
      roles: roleUuids.filter((r) => r !== TEAM_ADMINISTRATOR_ROLE_UUID),
    });
    for (const name of u.teams ?? []) {
      const team = teamByName.get(name.toLowerCase());
      if (!team) throw new UsageError(`seed: ${u.name} is in unknown team "${name}"`);
      team.members.push(uuid);
    }
    const firstAdmin = index === 0 && type === 0 && roleUuids.includes(ADMINISTRATOR_ROLE_UUID);
    const readWrite =
      u.tokens?.readWrite ?? (firstAdmin && options.adminToken ? options.adminToken : randomToken());
    const readOnly = u.tokens?.readOnly ?? randomToken();
    tokens.push({ uuid: seededUuid('token-rw', u.name), value: readWrite, userUuid: uuid, readOnly: false });
    tokens.push({ uuid: seededUuid('token-ro', u.name), value: readOnly, userUuid: uuid, readOnly: true });
    tokensByName[u.name] = { readWrite, readOnly };
  });
  for (const t of seed.teams ?? []) {
    const team = teamByName.get(t.name.toLowerCase())!;
    for (const admin of t.administrators ?? []) {
      const user = users.find((u) => u.name === admin);
      if (!user) throw new UsageError(`seed: team ${t.name} has unknown administrator "${admin}"`);
      team.administrators.push(user.uuid);
      if (!team.members.includes(user.uuid)) team.members.push(user.uuid);
    }
  }
  const defaultTeam = defaultTeamName ? teamByName.get(defaultTeamName.toLowerCase())!.uuid : null;
  return { state: { users, deleted: [], teams, roles, tokens, defaultTeam }, tokens: tokensByName };
}
