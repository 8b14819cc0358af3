import { Readable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validatePlanDocument } from '../../src/plan/schema.js';
import type { Harness } from '../helpers/emulator.js';
import { accountsIn, expectStateMatchesFile, harness } from '../helpers/emulator.js';
import { exitOf, spawnCli, waitFor } from '../helpers/spawn-cli.js';
import { cli } from '../helpers/run-cli.js';

const EXAMPLE = 'examples/accounts.yaml';
let h: Harness | undefined;
/** How the emulator of the current test serves a team's member list (`--team-patch`). */
let teamPatch: 'served' | 'absent' = 'served';
afterEach(async () => {
  // No scenario may ever use the unverified POST team route (the strict emulator does not serve
  // it, so it would count as an unknown route), or any other route the emulator does not know.
  // Where the JSON Patch is served, the team-wide member replacement is never sent; where it is
  // absent, the PATCH is the only unknown route asked for (once per team, then the PUT).
  if (h) {
    const requests = h.emulator.requests();
    expect(requests.filter((r) => r.method === 'POST' && r.path.startsWith('/admin/teams/'))).toEqual([]);
    const unknown = requests.filter((r) => r.route.endsWith('(unknown)'));
    if (teamPatch === 'served') {
      expect(h.emulator.counters()['PUT /admin/teams/{t}/users'] ?? 0).toBe(0);
      expect(unknown).toEqual([]);
    } else {
      expect(
        unknown.filter((r) => !/^\/admin\/teams\/[^/]+\/users$/.test(r.path) || r.method !== 'PATCH'),
      ).toEqual([]);
    }
    await h.emulator.close();
  }
  h = undefined;
  teamPatch = 'served';
});

