import { loadConfig } from '../../config/validate.js';
import { ConfigError, UsageError } from '../../errors.js';
import type { PactflowClient } from '../../pactflow/client.js';
import type { ApiToken } from '../../pactflow/types.js';
import { computePlan } from '../../plan/compute.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { createProgress } from '../../render/progress.js';
import type { ShowLayout } from '../../render/show-columns.js';
import { renderShowCsv } from '../../render/show-csv.js';
import { renderShowJson } from '../../render/show-json.js';
import { renderShowMarkdown, renderShowText } from '../../render/show-text.js';
import type { InventoryOptions } from '../../show/inventory.js';
import { buildInventory, filterInventory } from '../../show/inventory.js';
import { isKnownScope, knownScopes, scopeQueries } from '../../show/scope-query.js';
import type { LiveState } from '../../state/types.js';
import { mapLimit } from '../../util/concurrency.js';
import { count } from '../../util/plural.js';
import { didYouMean } from '../../util/suggest.js';
import { nameKey } from '../../util/names.js';
import { VERSION } from '../../version.js';
import type { CommandContext } from '../context.js';
import { resolveInCwd } from '../paths.js';
import { connect, readLiveState } from '../session.js';
import type { ShowCommandOptions } from '../commands/show.js';

/** A typo must not read as "nobody holds this scope": `--has-scope` asks about a scope PactFlow has. */
function checkScopeQuery(scope: string, live: LiveState): void {
  const known = knownScopes(live);
  if (isKnownScope(scope, known)) return;
  throw new UsageError(
    `no scope "${scope}" in this PactFlow: no role grants it and PactFlow does not document it${didYouMean(
      scope,
      scopeQueries(known),
    )}`,
    'Give a scope, or its start up to a colon: e.g. system_account:manage, system_account:manage:*, team:manage.',
  );
}

/**
 * The width the text table must fit: the terminal's, when stdout is one. Piped or redirected
 * output keeps every character, for grep and for files.
 */
function terminalWidth(ctx: CommandContext): { width?: number } {
  const { isTTY, columns } = ctx.io.stdout;
  return isTTY === true && columns !== undefined && columns > 0 ? { width: columns } : {};
}

/** Token lists read at once with --activity. */
export const TOKEN_CONCURRENCY = 4;

export async function showCommand(ctx: CommandContext, options: ShowCommandOptions): Promise<number> {
  const client = await connect(ctx);
  try {
    const live = await readLiveState(ctx, client);
    checkFilters(options, live);
    const file = options.file ? await fileView(ctx, client, live, options.file) : undefined;
    const now = Date.now();
    const filter = {
      now,
      ...(options.hasScope ? { hasScope: options.hasScope } : {}),
      ...(options.role ? { role: options.role } : {}),
    };
    let rows = filterInventory(buildInventory(live, file ? { file } : {}), filter);
    // Last use is only known from the tokens, so --unused-for reads them too.
    const activity = options.activity === true || options.unusedFor !== undefined;
    if (activity) {
      const tokens = await readTokens(
        ctx,
        client,
        rows.map((r) => r.uuid),
      );
      const keep = new Set(rows.map((r) => r.uuid));
      rows = filterInventory(
        buildInventory(live, { ...(file ? { file } : {}), tokens }).filter((r) => keep.has(r.uuid)),
        { now, ...(options.unusedFor === undefined ? {} : { unusedForDays: options.unusedFor }) },
      );
    }
    ctx.out(render(ctx, options.format, rows, { file: file !== undefined, activity }, client.baseUrl));
    return 0;
  } finally {
    client.close();
  }
}

/** A typo in --role or --has-scope must not read as "nobody holds this". */
function checkFilters(options: ShowCommandOptions, live: LiveState): void {
  const role = options.role;
  if (role !== undefined && !live.roles.some((r) => nameKey(r.name) === nameKey(role)))
    throw new UsageError(
      `no role "${role}" in this PactFlow${didYouMean(
        role,
        live.roles.map((r) => r.name),
      )}`,
      `Roles here: ${live.roles.map((r) => r.name).join(', ')}.`,
    );
  if (options.hasScope !== undefined) checkScopeQuery(options.hasScope, live);
}

/** With -f: the plan of that file against the live state, to say which accounts it manages. */
async function fileView(
  ctx: CommandContext,
  client: PactflowClient,
  live: LiveState,
  given: string,
): Promise<NonNullable<InventoryOptions['file']>> {
  const at = resolveInCwd(ctx, given);
  const { desired, warnings } = await loadConfig(at.display, at.absolute, { signal: ctx.io.signal });
  if (warnings.length) ctx.err(renderDiagnostics(at.display, warnings, ctx.errColors));
  const result = computePlan(desired, live, {
    baseUrl: client.baseUrl,
    generator: `pactflow-accounts ${VERSION}`,
  });
  if (!result.plan) throw new ConfigError(at.display, result.diagnostics);
  return { plan: result.plan, policy: desired.policy };
}

function render(
  ctx: CommandContext,
  format: ShowCommandOptions['format'],
  rows: Parameters<typeof renderShowCsv>[0],
  layout: ShowLayout,
  baseUrl: string,
): string {
  switch (format) {
    case 'markdown':
      return renderShowMarkdown(rows, layout);
    case 'json':
      return renderShowJson(rows, { baseUrl });
    case 'csv':
      return renderShowCsv(rows, layout);
    default:
      return renderShowText(rows, layout, { colors: ctx.colors, ...terminalWidth(ctx) });
  }
}

/** Each account's token list, a few at a time, with progress on stderr. */
async function readTokens(
  ctx: CommandContext,
  client: PactflowClient,
  uuids: readonly string[],
): Promise<Map<string, ApiToken[]>> {
  const progress = await createProgress(ctx.io.stderr, ctx.interactive);
  let done = 0;
  progress.start(`Reading tokens 0/${uuids.length}`);
  try {
    const lists = await mapLimit(uuids, TOKEN_CONCURRENCY, async (uuid) => {
      const tokens = await client.listTokens(uuid);
      progress.update(`Reading tokens ${++done}/${uuids.length}`);
      return [uuid, tokens] as const;
    });
    progress.succeed(`Read the tokens of ${count(uuids.length, 'system account')}`);
    return new Map(lists);
  } catch (error) {
    progress.fail('Could not read the tokens');
    throw error;
  }
}
