import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  copyFileSync,
  createReadStream,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import { CLI } from '../helpers/spawn-cli.js';

// Issue 20, items 1 and 2, as a user meets them: the built CLI against the emulator.

const tmp = () => mkdtempSync(path.join(tmpdir(), 'pfa-out-paths-'));
const EXAMPLE = path.resolve('examples/accounts.yaml');

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI in `cwd`, to its exit; `onExit` runs as soon as it has exited. */
function runBuilt(args: string[], env: Record<string, string>, cwd: string, onExit = () => {}): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      onExit();
      resolve({ ...run, code });
    }),
  );
}

describe('--out writes through devices and FIFOs and follows links (built CLI)', () => {
  it('plan --out a FIFO gives the plan to its reader; the FIFO stays a FIFO', async () => {
    h = await harness();
    const dir = tmp();
    const fifo = path.join(dir, 'plan.fifo');
    execFileSync('mkfifo', [fifo]);
    // A second name for the FIFO: it reaches the FIFO even if a file is renamed over plan.fifo.
    const same = path.join(dir, 'same.fifo');
    linkSync(fifo, same);
    const read = buffer(createReadStream(same));
    // Should the run end without opening the FIFO, a writer that opens and closes it ends the read.
    const release = () => {
      try {
        closeSync(openSync(same, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader left: the read has ended.
      }
    };
    const run = await runBuilt(['plan', '-f', EXAMPLE, '--out', fifo], h.env, dir, release);
    expect(run.stderr).toContain('Saved the plan to');
    expect(run.code).toBe(0);
    expect(JSON.parse((await read).toString())).toMatchObject({ formatVersion: 1 });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.each([
    ['plan --out', (out: string) => ['plan', '-f', EXAMPLE, '--out', out], /^\{/],
    [
      'plan --out-markdown',
      (out: string) => ['plan', '-f', EXAMPLE, '--out-markdown', out],
      /^<!-- pactflow-accounts-plan -->/,
    ],
    ['export --out --force', (out: string) => ['export', '--out', out, '--force'], /^# yaml-language/],
  ])('%s through a symlink replaces its target atomically; the link stays', async (_name, args, start) => {
    h = await harness();
    const dir = tmp();
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'target'), 'old\n');
    symlinkSync('real/target', path.join(dir, 'link'));
    const run = await runBuilt(args(path.join(dir, 'link')), h.env, dir);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(lstatSync(path.join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link'))).toBe('real/target');
    expect(readFileSync(path.join(dir, 'real', 'target'), 'utf8')).toMatch(start);
    // The temp file was made beside the target and renamed onto it: none is left anywhere.
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['target']);
    expect(readdirSync(dir).sort()).toEqual(['link', 'real']);
  });

  // /dev/null is reached through a link in a scratch folder: were writes ever to replace again
  // what they land on, the test (run as root, as CI containers run) replaces the link, not the
  // machine's /dev/null. The link is followed, so the write lands on /dev/null itself.
  it('plan --out and --out-markdown onto /dev/null write through it: it stays a character device', async () => {
    h = await harness();
    const dir = tmp();
    symlinkSync('/dev/null', path.join(dir, 'null'));
    const before = statSync('/dev/null');
    const run = await runBuilt(
      ['plan', '-f', EXAMPLE, '--out', 'null', '--out-markdown', 'null'],
      h.env,
      dir,
    );
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(readlinkSync(path.join(dir, 'null'))).toBe('/dev/null');
    expect(readdirSync(dir)).toEqual(['null']);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
  });
});

describe('an output that is a file the run reads is refused before PactFlow is read (built CLI)', () => {
  const project = () => {
    const dir = tmp();
    copyFileSync(EXAMPLE, path.join(dir, 'accounts.yaml'));
    return dir;
  };

  it.each([
    [
      ['plan', '--out', 'accounts.yaml'],
      '--out accounts.yaml is the desired-state file read by -f; choose another path',
    ],
    [
      ['plan', '--out-markdown', './accounts.yaml'],
      '--out-markdown ./accounts.yaml is the desired-state file read by -f (accounts.yaml); choose another path',
    ],
    [
      ['plan', '-f', 'link.yaml', '--out', 'accounts.yaml'],
      '--out accounts.yaml is the desired-state file read by -f (link.yaml); choose another path',
    ],
  ])('%j', async (args, message) => {
    h = await harness();
    const dir = project();
    symlinkSync('accounts.yaml', path.join(dir, 'link.yaml'));
    const before = readFileSync(path.join(dir, 'accounts.yaml'), 'utf8');
    const run = await runBuilt(args, h.env, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'accounts.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['accounts.yaml', 'link.yaml']);
    expect(h.emulator.requests()).toEqual([]);
  });

  it('export --out the --token-file --force is refused; the token survives', async () => {
    h = await harness();
    const dir = tmp();
    writeFileSync(path.join(dir, 'token'), `${h.emulator.adminToken}\n`);
    const run = await runBuilt(
      ['export', '--token-file', 'token', '--out', 'token', '--force'],
      { PACT_BROKER_BASE_URL: h.emulator.url },
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--out token is the token file read by --token-file; choose another path');
    expect(run.stderr).not.toContain(h.emulator.adminToken);
    expect(readFileSync(path.join(dir, 'token'), 'utf8')).toBe(`${h.emulator.adminToken}\n`);
    expect(h.emulator.requests()).toEqual([]);
  });

  it('plan --out and --out-markdown on one file is refused', async () => {
    h = await harness();
    const dir = project();
    const run = await runBuilt(['plan', '--out', 'plan.out', '--out-markdown', 'plan.out'], h.env, dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--out-markdown plan.out is also the --out file; choose another path');
    expect(readdirSync(dir)).toEqual(['accounts.yaml']);
    expect(h.emulator.requests()).toEqual([]);
  });
});
