/** What the emulator holds: the organization's users, teams, roles and tokens. */
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

/** Who sent a request: the token's owner, and whether the token is the read-only one. */
export interface Caller {
  user: StoredUser;
  readOnly: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** PactFlow's timestamp form: ISO-8601 with an offset, no milliseconds. */
export const timestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
