import { ResponseShapeError } from '../http/errors.js';
import { SHAPE_HINT } from './hints.js';
import type { ApiPermission, ApiRole, ApiRoleRef, ApiTeam, ApiToken, ApiUser } from './types.js';
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
    throw new ResponseShapeError(this.method, this.path, problem, SHAPE_HINT);
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

  /** Every role of every account on a page carries these: one loop, no array per entry. */
  permissions(value: unknown): string[] {
    if (value === undefined || value === null) return [];
    const scopes: string[] = [];
    for (const p of this.array(value, 'permissions')) {
      const scope = typeof p === 'string' ? p : (p as { scope?: unknown } | null)?.scope;
      if (typeof scope === 'string') scopes.push(scope);
    }
    return scopes;
  }

  /**
   * `{uuid, name}` of a referenced object, both strings. Pages hold 10,000s of these, so the
   * description of where a value sits is put together only when it is wrong.
   */
  private ref(
    value: unknown,
    what: () => string,
  ): { uuid: string; name: string; source: Record<string, unknown> } {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(`${what()} is not an object`);
    const r = value as Record<string, unknown>;
    if (typeof r.uuid !== 'string') this.fail(`${what()}.uuid is not a string`);
    if (typeof r.name !== 'string') this.fail(`${what()}.name is not a string`);
    return { uuid: r.uuid, name: r.name, source: r };
  }

  roleRef(value: unknown, what: string | (() => string)): ApiRoleRef {
    const { uuid, name, source } = this.ref(value, typeof what === 'string' ? () => what : what);
    return { uuid, name, permissions: this.permissions(source.permissions) };
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
    const createdAt = u.createdAt;
    const lastLogin = u.lastLogin;
    return {
      uuid: this.string(u.uuid, `${what}.uuid`),
      name: this.string(u.name, `${what}.name`),
      ...(typeof email === 'string' && email !== '' ? { email } : {}),
      active: typeof u.active === 'boolean' ? u.active : this.fail(`${what}.active is not true or false`),
      type,
      roles: this.array(rolesSource, `${what} roles`).map((r, i) =>
        this.roleRef(r, () => `${what} roles[${i}]`),
      ),
      teams: this.array(teamsSource, `${what} teams`).map((t, i) => {
        const { uuid, name } = this.ref(t, () => `${what} teams[${i}]`);
        return { uuid, name };
      }),
      ...(typeof createdAt === 'string' ? { createdAt } : {}),
      ...(typeof lastLogin === 'string' ? { lastLogin } : {}),
    };
  }

  role(value: unknown, what: string): ApiRole {
    const r = this.object(value, what);
    return {
      ...this.roleRef(r, what),
      ...(typeof r.description === 'string' ? { description: r.description } : {}),
      systemDefined: r.systemDefined === true,
    };
  }

  team(value: unknown, what: string): ApiTeam {
    const { uuid, name } = this.ref(value, () => what);
    return { uuid, name };
  }

  token(value: unknown, what: string): ApiToken {
    const t = this.object(value, what);
    // Only these fields are kept: a token's `value` never leaves this function.
    const lastUsed = t.lastUsedAt ?? t.lastUsed;
    return {
      uuid: this.string(t.uuid, `${what}.uuid`),
      description: typeof t.description === 'string' ? t.description : '',
      ...(typeof lastUsed === 'string' ? { lastUsedAt: lastUsed } : {}),
    };
  }

  permission(value: unknown, what: string): ApiPermission {
    const p = this.object(value, what);
    return {
      scope: this.string(p.scope, `${what}.scope`),
      ...(typeof p.label === 'string' ? { label: p.label } : {}),
    };
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
