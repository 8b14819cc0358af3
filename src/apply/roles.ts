import { InterruptedError } from '../errors.js';
import type { Writer } from '../pactflow/types.js';
import type { ResolvedSpec, RoleChange, RoleRef } from '../plan/types.js';
import { ACTION_PAST } from '../plan/types.js';
import { mapLimit } from '../util/concurrency.js';
import { nameKey } from '../util/names.js';
import type { Outcome } from './types.js';

type RoleWriter = Pick<Writer, 'createRole' | 'updateRole' | 'deleteRole'>;

/**
 * The uuids of the roles a run creates, by lower-case name, so that the account steps after them
 * can name a role that did not exist when the plan was made.
 */
export class CreatedRoles {
  private readonly uuids = new Map<string, string>();

  add(name: string, uuid: string): void {
    this.uuids.set(nameKey(name), uuid);
  }

  /** A step's role with its uuid; a role whose create did not succeed stops that account. */
  resolve(role: RoleRef): string {
    if (role.uuid !== undefined) return role.uuid;
    const uuid = this.uuids.get(nameKey(role.name));
    if (uuid === undefined) throw new Error(`role "${role.name}" was not created, so it cannot be assigned`);
    return uuid;
  }

  /** A reconcile step's spec with every role resolved. */
  resolveSpec(spec: ResolvedSpec): ResolvedSpec {
    return spec.roles
      ? { ...spec, roles: spec.roles.map((r) => ({ name: r.name, uuid: this.resolve(r) })) }
      : spec;
  }
}

/** Runs role changes (each one API call), bounded in parallel; a failure stops only that role. */
export async function executeRoleChanges(
  changes: readonly RoleChange[],
  port: RoleWriter,
  created: CreatedRoles,
  options: {
    concurrency: number;
    signal?: AbortSignal;
    skip?: string;
    /** Told of every failed write, so a refusal (403) can stop the rest of the run. */
    onError?: (role: string, error: unknown) => void;
    /** Told of every outcome, as it comes, for progress. */
    onFinished?: (outcome: Outcome) => Outcome;
  },
): Promise<Outcome[]> {
  const finished = options.onFinished ?? ((outcome: Outcome) => outcome);
  return mapLimit(changes, options.concurrency, async (change) =>
    finished(await runRoleChange(change, port, created, options)),
  );
}

/** One role change: each of its steps is one API call. */
async function runRoleChange(
  change: RoleChange,
  port: RoleWriter,
  created: CreatedRoles,
  options: { signal?: AbortSignal; skip?: string; onError?: (role: string, error: unknown) => void },
): Promise<Outcome> {
  const base = { account: change.role, action: change.action, kind: 'role' as const };
  const what = `role ${change.role}`;
  if (options.signal?.aborted || options.skip)
    return {
      ...base,
      status: 'skipped',
      message: `${what} was not started (${options.skip ?? 'interrupted'})`,
      calls: 0,
    };
  let calls = 0;
  try {
    for (const step of change.steps) {
      calls++;
      switch (step.kind) {
        case 'create-role':
          created.add(step.role.name, (await port.createRole(step.role)).uuid);
          break;
        case 'update-role':
          await port.updateRole(change.uuid!, step.role);
          break;
        case 'delete-role':
          try {
            await port.deleteRole(change.uuid!);
          } catch (error) {
            // Already gone is what was wanted.
            const status = (error as { status?: number }).status;
            if (status !== 404 && status !== 410) throw error;
          }
          break;
      }
    }
    return { ...base, status: 'done', message: `${what} has been ${ACTION_PAST[change.action]}`, calls };
  } catch (error) {
    options.onError?.(change.role, error);
    // Ctrl+C cancelled a read the step was waiting on (the check of a write of unknown outcome).
    if (error instanceof InterruptedError)
      return {
        ...base,
        status: 'interrupted',
        message: `${what} was interrupted while being ${ACTION_PAST[change.action]}, which PactFlow may have done; run apply again to finish`,
        calls,
      };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: 'failed',
      message: `${what} failed to be ${ACTION_PAST[change.action]}: ${reason}`,
      calls,
    };
  }
}
