import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/spawn-cli.js';

// What the binary does when its output cannot be written (npm test builds first).
function run(stdout: 'pipe' | number, closeAtOnce = false) {
  const child = spawn(process.execPath, [CLI, 'validate', '-f', 'examples/accounts.yaml'], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // A reader that has gone before the first line (`| head -0`): the write fails with EPIPE.
  if (closeAtOnce) child.stdout!.destroy();
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

describe('output that cannot be written', () => {
  it('a reader that has gone (a closed pipe) ends the run quietly', async () => {
    const { code, stderr } = await run('pipe', true);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it.runIf(process.platform === 'linux')(
    'a full disk is one line of error and exit code 1, not a stack trace',
    async () => {
      const full = openSync('/dev/full', 'w');
      try {
        const { code, stderr } = await run(full);
        expect(code).toBe(1);
        expect(stderr).toBe('error: cannot write the output: ENOSPC: no space left on device, write\n');
      } finally {
        closeSync(full);
      }
    },
  );
});
