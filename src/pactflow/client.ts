import { ApiError, ResponseShapeError } from '../http/errors.js';
import { HttpClient } from '../http/client.js';
import { expandPath } from '../http/endpoint.js';
import { Checker } from './checks.js';
import { ENDPOINTS } from './endpoints.js';
import type { EndpointName } from './endpoints.js';
import { SHAPE_HINT } from './hints.js';
import { pactflowHttp } from './http.js';
import type { PactflowOptions } from './http.js';
import type {
  ApiPermission,
  ApiRole,
  ApiTeam,
  ApiToken,
  ApiUser,
  ExtraReader,
  LiveReader,
  RoleBody,
  UserValues,
  Writer,
} from './types.js';
import type { WirePage } from './wire.js';
import { limiter, mapLimit } from '../util/concurrency.js';
import { TeamMembers } from './team-members.js';

export const PAGE_SIZE = 100;
/**
 * Pages in flight at once, over every list read at the same time, from the moment each list's
 * page 1 states its page count. Reading is latency-bound (a page costs the server little, the
 * round trip much), so the bound is set by what is polite to ask of the server, not by this process.
 */
export const PAGE_CONCURRENCY = 12;

type Query = Record<string, string | number | boolean>;
/** Items read so far, and how many the server said there are (as far as it has said). */
export type ReadProgress = (read: number, total: number | undefined) => void;
type Params = Record<string, string>;

interface PageOptions {
  onProgress?: ReadProgress | undefined;
  /** Called with the count page 1 states, when it has been read (each time, if read again). */
  onFirstPage?: (total: number | undefined) => void;
  /** Once aborted, no further page is asked for. */
  halt?: AbortSignal;
}

/** A list that changed while it was read, twice in a row: refused rather than planned from. */
export class IncompleteListError extends ApiError {
  constructor(path: string, problem: string) {
    super(
      'GET',
      path,
      undefined,
      `${problem}, twice in a row; nothing was planned from a partial list`,
      'The list changed while it was read (accounts created, deleted, enabled or disabled meanwhile). Run the command again once those changes have settled.',
    );
  }
}

/** The PactFlow admin API: reads and writes over one HttpClient, every request from ENDPOINTS. */
export class PactflowClient implements LiveReader, ExtraReader, Writer {
  readonly http: HttpClient<typeof ENDPOINTS>;
  /** Shared by every list this client reads, so two lists at once still keep to the bound. */
  private readonly pageSlot = limiter(PAGE_CONCURRENCY);
  /** Team member lists: additions and removals go through addTeamMember and removeTeamMember. */
  readonly teamMembers: TeamMembers;

