/**
 * The library behind the CLI, phase by phase: load and validate a desired-state file, read the
 * live state, compute a plan, render it, execute it; and the emulator for tests.
 */
export { loadConfig, validateConfig, normalizeConfig } from './config/validate.js';
export { loadYamlFile, parseYamlSource } from './config/load.js';
export type { AccountsFile, DesiredState, DesiredAccount, SystemAccountEntry } from './config/types.js';
export type { Diagnostic } from './diagnostics.js';
export { ToolError, UsageError, ConfigError, StalePlanError, GuardRefusedError } from './errors.js';
export { PactflowClient } from './pactflow/client.js';
export { resolveConnection } from './pactflow/connection.js';
export * from './http/errors.js';
export type { LiveReader, Writer, ApiUser, ApiRole, ApiTeam } from './pactflow/types.js';
export { fetchLiveState } from './state/live-state.js';
export type { LiveState, LiveAccount } from './state/types.js';
export { computePlan } from './plan/compute.js';
export type { PlanOptions, PlanResult } from './plan/compute.js';
export { checkGuards } from './plan/guards.js';
export { findStaleAccounts } from './plan/stale.js';
export { validatePlanDocument } from './plan/schema.js';
export type { Plan, Change, Step, Action } from './plan/types.js';
export { renderPlanText } from './render/text.js';
export { renderPlanMarkdown } from './render/markdown.js';
export { escapeMarkdown } from './render/escape.js';
export { renderPlanJson } from './render/json.js';
export { executePlan } from './apply/execute.js';
export type { ApplyResult, Outcome, ApplyPort } from './apply/types.js';
export { exportDesired, renderExportYaml } from './export/export.js';
export { startEmulator } from './emulator/server.js';
export type { EmulatorOptions, RunningEmulator } from './emulator/server.js';
export { runCli } from './cli/program.js';
