import { describe, expect, it } from 'vitest';
import type { ApplyPort } from '../../src/apply/types.js';
import { executePlan } from '../../src/apply/execute.js';
import { ForbiddenError } from '../../src/http/errors.js';
import type { ApiUser, UserValues } from '../../src/pactflow/types.js';
import { renderApplyJson, renderApplyText } from '../../src/render/apply-report.js';
import type { LiveAccount } from '../../src/state/types.js';
import { updateChange } from '../helpers/changes.js';

const live = (over: Partial<LiveAccount> & { uuid: string; name: string }): LiveAccount => ({
  active: true,
  roles: [],
  teams: [],
  ...over,
});

const change = updateChange;

/** A port that records every call; `server` is what getUser answers. */
function recorder(server: Record<string, ApiUser> = {}, refuse?: (call: string) => boolean) {
  const calls: string[] = [];
  const puts: UserValues[] = [];
  const note = async (call: string) => {
    calls.push(call);
    if (refuse?.(call))
      throw new ForbiddenError(call.split(' ')[0]!, call.split(' ')[1]!, '', 'team:manage:*');
  };
  const port: ApplyPort = {
    createSystemAccount: async (a) => (await note(`POST ${a.name}`), { uuid: 'new-1' }),
    updateUser: async (u) => (puts.push(u), await note(`PUT ${u.uuid}`), { active: u.active }),
    deleteUser: (uuid) => note(`DELETE ${uuid}`),
    setRoles: (uuid) => note(`PUT-ROLES ${uuid}`),
    addTeamMember: (team, uuid) => note(`PATCH ${team}/${uuid}`),
    removeTeamMember: (team, uuid) => note(`DELETE-MEMBER ${team}/${uuid}`),
    createRole: async (r) => (await note(`POST-ROLE ${r.name}`), { uuid: 'role-new-1' }),
    updateRole: (uuid) => note(`PUT-ROLE ${uuid}`),
    deleteRole: (uuid) => note(`DELETE-ROLE ${uuid}`),
    getUser: async (uuid) => {
      calls.push(`GET ${uuid}`);
      const user = server[uuid];
      if (!user) throw new Error(`no ${uuid}`);
      return user;
    },
  };
  return { port, calls, puts };
}

/** A write held in flight until `release` is called. */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
}

/** `finished` resolves once `account`'s change has ended; pass `onEvent` to executePlan. */
function finishOf(account: string) {
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const onEvent = (e: { type: string; outcome?: { account: string } }) =>
    e.type === 'finished' && e.outcome?.account === account && done();
  return { finished, onEvent };
}

describe('a PUT of a user carries the whole user: live values with the change on top', () => {
  it('renaming a disabled account with an email keeps it disabled and keeps the email', async () => {
    const { port, puts } = recorder();
    const result = await executePlan(
      { changes: [change('ci-new', 'u1', [{ kind: 'rename', name: 'ci-new' }])] },
      port,
      {
        live: [live({ uuid: 'u1', name: 'ci-old', email: 'old@example.com', active: false })],
      },
    );
    expect(result.outcomes[0]?.status).toBe('done');
    expect(puts).toEqual([{ uuid: 'u1', name: 'ci-new', active: false, email: 'old@example.com' }]);
  });

  it('several changes to one account build on each other; no email is invented', async () => {
    const { port, puts } = recorder();
    await executePlan(
      { changes: [change('ci-b', 'u2', [{ kind: 'rename', name: 'ci-b' }, { kind: 'enable' }])] },
      port,
      { live: [live({ uuid: 'u2', name: 'ci-a', active: false })] },
    );
    expect(puts).toEqual([
      { uuid: 'u2', name: 'ci-b', active: false },
      { uuid: 'u2', name: 'ci-b', active: true },
    ]);
  });

  it('an account not in the live values given is read first, never sent half-empty', async () => {
    const server = {
      u3: {
        uuid: 'u3',
        name: 'ci-c',
        email: 'c@example.com',
        active: true,
        type: 1 as const,
        roles: [],
        teams: [],
      },
    };
    const { port, calls, puts } = recorder(server);
    const result = await executePlan({ changes: [change('ci-c', 'u3', [{ kind: 'disable' }])] }, port);
    expect(calls).toEqual(['GET u3', 'PUT u3']);
    expect(puts).toEqual([{ uuid: 'u3', name: 'ci-c', email: 'c@example.com', active: false }]);
    expect(result.outcomes[0]?.calls).toBe(2);
  });

  it('a new account created disabled is read back before its PUT', async () => {
    const server = {
      'new-1': { uuid: 'new-1', name: 'ci-d', active: true, type: 1 as const, roles: [], teams: [] },
    };
    const { port, calls, puts } = recorder(server);
    await executePlan(
      { changes: [change('ci-d', undefined, [{ kind: 'create', name: 'ci-d' }, { kind: 'disable' }])] },
      port,
    );
    expect(calls).toEqual(['POST ci-d', 'GET new-1', 'PUT new-1']);
    expect(puts).toEqual([{ uuid: 'new-1', name: 'ci-d', active: false }]);
  });
});

