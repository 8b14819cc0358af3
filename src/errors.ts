import type { Diagnostic } from './diagnostics.js';

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
    super(`Found ${errors} problem${errors === 1 ? '' : 's'} in ${file}`);
  }
}

/** A saved plan no longer matches the live state of the accounts it touches. */
export class StalePlanError extends ToolError {
  constructor(readonly accounts: { name: string; reason: string }[]) {
    super(
      `Saved plan is stale: ${accounts.length} account${accounts.length === 1 ? '' : 's'} changed since it was made`,
      'Run `pactflow-accounts plan --out plan.json` again, review it, then apply the new plan.',
    );
  }
}

/** A safety guard refuses the plan (exit code 3). */
export class GuardRefusedError extends ToolError {
  override readonly exitCode = 3;
}
