import path from 'node:path';
import { startLoaderThread } from '../config/loader-thread.js';
import type { CommandContext } from './context.js';

/** Paths as the user typed them for messages, absolute for I/O. */
export function resolveInCwd(ctx: CommandContext, given: string): { display: string; absolute: string } {
  return { display: given, absolute: path.resolve(ctx.io.cwd, given) };
}

/**
 * Starts loading the desired-state file in its own thread, before the command's own code (got
 * and the planner) is loaded: the two then take their time side by side. planFromFile picks it up.
 */
export function startFileLoad(ctx: CommandContext, given: string): void {
  const { display, absolute } = resolveInCwd(ctx, given);
  const thread = startLoaderThread({ file: display, location: absolute });
  if (thread) ctx.fileLoad = { location: absolute, ...thread };
}
