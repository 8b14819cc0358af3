/**
 * The desired-state file as TypeScript sees it. `schemas/accounts.schema.json` is the source of
 * truth; the field tables below are checked against it by a test, so the two cannot drift.
 */

export const ACCOUNT_STATES = ['enabled', 'disabled', 'deleted'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export const UNMANAGED_POLICIES = ['ignore', 'disable', 'delete'] as const;
export type UnmanagedPolicy = (typeof UNMANAGED_POLICIES)[number];

export const UNMANAGED_ROLE_POLICIES = ['ignore', 'delete'] as const;
export type UnmanagedRolePolicy = (typeof UNMANAGED_ROLE_POLICIES)[number];

export interface RoleEntry {
  name: string;
  description?: string;
  permissions: string[];
}

export interface SystemAccountEntry {
  name: string;
  email?: string;
  state?: AccountState;
  admin?: boolean;
  roles?: string[];
  teams?: string[];
  previousNames?: string[];
}

export interface ScopeSection {
  include?: string[];
  exclude?: string[];
}

export interface LimitsSection {
  maxDeletes?: number;
  maxDisables?: number;
  maxAdminChanges?: number;
}

export interface PolicySection {
  unmanaged?: UnmanagedPolicy;
  unmanagedRoles?: UnmanagedRolePolicy;
  scope?: ScopeSection;
  protected?: string[];
  limits?: LimitsSection;
}

export interface DefaultsSection {
  roles?: string[];
  teams?: string[];
}

export interface AccountsFile {
  version: 1;
  policy?: PolicySection;
  defaults?: DefaultsSection;
  roles?: RoleEntry[];
  systemAccounts: SystemAccountEntry[];
}

/** `true` = required, `false` = optional; one entry per property, no more, no fewer. */
type FieldTable<T> = { [K in keyof T]-?: undefined extends T[K] ? false : true };

export const FILE_FIELDS = {
  version: true,
  policy: false,
  defaults: false,
  roles: false,
  systemAccounts: true,
} as const satisfies FieldTable<AccountsFile>;

export const POLICY_FIELDS = {
  unmanaged: false,
  unmanagedRoles: false,
  scope: false,
  protected: false,
  limits: false,
} as const satisfies FieldTable<PolicySection>;

export const SCOPE_FIELDS = { include: false, exclude: false } as const satisfies FieldTable<ScopeSection>;

export const LIMITS_FIELDS = {
  maxDeletes: false,
  maxDisables: false,
  maxAdminChanges: false,
} as const satisfies FieldTable<LimitsSection>;

export const DEFAULTS_FIELDS = { roles: false, teams: false } as const satisfies FieldTable<DefaultsSection>;

export const ACCOUNT_FIELDS = {
  name: true,
  email: false,
  state: false,
  admin: false,
  roles: false,
  teams: false,
  previousNames: false,
} as const satisfies FieldTable<SystemAccountEntry>;

export const ROLE_FIELDS = {
  name: true,
  description: false,
  permissions: true,
} as const satisfies FieldTable<RoleEntry>;

export const DEFAULT_LIMITS = { maxDeletes: 0, maxDisables: 5, maxAdminChanges: 1 } as const;

/** Where something stands in the file. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  /** Where in the document, e.g. `systemAccounts[2].roles[0]`. */
  path: string;
}

/** One account after defaults are applied and names trimmed; what the planner consumes. */
export interface DesiredAccount {
  name: string;
  email?: string;
  state: AccountState;
  /** undefined: the Administrator role is not managed by this entry. */
  admin?: boolean;
  /** undefined: roles not managed. Never contains Administrator (that is `admin`). */
  roles?: string[];
  /** undefined: teams not managed. */
  teams?: string[];
  previousNames: string[];
  source: {
    entry: SourcePosition;
    roles: SourcePosition[];
    teams: SourcePosition[];
  };
}

/** A custom role the file owns, names trimmed, scopes sorted; what the planner consumes. */
export interface DesiredRole {
  name: string;
  /** undefined: not managed (the live description is kept). */
  description?: string;
  /** Sorted, without duplicates. */
  permissions: string[];
  source: {
    entry: SourcePosition;
    name: SourcePosition;
    /** Each scope where the file lists it, in file order. */
    permissions: { scope: string; at: SourcePosition }[];
  };
}

export interface DesiredPolicy {
  unmanaged: UnmanagedPolicy;
  unmanagedRoles: UnmanagedRolePolicy;
  include: string[];
  exclude: string[];
  protected: string[];
  limits: { maxDeletes: number; maxDisables: number; maxAdminChanges: number };
}

export interface DesiredState {
  file: string;
  /** sha256 of the file's bytes, recorded in saved plans. */
  sha256: string;
  policy: DesiredPolicy;
  /** Custom roles the file defines; empty when it has no `roles:` list. */
  roles: DesiredRole[];
  accounts: DesiredAccount[];
}
