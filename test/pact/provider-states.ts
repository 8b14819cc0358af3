import type { RunningEmulator } from '../../src/emulator/server.js';
import type { SeedFile, SeedUser } from '../../src/emulator/seed.js';
import { callEmulator } from '../helpers/emulator.js';

/**
 * Provider states for verifying the consumer contract against the emulator. Each interaction
 * starts from BASE (an administrator, and a person whose role has only the read scopes); its
 * states add to that seed, and the emulator is reset to it before the request is replayed.
 */

export const TOKENS = {
  admin: 'provider-admin-rw',
  adminReadOnly: 'provider-admin-ro',
  reader: 'provider-reader-rw',
  invalid: 'not-a-token-the-emulator-knows',
} as const;

type TokenKind = keyof typeof TOKENS;

function baseSeed(): SeedFile & {
  users: SeedUser[];
  systemAccounts: SeedUser[];
  teams: { name: string; uuid?: string }[];
} {
  return {
    defaultTeam: null,
    roles: [
      {
        name: 'Reader',
        description: 'Reads the admin API, changes nothing',
        permissions: ['user:read:*', 'system_account:read:*', 'team:read:*', 'role:read:*'],
      },
    ],
    teams: [],
    users: [
      {
        name: 'admin',
        email: 'admin@example.com',
        roles: ['Administrator'],
        tokens: { readWrite: TOKENS.admin, readOnly: TOKENS.adminReadOnly },
      },
      { name: 'reader', roles: ['Reader'], tokens: { readWrite: TOKENS.reader } },
    ],
    systemAccounts: [],
  };
}

type Params = Record<string, unknown>;
const text = (params: Params, key: string, fallback: string) =>
  typeof params[key] === 'string' ? (params[key] as string) : fallback;

/** What the states of one interaction asked for, applied to the emulator after each state. */
export class ProviderStates {
  private seed = baseSeed();
  private deleted: string[] = [];
  private token: TokenKind = 'admin';
  /** False until a state or a request of the current interaction has been seen. */
  private begun = false;

  constructor(private readonly emulator: RunningEmulator) {}

  /** The Authorization header the current interaction's request gets. */
  authorization(): string {
    return `Bearer ${TOKENS[this.token]}`;
  }

  /** Called before each request is replayed; an interaction without states starts clean here. */
  async beforeRequest(): Promise<void> {
    if (!this.begun) await this.apply(() => undefined);
    this.begun = false;
  }

  private account(uuid: string, fallbackName = `ci-${uuid.slice(0, 8)}`): SeedUser {
    let account = this.seed.systemAccounts.find((a) => a.uuid === uuid);
    if (!account) {
      account = { name: fallbackName, uuid, roles: ['CI/CD'], teams: [] };
      this.seed.systemAccounts.push(account);
    }
    return account;
  }

  private team(uuid: string, fallbackName = `team-${uuid.slice(0, 8)}`): { name: string; uuid?: string } {
    let team = this.seed.teams.find((t) => t.uuid === uuid);
    if (!team) {
      team = { name: fallbackName, uuid };
      this.seed.teams.push(team);
    }
    return team;
  }

  private async apply(change: () => void): Promise<void> {
    if (!this.begun) {
      this.seed = baseSeed();
      this.deleted = [];
      this.token = 'admin';
      this.begun = true;
    }
    change();
    this.emulator.reset(this.seed);
    for (const uuid of this.deleted)
      await callEmulator(this.emulator.url, 'DELETE', `/admin/users/${uuid}`, { token: TOKENS.admin });
    this.emulator.clearLog();
  }

  /** The state handlers, by the names the consumer contract uses. */
  handlers(): Record<string, (params?: unknown) => Promise<undefined>> {
    const on =
      (change: (params: Params) => void) =>
      async (params?: unknown): Promise<undefined> => {
        await this.apply(() => change((params ?? {}) as Params));
        return undefined;
      };
    return {
      // The verifier announces an interaction without provider states as the empty state.
      '': on(() => undefined),
      'a system account exists': on((p) => {
        const account = this.account(text(p, 'uuid', ''), text(p, 'name', 'ci-example'));
        account.name = text(p, 'name', account.name);
        if (typeof p.email === 'string') account.email = p.email;
        account.state = p.active === false ? 'disabled' : 'enabled';
      }),
      'a team exists': on((p) => {
        this.team(text(p, 'uuid', ''), text(p, 'name', 'Payments')).name = text(p, 'name', 'Payments');
      }),
      'a system account is a member of a team': on((p) => {
        const team = this.team(text(p, 'teamUuid', ''));
        const account = this.account(text(p, 'accountUuid', ''));
        account.teams = [...new Set([...(account.teams ?? []), team.name])];
      }),
      'a role exists': on((p) => {
        this.seed.roles = [
          ...(this.seed.roles ?? []),
          { name: text(p, 'name', 'Example'), uuid: text(p, 'uuid', '') },
        ];
      }),
      'a custom role exists': on((p) => {
        this.seed.roles = [
          ...(this.seed.roles ?? []),
          {
            name: text(p, 'name', 'Custom'),
            uuid: text(p, 'uuid', ''),
            permissions: Array.isArray(p.permissions) ? p.permissions.map(String) : [],
          },
        ];
      }),
      // The base seed holds no account and no role under a uuid a contract picks.
      'no system account exists with that uuid': on(() => undefined),
      'no role exists with that uuid': on(() => undefined),
      'a system account was deleted': on((p) => {
        this.account(text(p, 'uuid', ''));
        this.deleted.push(text(p, 'uuid', ''));
      }),
      'the token is read-only': on(() => (this.token = 'adminReadOnly')),
      'the token is missing or invalid': on(() => (this.token = 'invalid')),
      'the token lacks system_account:manage': on(() => (this.token = 'reader')),
    };
  }
}
