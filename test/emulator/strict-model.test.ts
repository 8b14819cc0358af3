import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import type { SeedFile } from '../../src/emulator/seed.js';
import { ADMINISTRATOR_ROLE_UUID, TEAM_ADMINISTRATOR_ROLE_UUID } from '../../src/pactflow/wire.js';
import { callEmulator } from '../helpers/emulator.js';

/** The emulator keeps PactFlow's provider-verified model: these are the rules a lenient stand-in would miss. */

const SEED: SeedFile = {
  teams: [{ name: 'Payments', administrators: ['bob'] }, { name: 'Orders' }],
  users: [
    { name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'alice-rw', readOnly: 'alice-ro' } },
    { name: 'bob', roles: ['User'], tokens: { readWrite: 'bob-rw', readOnly: 'bob-ro' } },
  ],
  systemAccounts: [
    { name: 'ci-a', email: 'a@example.com', teams: ['Payments'], tokens: { readWrite: 'ci-a-rw' } },
    { name: 'ci-b', email: 'b@example.com', state: 'disabled' },
  ],
};

let emulator: RunningEmulator;
afterEach(async () => emulator?.close());
const start = async (options: Parameters<typeof startEmulator>[0] = {}) =>
  (emulator = await startEmulator({ seed: SEED, ...options }));
const call = (
  method: string,
  p: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
) => callEmulator(emulator.url, method, p, { ...options, token: options.token ?? 'alice-rw' });
const stored = (name: string) => emulator.snapshot().users.find((u) => u.name === name);
const teamUuid = (name: string) => emulator.snapshot().teams.find((t) => t.name === name)!.uuid;
const names = (body: { users: { name: string }[] }) => body.users.map((u) => u.name);

describe('PUT /admin/users/{u} is a full replace', () => {
  it('a body without email drops it; without active, the account comes back enabled', async () => {
    await start();
    const b = stored('ci-b')!;
    const response = await call('PUT', `/admin/users/${b.uuid}`, { body: { name: 'ci-b2', type: 1 } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'ci-b2', active: true, type: 1 });
    expect(response.body.email).toBeUndefined();
    expect(stored('ci-b2')).toMatchObject({ uuid: b.uuid, active: true });
    expect(stored('ci-b2')!.email).toBeUndefined();
  });

  it('the whole user, sent back with one change, keeps everything else', async () => {
    await start();
    const b = stored('ci-b')!;
    const body = { uuid: b.uuid, name: 'ci-b2', active: false, type: 1, email: 'b@example.com' };
    expect((await call('PUT', `/admin/users/${b.uuid}`, { body })).status).toBe(200);
    expect(stored('ci-b2')).toMatchObject({ active: false, email: 'b@example.com', type: 1 });
  });

  it('a body without type makes the account a user, which leaves the system-account list', async () => {
    await start();
    const a = stored('ci-a')!;
    expect(
      (await call('PUT', `/admin/users/${a.uuid}`, { body: { name: 'ci-a', active: true } })).status,
    ).toBe(200);
    expect(stored('ci-a')!.type).toBe(0);
    expect(names((await call('GET', '/admin/users?userType=1&active=true')).body)).toEqual([]);
  });

  it.each([
    ['no name', 'ci-a', { active: true, type: 1 }, '/name'],
    ['a user made a system account', 'bob', { name: 'bob', type: 1 }, '/type'],
    [
      'another uuid',
      'ci-a',
      { uuid: '00000000-0000-4000-8000-000000000000', name: 'ci-a', type: 1 },
      '/uuid',
    ],
    ['active not a boolean', 'ci-a', { name: 'ci-a', type: 1, active: 'yes' }, '/active'],
  ])('refuses %s with 400 and changes nothing', async (_, name, body, pointer) => {
    await start();
    const before = emulator.snapshot();
    const response = await call('PUT', `/admin/users/${stored(name)!.uuid}`, { body });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].pointer).toBe(pointer);
    expect(emulator.snapshot()).toEqual(before);
  });
});

describe('lists', () => {
  it('without active, a user list holds only enabled accounts; active=false holds the rest', async () => {
    await start();
    expect(names((await call('GET', '/admin/users?userType=1')).body)).toEqual(['ci-a']);
    expect(names((await call('GET', '/admin/users?userType=1&active=true')).body)).toEqual(['ci-a']);
    expect(names((await call('GET', '/admin/users?userType=1&active=false')).body)).toEqual(['ci-b']);
    expect((await call('GET', '/admin/users?active=maybe')).status).toBe(400);
  });
});

