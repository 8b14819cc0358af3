import { PactflowClient } from '../pactflow/client.js';
import { resolveConnection } from '../pactflow/connection.js';
import { fetchLiveState } from '../state/live-state.js';
import type { LiveState } from '../state/types.js';
import { createProgress } from '../render/progress.js';
import type { CommandContext } from './context.js';
import { resolveInCwd } from './paths.js';

/** A client for the connection the flags and environment name; --verbose logs each request. */
export async function connect(
  ctx: CommandContext,
  options: { concurrency?: number } = {},
): Promise<PactflowClient> {
  // --token-file is read relative to the command's working directory, like -f.
  const tokenFile = ctx.globals.tokenFile ? resolveInCwd(ctx, ctx.globals.tokenFile).absolute : undefined;
  const connection = await resolveConnection({ baseUrl: ctx.globals.baseUrl, tokenFile }, ctx.io.env);
  return new PactflowClient({
    ...connection,
    ...(options.concurrency ? { maxSockets: Math.max(options.concurrency, 4) } : {}),
    ...(ctx.globals.verbose
      ? {
          onRequest: (e) =>
            ctx.err(
              ctx.errColors.dim(
                `${e.method} ${e.path} → ${e.status} (${e.ms} ms${e.attempt > 1 ? `, attempt ${e.attempt}` : ''})\n`,
              ),
            ),
        }
      : {}),
  });
}

/** Reads the live organization with a spinner on an interactive stderr. */
export async function readLiveState(ctx: CommandContext, client: PactflowClient): Promise<LiveState> {
  const progress = createProgress(ctx.io.stderr, ctx.interactive);
  progress.start(`Reading system accounts from ${client.baseUrl}`);
  try {
    const live = await fetchLiveState(client);
    progress.succeed(
      `Read ${live.accounts.length} system accounts, ${live.teams.length} teams and ${live.roles.length} roles from ${client.baseUrl}`,
    );
    return live;
  } catch (error) {
    progress.fail('Could not read the live state');
    throw error;
  }
}
