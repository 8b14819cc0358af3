import type { ApiUser, Writer } from '../pactflow/types.js';
import { convergeSteps } from '../plan/converge.js';
import type { Action, Change, Plan, Step } from '../plan/types.js';
import { ACTION_PAST } from '../plan/types.js';
import { toLiveAccount } from '../state/live-state.js';
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
}

export interface ApplyResult {
  outcomes: Outcome[];
  interrupted: boolean;
}

export type ApplyEvent =
  | { type: 'step'; account: string; step: Step['kind']; started: number; total: number }
  | { type: 'finished'; outcome: Outcome; finished: number; total: number };

export interface ExecuteOptions {
  concurrency?: number;
  /** Once aborted, no new account or step starts; those in flight finish. */
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
}

/** Errors that mean "already as wanted": a delete of what is gone, removing a non-member. */
const alreadyDone = (step: Step, error: unknown) => {
  const status = (error as { status?: number }).status;
  return (
    (step.kind === 'delete' && (status === 404 || status === 410)) ||
    (step.kind === 'remove-team' && status === 404)
  );
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
  const rolesFirst = await executeRoleChanges(
    roleChanges.filter((c) => c.action !== 'delete'),
    port,
    created,
    { concurrency, ...(options.signal ? { signal: options.signal } : {}) },
  );
  let started = 0;
  let finished = 0;
  const signal = options.signal;

  const runChange = async (change: Change): Promise<Outcome> => {
    const base = { account: change.account, action: change.action };
    if (signal?.aborted)
      return {
        ...base,
        status: 'skipped',
        message: `account ${change.account} was not started (interrupted)`,
        calls: 0,
      };
    const position = ++started;
    let uuid = change.uuid;
    let calls = 0;
    let current: Step['kind'] = change.steps[0]?.kind ?? 'create';
    const run = async (step: Step): Promise<void> => {
      current = step.kind;
      options.onEvent?.({ type: 'step', account: change.account, step: step.kind, started: position, total });
      calls++;
      const id = () => {
        if (!uuid) throw new Error(`no uuid for ${change.account} before ${step.kind}`);
        return uuid;
      };
      try {
        switch (step.kind) {
          case 'create':
            uuid = (
              await port.createSystemAccount({
                name: step.name,
                ...(step.email ? { email: step.email } : {}),
              })
            ).uuid;
            return;
          case 'rename':
            return await port.updateUser(id(), { name: step.name });
          case 'set-email':
            return await port.updateUser(id(), { email: step.email });
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
            return await port.updateUser(id(), { active: true });
          case 'disable':
            return await port.updateUser(id(), { active: false });
          case 'delete':
            return await port.deleteUser(id());
          case 'reconcile': {
            const account = toLiveAccount(await port.getUser(id()));
            const spec = created.resolveSpec(step.spec);
            for (const next of convergeSteps(account, spec, step.administrator)) {
              if (signal?.aborted) throw new Interrupted();
              await run(next);
            }
            return;
          }
        }
      } catch (error) {
        if (error instanceof Interrupted || !alreadyDone(step, error)) throw error;
      }
    };

    try {
      for (const step of change.steps) {
        if (signal?.aborted) throw new Interrupted();
        await run(step);
      }
      return {
        ...base,
        status: 'done',
        message: `account ${change.account} has been ${ACTION_PAST[change.action]}`,
        calls,
      };
    } catch (error) {
      if (error instanceof Interrupted) {
        return {
          ...base,
          status: 'interrupted',
          message: `account ${change.account} was interrupted before its ${current} step; run apply again to finish`,
          calls,
        };
      }
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        status: 'failed',
        message: `account ${change.account} failed at its ${current} step: ${reason}`,
        calls,
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
      ...(unfinished ? { skip: 'an account change before it did not finish' } : {}),
    },
  );
  return { outcomes: [...rolesFirst, ...outcomes, ...rolesLast], interrupted: signal?.aborted ?? false };
}

class Interrupted extends Error {}
