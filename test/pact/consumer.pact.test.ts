/**
 * Consumer contract: every request the client can send (src/pactflow/endpoints.ts), reads and
 * writes, success and documented errors. Each interaction's comment names the provider-verified
 * source whose method, path, media type and body shape it follows.
 *
 * Provider states (all parameterised, so a provider can seed them generically):
 * - `a system account exists` {uuid, name, email?, active}: a type-1 user with those values and
 *   the CI/CD role; the token's owner is an Administrator unless another state says otherwise.
 * - `a team exists` {uuid, name}
 * - `a system account is a member of a team` {accountUuid, teamUuid}: both exist (seeded by the
 *   two states above) and the account is a member.
 * - `a role exists` {uuid, name}
 * - `no system account exists with that uuid` {uuid}
 * - `a system account was deleted` {uuid}: it existed and was deleted (PactFlow answers 410).
 * - `the token is read-only`: the request carries its owner's "Read only token (developer)";
 *   the owner is an Administrator.
 * - `the token is missing or invalid`: the bearer token is not one PactFlow knows.
 * - `the token lacks system_account:manage`: a read/write token of a user whose roles grant
 *   only the read scopes (`user:read:*`, `system_account:read:*`, `team:read:*`, `role:read:*`).
 *   Not the built-in User role: it has `system_account:manage:team`, which may create accounts.
 * - `no role exists with that uuid` {uuid}: for the 400 of a role set naming an unknown role.
 * - `a custom role exists` {uuid, name, permissions}: a role that is not built in, with those
 *   scopes, held by nobody.
 * `GET /user` has no state: it answers with whoever owns the token.
 *
 * The generated pact is compared with pacts/pactflow-accounts-pactflow.json; UPDATE_PACT=1
 * rewrites that file.
 */
