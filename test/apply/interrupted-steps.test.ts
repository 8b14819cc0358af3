import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute.js';
import type { ApplyPort } from '../../src/apply/types.js';
import { InterruptedError } from '../../src/errors.js';
import type { Change, RoleChange } from '../../src/plan/types.js';
import { tally } from '../../src/render/apply-report.js';
import { PactflowClient } from '../../src/pactflow/client.js';
import { BASE, TOKEN, strictNock } from '../helpers/nock.js';
import { updateChange } from '../helpers/changes.js';

strictNock();

/**
 * Ctrl+C while a step's write has landed but the read that confirms it is still out: the read is
 * cancelled, so nothing knows whether PactFlow did the step; the report must not say it was not
 * started. A reply that never comes stands for the read in flight.
 */
const abortAndHang = (stop: AbortController) => () => {
  stop.abort();
  return new Promise<never>(() => undefined);
};

/** One change applied through a real client; `mock` sets up PactFlow's answers and may stop the run. */
async function outcomeOf(change: Change, mock: (stop: AbortController) => void) {
  const stop = new AbortController();
  const client = new PactflowClient({ baseUrl: BASE, token: TOKEN, signal: stop.signal });
  mock(stop);
  const result = await executePlan({ changes: [change] }, client, { signal: stop.signal });
  client.close();
  return result.outcomes[0];
}

describe('Ctrl+C while a step is under way', () => {
  it('a create answered without a uuid, during the read that looks the account up by name', async () => {
    const change = {
      ...updateChange('ci-new', undefined, [{ kind: 'create', name: 'ci-new' }, { kind: 'disable' }]),
      action: 'create' as const,
    };
    const outcome = await outcomeOf(change, (stop) => {
      nock(BASE).post('/admin/system-accounts').reply(201, '');
      nock(BASE).get('/admin/users').query(true).reply(abortAndHang(stop));
    });
    expect(outcome).toMatchObject({
      status: 'interrupted',
      message:
        'account ci-new was interrupted during its create step, which PactFlow may have done; run apply again to finish',
    });
  });

  it('an addition to a team, during the read that checks the account joined', async () => {
    const change = updateChange('ci-a', 'u-1', [
      { kind: 'add-team', team: { uuid: 't-1', name: 'Payments' } },
      { kind: 'disable' },
    ]);
    const outcome = await outcomeOf(change, (stop) => {
      nock(BASE).patch('/admin/teams/t-1/users').reply(204);
      nock(BASE).get('/admin/teams/t-1/users/u-1').reply(abortAndHang(stop));
    });
    expect(outcome).toMatchObject({
      status: 'interrupted',
      message:
        'account ci-a was interrupted during its add-team step (team Payments), which PactFlow may have done; run apply again to finish',
    });
  });
});

it('a role create whose checking read Ctrl+C cancelled is interrupted, not failed', async () => {
  const stop = new AbortController();
  const port = {
    createRole: async () => {
      stop.abort();
      throw new InterruptedError('interrupted before GET /admin/roles finished');
    },
  } as unknown as ApplyPort;
  const roleChange: RoleChange = {
    role: 'Publisher',
    action: 'create',
    origin: 'file',
    before: null,
    after: { name: 'Publisher', permissions: ['contract_data:manage:*'] },
    steps: [{ kind: 'create-role', role: { name: 'Publisher', permissions: ['contract_data:manage:*'] } }],
    risks: [],
    accounts: [],
    fingerprint: 'sha256:00000000000000000000000000000000',
  };
  const result = await executePlan({ changes: [], roleChanges: [roleChange] }, port, { signal: stop.signal });
  expect(result.outcomes[0]).toMatchObject({
    status: 'interrupted',
    message:
      'role Publisher was interrupted while being created, which PactFlow may have done; run apply again to finish',
  });
  expect(tally(result)).toMatchObject({ failed: 0, interrupted: 1 });
});

it('Ctrl+C during the read a PUT needs first: nothing was sent, so it is "before" the step', async () => {
  const stop = new AbortController();
  const sent: string[] = [];
  const port = {
    getUser: async () => {
      stop.abort();
      throw new InterruptedError('interrupted before GET /admin/users/u-1 finished');
    },
    updateUser: async () => {
      sent.push('PUT');
      return { active: false };
    },
  } as unknown as ApplyPort;
  const change = updateChange('ci-a', 'u-1', [{ kind: 'disable' }]);
  const result = await executePlan({ changes: [change] }, port, { signal: stop.signal });
  expect(sent).toEqual([]);
  expect(result.outcomes[0]).toMatchObject({
    status: 'interrupted',
    message: 'account ci-a was interrupted before its disable step; run apply again to finish',
  });
});
