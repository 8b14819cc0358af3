import { mkdtempSync, readFileSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintAccount } from '../../src/plan/fingerprint.js';
import type { Plan } from '../../src/plan/types.js';
import type { Harness } from '../helpers/emulator.js';
import { harness } from '../helpers/emulator.js';

// A saved plan is data from disk: whatever is edited in it, apply recomputes the guards from its
// steps against the live state, the caller and the desired file's own policy.
let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

const FILE = `version: 1
policy:
  limits: {maxDeletes: 0, maxDisables: 0, maxAdminChanges: 0}
systemAccounts:
  - {name: ci-orders, roles: [CI/CD], teams: [Orders]}
  - {name: ci-platform-admin, admin: true, roles: [CI/CD], teams: [Platform, Orders]}
`;

async function savedPlan(): Promise<{ dir: string; desired: string; out: string; plan: Plan }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pfa-saved-'));
  const desired = path.join(dir, 'accounts.yaml');
  writeFileSync(desired, FILE);
  const out = path.join(dir, 'plan.json');
  const run = await h!.run(['plan', '-f', desired, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  h!.emulator.clearLog();
  return { dir, desired, out, plan: JSON.parse(readFileSync(out, 'utf8')) as Plan };
}

function tamper(out: string, plan: Plan, edit: (plan: Plan) => void): void {
  edit(plan);
  writeFileSync(out, JSON.stringify(plan, null, 2));
}

const change = (plan: Plan, name: string) => plan.changes.find((c) => c.account === name)!;
const raiseEverything = (plan: Plan) => {
  for (const limit of Object.values(plan.guards.limits)) limit.limit = 99;
  plan.guards.exceeded = [];
  plan.guards.ok = true;
  plan.summary.delete = 0;
};

describe('apply plan.json recomputes the guards', () => {
  it('an edited set-roles step that grants Administrator is an admin change, whatever risks says', async () => {
    h = await harness();
    const { out, plan } = await savedPlan();
    const admin = h.emulator.snapshot().roles.find((r) => r.name === 'Administrator')!;
    tamper(out, plan, (p) => {
      const orders = change(p, 'ci-orders');
      orders.steps = [{ kind: 'set-roles', roles: [{ uuid: admin.uuid, name: 'CI/CD' }] }];
      orders.risks = [];
      raiseEverything(p);
    });
    const run = await h.run(['apply', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('1 admin change exceeds policy.limits.maxAdminChanges = 0');
    expect(h.writes()).toEqual([]);
  });

  it('a delete with risks: [] and raised limits still counts as a delete', async () => {
    h = await harness();
    const { out, plan } = await savedPlan();
    tamper(out, plan, (p) => {
      const orders = change(p, 'ci-orders');
      orders.steps = [{ kind: 'delete' }];
      orders.risks = [];
      orders.action = 'update';
      raiseEverything(p);
    });
    const run = await h.run(['apply', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('1 delete exceeds policy.limits.maxDeletes = 0');
    expect(h.writes()).toEqual([]);
  });

  it('a plan applied with the target account’s own token refuses: the caller is read at apply time', async () => {
    h = await harness();
    const { out } = await savedPlan();
    const own = h.emulator.tokens['ci-platform-admin']!.readWrite;
    const run = await h.run(['apply', out], { env: { PACT_BROKER_TOKEN: own } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      '"ci-platform-admin" owns the API token this run uses: this tool never changes the account it runs as',
    );
    expect(h.writes()).toEqual([]);
  });

  it('a human user smuggled into a change is never written to', async () => {
    h = await harness();
    const { out, plan } = await savedPlan();
    const alice = h.emulator.snapshot().users.find((u) => u.name === 'alice')!;
    tamper(out, plan, (p) => {
      const orders = change(p, 'ci-orders');
      orders.uuid = alice.uuid;
      orders.fingerprint = fingerprintAccount(undefined);
      orders.steps = [{ kind: 'disable' }];
      raiseEverything(p);
    });
    const run = await h.run(['apply', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not a system account in this PactFlow');
    expect(h.writes()).toEqual([]);
  });

  it('a step moved to another account, within every guard, is refused as an edit and never sent', async () => {
    h = await harness();
    const { out, plan } = await savedPlan();
    const state = h.emulator.snapshot();
    const search = state.users.find((u) => u.name === 'ci-search')!;
    const membership = state.teams.filter((t) => t.members.includes(search.uuid));
    tamper(out, plan, (p) => {
      // The label still says ci-orders, the fingerprint is right for ci-search: only the file can tell.
      const orders = change(p, 'ci-orders');
      orders.uuid = search.uuid;
      orders.fingerprint = fingerprintAccount({
        uuid: search.uuid,
        name: search.name,
        ...(search.email === undefined ? {} : { email: search.email }),
        active: search.active,
        roles: search.roles.map((uuid) => ({ uuid, name: '', serverManaged: false })),
        teams: membership.map((t) => ({ uuid: t.uuid, name: t.name })),
      });
      orders.steps = [{ kind: 'rename', name: 'ci-orders-hijacked' }];
    });
    const run = await h.run(['apply', out]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('ci-orders: is not what the desired file asks for');
    expect(run.stderr).toContain('1 change in it is not what');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(h.writes()).toEqual([]);
  });

  it('a change duplicated in the plan is refused as an edit', async () => {
    h = await harness();
    const { out, plan } = await savedPlan();
    tamper(out, plan, (p) => p.changes.push(structuredClone(change(p, 'ci-orders'))));
    const run = await h.run(['apply', out]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('ci-orders: appears twice in the plan');
    expect(h.writes()).toEqual([]);
  });

  it('refuses when the desired file is gone or changed: its policy cannot be checked', async () => {
    h = await harness();
    const { desired, out } = await savedPlan();
    appendFileSync(desired, '# edited after planning\n');
    const changed = await h.run(['apply', out]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('changed since');
    renameSync(desired, `${desired}.moved`);
    const gone = await h.run(['apply', out]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('cannot be read here');
    expect(gone.stderr).not.toMatch(/\n\s+at /);
    expect(h.writes()).toEqual([]);
  });

  it('an untampered plan still applies', async () => {
    h = await harness();
    const { dir, out } = await savedPlan();
    writeFileSync(path.join(dir, 'unused'), '');
    const run = await h.run(['apply', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(h.writes().length).toBeGreaterThan(0);
  });
});

describe('--allow-* overrides are shown as applied', () => {
  const GRANTS = `version: 1
policy:
  limits: {maxAdminChanges: 1}
systemAccounts:
  - {name: ci-orders, admin: true}
  - {name: ci-shipping, admin: true}
`;
  it('refuses over the limit with counts that agree with their nouns', async () => {
    h = await harness();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-allow-')), 'accounts.yaml');
    writeFileSync(file, GRANTS);
    const run = await h.run(['apply', '-f', file, '--auto-approve']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('2 admin changes exceed policy.limits.maxAdminChanges = 1');
    expect(h.writes()).toEqual([]);
  });

  it('says which flag allowed what, and never that the plan is refused', async () => {
    h = await harness();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-allow-')), 'accounts.yaml');
    writeFileSync(file, GRANTS);
    const run = await h.run(['apply', '-f', file, '--auto-approve', '--allow-admin-changes', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 admin changes, allowed by --allow-admin-changes 2');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/refused/i);
    expect(h.writes().length).toBe(2);
  });
});
