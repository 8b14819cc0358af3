import { ForbiddenError, NetworkError } from '../http/errors.js';
import type { Change, Plan } from '../plan/types.js';
import { mapLimit } from '../util/concurrency.js';
import { AccountRun } from './account-run.js';
import type { RunContext } from './account-run.js';
import { CreatedRoles, executeRoleChanges } from './roles.js';
import type {
  ApplyPort,
  ApplyResult,
  ExecuteOptions,
  Outcome,
  Refusal403,
  StopReason,
  Unreachable,
} from './types.js';
import { STOPPED_BECAUSE } from './types.js';

/** Account changes in a row that could not reach PactFlow, after which no new one starts. */
export const UNREACHABLE_AFTER = 3;

/** Network errors that mean PactFlow did not answer at all (not a slow or cut-off answer). */
const NO_ANSWER = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * What the whole run shares: the roles created, the first refused write, whether PactFlow stopped
 * answering, and the progress counts. Each account's own state is in its AccountRun.
 */
class RunState {
  readonly created = new CreatedRoles();
  refused: Refusal403 | undefined;
  unreachable: Unreachable | undefined;
  private started = 0;
  private finished = 0;
  private failedInARow = 0;
  /** Accounts whose last error was PactFlow not answering, with the error's code. */
  private readonly noAnswer = new Map<string, string>();

  constructor(
    readonly port: ApplyPort,
    private readonly options: ExecuteOptions,
    /** Account and role changes: every change counts once in the progress. */
    readonly total: number,
  ) {}

  stopReason(): StopReason | undefined {
    if (this.options.signal?.aborted) return 'interrupted';
    if (this.refused) return 'refused';
    if (this.unreachable) return 'unreachable';
    return undefined;
  }

  onError(account: string, error: unknown): void {
    if (error instanceof ForbiddenError && error.method !== 'GET')
      this.refused ??= refusalOf(account, error, this.options.callerPermissions ?? []);
    if (error instanceof NetworkError && NO_ANSWER.has(error.code)) this.noAnswer.set(account, error.code);
  }

  /** The context one account's run sees: its position in the progress goes with its steps. */
  contextFor(): RunContext {
    const position = ++this.started;
    return {
      port: this.port,
      created: this.created,
      stopReason: () => this.stopReason(),
      onError: (account, error) => this.onError(account, error),
      onStep: (account, step) =>
        this.options.onEvent?.({ type: 'step', account, step, started: position, total: this.total }),
    };
  }

  /** Counts a finished change; three accounts in a row that found PactFlow not answering stop the run. */
  finish(outcome: Outcome): Outcome {
    const code = this.noAnswer.get(outcome.account);
    if (outcome.kind !== 'role' && outcome.status === 'failed' && code !== undefined) {
      if (++this.failedInARow >= UNREACHABLE_AFTER)
        this.unreachable ??= { failures: this.failedInARow, code };
    } else if (outcome.status === 'done') this.failedInARow = 0;
    this.options.onEvent?.({ type: 'finished', outcome, finished: ++this.finished, total: this.total });
    return outcome;
  }

  skipped(change: Change, why: StopReason): Outcome {
    const reason = why === 'refused' ? 'a write was refused' : STOPPED_BECAUSE[why];
    return {
      account: change.account,
      action: change.action,
      status: 'skipped',
      message: `account ${change.account} was not started (${reason})`,
      calls: 0,
    };
  }
}

/**
 * Runs exactly the plan's steps: role creates and updates first (accounts may use those roles),
 * then accounts in parallel (bounded), each account's steps in order (src/apply/account-run.ts),
 * then role deletes — only when every account change succeeded, since they may be what frees a
 * role. It never diffs again, except to converge a new account (a `reconcile` step). A failure
 * stops that account only; a refused write, or PactFlow not answering for three accounts in a
 * row, stops new ones from starting.
 */
export async function executePlan(
  plan: Pick<Plan, 'changes'> & Partial<Pick<Plan, 'roleChanges'>>,
  port: ApplyPort,
  options: ExecuteOptions = {},
): Promise<ApplyResult> {
  const roleChanges = plan.roleChanges ?? [];
  const run = new RunState(port, options, plan.changes.length + roleChanges.length);
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const signal = options.signal ? { signal: options.signal } : {};
  const roleOptions = {
    concurrency,
    ...signal,
    onError: (role: string, error: unknown) => run.onError(`role ${role}`, error),
    onFinished: (outcome: Outcome) => run.finish(outcome),
  };

  const rolesFirst = await executeRoleChanges(
    roleChanges.filter((c) => c.action !== 'delete'),
    port,
    run.created,
    roleOptions,
  );
  const liveById = new Map((options.live ?? []).map((a) => [a.uuid, a]));
  const accounts = await mapLimit(plan.changes, concurrency, async (change) => {
    const stopped = run.stopReason();
    if (stopped) return run.finish(run.skipped(change, stopped));
    const known = change.uuid === undefined ? undefined : liveById.get(change.uuid);
    return run.finish(await new AccountRun(change, run.contextFor(), known).execute());
  });
  const unfinished = accounts.some((o) => o.status !== 'done') || run.refused || run.unreachable;
  const rolesLast = await executeRoleChanges(
    roleChanges.filter((c) => c.action === 'delete'),
    port,
    run.created,
    { ...roleOptions, ...(unfinished ? { skip: 'an account change before it did not finish' } : {}) },
  );
  return {
    outcomes: [...rolesFirst, ...accounts, ...rolesLast],
    interrupted: options.signal?.aborted ?? false,
    ...(run.refused ? { refused: run.refused } : {}),
    ...(run.unreachable ? { unreachable: run.unreachable } : {}),
  };
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
