import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validatePlanDocument } from '../../src/plan/schema.js';
import type { Plan } from '../../src/plan/types.js';
import type { Harness } from '../helpers/emulator.js';
import { accountsIn, harness } from '../helpers/emulator.js';

// Issue 20, item 3: `plan --target ci-search` carried a custom-role change that also changed
// ci-orders, and applying the saved plan wrote it. A role change that would change an account the
// targets do not name is left out, and every view of the plan says so.
let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

const SEED = {
  roles: [{ name: 'Contract Publisher', permissions: ['contract_data:manage:*'] }],
  users: [{ name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'admin-token' } }],
  systemAccounts: [
    { name: 'ci-search', roles: ['CI/CD'] },
    { name: 'ci-orders', roles: ['Contract Publisher'] },
  ],
};
const FILE = `version: 1
roles:
  - name: Contract Publisher
    permissions: [contract_data:manage:team, contract_data:read:*]
systemAccounts:
  - {name: ci-search, roles: [Contract Publisher]}
  - {name: ci-orders, roles: [Contract Publisher]}
`;
const LEFT_OUT =
  'role "Contract Publisher" is left out of this plan: updating it would also change what ci-orders';

function desiredFile(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pfa-target-'));
  const file = path.join(dir, 'accounts.yaml');
  writeFileSync(file, FILE);
  return { dir, file };
}

describe('plan --target ci-search, where a custom role change would also change ci-orders', () => {
  it('leaves the role change out of the JSON plan and lists it as left out', async () => {
    h = await harness({ seed: SEED });
    const run = await h.run(['plan', '-f', desiredFile().file, '--target', 'ci-search', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(validatePlanDocument(plan), JSON.stringify(validatePlanDocument.errors)).toBe(true);
    expect(plan.roleChanges).toEqual([]);
    expect(plan.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['update ci-search']);
    expect(plan.warnings?.map((w) => w.code)).toEqual(['role-left-out']);
    expect(plan.warnings?.[0]?.message).toContain(LEFT_OUT);
  });

  it('says so beside the text plan, and in the Markdown plan', async () => {
    h = await harness({ seed: SEED });
    const { file } = desiredFile();
    const text = await h.run(['plan', '-f', file, '--target', 'ci-search']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toContain('role Contract Publisher will be updated');
    expect(text.stderr).toContain(`warning: ${LEFT_OUT}`);
    const markdown = await h.run(['plan', '-f', file, '--target', 'ci-search', '--format', 'markdown']);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain('#### Warnings');
    expect(markdown.stdout).toContain(LEFT_OUT);
  });

  it('applying the saved plan changes ci-search and neither ci-orders nor the role', async () => {
    h = await harness({ seed: SEED });
    const { dir, file } = desiredFile();
    const out = path.join(dir, 'plan.json');
    const plan = await h.run(['plan', '-f', file, '--target', 'ci-search', '--out', out]);
    expect(plan.code, plan.stderr).toBe(0);
    const apply = await h.run(['apply', out], { env: { PACT_BROKER_TOKEN: 'admin-token' } });
    expect(apply.code, apply.stderr).toBe(0);
    const state = h.emulator.snapshot();
    const accounts = accountsIn(state);
    expect(accounts.get('ci-search')?.roles).toEqual(['Contract Publisher']);
    expect(accounts.get('ci-orders')?.roles).toEqual(['Contract Publisher']);
    expect(state.roles.find((r) => r.name === 'Contract Publisher')?.permissions).toEqual([
      'contract_data:manage:*',
    ]);
  });
});