describe('permissions', () => {
  it('a User-role token reads everything a plan reads', async () => {
    await start();
    const a = stored('ci-a')!.uuid;
    for (const p of [
      '/user',
      '/admin/users?userType=1&active=true',
      '/admin/users?userType=1&active=false',
      `/admin/users/${a}`,
      `/admin/system-accounts/${a}/tokens`,
      '/admin/roles',
      '/admin/permissions',
      '/admin/teams',
      `/admin/teams/${teamUuid('Orders')}/users`,
    ])
      expect((await call('GET', p, { token: 'bob-ro' })).status, p).toBe(200);
  });

  it('a CI/CD token has no admin read scope: 403 naming the scope', async () => {
    await start();
    const response = await call('GET', '/admin/users?userType=1', { token: 'ci-a-rw' });
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe('Forbidden: reading this needs system_account:read:*');
    expect((await call('GET', '/admin/teams', { token: 'ci-a-rw' })).body.detail).toContain('team:read:*');
  });

  it("team membership needs team:manage:* or the team's own team:manage:{uuid}", async () => {
    await start();
    const add = (team: string, token: string) =>
      call('PATCH', `/admin/teams/${teamUuid(team)}/users`, {
        token,
        contentType: 'application/json-patch+json',
        body: [{ op: 'add', path: '/users', value: { uuid: stored('ci-b')!.uuid } }],
      });
    expect((await add('Payments', 'bob-rw')).status).toBe(200);
    const orders = await add('Orders', 'bob-rw');
    expect(orders.status).toBe(403);
    expect(orders.body.detail).toBe(
      `Forbidden: managing the members of team Orders needs team:manage:* (or team:manage:${teamUuid('Orders')})`,
    );
    expect((await add('Orders', 'bob-ro')).body.detail).toBe(
      'Forbidden: a read only token cannot make changes',
    );
    expect((await add('Orders', 'alice-rw')).status).toBe(200);
  });

  it("built-in roles carry PactFlow's documented scopes; Team Administrator shows the team's scope", async () => {
    await start();
    const roles = (await call('GET', '/admin/roles')).body._embedded.roles;
    const scopes = (name: string) =>
      roles.find((r: { name: string }) => r.name === name).permissions.map((p: { scope: string }) => p.scope);
    expect(scopes('Administrator')).toContain('system_account:manage:*');
    expect(scopes('Administrator')).toHaveLength(14);
    expect(scopes('User')).toEqual(
      expect.arrayContaining(['system_account:read:*', 'team:read:*', 'role:read:*']),
    );
    expect(scopes('User')).not.toContain('team:manage:*');
    expect(scopes('CI/CD')).toEqual([
      'contract_data:manage:own',
      'contract_data:manage:team',
      'contract_data:read:*',
      'deployment_and_release:record:*',
      'environment:read:*',
    ]);
    expect(scopes('Viewer')).toEqual([]);
    const bob = (await call('GET', '/user', { token: 'bob-ro' })).body;
    const teamAdmin = bob._embedded.roles.find(
      (r: { uuid: string }) => r.uuid === TEAM_ADMINISTRATOR_ROLE_UUID,
    );
    expect(teamAdmin.permissions.map((p: { scope: string }) => p.scope)).toEqual([
      `team:manage:${teamUuid('Payments')}`,
    ]);
  });
});

describe('error formats', () => {
  it('problem (the default): application/problem+json with type, title, status, detail, instance', async () => {
    await start();
    const response = await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000');
    expect(response.headers.get('content-type')).toBe('application/problem+json;charset=utf-8');
    expect(response.body).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'User 00000000-0000-4000-8000-000000000000 not found',
      instance: '/admin/users/00000000-0000-4000-8000-000000000000',
    });
  });

  it('legacy: the three older shapes, as HAL JSON', async () => {
    await start({ errorFormat: 'legacy' });
    const missing = await call('GET', '/admin/users', { token: 'nope' });
    expect(missing.headers.get('content-type')).toBe('application/hal+json;charset=utf-8');
    expect(missing.body.error).toMatchObject({ message: 'Unauthorized: missing or invalid bearer token' });
    expect(missing.body.error.reference).toMatch(/^[0-9a-f]{8}$/);
    expect((await call('GET', '/admin/users/x')).body).toEqual({ errors: ['Invalid uuid: x'] });
    expect((await call('GET', '/admin/users?page=0')).body).toEqual({
      errors: { page: ['must be a whole number greater than 0'] },
    });
  });
});

describe('reset', () => {
  it('starts again from a seed: new tokens, the old state gone, an empty log', async () => {
    await start();
    await call('DELETE', `/admin/users/${stored('ci-a')!.uuid}`);
    emulator.reset({
      users: [{ name: 'carol', roles: ['Administrator'], tokens: { readWrite: 'carol-rw' } }],
    });
    expect(emulator.adminToken).toBe('carol-rw');
    expect(emulator.requests()).toEqual([]);
    expect((await call('GET', '/user')).status).toBe(401);
    expect((await call('GET', '/user', { token: 'carol-rw' })).body.name).toBe('carol');
    expect(emulator.snapshot().users.map((u) => u.name)).toEqual(['carol']);
    expect(emulator.snapshot().roles.find((r) => r.name === 'Administrator')!.uuid).toBe(
      ADMINISTRATOR_ROLE_UUID,
    );
    emulator.reset();
    expect(stored('ci-a')).toBeDefined();
  });
});
