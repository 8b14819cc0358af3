import { createInterface } from 'node:readline';
import type { CommandContext } from './context.js';

/** Asks on the terminal; only the word `yes` goes ahead. */
export async function confirmOnTerminal(ctx: CommandContext, question: string): Promise<boolean> {
  const stdin = ctx.io.stdin;
  if (!stdin) return false;
  const rl = createInterface({
    input: stdin,
    output: ctx.io.stderr as NodeJS.WritableStream,
    terminal: false,
  });
  try {
    ctx.err(question);
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
