import { InterruptedError, ToolError } from '../errors.js';
import { ForbiddenError } from '../http/errors.js';
import type { ApiUser, UserValues, Writer } from '../pactflow/types.js';
import { convergeSteps } from '../plan/converge.js';
import type { Action, Change, Plan, Step } from '../plan/types.js';
import { ACTION_PAST } from '../plan/types.js';
import { toLiveAccount } from '../state/live-state.js';
import type { LiveAccount } from '../state/types.js';
import { mapLimit } from '../util/concurrency.js';
import { CreatedRoles, executeRoleChanges } from './roles.js';

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

export interface ApplyResult {
  outcomes: Outcome[];
  interrupted: boolean;
  refused?: Refusal403;
}

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

const valuesOf = (a: LiveAccount | ApiUser): UserValues => ({
  uuid: a.uuid,
  name: a.name,
  active: a.active,
  ...(a.email === undefined ? {} : { email: a.email }),
});

/** Errors that mean "already as wanted": a delete of what is gone, removing a non-member. */
const alreadyDone = (step: Step, error: unknown) => {
  const status = (error as { status?: number }).status;
  return (step.kind === 'delete' || step.kind === 'remove-team') && (status === 404 || status === 410);
};

/**
 * Runs exactly the plan's steps: role creates and updates first (accounts may use those roles),
 * then accounts in parallel (bounded), each account's steps in order, then role deletes — only
 * when every account change succeeded, since they may be what frees a role.
 * It never diffs again — except that a `reconcile` step reads a new account back and converges its
 * roles and teams with the planner's own convergeSteps, because only the server knows what a new
 * account starts with. A failure stops that account only.
 */
