import { InterruptedError } from '../errors.js';
import type { CommandContext } from './context.js';

/**
 * Runs one phase of a command under the run's AbortSignal. If SIGINT/SIGTERM arrives while it runs
 * (its requests are then cancelled) or just after, the command stops there with exit code 130 and
 * `done`, a sentence that says what had been done and what was not.
 */
export async function untilInterrupted<T>(
  ctx: CommandContext,
  done: string,
  work: () => Promise<T>,
): Promise<T> {
  const signal = ctx.io.signal;
  let result: T;
  try {
    if (signal?.aborted) throw new InterruptedError(done);
    result = await work();
  } catch (error) {
    if (signal?.aborted || error instanceof InterruptedError) throw new InterruptedError(done);
    throw error;
  }
  if (signal?.aborted) throw new InterruptedError(done);
  return result;
}