import { Matchers } from '@pact-foundation/pact';
import type { PactflowClient } from '../../src/pactflow/client.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TeamMembers } from '../../src/pactflow/team-members.js';
import {
  ForbiddenError,
  GoneError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../../src/http/errors.js';
import {
  ACCOUNT,
  DISABLED_ACCOUNT,
  MCP,
  MCP_VERIFIED,
  CUSTOM_ROLE,
  MISSING,
  ROLE,
  TEAM,
  TERRAFORM,
  auth,
  checkAgainstCommitted,
  clientFor,
  halResponse,
  jsonPatchRequest,
  jsonRequest,
  pageOf,
  problemBody,
  problemResponse,
  provider,
  userBody,
} from './helpers.js';

const { like, eachLike, regex } = Matchers;

const account = { uuid: ACCOUNT, name: 'ci-payments', email: 'ci-payments@example.com', active: true };
const disabled = { uuid: DISABLED_ACCOUNT, name: 'ci-legacy', active: false };
const team = { uuid: TEAM, name: 'Payments' };
const role = { uuid: ROLE, name: 'CI/CD' };
const follows = (source: string) => `Follows ${source}`;

/**
 * Pact's Rust mock server (pact-core 19, behind Pact JS 16.3 and later) can answer a request and
 * then, under CPU load, report it as "expected but not received": its match bookkeeping races the
 * check that ends executeTest (pact-foundation/pact-reference#535, pact-js#1835). A real mismatch
 * fails every attempt the same way, so a retry keeps what these tests prove; Pact JS 16.2, which
 * predates the race, has no interaction comments to name each verified source.
 */
const MOCK_SERVER_RACE = { retry: 2 };

const listQuery = (extra: Record<string, string>) => ({
  userType: '1',
  ...extra,
  page: regex('^[1-9]\\d*$', '1'),
  size: regex('^[1-9]\\d*$', '100'),
});

describe('reads', MOCK_SERVER_RACE, () => {
  it('GET /user: the token owner', () =>
    provider
      .addInteraction()
      .uponReceiving('a request for the current user')
      .comment(follows(MCP))
      .withRequest('GET', '/user', (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b
          .headers(halResponse)
          .jsonBody(like({ ...userBody({ uuid: ACCOUNT, name: 'alice', active: true }), type: 0 })),
      )
      .executeTest(async (server) => {
        expect((await clientFor(server.url).currentUser()).uuid).toBe(ACCOUNT);
      }));

  it.each([
    ['enabled', true, account],
    ['disabled', false, disabled],
  ] as const)('GET /admin/users: the %s system accounts', (which, active, seeded) =>
    provider
      .addInteraction()
      .given('a system account exists', seeded)
      .uponReceiving(`a request for a page of ${which} system accounts`)
      .comment(follows(`${MCP} (list users; userType, active, page and size as PactFlow documents them)`))
      .withRequest('GET', '/admin/users', (b) => b.headers(auth).query(listQuery({ active: String(active) })))
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          users: eachLike(userBody(seeded)),
          page: pageOf(1),
          _links: like({}),
        }),
      )
      .executeTest(async (server) => {
        const users = await clientFor(server.url).listSystemAccountsWhere(active);
        expect(users.map((u) => [u.uuid, u.active])).toEqual([[seeded.uuid, active]]);
      }),
  );

  it('GET /admin/users?q=: a system account by name', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .uponReceiving('a search for a system account by name')
      .comment(follows(`${MCP} (list users, with the documented q search)`))
      .withRequest('GET', '/admin/users', (b) => b.headers(auth).query(listQuery({ q: account.name })))
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          users: eachLike(userBody(account)),
          page: pageOf(1),
          _links: like({}),
        }),
      )
      .executeTest(async (server) => {
        expect((await clientFor(server.url).findSystemAccountByName(account.name))?.uuid).toBe(ACCOUNT);
      }));

  it('GET /admin/users/{u}: a system account', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .uponReceiving('a request for a system account')
      .comment(follows(`${TERRAFORM} ("a request to get a system account")`))
      .withRequest('GET', `/admin/users/${ACCOUNT}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) => b.headers(halResponse).jsonBody(userBody(account)))
      .executeTest(async (server) => {
        expect(await clientFor(server.url).getUser(ACCOUNT)).toMatchObject({
          uuid: ACCOUNT,
          email: account.email,
          active: true,
        });
      }));

  it('GET /admin/users/{u}: a system account with its teams', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .given('a system account is a member of a team', { accountUuid: ACCOUNT, teamUuid: TEAM })
      .uponReceiving('a request for a system account that is a member of a team')
      .comment(follows(`${TERRAFORM} ("a request to get a system account", _embedded.teams)`))
      .withRequest('GET', `/admin/users/${ACCOUNT}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) => b.headers(halResponse).jsonBody(userBody(account, [team])))
      .executeTest(async (server) => {
        expect((await clientFor(server.url).getUser(ACCOUNT)).teams.map((t) => t.uuid)).toEqual([TEAM]);
      }));

  it('GET /admin/roles: the role catalogue', () =>
    provider
      .addInteraction()
      .given('a role exists', role)
      .uponReceiving('a request for the roles')
      .comment(follows(`${MCP} (list admin roles)`))
      .withRequest('GET', '/admin/roles', (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          _embedded: {
            roles: eachLike({
              uuid: like(ROLE),
              name: like(role.name),
              systemDefined: like(true),
              permissions: eachLike({ scope: like('contract_data:manage:*') }, 0),
            }),
          },
          _links: like({}),
        }),
      )
      .executeTest(async (server) => {
        expect((await clientFor(server.url).listRoles())[0]?.uuid).toBe(ROLE);
      }));

  it('GET /admin/teams: a page of teams', () =>
    provider
      .addInteraction()
      .given('a team exists', team)
      .uponReceiving('a request for a page of teams')
      .comment(follows(`${MCP} (list admin teams; page and size as PactFlow documents them)`))
      .withRequest('GET', '/admin/teams', (b) =>
        b.headers(auth).query({ page: regex('^[1-9]\\d*$', '1'), size: regex('^[1-9]\\d*$', '100') }),
      )
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          teams: eachLike({ uuid: like(TEAM), name: like(team.name) }),
          page: pageOf(1),
          _links: like({}),
        }),
      )
      .executeTest(async (server) => {
        expect((await clientFor(server.url).listTeams()).map((t) => t.uuid)).toEqual([TEAM]);
      }));
});

