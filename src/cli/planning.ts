import { appendFile } from 'node:fs/promises';
import { loadConfig } from '../config/validate.js';
import { ConfigError, UsageError } from '../errors.js';
import type { ExtraReader, LiveReader } from '../pactflow/types.js';
import { computePlan } from '../plan/compute.js';
import { givesNewNames } from '../plan/people.js';
import { rolesNeedingPeopleCount } from '../plan/roles.js';
import { countHumanRoleHolders } from '../state/live-state.js';
import type { Plan } from '../plan/types.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { renderPlanJson } from '../render/json.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import { renderPlanText, visible } from '../render/text.js';
import type { LiveState } from '../state/types.js';
import type { DesiredState } from '../config/types.js';
import { nameKey } from '../util/names.js';
import { VERSION } from '../version.js';
import type { CommandContext } from './context.js';
import { resolveInCwd } from './paths.js';
import { readLiveState, startLiveRead } from './session.js';

import type { Format } from './formats.js';
export { FORMATS } from './formats.js';
export type { Format } from './formats.js';

/** load the file → read live state → compute the plan; every problem is reported at once. */
export async function planFromFile(
  ctx: CommandContext,
  reader: LiveReader & Partial<Pick<ExtraReader, 'listHumanUsers'>>,
  options: { file: string; targets?: string[] },
): Promise<{ plan: Plan; live: LiveState; desired: DesiredState }> {
  const file = resolveInCwd(ctx, options.file);
  // The reads go out first and the file is loaded while they travel. A file with problems still
  // ends the command before anything is planned; the reads then end with the client.
  const reading = startLiveRead(ctx, reader);
  const { desired, warnings } = await loadConfig(file.display, file.absolute, { signal: ctx.io.signal });
  if (warnings.length) ctx.err(renderDiagnostics(file.display, warnings, ctx.errColors));
  const live = await readLiveState(ctx, reader, reading);
  await readPeopleIfNeeded(reader, desired, live);
  const targets = options.targets ?? [];
  checkTargets(targets, desired, live, file.display);
  const result = computePlan(desired, live, {
    baseUrl: reader.baseUrl,
    generator: `pactflow-accounts ${VERSION}`,
    ...(targets.length ? { targets } : {}),
  });
  if (!result.plan) throw new ConfigError(file.display, result.diagnostics);
  for (const warning of result.plan.warnings ?? [])
    ctx.err(`${ctx.errColors.yellow('warning')}: ${visible(warning.message)}\n`);
  return { plan: result.plan, live, desired };
}

/**
 * People are read (once, two lists) only when needed, and never changed: to count who holds a role
 * that changes scopes or goes away, and for the names of people when the file gives an account a
 * name no live system account has (PactFlow refuses a system account by a person's name). A reader
 * that cannot list people leaves them unread: a role delete is then refused, names unchecked.
 */
export async function readPeopleIfNeeded(
  reader: Partial<Pick<ExtraReader, 'listHumanUsers'>>,
  desired: DesiredState,
  live: LiveState,
): Promise<void> {
  if (!reader.listHumanUsers) return;
  const roles = rolesNeedingPeopleCount(desired, live);
  const names = givesNewNames(desired, live);
  if (roles.length === 0 && !names) return;
  const people = await reader.listHumanUsers();
  if (roles.length > 0)
    live.humanRoleHolders = await countHumanRoleHolders({ listHumanUsers: async () => people }, roles);
  if (names) live.personNames = people.filter((p) => p.type === 0).map((p) => p.name);
}

/** `--target` names that match no account in the file (names or previous names) or in PactFlow are refused. */
export function checkTargets(targets: string[], desired: DesiredState, live: LiveState, file: string): void {
  // Without targets there is nothing to check, and no set of every name to build.
  if (targets.length === 0) return;
  const known = new Set<string>();
  for (const a of desired.accounts) for (const n of [a.name, ...a.previousNames]) known.add(nameKey(n));
  for (const a of live.accounts) known.add(nameKey(a.name));
  const unknown = targets.filter((t) => !known.has(nameKey(t)));
  if (unknown.length)
    throw new UsageError(
      `--target ${unknown.map((t) => `"${t}"`).join(', ')} matches no account in ${file} or in PactFlow`,
      'Give an account name from the file (or a live one).',
    );
}

export function renderPlanAs(ctx: CommandContext, plan: Plan, format: Format): string {
  switch (format) {
    case 'text':
      return renderPlanText(plan, { colors: ctx.colors });
    case 'markdown':
      return renderPlanMarkdown(plan);
    case 'json':
      return renderPlanJson(plan);
  }
}

/**
 * In GitHub Actions, the Markdown plan also goes to the job summary. `markdown` is put together
 * only there: for 10,000 accounts it is not free.
 */
export async function appendStepSummary(
  ctx: CommandContext,
  markdown: string | (() => string),
): Promise<void> {
  const target = ctx.io.env.GITHUB_STEP_SUMMARY;
  if (!target) return;
  try {
    await appendFile(target, (typeof markdown === 'string' ? markdown : markdown()) + '\n');
  } catch (error) {
    throw new UsageError(
      `cannot append the plan to GITHUB_STEP_SUMMARY (${target}): ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      'Unset GITHUB_STEP_SUMMARY outside GitHub Actions, or point it at a writable file.',
    );
  }
}