/** A change made by hand in PactFlow: the whole user sent back with `change` on top, as PUT is a full replace. */
async function changeByHand(name: string, change: Record<string, unknown>) {
  const user = h!.emulator.snapshot().users.find((u) => u.name === name)!;
  const response = await fetch(`${h!.emulator.url}/admin/users/${user.uuid}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${h!.emulator.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      uuid: user.uuid,
      name: user.name,
      active: user.active,
      type: user.type,
      ...(user.email === undefined ? {} : { email: user.email }),
      ...change,
    }),
  });
  expect(response.status).toBe(200);
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'pfa-e2e-'));
function write(name: string, text: string): string {
  const file = path.join(tmp(), name);
  writeFileSync(file, text);
  return file;
}

async function expectConverged(file: string) {
  expectStateMatchesFile(h!.emulator.snapshot(), file);
  const again = await h!.run(['plan', '-f', file, '--detailed-exitcode']);
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);
}

describe('plan against the emulator', () => {
  it('shows every kind of change, exits 2 with --detailed-exitcode, and never writes', async () => {
    h = await harness();
    const run = await h.run(['plan', '-f', EXAMPLE, '--detailed-exitcode']);
    expect(run.code).toBe(2);
    for (const line of [
      '+ ci-payments-contracts will be created',
      '~ ci-stock → ci-inventory will be renamed',
      '~ ci-orders will be updated',
      '~ ci-mobile-app will be enabled',
      '! ci-legacy-monolith will be disabled',
      '- ci-old-deployer will be deleted',
      '? ci-experimental — left as it is',
      'Plan: 1 to create, 1 to rename, 3 to update, 1 to enable, 1 to disable, 1 to delete; roles: 1 to create, 0 to update, 0 to delete; 1 privilege gain (!); 4 unchanged, 2 unmanaged.',
      '+ role Contract Reader will be created',
      'roles: [Read-Only] → [Contract Reader]  (+Contract Reader -Read-Only)',
      'permissions: +contract_data:read:* +environment:read:*',
      '~ ci-orders will be updated  ⚠ risky: gains privileges',
      'permissions: +contract_data:manage:own (!) +contract_data:manage:team (!) +contract_data:read:*',
    ]) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stdout).not.toContain('alice'); // people are never read as accounts
    expect(h.writes()).toEqual([]);
  });

  it('--format json is the saved-plan document and validates against the schema', async () => {
    h = await harness();
    const run = await h.run(['plan', '-f', EXAMPLE, '--format', 'json']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(validatePlanDocument(plan), JSON.stringify(validatePlanDocument.errors)).toBe(true);
    expect(plan.summary).toMatchObject({ create: 1, rename: 1, update: 3, enable: 1, disable: 1, delete: 1 });
    expect(plan.summary).toMatchObject({ roleCreate: 1, roleUpdate: 0, roleDelete: 0 });
  });

  it('appends the Markdown plan to GITHUB_STEP_SUMMARY', async () => {
    h = await harness();
    const summary = write('summary.md', '# earlier step\n');
    const run = await h.run(['plan', '-f', EXAMPLE, '--format', 'markdown'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!-- pactflow-accounts-plan -->')).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n<!-- pactflow-accounts-plan -->')).toBe(true);
  });

  it('a plan error names the file position; nothing is written', async () => {
    h = await harness();
    const file = write('accounts.yaml', 'version: 1\nsystemAccounts:\n  - name: ci-x\n    roles: [CI-CD]\n');
    const run = await h.run(['plan', '-f', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}:4:13: systemAccounts[0].roles[0]: unknown role "CI-CD" (did you mean "CI/CD"?)`,
    );
    expect(run.stderr).toContain(`Found 1 problem in ${file}`);
  });

  it('a token of a person with only the built-in User role can plan: reads need only read scopes', async () => {
    h = await harness();
    const run = await h.run(['plan', '-f', EXAMPLE, '--detailed-exitcode'], {
      env: { PACT_BROKER_TOKEN: h.emulator.tokens.bob!.readOnly },
    });
    expect(run.stderr).toContain('Read 14 system accounts');
    expect(run.stderr).not.toMatch(/\b403\b|Forbidden/);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'Plan: 1 to create, 1 to rename, 3 to update, 1 to enable, 1 to disable, 1 to delete',
    );
    expect(h.emulator.requests().every((r) => r.status === 200)).toBe(true);
    expect(h.writes()).toEqual([]);
  });

  it('never prints the token, even in errors', async () => {
    h = await harness();
    const bad = await h.run(['plan', '-f', EXAMPLE], { env: { PACT_BROKER_TOKEN: 'wrong-token-123' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('401 Unauthorized');
    const good = await h.run(['plan', '-f', EXAMPLE, '--verbose']);
    for (const out of [bad.stdout, bad.stderr, good.stdout, good.stderr]) {
      expect(out).not.toContain('wrong-token-123');
      expect(out).not.toContain(h.emulator.adminToken);
    }
  });
});

describe('apply against the emulator', () => {
  it.each(['served', 'absent'] as const)(
    'every action, the team PATCH %s: one apply converges; state equals the file; a new plan is empty',
    async (mode) => {
      teamPatch = mode;
      h = await harness({ seedFile: 'examples/seed.yaml', teamPatch: mode });
      const before = accountsIn(h.emulator.snapshot());
      const run = await h.run(['apply', '-f', EXAMPLE, '--auto-approve']);
      expect(run.code).toBe(0);
      // Two team additions (ci-payments-contracts to Payments, ci-shipping to Shipping): by JSON
      // Patch where it is served, else by the verified read-modify-write, once per team.
      if (mode === 'served') expect(h.emulator.counters()['PATCH /admin/teams/{t}/users']).toBe(2);
      else expect(h.emulator.counters()['PUT /admin/teams/{t}/users']).toBe(2);
      expect(run.stdout).toContain('Apply complete: 9 done, 0 failed, 0 interrupted, 0 not started.');
      // Progress counts every change, role changes included, the same way from first to last.
      const counts = [...run.stderr.matchAll(/^\[(\d+)\/(\d+)\]/gm)].map((m) => `${m[1]}/${m[2]}`);
      expect(counts).toEqual(Array.from({ length: 9 }, (_, i) => `${i + 1}/9`));
      expect(run.stderr).toContain('applied 9 of 9');
      await expectConverged(EXAMPLE);
      const after = accountsIn(h.emulator.snapshot());
      // The new account was auto-added to Default by the server and taken out again.
      expect(after.get('ci-payments-contracts')!.teams).toEqual(['Payments']);
      // Unmanaged, protected and out-of-scope accounts are untouched.
      for (const name of ['ci-experimental', 'ci-break-glass', 'deploy-bot'])
        expect(after.get(name)).toEqual(before.get(name));
      const people = h.emulator.snapshot().users.filter((u) => u.type === 0);
      expect(people.map((u) => u.name)).toEqual(['alice', 'bob']);
      // bob, a person, is still a member of Payments.
      const payments = h.emulator.snapshot().teams.find((t) => t.name === 'Payments')!;
      expect(payments.members).toContain(people.find((u) => u.name === 'bob')!.uuid);
    },
  );

  it('a rename of a disabled account with an email keeps it disabled and keeps the email', async () => {
    h = await harness({
      seed: {
        systemAccounts: [
          { name: 'ci-old-name', email: 'old@example.com', state: 'disabled' },
          { name: 'ci-other', email: 'other@example.com' },
        ],
      },
    });
    const file = write(
      'rename.yaml',
      'version: 1\nsystemAccounts:\n  - {name: ci-new-name, previousNames: [ci-old-name], state: disabled}\n  - {name: ci-other}\n',
    );
    const run = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Apply complete: 1 done');
    expect(h.writes()).toEqual(['PUT /admin/users/{u} 200']);
    const renamed = h.emulator.snapshot().users.find((u) => u.name === 'ci-new-name')!;
    expect(renamed).toMatchObject({ active: false, email: 'old@example.com', type: 1 });
    expect(h.emulator.snapshot().users.find((u) => u.name === 'ci-other')!.email).toBe('other@example.com');
    await expectConverged(file);
  });

  it('a rename keeps the uuid and the tokens', async () => {
    h = await harness();
    const before = h.emulator.snapshot();
    const stock = before.users.find((u) => u.name === 'ci-stock')!;
    const tokens = before.tokens.filter((t) => t.userUuid === stock.uuid);
    expect((await h.run(['apply', '-f', EXAMPLE, '--auto-approve'])).code).toBe(0);
    const after = h.emulator.snapshot();
    expect(after.users.find((u) => u.name === 'ci-inventory')!.uuid).toBe(stock.uuid);
    expect(after.tokens.filter((t) => t.userUuid === stock.uuid)).toEqual(tokens);
    expect(after.users.some((u) => u.name === 'ci-stock')).toBe(false);
  });

  it('converges in one run through 20% injected 503s and a rate limit, with no duplicates', async () => {
    h = await harness({ seedFile: 'examples/seed.yaml', failRate: 0.2, rateLimit: 40, faultSeed: 3 });
    const file = write(
      'many.yaml',
      `version: 1\nsystemAccounts:\n${Array.from({ length: 12 }, (_, i) => `  - {name: ci-load-${i}, roles: [Read-Only], teams: [Orders]}\n`).join('')}`,
    );
    const run = await h.run(['apply', '-f', file, '--auto-approve', '--concurrency', '6']);
    expect(run.stderr + run.stdout).toContain('Apply complete: 12 done');
    expect(run.code).toBe(0);
    const statuses = h.emulator.requests().map((r) => r.status);
    expect(statuses).toContain(503);
    h.emulator.setFaults({ failRate: 0, rateLimit: 0 });
    await expectConverged(file);
    const names = h.emulator.snapshot().users.map((u) => u.name);
    expect(names.filter((n) => n.startsWith('ci-load-'))).toHaveLength(12);
  }, 60_000);

  it('a CLI process killed with SIGKILL mid-apply leaves state a rerun converges, without duplicates', async () => {
    h = await harness({ seedFile: 'examples/seed.yaml', latencyMs: 25 });
    const file = write(
      'kill.yaml',
      `version: 1\nsystemAccounts:\n${Array.from({ length: 30 }, (_, i) => `  - {name: ci-kill-${i}, roles: [Viewer], teams: [Orders]}\n`).join('')}`,
    );
    const child = spawnCli(['apply', '-f', file, '--auto-approve', '--concurrency', '2'], h.env);
    await waitFor(() => h!.writes().length >= 8, 20_000);
    child.kill('SIGKILL');
    expect((await exitOf(child)).signal).toBe('SIGKILL');
    const partial = accountsIn(h.emulator.snapshot());
    const created = [...partial.keys()].filter((n) => n.startsWith('ci-kill-'));
    expect(created.length).toBeGreaterThan(0);
    expect(created.length).toBeLessThan(30);
    h.emulator.setFaults({ latencyMs: 0 });
    const rerun = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(rerun.code).toBe(0);
    await expectConverged(file);
    expect(
      [...accountsIn(h.emulator.snapshot()).keys()].filter((n) => n.startsWith('ci-kill-')),
    ).toHaveLength(30);
  }, 60_000);

  it('SIGINT stops starting new steps, reports, exits 130; a rerun converges', async () => {
    h = await harness({ seedFile: 'examples/seed.yaml', latencyMs: 20 });
    const file = write(
      'int.yaml',
      `version: 1\nsystemAccounts:\n${Array.from({ length: 20 }, (_, i) => `  - {name: ci-int-${i}, teams: [Orders]}\n`).join('')}`,
    );
    const controller = new AbortController();
    const running = h.run(['apply', '-f', file, '--auto-approve', '--concurrency', '2'], {
      signal: controller.signal,
    });
    await waitFor(() => h!.writes().length >= 4);
    controller.abort();
    const run = await running;
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('Apply interrupted');
    expect(run.stdout).toMatch(/was not started \(interrupted\)/);
    h.emulator.setFaults({ latencyMs: 0 });
    expect((await h.run(['apply', '-f', file, '--auto-approve'])).code).toBe(0);
    await expectConverged(file);
  }, 30_000);

  it('a stale saved plan is refused, naming each changed account, with no write', async () => {
    h = await harness();
    const out = path.join(tmp(), 'plan.json');
    expect((await h.run(['plan', '-f', EXAMPLE, '--out', out])).code).toBe(0);
    await changeByHand('ci-orders', { email: 'changed-by-hand@example.com' });
    h.emulator.clearLog();
    const run = await h.run(['apply', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ci-orders: changed in PactFlow since the plan was made');
    expect(run.stderr).toContain('Saved plan is stale: 1 account changed since it was made');
    expect(h.writes()).toEqual([]);
  });

  it('a saved plan still applies when only untouched accounts changed', async () => {
    h = await harness();
    const out = path.join(tmp(), 'plan.json');
    await h.run(['plan', '-f', EXAMPLE, '--out', out]);
    await changeByHand('ci-experimental', { active: false });
    const run = await h.run(['apply', out]);
    expect(run.code).toBe(0);
    await expectConverged(EXAMPLE);
  });

  it('a saved plan for another PactFlow, or not a plan at all, is refused', async () => {
    h = await harness();
    const out = path.join(tmp(), 'plan.json');
    await h.run(['plan', '-f', EXAMPLE, '--out', out]);
    const moved = JSON.parse(readFileSync(out, 'utf8'));
    moved.baseUrl = 'https://other.pactflow.io';
    const other = write('other.json', JSON.stringify(moved));
    expect((await h.run(['apply', other])).stderr).toContain('was made for https://other.pactflow.io');
    const broken = write('broken.json', JSON.stringify({ formatVersion: 1, changes: 'x' }));
    const run = await h.run(['apply', broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a valid saved plan');
    expect(h.writes()).toEqual([]);
  });

  it('guards refuse over a limit with exit 3 and zero writes; --allow-deletes raises it for one run', async () => {
    h = await harness();
    const file = write(
      'limits.yaml',
      readFileSync(EXAMPLE, 'utf8').replace('maxDeletes: 1', 'maxDeletes: 0'),
    );
    const plan = await h.run(['plan', '-f', file]);
    expect(plan.code).toBe(3);
    expect(plan.stdout).toContain('1 delete exceeds policy.limits.maxDeletes = 0');
    const refused = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('a safety guard refuses this plan; nothing was changed');
    expect(h.writes()).toEqual([]);
    const allowed = await h.run(['apply', '-f', file, '--auto-approve', '--allow-deletes', '1']);
    expect(allowed.code).toBe(0);
    await expectConverged(EXAMPLE);
  });

  it('protected accounts cannot be overridden', async () => {
    h = await harness();
    const file = write(
      'protected.yaml',
      'version: 1\npolicy:\n  protected: [ci-break-glass]\nsystemAccounts:\n  - {name: ci-break-glass, state: disabled}\n',
    );
    const run = await h.run([
      'apply',
      '-f',
      file,
      '--auto-approve',
      '--allow-disables',
      '9',
      '--allow-deletes',
      '9',
      '--allow-admin-changes',
      '9',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('"ci-break-glass" is in policy.protected');
    expect(h.writes()).toEqual([]);
  });

  it('self-lockout: a CI token cannot disable its own account', async () => {
    h = await harness();
    const seed = h.emulator.tokens['ci-platform-admin']!;
    const file = write(
      'self.yaml',
      'version: 1\nsystemAccounts:\n  - {name: ci-platform-admin, state: disabled}\n',
    );
    const run = await h.run(['apply', '-f', file, '--auto-approve', '--allow-disables', '5'], {
      env: { PACT_BROKER_TOKEN: seed.readWrite },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      '"ci-platform-admin" owns the API token this run uses: this tool never changes the account it runs as',
    );
    expect(h.writes()).toEqual([]);
  });

  it('without a terminal and without --auto-approve, apply refuses and changes nothing', async () => {
    h = await harness();
    const run = await h.run(['apply', '-f', EXAMPLE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no terminal to confirm on, so nothing was changed');
    expect(h.writes()).toEqual([]);
  });

  it('a read-only token: the first refused write stops new steps and names the token kind', async () => {
    h = await harness();
    const run = await h.run(['apply', '-f', EXAMPLE, '--auto-approve'], {
      env: { PACT_BROKER_TOKEN: 'emulator-admin-read-only-token' },
    });
    expect(run.code).toBe(1);
    // The first write is the role create the plan runs before any account step.
    expect(run.stdout).toMatch(
      /role Contract Reader failed to be created: POST \/admin\/roles: 403 Forbidden/,
    );
    expect(run.stdout).toContain('Apply stopped: a write was refused');
    expect(run.stdout).toContain('the token itself is read-only (the "Read only token (developer)")');
    expect(run.stdout).not.toContain('Run apply again');
    const writes = h.writes();
    expect(writes.every((w) => w.endsWith(' 403'))).toBe(true);
    // Only the steps already in flight (at most --concurrency 4) were sent: here the role create
    // alone, so no account step started after it was refused.
    expect(writes.length).toBeLessThanOrEqual(4);
    expect(writes).toEqual(['POST /admin/roles 403']);
  });

  it('unmanaged: delete removes accounts the file does not list, never people', async () => {
    h = await harness();
    const file = write(
      'strict.yaml',
      readFileSync(EXAMPLE, 'utf8').replace('unmanaged: ignore', 'unmanaged: delete'),
    );
    const run = await h.run(['apply', '-f', file, '--auto-approve', '--allow-deletes', '2']);
    expect(run.code).toBe(0);
    const names = [...accountsIn(h.emulator.snapshot()).keys()];
    expect(names).not.toContain('ci-experimental');
    expect(names).toContain('ci-break-glass'); // protected
    expect(names).toContain('deploy-bot'); // out of scope
    expect(h.emulator.snapshot().users.filter((u) => u.type === 0)).toHaveLength(2);
    await expectConverged(file);
  });

  it('export writes a file that plans to no changes, and will not overwrite without --force', async () => {
    h = await harness();
    const dir = tmp();
    const out = path.join(dir, 'exported.yaml');
    expect((await h.run(['export', '--out', out])).code).toBe(0);
    expect((await h.run(['validate', '-f', out])).code).toBe(0);
    const plan = await h.run(['plan', '-f', out, '--detailed-exitcode']);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    const again = await h.run(['export', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await h.run(['export', '--out', out, '--force', '--include', 'ci-p*'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('ci-payments');
    expect(readFileSync(out, 'utf8')).not.toContain('bot-reporting');
  });
});

describe('validate --online', () => {
  it('resolves role and team names against the live organization', async () => {
    h = await harness();
    const ok = await h.run(['validate', '-f', EXAMPLE, '--online']);
    expect(ok.stdout).toBe(
      `✓ examples/accounts.yaml is valid: 12 system accounts; every role and team the accounts name exists in ${h.emulator.url}, and so does every scope\n`,
    );
    const file = write('typo.yaml', 'version: 1\nsystemAccounts:\n  - name: ci-x\n    teams: [Paymnts]\n');
    expect((await h.run(['validate', '-f', file])).code).toBe(0);
    const online = await h.run(['validate', '-f', file, '--online']);
    expect(online.code).toBe(1);
    expect(online.stderr).toContain(
      `${file}:4:13: systemAccounts[0].teams[0]: unknown team "Paymnts" (did you mean "Payments"?)`,
    );
    expect(h.writes()).toEqual([]);
  });

  it('an entry left out (two live accounts share its name) is a warning, and the claim leaves it out', async () => {
    h = await harness({
      seed: {
        users: [{ name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'adm', readOnly: 'ro' } }],
        systemAccounts: [
          { name: 'ci-dup', roles: ['CI/CD'] },
          { name: 'CI-DUP', roles: ['CI/CD'] },
          { name: 'ci-other', roles: ['CI/CD'] },
        ],
      },
    });
    const file = write(
      'dup.yaml',
      'version: 1\nsystemAccounts:\n  - {name: ci-dup, roles: [No Such Role]}\n  - {name: ci-other, roles: [CI/CD]}\n',
    );
    const run = await h.run(['validate', '--online', '-f', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: "ci-dup" is left out of this plan: 2 live accounts are named so');
    expect(run.stdout).toContain('every role and team the other accounts name exists');
  });

  it('claims only the names the accounts use: defaults no account takes are left to the warning', async () => {
    h = await harness();
    const file = write(
      'defaults.yaml',
      'version: 1\ndefaults:\n  roles: [CI-CD]\nsystemAccounts:\n  - name: ci-x\n    roles: [CI/CD]\n',
    );
    const run = await h.run(['validate', '-f', file, '--online']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('every role and team the accounts name exists');
    expect(run.stderr).toContain(
      `${file}:3:11: warning: defaults.roles[0]: role "CI-CD" is not a built-in role (did you mean "CI/CD"?)`,
    );
  });
});

describe('confirmation and report formats', () => {
  const terminal = (answer: string) => Object.assign(Readable.from([answer]), { isTTY: true });

  it('on a terminal, anything but "yes" cancels without writing', async () => {
    h = await harness();
    const run = await h.run(['apply', '-f', EXAMPLE], { stdin: terminal('y\n') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Only 'yes' will be accepted");
    expect(run.stderr).toContain('Apply cancelled; nothing was changed.');
    expect(h.writes()).toEqual([]);
  });

  it('on a terminal, "yes" applies', async () => {
    h = await harness();
    const run = await h.run(['apply', '-f', EXAMPLE], { stdin: terminal('yes\n') });
    expect(run.code).toBe(0);
    await expectConverged(EXAMPLE);
  });

  it('a change made in PactFlow while the prompt waits stops the apply: nothing written, the change named', async () => {
    h = await harness();
    const state = () => h!.emulator.snapshot();
    const grantAdministrator = async () => {
      const orders = state().users.find((u) => u.name === 'ci-orders')!;
      const admin = state().roles.find((r) => r.name === 'Administrator')!;
      const response = await fetch(`${h!.emulator.url}/admin/users/${orders.uuid}/roles`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${h!.emulator.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ roles: [...orders.roles, admin.uuid] }),
      });
      expect(response.status).toBe(204);
    };
    // The answer is typed only once the prompt reads it; by then someone has granted Administrator.
    const stdin = Object.assign(
      Readable.from(
        (async function* () {
          await grantAdministrator();
          h!.emulator.clearLog();
          yield 'yes\n';
        })(),
      ),
      { isTTY: true },
    );
    const run = await h.run(['apply', '-f', EXAMPLE], { stdin });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ci-orders: roles: [Read-Only] → [Administrator, Read-Only]');
    expect(run.stderr).toContain('changed in PactFlow while the prompt waited; nothing was changed');
    expect(h.writes()).toEqual([]);
  });

  it('--format json keeps stdout parseable: the plan goes to stderr, the report to stdout', async () => {
    h = await harness();
    const run = await h.run(['apply', '-f', EXAMPLE, '--auto-approve', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ done: 9, failed: 0, interrupted: 0, skipped: 0 });
    expect(report.outcomes.map((o: { message: string }) => o.message)).toContain(
      'account ci-payments-contracts has been created',
    );
    expect(run.stderr).toContain('+ ci-payments-contracts will be created');
  });
});

describe('connection details and CI integration', () => {
  it('--token-file is read relative to the working directory, like -f', async () => {
    h = await harness();
    const dir = tmp();
    writeFileSync(path.join(dir, 'token'), `${h.emulator.adminToken}\n`);
    writeFileSync(path.join(dir, 'accounts.yaml'), readFileSync(EXAMPLE, 'utf8'));
    const run = await cli(['plan', '--token-file', 'token', '--detailed-exitcode'], {
      cwd: dir,
      env: { PACT_BROKER_BASE_URL: h.emulator.url },
    });
    expect(run.stderr).not.toContain('cannot read');
    expect(run.code).toBe(2);
  });

  it('an unwritable GITHUB_STEP_SUMMARY is a clear error, not a crash', async () => {
    h = await harness();
    const run = await h.run(['plan', '-f', EXAMPLE], {
      env: { GITHUB_STEP_SUMMARY: path.join(tmp(), 'missing', 'summary.md') },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot append the plan to GITHUB_STEP_SUMMARY');
    expect(run.stderr).toContain('ENOENT');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('PactFlow errors through the CLI, in both error formats', () => {
  const seed = {
    users: [
      { name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'alice-rw' } },
      { name: 'bob', roles: ['User'], tokens: { readWrite: 'bob-rw' } },
    ],
    systemAccounts: [{ name: 'ci-a' }],
  };

  it.each(['problem', 'legacy'] as const)(
    '%s: a refused create and a 403 are shown as text, never as an object or a token',
    async (errorFormat) => {
      h = await harness({ seed, errorFormat });
      // "dave" is free when planned (plan refuses a person's name before any write); a person
      // takes it before apply, so PactFlow refuses the create with a 400.
      const taken = write('taken.yaml', 'version: 1\nsystemAccounts:\n  - {name: ci-a}\n  - {name: dave}\n');
      const saved = path.join(tmp(), 'plan.json');
      expect((await h.run(['plan', '-f', taken, '--out', saved])).code).toBe(0);
      h.emulator.reset({ ...seed, users: [...seed.users, { name: 'dave', roles: ['User'] }] });
      const refused = await h.run(['apply', saved, '--auto-approve']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(
        'account dave failed at its create step: POST /admin/system-accounts: 400',
      );
      expect(refused.stdout).toContain('A user with the name "dave" already exists');
      // A person with the built-in User role may plan, but not rename an account outside its teams.
      const rename = write(
        'rename.yaml',
        'version: 1\nsystemAccounts:\n  - {name: ci-b, previousNames: [ci-a]}\n',
      );
      const forbidden = await h.run(['apply', '-f', rename, '--auto-approve'], {
        env: { PACT_BROKER_TOKEN: 'bob-rw' },
      });
      expect(forbidden.code).toBe(1);
      expect(forbidden.stdout).toContain('403 Forbidden');
      expect(forbidden.stdout).toContain("the token's owner lacks system_account:manage:*");
      for (const output of [refused, forbidden].flatMap((r) => [r.stdout, r.stderr])) {
        expect(output).not.toContain('[object Object]');
        expect(output).not.toMatch(/alice-rw|bob-rw/);
      }
    },
  );
});
