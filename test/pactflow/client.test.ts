import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { PactflowClient } from '../../src/pactflow/client.js';
import { IncompleteListError, PAGE_CONCURRENCY } from '../../src/pactflow/pages.js';
import {
  ForbiddenError,
  GoneError,
  NetworkError,
  NotFoundError,
  ResponseShapeError,
  ServerError,
  UnauthorizedError,
  ValidationError,
} from '../../src/http/errors.js';
import { parseRetryAfter } from '../../src/http/retry.js';
import { fetchLiveState } from '../../src/state/live-state.js';
import { BASE, TOKEN, strictNock, user } from '../helpers/nock.js';
import { HeldServer, settle } from './held-server.js';

strictNock();

function client(over: { sleeps?: number[]; timeoutMs?: number } = {}) {
  const sleeps = over.sleeps ?? [];
  return new PactflowClient({
    baseUrl: BASE,
    token: TOKEN,
    // The default timeout: no answer from a mock is bet to come sooner than a short one. A test of
    // a timeout gives a short one, and a mock that never answers.
    ...(over.timeoutMs === undefined ? {} : { timeoutMs: over.timeoutMs }),
    retry: {
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
    },
  });
}

/** A reply that never comes (nock's callback form, never called): only the client's timeout ends it. */
const noAnswer = (_uri: string, _body: unknown, _callback: unknown): void => undefined;
/** What a connection reset looks like to the client: a network error, at once. */
const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

const page = (number: number, size: number, totalElements: number) => ({
  number,
  size,
  totalElements,
  totalPages: Math.ceil(totalElements / size),
});

/** Page 1 of the enabled (or the disabled) system accounts, asked for `times` times. */
const firstPage = (active: boolean, times = 1) =>
  nock(BASE)
    .get('/admin/users')
    .query({ userType: '1', active: String(active), page: '1', size: '100' })
    .times(times);
const disabledNone = (times = 1) => firstPage(false, times).reply(200, { users: [], page: page(1, 100, 0) });
/**
 * Every page of the enabled (or the disabled) list of `items`, `size` a page as a server that caps
 * the page size serves them; page 1 of the enabled list twice, for the recount of its total.
 */
function listPages(active: boolean, items: unknown[], size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  for (let n = 1; n <= pages; n++) {
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', active: String(active), page: String(n), size: '100' })
      .times(active && n === 1 ? 2 : 1)
      .reply(200, { users: items.slice((n - 1) * size, n * size), page: page(n, size, items.length) });
  }
}

describe('requests', () => {
  it('sends the bearer token, Accept and User-Agent; Content-Type only with a body', async () => {
    nock(BASE, {
      reqheaders: {
        authorization: `Bearer ${TOKEN}`,
        accept: 'application/hal+json, application/problem+json, application/json',
        'user-agent': /^pactflow-accounts\/\d/,
      },
      badheaders: ['content-type'],
    })
      .get('/user')
      .reply(200, user({ uuid: 'u1', name: 'alice', type: 0, typeDescription: 'User' }));
    nock(BASE, { reqheaders: { 'content-type': 'application/json' } })
      .put('/admin/users/u2', { uuid: 'u2', name: 'ci-a', active: false, type: 1 })
      .reply(200, user({ uuid: 'u2', name: 'ci-a', active: false }));
    nock(BASE, { reqheaders: { 'content-type': 'application/json-patch+json' } })
      .patch('/admin/teams/t1/users', [{ op: 'add', path: '/users', value: { uuid: 'u2' } }])
      .reply(200, { _embedded: { users: [] } });
    nock(BASE, { badheaders: ['content-type'] })
      .get('/admin/teams/t1/users/u2')
      .reply(200, { _embedded: { user: { uuid: 'u2' } } });
    const c = client();
    expect(await c.currentUser()).toMatchObject({ uuid: 'u1', name: 'alice', type: 0 });
    await c.updateUser({ uuid: 'u2', name: 'ci-a', active: false });
    await c.addTeamMember('t1', 'u2');
  });

  it('a PUT of a user sends the whole user: email only when the account has one', async () => {
    nock(BASE)
      .put('/admin/users/u3', { uuid: 'u3', name: 'ci-b', active: false, type: 1, email: 'b@example.com' })
      .reply(200, user({ uuid: 'u3', name: 'ci-b', active: false }));
    await client().updateUser({ uuid: 'u3', name: 'ci-b', active: false, email: 'b@example.com' });
  });

  it('keeps a base URL path prefix', async () => {
    nock('https://proxy.example.com')
      .get('/pactflow/admin/roles')
      .reply(200, { _embedded: { roles: [] } });
    const c = new PactflowClient({ baseUrl: 'https://proxy.example.com/pactflow', token: TOKEN });
    expect(await c.listRoles()).toEqual([]);
  });
});

