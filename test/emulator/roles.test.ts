import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { startEmulator } from '../../src/emulator/server.js';
import type { SeedFile } from '../../src/emulator/seed.js';
import { ADMINISTRATOR_ROLE_UUID } from '../../src/pactflow/wire.js';
import { callEmulator } from '../helpers/emulator.js';

const SEED: SeedFile = {
  roles: [
    {
      name: 'Deployer',
      description: 'records deployments',
      permissions: ['deployment_and_release:record:*'],
    },
  ],
  users: [
    { name: 'alice', roles: ['Administrator'], tokens: { readWrite: 'alice-rw', readOnly: 'alice-ro' } },
    { name: 'bob', roles: ['User'], tokens: { readWrite: 'bob-rw' } },
  ],
  systemAccounts: [{ name: 'ci-a', roles: ['Deployer'] }, { name: 'ci-b' }],
};

let emulator: RunningEmulator;
afterEach(async () => emulator?.close());
const call = (method: string, p: string, options: { token?: string; body?: unknown } = {}) =>
  callEmulator(emulator.url, method, p, { ...options, token: options.token ?? 'alice-rw' });
const roleUuid = (name: string) => emulator.snapshot().roles.find((r) => r.name === name)?.uuid;

describe('custom roles in the emulator', () => {
  it('creates a role from {name, description, permissions: [{scope}]} and lists it', async () => {
    emulator = await startEmulator({ seed: SEED });
    const created = await call('POST', '/admin/roles', {
      body: {
        name: 'Publisher',
        description: 'publishes',
        permissions: [{ scope: 'contract_data:manage:team' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Publisher',
      description: 'publishes',
      systemDefined: false,
      permissions: [{ scope: 'contract_data:manage:team' }],
    });
    const one = await call('GET', `/admin/roles/${created.body.uuid}`);
    expect(one.body.name).toBe('Publisher');
    const all = await call('GET', '/admin/roles');
    expect(all.body._embedded.roles.map((r: { name: string }) => r.name)).toContain('Publisher');
  });

  it('PUT replaces the whole role: scopes exactly, a description left out is cleared', async () => {
    emulator = await startEmulator({ seed: SEED });
    const uuid = roleUuid('Deployer')!;
    const put = await call('PUT', `/admin/roles/${uuid}`, {
      body: { name: 'Deployer', permissions: [{ scope: 'environment:read:*' }] },
    });
    expect(put.status).toBe(200);
    const stored = emulator.snapshot().roles.find((r) => r.uuid === uuid)!;
    expect(stored.permissions).toEqual(['environment:read:*']);
    expect(stored.description).toBeUndefined();
  });

  it.each([
    [
      'an unknown scope',
      'POST',
      () => '/admin/roles',
      { name: 'X', permissions: [{ scope: 'contract_data:write:*' }] },
      400,
      'Unknown permission scope: contract_data:write:*',
    ],
    [
      'a taken name (any case)',
      'POST',
      () => '/admin/roles',
      { name: 'deployer', permissions: [] },
      400,
      'A role with the name "deployer" already exists',
    ],
    ['a blank name', 'POST', () => '/admin/roles', { name: ' ', permissions: [] }, 400, "can't be blank"],
    [
      'scopes as bare strings',
      'POST',
      () => '/admin/roles',
      { name: 'Y', permissions: ['user:invite'] },
      400,
      'each permission must be {scope}',
    ],
    [
      'a change to a built-in role',
      'PUT',
      () => `/admin/roles/${ADMINISTRATOR_ROLE_UUID}`,
      { name: 'Administrator', permissions: [] },
      400,
      'Administrator is a built-in role and cannot be changed',
    ],
  ])('refuses %s', async (_, method, path, body, status, detail) => {
    emulator = await startEmulator({ seed: SEED });
    const answer = await call(method, path(), { body });
    expect(answer.status).toBe(status);
    const details = [
      answer.body.detail,
      ...(answer.body.errors ?? []).map((e: { detail: string }) => e.detail),
    ];
    expect(details).toContain(detail);
  });

  it('deletes an unused custom role; refuses a built-in one and one still held', async () => {
    emulator = await startEmulator({ seed: SEED });
    expect((await call('DELETE', `/admin/roles/${ADMINISTRATOR_ROLE_UUID}`)).status).toBe(400);
    const held = await call('DELETE', `/admin/roles/${roleUuid('Deployer')}`);
    expect(held.status).toBe(400);
    expect(held.body.detail).toContain('is assigned to 1 user(s)');
    const created = await call('POST', '/admin/roles', { body: { name: 'Unused', permissions: [] } });
    expect((await call('DELETE', `/admin/roles/${created.body.uuid}`)).status).toBe(204);
    expect(roleUuid('Unused')).toBeUndefined();
    expect((await call('GET', `/admin/roles/${created.body.uuid}`)).status).toBe(404);
  });

  it('needs role:manage:* and a read/write token', async () => {
    emulator = await startEmulator({ seed: SEED });
    const body = { name: 'Z', permissions: [] };
    expect((await call('POST', '/admin/roles', { body, token: 'bob-rw' })).status).toBe(403);
    expect((await call('POST', '/admin/roles', { body, token: 'alice-ro' })).status).toBe(403);
  });

  it('GET /admin/permissions lists the documented scopes', async () => {
    emulator = await startEmulator({ seed: SEED });
    const scopes = (await call('GET', '/admin/permissions')).body.permissions.map(
      (p: { scope: string }) => p.scope,
    );
    expect(scopes).toEqual(
      expect.arrayContaining(['user:invite', 'system_account:manage:*', 'environment:read:*']),
    );
    expect(scopes).not.toContain('contract_data:write:*');
  });
});
