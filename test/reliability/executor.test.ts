import { describe, expect, it } from 'vitest';
import { UNREACHABLE_AFTER, executePlan } from '../../src/apply/execute.js';
import type { ApplyEvent } from '../../src/apply/types.js';
import { NetworkError } from '../../src/http/errors.js';
import { renderApplyText } from '../../src/render/apply-report.js';
import { computePlan } from '../../src/plan/compute.js';
import type { Plan } from '../../src/plan/types.js';
import { fetchLiveState } from '../../src/state/live-state.js';
import { desiredFrom } from '../helpers/states.js';
import { ROLES, TEAMS } from './arbitraries.js';
import type { FakeOrgSeed } from './fake-org.js';
import { FakeOrg } from './fake-org.js';
import { updateChange } from '../helpers/changes.js';

const SEED: FakeOrgSeed = {
  roles: ROLES,
  teams: TEAMS.map((t) => ({ ...t, members: t.uuid === 't-pay' ? ['s-a'] : [] })),
  users: [
    { uuid: 'h-admin', name: 'admin', active: true, type: 0, roles: ['r-admin'] },
    { uuid: 's-a', name: 'ci-a', active: true, type: 1, roles: ['r-cicd'] },
    { uuid: 's-b', name: 'ci-b', active: true, type: 1, roles: ['r-cicd'] },
    { uuid: 's-c', name: 'ci-c', active: true, type: 1, roles: ['r-cicd'] },
  ],
  callerUuid: 'h-admin',
};

const httpError = (status: number) => Object.assign(new Error(`${status} from PactFlow`), { status });

async function planOf(
  fake: FakeOrg,
  yaml: string,
): Promise<{ plan: Plan; live: Awaited<ReturnType<typeof fetchLiveState>> }> {
  const live = await fetchLiveState(fake);
  const { plan } = computePlan(desiredFrom(yaml), live, { baseUrl: fake.baseUrl, generator: 't' });
  return { plan: plan!, live };
}

const change = updateChange;

