import { ResponseShapeError } from './errors.js';
import type { ApiRole, ApiRoleRef, ApiTeam, ApiUser } from './types.js';
import type { WirePage } from './wire.js';

/**
 * Response checks at the edge: the rest of the tool sees only values that passed these. They
 * tolerate what PactFlow varies (old and new permission shapes, the legacy flat `roles` array,
 * absent optional fields) and refuse what would make the tool guess.
 */
export class Checker {
  constructor(
    readonly method: string,
    readonly path: string,
  ) {}

  fail(problem: string): never {
    throw new ResponseShapeError(this.method, this.path, problem);
  }

  object(value: unknown, what: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(`${what} is not an object`);
    return value as Record<string, unknown>;
  }

  string(value: unknown, what: string): string {
    if (typeof value !== 'string') this.fail(`${what} is not a string`);
    return value;
  }

  array(value: unknown, what: string): unknown[] {
    if (!Array.isArray(value)) this.fail(`${what} is not a list`);
    return value;
  }

  permissions(value: unknown): string[] {
    if (value === undefined || value === null) return [];
    return this.array(value, 'permissions').flatMap((p) => {
      if (typeof p === 'string') return [p];
      const scope = (p as { scope?: unknown; name?: unknown } | null)?.scope;
      return typeof scope === 'string' ? [scope] : [];
    });
  }

  roleRef(value: unknown, what: string): ApiRoleRef {
    const r = this.object(value, what);
    return {
      uuid: this.string(r.uuid, `${what}.uuid`),
      name: this.string(r.name, `${what}.name`),
      permissions: this.permissions(r.permissions),
    };
  }

  user(value: unknown, what = 'user'): ApiUser {
    const u = this.object(value, what);
    const embedded = u._embedded === undefined ? {} : this.object(u._embedded, `${what}._embedded`);
    const type =
      u.type === 0 || u.type === 1
        ? u.type
        : u.typeDescription === 'System Account'
          ? 1
          : u.typeDescription === 'User'
            ? 0
            : this.fail(`${what}.type is missing`);
    const rolesSource = embedded.roles ?? u.roles ?? [];
    const teamsSource = embedded.teams ?? [];
    const email = u.email;
    return {
      uuid: this.string(u.uuid, `${what}.uuid`),
      name: this.string(u.name, `${what}.name`),
      ...(typeof email === 'string' && email !== '' ? { email } : {}),
      active: typeof u.active === 'boolean' ? u.active : this.fail(`${what}.active is not true or false`),
      type,
      roles: this.array(rolesSource, `${what} roles`).map((r, i) => this.roleRef(r, `${what} roles[${i}]`)),
      teams: this.array(teamsSource, `${what} teams`).map((t, i) => {
        const team = this.object(t, `${what} teams[${i}]`);
        return {
          uuid: this.string(team.uuid, `${what} teams[${i}].uuid`),
          name: this.string(team.name, `${what} teams[${i}].name`),
        };
      }),
    };
  }

  role(value: unknown, what: string): ApiRole {
    const r = this.object(value, what);
    return { ...this.roleRef(r, what), systemDefined: r.systemDefined === true };
  }

  team(value: unknown, what: string): ApiTeam {
    const t = this.object(value, what);
    return { uuid: this.string(t.uuid, `${what}.uuid`), name: this.string(t.name, `${what}.name`) };
  }

  /** `page` and `_links.next` of a paged collection; both optional on the wire. */
  paging(body: Record<string, unknown>): { page?: WirePage; hasNext: boolean } {
    const page = body.page as Partial<WirePage> | undefined;
    const links = body._links as { next?: unknown } | undefined;
    const valid =
      page &&
      typeof page.totalPages === 'number' &&
      Number.isInteger(page.totalPages) &&
      page.totalPages >= 0;
    return { ...(valid ? { page: page as WirePage } : {}), hasNext: Boolean(links?.next) };
  }
}
