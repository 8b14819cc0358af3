import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreState } from '../../src/emulator/model.js';
import type { Plan } from '../../src/plan/types.js';
import type { Harness } from '../helpers/emulator.js';
import { accountsIn, expectStateMatchesFile, harness } from '../helpers/emulator.js';
import type { FaultProxy } from '../helpers/fault-proxy.js';
import { faultProxy, seeded } from '../helpers/fault-proxy.js';
import { exitOf, spawnCli, waitFor } from '../helpers/spawn-cli.js';

// Fault runs against the emulator: 503s (the emulator's own), 429s and dropped connections (a
// proxy, some after the server acted), and a SIGKILL at a random step. Whatever happened, running
// apply again converges, creates nothing twice and changes nothing outside the plan.
let h: Harness | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await h?.emulator.close();
  h = proxy = undefined;
});

const FILE = `version: 1
policy:
  unmanaged: ignore
  scope: {include: ['ci-*', 'bot-*']}
  protected: [ci-break-glass]
  limits: {maxDeletes: 2, maxDisables: 2, maxAdminChanges: 2}
defaults:
  roles: [CI/CD]
systemAccounts:
${Array.from({ length: 8 }, (_, i) => `  - {name: ci-new-${i}, teams: [${i % 2 ? 'Orders' : 'Payments, Shipping'}]}`).join('\n')}
  - {name: ci-orders, roles: [CI/CD, Viewer], teams: [Orders, Payments]}
  - {name: ci-inventory, previousNames: [ci-stock], teams: [Inventory]}
  - {name: ci-search, admin: true}
  - {name: ci-legacy-monolith, state: disabled}
  - {name: ci-old-deployer, state: deleted}
  - {name: ci-mobile-app, teams: [Mobile]}
`;

function writeFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-faults-')), 'accounts.yaml');
  writeFileSync(file, FILE);
  return file;
}

/** Users by uuid with what apply could change: name, state, roles, teams. */
function users(state: StoreState) {
  return new Map(
    state.users.map((u) => [
      u.uuid,
      JSON.stringify({
        name: u.name,
        active: u.active,
        roles: [...u.roles].sort(),
        teams: state.teams
          .filter((t) => t.members.includes(u.uuid))
          .map((t) => t.uuid)
          .sort(),
      }),
    ]),
  );
}

async function expectConvergedWithinPlan(file: string, plan: Plan, before: StoreState) {
  // Reruns without faults until one succeeds (the first normally does).
  let code = 1;
  for (let i = 0; i < 3 && code !== 0; i++)
    code = (await h!.run(['apply', '-f', file, '--auto-approve'])).code;
  expect(code).toBe(0);
  const after = h!.emulator.snapshot();
  expectStateMatchesFile(after, file);
  const names = after.users.filter((u) => u.type === 1).map((u) => u.name.toLowerCase());
  expect(names.length, 'no account created twice').toBe(new Set(names).size);
  const touched = new Set(plan.changes.flatMap((c) => (c.uuid ? [c.uuid] : [])));
  const was = users(before);
  const now = users(after);
  for (const [uuid, value] of was)
    if (!touched.has(uuid)) expect(now.get(uuid), `untouched ${value}`).toBe(value);
  const again = await h!.run(['plan', '-f', file, '--detailed-exitcode']);
  expect(again.code).toBe(0);
  expect(accountsIn(after).size).toBe(accountsIn(before).size + 8 - 1);
}

async function planOf(file: string): Promise<Plan> {
  const run = await h!.run(['plan', '-f', file, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Plan;
}

describe('fault runs', () => {
  it.each([11, 23, 37])(
    'random 503s, 429s and dropped connections (seed %i): a rerun converges',
    async (seed) => {
      h = await harness({ seedFile: 'examples/seed.yaml', faultSeed: seed });
      const file = writeFile();
      const before = h.emulator.snapshot();
      const plan = await planOf(file);
      proxy = await faultProxy(h.emulator.url, {
        seed,
        tooManyRate: 0.08,
        dropBeforeRate: 0.05,
        dropAfterRate: 0.07,
      });
      h.emulator.setFaults({ failRate: 0.1 });
      const faulty = await h.run(['apply', '-f', file, '--auto-approve', '--concurrency', '3'], {
        env: { PACT_BROKER_BASE_URL: proxy.url },
      });
      expect([0, 1]).toContain(faulty.code);
      expect(`${faulty.stdout}${faulty.stderr}`).not.toMatch(/\n\s+at /);
      expect(proxy.counts.tooMany + proxy.counts.droppedBefore + proxy.counts.droppedAfter).toBeGreaterThan(
        0,
      );
      h.emulator.setFaults({ failRate: 0 });
      await expectConvergedWithinPlan(file, plan, before);
    },
    120_000,
  );

  it.each([5, 17])(
    'SIGKILL at a random step (seed %i): a rerun converges without duplicates',
    async (seed) => {
      h = await harness({ seedFile: 'examples/seed.yaml', latencyMs: 25 });
      const file = writeFile();
      const before = h.emulator.snapshot();
      const plan = await planOf(file);
      h.emulator.clearLog();
      const killAfter = 1 + Math.floor(seeded(seed)() * 12);
      const child = spawnCli(['apply', '-f', file, '--auto-approve', '--concurrency', '2'], h.env);
      await waitFor(() => h!.writes().length >= killAfter, 20_000);
      child.kill('SIGKILL');
      expect((await exitOf(child)).signal).toBe('SIGKILL');
      h.emulator.setFaults({ latencyMs: 0 });
      await expectConvergedWithinPlan(file, plan, before);
    },
    60_000,
  );
});
