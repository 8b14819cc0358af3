import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectToPactflow, desiredStateFromObject } from '../../src/index.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { accountsIn, expectStateMatchesFile } from '../helpers/emulator.js';
import { main, syncAccounts } from '../../examples/library.js';

// The example imports the package by name, as a program does; here that name is the source.
vi.mock('pactflow-accounts', () => import('../../src/index.js'));

const EXAMPLE = 'examples/accounts.yaml';

let emulator: RunningEmulator;
let env: Record<string, string>;
beforeEach(async () => {
  emulator = await startEmulator({ seedFile: 'examples/seed.yaml' });
  env = { PACT_BROKER_BASE_URL: emulator.url, PACT_BROKER_TOKEN: emulator.adminToken };
});
afterEach(() => emulator.close());

/** Runs the example's main, collecting what it prints. */
async function run(args: string[], environment: Record<string, string> = env) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    environment,
    (text) => (stdout += text),
    (text) => (stderr += text),
  );
  return { code, stdout, stderr };
}

const writes = () => emulator.requests().filter((r) => r.method !== 'GET');

describe('docs/library.md', () => {
  it('shows examples/library.ts, word for word', () => {
    const doc = readFileSync('docs/library.md', 'utf8');
    const block = /<!-- examples\/library\.ts -->\n```ts\n([\s\S]*?)```\n/.exec(doc);
    expect(block, 'a ```ts block right after <!-- examples/library.ts -->').not.toBeNull();
    expect(block![1]).toBe(readFileSync('examples/library.ts', 'utf8'));
  });
});

describe('the library example, against the emulator', () => {
  it('prints the plan and changes nothing without --apply', async () => {
    const result = await run([EXAMPLE]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Plan for ${emulator.url} from ${EXAMPLE}:`);
    expect(result.stdout).toContain('~ ci-stock → ci-inventory will be renamed');
    expect(result.stdout).toContain('+ role Contract Reader will be created');
    expect(writes()).toEqual([]);
  });

  it('applies the plan with --apply, after which there is nothing left to do', async () => {
    const applied = await run([EXAMPLE, '--apply']);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toContain('done: account ci-payments-contracts has been created');
    expectStateMatchesFile(emulator.snapshot(), EXAMPLE);

    emulator.clearLog();
    const again = await run([EXAMPLE, '--apply']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain(`No changes. PactFlow matches ${EXAMPLE}`);
    expect(writes()).toEqual([]);
  });

  it('reports an invalid file with every problem, and reads nothing', async () => {
    const result = await run(['test/fixtures/invalid/many-problems.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      [
        'error: Found 4 problems in test/fixtures/invalid/many-problems.yaml',
        '  test/fixtures/invalid/many-problems.yaml:4:12: systemAccounts[0].state: must be one of enabled, disabled, deleted, not "gone"',
      ].join('\n'),
    );
    expect(result.stderr).toContain(':7:5: systemAccounts[1]: unknown field "teamz" (did you mean "teams"?)');
    expect(emulator.requests()).toEqual([]);
  });

  it('refuses a token PactFlow does not know, with the hint, and changes nothing', async () => {
    const result = await run([EXAMPLE, '--apply'], { ...env, PACT_BROKER_TOKEN: 'not-a-token' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401 Unauthorized');
    expect(result.stderr).toContain('The token was refused.');
    expect(result.stderr).not.toContain('not-a-token');
    expect(writes()).toEqual([]);
  });

  it('plans and applies a desired state built from a plain object', async () => {
    const { desired } = desiredStateFromObject({
      version: 1,
      policy: { scope: { include: ['bot-*'] } },
      systemAccounts: [{ name: 'bot-release', teams: ['Payments'], roles: ['CI/CD'] }],
    });
    const pactflow = await connectToPactflow({ baseUrl: emulator.url, token: emulator.adminToken });
    let printed = '';
    try {
      const { plan, result } = await syncAccounts(desired, pactflow, {
        apply: true,
        print: (text) => (printed += text),
      });
      expect(plan.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['create bot-release']);
      expect(result?.outcomes.map((o) => o.status)).toEqual(['done']);
    } finally {
      pactflow.close();
    }
    expect(printed).toContain('+ bot-release will be created');
    expect(accountsIn(emulator.snapshot()).get('bot-release')).toMatchObject({
      active: true,
      roles: ['CI/CD'],
      teams: ['Payments'],
    });
  });
});
