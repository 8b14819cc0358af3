import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readSeedFile } from '../../src/emulator/seed.js';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';
import { CLI } from '../helpers/spawn-cli.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

const EXAMPLE = 'examples/accounts.yaml';

describe('show against the emulator', () => {
  it('text: every system account, sorted, aligned; people are never listed', async () => {
    h = await harness();
    const run = await h.run(['show']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const names = lines.slice(1, -2).map((l) => l.split(' ')[0]);
    const live = h.emulator
      .snapshot()
      .users.filter((u) => u.type === 1)
      .map((u) => u.name);
    expect(names).toEqual([...live].sort((a, b) => a.localeCompare(b)));
    expect(lines.at(-1)).toBe(`${live.length} system accounts`);
    const state = lines[0]!.indexOf('STATE');
    expect(lines.slice(1, -2).every((l) => /^(enabled|disabled) /.test(l.slice(state)))).toBe(true);
    expect(run.stdout).not.toContain('alice');
    expect(h.writes()).toEqual([]);
  });

  it('markdown with -f: which accounts the file manages and which drifted', async () => {
    h = await harness();
    const run = await h.run(['show', '-f', EXAMPLE, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '| name | state | admin | roles | teams | scopes | last login | created | file | sync |',
    );
    expect(run.stdout).toMatch(
      /\| ci-payments \| enabled \| no \| CI\/CD \| Payments \| .* \| managed \| in sync \|/,
    );
    expect(run.stdout).toMatch(/\| ci-orders \| .* \| managed \| drifted \|/);
    expect(run.stdout).toMatch(/\| ci-experimental \| .* \| unmanaged \| +\|/);
    expect(run.stdout).toMatch(/\| deploy-bot \| .* \| out of scope \| +\|/);
  });

  it('json --activity: token kinds from one read per account, never a token value', async () => {
    h = await harness();
    const run = await h.run(['show', '--format', 'json', '--activity']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    const accounts = h.emulator.snapshot().users.filter((u) => u.type === 1);
    expect(body.count).toBe(accounts.length);
    expect(body.accounts[0].tokens.map((t: { kind: string }) => t.kind).sort()).toEqual([
      'read-only',
      'read/write',
    ]);
    expect(h.emulator.counters()['GET /admin/system-accounts/{u}/tokens']).toBe(accounts.length);
    for (const token of h.emulator.snapshot().tokens) {
      expect(run.stdout).not.toContain(token.value);
      expect(run.stderr).not.toContain(token.value);
    }
    expect(run.stderr).toContain(`Read the tokens of ${accounts.length} system accounts`);
  });

  it('csv with filters: who can manage system accounts, unused for 30 days', async () => {
    h = await harness();
    const run = await h.run([
      'show',
      '--format',
      'csv',
      '--has-scope',
      'system_account:manage',
      '--unused-for',
      '30',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'name,state,admin,roles,teams,scopes,last_login,created,tokens,last_token_use,last_activity',
    );
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['ci-break-glass', 'ci-platform-admin']);
    // Only the two accounts that passed the scope filter had their tokens read.
    expect(h.emulator.counters()['GET /admin/system-accounts/{u}/tokens']).toBe(2);
  });

  it('refuses a --role this PactFlow does not have, rather than answer that nobody holds it', async () => {
    h = await harness();
    const run = await h.run(['show', '--role', 'CI-CD']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no role "CI-CD" in this PactFlow (did you mean "CI/CD"?)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const known = await h.run(['show', '--role', 'ci/cd', '--format', 'csv']);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('ci-payments,');
  });

  it('refuses an invalid --unused-for without reading anything', async () => {
    h = await harness();
    const run = await h.run(['show', '--unused-for', 'soon']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('expected a whole number of at least 1');
    expect(h.emulator.requests()).toEqual([]);
  });
});

/** The built CLI against the harness's emulator, to its end. */
function runBuilt(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

// Issue 20, items 5 and 8, as a user meets them: the built CLI against the emulator.
describe('show: what Team Administrator grants, and scopes PactFlow does not have (built CLI)', () => {
  /** The example organization, with ci-search administering Payments and Orders. */
  const withTeamAdmin = async () => {
    const seed = await readSeedFile('examples/seed.yaml');
    for (const team of seed.teams ?? [])
      if (team.name === 'Payments' || team.name === 'Orders')
        team.administrators = [...(team.administrators ?? []), 'ci-search'];
    return harness({ seed });
  };

  it('counts team:manage:<team uuid>, names the teams, and --has-scope team:manage finds them', async () => {
    h = await withTeamAdmin();
    const text = await runBuilt(['show'], h.env);
    expect(text.code).toBe(0);
    const row = text.stdout.split('\n').find((l) => l.startsWith('ci-search '))!;
    expect(row).toContain('Team Administrator');
    expect(row).toMatch(
      /7 scopes; manages contract_data \(own, team\), team \((Orders, Payments|Payments, Orders)\)/,
    );
    const json = await runBuilt(['show', '--format', 'json'], h.env);
    const search = JSON.parse(json.stdout).accounts.find((a: { name: string }) => a.name === 'ci-search');
    const teams = new Map(h.emulator.snapshot().teams.map((t) => [t.name, t.uuid]));
    expect(search.scopes).toEqual(
      expect.arrayContaining([`team:manage:${teams.get('Payments')}`, `team:manage:${teams.get('Orders')}`]),
    );
    const found = await runBuilt(['show', '--has-scope', 'team:manage', '--format', 'csv'], h.env);
    expect(found.code).toBe(0);
    expect(
      found.stdout
        .split('\r\n')
        .slice(1, -1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['ci-break-glass', 'ci-platform-admin', 'ci-search']);
    expect(h.writes()).toEqual([]);
  });

  it('--has-scope with a typo is an error with a suggestion, not "0 system accounts"', async () => {
    h = await harness();
    const run = await runBuilt(['show', '--has-scope', 'system_acount:manage'], h.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no scope "system_acount:manage" in this PactFlow');
    expect(run.stderr).toContain('(did you mean "system_account:manage"?)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const known = await runBuilt(['show', '--has-scope', 'system_account:manage', '--format', 'csv'], h.env);
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('ci-break-glass,');
  });
});
