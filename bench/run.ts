/**
 * `npm run bench`: speed targets measured, printed as figures and ratios (never pass/fail in tests).
 *   1. computePlan on 10,000 accounts, live state in memory: target under 150 ms.
 *   2. apply of 1,000 changes against the emulator with 20 ms latency at concurrency 8:
 *      target at most 1.3 × the ideal (write requests × 20 ms ÷ 8).
 */
import { executePlan } from '../src/apply/execute.js';
import { parseYamlSource } from '../src/config/load.js';
import { validateConfig } from '../src/config/validate.js';
import { startEmulator } from '../src/emulator/server.js';
import { PactflowClient } from '../src/pactflow/client.js';
import { computePlan } from '../src/plan/compute.js';
import { fetchLiveState } from '../src/state/live-state.js';
import type { LiveState } from '../src/state/types.js';

const out = (line: string) => process.stdout.write(line + '\n');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function desiredYaml(count: number, roles: string, teams: string): string {
  const lines = [
    'version: 1',
    'policy:',
    '  limits: {maxDisables: 100000, maxDeletes: 100000, maxAdminChanges: 100000}',
    'systemAccounts:',
  ];
  for (let i = 0; i < count; i++)
    lines.push(
      `  - {name: ci-bench-${i}, roles: [${roles}], teams: [${teams}]${i % 10 === 0 ? ', state: disabled' : ''}}`,
    );
  return lines.join('\n') + '\n';
}

function desired(text: string) {
  const result = validateConfig(parseYamlSource('bench.yaml', new TextEncoder().encode(text)));
  if (!result.desired) throw new Error(result.diagnostics[0]?.summary);
  return result.desired;
}

function syntheticLive(count: number): LiveState {
  const role = (name: string) => ({
    uuid: `role-${name}`,
    name,
    systemDefined: true,
    serverManaged: false,
    permissions: [],
  });
  const roles = ['Administrator', 'CI/CD', 'Read-Only', 'Viewer'].map(role);
  const teams = Array.from({ length: 30 }, (_, i) => ({ uuid: `team-${i}`, name: `team-${i}` }));
  return {
    caller: {
      uuid: 'me',
      name: 'alice',
      systemAccount: false,
      roles: [{ uuid: 'role-Administrator', name: 'Administrator', serverManaged: false }],
      permissions: [],
    },
    roles,
    teams,
    accounts: Array.from({ length: count }, (_, i) => ({
      uuid: `acct-${i}`,
      // A third renamed, a third with other roles, a third unchanged; 500 unmanaged extras.
      name: `ci-bench-${i}`,
      active: true,
      roles: [
        {
          uuid: i % 3 === 0 ? 'role-Viewer' : 'role-CI/CD',
          name: i % 3 === 0 ? 'Viewer' : 'CI/CD',
          serverManaged: false,
        },
      ],
      teams: [{ uuid: `team-${i % 30}`, name: `team-${i % 30}` }],
    })),
  };
}

async function benchPlanner() {
  const count = 10_000;
  const file = desired(desiredYaml(count, 'CI/CD', 'team-1'));
  const live = syntheticLive(count);
  const options = { baseUrl: 'https://bench.pactflow.io', generator: 'bench' };
  for (let i = 0; i < 3; i++) computePlan(file, live, options);
  const times: number[] = [];
  let changes = 0;
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    changes = computePlan(file, live, options).plan!.changes.length;
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  out(
    `planner: computePlan on ${count} accounts (${changes} changes): median ${ms.toFixed(1)} ms over ${times.length} runs (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
  );
  out(`planner: target 150 ms → ratio ${(ms / 150).toFixed(2)} of target (${ms < 150 ? 'within' : 'OVER'})`);
}

async function benchApply() {
  const count = 1000;
  const latencyMs = 20;
  const concurrency = 8;
  const emulator = await startEmulator({
    seed: {
      systemAccounts: Array.from({ length: count }, (_, i) => ({ name: `ci-bench-${i}`, roles: ['CI/CD'] })),
    },
    maxPageSize: 100,
  });
  const client = new PactflowClient({
    baseUrl: emulator.url,
    token: emulator.adminToken,
    maxSockets: concurrency,
  });
  try {
    const live = await fetchLiveState(client);
    const file = desired(
      desiredYaml(0, '', '').replace(
        'systemAccounts:',
        `systemAccounts:\n${Array.from({ length: count }, (_, i) => `  - {name: ci-bench-${i}, roles: [Read-Only]}`).join('\n')}`,
      ),
    );
    const plan = computePlan(file, live, { baseUrl: emulator.url, generator: 'bench' }).plan!;
    emulator.clearLog();
    emulator.setFaults({ latencyMs });
    const t0 = performance.now();
    const result = await executePlan(plan, client, { concurrency, live: live.accounts });
    const elapsed = performance.now() - t0;
    const writes = emulator.requests().filter((r) => r.method !== 'GET').length;
    const failed = result.outcomes.filter((o) => o.status !== 'done').length;
    const ideal = (writes * latencyMs) / concurrency;
    out(
      `apply: ${plan.changes.length} changes, ${writes} write requests, ${failed} failed, ${latencyMs} ms latency, concurrency ${concurrency}: ${(elapsed / 1000).toFixed(2)} s`,
    );
    out(
      `apply: ideal ${(ideal / 1000).toFixed(2)} s (writes × ${latencyMs} ms ÷ ${concurrency}) → ratio ${(elapsed / ideal).toFixed(3)} (target ≤ 1.3: ${elapsed / ideal <= 1.3 ? 'within' : 'OVER'})`,
    );
  } finally {
    client.close();
    await emulator.close();
  }
}

async function benchRead() {
  const emulator = await startEmulator({
    seed: {
      teams: Array.from({ length: 30 }, (_, i) => ({ name: `team-${i}` })),
      systemAccounts: Array.from({ length: 1000 }, (_, i) => ({
        name: `ci-read-${i}`,
        teams: [`team-${i % 30}`],
      })),
    },
    maxPageSize: 100,
  });
  const client = new PactflowClient({ baseUrl: emulator.url, token: emulator.adminToken });
  try {
    const t0 = performance.now();
    const live = await fetchLiveState(client);
    const ms = performance.now() - t0;
    out(
      `read: ${live.accounts.length} accounts and ${live.teams.length} teams (page cap 100) in ${emulator.requests().length} requests, ${ms.toFixed(0)} ms`,
    );
  } finally {
    client.close();
    await emulator.close();
  }
}

out(`pactflow-accounts benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
await benchPlanner();
await benchRead();
await benchApply();
