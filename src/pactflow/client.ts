import { ApiError, ResponseShapeError } from './errors.js';
import { Checker } from './checks.js';
import { HttpClient } from './http.js';
import type { HttpOptions, Method } from './http.js';
import type {
  ApiPermission,
  ApiRole,
  ApiTeam,
  ApiToken,
  ApiUser,
  LiveReader,
  RoleBody,
  Writer,
} from './types.js';
import { mapLimit } from '../util/concurrency.js';

export const PAGE_SIZE = 100;
/** Pages fetched at once once the page count is known. */
export const PAGE_CONCURRENCY = 4;
/** How often a write of unknown outcome is re-read and re-sent before giving up. */
export const WRITE_RECOVERY_ATTEMPTS = 3;

const enc = encodeURIComponent;

/** The PactFlow admin API: reads and writes over one HttpClient. */
export class PactflowClient implements LiveReader, Writer {
  readonly http: HttpClient;

  constructor(options: HttpOptions | HttpClient) {
    this.http = options instanceof HttpClient ? options : new HttpClient(options);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  close(): void {
    this.http.close();
  }

  private async get(
    path: string,
    searchParams?: Record<string, string | number>,
  ): Promise<{ body: unknown; check: Checker }> {
    const response = await this.http.request('GET', path, searchParams ? { searchParams } : {});
    return { body: response.body, check: new Checker('GET', path) };
  }

  async currentUser(): Promise<ApiUser> {
    const { body, check } = await this.get('/user');
    return check.user(body);
  }

  async getUser(uuid: string): Promise<ApiUser> {
    const { body, check } = await this.get(`/admin/users/${enc(uuid)}`);
    return check.user(body);
  }

  async listRoles(): Promise<ApiRole[]> {
    const { body, check } = await this.get('/admin/roles');
    const embedded = check.object(check.object(body, 'body')._embedded, '_embedded');
    return check.array(embedded.roles, '_embedded.roles').map((r, i) => check.role(r, `roles[${i}]`));
  }

  async listTeams(): Promise<ApiTeam[]> {
    return this.paged('/admin/teams', 'teams', {}, (check, t, i) => check.team(t, `teams[${i}]`));
  }

  async listSystemAccounts(): Promise<ApiUser[]> {
    const users = await this.paged('/admin/users', 'users', { userType: 1 }, (check, u, i) =>
      check.user(u, `users[${i}]`),
    );
    return users.filter((u) => u.type === 1);
  }

  async findSystemAccountByName(name: string): Promise<ApiUser | undefined> {
    const users = await this.paged('/admin/users', 'users', { userType: 1, q: name }, (check, u, i) =>
      check.user(u, `users[${i}]`),
    );
    return users.find((u) => u.type === 1 && u.name.toLowerCase() === name.toLowerCase());
  }

  async listTeamMembers(teamUuid: string): Promise<ApiUser[]> {
    const { body, check } = await this.get(`/admin/teams/${enc(teamUuid)}/users`);
    const embedded = check.object(check.object(body, 'body')._embedded ?? {}, '_embedded');
    return check.array(embedded.users ?? [], '_embedded.users').map((u, i) => check.user(u, `users[${i}]`));
  }

  async listTokens(accountUuid: string): Promise<ApiToken[]> {
    const { body, check } = await this.get(`/admin/system-accounts/${enc(accountUuid)}/tokens`);
    const embedded = check.object(check.object(body, 'body')._embedded ?? {}, '_embedded');
    return check.array(embedded.items ?? [], '_embedded.items').map((t, i) => check.token(t, `items[${i}]`));
  }

  async listHumanUsers(): Promise<ApiUser[]> {
    const users = await this.paged('/admin/users', 'users', { userType: 0 }, (check, u, i) =>
      check.user(u, `users[${i}]`),
    );
    return users.filter((u) => u.type === 0);
  }

  async listPermissions(): Promise<ApiPermission[]> {
    const { body, check } = await this.get('/admin/permissions');
    const list = check.array(check.object(body, 'body').permissions, 'permissions');
    return list.map((p, i) => check.permission(p, `permissions[${i}]`));
  }

  /**
   * A paged collection: page 1 first; then, when the server states its page count, every other
   * page at once (bounded); otherwise `_links.next` one page at a time. The page size asked for
   * is only a wish — the server's own `page` object decides how many pages there are.
   */
  private async paged<T extends { uuid: string }>(
    path: string,
    key: string,
    query: Record<string, string | number>,
    item: (check: Checker, value: unknown, index: number) => T,
  ): Promise<T[]> {
    const fetchPage = async (page: number) => {
      const { body, check } = await this.get(path, { ...query, page, size: PAGE_SIZE });
      const b = check.object(body, 'body');
      const items = check.array(b[key] ?? [], key).map((v, i) => item(check, v, i));
      return { items, ...check.paging(b) };
    };
    const first = await fetchPage(1);
    const all = [...first.items];
    if (first.page) {
      const rest = Array.from({ length: Math.max(0, first.page.totalPages - 1) }, (_, i) => i + 2);
      for (const page of await mapLimit(rest, PAGE_CONCURRENCY, fetchPage)) all.push(...page.items);
    } else {
      let current = first;
      for (let page = 2; current.hasNext && current.items.length > 0; page++) {
        if (page > 10_000) throw new ResponseShapeError('GET', path, 'pagination does not end');
        current = await fetchPage(page);
        all.push(...current.items);
      }
    }
    // Pages read at different moments can overlap when accounts are added meanwhile.
    const seen = new Set<string>();
    return all.filter((x) => !seen.has(x.uuid) && seen.add(x.uuid));
  }

  /**
   * A write that must not be sent twice blindly: on an unknown outcome (timeout, 5xx, reset)
   * `probe` re-reads whether it took effect before anything is sent again.
   */
  private async writeOnce<T>(
    send: () => Promise<T>,
    probe: () => Promise<{ took: T } | undefined>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof ApiError) || !error.outcomeUnknown || attempt >= WRITE_RECOVERY_ATTEMPTS)
          throw error;
        const effect = await probe();
        if (effect) return effect.took;
      }
    }
  }

  async createSystemAccount(account: { name: string; email?: string }): Promise<{ uuid: string }> {
    return this.writeOnce(
      async () => {
        const path = '/admin/system-accounts';
        const response = await this.http.request('POST', path, { json: account });
        return { uuid: uuidFromCreate(path, response.headers.location, response.body) };
      },
      async () => {
        const existing = await this.findSystemAccountByName(account.name);
        return existing ? { took: { uuid: existing.uuid } } : undefined;
      },
    );
  }

  async updateUser(uuid: string, patch: { name?: string; email?: string; active?: boolean }): Promise<void> {
    await this.write('PUT', `/admin/users/${enc(uuid)}`, patch);
  }

  async deleteUser(uuid: string): Promise<void> {
    await this.write('DELETE', `/admin/users/${enc(uuid)}`);
  }

  async setRoles(uuid: string, roleUuids: string[]): Promise<void> {
    await this.write('PUT', `/admin/users/${enc(uuid)}/roles`, { roles: roleUuids });
  }

  /** Adds one member; never the team-wide PUT that replaces every member. */
  async addTeamMember(teamUuid: string, userUuid: string): Promise<void> {
    await this.writeOnce(
      () => this.write('POST', `/admin/teams/${enc(teamUuid)}/users`, { users: [userUuid] }),
      async () =>
        (await this.listTeamMembers(teamUuid)).some((u) => u.uuid === userUuid)
          ? { took: undefined }
          : undefined,
    );
  }

  async removeTeamMember(teamUuid: string, userUuid: string): Promise<void> {
    await this.write('DELETE', `/admin/teams/${enc(teamUuid)}/users/${enc(userUuid)}`);
  }

  /** Creates a custom role; on an unknown outcome the catalogue is re-read for it by name. */
  async createRole(role: RoleBody): Promise<{ uuid: string }> {
    return this.writeOnce(
      async () => {
        const path = '/admin/roles';
        const response = await this.http.request('POST', path, { json: roleBody(role) });
        return { uuid: new Checker('POST', path).role(response.body, 'body').uuid };
      },
      async () => {
        const found = (await this.listRoles()).find((r) => r.name.toLowerCase() === role.name.toLowerCase());
        return found ? { took: { uuid: found.uuid } } : undefined;
      },
    );
  }

  async updateRole(uuid: string, role: RoleBody): Promise<void> {
    await this.write('PUT', `/admin/roles/${enc(uuid)}`, roleBody(role));
  }

  async deleteRole(uuid: string): Promise<void> {
    await this.write('DELETE', `/admin/roles/${enc(uuid)}`);
  }

  private async write(method: Method, path: string, json?: unknown): Promise<void> {
    await this.http.request(method, path, json === undefined ? {} : { json });
  }
}

/** A role's wire body: permissions as `{scope}` objects, as PactFlow's role routes take them. */
const roleBody = (role: RoleBody) => ({
  name: role.name,
  ...(role.description === undefined ? {} : { description: role.description }),
  permissions: role.permissions.map((scope) => ({ scope })),
});

/** The new account's uuid: from `Location` (reliable), else from a body that happens to be the user. */
function uuidFromCreate(path: string, location: unknown, body: unknown): string {
  const header = Array.isArray(location) ? location[0] : location;
  if (typeof header === 'string') {
    const match = /\/admin\/system-accounts\/([^/?#]+)\/?(?:[?#].*)?$/.exec(header);
    if (match) return decodeURIComponent(match[1]!);
  }
  const uuid = (body as { uuid?: unknown } | null | undefined)?.uuid;
  if (typeof uuid === 'string' && uuid !== '') return uuid;
  throw new ResponseShapeError(
    'POST',
    path,
    "the created account's uuid is neither in the Location header nor in the body",
  );
}