describe('the first 403 on a write stops new steps', () => {
  const plan = {
    changes: [
      change('ci-a', 'a', [{ kind: 'add-team', team: { uuid: 't', name: 'T' } }, { kind: 'disable' }]),
      change('ci-b', 'b', [{ kind: 'delete' }]),
      change('ci-c', 'c', [{ kind: 'delete' }]),
    ],
  };

  it.each([
    ['the caller has the permission: a read-only token', ['team:manage:*'], 'read-only-token'],
    ['the caller lacks the permission', ['system_account:manage:*'], 'missing-permission'],
  ] as const)('%s', async (_, callerPermissions, cause) => {
    const { port, calls } = recorder({}, (call) => call.startsWith('PATCH'));
    const result = await executePlan(plan, port, { concurrency: 1, callerPermissions });
    expect(calls).toEqual(['PATCH t/a']);
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'skipped', 'skipped']);
    expect(result.outcomes[1]?.message).toBe('account ci-b was not started (a write was refused)');
    expect(result.refused).toEqual({
      account: 'ci-a',
      method: 'PATCH',
      path: 't/a',
      permission: 'team:manage:*',
      cause,
    });
    const text = renderApplyText(result);
    expect(text).toContain('Apply stopped: a write was refused');
    expect(text).not.toContain('Run apply again');
    expect(text).toContain(
      cause === 'read-only-token'
        ? 'the token itself is read-only (the "Read only token (developer)")'
        : "the token's owner lacks team:manage:*",
    );
    expect(JSON.parse(renderApplyJson(result)).refused.cause).toBe(cause);
  });

  it('steps in flight finish; their accounts start no further step', async () => {
    const { gate, release } = held();
    const { port, calls } = recorder({}, (call) => call.startsWith('PATCH'));
    const slowDelete = port.deleteUser;
    port.deleteUser = async (uuid) => {
      await gate;
      return slowDelete(uuid);
    };
    const refused = finishOf('ci-a');
    const running = executePlan(
      {
        changes: [
          change('ci-b', 'b', [{ kind: 'delete' }, { kind: 'enable' }]),
          change('ci-a', 'a', [{ kind: 'add-team', team: { uuid: 't', name: 'T' } }]),
          change('ci-c', 'c', [{ kind: 'delete' }]),
        ],
      },
      port,
      {
        concurrency: 2,
        live: [live({ uuid: 'b', name: 'ci-b' })],
        // ci-a's refused write has finished while ci-b's delete is still held.
        onEvent: refused.onEvent,
      },
    );
    await refused.finished;
    release();
    const result = await running;
    expect(calls).toEqual(['PATCH t/a', 'DELETE b']);
    expect(result.outcomes.map((o) => [o.account, o.status])).toEqual([
      ['ci-b', 'interrupted'],
      ['ci-a', 'failed'],
      ['ci-c', 'skipped'],
    ]);
    expect(result.outcomes[0]?.message).toBe(
      'account ci-b was stopped before its enable step: PactFlow refused a write',
    );
  });
});

describe('an account the run created is reported as created, however its change ends', () => {
  const createThenDisable = () => ({
    ...change('ci-new', undefined, [{ kind: 'create', name: 'ci-new' }, { kind: 'disable' }]),
    action: 'create' as const,
  });

  it('when the run stops for a refused write while the create is in flight', async () => {
    const { gate, release } = held();
    const { port, calls } = recorder({}, (call) => call.startsWith('PATCH'));
    const create = port.createSystemAccount;
    port.createSystemAccount = async (a) => {
      await gate;
      return create(a);
    };
    const refused = finishOf('ci-a');
    const running = executePlan(
      {
        changes: [
          createThenDisable(),
          change('ci-a', 'a', [{ kind: 'add-team', team: { uuid: 't', name: 'T' } }]),
        ],
      },
      port,
      {
        concurrency: 2,
        onEvent: refused.onEvent,
      },
    );
    await refused.finished;
    release();
    const result = await running;
    expect(calls).toEqual(['PATCH t/a', 'POST ci-new']);
    expect(result.outcomes[0]).toMatchObject({
      status: 'interrupted',
      message: 'account ci-new was created, then stopped before its disable step: PactFlow refused a write',
    });
  });

  it('when Ctrl+C comes while the create is in flight', async () => {
    const stop = new AbortController();
    const { port, calls } = recorder();
    const create = port.createSystemAccount;
    port.createSystemAccount = async (a) => {
      stop.abort();
      return create(a);
    };
    const result = await executePlan({ changes: [createThenDisable()] }, port, { signal: stop.signal });
    expect(calls).toEqual(['POST ci-new']);
    expect(result.outcomes[0]).toMatchObject({
      status: 'interrupted',
      message:
        'account ci-new was created, then interrupted before its disable step; run apply again to finish',
    });
  });
});
