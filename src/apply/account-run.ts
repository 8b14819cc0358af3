import { InterruptedError, ToolError } from '../errors.js';
import type { ApiUser, UserValues } from '../pactflow/types.js';
import { convergeSteps } from '../plan/converge.js';
import type { Change, Step } from '../plan/types.js';
import { ACTION_PAST } from '../plan/types.js';
import { toLiveAccount } from '../state/live-state.js';
import type { LiveAccount } from '../state/types.js';
import type { CreatedRoles } from './roles.js';
import type { ApplyPort, Outcome, StopReason } from './types.js';
import { STOPPED_BECAUSE } from './types.js';

/** PactFlow answered an enable or disable with `active` unchanged: it did not do it. */
export class ActiveIgnoredError extends ToolError {
  constructor(account: string, active: boolean) {
    super(
      active
        ? `PactFlow kept ${account} enabled: this organization ignores \`active\` (organizations moved to SmartBear API Hub do). Use \`state: deleted\`, or remove its roles and keep \`state: enabled\` so no plan asks for the disable again.`
        : `PactFlow kept ${account} disabled: this organization ignores \`active\` (organizations moved to SmartBear API Hub do). Set \`state: disabled\` for it in the file, or delete it and create it again.`,
    );
  }
}

/** What every account of a run shares: the writes, the roles created, and whether to go on. */
export interface RunContext {
  port: ApplyPort;
  created: CreatedRoles;
  /** Why no new step may start, or undefined while the run goes on. */
  stopReason(): StopReason | undefined;
  /** Told of every failed write, so the run can stop on a refusal or when PactFlow stops answering. */
  onError(account: string, error: unknown): void;
  onStep(account: string, step: Step['kind']): void;
}

export const valuesOf = (a: LiveAccount | ApiUser): UserValues => ({
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
 * One account's change, its steps in order. Its state is its own: the account's uuid (known once
 * created), its values as they stand on the server (a PUT of a user is a full replace), the step
 * under way and the calls made. A failure stops this account only.
 */
export class AccountRun {
  private uuid: string | undefined;
  /** The account as it stands on the server; undefined until known (a new account). */
  private values: UserValues | undefined;
  private current: Step;
  private calls = 0;
  /** Set once this run created the account: a later failure leaves it existing. */
  private created = false;
  /** Set once the current step's write has gone out: stopped after that, PactFlow may have done it. */
  private sent = false;

  constructor(
    private readonly change: Change,
    private readonly run: RunContext,
    known: LiveAccount | undefined,
  ) {
    this.uuid = change.uuid;
    this.values = known ? valuesOf(known) : undefined;
    this.current = change.steps[0] ?? { kind: 'create', name: change.account };
  }

  async execute(): Promise<Outcome> {
    try {
      for (const step of this.change.steps) await this.step(step);
      return this.outcome('done', `has been ${ACTION_PAST[this.change.action]}`);
    } catch (error) {
      return this.failure(error);
    }
  }

  private outcome(status: Outcome['status'], text: string, extra: Partial<Outcome> = {}): Outcome {
    const { account, action } = this.change;
    return { account, action, status, message: `account ${account} ${text}`, calls: this.calls, ...extra };
  }

  private failure(error: unknown): Outcome {
    if (error instanceof InterruptedError) return this.outcome('interrupted', this.interruption());
    const reason = error instanceof Error ? error.message : String(error);
    return this.outcome(
      'failed',
      `${this.created ? 'was created, then failed' : 'failed'} at its ${this.stepName()}: ${reason}`,
      error instanceof ActiveIgnoredError ? { rerunHelps: false } : {},
    );
  }

  /** How the run's stop left this account. One this run created exists: that is said first. */
  private interruption(): string {
    const was = this.created ? 'was created, then' : 'was';
    const step = this.stepName();
    if (this.sent)
      return `${was} interrupted during its ${step}, which PactFlow may have done; run apply again to finish`;
    const why = this.run.stopReason() ?? 'interrupted';
    if (why === 'interrupted') return `${was} interrupted before its ${step}; run apply again to finish`;
    return `${was} stopped before its ${step}: ${STOPPED_BECAUSE[why]}`;
  }

  /** "add-team step (team Payments)": the step under way, with its team where it has one. */
  private stepName(): string {
    const step = this.current;
    return step.kind === 'add-team' || step.kind === 'remove-team'
      ? `${step.kind} step (team ${step.team.name})`
      : `${step.kind} step`;
  }

  /** Runs one step, unless the run has stopped; "already as wanted" answers count as done. */
  private async step(step: Step): Promise<void> {
    this.current = step;
    this.sent = false;
    if (this.run.stopReason() !== undefined) throw new InterruptedError('interrupted');
    this.run.onStep(this.change.account, step.kind);
    this.calls++;
    try {
      await this.send(step);
    } catch (error) {
      this.run.onError(this.change.account, error);
      if (error instanceof InterruptedError || !alreadyDone(step, error)) throw error;
    }
  }

  private async send(step: Step): Promise<void> {
    const { port, created } = this.run;
    switch (step.kind) {
      case 'create': {
        const email = step.email ? { email: step.email } : {};
        this.uuid = (await this.write(() => port.createSystemAccount({ name: step.name, ...email }))).uuid;
        this.created = true;
        this.values = undefined;
        return;
      }
      case 'rename':
        return this.put({ name: step.name });
      case 'set-email':
        return this.put({ email: step.email });
      case 'set-roles': {
        const roles = step.roles.map((r) => created.resolve(r));
        return this.write(() => port.setRoles(this.id(), roles));
      }
      case 'add-team':
        return this.write(() => port.addTeamMember(step.team.uuid, this.id()));
      case 'remove-team':
        return this.write(() => port.removeTeamMember(step.team.uuid, this.id()));
      case 'enable':
        return this.put({ active: true });
      case 'disable':
        return this.put({ active: false });
      case 'delete':
        return this.write(() => port.deleteUser(this.id()));
      case 'reconcile':
        return this.reconcile(step);
    }
  }

  /**
   * A new account as the server made it (it may start with roles or a team), converged with the
   * planner's own convergeSteps: only the server knows what a new account starts with.
   */
  private async reconcile(step: Extract<Step, { kind: 'reconcile' }>): Promise<void> {
    const read = await this.run.port.getUser(this.id());
    this.values = valuesOf(read);
    const spec = this.run.created.resolveSpec(step.spec);
    for (const next of convergeSteps(toLiveAccount(read), spec, step.administrator)) await this.step(next);
  }

  /** A full replace: the account's values with `patch` on top; an ignored `active` fails the step. */
  private async put(patch: Partial<UserValues>): Promise<void> {
    if (!this.values) {
      this.calls++;
      this.values = valuesOf(await this.run.port.getUser(this.id()));
    }
    const next = { ...this.values, ...patch };
    const { active } = await this.write(() => this.run.port.updateUser(next));
    this.values = { ...next, active };
    if (patch.active !== undefined && active !== patch.active)
      throw new ActiveIgnoredError(this.change.account, active);
  }

  /** A write of the current step, going out: stopped after this, PactFlow may have done the step. */
  private write<T>(request: () => Promise<T>): Promise<T> {
    this.sent = true;
    return request();
  }

  private id(): string {
    if (!this.uuid) throw new Error(`no uuid for ${this.change.account} before its ${this.stepName()}`);
    return this.uuid;
  }
}
