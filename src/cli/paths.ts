import path from 'node:path';
import type { CommandContext } from './context.js';

/** Paths as the user typed them for messages, absolute for I/O. */
export function resolveInCwd(ctx: CommandContext, given: string): { display: string; absolute: string } {
  return { display: given, absolute: path.resolve(ctx.io.cwd, given) };
}
