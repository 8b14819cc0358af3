import type { ApiUser, Writer } from '../pactflow/types.js';
import type { Action, Step } from '../plan/types.js';
import type { LiveAccount } from '../state/types.js';

/** What apply needs: the writes, and one read to see a new account as the server made it. */
export interface ApplyPort extends Writer {
  getUser(uuid: string): Promise<ApiUser>;
}

export type OutcomeStatus = 'done' | 'failed' | 'interrupted' | 'skipped';

export interface Outcome {
  /** The account's name, or for `kind: 'role'` the role's. */
  account: string;
  kind?: 'role';
  action: Action;
  status: OutcomeStatus;
  /** Completes "account X has been created" or says what failed and why. */
  message: string;
  /** API calls made for this account. */
  calls: number;
  /** False when running apply again would fail the same way (PactFlow ignores what was asked). */
  rerunHelps?: false;
}

/** The first write PactFlow refused with 403, which stopped the run. */
export interface Refusal403 {
  account: string;
  method: string;
  path: string;
  /** The scope the refused endpoint needs. */
  permission: string;
  /**
   * `read-only-token`: the caller's roles grant the permission, so the token itself cannot write
   * (the "Read only token (developer)"); `missing-permission`: the caller's roles lack it.
   */
  cause: 'read-only-token' | 'missing-permission';
}

/** PactFlow stopped answering: this many account changes in a row failed to reach it. */
export interface Unreachable {
  failures: number;
  /** The network error's code, e.g. ECONNREFUSED. */
  code: string;
}

export interface ApplyResult {
  outcomes: Outcome[];
  interrupted: boolean;
  refused?: Refusal403;
  unreachable?: Unreachable;
}

/** Why a run starts no new step. */
export type StopReason = 'interrupted' | 'refused' | 'unreachable';

/** The end of "account X was stopped before its Y step: …" and "… was not started (…)". */
export const STOPPED_BECAUSE: Record<StopReason, string> = {
  interrupted: 'interrupted',
  refused: 'PactFlow refused a write',
  unreachable: 'PactFlow stopped answering',
};

/** Progress: a step started (accounts only), or a change finished (accounts and roles). */
export type ApplyEvent =
  | { type: 'step'; account: string; step: Step['kind']; started: number; total: number }
  | { type: 'finished'; outcome: Outcome; finished: number; total: number };

export interface ExecuteOptions {
  concurrency?: number;
  /** Once aborted, no new account or step starts; those in flight finish. */
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
  /**
   * The accounts as read in this run (for a saved plan: at apply time, when its staleness was
   * checked). A PUT of a user is a full replace, so it carries these values with the change on top.
   */
  live?: readonly LiveAccount[];
  /** The caller's permission scopes, to tell a read-only token from a missing permission. */
  callerPermissions?: readonly string[];
}
