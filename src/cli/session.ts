import { PactflowClient } from '../pactflow/client.js';
import { resolveConnection } from '../pactflow/connection.js';
import { fetchLiveState } from '../state/live-state.js';
import type { LiveReader } from '../pactflow/types.js';
import type { LiveState } from '../state/types.js';
import { count, grouped } from '../util/plural.js';
import { createProgress } from '../render/progress.js';
import type { Progress } from '../render/progress.js';
import type { CommandContext } from './context.js';
import { untilInterrupted } from './interrupt.js';
import { resolveInCwd } from './paths.js';
import { visible } from '../render/escape.js';

/** A client for the connection the flags and environment name; --verbose logs each request. */
export async function connect(
  ctx: CommandContext,
  options: { concurrency?: number } = {},
): Promise<PactflowClient> {
  // --token-file is read relative to the command's working directory, like -f.
  const tokenFile = ctx.globals.tokenFile ? resolveInCwd(ctx, ctx.globals.tokenFile).absolute : undefined;
  const { insecureWarning, ...connection } = await resolveConnection(
    { baseUrl: ctx.globals.baseUrl, tokenFile, allowInsecureHttp: ctx.globals.allowInsecureHttp },
    ctx.io.env,
  );
  if (insecureWarning) ctx.err(`${ctx.errColors.yellow(insecureWarning)}\n`);
  return new PactflowClient({
    ...connection,
    ...(options.concurrency ? { maxSockets: Math.max(options.concurrency, 16) } : {}),
    ...(ctx.io.signal ? { signal: ctx.io.signal } : {}),
    // Once per notice and run: PactFlow marks what it deprecates in the title of its answers.
    onNotice: (notice) => ctx.err(`${ctx.errColors.yellow(`warning: PactFlow says: ${visible(notice)}`)}\n`),
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

/** A read of the live organization under way, before (or without) a spinner to show it. */
export interface LiveRead {
  result: Promise<LiveState>;
  /** Where the count of accounts read goes, once a spinner shows it. */
  shown: { progress?: Progress };
}

/**
 * Starts reading the live organization now, so that other work (loading the file) overlaps the
 * round trips. Nothing is printed until readLiveState shows it; a read never awaited (the file
 * had problems) ends when the client is closed, and its failure is not reported.
 */
export function startLiveRead(ctx: CommandContext, reader: LiveReader): LiveRead {
  const shown: LiveRead['shown'] = {};
  const result = untilInterrupted(
    ctx,
    `stopped while reading ${reader.baseUrl}; nothing was planned, written or changed.`,
    () =>
      fetchLiveState(reader, {
        // Only a spinner shows the count; without one, no line is worth putting together.
        ...(ctx.interactive
          ? {
              onProgress: (read: number, total: number | undefined) =>
                shown.progress?.update(
                  `Reading system accounts from ${reader.baseUrl}: read ${total === undefined ? count(read, 'account') : `${grouped(read)}/${count(total, 'account')}`}`,
                ),
            }
          : {}),
      }),
  );
  // Awaited by readLiveState; until then (or if it never is) a failure must not count as unhandled.
  result.catch(() => undefined);
  return { result, shown };
}

/**
 * Reads the live organization (or finishes a read already started) with a spinner on an
 * interactive stderr. It holds a LiveReader only: nothing on the read path can write.
 */
export async function readLiveState(
  ctx: CommandContext,
  reader: LiveReader,
  read: LiveRead = startLiveRead(ctx, reader),
): Promise<LiveState> {
  // The reads start first: loading the spinner, when there is one, takes as long as a round trip.
  const progress = await createProgress(ctx.io.stderr, ctx.interactive, ctx.errColors);
  read.shown.progress = progress;
  progress.start(`Reading system accounts from ${reader.baseUrl}`);
  try {
    const live = await read.result;
    progress.succeed(
      `Read ${count(live.accounts.length, 'system account')}, ${count(live.teams.length, 'team')} and ${count(live.roles.length, 'role')} from ${reader.baseUrl}`,
    );
    return live;
  } catch (error) {
    if (ctx.io.signal?.aborted) progress.stop();
    else progress.fail('Could not read the live state');
    throw error;
  }
}
