import type { RoleDefinition } from '../types/roles.js';
import type { ScopeDiff } from '../permissions/scopes.js';
import type { Ref } from '../state/types.js';

/** Actions by significance: a change is named after the most significant thing it does. */
export const ACTIONS = ['delete', 'create', 'rename', 'disable', 'enable', 'update'] as const;
export type Action = (typeof ACTIONS)[number];

/** Completes "account X has been …" / "X will be …". */
export const ACTION_PAST: Record<Action, string> = {
  create: 'created',
  rename: 'renamed',
  update: 'updated',
  enable: 'enabled',
  disable: 'disabled',
  delete: 'deleted',
};

/** The fields a change may touch, as a reviewer reads them. */
export interface AccountFields {
  name: string;
  email: string | null;
  state: 'enabled' | 'disabled';
  admin: boolean;
  /** Role names other than Administrator (that is `admin`) and server-managed ones, sorted. */
  roles: string[];
  /** Team names, sorted. */
  teams: string[];
}

/**
 * A role as a step names it. A role this plan creates has no uuid yet: apply runs the role's
 * create first and resolves the name to the uuid PactFlow gave it.
 */
export interface RoleRef {
  uuid?: string;
  name: string;
}

/** What the file asks of an account's roles and teams, resolved to live uuids. */
export interface ResolvedSpec {
  /** The exact role set (Administrator excluded); undefined: not managed. */
  roles?: RoleRef[];
  /** undefined: Administrator not managed. */
  admin?: boolean;
  /** The exact team memberships; undefined: not managed. */
  teams?: Ref[];
}

/** One API call (or, for `reconcile`, the calls decided after reading a new account back). */
export type Step =
  | { kind: 'create'; name: string; email?: string }
  | { kind: 'rename'; name: string }
  | { kind: 'set-email'; email: string }
  | { kind: 'set-roles'; roles: RoleRef[] }
  | { kind: 'add-team'; team: Ref }
  | { kind: 'remove-team'; team: Ref }
  | { kind: 'reconcile'; spec: ResolvedSpec; administrator?: Ref }
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'delete' };

/** `privilege-gain`: gains a `:manage:` scope, `user:invite` or the Administrator role. */
export type Risk = 'delete' | 'disable' | 'admin-grant' | 'admin-revoke' | 'privilege-gain';

/** Guards that no flag overrides; `scope`: the account is not one this file may change. */
export type GuardName = 'protected' | 'self-lockout' | 'scope' | 'role-in-use';

/** Something a reviewer should know that does not stop the plan, e.g. a glob that matches nothing. */
export interface PlanWarning {
  code: 'unmatched-protected' | 'unmatched-include' | 'ambiguous-name' | 'role-left-out';
  message: string;
}

export interface Refusal {
  guard: GuardName;
  message: string;
}

export interface Change {
  /** The account's name as the file spells it (its live name for unmanaged or deleted ones). */
  account: string;
  /** Live uuid; absent for a create. */
  uuid?: string;
  action: Action;
  /** `file`: the file asks for it; `unmanaged`: policy.unmanaged does. */
  origin: 'file' | 'unmanaged';
  before: Partial<AccountFields> | null;
  after: Partial<AccountFields> | null;
  steps: Step[];
  risks: Risk[];
  /** The scopes the account gains and loses, from the role catalogue; absent when they do not change. */
  permissions?: ScopeDiff;
  refused?: Refusal;
  /** Fingerprint of the live fields this change read; a saved plan is stale when it differs. */
  fingerprint: string;
}

export const ROLE_ACTIONS = ['delete', 'create', 'update'] as const;
export type RoleAction = (typeof ROLE_ACTIONS)[number];

/** A custom role's fields as a reviewer reads them. */
export interface RoleFields {
  name: string;
  description: string | null;
  /** Permission scopes, sorted. */
  permissions: string[];
}

export type RoleStep =
  | { kind: 'create-role'; role: RoleDefinition }
  | { kind: 'update-role'; role: RoleDefinition }
  | { kind: 'delete-role' };

/** How one account's effective permissions change. */
export interface AccountPermissions extends ScopeDiff {
  account: string;
}

/**
 * One custom role: created or updated before the account changes (which may use it), deleted after
 * them. Apply runs role creates and updates first, the account changes next, role deletes last.
 */
export interface RoleChange {
  role: string;
  /** Live uuid; absent for a create. */
  uuid?: string;
  action: RoleAction;
  /** `file`: the file defines it; `unmanaged`: policy.unmanagedRoles deletes it. */
  origin: 'file' | 'unmanaged';
  before: Partial<RoleFields> | null;
  after: Partial<RoleFields> | null;
  steps: RoleStep[];
  risks: Risk[];
  /** System accounts whose effective permissions this role change alone alters, by name. */
  accounts: AccountPermissions[];
  /** People (human users) holding the role, counted when its scopes change or it is deleted. */
  people?: number;
  refused?: Refusal;
  fingerprint: string;
}
export interface UnmanagedAccount {
  name: string;
  uuid: string;
  active: boolean;
  /** What the plan does about it. */
  disposition: 'ignore' | 'disable' | 'delete' | 'protected' | 'already-disabled';
}

export type LimitName = 'maxDeletes' | 'maxDisables' | 'maxAdminChanges';

export interface LimitCheck {
  count: number;
  limit: number;
}

export interface GuardReport {
  limits: Record<LimitName, LimitCheck>;
  /** Limits the plan goes over. */
  exceeded: LimitName[];
  /** Changes refused by protected names or self-lockout (never overridable). */
  refusals: { account: string; guard: GuardName; message: string }[];
  /** True when nothing refuses: apply may go ahead. */
  ok: boolean;
}

export type Summary = Record<Action, number> & {
  unchanged: number;
  unmanaged: number;
  outOfScope: number;
  refused: number;
  /** Custom role changes by action (absent in plans saved before roles were managed). */
  roleCreate?: number;
  roleUpdate?: number;
  roleDelete?: number;
  /** Changes (of accounts or roles) that grant a `:manage:` scope, `user:invite` or Administrator. */
  privilegeGains?: number;
};

/** The saved-plan document (formatVersion 1); also what `--format json` prints. */
export interface Plan {
  formatVersion: 1;
  generator: string;
  baseUrl: string;
  desired: { file: string; sha256: string };
  caller: { uuid: string; name: string };
  targets: string[] | null;
  summary: Summary;
  /** Short hash of the changes (not of timestamps or live fingerprints): what a reviewer approved. */
  hash: string;
  guards: GuardReport;
  changes: Change[];
  /** Custom role changes; plans saved before roles were managed have none. */
  roleChanges: RoleChange[];
  unmanaged: UnmanagedAccount[];
  /** Present when there is something to warn about; absent otherwise. */
  warnings?: PlanWarning[];
}

/** Whether applying the plan would change anything at all. */
export const hasChanges = (plan: Pick<Plan, 'changes' | 'roleChanges'>): boolean =>
  plan.changes.length > 0 || plan.roleChanges.length > 0;
