import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { PactflowClient } from '../../src/pactflow/client.js';
import { ServerError } from '../../src/http/errors.js';
import { pactflowHttp } from '../../src/pactflow/http.js';
import { LostMembersError, ReplaceStoppedError } from '../../src/pactflow/team-members.js';
import { BASE, TOKEN, strictNock } from '../helpers/nock.js';

strictNock();

function client(sleeps: number[] = [], signal?: AbortSignal) {
  return new PactflowClient({
    baseUrl: BASE,
    token: TOKEN,
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    ...(signal ? { signal } : {}),
  });
}

const members = (...uuids: string[]) => ({
  _embedded: { users: uuids.map((uuid) => ({ uuid, name: `name-of-${uuid}` })) },
  _links: {},
});

/**
 * A team's member list as a server keeps it: GET reads it, PUT replaces it. Each GET and PUT is a
 * counted interceptor, so every one the test allows must be used.
 */
function teamServer(team: string, initial: string[], reads: number, puts: number) {
  let current = [...initial];
  const bodies: string[][] = [];
  nock(BASE)
    .get(`/admin/teams/${team}/users`)
    .times(reads)
    .reply(() => [200, members(...current)]);
  nock(BASE)
    .put(`/admin/teams/${team}/users`)
    .times(puts)
    .reply((_, body) => {
      current = (body as { users: string[] }).users;
      bodies.push(current);
      return [200, members(...current)];
    });
  return { bodies, members: () => current };
}

describe('team additions where the JSON Patch is not served', () => {
  it.each([404, 405, 415, 501])(
    'answered %i, reads the members, PUTs them all plus the account, reads again; the next addition skips the PATCH',
    async (status) => {
      nock(BASE).patch('/admin/teams/t1/users').reply(status, { title: 'No route' });
      const team = teamServer('t1', ['person', 'outsider'], 4, 2);
      const c = client();
      await c.addTeamMember('t1', 'u1');
      await c.addTeamMember('t1', 'u2');
      expect(team.bodies).toEqual([
        ['person', 'outsider', 'u1'],
        ['person', 'outsider', 'u1', 'u2'],
      ]);
    },
  );

  it('additions to one team at once wait for each other, so no PUT drops another', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    const accounts = Array.from({ length: 6 }, (_, i) => `u${i}`);
    const team = teamServer('t1', ['person'], 2 * accounts.length, accounts.length);
    const c = client();
    await Promise.all(accounts.map((a) => c.addTeamMember('t1', a)));
    expect(new Set(team.members())).toEqual(new Set(['person', ...accounts]));
  });

  it('an account already a member is not PUT again', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(405);
    nock(BASE).get('/admin/teams/t1/users').twice().reply(200, members('person', 'u1'));
    await client().addTeamMember('t1', 'u1');
  });

  it('fails, naming them and how to restore them, when the read after the PUT lacks earlier members', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person', 'outsider'));
    nock(BASE)
      .put('/admin/teams/t1/users', { users: ['person', 'outsider', 'u1'] })
      .reply(200, {});
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('u1'));
    const error = await client()
      .addTeamMember('t1', 'u1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LostMembersError);
    expect((error as Error).message).toContain('lost 2 members');
    expect((error as Error).message).toContain('name-of-person (person), name-of-outsider (outsider)');
    expect((error as Error).message).toContain('add them back to the team in PactFlow');
  });

  it('fails when the read after the PUT does not show the account', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person'));
    nock(BASE).put('/admin/teams/t1/users').reply(200, {});
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person'));
    await expect(client().addTeamMember('t1', 'u1')).rejects.toThrow(/does not show u1 as a member/);
  });

  it('a PUT of unknown outcome is not repeated blindly: a read first, then a PUT built from a fresh read', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person'));
    nock(BASE)
      .put('/admin/teams/t1/users', { users: ['person', 'u1'] })
      .reply(503);
    // The probe: not a member; meanwhile someone joined by hand.
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person', 'late'));
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person', 'late'));
    nock(BASE)
      .put('/admin/teams/t1/users', { users: ['person', 'late', 'u1'] })
      .reply(200, {});
    nock(BASE)
      .get('/admin/teams/t1/users')
      .reply(200, members('person', 'late', 'u1'));
    const sleeps: number[] = [];
    await client(sleeps).addTeamMember('t1', 'u1');
    expect(sleeps).toEqual([375]);
  });

  it('a PATCH answered 500 is a failure of unknown outcome, not a route that is absent', async () => {
    for (let i = 0; i < 5; i++) {
      nock(BASE).patch('/admin/teams/t1/users').reply(500);
      nock(BASE).get('/admin/teams/t1/users/u1').reply(404);
    }
    await expect(client().addTeamMember('t1', 'u1')).rejects.toBeInstanceOf(ServerError);
  });

  it('a removal waits for an addition to the same team in flight', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    const team = teamServer('t1', ['person', 'old'], 2, 1);
    nock(BASE)
      .delete('/admin/teams/t1/users/old')
      .reply(() => {
        expect(team.bodies).toHaveLength(1);
        return [204];
      });
    const c = client();
    await Promise.all([c.addTeamMember('t1', 'u1'), c.removeTeamMember('t1', 'old')]);
  });
});

