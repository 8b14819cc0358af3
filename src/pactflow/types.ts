import type { RoleDefinition } from '../types/roles.js';
/** What the client hands to the rest of the tool, checked and normalized at the edge. */
export interface ApiRoleRef {
  uuid: string;
  name: string;
  /** Permission scopes, e.g. `system_account:manage:*`; empty when the response omitted them. */
  permissions: string[];
}

export interface ApiUser {
  uuid: string;
  name: string;
  email?: string;
  active: boolean;
  type: 0 | 1;
  roles: ApiRoleRef[];
  teams: { uuid: string; name: string }[];
  createdAt?: string;
  lastLogin?: string;
}

export interface ApiRole extends ApiRoleRef {
  description?: string;
  systemDefined: boolean;
}

/** A scope PactFlow lets a role grant (`GET /admin/permissions`). */
export interface ApiPermission {
  scope: string;
  label?: string;
}

export interface ApiTeam {
  uuid: string;
  name: string;
}

/** A token's metadata. Its value is dropped at the edge and never reaches the rest of the tool. */
export interface ApiToken {
  uuid: string;
  description: string;
  /** When PactFlow says, e.g. from `lastUsedAt`. */
  lastUsedAt?: string;
}

/** The fields `PUT /admin/users/{u}` replaces: the whole user, as it should be afterwards. */
export interface UserValues {
  uuid: string;
  name: string;
  email?: string;
  active: boolean;
}

/** Reads; `plan` holds only this, so it cannot write even by mistake. */
export interface LiveReader {
  readonly baseUrl: string;
  currentUser(): Promise<ApiUser>;
  listRoles(): Promise<ApiRole[]>;
  listTeams(): Promise<ApiTeam[]>;
  /**
   * Every system account (type 1), enabled and disabled, read as two lists merged by uuid — human
   * users are dropped even if the server ignores the filter.
   */
  listSystemAccounts(onProgress?: (read: number, total: number | undefined) => void): Promise<ApiUser[]>;
  getUser(uuid: string): Promise<ApiUser>;
  /** The system account with exactly this name (case-insensitive), if any. */
  findSystemAccountByName(name: string): Promise<ApiUser | undefined>;
}

/**
 * Reads beyond the live state, each for one purpose only: the people, to count who holds a custom
 * role a plan changes or deletes (never to change them); the scopes a role may grant, for
 * `validate --online`; a system account's tokens, for `show --activity`.
 */
export interface ExtraReader {
  listHumanUsers(): Promise<ApiUser[]>;
  listPermissions(): Promise<ApiPermission[]>;
  listTokens(accountUuid: string): Promise<ApiToken[]>;
}

/**
 * Writes. Each is one API call, apart from the reads that confirm a write (a team addition, an
 * answer without `active`) and the recovery reads after a write of unknown outcome.
 */
export interface Writer {
  createSystemAccount(account: { name: string; email?: string }): Promise<{ uuid: string }>;
  /**
   * A full replace: the caller passes the live values with the change on top. Answers `active` as
   * PactFlow left it, which an organization that ignores `active` does not change.
   */
  updateUser(user: UserValues): Promise<{ active: boolean }>;
  deleteUser(uuid: string): Promise<void>;
  setRoles(uuid: string, roleUuids: string[]): Promise<void>;
  addTeamMember(teamUuid: string, userUuid: string): Promise<void>;
  removeTeamMember(teamUuid: string, userUuid: string): Promise<void>;
  createRole(role: RoleDefinition): Promise<{ uuid: string }>;
  /** A full replace: name, description and exactly these scopes. */
  updateRole(uuid: string, role: RoleDefinition): Promise<void>;
  deleteRole(uuid: string): Promise<void>;
}
