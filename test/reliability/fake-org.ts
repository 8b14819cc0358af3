import type { ApplyPort } from '../../src/apply/types.js';
import type { ApiRole, ApiTeam, ApiUser, LiveReader, UserValues } from '../../src/pactflow/types.js';

/**
 * An in-memory PactFlow organization with the API's semantics that matter to plan and apply:
 * system accounts and people, roles by uuid, per-member teams, 404 for what is gone, a new system
 * account born with CI/CD (and, if `autoTeam`, in the Default team). It records every write with the
 * uuid it touched, so properties can say what was written to. Fast enough for 1,000 runs a property.
 */
export interface FakeUser {
  uuid: string;
  name: string;
  email?: string;
  active: boolean;
  type: 0 | 1;
  roles: string[];
}

export interface FakeOrgSeed {
  roles: { uuid: string; name: string }[];
  teams: { uuid: string; name: string; members: string[] }[];
  users: FakeUser[];
  callerUuid: string;
  /** New system accounts are added to the first team, as some PactFlow tenants do. */
  autoTeam?: boolean;
}

export interface WriteRecord {
  op: 'create' | 'update' | 'delete' | 'set-roles' | 'add-team' | 'remove-team';
  /** The user written to (for a create: the new account). */
  uuid: string;
}

class NotFound extends Error {
  readonly status = 404;
}

export class FakeOrg implements LiveReader, ApplyPort {
  readonly baseUrl = 'https://fake.pactflow.test';
  readonly writes: WriteRecord[] = [];
  reads = 0;
  private readonly roles: { uuid: string; name: string }[];
  private readonly teams: { uuid: string; name: string; members: Set<string> }[];
  private readonly users = new Map<string, FakeUser>();
  private next = 0;

  constructor(private readonly seed: FakeOrgSeed) {
    this.roles = seed.roles.map((r) => ({ ...r }));
    this.teams = seed.teams.map((t) => ({ ...t, members: new Set(t.members) }));
    for (const u of seed.users) this.users.set(u.uuid, { ...u, roles: [...u.roles] });
  }

  /** Every user as it stands, for before/after comparisons. */
  snapshot(): Map<string, FakeUser & { teams: string[] }> {
    return new Map(
      [...this.users.values()].map((u) => [
        u.uuid,
        {
          ...u,
          roles: [...u.roles].sort(),
          teams: this.teamsOf(u.uuid)
            .map((t) => t.uuid)
            .sort(),
        },
      ]),
    );
  }

  private teamsOf(uuid: string) {
    return this.teams.filter((t) => t.members.has(uuid));
  }

  private api(u: FakeUser): ApiUser {
    return {
      uuid: u.uuid,
      name: u.name,
      ...(u.email === undefined ? {} : { email: u.email }),
      active: u.active,
      type: u.type,
      roles: u.roles.map((id) => {
        const role = this.roles.find((r) => r.uuid === id)!;
        return { uuid: role.uuid, name: role.name, permissions: [] };
      }),
      teams: this.teamsOf(u.uuid).map((t) => ({ uuid: t.uuid, name: t.name })),
    };
  }

  private user(uuid: string): FakeUser {
    const u = this.users.get(uuid);
    if (!u) throw new NotFound(`no user ${uuid}`);
    return u;
  }

  async currentUser(): Promise<ApiUser> {
    this.reads++;
    return this.api(this.user(this.seed.callerUuid));
  }

  async listRoles(): Promise<ApiRole[]> {
    this.reads++;
    return this.roles.map((r) => ({ ...r, permissions: [], systemDefined: true }));
  }

  /** Custom roles are not part of these scenarios: a role write is a failure the test would see. */
  async createRole(): Promise<{ uuid: string }> {
    throw new Error('the fake organization does not write roles');
  }

  async updateRole(): Promise<void> {
    throw new Error('the fake organization does not write roles');
  }

  async deleteRole(): Promise<void> {
    throw new Error('the fake organization does not write roles');
  }

  async listTeams(): Promise<ApiTeam[]> {
    this.reads++;
    return this.teams.map((t) => ({ uuid: t.uuid, name: t.name }));
  }

  async listSystemAccounts(): Promise<ApiUser[]> {
    this.reads++;
    return [...this.users.values()].filter((u) => u.type === 1).map((u) => this.api(u));
  }

  async getUser(uuid: string): Promise<ApiUser> {
    this.reads++;
    return this.api(this.user(uuid));
  }

  async findSystemAccountByName(name: string): Promise<ApiUser | undefined> {
    this.reads++;
    const u = [...this.users.values()].find(
      (x) => x.type === 1 && x.name.toLowerCase() === name.toLowerCase(),
    );
    return u && this.api(u);
  }

  async createSystemAccount(account: { name: string; email?: string }): Promise<{ uuid: string }> {
    const uuid = `new-${++this.next}`;
    const cicd = this.roles.find((r) => r.name === 'CI/CD');
    this.users.set(uuid, {
      uuid,
      name: account.name,
      ...(account.email ? { email: account.email } : {}),
      active: true,
      type: 1,
      roles: cicd ? [cicd.uuid] : [],
    });
    if (this.seed.autoTeam) this.teams[0]?.members.add(uuid);
    this.writes.push({ op: 'create', uuid });
    return { uuid };
  }

  async updateUser(values: UserValues): Promise<{ active: boolean }> {
    const u = this.user(values.uuid);
    this.writes.push({ op: 'update', uuid: values.uuid });
    u.name = values.name;
    u.active = values.active;
    if (values.email === undefined) delete u.email;
    else u.email = values.email;
    return { active: u.active };
  }

  async deleteUser(uuid: string): Promise<void> {
    this.user(uuid);
    this.writes.push({ op: 'delete', uuid });
    this.users.delete(uuid);
    for (const t of this.teams) t.members.delete(uuid);
  }

  async setRoles(uuid: string, roleUuids: string[]): Promise<void> {
    const u = this.user(uuid);
    this.writes.push({ op: 'set-roles', uuid });
    u.roles = [...new Set(roleUuids)].filter((id) => this.roles.some((r) => r.uuid === id));
  }

  async addTeamMember(teamUuid: string, userUuid: string): Promise<void> {
    this.user(userUuid);
    const team = this.teams.find((t) => t.uuid === teamUuid);
    if (!team) throw new NotFound(`no team ${teamUuid}`);
    this.writes.push({ op: 'add-team', uuid: userUuid });
    team.members.add(userUuid);
  }

  async removeTeamMember(teamUuid: string, userUuid: string): Promise<void> {
    const team = this.teams.find((t) => t.uuid === teamUuid);
    if (!team || !team.members.has(userUuid)) throw new NotFound('not a member');
    this.writes.push({ op: 'remove-team', uuid: userUuid });
    team.members.delete(userUuid);
  }
}
