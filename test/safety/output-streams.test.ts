import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { CLI } from '../helpers/spawn-cli.js';

// What the binary does when its output cannot be written (npm test builds first).
function run(
  stdout: 'pipe' | number,
  closeAtOnce = false,
  args = ['validate', '-f', 'examples/accounts.yaml'],
  env: Record<string, string> = {},
) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
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

  describe('against PactFlow', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
    });
    afterAll(async () => {
      await emulator?.close();
    });
    const pactflow = () => ({ PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken });

    it('an apply whose reader has gone still makes every change, and exits with its own code', async () => {
      const apply = await run(
        'pipe',
        true,
        ['apply', '-f', 'examples/accounts.yaml', '--auto-approve'],
        pactflow(),
      );
      expect(apply).toEqual({ code: 0, stderr: expect.not.stringMatching(/error/) as unknown as string });
      // Nothing is left to do: the run was not cut short at its first line of output.
      const plan = await run(
        'pipe',
        false,
        ['plan', '-f', 'examples/accounts.yaml', '--detailed-exitcode'],
        pactflow(),
      );
      expect(plan.code).toBe(0);
    });

    // The process ends itself once a command is done (src/cli/main.ts): only after the output it
    // holds has reached the reader. A pipe holds 64 KB; this plan is some 2 MB, and the reader
    // takes none of it until the plan has been read from PactFlow.
    it('a plan far larger than a pipe holds reaches a reader that starts late, complete', async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-big-')), 'accounts.yaml');
      const accounts = Array.from({ length: 2000 }, (_, i) => `  - name: ci-bulk-${i}\n    roles: [CI/CD]\n`);
      writeFileSync(file, `version: 1\nsystemAccounts:\n${accounts.join('')}`);
      const child = spawn(process.execPath, [CLI, 'plan', '-f', file, '--format', 'json'], {
        env: { PATH: process.env.PATH ?? '', ...pactflow() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.pause();
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/Read \d+ system accounts/.test(stderr)) child.stdout.resume();
      });
      const [code] = (await once(child, 'close')) as [number | null];
      expect(code).toBe(0);
      const plan = JSON.parse(stdout) as { changes: unknown[] };
      expect(plan.changes.length).toBeGreaterThanOrEqual(2000);
    });
  });
});
