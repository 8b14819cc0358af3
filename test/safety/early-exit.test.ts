import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { exitOf, spawnCli } from '../helpers/spawn-cli.js';

// When plan or apply -f fails before it reads the file (no token, a bad --out path), the error is
// all there is to do: the process must end with it, never wait on the file. A named pipe that
// nobody writes stands for a file that takes as long as it likes to read.
it.each([
  ['plan without a token', ['plan'], {}],
  [
    'plan with an --out in a missing folder',
    ['plan', '--out', '/nonexistent-dir/plan.json'],
    { token: true },
  ],
  ['apply without a token', ['apply', '--auto-approve'], {}],
])(
  '%s exits 1 without waiting for the file it started loading',
  async (_, args, over) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pfa-fifo-'));
    const file = path.join(dir, 'accounts.yaml');
    execFileSync('mkfifo', [file]);
    const child = spawnCli([...args, '-f', file], {
      PACT_BROKER_BASE_URL: 'http://127.0.0.1:9',
      ...('token' in over ? { PACT_BROKER_TOKEN: 'a-token' } : {}),
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      const { code, signal } = await exitOf(child);
      expect(child.output.stderr).toMatch(/^error: /);
      expect({ code, signal }).toEqual({ code: 1, signal: null });
    } finally {
      clearTimeout(guard);
    }
  },
  30_000,
);

// Once a command is done, the process ends when its output is written: nothing Node still holds (a
// keep-alive socket, a prompt's stdin, a garbage collection under way) keeps it running. A timer
// that never fires, started before the CLI, stands for all of them.
it.each([
  ['validate', ['validate', '-f', 'examples/accounts.yaml'], 0, /is valid/],
  ['an invalid file', ['validate', '-f', 'test/fixtures/invalid/duplicate-key.yaml'], 1, /duplicate key/i],
])(
  '%s: the process ends with the command, though something still holds the event loop',
  async (_, args, expected, output) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pfa-hold-'));
    const hold = path.join(dir, 'hold.cjs');
    writeFileSync(hold, 'setInterval(() => {}, 60_000);\n');
    const child = spawnCli(args, { NODE_OPTIONS: `--require ${hold}` });
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      const { code, signal } = await exitOf(child);
      expect({ code, signal }).toEqual({ code: expected, signal: null });
      expect(child.output.stdout + child.output.stderr).toMatch(output);
    } finally {
      clearTimeout(guard);
    }
  },
  30_000,
);