describe('a replace of a team list, and the writes around it', () => {
  it('after a PUT lost members, the team list is not replaced again in the run', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person'));
    nock(BASE).put('/admin/teams/t1/users').reply(200, {});
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('u1'));
    const c = client();
    await expect(c.addTeamMember('t1', 'u1')).rejects.toBeInstanceOf(LostMembersError);
    // No request at all for the next addition to that team.
    await expect(c.addTeamMember('t1', 'u2')).rejects.toBeInstanceOf(ReplaceStoppedError);
  });

  it('Ctrl+C while a PUT is in flight still lets the read after it check for lost members', async () => {
    const interrupt = new AbortController();
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person'));
    nock(BASE)
      .put('/admin/teams/t1/users')
      .reply(() => {
        interrupt.abort();
        return [200, {}];
      });
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('u1'));
    const error = await client([], interrupt.signal)
      .addTeamMember('t1', 'u1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LostMembersError);
  });

  it('a create or a delete of an account waits for a replace in flight, and a replace for them', async () => {
    const order: string[] = [];
    let releasePut!: () => void;
    const putHeld = new Promise<void>((resolve) => (releasePut = resolve));
    let putArrived!: () => void;
    const putSeen = new Promise<void>((resolve) => (putArrived = resolve));
    nock(BASE).patch('/admin/teams/t1/users').reply(404);
    nock(BASE).get('/admin/teams/t1/users').reply(200, members('person', 'gone'));
    nock(BASE)
      .put('/admin/teams/t1/users')
      .reply(async () => {
        putArrived();
        await putHeld;
        order.push('PUT');
        return [200, {}];
      });
    nock(BASE)
      .get('/admin/teams/t1/users')
      .reply(200, members('person', 'gone', 'u1'));
    nock(BASE)
      .delete('/admin/users/gone')
      .reply(() => {
        order.push('DELETE');
        return [204];
      });
    const c = client();
    const adding = c.addTeamMember('t1', 'u1');
    await putSeen;
    const deleting = c.deleteUser('gone');
    releasePut();
    await Promise.all([adding, deleting]);
    expect(order).toEqual(['PUT', 'DELETE']);
  });
});

describe('team additions by JSON Patch', () => {
  it('are confirmed by reading the membership before they count as done', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(200, {});
    nock(BASE).get('/admin/teams/t1/users/u1').reply(404, {});
    await expect(client().addTeamMember('t1', 'u1')).rejects.toThrow(/does not show u1 as a member/);
  });
});

describe('deprecation notices', () => {
  it('are passed on once per distinct text, from a HAL title or its self link', async () => {
    const notices: string[] = [];
    const http = pactflowHttp({ baseUrl: BASE, token: TOKEN, onNotice: (n) => notices.push(n) });
    const deprecated = { title: 'Deprecated: this resource goes away in 2027', _embedded: { roles: [] } };
    nock(BASE).get('/admin/roles').twice().reply(200, deprecated);
    nock(BASE)
      .get('/admin/teams')
      .reply(200, { teams: [], _links: { self: { href: '/x', title: 'Teams (deprecated shape)' } } });
    nock(BASE).get('/admin/permissions').reply(200, { title: 'Permissions', permissions: [] });
    await http.request('listRoles');
    await http.request('listRoles');
    await http.request('listTeams');
    await http.request('listPermissions');
    expect(notices).toEqual(['Deprecated: this resource goes away in 2027', 'Teams (deprecated shape)']);
  });
});