  constructor(options: PactflowOptions | HttpClient<typeof ENDPOINTS>) {
    this.http = options instanceof HttpClient ? options : pactflowHttp(options);
    this.teamMembers = new TeamMembers(this.http);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  close(): void {
    this.http.close();
  }

  private async get(
    name: EndpointName,
    params: Params = {},
    searchParams?: Query,
  ): Promise<{ body: unknown; check: Checker }> {
    const response = await this.http.request(name, { params, ...(searchParams ? { searchParams } : {}) });
    return { body: response.body, check: new Checker('GET', expandPath(ENDPOINTS[name].path, params)) };
  }

  async currentUser(): Promise<ApiUser> {
    const { body, check } = await this.get('currentUser');
    return check.user(body);
  }

  async getUser(uuid: string): Promise<ApiUser> {
    const { body, check } = await this.get('getUser', { user: uuid });
    return check.user(body);
  }

  async listRoles(): Promise<ApiRole[]> {
    const { body, check } = await this.get('listRoles');
    const embedded = check.object(check.object(body, 'body')._embedded, '_embedded');
    return check.array(embedded.roles, '_embedded.roles').map((r, i) => check.role(r, `roles[${i}]`));
  }

  async listTeams(): Promise<ApiTeam[]> {
    return (await this.paged('listTeams', 'teams', {}, (check, t, i) => check.team(t, `teams[${i}]`))).items;
  }

  /**
   * Whether the list's default includes disabled accounts is not documented, so both halves are
   * asked for explicitly and merged by uuid. Page 1 of the enabled list comes first; then the rest
   * of it and the whole disabled list are read at the same time, and once the disabled list is in,
   * the enabled count is read once more. An account enabled or disabled while the lists were read
   * may be in neither list (or in both):
   * - if it moved after its enabled page was read, the move changed the enabled count after page 1
   *   and before the recount, since every disabled read starts after page 1 and ends before it;
   * - if it moved before its enabled page was read, that page states a count other than page 1's,
   *   and the enabled list is read again: then the disabled list is read again after it, and
   *   counted again after that.
   * Moves that cancel out in that count (one account enabled and another disabled, or one
   * disabled and enabled again) show in the number of accounts read instead, which is then short
   * of the two counts together; unless one of the moves falls in the round trip between the last
   * disabled page and the recount: without a snapshot of both lists at once, that stays unseen.
   * When the recount differs, or the number read does, both are read again once, then refused.
   * Where a copy is in both lists anyway, the disabled one wins. A fixed number of requests (the
   * pages of each list, plus one) in three round trips: page 1, the other pages, the recount beside
   * the last of them.
   */
  async listSystemAccounts(onProgress?: ReadProgress): Promise<ApiUser[]> {
    for (let attempt = 1; ; attempt++) {
      // Progress is the sum of both lists; the total once both have stated theirs.
      const read = [0, 0];
      const stated: (number | undefined)[] = [undefined, undefined];
      const progress =
        onProgress &&
        ((list: 0 | 1): ReadProgress =>
          (r, total) => {
            read[list] = r;
            stated[list] = total;
            const [e, d] = stated;
            onProgress(read[0]! + read[1]!, e === undefined || d === undefined ? undefined : e + d);
          });
      // When one list fails, the other starts no more pages: its answer would not be used.
      const halt = new AbortController();
      const stopOnFailure = <T>(reading: Promise<T>) =>
        reading.catch((error: unknown) => {
          halt.abort();
          throw error;
        });
      let counted!: (total: number | undefined) => void;
      const firstEnabledCount = new Promise<number | undefined>((resolve) => (counted = resolve));
      const enabled = stopOnFailure(
        this.paged('listUsers', 'users', systemAccounts(true), userItem, {
          onProgress: progress?.(0),
          onFirstPage: counted,
          halt: halt.signal,
        }),
      );
      const readDisabled = () =>
        this.paged('listUsers', 'users', systemAccounts(false), userItem, {
          onProgress: progress?.(1),
          halt: halt.signal,
        });
      const disabled = stopOnFailure(firstEnabledCount.then(readDisabled));
      const recount = () => this.readPage('listUsers', 'users', systemAccounts(true), userItem, 1);
      // Only where page 1 stated a count is there one to compare.
      let recounted = Promise.all([firstEnabledCount, disabled]).then(([total]) =>
        total === undefined || halt.signal.aborted ? undefined : recount(),
      );
      // Awaited below, or dropped when a list fails first.
      recounted.catch(() => undefined);
      const [e, first] = await Promise.all([enabled, disabled]);
      let d = first;
      if (e.reads > 1) {
        d = await readDisabled();
        recounted = e.stated === undefined ? Promise.resolve(undefined) : recount();
      }
      const byUuid = new Map<string, ApiUser>();
      for (const list of [e.items, d.items]) for (const u of list) byUuid.set(u.uuid, u);
      const merged = [...byUuid.values()].filter((u) => u.type === 1);
      if (e.stated === undefined) return merged;
      const now = (await recounted)?.page;
      if (now === undefined) return merged;
      // Moves that cancel out in the enabled total can still leave an account in neither list: the
      // accounts read then number fewer than the enabled total now plus the disabled total as its
      // pages stated it, two counts only one round trip apart.
      const total = d.stated === undefined ? byUuid.size : now.totalElements + d.stated;
      if (now.totalElements === e.stated && byUuid.size === total) return merged;
      if (attempt >= 2)
        throw new IncompleteListError(
          ENDPOINTS.listUsers.path,
          now.totalElements !== e.stated
            ? `the enabled system accounts went from ${e.stated} to ${now.totalElements} while the lists were read`
            : `the lists held ${byUuid.size} system accounts where PactFlow counted ${total}`,
        );
    }
  }

  /** The enabled (or the disabled) system accounts: one of the two lists listSystemAccounts reads. */
  async listSystemAccountsWhere(active: boolean, onProgress?: ReadProgress): Promise<ApiUser[]> {
    return (await this.paged('listUsers', 'users', systemAccounts(active), userItem, { onProgress })).items;
  }

  async findSystemAccountByName(name: string): Promise<ApiUser | undefined> {
    const { items } = await this.paged('listUsers', 'users', { userType: 1, q: name }, userItem);
    return items.find((u) => u.type === 1 && u.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * A paged collection, read whole or not at all: when the merged items disagree with the
   * `page.totalElements` the server stated (an account added or removed mid-read, a page lost),
   * the list is read once more, then refused — a plan from a partial list could delete or
   * re-create accounts that exist.
   */
  private async paged<T extends { uuid: string }>(
    name: EndpointName,
    key: string,
    query: Query,
    item: (check: Checker, value: unknown, index: number) => T,
    options: PageOptions = {},
  ): Promise<{ items: T[]; stated?: number; reads: 1 | 2 }> {
    const first = await this.readPages(name, key, query, item, options);
    if (first.complete) return { ...first, reads: 1 };
    const second = await this.readPages(name, key, query, item, options);
    if (second.complete) return { ...second, reads: 2 };
    throw new IncompleteListError(
      ENDPOINTS[name].path,
      `PactFlow stated ${second.stated} ${key} but its pages held ${second.items.length}`,
    );
  }

  /** One page of a paged collection, its items checked. */
  private async readPage<T>(
    name: EndpointName,
    key: string,
    query: Query,
    item: (check: Checker, value: unknown, index: number) => T,
    page: number,
  ): Promise<{ items: T[]; page?: WirePage; hasNext: boolean }> {
    const { body, check } = await this.get(name, {}, { ...query, page, size: PAGE_SIZE });
    const b = check.object(body, 'body');
    const items = check.array(b[key] ?? [], key).map((v, i) => item(check, v, i));
    return { items, ...check.paging(b) };
  }

  /**
   * Every person (type 0), enabled and disabled, with their roles: read only to count who holds a
   * custom role a plan changes or deletes.
   */
  async listHumanUsers(): Promise<ApiUser[]> {
    const halves = await Promise.all([true, false].map((active) => this.listHumanUsersWhere(active)));
    const byUuid = new Map(halves.flat().map((u) => [u.uuid, u]));
    return [...byUuid.values()].filter((u) => u.type === 0);
  }

  /** The enabled (or the disabled) people: one of the two lists listHumanUsers reads. */
  async listHumanUsersWhere(active: boolean): Promise<ApiUser[]> {
    return (await this.paged('listUsers', 'users', { userType: 0, active }, userItem)).items;
  }

  /** The scopes PactFlow lets a role grant. */
  async listPermissions(): Promise<ApiPermission[]> {
    const { body, check } = await this.get('listPermissions');
    const list = check.array(check.object(body, 'body').permissions, 'permissions');
    return list.map((p, i) => check.permission(p, `permissions[${i}]`));
  }

  /** A system account's tokens: kinds and, where PactFlow says, last use; values are dropped. */
  async listTokens(accountUuid: string): Promise<ApiToken[]> {
    const { body, check } = await this.get('listTokens', { user: accountUuid });
    const embedded = check.object(check.object(body, 'body')._embedded ?? {}, '_embedded');
    return check.array(embedded.items ?? [], '_embedded.items').map((t, i) => check.token(t, `items[${i}]`));
  }

  /**
   * Page 1 first; then, when the server states its page count, every other page at once
   * (bounded); otherwise `_links.next` one page at a time. The page size asked for is only a
   * wish — the server's own `page` object decides how many pages there are.
   */
  private async readPages<T extends { uuid: string }>(
    name: EndpointName,
    key: string,
    query: Query,
    item: (check: Checker, value: unknown, index: number) => T,
    { onProgress, onFirstPage, halt }: PageOptions,
  ): Promise<{ items: T[]; complete: boolean; stated?: number }> {
    let read = 0;
    let stated: number | undefined;
    const fetchPage = async (page: number) => {
      const result = await this.pageSlot(() => {
        halt?.throwIfAborted();
        return this.readPage(name, key, query, item, page);
      });
      read += result.items.length;
      if (page === 1) stated = result.page?.totalElements;
      onProgress?.(read, stated);
      if (page === 1) onFirstPage?.(stated);
      return result;
    };
    const first = await fetchPage(1);
    const pages: { items: T[]; page?: WirePage }[] = [first];
    if (first.page) {
      const rest = Array.from({ length: Math.max(0, first.page.totalPages - 1) }, (_, i) => i + 2);
      // A dozen of this list's pages wait for a slot at a time, not all of them: a list read beside
      // it (the disabled accounts) takes its turns in between instead of after the whole list.
      pages.push(...(await mapLimit(rest, PAGE_CONCURRENCY, fetchPage)));
    } else {
      let current = first;
      for (let page = 2; current.hasNext && current.items.length > 0; page++) {
        if (page > 10_000)
          throw new ResponseShapeError('GET', ENDPOINTS[name].path, 'pagination does not end', SHAPE_HINT);
        current = await fetchPage(page);
        pages.push(current);
      }
    }
    const seen = new Set<string>();
    const items: T[] = [];
    for (const p of pages)
      for (const x of p.items)
        if (!seen.has(x.uuid)) {
          seen.add(x.uuid);
          items.push(x);
        }
    if (typeof stated !== 'number') return { items, complete: true };
    const complete =
      items.length === stated && pages.every((p) => p.page === undefined || p.page.totalElements === stated);
    return { items, complete, stated };
  }

  /**
   * The new account's uuid comes from `Location` (the Terraform provider's verified answer), else
   * from a body carrying `uuid` (the MCP's), else by finding the account by name.
   */
  async createSystemAccount(account: { name: string; email?: string }): Promise<{ uuid: string }> {
    const findByName = async () => {
      const existing = await this.findSystemAccountByName(account.name);
      return existing ? { took: { uuid: existing.uuid } } : undefined;
    };
    return this.http.writeOnce(async () => {
      const response = await this.http.request('createSystemAccount', { json: account });
      const uuid = uuidFromCreate(response.headers.location, response.body);
      if (uuid !== undefined) return { uuid };
      const found = await findByName();
      if (found) return found.took;
      throw new ResponseShapeError(
        'POST',
        ENDPOINTS.createSystemAccount.path,
        `PactFlow answered the create without the new account's uuid, and no system account named ${JSON.stringify(account.name)} can be found`,
        SHAPE_HINT,
      );
    }, findByName);
  }

  /**
   * PUT is a full replace, so the body is the whole user — uuid, name, active, type 1, and email
   * only when the account has one — as the Terraform provider's verified interaction sends it.
   * Answers `active` as PactFlow left it (the verified answer carries it; read back if not): an
   * organization moved to SmartBear API Hub ignores `active`.
   */
  async updateUser(user: UserValues): Promise<{ active: boolean }> {
    const response = await this.http.request('updateUser', {
      params: { user: user.uuid },
      json: {
        uuid: user.uuid,
        name: user.name,
        active: user.active,
        type: 1,
        ...(user.email === undefined ? {} : { email: user.email }),
      },
    });
    const active = (response.body as { active?: unknown } | null | undefined)?.active;
    if (typeof active === 'boolean') return { active };
    return { active: (await this.getUser(user.uuid)).active };
  }

  async deleteUser(uuid: string): Promise<void> {
    await this.http.request('deleteUser', { params: { user: uuid } });
  }

  async setRoles(uuid: string, roleUuids: string[]): Promise<void> {
    await this.http.request('setRoles', { params: { user: uuid }, json: { roles: roleUuids } });
  }

  /** Adds one member; how it is sent and confirmed is TeamMembers' business. */
  async addTeamMember(teamUuid: string, userUuid: string): Promise<void> {
    await this.teamMembers.add(teamUuid, userUuid);
  }

  async removeTeamMember(teamUuid: string, userUuid: string): Promise<void> {
    await this.teamMembers.remove(teamUuid, userUuid);
  }

  /** Creates a custom role; on an unknown outcome the catalogue is re-read for it by name. */
  async createRole(role: RoleBody): Promise<{ uuid: string }> {
    return this.http.writeOnce(
      async () => {
        const response = await this.http.request('createRole', { json: roleBody(role) });
        return { uuid: new Checker('POST', ENDPOINTS.createRole.path).role(response.body, 'body').uuid };
      },
      async () => {
        const found = (await this.listRoles()).find((r) => r.name.toLowerCase() === role.name.toLowerCase());
        return found ? { took: { uuid: found.uuid } } : undefined;
      },
    );
  }

  /** PUT is a full replace: the role's name, description and exactly these scopes. */
  async updateRole(uuid: string, role: RoleBody): Promise<void> {
    await this.http.request('updateRole', { params: { role: uuid }, json: roleBody(role) });
  }

  async deleteRole(uuid: string): Promise<void> {
    await this.http.request('deleteRole', { params: { role: uuid } });
  }
}

/** A role's wire body: permissions as `{scope}` objects, as PactFlow's role routes take them. */
const roleBody = (role: RoleBody) => ({
  name: role.name,
  ...(role.description === undefined ? {} : { description: role.description }),
  permissions: role.permissions.map((scope) => ({ scope })),
});
const systemAccounts = (active: boolean): Query => ({ userType: 1, active });
const userItem = (check: Checker, value: unknown, index: number) => check.user(value, `users[${index}]`);

/** The new account's uuid: from `Location`, else from a body carrying it; undefined when neither has it. */
function uuidFromCreate(location: unknown, body: unknown): string | undefined {
  const header = Array.isArray(location) ? location[0] : location;
  if (typeof header === 'string') {
    const match = /\/admin\/system-accounts\/([^/?#]+)\/?(?:[?#].*)?$/.exec(header);
    if (match) return decodeURIComponent(match[1]!);
  }
  const uuid = (body as { uuid?: unknown } | null | undefined)?.uuid;
  return typeof uuid === 'string' && uuid !== '' ? uuid : undefined;
}