describe('writes', MOCK_SERVER_RACE, () => {
  const location = regex(
    '^https?://[^/]+(/.*)?/admin/system-accounts/[0-9a-f-]+$',
    `https://acme.pactflow.io/admin/system-accounts/${ACCOUNT}`,
  );

  it.each([
    ['without an email', { name: 'ci-orders' }],
    ['with an email', { name: 'ci-orders', email: 'ci-orders@example.com' }],
  ])('POST /admin/system-accounts: create %s', (which, body) =>
    provider
      .addInteraction()
      .uponReceiving(`a request to create a system account ${which}`)
      .comment(follows(`${TERRAFORM} ("a request to create a system account", uuid from Location)`))
      .withRequest('POST', '/admin/system-accounts', (b) => b.headers(jsonRequest).jsonBody(like(body)))
      .willRespondWith(201, (b) => b.headers({ ...halResponse, Location: location }))
      .executeTest(async (server) => {
        expect(await clientFor(server.url).createSystemAccount(body)).toEqual({ uuid: ACCOUNT });
      }),
  );

  it('POST /admin/system-accounts: create, answered by a body carrying the uuid', () =>
    provider
      .addInteraction()
      .uponReceiving('a request to create a system account answered with its uuid')
      .comment(follows(`${MCP_VERIFIED} (201 with a body like {uuid})`))
      .withRequest('POST', '/admin/system-accounts', (b) =>
        b.headers(jsonRequest).jsonBody(like({ name: 'ci-orders' })),
      )
      .willRespondWith(201, (b) => b.headers(halResponse).jsonBody(like({ uuid: ACCOUNT })))
      .executeTest(async (server) => {
        expect(await clientFor(server.url).createSystemAccount({ name: 'ci-orders' })).toEqual({
          uuid: ACCOUNT,
        });
      }));

  it('POST /admin/system-accounts: 400 problem+json for a duplicate name', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .uponReceiving('a request to create a system account whose name is taken')
      .comment(follows(`${MCP} (400 answers; problem+json as PactFlow documents it)`))
      .withRequest('POST', '/admin/system-accounts', (b) =>
        b.headers(jsonRequest).jsonBody(like({ name: account.name })),
      )
      .willRespondWith(400, (b) =>
        b
          .headers(problemResponse)
          .jsonBody(problemBody(400, 'Bad Request', 'Name has already been taken', '/name')),
      )
      .executeTest(async (server) => {
        const error = await clientFor(server.url)
          .createSystemAccount({ name: account.name })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).messages).toEqual([
          'Name has already been taken',
          '/name: Name has already been taken',
        ]);
      }));

  it('POST /admin/system-accounts: 403 when the token lacks system_account:manage', () =>
    provider
      .addInteraction()
      .given('the token lacks system_account:manage')
      .uponReceiving('a request to create a system account without system_account:manage')
      .comment(follows(`${TERRAFORM} ("a request to create a system account")`))
      .withRequest('POST', '/admin/system-accounts', (b) =>
        b.headers(jsonRequest).jsonBody(like({ name: 'ci-orders' })),
      )
      .willRespondWith(403)
      .executeTest(async (server) => {
        const error = await clientFor(server.url)
          .createSystemAccount({ name: 'ci-orders' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ForbiddenError);
        expect((error as ForbiddenError).permission).toBe('system_account:manage:*');
      }));

  it.each([
    ['with an email', account, { ...account, name: 'ci-payments-v2' }],
    ['without an email', disabled, { ...disabled, name: 'ci-legacy-v2' }],
  ])('PUT /admin/users/{u}: the whole user %s', (which, seeded, wanted) =>
    provider
      .addInteraction()
      .given('a system account exists', seeded)
      .uponReceiving(`a request to update a system account ${which}`)
      .comment(follows(`${TERRAFORM} ("a request to update a system account": the whole user)`))
      .withRequest('PUT', `/admin/users/${seeded.uuid}`, (b) =>
        b.headers(jsonRequest).jsonBody({
          uuid: seeded.uuid,
          name: like(wanted.name),
          active: like(wanted.active),
          type: 1,
          ...('email' in wanted ? { email: like(wanted.email) } : {}),
        }),
      )
      .willRespondWith(200, (b) => b.headers(halResponse).jsonBody(userBody(wanted)))
      .executeTest(async (server) => {
        await clientFor(server.url).updateUser(wanted);
      }),
  );

  it('PUT /admin/users/{u}: 403 with a read-only token', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('the token is read-only')
      .uponReceiving('a request to update a system account with a read-only token')
      .comment(follows(`${TERRAFORM} ("a request to update a system account")`))
      .withRequest('PUT', `/admin/users/${ACCOUNT}`, (b) =>
        b.headers(jsonRequest).jsonBody({
          uuid: ACCOUNT,
          name: like(account.name),
          active: like(false),
          type: 1,
          email: like(account.email),
        }),
      )
      .willRespondWith(403)
      .executeTest(async (server) => {
        await expect(clientFor(server.url).updateUser({ ...account, active: false })).rejects.toBeInstanceOf(
          ForbiddenError,
        );
      }));

  it('DELETE /admin/users/{u}: delete a system account', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .uponReceiving('a request to delete a system account')
      .comment(follows(`${MCP} ("DELETE /admin/users/{id}")`))
      .withRequest('DELETE', `/admin/users/${ACCOUNT}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await clientFor(server.url).deleteUser(ACCOUNT);
      }));

  it('PUT /admin/users/{u}/roles: replace the role set', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a role exists', role)
      .uponReceiving("a request to set a system account's roles")
      .comment(follows(`${TERRAFORM} ("a request to set a system account's roles")`))
      .withRequest('PUT', `/admin/users/${ACCOUNT}/roles`, (b) =>
        b.headers(jsonRequest).jsonBody({ roles: eachLike(ROLE) }),
      )
      .willRespondWith(204)
      .executeTest(async (server) => {
        await clientFor(server.url).setRoles(ACCOUNT, [ROLE]);
      }));

  it('PUT /admin/users/{u}/roles: 400 problem+json for an unknown role', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('no role exists with that uuid', { uuid: MISSING })
      .uponReceiving('a request to set an unknown role on a system account')
      .comment(follows(`${MCP} ("400 for an unknown role")`))
      .withRequest('PUT', `/admin/users/${ACCOUNT}/roles`, (b) =>
        b.headers(jsonRequest).jsonBody({ roles: eachLike(MISSING) }),
      )
      .willRespondWith(400, (b) =>
        b.headers(problemResponse).jsonBody(problemBody(400, 'Bad Request', 'Role not found', '/roles/0')),
      )
      .executeTest(async (server) => {
        const error = await clientFor(server.url)
          .setRoles(ACCOUNT, [MISSING])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message).not.toContain('[object Object]');
        expect((error as ValidationError).messages).toContain('/roles/0: Role not found');
      }));

  const membersBody = { _embedded: { users: eachLike({ uuid: like(ACCOUNT) }) }, _links: like({}) };

  it('GET /admin/teams/{t}/users: the members', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .given('a system account is a member of a team', { accountUuid: ACCOUNT, teamUuid: TEAM })
      .uponReceiving("a request for a team's members")
      .comment(follows(`${MCP_VERIFIED} (GET /admin/teams/{id}/users)`))
      .withRequest('GET', `/admin/teams/${TEAM}/users`, (b) => b.headers(auth))
      .willRespondWith(200, (b) => b.headers(halResponse).jsonBody(membersBody))
      .executeTest(async (server) => {
        expect(await clientFor(server.url).teamMembers.list(TEAM)).toEqual([{ uuid: ACCOUNT }]);
      }));

  it('GET /admin/teams/{t}/users/{u}: one member', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .given('a system account is a member of a team', { accountUuid: ACCOUNT, teamUuid: TEAM })
      .uponReceiving('a request for one member of a team')
      .comment(follows(`${MCP_VERIFIED} (GET /admin/teams/{id}/users/{userId})`))
      .withRequest('GET', `/admin/teams/${TEAM}/users/${ACCOUNT}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({ _embedded: { user: like({ uuid: ACCOUNT }) }, _links: like({}) }),
      )
      .executeTest(async (server) => {
        expect(await clientFor(server.url).teamMembers.has(TEAM, ACCOUNT)).toBe(true);
      }));

  it("PUT /admin/teams/{t}/users: replace a team's members", () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .uponReceiving("a request to replace a team's members")
      .comment(
        follows(
          `${MCP_VERIFIED} (PUT /admin/teams/{id}/users) and ${TERRAFORM} ("a request to update team assignments")`,
        ),
      )
      .withRequest('PUT', `/admin/teams/${TEAM}/users`, (b) =>
        b.headers(jsonRequest).jsonBody({ users: eachLike(ACCOUNT) }),
      )
      .willRespondWith(200, (b) => b.headers(halResponse).jsonBody(membersBody))
      .executeTest(async (server) => {
        await clientFor(server.url).teamMembers.replace(TEAM, [ACCOUNT]);
      }));

  it('PATCH /admin/teams/{t}/users: add one member by JSON Patch', () => {
    // The addition is confirmed by GET /admin/teams/{t}/users/{u}, an interaction of its own.
    vi.spyOn(TeamMembers.prototype, 'has').mockResolvedValueOnce(true);
    return provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .uponReceiving('a request to add a system account to a team')
      .comment(
        follows(
          `${MCP} ("PATCH /admin/teams/{id}/users – adds a user to a team"), an earlier contract checked against PactFlow's API description only, not the application; on 404, 405, 415 or 501 the client uses the verified PUT instead`,
        ),
      )
      .withRequest('PATCH', `/admin/teams/${TEAM}/users`, (b) =>
        b
          .headers(jsonPatchRequest)
          .jsonBody(eachLike({ op: 'add', path: '/users', value: { uuid: like(ACCOUNT) } })),
      )
      .willRespondWith(200, (b) =>
        b
          .headers(halResponse)
          .jsonBody({ _embedded: { users: eachLike({ uuid: like(ACCOUNT) }) }, _links: like({}) }),
      )
      .executeTest(async (server) => {
        await clientFor(server.url).addTeamMember(TEAM, ACCOUNT);
      });
  });

  it('PATCH /admin/teams/{t}/users: 403 with a read-only token', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .given('the token is read-only')
      .uponReceiving('a request to add a system account to a team with a read-only token')
      .comment(
        follows(
          `${MCP} ("PATCH /admin/teams/{id}/users – adds a user to a team"), checked against PactFlow's API description only`,
        ),
      )
      .withRequest('PATCH', `/admin/teams/${TEAM}/users`, (b) =>
        b
          .headers(jsonPatchRequest)
          .jsonBody(eachLike({ op: 'add', path: '/users', value: { uuid: like(ACCOUNT) } })),
      )
      .willRespondWith(403)
      .executeTest(async (server) => {
        const error = await clientFor(server.url)
          .addTeamMember(TEAM, ACCOUNT)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ForbiddenError);
        expect((error as ForbiddenError).permission).toBe('team:manage:*');
      }));

  it('DELETE /admin/teams/{t}/users/{u}: remove one member', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .given('a team exists', team)
      .given('a system account is a member of a team', { accountUuid: ACCOUNT, teamUuid: TEAM })
      .uponReceiving('a request to remove a system account from a team')
      .comment(follows(`${MCP_VERIFIED} (DELETE /admin/teams/{id}/users/{userId})`))
      .withRequest('DELETE', `/admin/teams/${TEAM}/users/${ACCOUNT}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await clientFor(server.url).removeTeamMember(TEAM, ACCOUNT);
      }));
});

describe('custom roles, permissions, people and tokens', MOCK_SERVER_RACE, () => {
  const custom = { uuid: CUSTOM_ROLE, name: 'Deployer', permissions: ['deployment_and_release:record:*'] };
  const roleResponse = (uuid: unknown, name: string) => ({
    uuid,
    name: like(name),
    systemDefined: false,
    permissions: eachLike({ scope: like('deployment_and_release:record:*') }, 0),
    _links: like({}),
  });

  it('GET /admin/permissions: the scopes a role may grant', () =>
    provider
      .addInteraction()
      .uponReceiving('a request for the assignable permission scopes')
      .comment(follows(`${MCP} ("GET /admin/permissions – lists available permission scopes")`))
      .withRequest('GET', '/admin/permissions', (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          permissions: eachLike({ scope: like('contract_data:read:*') }),
          _links: like({}),
        }),
      )
      .executeTest(async (server) => {
        expect((await clientFor(server.url).listPermissions())[0]?.scope).toBe('contract_data:read:*');
      }));

  it('GET /admin/users?userType=0: the people, only to count who holds a role', () =>
    provider
      .addInteraction()
      .uponReceiving('a request for a page of enabled people')
      .comment(
        follows(`${MCP} (list admin users; userType, active, page and size as PactFlow documents them)`),
      )
      .withRequest('GET', '/admin/users', (b) =>
        b.headers(auth).query({ ...listQuery({ active: 'true' }), userType: '0' }),
      )
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          users: eachLike({
            ...userBody({ uuid: ACCOUNT, name: 'admin', active: true }),
            uuid: like(ACCOUNT),
            type: 0,
            typeDescription: 'User',
            _links: like({}),
          }),
          page: pageOf(1),
          _links: like({}),
        }),
      )
      .executeTest(async (server) => {
        const people = await clientFor(server.url).listHumanUsersWhere(true);
        expect(people.map((p) => p.type)).toEqual([0]);
      }));

  it('GET /admin/system-accounts/{u}/tokens: kinds, never values', () =>
    provider
      .addInteraction()
      .given('a system account exists', account)
      .uponReceiving("a request for a system account's tokens")
      .comment(follows(`${MCP} ("GET /admin/system-accounts/{id}/tokens – retrieves system account tokens")`))
      .withRequest('GET', `/admin/system-accounts/${ACCOUNT}/tokens`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.headers(halResponse).jsonBody({
          _embedded: {
            items: eachLike({ uuid: like(MISSING), description: like('Read/write token (CI)') }),
          },
        }),
      )
      .executeTest(async (server) => {
        const tokens = await clientFor(server.url).listTokens(ACCOUNT);
        expect(tokens[0]?.description).toBe('Read/write token (CI)');
      }));

  it('POST /admin/roles: create a custom role', () =>
    provider
      .addInteraction()
      .uponReceiving('a request to create a custom role')
      .comment(
        follows(`${MCP} ("POST /admin/roles – creates a role"; ${TERRAFORM} "a request to create a role")`),
      )
      .withRequest('POST', '/admin/roles', (b) =>
        b.headers(jsonRequest).jsonBody({
          name: like(custom.name),
          description: like('records deployments'),
          permissions: eachLike({ scope: like(custom.permissions[0]) }),
        }),
      )
      .willRespondWith(201, (b) =>
        b.headers(halResponse).jsonBody(roleResponse(like(CUSTOM_ROLE), custom.name)),
      )
      .executeTest(async (server) => {
        const created = await clientFor(server.url).createRole({
          name: custom.name,
          description: 'records deployments',
          permissions: custom.permissions,
        });
        expect(created).toEqual({ uuid: CUSTOM_ROLE });
      }));

  it('POST /admin/roles: 400 for an unknown scope', () =>
    provider
      .addInteraction()
      .uponReceiving('a request to create a custom role with an unknown scope')
      .comment(follows(`${MCP} ("POST /admin/roles – 400 for an unknown permission scope")`))
      .withRequest('POST', '/admin/roles', (b) =>
        b.headers(jsonRequest).jsonBody({
          name: like('Bad'),
          permissions: eachLike({ scope: like('contract_data:write:*') }),
        }),
      )
      .willRespondWith(400)
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url).createRole({ name: 'Bad', permissions: ['contract_data:write:*'] }),
        ).rejects.toBeInstanceOf(ValidationError);
      }));

  it('PUT /admin/roles/{r}: replace a custom role with exactly these scopes', () =>
    provider
      .addInteraction()
      .given('a custom role exists', custom)
      .uponReceiving('a request to replace a custom role')
      .comment(follows(`${MCP} ("PUT /admin/roles/{id} – updates a role": name and every permission)`))
      .withRequest('PUT', `/admin/roles/${CUSTOM_ROLE}`, (b) =>
        b.headers(jsonRequest).jsonBody({
          name: like(custom.name),
          permissions: eachLike({ scope: like('environment:read:*') }),
        }),
      )
      .willRespondWith(200, (b) => b.headers(halResponse).jsonBody(roleResponse(CUSTOM_ROLE, custom.name)))
      .executeTest(async (server) => {
        await clientFor(server.url).updateRole(CUSTOM_ROLE, {
          name: custom.name,
          permissions: ['environment:read:*'],
        });
      }));

  it('DELETE /admin/roles/{r}: delete a custom role', () =>
    provider
      .addInteraction()
      .given('a custom role exists', custom)
      .uponReceiving('a request to delete a custom role')
      .comment(follows(`${MCP} ("DELETE /admin/roles/{id} – deletes a role")`))
      .withRequest('DELETE', `/admin/roles/${CUSTOM_ROLE}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await clientFor(server.url).deleteRole(CUSTOM_ROLE);
      }));
});