describe('endpoints', () => {
  it('getUser reads roles and teams from _embedded', async () => {
    nock(BASE)
      .get('/admin/users/u1')
      .reply(
        200,
        user({
          uuid: 'u1',
          name: 'ci-a',
          email: 'a@example.com',
          _embedded: {
            roles: [{ uuid: 'r1', name: 'CI/CD', permissions: [{ scope: 'contract_data:manage:*' }] }],
            teams: [{ uuid: 't1', name: 'Payments' }],
          },
        }),
      );
    expect(await client().getUser('u1')).toEqual({
      uuid: 'u1',
      name: 'ci-a',
      email: 'a@example.com',
      active: true,
      type: 1,
      roles: [{ uuid: 'r1', name: 'CI/CD', permissions: ['contract_data:manage:*'] }],
      teams: [{ uuid: 't1', name: 'Payments' }],
      createdAt: '2024-01-01T00:00:00+00:00',
    });
  });

  it('accepts the legacy flat roles array when _embedded.roles is absent', async () => {
    nock(BASE)
      .get('/admin/users/u1')
      .reply(
        200,
        user({ uuid: 'u1', name: 'ci-a', _embedded: undefined, roles: [{ uuid: 'r1', name: 'Viewer' }] }),
      );
    expect((await client().getUser('u1')).roles).toEqual([{ uuid: 'r1', name: 'Viewer', permissions: [] }]);
  });

  it('listRoles accepts both permission shapes', async () => {
    nock(BASE)
      .get('/admin/roles')
      .reply(200, {
        _embedded: {
          roles: [
            {
              uuid: 'r1',
              name: 'New',
              systemDefined: true,
              permissions: [{ scope: 'user:manage:*', label: 'Manage users', group: 'Users' }],
            },
            {
              uuid: 'r2',
              name: 'Old',
              systemDefined: false,
              permissions: [{ name: 'system_account:manage:*', scope: 'system_account:manage:*' }],
            },
          ],
        },
      });
    expect(await client().listRoles()).toEqual([
      { uuid: 'r1', name: 'New', systemDefined: true, permissions: ['user:manage:*'] },
      { uuid: 'r2', name: 'Old', systemDefined: false, permissions: ['system_account:manage:*'] },
    ]);
  });

  it('listSystemAccounts drops human users even when the server ignores userType', async () => {
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', active: 'true', page: '1', size: '100' })
      .times(2) // the list, then the recount of its total
      .reply(200, {
        users: [
          user({ uuid: 'h1', name: 'alice', type: 0, typeDescription: 'User' }),
          user({ uuid: 's1', name: 'ci-a' }),
          user({ uuid: 'h2', name: 'bob', type: undefined, typeDescription: 'User' }),
        ],
        page: page(1, 100, 3),
      });
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', active: 'false', page: '1', size: '100' })
      .reply(200, { users: [], page: page(1, 100, 0) });
    expect((await client().listSystemAccounts()).map((u) => u.name)).toEqual(['ci-a']);
  });

  it('listSystemAccounts reads enabled and disabled accounts as two lists, merged by uuid', async () => {
    // ci-a is disabled after the enabled list is read, so the disabled list has it too: the
    // recount shows the move, and the second read has ci-a once, disabled.
    firstPage(true).reply(200, { users: [user({ uuid: 's1', name: 'ci-a' })], page: page(1, 100, 1) });
    // The recount, then the second read and its recount.
    firstPage(true, 3).reply(200, { users: [], page: page(1, 100, 0) });
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', active: 'false', page: '1', size: '100' })
      .times(2)
      .reply(200, {
        users: [
          user({ uuid: 's2', name: 'ci-b', active: false }),
          user({ uuid: 's1', name: 'ci-a', active: false }),
        ],
        page: page(1, 100, 2),
      });
    const accounts = await client().listSystemAccounts();
    expect(accounts.map((u) => [u.name, u.active])).toEqual([
      ['ci-b', false],
      ['ci-a', false],
    ]);
  });

  it('findSystemAccountByName searches with q and matches the exact name only', async () => {
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', q: 'ci-a', page: '1', size: '100' })
      .reply(200, {
        users: [user({ uuid: 's2', name: 'ci-ab' }), user({ uuid: 's1', name: 'CI-A' })],
        page: page(1, 100, 2),
      });
    expect((await client().findSystemAccountByName('ci-a'))?.uuid).toBe('s1');
  });

  it.each([
    [
      'the Location header',
      { location: `${BASE}/admin/system-accounts/new-1` },
      user({ uuid: 'other', name: 'x' }),
      'new-1',
    ],
    ['Location with an empty body', { location: `${BASE}/admin/system-accounts/new-2` }, '', 'new-2'],
    [
      'Location with an unrelated body',
      { location: `${BASE}/admin/system-accounts/new-3` },
      { ok: true },
      'new-3',
    ],
    ['the body when Location is missing', {}, user({ uuid: 'new-4', name: 'ci-new' }), 'new-4'],
  ])('createSystemAccount takes the uuid from %s', async (_, headers, body, uuid) => {
    nock(BASE)
      .post('/admin/system-accounts', { name: 'ci-new', email: 'n@example.com' })
      .reply(201, body, headers);
    expect(await client().createSystemAccount({ name: 'ci-new', email: 'n@example.com' })).toEqual({ uuid });
  });

  const findByName = (users: unknown[]) =>
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', q: 'ci-new', page: '1', size: '100' })
      .reply(200, { users, page: page(1, 100, users.length) });

  it('createSystemAccount takes the uuid from a body that carries only it (the MCP contract)', async () => {
    nock(BASE).post('/admin/system-accounts', { name: 'ci-new' }).reply(201, { uuid: 'c7' });
    expect(await client().createSystemAccount({ name: 'ci-new' })).toEqual({ uuid: 'c7' });
  });

  it('createSystemAccount finds the account by name when the answer carries no uuid', async () => {
    nock(BASE).post('/admin/system-accounts').reply(201, '');
    findByName([user({ uuid: 'c8', name: 'CI-New' })]);
    expect(await client().createSystemAccount({ name: 'ci-new' })).toEqual({ uuid: 'c8' });
  });

  it('createSystemAccount refuses an answer with no uuid anywhere when no account has the name', async () => {
    nock(BASE).post('/admin/system-accounts').reply(201, '');
    findByName([]);
    const error = await client()
      .createSystemAccount({ name: 'ci-new' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as Error).message).toContain('no system account named "ci-new"');
  });

  it('writes: delete, set roles, add and remove one team member', async () => {
    nock(BASE).delete('/admin/users/u1').reply(204);
    nock(BASE)
      .put('/admin/users/u1/roles', { roles: ['r1', 'r2'] })
      .reply(204);
    nock(BASE)
      .patch('/admin/teams/t1/users', [{ op: 'add', path: '/users', value: { uuid: 'u1' } }])
      .reply(200, { _embedded: { users: [] } });
    nock(BASE)
      .get('/admin/teams/t1/users/u1')
      .reply(200, { _embedded: { user: { uuid: 'u1' } } });
    nock(BASE).delete('/admin/teams/t1/users/u1').reply(204);
    const c = client();
    await c.deleteUser('u1');
    await c.setRoles('u1', ['r1', 'r2']);
    await c.addTeamMember('t1', 'u1');
    await c.removeTeamMember('t1', 'u1');
  });
});

