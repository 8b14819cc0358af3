// sync-accounts: keeps PactFlow's system accounts as a desired-state file says, with
// pactflow-accounts as a library. It loads the file, reads PactFlow, prints the plan and, with
// --apply, carries it out:
//   PACT_BROKER_BASE_URL=https://your-org.pactflow.io PACT_BROKER_TOKEN=… node sync-accounts.js accounts.yaml --apply
import { pathToFileURL } from 'node:url';
import {
  ConfigError,
  ToolError,
  computePlan,
  connectToPactflow,
  countHumanRoleHolders,
  executePlan,
  fetchLiveState,
  hasChanges,
  loadConfig,
  renderPlanText,
  rolesNeedingPeopleCount,
} from 'pactflow-accounts';
import type { ApplyResult, DesiredState, PactflowConnection, Plan } from 'pactflow-accounts';

export type Print = (text: string) => void;

/** Plans `desired` against one PactFlow and prints the plan; with `apply`, carries it out. */
export async function syncAccounts(
  desired: DesiredState,
  pactflow: PactflowConnection,
  options: { apply: boolean; print: Print },
): Promise<{ plan: Plan; result?: ApplyResult }> {
  const live = await fetchLiveState(pactflow);
  // A plan that changes a custom role's scopes, or deletes one, needs to know who holds it.
  const roles = rolesNeedingPeopleCount(desired, live);
  if (roles.length > 0) live.humanRoleHolders = await countHumanRoleHolders(pactflow, roles);

  const { plan, diagnostics } = computePlan(desired, live, {
    baseUrl: pactflow.baseUrl,
    generator: 'sync-accounts 1.0.0',
  });
  // Roles or teams the file names that PactFlow does not have: problems of the file, as in loadConfig.
  if (!plan) throw new ConfigError(desired.file, diagnostics);
  options.print(renderPlanText(plan));
  if (!options.apply || !hasChanges(plan)) return { plan };

  // executePlan runs every step it is given: refusing what the guards refuse is the caller's part.
  if (!plan.guards.ok)
    throw new ToolError('a safety guard refuses this plan; nothing was changed', 'See the plan above.');
  const result = await executePlan(plan, pactflow, {
    // The accounts as read just now: PactFlow replaces a whole user on update.
    live: live.accounts,
    callerPermissions: live.caller.permissions,
  });
  for (const outcome of result.outcomes) options.print(`${outcome.status}: ${outcome.message}\n`);
  return { plan, result };
}

/** `sync-accounts [FILE] [--apply]`; returns the exit code. */
export async function main(
  args: string[],
  env: Record<string, string | undefined>,
  print: Print,
  printError: Print,
): Promise<number> {
  const file = args.find((arg) => !arg.startsWith('--')) ?? 'accounts.yaml';
  try {
    const { desired, warnings } = await loadConfig(file);
    for (const w of warnings) printError(`${w.file}:${w.line}:${w.column}: warning: ${w.summary}\n`);
    const pactflow = await connectToPactflow({
      baseUrl: env.PACT_BROKER_BASE_URL ?? '',
      token: env.PACT_BROKER_TOKEN ?? '',
    });
    try {
      const { result } = await syncAccounts(desired, pactflow, { apply: args.includes('--apply'), print });
      return result && result.outcomes.some((o) => o.status !== 'done') ? 1 : 0;
    } finally {
      pactflow.close();
    }
  } catch (error) {
    // Every expected failure is a ToolError: a message that states the fact, a hint that says what to do.
    if (!(error instanceof ToolError)) throw error;
    printError(`error: ${error.message}\n`);
    if (error instanceof ConfigError)
      for (const d of error.diagnostics) printError(`  ${d.file}:${d.line}:${d.column}: ${d.summary}\n`);
    if (error.hint) printError(`${error.hint}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const to = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
  process.exitCode = await main(process.argv.slice(2), process.env, to(process.stdout), to(process.stderr));
}