export async function executePlan(
  plan: Pick<Plan, 'changes'> & Partial<Pick<Plan, 'roleChanges'>>,
  port: ApplyPort,
  options: ExecuteOptions = {},
): Promise<ApplyResult> {
  const total = plan.changes.length;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const created = new CreatedRoles();
  const roleChanges = plan.roleChanges ?? [];
  let refused: Refusal403 | undefined;
  // A refused role write stops the run as a refused account write does.
  const onError = (role: string, error: unknown) => {
    if (error instanceof ForbiddenError && error.method !== 'GET')
      refused ??= refusalOf(`role ${role}`, error, options.callerPermissions ?? []);
  };
  const rolesFirst = await executeRoleChanges(
    roleChanges.filter((c) => c.action !== 'delete'),
    port,
    created,
    { concurrency, onError, ...(options.signal ? { signal: options.signal } : {}) },
  );
  let started = 0;
  let finished = 0;
  const signal = options.signal;
  const liveById = new Map((options.live ?? []).map((a) => [a.uuid, a]));
  const stopped = () => signal?.aborted === true || refused !== undefined;

  const runChange = async (change: Change): Promise<Outcome> => {
    const base = { account: change.account, action: change.action };
    if (stopped())
      return {
        ...base,
        status: 'skipped',
        message: `account ${change.account} was not started (${refused ? 'a write was refused' : 'interrupted'})`,
        calls: 0,
      };
    const position = ++started;
    let uuid = change.uuid;
    let calls = 0;
    const known = uuid === undefined ? undefined : liveById.get(uuid);
    /** The account's values as they stand on the server; undefined when not known (a new account). */
    let values: UserValues | undefined = known ? valuesOf(known) : undefined;
    const put = async (patch: Partial<UserValues>) => {
      if (!values) {
        calls++;
        values = valuesOf(await port.getUser(id()));
      }
      const next = { ...values, ...patch };
      const { active } = await port.updateUser(next);
      values = { ...next, active };
      if (patch.active !== undefined && active !== patch.active)
        throw new ActiveIgnoredError(change.account, active);
    };
    const id = () => {
      if (!uuid) throw new Error(`no uuid for ${change.account} before ${current}`);
      return uuid;
    };
    let current: Step['kind'] = change.steps[0]?.kind ?? 'create';
    const run = async (step: Step): Promise<void> => {
      current = step.kind;
      options.onEvent?.({ type: 'step', account: change.account, step: step.kind, started: position, total });
      calls++;
      try {
        switch (step.kind) {
          case 'create':
            uuid = (
              await port.createSystemAccount({
                name: step.name,
                ...(step.email ? { email: step.email } : {}),
              })
            ).uuid;
            values = undefined;
            return;
          case 'rename':
            return await put({ name: step.name });
          case 'set-email':
            return await put({ email: step.email });
          case 'set-roles':
            return await port.setRoles(
              id(),
              step.roles.map((r) => created.resolve(r)),
            );
          case 'add-team':
            return await port.addTeamMember(step.team.uuid, id());
          case 'remove-team':
            return await port.removeTeamMember(step.team.uuid, id());
          case 'enable':
            return await put({ active: true });
          case 'disable':
            return await put({ active: false });
          case 'delete':
            return await port.deleteUser(id());
          case 'reconcile': {
            const read = await port.getUser(id());
            values = valuesOf(read);
            const spec = created.resolveSpec(step.spec);
            for (const next of convergeSteps(toLiveAccount(read), spec, step.administrator)) {
              current = next.kind;
              if (stopped()) throw new InterruptedError('interrupted');
              await run(next);
            }
            return;
          }
        }
      } catch (error) {
        if (error instanceof ForbiddenError && error.method !== 'GET')
          refused ??= refusalOf(change.account, error, options.callerPermissions ?? []);
        if (error instanceof InterruptedError || !alreadyDone(step, error)) throw error;
      }
    };

    try {
      for (const step of change.steps) {
        current = step.kind;
        if (stopped()) throw new InterruptedError('interrupted');
        await run(step);
      }
      return {
        ...base,
        status: 'done',
        message: `account ${change.account} has been ${ACTION_PAST[change.action]}`,
        calls,
      };
    } catch (error) {
      if (error instanceof InterruptedError) {
        return {
          ...base,
          status: 'interrupted',
          message: refused
            ? `account ${change.account} was stopped before its ${current} step: PactFlow refused a write`
            : `account ${change.account} was interrupted before its ${current} step; run apply again to finish`,
          calls,
        };
      }
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        status: 'failed',
        message: `account ${change.account} failed at its ${current} step: ${reason}`,
        calls,
        ...(error instanceof ActiveIgnoredError ? { rerunHelps: false as const } : {}),
      };
    }
  };

  const outcomes = await mapLimit(plan.changes, concurrency, async (change) => {
    const outcome = await runChange(change);
    options.onEvent?.({ type: 'finished', outcome, finished: ++finished, total });
    return outcome;
  });
  const unfinished = outcomes.some((o) => o.status !== 'done');
  const rolesLast = await executeRoleChanges(
    roleChanges.filter((c) => c.action === 'delete'),
    port,
    created,
    {
      concurrency,
      ...(signal ? { signal } : {}),
      ...(unfinished || refused ? { skip: 'an account change before it did not finish' } : {}),
    },
  );
  return {
    outcomes: [...rolesFirst, ...outcomes, ...rolesLast],
    interrupted: signal?.aborted ?? false,
    ...(refused ? { refused } : {}),
  };
}

/** PactFlow answered an enable or disable with `active` unchanged: it did not do it. */
export class ActiveIgnoredError extends ToolError {
  constructor(account: string, active: boolean) {
    super(
      active
        ? `PactFlow kept ${account} enabled: this organization ignores \`active\` (organizations moved to SmartBear API Hub do). Use \`state: deleted\`, or remove its roles.`
        : `PactFlow kept ${account} disabled: this organization ignores \`active\` (organizations moved to SmartBear API Hub do). Set \`state: disabled\` for it in the file, or delete it and create it again.`,
    );
  }
}

function refusalOf(account: string, error: ForbiddenError, callerPermissions: readonly string[]): Refusal403 {
  const permission = error.permission ?? 'system_account:manage:*';
  return {
    account,
    method: error.method,
    path: error.path,
    permission,
    cause: callerPermissions.includes(permission) ? 'read-only-token' : 'missing-permission',
  };
}
