import type { Diagnostic } from './diagnostics.js';
import { count } from './util/plural.js';

/**
 * The few exceptional errors the tool throws deep and the CLI catches once. Each carries the exit
 * code it maps to, a message that states the fact, and a hint that says what to do.
 */
export class ToolError extends Error {
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad flag, argument or environment value. */
export class UsageError extends ToolError {}

/** The desired-state file (or a saved plan) is invalid; every problem is in `diagnostics`. */
export class ConfigError extends ToolError {
  constructor(
    readonly file: string,
    readonly diagnostics: Diagnostic[],
  ) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(`Found ${count(errors, 'problem')} in ${file}`);
  }
}

/**
 * A saved plan no longer matches the live state of the accounts and custom roles it touches. Each
 * entry says what changed in it; accounts and roles are counted apart.
 */
export class StalePlanError extends ToolError {
  constructor(
    readonly accounts: { name: string; reason: string }[],
    readonly roles: { name: string; reason: string }[] = [],
  ) {
    const changed = [
      ...(accounts.length ? [count(accounts.length, 'account')] : []),
      ...(roles.length ? [count(roles.length, 'role')] : []),
    ];
    super(
      `Saved plan is stale: ${changed.join(' and ')} changed since it was made`,
      'Run `pactflow-accounts plan --out plan.json` again, review it, then apply the new plan.',
    );
  }
}

/** A safety guard refuses the plan (exit code 3). */
export class GuardRefusedError extends ToolError {
  override readonly exitCode = 3;
}

/**
 * SIGINT or SIGTERM stopped the command (exit code 130). The message says what had been done, so
 * the person who pressed Ctrl+C knows what state things are in.
 */
export class InterruptedError extends ToolError {
  override readonly exitCode = 130;
}
