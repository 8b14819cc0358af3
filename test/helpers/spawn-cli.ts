import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { TEST_CLI_DIR } from './cli-bundle.js';

/**
 * The CLI bundled from the source for this run (test/helpers/cli-bundle.ts), for tests that need
 * a real process: signals, kills, special files.
 */
export const CLI = path.join(TEST_CLI_DIR, 'bin', 'pactflow-accounts.js');

export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
    stdio: 'pipe',
  }) as ChildProcessWithoutNullStreams & { output: { stdout: string; stderr: string } };
  child.output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (child.output.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (child.output.stderr += d.toString()));
  return child;
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const exitOf = (child: ChildProcessWithoutNullStreams) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
