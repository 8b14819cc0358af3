import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { disableInEmulator } from '../helpers/emulator.js';
import { cli } from '../helpers/run-cli.js';
import { CLI } from '../helpers/spawn-cli.js';

/**
 * The GitLab example's drift job, its shell run as the runner runs it, against the emulator: `npx
 * pactflow-accounts` is the CLI bundled from the source, except `publish`, which records its
 * arguments and copies the files it was given (no GitLab here).
 */
const job = parse(readFileSync('examples/gitlab/.gitlab-ci.yml', 'utf8')) as {
  drift: { script: string[] };
};
const SHIM = `npx() {
  shift
  if [ "$1" = publish ]; then
    echo "$*" >> publish.log
    for f in "$@"; do case "$f" in *.md) cat "$f" >> published.md ;; esac; done
    return 0
  fi
  node "$CLI" "$@"
}
`;

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
});
afterAll(() => emulator.close());

function runDriftJob(dir: string, env: Record<string, string>): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', SHIM + job.drift.script.join('\n')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', CLI, ...env },
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}

describe('the GitLab drift job, DRIFT_ACTION=adopt', { timeout: 60_000 }, () => {
  it("puts adopt's summary (how each account was paired) and the diff in the merge request; closes it once nothing is left", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gitlab-drift-'));
    copyFileSync('examples/accounts.yaml', path.join(dir, 'accounts.yaml'));
    const env = { PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken };
    expect((await cli(['apply', '-f', 'accounts.yaml', '--auto-approve'], { env, cwd: dir })).code).toBe(0);
    // In PactFlow's settings: ci-search disabled on purpose.
    await disableInEmulator(emulator, 'ci-search');

    const run = await runDriftJob(dir, { ...env, DRIFT_ACTION: 'adopt' });
    expect(run.code, run.log).toBe(0);
    expect(readFileSync(path.join(dir, 'publish.log'), 'utf8')).toBe(
      'publish --kind adopt --file adopt.md --file drift.md --adopted accounts.yaml\n',
    );
    const body = readFileSync(path.join(dir, 'published.md'), 'utf8');
    expect(body).toMatch(/^\+\s+state: disabled$/m);
    expect(body).toContain('ci-search: state');
    expect(body).toMatch(/adopted \d+ accounts?: 1 state/);
    // The diff is in the job log too, as the Action shows it.
    expect(run.log).toMatch(/^\+\s+state: disabled$/m);
    expect(readFileSync(path.join(dir, 'accounts.yaml'), 'utf8')).toContain('state: disabled');

    // The next run, the edit merged (here: the file as adopt left it): the merge request is closed.
    writeFileSync(path.join(dir, 'publish.log'), '');
    const again = await runDriftJob(dir, { ...env, DRIFT_ACTION: 'adopt' });
    expect(again.code, again.log).toBe(0);
    expect(readFileSync(path.join(dir, 'publish.log'), 'utf8')).toBe(
      'publish --kind adopt --file adopt.md --clean\n',
    );
    expect(readFileSync(path.join(dir, 'adopt.md'), 'utf8')).toBe(
      'Nothing left to adopt into `accounts.yaml`.\n',
    );
  });
});
