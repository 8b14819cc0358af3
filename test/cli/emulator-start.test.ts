import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startText } from '../../src/cli/actions/emulator.js';
import { PLAIN } from '../../src/render/color.js';
import { cli } from '../helpers/run-cli.js';

const emptyDir = () => mkdtempSync(path.join(tmpdir(), 'pfa-emulator-'));

/** Runs `emulator` in-process in `cwd`, stopped at once: what it prints on start, or its error. */
async function startIn(cwd: string, args: string[]) {
  const stop = new AbortController();
  stop.abort();
  return cli(['emulator', '--port', '0', ...args], { cwd, signal: stop.signal });
}

describe('what the emulator prints to reach it', () => {
  const at = (url: string) =>
    startText({ url, adminToken: 'adm', tokens: {} }, 'Seeded from seed.yaml', PLAIN);

  it('on loopback: the address as it is, no opt-in', () => {
    const text = at('http://127.0.0.1:9292');
    expect(text).toContain('  export PACT_BROKER_BASE_URL=http://127.0.0.1:9292\n');
    expect(text).not.toContain('--allow-insecure-http');
  });

  it('on every address: loopback for this machine, the opt-in for others', () => {
    const text = at('http://0.0.0.0:9292');
    expect(text).toContain('  export PACT_BROKER_BASE_URL=http://127.0.0.1:9292\n');
    expect(text).toContain('--allow-insecure-http --base-url http://<this-host>:9292\n');
    expect(at('http://[::]:9292')).toContain('  export PACT_BROKER_BASE_URL=http://[::1]:9292\n');
  });

  it('on one address that is not loopback: that address, and the opt-in plain http to it needs', () => {
    const text = at('http://192.0.2.2:9292');
    expect(text).toContain('  export PACT_BROKER_BASE_URL=http://192.0.2.2:9292\n');
    expect(text).toContain(
      'Plain http to 192.0.2.2 needs an opt-in:\n  pactflow-accounts plan --allow-insecure-http -f accounts.yaml\n',
    );
  });
});

describe('bad emulator input is a usage error, not a stack', () => {
  it('an address that is not one to listen on', async () => {
    const run = await startIn(emptyDir(), ['--host', '[::]']);
    expect(run.code).toBe(1);
    // getaddrinfo's answer (ENOTFOUND, EAI_AGAIN) depends on the resolver; the message does not.
    expect(run.stderr).toMatch(/^error: cannot listen on \[::\]: E[A-Z_]+\n/);
    expect(run.stderr).toContain('or 0.0.0.0 (or ::) for every address');
    expect(run.stderr).not.toContain('unexpected failure');
  });

  it('--state in a folder that does not exist', async () => {
    const dir = emptyDir();
    const run = await startIn(dir, ['--state', 'missing/state.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: cannot save emulator state to ${path.join(dir, 'missing', 'state.json')}: ENOENT`,
    );
    expect(run.stderr).toContain('Give --state a file in a folder that exists');
    expect(run.stderr).not.toContain('unexpected failure');
  });

  it('--state naming a folder', async () => {
    const dir = emptyDir();
    mkdirSync(path.join(dir, 'state'));
    const run = await startIn(dir, ['--state', 'state']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: cannot keep emulator state in ${path.join(dir, 'state')}: it is not a regular file`,
    );
    expect(run.stderr).toContain('Give --state a file, or a path where one can be made.');
  });

  it('--admin-token beside a saved state: a warning that the saved tokens stay', async () => {
    const dir = emptyDir();
    expect((await startIn(dir, ['--state', 'state.json', '--admin-token', 'tok-1'])).code).toBe(0);
    const again = await startIn(dir, ['--state', 'state.json', '--admin-token', 'tok-2']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      'warning: --admin-token is not used: the state saved in state.json keeps its own tokens',
    );
    expect(again.stdout).toContain('PACT_BROKER_TOKEN=tok-1\n');
  });
});