describe('documented errors without a body the client depends on', MOCK_SERVER_RACE, () => {
  const cases: [
    title: string,
    state: [name: string, params?: Record<string, string>],
    description: string,
    source: string,
    method: 'GET' | 'DELETE',
    path: string,
    status: number,
    call: (client: PactflowClient) => Promise<unknown>,
    type: new (...args: never[]) => Error,
  ][] = [
    [
      'GET /user: 401 for an unknown token',
      ['the token is missing or invalid'],
      'a request for the current user with an invalid token',
      MCP,
      'GET',
      '/user',
      401,
      (c) => c.currentUser(),
      UnauthorizedError,
    ],
    [
      'GET /admin/users/{u}: 404 for an unknown uuid',
      ['no system account exists with that uuid', { uuid: MISSING }],
      'a request for a system account that does not exist',
      `${MCP} (get user)`,
      'GET',
      `/admin/users/${MISSING}`,
      404,
      (c) => c.getUser(MISSING),
      NotFoundError,
    ],
    [
      'GET /admin/users/{u}: 410 for a deleted account',
      ['a system account was deleted', { uuid: MISSING }],
      'a request for a system account that was deleted',
      `${MCP} ("410 when the user has been deleted")`,
      'GET',
      `/admin/users/${MISSING}`,
      410,
      (c) => c.getUser(MISSING),
      GoneError,
    ],
    [
      'DELETE /admin/users/{u}: 404 for an unknown uuid',
      ['no system account exists with that uuid', { uuid: MISSING }],
      'a request to delete a system account that does not exist',
      `${MCP} ("DELETE /admin/users/{id}")`,
      'DELETE',
      `/admin/users/${MISSING}`,
      404,
      (c) => c.deleteUser(MISSING),
      NotFoundError,
    ],
  ];
  it.each(cases)('%s', (_, [state, params], description, source, method, path, status, call, type) =>
    provider
      .addInteraction()
      .given(state, params)
      .uponReceiving(description)
      .comment(follows(source))
      .withRequest(method, path, (b) => b.headers(auth))
      .willRespondWith(status)
      .executeTest(async (server) => {
        await expect(call(clientFor(server.url))).rejects.toBeInstanceOf(type);
      }),
  );
});

afterAll(() => {
  const { same, generated, committed } = checkAgainstCommitted();
  if (!same) {
    expect(
      generated,
      'the generated pact differs from pacts/pactflow-accounts-pactflow.json; review, then run UPDATE_PACT=1 npx vitest run test/pact',
    ).toEqual(committed);
  }
});
