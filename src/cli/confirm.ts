import { createInterface } from 'node:readline';
import { InterruptedError } from '../errors.js';
import type { CommandContext } from './context.js';

/**
 * Asks on the terminal; only the word `yes` goes ahead. SIGINT/SIGTERM while it waits ends the
 * question with an InterruptedError (exit 130): nothing has been changed at that point.
 */
export async function confirmOnTerminal(ctx: CommandContext, question: string): Promise<boolean> {
  const stdin = ctx.io.stdin;
  if (!stdin) return false;
  const signal = ctx.io.signal;
  const cancelled = () => new InterruptedError('cancelled at the confirmation prompt; nothing was changed.');
  if (signal?.aborted) throw cancelled();
  const rl = createInterface({
    input: stdin,
    output: ctx.io.stderr as NodeJS.WritableStream,
    terminal: false,
  });
  let onAbort: (() => void) | undefined;
  try {
    ctx.err(question);
    const answer = await new Promise<string | undefined>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
      onAbort = () => resolve(undefined);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    if (answer === undefined) {
      ctx.err('\n');
      throw cancelled();
    }
    return answer.trim() === 'yes';
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    rl.close();
  }
}
