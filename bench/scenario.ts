/**
 * The organizations and desired-state files the benchmarks run against: N system accounts spread
 * over 30 teams, served with a page cap of 100, as the speed targets are stated.
 */
import type { EmulatorOptions } from '../src/emulator/server.js';

export type Seed = NonNullable<EmulatorOptions['seed']>;

export const TEAMS = 30;
export const PAGE_CAP = 100;
/** Terraform's default -parallelism, which the per-account reader uses. */
export const TERRAFORM_PARALLELISM = 10;

const team = (i: number) => `team-${String(i % TEAMS).padStart(2, '0')}`;
const account = (i: number) => `ci-bench-${String(i).padStart(5, '0')}`;

/** The live side: every account holds CI/CD and belongs to one team; no default team. */
export function benchSeed(count: number): Seed {
  return {
    defaultTeam: null,
    teams: Array.from({ length: TEAMS }, (_, i) => ({ name: team(i) })),
    systemAccounts: Array.from({ length: count }, (_, i) => ({
      name: account(i),
      roles: ['CI/CD'],
      teams: [team(i)],
    })),
  };
}

/**
 * The file `plan` reads: the same accounts, of which about a fifth change (every 10th moves team,
 * every 7th changes role) and every 50th is disabled; limits high enough that no guard refuses.
 * Block style, about 60 bytes an account (600 KB for 10,000).
 */
export function planYaml(count: number): string {
  const lines = [
    'version: 1',
    'policy:',
    '  limits:',
    `    maxDisables: ${count}`,
    `    maxDeletes: ${count}`,
    '    maxAdminChanges: 0',
    'systemAccounts:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: ${account(i)}`);
    lines.push(`    roles: [${i % 7 === 0 ? 'Read-Only' : 'CI/CD'}]`);
    lines.push(`    teams: [${team(i % 10 === 0 ? i + 1 : i)}]`);
    if (i % 50 === 0) lines.push('    state: disabled');
  }
  return lines.join('\n') + '\n';
}

/** The file `apply` runs: every account changes role, one write each. */
export function applyYaml(count: number): string {
  const lines = ['version: 1', 'systemAccounts:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: ${account(i)}`);
    lines.push('    roles: [Read-Only]');
  }
  return lines.join('\n') + '\n';
}
