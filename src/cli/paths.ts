import { statSync } from 'node:fs';
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
  // Only a plain file: reading a pipe may wait on its writer, and a read that never ends would
  // hold the process at exit even if the command failed first. Anything else (or nothing there)
  // is read, and its problem reported, when the command gets to it.
  if (!statSync(absolute, { throwIfNoEntry: false })?.isFile()) return;
  const thread = startLoaderThread({ file: display, location: absolute });
  if (thread) ctx.fileLoad = { location: absolute, ...thread };
}
