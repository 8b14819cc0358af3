import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import { checkGuards, guardContext } from '../../src/plan/guards.js';
import type { Plan } from '../../src/plan/types.js';
import { fetchLiveState } from '../../src/state/live-state.js';
import type { LiveState } from '../../src/state/types.js';
import type { AccountSketch, CustomRoleSketch } from '../helpers/states.js';
import { desiredFrom, liveState } from '../helpers/states.js';
import { fileArb, orgArb, smallLimits } from '../reliability/arbitraries.js';
import { FakeOrg } from '../reliability/fake-org.js';

// One guard engine: what `plan` shows is what `apply -f` and `apply plan.json` enforce, computed
// from the steps alone, with one wording per refusal.
const OPTIONS = { baseUrl: 'https://acme.pactflow.io', generator: 'pactflow-accounts test' };
const HEAD = 'version: 1\n';

function planOf(yaml: string, live: LiveState): Plan {
  const { plan, diagnostics } = computePlan(desiredFrom(yaml), live, OPTIONS);
  expect(diagnostics).toEqual([]);
  return plan!;
}

/** The plan as a hand-edited saved plan might arrive: no refusals, risks or guards of its own. */
function stripped(plan: Plan): Plan {
  return {
    ...plan,
    changes: plan.changes.map(({ refused: _, ...c }) => ({ ...c, risks: [] })),
    roleChanges: plan.roleChanges.map(({ refused: _, ...c }) => ({ ...c, risks: [] })),
  };
}

describe('the guards of a plan are the guards apply enforces', () => {
  it('for any organization and file: recomputed from the steps alone, they are the plan’s own', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(orgArb, fileArb(smallLimits), async (org, file) => {
        const live = await fetchLiveState(new FakeOrg(org));
        const desired = desiredFrom(file.text);
        const plan = computePlan(desired, live, OPTIONS).plan!;
        if (plan.guards.refusals.length > 0) refused++;
        expect(checkGuards(stripped(plan), guardContext(live, desired.policy))).toEqual(plan.guards);
      }),
      { numRuns: 300 },
    );
    // Refusals must be common enough for the property to say something about their wording.
    expect(refused).toBeGreaterThan(30);
  });

  it('for any organization and file: the steps weigh what the risk labels a reviewer reads say', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, fileArb(smallLimits), async (org, file) => {
        const live = await fetchLiveState(new FakeOrg(org));
        const plan = computePlan(desiredFrom(file.text), live, OPTIONS).plan!;
        const labelled = (...risks: string[]) =>
          [...plan.changes, ...plan.roleChanges].filter((c) => c.risks.some((r) => risks.includes(r))).length;
        expect(plan.guards.limits.maxDeletes.count).toBe(labelled('delete'));
        expect(plan.guards.limits.maxDisables.count).toBe(labelled('disable'));
        expect(plan.guards.limits.maxAdminChanges.count).toBe(labelled('admin-grant', 'admin-revoke'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('one wording per refusal, at plan and at apply time', () => {
  const owner: AccountSketch = { name: 'ci-deployer', uuid: 'uuid-ci-deployer', roles: ['CI/CD'] };
  it.each([
    [
      'a protected account',
      'policy:\n  protected: [ci-keep]\nsystemAccounts:\n  - {name: ci-keep, state: disabled}\n',
      [{ name: 'ci-keep' }],
      undefined,
      '"ci-keep" is in policy.protected: this tool never changes it. Change it in PactFlow by hand, or remove it from policy.protected.',
    ],
    [
      'a protected glob',
      'policy:\n  protected: ["ci-keep-*"]\nsystemAccounts:\n  - {name: ci-keep-1, state: disabled}\n',
      [{ name: 'ci-keep-1' }],
      undefined,
      '"ci-keep-1" matches policy.protected "ci-keep-*": this tool never changes it. Change it in PactFlow by hand, or narrow policy.protected.',
    ],
    [
      'the token owner',
      'systemAccounts:\n  - {name: ci-deployer, state: disabled}\n',
      [owner],
      owner,
      '"ci-deployer" owns the API token this run uses: this tool never changes the account it runs as, so it cannot lock itself out. Apply this change with another account\'s token.',
    ],
  ] as [string, string, AccountSketch[], AccountSketch | undefined, string][])(
    '%s',
    (_, file, accounts, caller, message) => {
      const live = liveState(accounts, caller);
      const plan = planOf(HEAD + file, live);
      expect(plan.changes[0]!.refused?.message).toBe(message);
      expect(plan.guards.refusals.map((r) => r.message)).toEqual([message]);
      const policy = desiredFrom(HEAD + file).policy;
      expect(checkGuards(stripped(plan), guardContext(live, policy)).refusals.map((r) => r.message)).toEqual([
        message,
      ]);
    },
  );

  it('plan refuses a rename of an account outside policy.scope, as apply always did', () => {
    const file = `${HEAD}policy:\n  scope:\n    include: ["ci-*"]\nsystemAccounts:\n  - {name: ci-new, previousNames: [bot-old]}\n`;
    const plan = planOf(file, liveState([{ name: 'bot-old' }]));
    expect(plan.changes.map((c) => `${c.action} ${c.account}`)).toEqual(['rename ci-new']);
    expect(plan.changes[0]!.refused).toEqual({
      guard: 'scope',
      message: '"bot-old" is outside policy.scope: this tool never changes it.',
    });
    expect(plan.guards.ok).toBe(false);
  });
});

describe('a role change that locks the token owner out is refused from its steps', () => {
  const admin: CustomRoleSketch = {
    name: 'Account Admin',
    permissions: ['system_account:manage:*', 'team:manage:*'],
  };
  const runner: AccountSketch = { name: 'ci-runner', uuid: 'uuid-ci-runner', roles: ['Account Admin'] };
  const file = `${HEAD}roles:\n  - name: Account Admin\n    permissions: [team:manage:*]\nsystemAccounts: []\n`;
  const policy = desiredFrom(file).policy;

  it('even when the saved plan no longer says so', () => {
    const live = liveState([runner], runner, { customRoles: [admin] });
    const plan = planOf(file, live);
    expect(plan.roleChanges[0]!.refused?.guard).toBe('self-lockout');
    const again = checkGuards(stripped(plan), guardContext(live, policy));
    expect(again.ok).toBe(false);
    expect(again.refusals).toEqual(plan.guards.refusals);
  });

  it('when the plan is applied with the token of an account that holds the role', () => {
    const planned = liveState([runner], undefined, { customRoles: [admin] });
    const plan = planOf(file, planned);
    expect(plan.guards.ok).toBe(true);
    const applying = liveState([runner], runner, { customRoles: [admin] });
    const guards = checkGuards(plan, guardContext(applying, policy));
    expect(guards.refusals.map((r) => `${r.account}: ${r.guard}`)).toEqual([
      'role "Account Admin": self-lockout',
    ]);
    expect(guards.refusals[0]!.message).toContain('takes away system_account:manage:*');
  });
});
