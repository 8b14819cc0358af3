import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import type { SeedFile } from '../../src/emulator/seed.js';
import { ADMINISTRATOR_ROLE_UUID, TEAM_ADMINISTRATOR_ROLE_UUID } from '../../src/pactflow/wire.js';

const SEED: SeedFile = {
  teams: [{ name: 'Payments', administrators: ['bob'] }, { name: 'Orders' }],
  users: [
    { name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'alice-rw', readOnly: 'alice-ro' } },
    { name: 'bob', roles: ['User'], tokens: { readWrite: 'bob-rw' } },
  ],
  systemAccounts: [
    { name: 'ci-a', roles: ['CI/CD'], teams: ['Payments'] },
    { name: 'ci-b', state: 'disabled' },
    { name: 'ci-c', roles: ['Read-Only'] },
  ],
};

let emulator: RunningEmulator;
afterEach(async () => emulator?.close());

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ seed: SEED, ...options });
  return emulator;
}

async function call(method: string, p: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${emulator.url}${p}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token ?? 'alice-rw'}`,
      accept: 'application/hal+json, application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as any) : undefined,
  };
}

const uuidOf = async (name: string) =>
  (await call('GET', `/admin/users?q=${name}`)).body.users.find((u: { name: string }) => u.name === name)
    .uuid as string;
const teamUuid = async (name: string) =>
  (await call('GET', '/admin/teams')).body.teams.find((t: { name: string }) => t.name === name)
    .uuid as string;

describe("reads in PactFlow's shapes", () => {
  it('GET /user is the token owner', async () => {
    await start();
    const { status, body, headers } = await call('GET', '/user', { token: 'bob-rw' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/hal+json;charset=utf-8');
    expect(body).toMatchObject({
      name: 'bob',
      type: 0,
      typeDescription: 'User',
      active: true,
      _links: { self: { title: 'User' } },
    });
    // bob administers Payments, so the server grants him Team Administrator.
    expect(body._embedded.roles.map((r: { uuid: string }) => r.uuid)).toContain(TEAM_ADMINISTRATOR_ROLE_UUID);
  });

  it('lists users with filters, a top-level users array, page and links', async () => {
    await start({ maxPageSize: 2 });
    const first = await call('GET', '/admin/users?userType=1&page=1&size=50');
    expect(first.body.users.map((u: { name: string }) => u.name)).toEqual(['ci-a', 'ci-b']);
    expect(first.body.page).toEqual({ number: 1, size: 2, totalElements: 3, totalPages: 2 });
    expect(first.body._links.next).toEqual({
      href: `${emulator.url}/admin/users?userType=1&page=2&size=2`,
      title: 'Next page',
    });
    expect(first.body._links.previous).toBeUndefined();
    const second = await call('GET', '/admin/users?userType=1&pageNumber=2&pageSize=2');
    expect(second.body.users.map((u: { name: string }) => u.name)).toEqual(['ci-c']);
    expect(second.body._links.previous.title).toBe('Previous page');
    expect(
      (await call('GET', '/admin/users?userType=0')).body.users.map((u: { name: string }) => u.name),
    ).toEqual(['alice', 'bob']);
    expect((await call('GET', '/admin/users?userType=1&active=true')).body.page.totalElements).toBe(2);
    expect(
      (await call('GET', '/admin/users?userType=1&active=false')).body.users.map(
        (u: { name: string }) => u.name,
      ),
    ).toEqual(['ci-b']);
    expect(
      (await call('GET', '/admin/users?q=CI-C')).body.users.map((u: { name: string }) => u.name),
    ).toEqual(['ci-c']);
  });

  it.each([['page=0'], ['size=-1'], ['page=x'], ['pageNumber=0']])('400 for %s', async (query) => {
    await start();
    const { status, body } = await call('GET', `/admin/users?${query}`);
    expect(status).toBe(400);
    expect(Object.values(body.errors as Record<string, string[]>)[0]![0]).toContain('greater than 0');
  });

  it('roles in _embedded.roles, permissions, teams, team users, tokens', async () => {
    await start();
    const roles = (await call('GET', '/admin/roles')).body._embedded.roles;
    expect(roles.map((r: { name: string }) => r.name)).toEqual([
      'Administrator',
      'CI/CD',
      'Read-Only',
      'Team Administrator',
      'User',
      'Viewer',
    ]);
    expect(roles.find((r: { name: string }) => r.name === 'Administrator')).toMatchObject({
      uuid: ADMINISTRATOR_ROLE_UUID,
      systemDefined: true,
    });
    expect(
      (await call('GET', '/admin/permissions')).body.permissions.map((p: { scope: string }) => p.scope),
    ).toContain('system_account:manage:*');
    const teams = await call('GET', '/admin/teams');
    expect(
      teams.body.teams.map((t: { name: string; numberOfMembers: number }) => [t.name, t.numberOfMembers]),
    ).toEqual([
      ['Default', 0],
      ['Orders', 0],
      ['Payments', 2],
    ]);
    const members = await call('GET', `/admin/teams/${await teamUuid('Payments')}/users`);
    expect(members.body._embedded.users.map((u: { name: string }) => u.name).sort()).toEqual(['bob', 'ci-a']);
    const tokens = await call('GET', `/admin/system-accounts/${await uuidOf('ci-a')}/tokens`);
    expect(tokens.body._embedded.items.map((t: { description: string }) => t.description).sort()).toEqual([
      'Read only token (developer)',
      'Read/write token (CI)',
    ]);
  });

  it('404 for unknown ids and routes, 400 for malformed uuids, 405 for a wrong method', async () => {
    await start();
    expect((await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('GET', '/admin/users/not-a-uuid')).body).toEqual({
      errors: ['Invalid uuid: not-a-uuid'],
    });
    expect((await call('GET', '/nowhere')).status).toBe(404);
    expect((await call('POST', '/admin/roles', { body: {} })).status).toBe(405);
  });
});

describe('auth', () => {
  it('401 without a token or with an unknown one', async () => {
    await start();
    for (const token of ['', 'nope']) {
      const { status, body } = await call('GET', '/admin/users', { token });
      expect(status).toBe(401);
      expect(body.error.message).toContain('Unauthorized');
    }
  });

  it('a read-only token cannot write, and nothing changes', async () => {
    await start();
    const before = emulator.snapshot();
    const uuid = await uuidOf('ci-a');
    for (const [method, p, body] of [
      ['POST', '/admin/system-accounts', { name: 'ci-new' }],
      ['PUT', `/admin/users/${uuid}`, { active: false }],
      ['DELETE', `/admin/users/${uuid}`, undefined],
      ['PUT', `/admin/users/${uuid}/roles`, { roles: [] }],
    ] as const) {
      const response = await call(method, p, { token: 'alice-ro', body });
      expect(response.status, `${method} ${p}`).toBe(403);
      expect(response.body.error.message).toBe('Forbidden: a read only token cannot make changes');
    }
    expect(emulator.snapshot()).toEqual(before);
  });

  it('403 without the permission: a plain user cannot manage system accounts', async () => {
    await start();
    const { status, body } = await call('PUT', `/admin/users/${await uuidOf('ci-c')}`, {
      token: 'bob-rw',
      body: { active: false },
    });
    expect(status).toBe(403);
    expect(body.error.message).toContain('system_account:manage');
  });

  it('system_account:manage:team lets a team administrator manage accounts of his teams only', async () => {
    await start();
    expect(
      (
        await call('PUT', `/admin/users/${await uuidOf('ci-a')}`, {
          token: 'bob-rw',
          body: { email: 'a@example.com' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('PUT', `/admin/users/${await uuidOf('ci-c')}`, {
          token: 'bob-rw',
          body: { email: 'c@example.com' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('writes behave like PactFlow', () => {
  it('creates a system account with CI/CD, the default team, tokens and a Location header', async () => {
    await start();
    const { status, headers, body } = await call('POST', '/admin/system-accounts', {
      body: { name: 'ci-new', email: 'n@example.com' },
    });
    expect(status).toBe(201);
    expect(headers.get('location')).toBe(`${emulator.url}/admin/system-accounts/${body.uuid}`);
    const created = (await call('GET', `/admin/users/${body.uuid}`)).body;
    expect(created).toMatchObject({
      name: 'ci-new',
      email: 'n@example.com',
      type: 1,
      typeDescription: 'System Account',
      active: true,
    });
    expect(created._embedded.roles.map((r: { name: string }) => r.name)).toEqual(['CI/CD']);
    expect(created._embedded.teams.map((t: { name: string }) => t.name)).toEqual(['Default']);
    expect(
      (await call('GET', `/admin/system-accounts/${body.uuid}/tokens`)).body._embedded.items,
    ).toHaveLength(2);
  });

  it.each([
    [{ email: 'x@example.com' }, { errors: { name: ["can't be blank"] } }],
    [{ name: 'CI-A' }, { errors: { name: ['A user with the name "CI-A" already exists'] } }],
    ['{not json', { errors: ['Request body is not valid JSON'] }],
  ])('refuses a bad create body %j with 400', async (body, error) => {
    await start();
    const response = await call('POST', '/admin/system-accounts', { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(error);
  });

  it('renames, disables, re-enables; a deleted account is 410 and its tokens die', async () => {
    await start();
    const uuid = await uuidOf('ci-a');
    expect(
      (await call('PUT', `/admin/users/${uuid}`, { body: { name: 'ci-renamed', active: false } })).body,
    ).toMatchObject({ name: 'ci-renamed', active: false });
    expect((await call('PUT', `/admin/users/${uuid}`, { body: { active: true } })).body.active).toBe(true);
    expect((await call('DELETE', `/admin/users/${uuid}`)).status).toBe(204);
    expect((await call('GET', `/admin/users/${uuid}`)).status).toBe(410);
    expect(emulator.snapshot().tokens.some((t) => t.userUuid === uuid)).toBe(false);
    expect(
      (await call('GET', `/admin/teams/${await teamUuid('Payments')}/users`)).body._embedded.users.map(
        (u: { name: string }) => u.name,
      ),
    ).toEqual(['bob']);
  });

  it("sets roles; refuses unknown and locked roles, and changing one's own roles", async () => {
    await start();
    const uuid = await uuidOf('ci-c');
    expect(
      (await call('PUT', `/admin/users/${uuid}/roles`, { body: { roles: [ADMINISTRATOR_ROLE_UUID] } }))
        .status,
    ).toBe(204);
    expect(
      (await call('GET', `/admin/users/${uuid}`)).body._embedded.roles.map((r: { name: string }) => r.name),
    ).toEqual(['Administrator']);
    expect(
      (
        await call('PUT', `/admin/users/${uuid}/roles`, {
          body: { roles: ['00000000-0000-4000-8000-000000000000'] },
        })
      ).body,
    ).toEqual({
      errors: { roles: ['Role with uuid 00000000-0000-4000-8000-000000000000 not found'] },
    });
    expect(
      (await call('PUT', `/admin/users/${uuid}/roles`, { body: { roles: [TEAM_ADMINISTRATOR_ROLE_UUID] } }))
        .status,
    ).toBe(400);
    expect((await call('PUT', `/admin/users/${uuid}/roles`, { body: { roles: ['nope'] } })).status).toBe(400);
    const self = await call('PUT', `/admin/users/${await uuidOf('alice')}/roles`, { body: { roles: [] } });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain('your own roles');
  });

  it('adds and removes single roles', async () => {
    await start();
    const uuid = await uuidOf('ci-c');
    const readOnly = (await call('GET', '/admin/roles')).body._embedded.roles.find(
      (r: { name: string }) => r.name === 'Viewer',
    ).uuid;
    expect((await call('PUT', `/admin/users/${uuid}/roles/${readOnly}`, { body: {} })).status).toBe(204);
    expect(
      (await call('GET', `/admin/users/${uuid}`)).body._embedded.roles
        .map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['Read-Only', 'Viewer']);
    expect((await call('DELETE', `/admin/users/${uuid}/roles/${readOnly}`)).status).toBe(204);
    expect(
      (await call('GET', `/admin/users/${uuid}`)).body._embedded.roles.map((r: { name: string }) => r.name),
    ).toEqual(['Read-Only']);
  });

  it('team members: POST adds, DELETE removes one (404 if not a member), PUT replaces all, PATCH edits', async () => {
    await start();
    const orders = await teamUuid('Orders');
    const [a, c, bob] = [await uuidOf('ci-a'), await uuidOf('ci-c'), await uuidOf('bob')];
    const names = async () =>
      (await call('GET', `/admin/teams/${orders}/users`)).body._embedded.users
        .map((u: { name: string }) => u.name)
        .sort();
    expect((await call('POST', `/admin/teams/${orders}/users`, { body: { users: [a, bob] } })).status).toBe(
      200,
    );
    expect(await names()).toEqual(['bob', 'ci-a']);
    expect((await call('DELETE', `/admin/teams/${orders}/users/${a}`)).status).toBe(204);
    expect((await call('DELETE', `/admin/teams/${orders}/users/${a}`)).status).toBe(404);
    expect(await names()).toEqual(['bob']);
    expect((await call('PUT', `/admin/teams/${orders}/users`, { body: { users: [c] } })).status).toBe(200);
    expect(await names()).toEqual(['ci-c']);
    const patch = [
      { op: 'add', path: '/users', value: { uuid: a } },
      { op: 'remove', path: '/users', value: { uuid: c } },
    ];
    expect((await call('PATCH', `/admin/teams/${orders}/users`, { body: patch })).status).toBe(200);
    expect(await names()).toEqual(['ci-a']);
    expect((await call('PATCH', `/admin/teams/${orders}/users`, { body: [{ op: 'move' }] })).status).toBe(
      400,
    );
    expect((await call('POST', `/admin/teams/${orders}/users`, { body: { users: ['x'] } })).status).toBe(400);
  });

  it('50 parallel creates leave consistent state', async () => {
    await start();
    const names = Array.from({ length: 50 }, (_, i) => `ci-par-${i}`);
    const results = await Promise.all(
      [...names, ...names.slice(0, 10)].map((name) =>
        call('POST', '/admin/system-accounts', { body: { name } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(50);
    expect(results.filter((r) => r.status === 400)).toHaveLength(10);
    const state = emulator.snapshot();
    const created = state.users.filter((u) => u.name.startsWith('ci-par-'));
    expect(new Set(created.map((u) => u.name)).size).toBe(50);
    expect(new Set(created.map((u) => u.uuid)).size).toBe(50);
    expect(state.tokens.filter((t) => created.some((u) => u.uuid === t.userUuid))).toHaveLength(100);
    expect(state.teams.find((t) => t.name === 'Default')!.members).toHaveLength(50);
  });
});

describe('faults and observability', () => {
  it('fail-rate answers that fraction with 503 and an error body, repeatably', async () => {
    const statuses = async () => {
      await start({ failRate: 0.3, faultSeed: 7 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await call('GET', '/user')).status);
      await emulator.close();
      return out;
    };
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(4);
    expect(failures).toBeLessThan(24);
    await start({ failRate: 1 });
    expect((await call('GET', '/user')).body.error.message).toContain('injected fault');
  });

  it('rate-limit answers 429 with Retry-After beyond N requests per second', async () => {
    await start({ rateLimit: 5 });
    const responses = await Promise.all(Array.from({ length: 8 }, () => call('GET', '/user')));
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('latency delays every request', async () => {
    await start({ latencyMs: 60 });
    const t0 = performance.now();
    await call('GET', '/user');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
  });

  it('max-page-size caps what a client asks for', async () => {
    await start({ maxPageSize: 1 });
    expect((await call('GET', '/admin/users?size=100')).body.page).toMatchObject({ size: 1, totalPages: 5 });
  });

  it('logs each request and counts per route', async () => {
    await start();
    await call('GET', '/user');
    const uuid = await uuidOf('ci-a');
    await call('GET', `/admin/users/${uuid}`);
    await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000');
    expect(emulator.requests().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'GET GET /user 200',
      'GET GET /admin/users 200',
      'GET GET /admin/users/{u} 200',
      'GET GET /admin/users/{u} 404',
    ]);
    expect(emulator.counters()).toEqual({ 'GET /user': 1, 'GET /admin/users': 1, 'GET /admin/users/{u}': 2 });
  });
});

describe('state file', () => {
  it('persists atomically after every write and loads it back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pfa-emu-'));
    const stateFile = path.join(dir, 'state.json');
    await start({ stateFile });
    const created = await call('POST', '/admin/system-accounts', { body: { name: 'ci-persisted' } });
    const onDisk = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(onDisk.users.some((u: { name: string }) => u.name === 'ci-persisted')).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']); // no temp file left behind
    await emulator.close();
    emulator = await startEmulator({ stateFile });
    expect((await call('GET', `/admin/users/${created.body.uuid}`)).body.name).toBe('ci-persisted');
    expect(emulator.tokens.alice!.readWrite).toBe('alice-rw');
  });
});
