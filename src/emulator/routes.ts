import { requireRead } from './access.js';
import type { ReadResource } from './access.js';
import { addRole, createSystemAccount, deleteUser, removeRole, replaceUser, setRoles } from './accounts.js';
import type { Caller } from './model.js';
import { fieldError, objectError } from './problems.js';
import type { Renderer } from './render.js';
import type { Store } from './store.js';
import { ASSIGNABLE_SCOPES, createRole, deleteRole, replaceRole, role } from './roles.js';
import { patchMembers, removeMember, replaceMembers } from './teams.js';

export interface RouteContext {
  caller: Caller;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  /** The request's media type, without parameters, lower case. */
  mediaType: string | undefined;
}

export interface RouteAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** The path template counters and logs name it by, e.g. `/admin/users/{u}`. */
  template: string;
  handle: (ctx: RouteContext) => RouteAnswer;
}

/** How a PactFlow organization differs from another in what it serves. */
export interface Behaviour {
  /**
   * `served`: PATCH /admin/teams/{t}/users adds members (the default); `absent`: it answers 404
   * as any unknown route does, as PactFlow's application-verified contract leaves it out.
   */
  teamPatch: 'served' | 'absent';
  /** An organization moved to SmartBear API Hub: PUT /admin/users/{u} ignores `active`. */
  ignoreActive: boolean;
}

export interface Organization {
  store: Store;
  render: Renderer;
  maxPageSize: () => number;
  behaviour: Behaviour;
}

