import { describe, expect, it } from 'vitest';
import { cli } from './helpers/run-cli.js';

describe('the command line', () => {
  it('--help lists the commands and the exit codes', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['validate', 'plan', 'apply', 'export', 'emulator'])
      expect(run.stdout).toContain(command);
    expect(run.stdout).toContain('3 a safety guard refuses the plan');
  });

  it('--version prints the version', async () => {
    const run = await cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('an unknown command or option is exit 1 with a hint', async () => {
    const run = await cli(['plna']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown command 'plna'");
    expect(run.stderr).toContain('(Did you mean plan?)');
    const bad = await cli(['plan', '--format', 'yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("argument 'yaml' is invalid. Allowed choices are text, markdown, json.");
  });

  it('refuses a token on the command line without echoing it', async () => {
    const run = await cli(['plan', '--token', 'sekret-value']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--token is not accepted');
    expect(run.stderr).not.toContain('sekret-value');
  });

  it('a missing connection names both ways to give it', async () => {
    const run = await cli(['plan', '-f', 'examples/accounts.yaml'], { env: { PACT_BROKER_TOKEN: 't' } });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: no PactFlow base URL\n  Pass --base-url https://your-org.pactflow.io or set PACT_BROKER_BASE_URL.\n',
    });
  });

  it('plain http to a remote host is refused before any request', async () => {
    const run = await cli(['plan', '--base-url', 'http://acme.pactflow.io'], {
      env: { PACT_BROKER_TOKEN: 't' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--base-url must use https://');
  });

  it('apply takes a saved plan or -f, not both', async () => {
    const run = await cli(['apply', 'plan.json', '-f', 'accounts.yaml'], {
      env: { PACT_BROKER_TOKEN: 't', PACT_BROKER_BASE_URL: 'https://acme.pactflow.io' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('give either a saved plan or -f FILE, not both');
  });

  it('bad numbers for limits are usage errors', async () => {
    const run = await cli(['apply', '--allow-deletes', '-1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('expected a whole number of at least 0');
  });
});

describe('emulator state files', () => {
  it('a file that is not emulator state is a clear error', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-state-')), 'state.json');
    writeFileSync(file, '{"users": []}');
    const { startEmulator } = await import('../src/emulator/server.js');
    await expect(startEmulator({ stateFile: file })).rejects.toThrow(
      'not an emulator state file (no deleted, teams, roles, tokens)',
    );
  });
});
