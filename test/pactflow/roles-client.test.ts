import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { PactflowClient } from '../../src/pactflow/client.js';
import { ValidationError } from '../../src/http/errors.js';
import { BASE, TOKEN, strictNock, user } from '../helpers/nock.js';

strictNock();

const client = () =>
  new PactflowClient({
    baseUrl: BASE,
    token: TOKEN,
    timeoutMs: 5_000,
    retry: { sleep: async () => {}, random: () => 0.5 },
  });

const role = (uuid: string, name: string, scopes: string[]) => ({
  uuid,
  name,
  systemDefined: false,
  createdAt: '2024-01-01T00:00:00+00:00',
  permissions: scopes.map((scope) => ({ scope, label: scope })),
  _links: { self: { href: `${BASE}/admin/roles/${uuid}` } },
});

describe('custom role writes', () => {
  it('creates a role with permissions as {scope} objects and takes its uuid from the body', async () => {
    nock(BASE, { reqheaders: { 'content-type': 'application/json' } })
      .post('/admin/roles', {
        name: 'Deployer',
        description: 'records deployments',
        permissions: [{ scope: 'deployment_and_release:record:*' }],
      })
      .reply(201, role('r-new', 'Deployer', ['deployment_and_release:record:*']));
    expect(
      await client().createRole({
        name: 'Deployer',
        description: 'records deployments',
        permissions: ['deployment_and_release:record:*'],
      }),
    ).toEqual({ uuid: 'r-new' });
  });

  it('re-reads the catalogue before sending a create again when its outcome is unknown', async () => {
    nock(BASE).post('/admin/roles').reply(503);
    nock(BASE)
      .get('/admin/roles')
      .reply(200, { _embedded: { roles: [role('r-made', 'deployer', [])] } });
    expect(await client().createRole({ name: 'Deployer', permissions: [] })).toEqual({ uuid: 'r-made' });
  });

  it('updates a role with a full replace: name, description and every scope', async () => {
    nock(BASE)
      .put('/admin/roles/r1', {
        name: 'Deployer',
        permissions: [{ scope: 'environment:read:*' }, { scope: 'webhook:manage:team' }],
      })
      .reply(200, role('r1', 'Deployer', ['environment:read:*', 'webhook:manage:team']));
    await client().updateRole('r1', {
      name: 'Deployer',
      permissions: ['environment:read:*', 'webhook:manage:team'],
    });
  });

  it('deletes a role', async () => {
    nock(BASE).delete('/admin/roles/r1').reply(204);
    await client().deleteRole('r1');
  });

  it('an unknown scope is a clear validation error', async () => {
    nock(BASE)
      .post('/admin/roles')
      .reply(400, { errors: { permissions: ['Unknown permission scope: contract:write'] } });
    await expect(client().createRole({ name: 'Bad', permissions: ['contract:write'] })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe('reads for roles and show', () => {
  it('lists the assignable permission scopes', async () => {
    nock(BASE)
      .get('/admin/permissions')
      .reply(200, {
        permissions: [{ scope: 'user:invite', label: 'Invite users', group: 'Users' }, { scope: 'ai:*' }],
        _links: {},
      });
    expect(await client().listPermissions()).toEqual([
      { scope: 'user:invite', label: 'Invite users' },
      { scope: 'ai:*' },
    ]);
  });

  it('lists people (type 0), enabled and disabled, dropping any system account the server sends', async () => {
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '0', active: 'true', page: '1', size: '100' })
      .reply(200, {
        users: [
          user({ uuid: 'p1', name: 'bob', type: 0, typeDescription: 'User' }),
          user({ uuid: 's1', name: 'ci-a' }),
        ],
        page: { number: 1, size: 100, totalElements: 2, totalPages: 1 },
      });
    nock(BASE)
      .get('/admin/users')
      .query({ userType: '0', active: 'false', page: '1', size: '100' })
      .reply(200, {
        users: [user({ uuid: 'p2', name: 'carol', type: 0, typeDescription: 'User', active: false })],
        page: { number: 1, size: 100, totalElements: 1, totalPages: 1 },
      });
    expect((await client().listHumanUsers()).map((u) => u.name).sort()).toEqual(['bob', 'carol']);
  });

  it("keeps a token's kind and last use, never its value", async () => {
    nock(BASE)
      .get('/admin/system-accounts/s1/tokens')
      .reply(200, {
        _embedded: {
          items: [
            {
              uuid: 't1',
              description: 'Read/write token (CI)',
              value: 'SECRET-VALUE',
              lastUsedAt: '2026-05-01T00:00:00Z',
            },
            { uuid: 't2', description: 'Read only token (developer)', value: 'OTHER-SECRET' },
          ],
        },
      });
    const tokens = await client().listTokens('s1');
    expect(tokens).toEqual([
      { uuid: 't1', description: 'Read/write token (CI)', lastUsedAt: '2026-05-01T00:00:00Z' },
      { uuid: 't2', description: 'Read only token (developer)' },
    ]);
    expect(JSON.stringify(tokens)).not.toContain('SECRET');
  });
});
