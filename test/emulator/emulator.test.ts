import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import { readStateFile } from '../../src/emulator/state-file.js';
import type { SeedFile } from '../../src/emulator/seed.js';
import { ADMINISTRATOR_ROLE_UUID, TEAM_ADMINISTRATOR_ROLE_UUID } from '../../src/pactflow/wire.js';
import { callEmulator } from '../helpers/emulator.js';

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

const call = (
  method: string,
  p: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
) => callEmulator(emulator.url, method, p, { ...options, token: options.token ?? 'alice-rw' });

/** The whole user as a PUT must carry it (a full replace), with `change` on top. */
async function fullUser(uuid: string, change: Record<string, unknown> = {}) {
  const { name, email, active, type } = (await call('GET', `/admin/users/${uuid}`)).body;
  return { uuid, name, ...(email === undefined ? {} : { email }), active, type, ...change };
}

const uuidOf = async (name: string) => emulator.snapshot().users.find((u) => u.name === name)!.uuid;
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
    await start({ maxPageSize: 1 });
    const first = await call('GET', '/admin/users?userType=1&active=true&page=1&size=50');
    expect(first.body.users.map((u: { name: string }) => u.name)).toEqual(['ci-a']);
    expect(first.body.page).toEqual({ number: 1, size: 1, totalElements: 2, totalPages: 2 });
    expect(first.body._links.next).toEqual({
      href: `${emulator.url}/admin/users?userType=1&active=true&page=2&size=1`,
      title: 'Next page',
    });
    expect(first.body._links.previous).toBeUndefined();
    const second = await call('GET', '/admin/users?userType=1&active=true&pageNumber=2&pageSize=1');
    expect(second.body.users.map((u: { name: string }) => u.name)).toEqual(['ci-c']);
    expect(second.body._links.previous.title).toBe('Previous page');
    emulator.setFaults({ maxPageSize: 100 });
    expect(
      (await call('GET', '/admin/users?userType=0')).body.users.map((u: { name: string }) => u.name),
    ).toEqual(['alice', 'bob']);
    expect(
      (await call('GET', '/admin/users?userType=1&active=false')).body.users.map(
        (u: { name: string }) => u.name,
      ),
    ).toEqual(['ci-b']);
    expect(
      (await call('GET', '/admin/users?q=CI-C')).body.users.map((u: { name: string }) => u.name),
    ).toEqual(['ci-c']);
  });

  it.each([
    ['page=0', '/page'],
    ['size=-1', '/size'],
    ['page=x', '/page'],
    ['pageNumber=0', '/page'],
  ])('400 for %s, pointing at the parameter', async (query, pointer) => {
    await start();
    const { status, body, headers } = await call('GET', `/admin/users?${query}`);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toBe('application/problem+json;charset=utf-8');
    expect(body.errors).toEqual([{ detail: 'must be a whole number greater than 0', pointer }]);
  });

  it('roles in _embedded.roles, permissions, teams, team users, tokens', async () => {
    await start();
    const roles = (await call('GET', '/admin/roles')).body._embedded.roles;
    expect(roles.map((r: { name: string }) => r.name)).toEqual([
      'Administrator',
      'CI/CD',
      'Guest',
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

  it('404 for unknown ids and routes, whatever the method; 400 for malformed uuids', async () => {
    await start();
    expect((await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('GET', '/admin/users/not-a-uuid')).body).toMatchObject({
      status: 400,
      detail: 'Invalid uuid: not-a-uuid',
      instance: '/admin/users/not-a-uuid',
    });
    expect((await call('GET', '/nowhere')).status).toBe(404);
    const wrongMethod = await call('POST', '/admin/permissions', { body: {} });
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.body.detail).toBe('No route for POST /admin/permissions');
  });
});

describe('auth', () => {
  it('401 without a token or with an unknown one', async () => {
    await start();
    for (const token of ['', 'nope']) {
      const { status, body } = await call('GET', '/admin/users', { token });
      expect(status).toBe(401);
      expect(body).toMatchObject({ title: 'Unauthorized', status: 401 });
      expect(body.detail).toContain('missing or invalid bearer token');
    }
  });

  it('a read-only token cannot write, and nothing changes', async () => {
    await start();
    const before = emulator.snapshot();
    const uuid = await uuidOf('ci-a');
    for (const [method, p, body] of [
      ['POST', '/admin/system-accounts', { name: 'ci-new' }],
      ['PUT', `/admin/users/${uuid}`, { name: 'ci-a', active: false, type: 1 }],
      ['DELETE', `/admin/users/${uuid}`, undefined],
      ['PUT', `/admin/users/${uuid}/roles`, { roles: [] }],
    ] as const) {
      const response = await call(method, p, { token: 'alice-ro', body });
      expect(response.status, `${method} ${p}`).toBe(403);
      expect(response.body.detail).toBe('Forbidden: a read only token cannot make changes');
    }
    expect(emulator.snapshot()).toEqual(before);
  });

  it("system_account:manage:team (the User role's) reaches accounts of the caller's teams only", async () => {
    await start();
    const shared = await call('PUT', `/admin/users/${await uuidOf('ci-a')}`, {
      token: 'bob-rw',
      body: await fullUser(await uuidOf('ci-a'), { email: 'a@example.com' }),
    });
    expect(shared.status).toBe(200);
    const other = await call('PUT', `/admin/users/${await uuidOf('ci-c')}`, {
      token: 'bob-rw',
      body: await fullUser(await uuidOf('ci-c'), { email: 'c@example.com' }),
    });
    expect(other.status).toBe(403);
    expect(other.body.detail).toContain('system_account:manage:*');
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
  ])('refuses a bad create body %j with 400 (legacy shapes)', async (body, error) => {
    await start({ errorFormat: 'legacy' });
    const response = await call('POST', '/admin/system-accounts', { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(error);
  });

  it('renames, disables, re-enables; a deleted account is 410 and its tokens die', async () => {
    await start();
    const uuid = await uuidOf('ci-a');
    expect(
      (
        await call('PUT', `/admin/users/${uuid}`, {
          body: await fullUser(uuid, { name: 'ci-renamed', active: false }),
        })
      ).body,
    ).toMatchObject({ name: 'ci-renamed', active: false });
    expect(
      (await call('PUT', `/admin/users/${uuid}`, { body: await fullUser(uuid, { active: true }) })).body
        .active,
    ).toBe(true);
    expect((await call('DELETE', `/admin/users/${uuid}`)).status).toBe(204);
    expect((await call('GET', `/admin/users/${uuid}`)).status).toBe(410);
    expect(emulator.snapshot().tokens.some((t) => t.userUuid === uuid)).toBe(false);
    expect(
      (await call('GET', `/admin/teams/${await teamUuid('Payments')}/users`)).body._embedded.users.map(
        (u: { name: string }) => u.name,
      ),
    ).toEqual(['bob']);
  });

  it("sets roles; refuses unknown roles and changing one's own; Team Administrator has no effect", async () => {
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
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Validation failed',
      instance: `/admin/users/${uuid}/roles`,
      errors: [
        { detail: 'Role with uuid 00000000-0000-4000-8000-000000000000 not found', pointer: '/roles' },
      ],
    });
    expect(
      (
        await call('PUT', `/admin/users/${uuid}/roles`, {
          body: { roles: [TEAM_ADMINISTRATOR_ROLE_UUID, ADMINISTRATOR_ROLE_UUID] },
        })
      ).status,
    ).toBe(204);
    expect(emulator.snapshot().users.find((u) => u.uuid === uuid)!.roles).toEqual([ADMINISTRATOR_ROLE_UUID]);
    expect(
      (await call('PUT', `/admin/users/${uuid}/roles/${TEAM_ADMINISTRATOR_ROLE_UUID}`, { body: {} })).status,
    ).toBe(204);
    expect(emulator.snapshot().users.find((u) => u.uuid === uuid)!.roles).toEqual([ADMINISTRATOR_ROLE_UUID]);
    expect((await call('PUT', `/admin/users/${uuid}/roles`, { body: { roles: ['nope'] } })).status).toBe(400);
    const self = await call('PUT', `/admin/users/${await uuidOf('alice')}/roles`, { body: { roles: [] } });
    expect(self.status).toBe(403);
    expect(self.body.detail).toContain('your own roles');
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

  it('team members: PATCH adds (JSON Patch only), DELETE removes one (404 if not a member), PUT replaces all', async () => {
    await start();
    const orders = await teamUuid('Orders');
    const [a, c, bob] = [await uuidOf('ci-a'), await uuidOf('ci-c'), await uuidOf('bob')];
    const names = async () =>
      (await call('GET', `/admin/teams/${orders}/users`)).body._embedded.users
        .map((u: { name: string }) => u.name)
        .sort();
    const add = (...uuids: string[]) => uuids.map((uuid) => ({ op: 'add', path: '/users', value: { uuid } }));
    const patch = (body: unknown, contentType = 'application/json-patch+json') =>
      call('PATCH', `/admin/teams/${orders}/users`, { body, contentType });
    const added = await patch(add(a, bob));
    expect(added.status).toBe(200);
    expect(added.body._embedded.users.map((u: { name: string }) => u.name).sort()).toEqual(['bob', 'ci-a']);
    expect(await names()).toEqual(['bob', 'ci-a']);
    expect((await call('DELETE', `/admin/teams/${orders}/users/${a}`)).status).toBe(204);
    expect((await call('DELETE', `/admin/teams/${orders}/users/${a}`)).status).toBe(404);
    expect(await names()).toEqual(['bob']);
    expect((await call('PUT', `/admin/teams/${orders}/users`, { body: { users: [c] } })).status).toBe(200);
    expect(await names()).toEqual(['ci-c']);
  });

  it('PATCH of team members: 415 without the JSON Patch media type, 400 for a bad operation or uuid', async () => {
    await start();
    const orders = await teamUuid('Orders');
    const a = await uuidOf('ci-a');
    const before = emulator.snapshot();
    const body = [{ op: 'add', path: '/users', value: { uuid: a } }];
    const plain = await call('PATCH', `/admin/teams/${orders}/users`, { body });
    expect(plain.status).toBe(415);
    expect(plain.body.detail).toBe(
      'PATCH needs Content-Type: application/json-patch+json (got application/json)',
    );
    const patch = (b: unknown) =>
      call('PATCH', `/admin/teams/${orders}/users`, { body: b, contentType: 'application/json-patch+json' });
    const badUuid = await patch([{ op: 'add', path: '/users', value: { uuid: 'not-a-uuid' } }]);
    expect(badUuid.status).toBe(400);
    expect(badUuid.body.errors).toEqual([
      { detail: 'Invalid user uuid: not-a-uuid', pointer: '/0/value/uuid' },
    ]);
    for (const bad of [
      [{ op: 'remove', path: '/users', value: { uuid: a } }],
      [{ op: 'add', path: '/teams' }],
      [],
      {},
    ])
      expect((await patch(bad)).status, JSON.stringify(bad)).toBe(400);
    expect(emulator.snapshot()).toEqual(before);
  });

  it('POST to a team route is not served: it answers as an unknown route', async () => {
    await start();
    const orders = await teamUuid('Orders');
    const response = await call('POST', `/admin/teams/${orders}/users`, {
      body: { users: [await uuidOf('ci-a')] },
    });
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe(`No route for POST /admin/teams/${orders}/users`);
    expect(emulator.counters()['POST (unknown)']).toBe(1);
    expect(emulator.snapshot().teams.find((t) => t.name === 'Orders')!.members).toEqual([]);
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

describe('lists after writes', () => {
  // The emulator keeps each list between writes; every kind of write must show in the next read.
  const names = async (active: boolean) =>
    (await call('GET', `/admin/users?userType=1&active=${active}`)).body.users.map(
      (u: { name: string }) => u.name,
    );

  it('a create, a disable, a rename and a delete each show in the next list read', async () => {
    await start();
    expect(await names(true)).toEqual(['ci-a', 'ci-c']);
    expect(await names(false)).toEqual(['ci-b']);
    expect((await call('POST', '/admin/system-accounts', { body: { name: 'ci-new' } })).status).toBe(201);
    expect(await names(true)).toEqual(['ci-a', 'ci-c', 'ci-new']);
    const a = await uuidOf('ci-a');
    await call('PUT', `/admin/users/${a}`, { body: await fullUser(a, { active: false }) });
    expect(await names(true)).toEqual(['ci-c', 'ci-new']);
    expect(await names(false)).toEqual(['ci-a', 'ci-b']);
    // Seeded accounts share a creation time, so the name orders them: a rename moves one.
    const c = await uuidOf('ci-c');
    await call('PUT', `/admin/users/${c}`, { body: await fullUser(c, { name: 'ci-0' }) });
    expect(await names(true)).toEqual(['ci-0', 'ci-new']);
    expect((await call('DELETE', `/admin/users/${await uuidOf('ci-new')}`)).status).toBe(204);
    expect(await names(true)).toEqual(['ci-0']);
    emulator.reset();
    expect(await names(true)).toEqual(['ci-a', 'ci-c']);
  });

  it("a role or team change shows in the next list read of the account's roles and teams", async () => {
    await start();
    const listed = async () =>
      (await call('GET', '/admin/users?userType=1&active=true')).body.users.find(
        (u: { name: string }) => u.name === 'ci-c',
      )._embedded;
    const names = (refs: { name: string }[]) => refs.map((r) => r.name).sort();
    expect(names((await listed()).roles)).toEqual(['Read-Only']);
    const uuid = await uuidOf('ci-c');
    const viewer = (await call('GET', '/admin/roles')).body._embedded.roles.find(
      (r: { name: string }) => r.name === 'Viewer',
    ).uuid;
    expect((await call('PUT', `/admin/users/${uuid}/roles/${viewer}`, { body: {} })).status).toBe(204);
    expect(names((await listed()).roles)).toEqual(['Read-Only', 'Viewer']);
    const body = [{ op: 'add', path: '/users', value: { uuid } }];
    const orders = await teamUuid('Orders');
    await call('PATCH', `/admin/teams/${orders}/users`, { body, contentType: 'application/json-patch+json' });
    expect(names((await listed()).teams)).toEqual(['Orders']);
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
    expect((await call('GET', '/user')).body.detail).toContain('injected fault');
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
    expect((await call('GET', '/admin/users?size=100')).body.page).toMatchObject({ size: 1, totalPages: 4 });
  });

  it('logs each request and counts per route', async () => {
    await start();
    await call('GET', '/user');
    const uuid = await uuidOf('ci-a');
    await call('GET', `/admin/users/${uuid}`);
    await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000');
    expect(emulator.requests().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'GET GET /user 200',
      'GET GET /admin/users/{u} 200',
      'GET GET /admin/users/{u} 404',
    ]);
    expect(emulator.counters()).toEqual({ 'GET /user': 1, 'GET /admin/users/{u}': 2 });
  });
});

describe('state file', () => {
  it('persists atomically after every write and loads it back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pfa-emu-'));
    const stateFile = path.join(dir, 'state.json');
    await start({ stateFile });
    const created = await call('POST', '/admin/system-accounts', { body: { name: 'ci-persisted' } });
    expect(created.status).toBe(201);
    const onDisk = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(onDisk.users.some((u: { name: string }) => u.name === 'ci-persisted')).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']); // no temp file left behind
    await emulator.close();
    emulator = await startEmulator({ stateFile });
    expect((await call('GET', `/admin/users/${created.body.uuid}`)).body.name).toBe('ci-persisted');
    expect(emulator.tokens.alice!.readWrite).toBe('alice-rw');
  });

  it("a save that fails while it runs is that request's 500; the emulator goes on", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pfa-emu-'));
    await start({ stateFile: path.join(dir, 'gone', 'state.json') }).then(
      () => expect.unreachable('a state file in a missing folder cannot be saved'),
      (error: Error) => expect(error.message).toMatch(/^cannot save emulator state to .*: ENOENT$/),
    );
    mkdirSync(path.join(dir, 'gone'));
    await start({ stateFile: path.join(dir, 'gone', 'state.json') });
    rmSync(path.join(dir, 'gone'), { recursive: true });
    const created = await call('POST', '/admin/system-accounts', { body: { name: 'ci-unsaved' } });
    expect(created.status).toBe(500);
    expect(JSON.stringify(created.body)).toContain('cannot save emulator state to');
    expect((await call('GET', '/admin/users?userType=1')).status).toBe(200);
  });

  it('through a symbolic link, saves to the file it names and keeps the link', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pfa-emu-'));
    mkdirSync(path.join(dir, 'real'));
    const link = path.join(dir, 'state.json');
    symlinkSync(path.join('real', 'state.json'), link); // to nowhere yet
    await start({ stateFile: link });
    await call('POST', '/admin/system-accounts', { body: { name: 'ci-linked' } });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const saved = JSON.parse(readFileSync(path.join(dir, 'real', 'state.json'), 'utf8'));
    expect(saved.users.some((u: { name: string }) => u.name === 'ci-linked')).toBe(true);
  });

  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'it is not a regular file'],
    ['JSON that is not an object', (file: string) => writeFileSync(file, 'null'), 'not an object'],
    [
      'lists with items the store cannot take',
      (file: string) =>
        writeFileSync(file, JSON.stringify({ users: [{}], deleted: [], teams: [], roles: [], tokens: [] })),
      'users[0].uuid is not a string',
    ],
  ])('refuses %s as its state, at once and in words', async (_, make, problem) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-emu-')), 'state.json');
    make(file);
    await start({ stateFile: file }).then(
      () => expect.unreachable('not a state'),
      (error: Error) => {
        expect(error.name).toBe('UsageError');
        expect(error.message).toContain(problem);
      },
    );
  });
  it('refuses a device as its state', () => {
    expect(() => readStateFile('/dev/null')).toThrow(
      'cannot keep emulator state in /dev/null: it is not a regular file',
    );
  });
});