describe('executePlan', () => {
  it('a failed step stops its account only; the others are done and the result says why', async () => {
    class Failing extends FakeOrg {
      override async setRoles(uuid: string, roles: string[]) {
        if (uuid === 's-b') throw httpError(500);
        return super.setRoles(uuid, roles);
      }
    }
    const fake = new Failing(SEED);
    const { plan, live } = await planOf(
      fake,
      'version: 1\nsystemAccounts:\n  - {name: ci-a, roles: [Viewer]}\n  - {name: ci-b, roles: [Viewer], teams: [Orders]}\n  - {name: ci-c, roles: [Viewer]}\n',
    );
    const result = await executePlan(plan, fake, { live: live.accounts, concurrency: 1 });
    expect(result.outcomes.map((o) => `${o.account} ${o.status}`)).toEqual([
      'ci-a done',
      'ci-b failed',
      'ci-c done',
    ]);
    expect(result.outcomes[1]!.message).toBe('account ci-b failed at its set-roles step: 500 from PactFlow');
    // The failed account's later step (its team) was not attempted.
    expect(fake.writes.filter((w) => w.uuid === 's-b')).toEqual([]);
    expect(result.interrupted).toBe(false);
  });

  it.each([404, 410])('a delete answered %i (already gone) counts as done', async (status) => {
    class Gone extends FakeOrg {
      override async deleteUser(uuid: string) {
        await super.deleteUser(uuid);
        throw httpError(status);
      }
    }
    const fake = new Gone(SEED);
    const result = await executePlan({ changes: [change('ci-a', 's-a', [{ kind: 'delete' }])] }, fake);
    expect(result.outcomes.map((o) => o.status)).toEqual(['done']);
    expect(result.outcomes[0]!.message).toBe('account ci-a has been updated');
  });

  it.each([404, 410])(
    'removing a team member answered %i (not a member any more) counts as done',
    async (status) => {
      class NotMember extends FakeOrg {
        override async removeTeamMember() {
          throw httpError(status);
        }
      }
      const fake = new NotMember(SEED);
      const result = await executePlan(
        {
          changes: [
            change('ci-a', 's-a', [
              { kind: 'remove-team', team: { uuid: 't-pay', name: 'Payments' } },
              { kind: 'enable' },
            ]),
          ],
        },
        fake,
        { live: (await fetchLiveState(fake)).accounts },
      );
      expect(result.outcomes.map((o) => o.status)).toEqual(['done']);
      expect(fake.writes.map((w) => w.op)).toEqual(['update']); // the step after it still ran
    },
  );

  it('a 404 on any other step is a failure, not "already done"', async () => {
    class Missing extends FakeOrg {
      override async setRoles() {
        throw httpError(404);
      }
    }
    const fake = new Missing(SEED);
    const result = await executePlan(
      {
        changes: [
          change('ci-a', 's-a', [{ kind: 'set-roles', roles: [{ uuid: 'r-viewer', name: 'Viewer' }] }]),
        ],
      },
      fake,
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed']);
  });

  it('interrupted mid-account: the step in flight finishes, no later step or account starts', async () => {
    const controller = new AbortController();
    class Interrupting extends FakeOrg {
      override async updateUser(values: Parameters<FakeOrg['updateUser']>[0]) {
        const answer = await super.updateUser(values);
        controller.abort(); // Ctrl+C arrives while the rename is in flight
        return answer;
      }
    }
    const fake = new Interrupting(SEED);
    const { plan, live } = await planOf(
      fake,
      'version: 1\nsystemAccounts:\n  - {name: CI-A, roles: [Viewer], teams: [Orders]}\n  - {name: ci-b, roles: [Viewer]}\n',
    );
    expect(plan.changes[0]!.steps.map((s) => s.kind)).toEqual([
      'rename',
      'set-roles',
      'add-team',
      'remove-team',
    ]);
    const result = await executePlan(plan, fake, {
      live: live.accounts,
      concurrency: 1,
      signal: controller.signal,
    });
    expect(result.interrupted).toBe(true);
    expect(result.outcomes.map((o) => `${o.account} ${o.status} ${o.calls}`)).toEqual([
      'CI-A interrupted 1',
      'ci-b skipped 0',
    ]);
    expect(result.outcomes[0]!.message).toContain('run apply again to finish');
    expect(fake.writes.map((w) => `${w.op} ${w.uuid}`)).toEqual(['update s-a']);
  });
});

describe('when PactFlow stops answering', () => {
  const many = Array.from({ length: 6 }, (_, i) => `ci-${i}`);
  const seed: FakeOrgSeed = {
    ...SEED,
    users: [
      SEED.users[0]!,
      ...many.map((name, i) => ({ uuid: `s-${i}`, name, active: true, type: 1 as const, roles: ['r-cicd'] })),
    ],
  };
  const refused = new NetworkError('PUT', '/admin/users/x', 'ECONNREFUSED');
  const renames = (ids: number[]) => ({
    changes: ids.map((i) => change(`ci-${i}`, `s-${i}`, [{ kind: 'rename', name: `ci-new-${i}` }])),
  });

  it(`starts no new account after ${UNREACHABLE_AFTER} in a row could not reach it, and says so`, async () => {
    class Down extends FakeOrg {
      override async updateUser(): Promise<{ active: boolean }> {
        throw refused;
      }
    }
    const fake = new Down(seed);
    const result = await executePlan(renames([0, 1, 2, 3, 4, 5]), fake, { concurrency: 1, live: [] });
    expect(result.outcomes.map((o) => o.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(result.outcomes[3]!.message).toBe('account ci-3 was not started (PactFlow stopped answering)');
    expect(result.unreachable).toEqual({ failures: 3, code: 'ECONNREFUSED' });
    const text = renderApplyText(result);
    expect(text).toContain(
      'Apply stopped: PactFlow stopped answering: 0 done, 3 failed, 0 interrupted, 3 not started.',
    );
    expect(text).toContain('PactFlow did not answer (ECONNREFUSED) for 3 accounts in a row');
  });

  it('an account done in between starts the count again; other failures do not count', async () => {
    class Flaky extends FakeOrg {
      override async updateUser(values: Parameters<FakeOrg['updateUser']>[0]) {
        if (values.uuid === 's-2') return super.updateUser(values);
        if (values.uuid === 's-3') throw httpError(500);
        throw refused;
      }
    }
    const result = await executePlan(renames([0, 1, 2, 3, 4, 5]), new Flaky(seed), {
      concurrency: 1,
      live: [],
    });
    expect(result.outcomes.map((o) => o.status)).toEqual([
      'failed',
      'failed',
      'done',
      'failed',
      'failed',
      'failed',
    ]);
    expect(result.unreachable).toBeUndefined();
  });
});

describe('progress', () => {
  it('counts role changes and account changes alike, each finishing once', async () => {
    const fake = new FakeOrg(SEED);
    const { plan, live } = await planOf(
      fake,
      'version: 1\nroles:\n  - {name: Readers, permissions: ["contract_data:read:*"]}\nsystemAccounts:\n  - {name: ci-a, roles: [Readers]}\n  - {name: ci-b, roles: [Viewer]}\n',
    );
    const events: ApplyEvent[] = [];
    const result = await executePlan(plan, fake, { live: live.accounts, onEvent: (e) => events.push(e) });
    const finished = events.filter((e) => e.type === 'finished');
    expect(finished.map((e) => `${e.finished}/${e.total}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(result.outcomes).toHaveLength(3);
    expect(events.filter((e) => e.type === 'step').every((e) => e.total === 3)).toBe(true);
  });
});