/** `{u}`-style templates to anchored patterns with one capture per parameter. */
function route(method: string, template: string, handle: Route['handle']): Route {
  const source = template.replace(/\{[a-z]+\}/g, '([^/]+)').replace(/\//g, '\\/');
  return { method, pattern: new RegExp(`^${source}$`), template, handle };
}

const ok = (body: unknown): RouteAnswer => ({ status: 200, body });
const noContent = (): RouteAnswer => ({ status: 204 });

/** GET /admin/users: without `active`, only enabled accounts, as PactFlow's UI lists them. */
function listUsers({ store, render, maxPageSize }: Organization, { caller, query }: RouteContext) {
  const userType = query.get('userType');
  if (userType !== null && userType !== '0' && userType !== '1')
    throw fieldError(400, 'userType', 'must be 0 or 1');
  requireRead(store, caller, userType === '1' ? 'system_account' : 'user');
  const active = query.get('active');
  if (active !== null && active !== 'true' && active !== 'false')
    throw fieldError(400, 'active', 'must be true or false');
  const q = query.get('q');
  const users = store.listUsers({
    ...(userType === null ? {} : { userType: Number(userType) }),
    active: active !== 'false',
    ...(q === null ? {} : { q }),
  });
  return ok(render.paged(users, query, '/admin/users', 'users', maxPageSize(), (u) => render.listedUser(u)));
}

/** GET /admin/system-accounts/{u}/tokens: descriptions only, never a token's value. */
function listTokens({ store }: Organization, { caller, params }: RouteContext) {
  requireRead(store, caller, 'system_account');
  const account = store.user(params[0]!);
  if (account.type !== 1) throw objectError(404, `System account ${account.uuid} not found`);
  const items = store.tokensOf(account).map((t) => ({
    uuid: t.uuid,
    description: t.readOnly ? 'Read only token (developer)' : 'Read/write token (CI)',
  }));
  return ok({ _embedded: { items } });
}

/** GET /admin/permissions: the scopes a role may grant. */
function listPermissions({ store, render }: Organization, { caller }: RouteContext) {
  requireRead(store, caller, 'role');
  const permissions = ASSIGNABLE_SCOPES.map((scope) => ({ scope, label: scope, group: scope.split(':')[0] }));
  return ok({ permissions, _links: { self: render.link('/admin/permissions', 'Permissions') } });
}

function readRoutes(org: Organization): Route[] {
  const { store, render } = org;
  const read = (caller: Caller, resource: ReadResource) => requireRead(store, caller, resource);
  return [
    route('GET', '/user', ({ caller }) => ok(render.user(caller.user))),
    route('GET', '/admin/users', (ctx) => listUsers(org, ctx)),
    route('GET', '/admin/users/{u}', ({ caller, params }) => {
      const user = store.user(params[0]!);
      read(caller, user.type === 1 ? 'system_account' : 'user');
      return ok(render.user(user));
    }),
    route('GET', '/admin/system-accounts/{u}/tokens', (ctx) => listTokens(org, ctx)),
    route('GET', '/admin/roles', ({ caller }) => {
      read(caller, 'role');
      const roles = store.listRoles().map((r) => render.role(r));
      return ok({ _embedded: { roles }, _links: { self: render.link('/admin/roles', 'Roles') } });
    }),
    route('GET', '/admin/roles/{r}', ({ caller, params }) => {
      read(caller, 'role');
      return ok(render.role(role(store, params[0]!)));
    }),
    route('GET', '/admin/permissions', (ctx) => listPermissions(org, ctx)),
    route('GET', '/admin/teams', ({ caller, query }) => {
      read(caller, 'team');
      return ok(
        render.paged(store.listTeams(), query, '/admin/teams', 'teams', org.maxPageSize(), (t) =>
          render.team(t),
        ),
      );
    }),
    route('GET', '/admin/teams/{t}/users', ({ caller, params }) => {
      read(caller, 'team');
      return ok(render.members(store.team(params[0]!)));
    }),
    route('GET', '/admin/teams/{t}/users/{u}', ({ caller, params }) => {
      read(caller, 'team');
      const team = store.team(params[0]!);
      const user = team.members.includes(params[1]!) ? store.users.get(params[1]!) : undefined;
      if (!user) throw objectError(404, `User ${params[1]} is not a member of team ${team.name}`);
      return ok(render.member(team, user));
    }),
  ];
}

/**
 * The writes PactFlow's verified contracts show. `POST /admin/teams/{t}/users` is deliberately
 * absent: no verified source has it, so it answers as any unknown route does; so does the PATCH
 * of a team's members when the organization is told it is absent.
 */
function writeRoutes({ store, render, behaviour }: Organization): Route[] {
  const routes = [
    route('PUT', '/admin/users/{u}', ({ caller, params, body }) =>
      ok(render.user(replaceUser(store, caller, params[0]!, body, behaviour))),
    ),
    route(
      'DELETE',
      '/admin/users/{u}',
      ({ caller, params }) => (deleteUser(store, caller, params[0]!), noContent()),
    ),
    route(
      'PUT',
      '/admin/users/{u}/roles',
      ({ caller, params, body }) => (setRoles(store, caller, params[0]!, body), noContent()),
    ),
    route(
      'PUT',
      '/admin/users/{u}/roles/{r}',
      ({ caller, params }) => (addRole(store, caller, params[0]!, params[1]!), noContent()),
    ),
    route(
      'DELETE',
      '/admin/users/{u}/roles/{r}',
      ({ caller, params }) => (removeRole(store, caller, params[0]!, params[1]!), noContent()),
    ),
    route('POST', '/admin/system-accounts', ({ caller, body }) => {
      const created = createSystemAccount(store, caller, body);
      const location = render.link(`/admin/system-accounts/${created.uuid}`, '').href;
      return { status: 201, body: render.user(created), headers: { location } };
    }),
    route('POST', '/admin/roles', ({ caller, body }) => ({
      status: 201,
      body: render.role(createRole(store, caller, body)),
    })),
    route('PUT', '/admin/roles/{r}', ({ caller, params, body }) =>
      ok(render.role(replaceRole(store, caller, params[0]!, body))),
    ),
    route(
      'DELETE',
      '/admin/roles/{r}',
      ({ caller, params }) => (deleteRole(store, caller, params[0]!), noContent()),
    ),
    route('PUT', '/admin/teams/{t}/users', ({ caller, params, body }) =>
      ok(render.members(replaceMembers(store, caller, params[0]!, body))),
    ),
    route(
      'DELETE',
      '/admin/teams/{t}/users/{u}',
      ({ caller, params }) => (removeMember(store, caller, params[0]!, params[1]!), noContent()),
    ),
  ];
  if (behaviour.teamPatch === 'absent') return routes;
  return [
    ...routes,
    route('PATCH', '/admin/teams/{t}/users', ({ caller, params, body, mediaType }) =>
      ok(render.members(patchMembers(store, caller, params[0]!, body, mediaType))),
    ),
  ];
}

export const buildRoutes = (org: Organization): Route[] => [...readRoutes(org), ...writeRoutes(org)];
