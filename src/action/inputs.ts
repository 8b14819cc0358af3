/**
 * The Action's inputs as the runner hands them to a JavaScript action: one environment variable
 * per input, `INPUT_` and the input's name in capitals (hyphens kept: `INPUT_ALLOW-DELETES`), with
 * action.yml's defaults already applied.
 */
export const COMMANDS = ['plan', 'apply', 'drift'] as const;
export type ActionCommand = (typeof COMMANDS)[number];
export const DRIFT_ACTIONS = ['report', 'correct', 'adopt'] as const;
export type DriftAction = (typeof DRIFT_ACTIONS)[number];

export interface ActionInputs {
  command: ActionCommand;
  file: string;
  baseUrl: string;
  token: string;
  format: string;
  allowDeletes: string;
  allowDisables: string;
  allowAdminChanges: string;
  publish: boolean;
  workingDirectory: string;
  driftAction: DriftAction;
  unmanagedIsDrift: boolean;
  blockOnDifference: boolean;
  githubToken: string;
}

/** An input the Action cannot run with: said as a workflow error, exit 1. */
export class InputError extends Error {}

export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** One of `allowed`; an empty input is the first (action.yml's default). */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[]): T {
  const value = input(env, name) || allowed[0]!;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${name} must be ${allowed.join(', ')} (got '${value}')`);
}

/** 'true' or 'false', spelt as YAML's booleans are (@actions/core's getBooleanInput); empty is false. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = input(env, name);
  if (['', 'false', 'False', 'FALSE'].includes(value)) return false;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  throw new InputError(`${name} must be 'true' or 'false' (got '${value}')`);
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  for (const name of ['base-url', 'token'])
    if (!input(env, name)) throw new InputError(`input ${name} is required`);
  return {
    command: oneOf(env, 'command', COMMANDS),
    file: input(env, 'file') || 'accounts.yaml',
    baseUrl: input(env, 'base-url'),
    token: input(env, 'token'),
    format: input(env, 'format') || 'text',
    allowDeletes: input(env, 'allow-deletes'),
    allowDisables: input(env, 'allow-disables'),
    allowAdminChanges: input(env, 'allow-admin-changes'),
    publish: oneOf(env, 'publish', ['on', 'off']) === 'on',
    workingDirectory: input(env, 'working-directory') || '.',
    driftAction: oneOf(env, 'drift-action', DRIFT_ACTIONS),
    unmanagedIsDrift: flag(env, 'unmanaged-is-drift'),
    blockOnDifference: flag(env, 'block-on-difference'),
    githubToken: input(env, 'github-token'),
  };
}
