import { randomUUID } from 'node:crypto';
import type { StoreState, StoredRole, StoredTeam, StoredToken, StoredUser } from './model.js';
import { isUuid, timestamp } from './model.js';
import { listError, objectError } from './problems.js';
import { randomToken } from './seed.js';

export type { Caller, StoreState, StoredRole, StoredTeam, StoredToken, StoredUser } from './model.js';

/**
 * The emulated organization's data and its lookups. The rules PactFlow enforces live beside it:
 * who may do what in access.ts, account writes in accounts.ts, team writes in teams.ts.
 */
export class Store {
  readonly users = new Map<string, StoredUser>();
  readonly deleted = new Set<string>();
  readonly teams = new Map<string, StoredTeam>();
  readonly roles = new Map<string, StoredRole>();
  /** By token value. */
  readonly tokens = new Map<string, StoredToken>();
  defaultTeam: string | null = null;

  constructor(
    state: StoreState,
    readonly now: () => string = () => timestamp(new Date()),
  ) {
    this.load(state);
  }

  /** Counts writes, so that what is derived from the data (lists, renderings) is kept until one. */
  private writes = 0;
  private lists?: { version: number; ordered: StoredUser[]; byFilter: Map<string, StoredUser[]> };

  /** Every write request calls this, whatever it answered: derived data is then built again. */
  changed(): void {
    this.writes++;
  }

  /** Changes with every write: derived data built at one version holds until it changes. */
  get version(): number {
    return this.writes;
  }

  /** Replaces everything held with a copy of `state`. */
  load(state: StoreState): void {
    this.changed();
    this.users.clear();
    this.deleted.clear();
    this.teams.clear();
    this.roles.clear();
    this.tokens.clear();
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

  /**
   * Users oldest first (name breaks ties), filtered. Every page of a list is cut from this, so it
   * is built once per write, not once per page: for 10,000 users that was most of a page's cost.
   */
  listUsers(filter: { userType?: number; active?: boolean; q?: string }): StoredUser[] {
    if (this.lists?.version !== this.version) {
      const ordered = [...this.users.values()].sort((a, b) =>
        // Timestamps share one ISO format, so plain comparison orders them, far faster than localeCompare.
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.name.localeCompare(b.name),
      );
      this.lists = { version: this.version, ordered, byFilter: new Map() };
    }
    const key = JSON.stringify([filter.userType, filter.active, filter.q]);
    const cached = this.lists.byFilter.get(key);
    if (cached) return cached;
    const q = filter.q?.toLowerCase();
    const users = this.lists.ordered.filter(
      (u) =>
        (filter.userType === undefined || u.type === filter.userType) &&
        (filter.active === undefined || u.active === filter.active) &&
        (!q || u.name.toLowerCase().includes(q) || (u.email ?? '').toLowerCase().includes(q)),
    );
    this.lists.byFilter.set(key, users);
    return users;
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

  nameTaken(name: string, except?: string): boolean {
    const wanted = name.toLowerCase();
    return [...this.users.values()].some((u) => u.uuid !== except && u.name.toLowerCase() === wanted);
  }

  listRoles(): StoredRole[] {
    return [...this.roles.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  listTeams(): StoredTeam[] {
    return [...this.teams.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  teamsOf(user: StoredUser): StoredTeam[] {
    return this.membership().members.get(user.uuid) ?? [];
  }

  administeredBy(user: StoredUser): StoredTeam[] {
    return this.membership().administrators.get(user.uuid) ?? [];
  }

  private index?: {
    key: unknown[];
    members: Map<string, StoredTeam[]>;
    administrators: Map<string, StoredTeam[]>;
  };

  /**
   * Teams by member and by administrator, in team-name order: every user a page renders asks,
   * and scanning every team's list for each would cost a page of 100 users a million compares.
   * Rebuilt when a list changed; lists are grown by push or replaced, never edited in place, so
   * each list's identity and length (and the team's name, for the order) tell.
   */
  private membership() {
    const partsOf = (t: StoredTeam) => [
      t,
      t.name,
      t.members,
      t.members.length,
      t.administrators,
      t.administrators.length,
    ];
    // Asked for every user a page renders: compared in place, without a list of parts per team.
    const fresh = (key: unknown[]) => {
      let i = 0;
      for (const t of this.teams.values()) {
        if (
          key[i] !== t ||
          key[i + 1] !== t.name ||
          key[i + 2] !== t.members ||
          key[i + 3] !== t.members.length ||
          key[i + 4] !== t.administrators ||
          key[i + 5] !== t.administrators.length
        )
          return false;
        i += 6;
      }
      return i === key.length;
    };
    if (this.index && fresh(this.index.key)) return this.index;
    const key = [...this.teams.values()].flatMap(partsOf);
    const members = new Map<string, StoredTeam[]>();
    const administrators = new Map<string, StoredTeam[]>();
    const add = (map: Map<string, StoredTeam[]>, uuid: string, team: StoredTeam) => {
      const list = map.get(uuid);
      if (list) {
        if (list[list.length - 1] !== team) list.push(team);
      } else map.set(uuid, [team]);
    };
    for (const team of this.listTeams()) {
      for (const uuid of team.members) add(members, uuid, team);
      for (const uuid of team.administrators) add(administrators, uuid, team);
    }
    this.index = { key, members, administrators };
    return this.index;
  }

  teamMembers(team: StoredTeam): StoredUser[] {
    return team.members.flatMap((uuid) => this.users.get(uuid) ?? []);
  }

  tokensOf(user: StoredUser): StoredToken[] {
    return [...this.tokens.values()].filter((t) => t.userUuid === user.uuid);
  }

  issueTokens(user: StoredUser): void {
    for (const readOnly of [true, false]) {
      const value = randomToken();
      this.tokens.set(value, { uuid: randomUUID(), value, userUuid: user.uuid, readOnly });
    }
  }

  /** A hard delete: the user, its tokens and its memberships go; its uuid answers 410 from now on. */
  remove(user: StoredUser): void {
    this.users.delete(user.uuid);
    this.deleted.add(user.uuid);
    for (const [value, token] of this.tokens) if (token.userUuid === user.uuid) this.tokens.delete(value);
    for (const team of this.teams.values()) {
      team.members = team.members.filter((m) => m !== user.uuid);
      team.administrators = team.administrators.filter((m) => m !== user.uuid);
    }
  }
}
