/**
 * The library behind the CLI, phase by phase: load (or build) the desired state, connect to
 * PactFlow and read the live state, compute a plan, render it, execute it; and the emulator for a
 * program's tests. See docs/library.md. Every name is listed here on purpose: nothing else is part
 * of the library, and every type these functions take or return can be named by the program.
 * Importing it loads no HTTP client, YAML parser with positions, ajv compiler or CLI framework:
 * connectToPactflow and startEmulator load theirs when first called.
 */

// Desired state: from a file, or from a plain object.
export { loadConfig } from './config/validate.js';
export { desiredStateFromObject } from './config/from-object.js';
export type {
  AccountState,
  AccountsFile,
  DefaultsSection,
  DesiredAccount,
  DesiredPolicy,
  DesiredRole,
  DesiredState,
  LimitsSection,
  PolicySection,
  RoleEntry,
  ScopeSection,
  SourcePosition,
  SystemAccountEntry,
  UnmanagedPolicy,
  UnmanagedRolePolicy,
} from './config/types.js';
export type { Diagnostic } from './diagnostics.js';

// PactFlow: a connection, and the live state read through it.
export { connectToPactflow } from './connect.js';
export type { ConnectOptions, PactflowConnection } from './connect.js';
export type { HttpOptions, RequestOptions } from './http/client.js';
export type { PactflowOptions } from './pactflow/http.js';
export type { Method } from './http/endpoint.js';
export type { RetryPolicy } from './http/retry.js';
export type {
  ApiPermission,
  ApiRole,
  ApiRoleRef,
  ApiTeam,
  ApiToken,
  ApiUser,
  ExtraReader,
  LiveReader,
  UserValues,
  Writer,
} from './pactflow/types.js';
export { countHumanRoleHolders, fetchLiveState } from './state/live-state.js';
export type { LiveAccount, LiveAccountRole, LiveCaller, LiveRole, LiveState, Ref } from './state/types.js';

// The plan: pure, from the desired and the live state.
export { computePlan } from './plan/compute.js';
export type { PlanOptions, PlanResult } from './plan/compute.js';
export { rolesNeedingPeopleCount } from './plan/roles.js';
export { hasChanges } from './plan/types.js';
export type {
  AccountFields,
  AccountPermissions,
  Action,
  Change,
  GuardName,
  GuardReport,
  LimitCheck,
  LimitName,
  Plan,
  PlanWarning,
  Refusal,
  ResolvedSpec,
  Risk,
  RoleAction,
  RoleChange,
  RoleFields,
  RoleRef,
  RoleStep,
  Step,
  Summary,
  UnmanagedAccount,
} from './plan/types.js';
export type { RoleDefinition } from './types/roles.js';
export type { ScopeDiff } from './permissions/scopes.js';

// Guards: one engine, computed from the plan's steps, as the CLI's plan and apply use it.
export { checkGuards, guardContext } from './plan/guards.js';
export type { GuardContext, GuardPolicy, Limits } from './plan/guards.js';
export type { NameGlob } from './util/glob.js';

// Renderers: the same plan as text, Markdown or JSON.
export { renderPlanText } from './render/text.js';
export type { Colors } from './render/color.js';
export { renderPlanMarkdown } from './render/markdown.js';
export { renderPlanJson } from './render/json.js';

// Apply: exactly the plan's steps.
export { executePlan } from './apply/execute.js';
export type {
  ApplyEvent,
  ApplyPort,
  ApplyResult,
  ExecuteOptions,
  Outcome,
  OutcomeStatus,
  Refusal403,
  Unreachable,
} from './apply/types.js';
export { ActiveIgnoredError } from './apply/account-run.js';

// Errors: each has a message that states the fact and a `hint` that says what to do.
export { ConfigError, InterruptedError, ToolError, UsageError } from './errors.js';
export {
  ApiError,
  ForbiddenError,
  GoneError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ResponseShapeError,
  ServerError,
  UnauthorizedError,
  ValidationError,
} from './http/errors.js';
export { IncompleteListError } from './pactflow/pages.js';
export { LostMembersError, ReplaceStoppedError } from './pactflow/team-members.js';
export type { TeamMember } from './pactflow/team-members.js';

// The emulator, for a program's tests.
export { startEmulator } from './library-emulator.js';
export type { Emulator, EmulatorOptions } from './library-emulator.js';
export type { SeedFile, SeedTokens, SeedUser } from './emulator/seed.js';
