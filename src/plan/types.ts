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

/** What the file asks of an account's roles and teams, resolved to live uuids. */
export interface ResolvedSpec {
  /** The exact role set (Administrator excluded); undefined: not managed. */
  roles?: Ref[];
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
  | { kind: 'set-roles'; roles: Ref[] }
  | { kind: 'add-team'; team: Ref }
  | { kind: 'remove-team'; team: Ref }
  | { kind: 'reconcile'; spec: ResolvedSpec; administrator?: Ref }
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'delete' };

export type Risk = 'delete' | 'disable' | 'admin-grant' | 'admin-revoke';

/** Guards that no flag overrides; `scope`: the account is not one this file may change. */
export type GuardName = 'protected' | 'self-lockout' | 'scope';

/** Something a reviewer should know that does not stop the plan, e.g. a glob that matches nothing. */
export interface PlanWarning {
  code: 'unmatched-protected' | 'unmatched-include' | 'ambiguous-name';
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
  refused?: Refusal;
  /** Fingerprint of the live fields this change read; a saved plan is stale when it differs. */
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
  unmanaged: UnmanagedAccount[];
  /** Present when there is something to warn about; absent otherwise. */
  warnings?: PlanWarning[];
}
