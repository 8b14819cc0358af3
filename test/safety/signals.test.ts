import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import type { CountingProxy } from '../helpers/counting-proxy.js';
import { countingProxy } from '../helpers/counting-proxy.js';
import { CLI, exitOf, spawnCli, waitFor } from '../helpers/spawn-cli.js';
import type { HoldingServer } from './holding-server.js';
import { holdingServer } from './holding-server.js';

// Ctrl+C through the real binary. Reads go to a server that never answers, so every command is
// caught with reads in flight whatever the machine's speed: the first SIGINT must cancel them,
// start nothing new, say what was done and exit 130 — and, since no answer ever comes, a command
// that ends at all did not wait for them.
let emulator: RunningEmulator | undefined;
let proxy: CountingProxy | undefined;
let held: HoldingServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await emulator?.close();
  await held?.close();
  proxy = emulator = held = undefined;
});

async function silentPactflow() {
  held = await holdingServer();
  return { PACT_BROKER_BASE_URL: held.url, PACT_BROKER_TOKEN: 'held-token' };
}

describe('the first SIGINT stops any command with reads in flight, exit 130', () => {
  it.each([
    ['plan', ['plan', '-f', 'examples/accounts.yaml'], 'nothing was saved or changed'],
    ['export', ['export'], 'nothing was planned, written or changed'],
    ['validate --online', ['validate', '-f', 'examples/accounts.yaml', '--online'], 'nothing was'],
    ["apply's read phase", ['apply', '-f', 'examples/accounts.yaml', '--auto-approve'], 'nothing was'],
  ])('%s', async (_, args, said) => {
    const env = await silentPactflow();
    const child = spawnCli(args, env);
    // The live state is read in one parallel wave: signal once several reads are in flight.
    await held!.arrived(4);
    child.kill('SIGINT');
    const { code } = await exitOf(child);
    expect(code).toBe(130);
    expect(child.output.stderr).toContain('Interrupted');
    expect(child.output.stderr).toContain(said);
    expect(child.output.stderr).not.toMatch(/\n\s+at /);
    // Nothing but reads was asked for (no answer came that could lead to more).
    expect(held!.requests().every((r) => r.startsWith('GET '))).toBe(true);
  });

  it('SIGTERM too', async () => {
    const env = await silentPactflow();
    const child = spawnCli(['plan', '-f', 'examples/accounts.yaml'], env);
    await held!.arrived(1);
    child.kill('SIGTERM');
    expect((await exitOf(child)).code).toBe(130);
    expect(child.output.stderr).toContain('Interrupted');
  });
});

it('apply: the first SIGINT lets the writes in flight finish, starts none, reports and exits 130', async () => {
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml', latencyMs: 300 });
  proxy = await countingProxy(emulator.url);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-int-')), 'accounts.yaml');
  writeFileSync(
    file,
    `version: 1\nsystemAccounts:\n${Array.from({ length: 12 }, (_, i) => `  - {name: ci-int-${i}}\n`).join('')}`,
  );
  const child = spawnCli(['apply', '-f', file, '--auto-approve', '--concurrency', '2'], {
    PACT_BROKER_BASE_URL: proxy.url,
    PACT_BROKER_TOKEN: emulator.adminToken,
  });
  // Both lanes have a create in flight (each takes 300 ms to answer): signal then.
  await waitFor(() => proxy!.writesStarted() >= 2, 20_000);
  const writesAtSignal = proxy.writesStarted();
  child.kill('SIGINT');
  const { code } = await exitOf(child);
  expect(code).toBe(130);
  expect(child.output.stdout).toContain('Apply interrupted');
  expect(child.output.stdout).toMatch(/was not started \(interrupted\)/);
  // The writes in flight were let finish (each was answered), and none started after the signal.
  expect(proxy.writesStarted()).toBe(writesAtSignal);
  const written = emulator.requests().filter((r) => r.method !== 'GET');
  expect(written).toHaveLength(writesAtSignal);
  expect(written.every((r) => r.status < 300)).toBe(true);
}, 30_000);

it('Ctrl+C at the confirmation prompt on a terminal cancels with exit 130 and no write', async () => {
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
  // `script` gives the CLI a real pseudo-terminal, so the prompt is asked as a person would see it.
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --no-progress apply -f examples/accounts.yaml`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: {
      PATH: process.env.PATH ?? '',
      TERM: 'dumb',
      PACT_BROKER_BASE_URL: emulator.url,
      PACT_BROKER_TOKEN: emulator.adminToken,
    },
    stdio: 'pipe',
  });
  let screen = '';
  child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
  await waitFor(() => screen.includes("Only 'yes' will be accepted"), 20_000);
  expect(screen).toMatch(/Apply these \d+ changes to/);
  child.stdin.write('\x03'); // Ctrl+C as the terminal sends it
  const { code } = await exitOf(child as never);
  expect(code).toBe(130);
  expect(screen).toContain('cancelled at the confirmation prompt; nothing was changed.');
  expect(emulator.requests().filter((r) => r.method !== 'GET')).toEqual([]);
}, 30_000);

// plan starts its reads before it loads the file, so that the two overlap. A file with problems
// must still end the command at once with those problems alone: the reads under way are dropped,
// not waited for, and not reported. The server never answers, so a plan that waited would not end.
async function expectFileProblemAlone(child: ReturnType<typeof spawnCli>, problem: string) {
  const { code } = await exitOf(child);
  expect(code).toBe(1);
  expect(child.output.stderr).toContain(problem);
  expect(child.output.stderr).not.toContain('Could not read');
  expect(child.output.stderr).not.toMatch(/\n\s+at /);
}

it('plan with an invalid file exits 1 with its problems, without waiting for the reads it started', async () => {
  const env = await silentPactflow();
  // A FIFO: the file's text is given only once a read has reached the server.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-invalid-')), 'accounts.yaml');
  execFileSync('mkfifo', [file]);
  const child = spawnCli(['plan', '-f', file], env);
  await held!.arrived(1);
  const writing = writeFile(file, 'version: 1\nsystemAccounts:\n  - name: ci-last\n    state: gone\n');
  await expectFileProblemAlone(child, 'systemAccounts[0].state: must be one of enabled, disabled, deleted');
  // Had the command left without reading the FIFO, this lets the write above end.
  closeSync(openSync(file, constants.O_RDONLY | constants.O_NONBLOCK));
  await writing;
});
