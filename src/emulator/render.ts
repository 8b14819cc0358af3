import type { WirePermission, WireRole, WireRoleRef, WireTeam, WireUser } from '../pactflow/wire.js';
import { roleScopes, roleUuidsOf } from './access.js';
import type { StoredRole, StoredTeam, StoredUser } from './model.js';
import { fieldError } from './problems.js';
import type { Store } from './store.js';

/** Renders stored data in PactFlow's HAL shapes, with links under the emulator's own address. */
export class Renderer {
  constructor(
    private readonly store: Store,
    readonly baseUrl: () => string,
  ) {}

  link(path: string, title: string) {
    return { href: `${this.baseUrl()}${path}`, title };
  }

  private permissions(scopes: string[]): WirePermission[] {
    return scopes.map((scope) => ({ scope, label: scope, group: scope.split(':')[0]! }));
  }

  private roleRef(uuid: string, user: StoredUser): WireRoleRef[] {
    const role = this.store.roles.get(uuid);
    if (!role) return [];
    const permissions = this.permissions(roleScopes(this.store, uuid, user));
    return [
      { uuid, name: role.name, permissions, _links: { self: this.link(`/admin/roles/${uuid}`, 'Role') } },
    ];
  }

  private listed = { version: -1, users: new Map<string, WireUser>() };

  /**
   * A user as a list page shows it: rendered once per version of the store, since every page of
   * a list of 10,000 users otherwise renders each again. Only read requests list users, so no
   * rendering is kept from the middle of a write.
   */
  listedUser(user: StoredUser): WireUser {
    if (this.listed.version !== this.store.version)
      this.listed = { version: this.store.version, users: new Map() };
    let rendered = this.listed.users.get(user.uuid);
    if (!rendered) this.listed.users.set(user.uuid, (rendered = this.user(user)));
    return rendered;
  }

  user(user: StoredUser): WireUser {
    return {
      uuid: user.uuid,
      name: user.name,
      ...(user.email === undefined ? {} : { email: user.email }),
      active: user.active,
      type: user.type,
      typeDescription: user.type === 1 ? 'System Account' : 'User',
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      _embedded: {
        roles: roleUuidsOf(this.store, user).flatMap((uuid) => this.roleRef(uuid, user)),
        teams: this.store.teamsOf(user).map((t) => ({
          uuid: t.uuid,
          name: t.name,
          _links: { self: this.link(`/admin/teams/${t.uuid}`, 'Team') },
        })),
      },
      _links: { self: this.link(`/admin/users/${user.uuid}`, 'User') },
    };
  }

  role(role: StoredRole): WireRole {
    return {
      uuid: role.uuid,
      name: role.name,
      ...(role.description === undefined ? {} : { description: role.description }),
      systemDefined: role.systemDefined,
      permissions: this.permissions(role.permissions),
      createdAt: role.createdAt,
      _links: { self: this.link(`/admin/roles/${role.uuid}`, 'Role') },
    };
  }

  team(team: StoredTeam): WireTeam {
    return {
      uuid: team.uuid,
      name: team.name,
      numberOfMembers: team.members.length,
      createdAt: team.createdAt,
      _links: { self: this.link(`/admin/teams/${team.uuid}`, 'Team') },
    };
  }

  /** What every team-member write and read answers: the members, embedded. */
  members(team: StoredTeam) {
    return {
      _embedded: { users: this.store.teamMembers(team).map((u) => this.user(u)) },
      _links: { self: this.link(`/admin/teams/${team.uuid}/users`, 'Team users') },
    };
  }

  /** GET /admin/teams/{t}/users/{u}: the member, embedded. */
  member(team: StoredTeam, user: StoredUser) {
    return {
      _embedded: { user: this.user(user) },
      _links: { self: this.link(`/admin/teams/${team.uuid}/users/${user.uuid}`, 'Team user') },
    };
  }

  /** One page of a collection, PactFlow style: `page`, and `next`/`previous` links. */
  paged<T>(
    items: T[],
    query: URLSearchParams,
    path: string,
    key: string,
    maxPageSize: number,
    render: (item: T) => unknown,
  ) {
    const page = pageNumber(query, 'page', 'pageNumber', 1);
    const size = Math.min(pageNumber(query, 'size', 'pageSize', maxPageSize), maxPageSize);
    const totalPages = Math.ceil(items.length / size);
    const href = (p: number) => {
      const q = new URLSearchParams(query);
      q.delete('pageNumber');
      q.delete('pageSize');
      q.set('page', String(p));
      q.set('size', String(size));
      return `${this.baseUrl()}${path}?${q.toString()}`;
    };
    return {
      [key]: items.slice((page - 1) * size, page * size).map(render),
      page: { number: page, size, totalElements: items.length, totalPages },
      _links: {
        self: { href: href(page), title: key },
        ...(page < totalPages ? { next: { href: href(page + 1), title: 'Next page' } } : {}),
        ...(page > 1 ? { previous: { href: href(page - 1), title: 'Previous page' } } : {}),
      },
    };
  }
}

function pageNumber(query: URLSearchParams, name: string, legacy: string, fallback: number): number {
  const raw = query.get(name) ?? query.get(legacy);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw fieldError(400, name, 'must be a whole number greater than 0');
  return n;
}