describe('errors', () => {
  it.each([
    [
      'field map',
      { errors: { name: ['has already been taken', 'is too long'] } },
      ['name: has already been taken', 'name: is too long'],
    ],
    ['list', { errors: ['Name must be unique'] }, ['Name must be unique']],
    ['error object', { error: { message: 'Invalid role uuid', reference: 'ref-1' } }, ['Invalid role uuid']],
  ])('a 400 with a %s body carries every message', async (_, body, messages) => {
    nock(BASE).post('/admin/system-accounts').reply(400, body);
    const error = await client()
      .createSystemAccount({ name: 'dup' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).messages).toEqual(messages);
    expect((error as Error).message).toBe(`POST /admin/system-accounts: 400 ${messages.join('; ')}`);
  });

  it.each([
    [
      'problem+json with field errors',
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The request is invalid',
        errors: [
          { detail: 'has already been taken', pointer: '/name' },
          { title: 'x', detail: 'is not an email' },
        ],
      },
      ['The request is invalid', '/name: has already been taken', 'is not an email'],
    ],
    ['problem+json with a title only', { title: 'Conflict', status: 409 }, ['Conflict']],
    [
      'legacy shapes holding objects',
      { errors: { name: [{ message: 'is taken' }, { code: 7 }] } },
      ['name: is taken', 'name: {"code":7}'],
    ],
    ['an errors list of objects', { errors: [{ message: 'Name must be unique' }] }, ['Name must be unique']],
  ])('a 400 in %s is shown by its text, never [object Object]', async (_, body, messages) => {
    nock(BASE)
      .post('/admin/system-accounts')
      .reply(400, body, { 'Content-Type': 'application/problem+json' });
    const error = (await client()
      .createSystemAccount({ name: 'dup' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.messages).toEqual(messages);
    expect(error.message).not.toContain('[object Object]');
  });

  it.each([
    [401, UnauthorizedError, 'GET /admin/users/u1: 401 Unauthorized'],
    [403, ForbiddenError, 'GET /admin/users/u1: 403 Forbidden'],
    [404, NotFoundError, 'GET /admin/users/u1: 404 Not Found'],
    [410, GoneError, 'GET /admin/users/u1: 410 Gone'],
    [409, ValidationError, 'GET /admin/users/u1: 409 request refused'],
  ])('%i becomes a typed error', async (status, type, message) => {
    nock(BASE).get('/admin/users/u1').reply(status);
    const error = await client()
      .getUser('u1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toBe(message);
  });

  it('a 403 on a write explains read-only tokens', async () => {
    nock(BASE)
      .delete('/admin/users/u1')
      .reply(403, { error: { message: 'read only token' } });
    const error = (await client()
      .deleteUser('u1')
      .catch((e: unknown) => e)) as ForbiddenError;
    expect(error.message).toBe('DELETE /admin/users/u1: 403 Forbidden: read only token');
    expect(error.hint).toContain('Read only token (developer)');
  });

  it("a 500 names PactFlow's reference and is not retried", async () => {
    nock(BASE)
      .get('/admin/roles')
      .reply(500, { error: { message: 'boom', reference: 'abc123' } });
    const error = (await client()
      .listRoles()
      .catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe('GET /admin/roles: 500 server error: boom (PactFlow reference abc123)');
  });

  it('a body that is not PactFlow-shaped is refused, not guessed at', async () => {
    nock(BASE).get('/admin/roles').reply(200, { roles: 'nope' });
    await expect(client().listRoles()).rejects.toThrow(
      'GET /admin/roles: unexpected response: _embedded is not an object',
    );
  });

  it('never puts the token in an error message, even when the server echoes it', async () => {
    nock(BASE)
      .get('/user')
      .reply(401, { errors: [`token ${TOKEN} is not valid`] });
    nock(BASE)
      .get('/admin/users/u1')
      .reply(500, { error: { message: `Bearer ${TOKEN}` } });
    const c = client();
    for (const call of [() => c.currentUser(), () => c.getUser('u1')]) {
      const error = (await call().catch((e: unknown) => e)) as Error;
      expect(error.message).toContain('[REDACTED]');
      expect(`${error.message} ${(error as UnauthorizedError).hint} ${error.stack}`).not.toContain(TOKEN);
    }
  });
});

describe('retries', () => {
  it('retries a GET on 503 with exponential backoff and jitter', async () => {
    nock(BASE)
      .get('/admin/roles')
      .times(2)
      .reply(503, { errors: ['busy'] });
    nock(BASE)
      .get('/admin/roles')
      .reply(200, { _embedded: { roles: [] } });
    const sleeps: number[] = [];
    await client({ sleeps }).listRoles();
    expect(sleeps).toEqual([375, 750]); // 500·2⁰ and 500·2¹, each × (0.5 + 0.5/2)
  });

  it('honours Retry-After in seconds on 429', async () => {
    nock(BASE).get('/admin/roles').reply(429, '', { 'Retry-After': '7' });
    nock(BASE)
      .get('/admin/roles')
      .reply(200, { _embedded: { roles: [] } });
    const sleeps: number[] = [];
    await client({ sleeps }).listRoles();
    expect(sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP-date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('garbage', now)).toBeUndefined();
  });

  it('retries PUT and DELETE on network errors and 502/504', async () => {
    nock(BASE).put('/admin/users/u1').replyWithError(reset);
    nock(BASE).put('/admin/users/u1').reply(200, { uuid: 'u1', active: true });
    nock(BASE).delete('/admin/users/u1').reply(502);
    nock(BASE).delete('/admin/users/u1').reply(504);
    nock(BASE).delete('/admin/users/u1').reply(204);
    const sleeps: number[] = [];
    const c = client({ sleeps });
    await c.updateUser({ uuid: 'u1', name: 'x', active: true });
    await c.deleteUser('u1');
    expect(sleeps).toHaveLength(3);
  });

  it('gives up after 5 attempts', async () => {
    nock(BASE).get('/admin/roles').times(5).reply(503);
    const sleeps: number[] = [];
    await expect(client({ sleeps }).listRoles()).rejects.toBeInstanceOf(ServerError);
    expect(sleeps).toHaveLength(4);
  });

  it('gives up when the next wait would pass the 60 s budget', async () => {
    nock(BASE).get('/admin/roles').reply(429, '', { 'Retry-After': '30' });
    nock(BASE).get('/admin/roles').reply(429, '', { 'Retry-After': '31' });
    let clock = 0;
    const sleeps: number[] = [];
    const c = new PactflowClient({
      baseUrl: BASE,
      token: TOKEN,
      retry: {
        now: () => clock,
        random: () => 0.5,
        sleep: async (ms) => void (sleeps.push(ms), (clock += ms)),
      },
    });
    await expect(c.listRoles()).rejects.toThrow('429 Too Many Requests');
    expect(sleeps).toEqual([30_000]);
  });

  it('does not retry a POST on 503: re-reads by name and stops when the account exists', async () => {
    nock(BASE).post('/admin/system-accounts').reply(503);
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '1', q: 'ci-new', page: '1', size: '100' })
      .reply(200, { users: [user({ uuid: 'created-1', name: 'ci-new' })], page: page(1, 100, 1) });
    expect(await client().createSystemAccount({ name: 'ci-new' })).toEqual({ uuid: 'created-1' });
  });

  it('re-sends a POST only after the read shows it did not take effect', async () => {
    nock(BASE).post('/admin/system-accounts').replyWithError(reset);
    nock(BASE)
      .get('/admin/users')
      .query(true)
      .reply(200, { users: [], page: page(1, 100, 0) });
    nock(BASE)
      .post('/admin/system-accounts')
      .reply(201, '', { Location: `${BASE}/admin/system-accounts/created-2` });
    expect(await client().createSystemAccount({ name: 'ci-new' })).toEqual({ uuid: 'created-2' });
  });

  it('after a team addition of unknown outcome, asks whether the account is a member before re-sending', async () => {
    nock(BASE).patch('/admin/teams/t1/users').reply(504);
    nock(BASE).get('/admin/teams/t1/users/u1').reply(404, { title: 'Not Found' });
    nock(BASE).patch('/admin/teams/t1/users').reply(503);
    nock(BASE)
      .get('/admin/teams/t1/users/u1')
      .twice()
      .reply(200, { _embedded: { user: { uuid: 'u1' } } });
    const sleeps: number[] = [];
    await client({ sleeps }).addTeamMember('t1', 'u1');
    // Re-sent once, after the read said it had not joined, with the first back-off between; the
    // second send's outcome was unknown too, and the read found it had joined.
    expect(sleeps).toEqual([375]);
  });

  it('a POST of unknown outcome gets the same attempts and back-off as any request, a read before each re-send', async () => {
    const notThere = () =>
      nock(BASE)
        .get('/admin/users')
        .query({ userType: '1', q: 'ci-new', page: '1', size: '100' })
        .reply(200, { users: [], page: page(1, 100, 0) });
    for (let i = 0; i < 4; i++) {
      nock(BASE).post('/admin/system-accounts').reply(503);
      notThere();
    }
    nock(BASE)
      .post('/admin/system-accounts')
      .reply(201, '', { Location: `${BASE}/admin/system-accounts/c5` });
    const sleeps: number[] = [];
    expect(await client({ sleeps }).createSystemAccount({ name: 'ci-new' })).toEqual({ uuid: 'c5' });
    expect(sleeps).toEqual([375, 750, 1500, 3000]);
  });

  it('a PATCH of unknown outcome gives up after 5 sends, each after a read that shows it did not take effect', async () => {
    for (let i = 0; i < 5; i++) {
      nock(BASE).patch('/admin/teams/t1/users').reply(503);
      nock(BASE).get('/admin/teams/t1/users/u1').reply(404, {});
    }
    const sleeps: number[] = [];
    await expect(client({ sleeps }).addTeamMember('t1', 'u1')).rejects.toBeInstanceOf(ServerError);
    expect(sleeps).toHaveLength(4);
  });

  it('retries a POST refused with 429, which the server did not act on', async () => {
    nock(BASE).post('/admin/system-accounts').reply(429, '', { 'Retry-After': '1' });
    nock(BASE)
      .post('/admin/system-accounts')
      .reply(201, '', { Location: `${BASE}/admin/system-accounts/c3` });
    expect(await client().createSystemAccount({ name: 'ci-new' })).toEqual({ uuid: 'c3' });
  });

  it('reports a network failure clearly after the retries; a request never answered times out', async () => {
    nock(BASE).get('/user').times(4).replyWithError(reset);
    nock(BASE).get('/user').reply(noAnswer);
    const sleeps: number[] = [];
    const error = (await client({ sleeps, timeoutMs: 50 })
      .currentUser()
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('GET /user: network error (ETIMEDOUT)');
    expect(sleeps).toHaveLength(4);
  });
});

describe('pagination', () => {
  const users = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => user({ uuid: `s${from + i}`, name: `ci-${from + i}` }));
  it('reads a list again once when its pages disagree with totalElements', async () => {
    firstPage(true).reply(200, { users: users(2), page: page(1, 100, 3) });
    // The second read, the recount once the disabled list is in, and (the enabled list having
    // been read again, perhaps after the disabled one) the disabled list and the recount again.
    firstPage(true, 3).reply(200, { users: users(3), page: page(1, 100, 3) });
    disabledNone(2);
    expect(await client().listSystemAccounts()).toHaveLength(3);
  });

  it('an account enabled between the two list reads, so in neither, is caught by the recount', async () => {
    // Enabled list first: s1 is still disabled. Then the disabled list: s1 was enabled meanwhile.
    firstPage(true).reply(200, { users: users(1), page: page(1, 100, 1) });
    disabledNone();
    // The recount of the enabled list shows one more; both lists are read again.
    firstPage(true, 3).reply(200, { users: users(2), page: page(1, 100, 2) });
    disabledNone();
    expect((await client().listSystemAccounts()).map((u) => u.uuid)).toEqual(['s0', 's1']);
  });

  it('lists whose enabled count keeps changing are refused after the second read, clearly', async () => {
    let enabled = 1;
    firstPage(true, 4).reply(200, () => {
      const n = enabled++;
      return { users: users(n), page: page(1, 100, n) };
    });
    disabledNone(2);
    const error = await client()
      .listSystemAccounts()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteListError);
    expect((error as IncompleteListError).message).toBe(
      'GET /admin/users: the enabled system accounts went from 3 to 4 while the lists were read, twice in a row; nothing was planned from a partial list',
    );
    expect((error as IncompleteListError).hint).toContain('changed while it was read');
  });

  it('refuses a list that disagrees with totalElements twice: never a partial list', async () => {
    firstPage(true, 2).reply(200, { users: users(2), page: page(1, 100, 3) });
    disabledNone();
    // The recount, if the disabled list is in before the enabled list is refused.
    firstPage(true)
      .optionally()
      .reply(200, { users: users(2), page: page(1, 100, 3) });
    const error = await client()
      .listSystemAccounts()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteListError);
    expect((error as Error).message).toBe(
      'GET /admin/users: PactFlow stated 3 users but its pages held 2, twice in a row; nothing was planned from a partial list',
    );
  });

  it('pages that state different totals are read again', async () => {
    nock(BASE)
      .get('/admin/teams')
      .query({ page: '1', size: '100' })
      .reply(200, { teams: [{ uuid: 't1', name: 'A' }], page: { ...page(1, 1, 2), size: 1 } });
    nock(BASE)
      .get('/admin/teams')
      .query({ page: '2', size: '100' })
      .reply(200, { teams: [{ uuid: 't2', name: 'B' }], page: { ...page(2, 1, 3), size: 1 } });
    nock(BASE)
      .get('/admin/teams')
      .query({ page: '1', size: '100' })
      .reply(200, { teams: [{ uuid: 't1', name: 'A' }], page: page(1, 100, 1) });
    expect((await client().listTeams()).map((t) => t.uuid)).toEqual(['t1']);
  });

  it("follows the server's page count when it caps the page size at 25", async () => {
    const all = Array.from({ length: 60 }, (_, i) =>
      user({ uuid: `s${i}`, name: `ci-${String(i).padStart(2, '0')}` }),
    );
    listPages(true, all, 25);
    listPages(false, [], 25);
    expect((await client().listSystemAccounts()).map((u) => u.uuid)).toEqual(all.map((u) => u.uuid));
  });

  it('reports accounts read so far over both lists, against their sum once both have stated it', async () => {
    const all = Array.from({ length: 50 }, (_, i) => user({ uuid: `s${i}`, name: `ci-${i}` }));
    listPages(true, all.slice(0, 40), 20);
    listPages(false, all.slice(40), 20);
    const reports: [number, number | undefined][] = [];
    expect(await client().listSystemAccounts((read, total) => reports.push([read, total]))).toHaveLength(50);
    // One report a page: 20 or 10 more each time, never more than the total once there is one.
    expect(reports).toHaveLength(3);
    expect(reports.map(([read]) => read)).toEqual([...reports.map(([read]) => read)].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([50, 50]);
    // The first page to arrive cannot know the other list's total yet.
    expect(reports[0]![1]).toBeUndefined();
    for (const [read, total] of reports.slice(1)) expect(total === undefined || read <= total).toBe(true);
  });

  it('reads two lists of many pages at once without a listener-leak warning', async () => {
    // Every read in flight listens on the run's abort signal; a dozen at once is not a leak.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      for (const active of [true, false]) {
        nock(BASE)
          .get('/admin/users')
          .query((q) => q.active === String(active))
          .times(active ? 21 : 20) // the enabled list's page 1 again: the recount
          .reply(200, (uri) => {
            const n = Number(new URL(uri, BASE).searchParams.get('page'));
            const from = (active ? 0 : 2000) + (n - 1) * 100;
            return { users: users(100, from), page: page(n, 100, 2000) };
          });
      }
      const signal = new AbortController().signal;
      const reader = new PactflowClient({ baseUrl: BASE, token: TOKEN, signal });
      expect(await reader.listSystemAccounts()).toHaveLength(4000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('asks for the disabled list only once the first enabled count is in', async () => {
    // Otherwise an account disabled between a disabled-list read and the first enabled page
    // would be in neither list, with an enabled count that the recount finds unchanged.
    const server = new HeldServer();
    const reading = new PactflowClient(server).listSystemAccounts();
    await settle();
    expect(server.labels()).toEqual(['E1']);
    server.waiting('E1').answer({ users: users(1), page: page(1, 100, 1) });
    await settle();
    expect(server.labels()).toEqual(['E1', 'D1']);
    server.waiting('D1').answer({ users: [], page: page(1, 100, 0) });
    await settle();
    expect(server.labels()).toEqual(['E1', 'D1', 'E1']);
    server.waiting('E1').answer({ users: users(1), page: page(1, 100, 1) });
    expect(await reading).toHaveLength(1);
  });

  it('recounts once the disabled list is in, beside the enabled pages still on their way', async () => {
    const server = new HeldServer();
    const reading = new PactflowClient(server).listSystemAccounts();
    await settle();
    server.waiting('E1').answer({ users: users(100), page: page(1, 100, 150) });
    await settle();
    expect(server.labels().sort()).toEqual(['D1', 'E1', 'E2']);
    server.waiting('D1').answer({ users: [], page: page(1, 100, 0) });
    await settle();
    // Page 2 of the enabled list is still unanswered: the recount does not wait for it.
    expect(server.labels().sort()).toEqual(['D1', 'E1', 'E1', 'E2']);
    expect(server.waiting('E2').answered).toBe(false);
    server.waiting('E1').answer({ users: users(100), page: page(1, 100, 150) });
    server.waiting('E2').answer({ users: users(50, 100), page: page(2, 100, 150) });
    expect(await reading).toHaveLength(150);
  });

  it('stops reading the other list when one list fails', async () => {
    // The enabled list states 3 pages, of which page 2 is refused; the disabled list states 40.
    const server = new HeldServer();
    const reading = new PactflowClient(server).listSystemAccounts();
    reading.catch(() => undefined);
    await settle();
    server.waiting('E1').answer({ users: users(100), page: page(1, 100, 300) });
    await settle();
    server.waiting('D1').answer({ users: users(100, 1000), page: page(1, 100, 4000) });
    await settle();
    const disabledPagesAsked = () => server.labels().filter((l) => l.startsWith('D') && l !== 'D1').length;
    // Both lists share the bound on pages in flight: enabled pages 2 and 3 hold two places.
    expect(disabledPagesAsked()).toBe(PAGE_CONCURRENCY - 2);
    server.waiting('E2').fail(new NotFoundError('GET', '/admin/users', ': gone'));
    await expect(reading).rejects.toBeInstanceOf(NotFoundError);
    const askedAtFailure = disabledPagesAsked();
    // Now answer every page asked for, and any asked for after that, until none is waiting: had
    // the disabled list gone on, it would read all 40 pages.
    for (let open = server.sent.filter((r) => !r.answered); open.length > 0;) {
      for (const held of open) {
        const n = Number(held.query.page);
        const from = held.query.active === false ? 1000 + (n - 1) * 100 : (n - 1) * 100;
        held.answer({
          users: users(100, from),
          page: page(n, 100, held.query.active === false ? 4000 : 300),
        });
      }
      await settle();
      open = server.sent.filter((r) => !r.answered);
    }
    expect(disabledPagesAsked()).toBe(askedAtFailure);
    expect(askedAtFailure).toBeLessThan(PAGE_CONCURRENCY);
  });

  it('follows _links.next when the server sends no page object', async () => {
    nock(BASE)
      .get('/admin/teams')
      .query({ page: '1', size: '100' })
      .reply(200, {
        teams: [{ uuid: 't1', name: 'A' }],
        _links: { next: { href: 'x', title: 'Next page' } },
      });
    nock(BASE)
      .get('/admin/teams')
      .query({ page: '2', size: '100' })
      .reply(200, { teams: [{ uuid: 't2', name: 'B' }], _links: {} });
    expect((await client().listTeams()).map((t) => t.name)).toEqual(['A', 'B']);
  });

  it('plans 1,000 accounts in at most 3 + the pages of the two account lists + the team pages', async () => {
    const requests: string[] = [];
    const count = (path: string) => () => (requests.push(path), true);
    nock(BASE)
      .get('/user')
      .reply(
        200,
        user({
          uuid: 'me',
          name: 'alice',
          type: 0,
          typeDescription: 'User',
          _embedded: { roles: [{ uuid: 'r-admin', name: 'Administrator' }], teams: [] },
        }),
      );
    nock(BASE)
      .get('/admin/roles')
      .reply(200, {
        _embedded: {
          roles: [
            {
              uuid: 'r-admin',
              name: 'Administrator',
              systemDefined: true,
              permissions: [{ scope: 'system_account:manage:*' }],
            },
          ],
        },
      });
    nock(BASE)
      .get('/admin/teams')
      .query(count('teams'))
      .reply(200, {
        teams: Array.from({ length: 30 }, (_, i) => ({ uuid: `t${i}`, name: `team-${i}` })),
        page: page(1, 100, 30),
      });
    // 900 enabled and 100 disabled accounts: 9 + 1 pages of 100.
    const accounts = Array.from({ length: 1000 }, (_, i) =>
      user({ uuid: `s${i}`, name: `ci-${i}`, active: i < 900 }),
    );
    nock(BASE)
      .get('/admin/users')
      .query(count('users'))
      .times(11)
      .reply(200, (uri) => {
        const q = new URL(uri, BASE).searchParams;
        const n = Number(q.get('page'));
        const half = accounts.filter((a) => String(a.active) === q.get('active'));
        return { users: half.slice((n - 1) * 100, n * 100), page: page(n, 100, half.length) };
      });
    const live = await fetchLiveState(client());
    expect(live.accounts).toHaveLength(1000);
    expect(live.accounts.filter((a) => !a.active)).toHaveLength(100);
    expect(live.teams).toHaveLength(30);
    expect(live.caller).toMatchObject({
      name: 'alice',
      systemAccount: false,
      permissions: ['system_account:manage:*'],
    });
    const accountPages = 9 + 1;
    const teamPages = 1;
    // The pages of both lists, and page 1 of the enabled list again to recount its total.
    expect(requests.filter((r) => r === 'users')).toHaveLength(accountPages + 1);
    expect(requests.filter((r) => r === 'teams')).toHaveLength(teamPages);
    // /user and /admin/roles are single mocks (one request each); nock fails the test on any other.
    expect(2 + requests.length).toBeLessThanOrEqual(3 + accountPages + teamPages);
  });
});
