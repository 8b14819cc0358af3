import { ResponseShapeError } from '../http/errors.js';
import type { RoleDefinition } from '../types/roles.js';
import { HttpClient } from '../http/client.js';
import { Checker } from './checks.js';
import { ENDPOINTS } from './endpoints.js';
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
  UserValues,
  Writer,
} from './types.js';
import { PageReader } from './pages.js';
import type { ReadProgress } from './pages.js';
import { readSystemAccounts, systemAccounts, userItem } from './system-accounts.js';
import { TeamMembers } from './team-members.js';
import { nameKey } from '../util/names.js';

/** The PactFlow admin API: reads and writes over one HttpClient, every request from ENDPOINTS. */
export class PactflowClient implements LiveReader, ExtraReader, Writer {
  readonly http: HttpClient<typeof ENDPOINTS>;
  private readonly pages: PageReader;
  /** Team member lists: additions and removals go through addTeamMember and removeTeamMember. */
  readonly teamMembers: TeamMembers;

  constructor(options: PactflowOptions | HttpClient<typeof ENDPOINTS>) {
    this.http = options instanceof HttpClient ? options : pactflowHttp(options);
    this.teamMembers = new TeamMembers(this.http);
    this.pages = new PageReader(this.http);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  close(): void {
    this.http.close();
  }

  async currentUser(): Promise<ApiUser> {
    const { body, check } = await this.pages.get('currentUser');
    return check.user(body);
  }

  async getUser(uuid: string): Promise<ApiUser> {
    const { body, check } = await this.pages.get('getUser', { user: uuid });
    return check.user(body);
  }

  async listRoles(): Promise<ApiRole[]> {
    const { body, check } = await this.pages.get('listRoles');
    const embedded = check.object(check.object(body, 'body')._embedded, '_embedded');
    return check.array(embedded.roles, '_embedded.roles').map((r, i) => check.role(r, `roles[${i}]`));
  }

  async listTeams(): Promise<ApiTeam[]> {
    return (await this.pages.paged('listTeams', 'teams', {}, (check, t, i) => check.team(t, `teams[${i}]`)))
      .items;
  }

  /** Every system account, enabled and disabled, read whole (src/pactflow/system-accounts.ts). */
  async listSystemAccounts(onProgress?: ReadProgress): Promise<ApiUser[]> {
    return readSystemAccounts(this.pages, onProgress);
  }

  /** The enabled (or the disabled) system accounts: one of the two lists listSystemAccounts reads. */
  async listSystemAccountsWhere(active: boolean, onProgress?: ReadProgress): Promise<ApiUser[]> {
    return (await this.pages.paged('listUsers', 'users', systemAccounts(active), userItem, { onProgress }))
      .items;
  }

  async findSystemAccountByName(name: string): Promise<ApiUser | undefined> {
    const { items } = await this.pages.paged('listUsers', 'users', { userType: 1, q: name }, userItem);
    return items.find((u) => u.type === 1 && nameKey(u.name) === nameKey(name));
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
    return (await this.pages.paged('listUsers', 'users', { userType: 0, active }, userItem)).items;
  }

  /** The scopes PactFlow lets a role grant. */
  async listPermissions(): Promise<ApiPermission[]> {
    const { body, check } = await this.pages.get('listPermissions');
    const list = check.array(check.object(body, 'body').permissions, 'permissions');
    return list.map((p, i) => check.permission(p, `permissions[${i}]`));
  }

  /** A system account's tokens: kinds and, where PactFlow says, last use; values are dropped. */
  async listTokens(accountUuid: string): Promise<ApiToken[]> {
    const { body, check } = await this.pages.get('listTokens', { user: accountUuid });
    const embedded = check.object(check.object(body, 'body')._embedded ?? {}, '_embedded');
    return check.array(embedded.items ?? [], '_embedded.items').map((t, i) => check.token(t, `items[${i}]`));
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
    const send = async () => {
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
    };
    // A new account may join the default team: never while a team's member list is replaced.
    return this.teamMembers.accountWrite(() => this.http.writeOnce(send, findByName));
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

  /** A deleted account leaves every team: never while a team's member list is replaced. */
  async deleteUser(uuid: string): Promise<void> {
    await this.teamMembers.accountWrite(() => this.http.request('deleteUser', { params: { user: uuid } }));
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
  async createRole(role: RoleDefinition): Promise<{ uuid: string }> {
    return this.http.writeOnce(
      async () => {
        const response = await this.http.request('createRole', { json: roleBody(role) });
        return { uuid: new Checker('POST', ENDPOINTS.createRole.path).role(response.body, 'body').uuid };
      },
      async () => {
        const found = (await this.listRoles()).find((r) => nameKey(r.name) === nameKey(role.name));
        return found ? { took: { uuid: found.uuid } } : undefined;
      },
    );
  }

  /** PUT is a full replace: the role's name, description and exactly these scopes. */
  async updateRole(uuid: string, role: RoleDefinition): Promise<void> {
    await this.http.request('updateRole', { params: { role: uuid }, json: roleBody(role) });
  }

  async deleteRole(uuid: string): Promise<void> {
    await this.http.request('deleteRole', { params: { role: uuid } });
  }
}

/** A role's wire body: permissions as `{scope}` objects, as PactFlow's role routes take them. */
const roleBody = (role: RoleDefinition) => ({
  name: role.name,
  ...(role.description === undefined ? {} : { description: role.description }),
  permissions: role.permissions.map((scope) => ({ scope })),
});

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
