import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { cli } from '../helpers/run-cli.js';
import { exitOf, waitFor } from '../helpers/spawn-cli.js';

// A desired-state file that is not a plain file (a named pipe, a terminal, /dev/stdin, a device)
// has no size to check before it is read: it is read within the same 5 MB, counted on the bytes
// read, and a read that waits for a writer ends at once on Ctrl+C or SIGTERM.

const dir = mkdtempSync(path.join(tmpdir(), 'pfa-special-'));
let fifos = 0;
function fifo(): string {
  const file = path.join(dir, `accounts-${++fifos}.yaml`);
  execFileSync('mkfifo', [file]);
  return file;
}

/**
 * The pipe's write end, once a reader has it open (until then, opening it without waiting fails
 * with ENXIO): the event that says the command is reading the file.
 */
async function writerOnceRead(file: string): Promise<number> {
  let fd: number | undefined;
  await waitFor(() => {
    try {
      fd = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENXIO') return false;
      throw error;
    }
  });
  return fd!;
}

describe('a desired-state file that is not a plain file', () => {
  it('is read from a named pipe to its end', async () => {
    const file = fifo();
    const run = cli(['validate', '-f', file]);
    const writer = await writerOnceRead(file);
    writeSync(writer, 'version: 1\nsystemAccounts:\n  - name: ci-a\n');
    closeSync(writer);
    expect(await run).toEqual({ code: 0, stdout: `✓ ${file} is valid: 1 system account\n`, stderr: '' });
  });

  it('stops at 5 MB read from a device that never ends (/dev/zero)', async () => {
    const run = await cli(['validate', '-f', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      '/dev/zero:1:1: file is larger than 5 MB \u2014 a desired-state file of that size is not a list of accounts; check that -f names the right file\nFound 1 problem in /dev/zero\n',
    );
  });

  it('stops at 5 MB read from a pipe whose writer goes on', async () => {
    const file = fifo();
    const run = cli(['validate', '-f', file]);
    const writer = await writerOnceRead(file);
    const chunk = Buffer.alloc(64 * 1024, '#');
    // Written until the reader has given up and closed its end (EPIPE); EAGAIN: the pipe is full.
    const writing = (async () => {
      for (;;) {
        try {
          writeSync(writer, chunk);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return;
          if (code !== 'EAGAIN') throw error;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    })();
    const { code, stderr } = await run;
    await writing;
    closeSync(writer);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:1:1: file is larger than 5 MB`);
  });

  it('ends a read waiting on a pipe when the run is interrupted', async () => {
    const file = fifo();
    const controller = new AbortController();
    const run = cli(['validate', '-f', file], { signal: controller.signal });
    const writer = await writerOnceRead(file);
    controller.abort(new Error('received SIGINT'));
    const { code, stderr } = await run;
    closeSync(writer);
    expect(code).toBe(130);
    expect(stderr).toBe('Interrupted: interrupted while the desired-state file was read\n');
  });
});

describe('the binary waiting on a named pipe whose writer sends nothing', () => {
  // The binary bundled from the sources as they are now (scripts/bundle.mjs), with real signals.
  let bin: string;
  beforeAll(async () => {
    const { bundleCli } = (await import(pathToFileURL(path.resolve('scripts/bundle.mjs')).href)) as {
      bundleCli: (outdir: string) => Promise<void>;
    };
    const out = mkdtempSync(path.join(tmpdir(), 'pfa-bin-'));
    await bundleCli(out);
    bin = path.join(out, 'pactflow-accounts.js');
  }, 60_000);

  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  /** Starts the binary on a fresh pipe, and resolves once it has the pipe open for reading. */
  async function started(args: string[], env: Record<string, string> = {}) {
    const file = fifo();
    const child = spawn(process.execPath, [bin, ...args, '-f', file], {
      env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
      stdio: 'pipe',
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A guard only: a binary deaf to the signal fails the test instead of outliving it.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => clearTimeout(guard));
    const writer = await writerOnceRead(file);
    return { child, writer, stderr: () => stderr };
  }

  it('validate: the first SIGINT ends it at once, exit 130', async () => {
    const { child, writer, stderr } = await started(['validate']);
    child.kill('SIGINT');
    const exit = await exitOf(child);
    closeSync(writer);
    expect(exit).toEqual({ code: 130, signal: null });
    expect(stderr()).toBe('Interrupted: interrupted while the desired-state file was read\n');
  });

  it('plan, with the reads from PactFlow under way: SIGTERM ends it at once', async () => {
    emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
    const { child, writer, stderr } = await started(['plan'], {
      PACT_BROKER_BASE_URL: emulator.url,
      PACT_BROKER_TOKEN: emulator.adminToken,
    });
    child.kill('SIGTERM');
    const exit = await exitOf(child);
    closeSync(writer);
    expect(exit).toEqual({ code: 130, signal: null });
    expect(stderr()).toContain(
      'Interrupted: stopped before the plan was complete; nothing was saved or changed.',
    );
    expect(emulator.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
