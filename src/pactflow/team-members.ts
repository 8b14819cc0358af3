import { ApiError, NotFoundError } from '../http/errors.js';
import type { HttpClient } from '../http/client.js';
import { expandPath } from '../http/endpoint.js';
import { Checker } from './checks.js';
import { ENDPOINTS } from './endpoints.js';
import { Alternation } from '../util/alternation.js';

/** A member as a team's member list shows it: always its uuid, its name where the list carries one. */
export interface TeamMember {
  uuid: string;
  name?: string;
}

/**
 * Answers to the JSON Patch that say this PactFlow does not serve it on a team's member list
 * (the application-verified contract has no PATCH there): not a refusal of this addition.
 */
const PATCH_NOT_SERVED = new Set([404, 405, 415, 501]);

/** The read after a team's member list was replaced lacks members that were there before it. */
export class LostMembersError extends ApiError {
  constructor(
    teamUuid: string,
    readonly lost: TeamMember[],
  ) {
    const names = lost.map((m) => (m.name ? `${m.name} (${m.uuid})` : m.uuid)).join(', ');
    super(
      'PUT',
      expandPath(ENDPOINTS.replaceTeamMembers.path, { team: teamUuid }),
      undefined,
      `the team lost ${lost.length === 1 ? 'a member' : `${lost.length} members`} when its member list ` +
        `was replaced: ${names}. They were members just before; add them back to the team in ` +
        `PactFlow (Settings → Teams), then run apply again.`,
    );
  }
}

/**
 * Adds and removes one team's members, the way PactFlow answers:
 * - an addition is the JSON Patch add first; when PactFlow answers it 404, 405, 415 or 501, that
 *   team's additions are a read-modify-write from then on: read the members, PUT every one of
 *   them plus the new account (the application-verified route), read the members again;
 * - writes to one team's member list never overlap: each waits for the one before it, so a PUT
 *   always carries every member as read just before it;
 * - a read-modify-write never overlaps a create or delete of an account (`accountWrite`), which
 *   can change a team's members too (a new account joins the default team; a deleted one leaves
 *   every team): the PUT would undo the one, or name an account that no longer exists;
 * - once a PUT lost members, that team's list is not replaced again in the run;
 * - an addition is reported only once a read shows the account is a member.
 * One instance serves one run.
 */
export class TeamMembers {
  /** Per team, the last write queued on its member list (settled, never rejected). */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Teams whose member list answered the JSON Patch as a route PactFlow does not serve. */
  private readonly patchNotServed = new Set<string>();
  /** Teams whose member list lost members when it was replaced in this run. */
  private readonly lostMembers = new Set<string>();
  /** Read-modify-writes of member lists on one side, creates and deletes of accounts on the other. */
  private readonly turns = new Alternation<'replace' | 'account'>();

  constructor(private readonly http: HttpClient<typeof ENDPOINTS>) {}

  add(teamUuid: string, userUuid: string): Promise<void> {
    return this.inTurn(teamUuid, async () => {
      if (!this.patchNotServed.has(teamUuid)) {
        const served = await this.addByPatch(teamUuid, userUuid);
        if (served) return;
        this.patchNotServed.add(teamUuid);
      }
      await this.addByReplace(teamUuid, userUuid);
    });
  }

  /** Runs a create or delete of an account, never during a read-modify-write of a member list. */
  accountWrite<T>(write: () => Promise<T>): Promise<T> {
    return this.turns.run('account', write);
  }

  remove(teamUuid: string, userUuid: string): Promise<void> {
    return this.inTurn(teamUuid, async () => {
      await this.http.request('removeTeamMember', { params: { team: teamUuid, user: userUuid } });
    });
  }

  /**
   * The team's members (GET /admin/teams/{t}/users, not paged). `settling`: the read follows a PUT
   * already sent, so it finishes even after Ctrl+C (the check for lost members depends on it).
   */
  async list(teamUuid: string, settling = false): Promise<TeamMember[]> {
    const response = await this.http.request('listTeamMembers', {
      params: { team: teamUuid },
      ...(settling ? { interruptible: false as const } : {}),
    });
    const check = new Checker('GET', expandPath(ENDPOINTS.listTeamMembers.path, { team: teamUuid }));
    const embedded = check.object(check.object(response.body, 'body')._embedded, '_embedded');
    return check.array(embedded.users, '_embedded.users').map((value, i) => {
      const user = check.object(value, `users[${i}]`);
      const uuid = check.string(user.uuid, `users[${i}].uuid`);
      return typeof user.name === 'string' ? { uuid, name: user.name } : { uuid };
    });
  }

  /**
   * Whether the account is a member: GET /admin/teams/{t}/users/{u} answers 200 with the member
   * embedded, or 404 (assumed, as for the DELETE) when it is not one.
   */
  async has(teamUuid: string, userUuid: string): Promise<boolean> {
    try {
      const response = await this.http.request('getTeamMember', {
        params: { team: teamUuid, user: userUuid },
      });
      const embedded = (response.body as { _embedded?: { user?: { uuid?: unknown } } } | undefined)
        ?._embedded;
      return embedded?.user?.uuid === userUuid;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /**
   * PUT /admin/teams/{t}/users: the team's members become exactly `users`. Only addByReplace calls
   * it, inside the team's turn and with every member it read just before.
   */
  async replace(teamUuid: string, users: string[]): Promise<void> {
    await this.http.request('replaceTeamMembers', { params: { team: teamUuid }, json: { users } });
  }

  /** Runs `write` once every earlier write to this team's member list has settled. */
  private inTurn(teamUuid: string, write: () => Promise<void>): Promise<void> {
    const before = this.queues.get(teamUuid) ?? Promise.resolve();
    const turn = before.then(write);
    this.queues.set(
      teamUuid,
      turn.catch(() => undefined),
    );
    return turn;
  }

  /** The JSON Patch add, confirmed by a read; false when PactFlow does not serve the PATCH here. */
  private async addByPatch(teamUuid: string, userUuid: string): Promise<boolean> {
    try {
      await this.http.writeOnce(
        async () => {
          await this.http.request('addTeamMember', {
            params: { team: teamUuid },
            json: [{ op: 'add', path: '/users', value: { uuid: userUuid } }],
          });
        },
        async () => ((await this.has(teamUuid, userUuid)) ? { took: undefined } : undefined),
      );
    } catch (error) {
      if (error instanceof ApiError && error.status !== undefined && PATCH_NOT_SERVED.has(error.status))
        return false;
      throw error;
    }
    if (!(await this.has(teamUuid, userUuid))) throw notJoined('PATCH', teamUuid, userUuid);
    return true;
  }

  /**
   * Every member read just before, plus the new account, in one PUT; then a read to check that
   * the account joined and nobody left. A PUT of unknown outcome is checked by a read before it is
   * sent again, and a PUT sent again is built from a fresh read.
   */
  private async addByReplace(teamUuid: string, userUuid: string): Promise<void> {
    if (this.lostMembers.has(teamUuid)) throw new ReplaceStoppedError(teamUuid);
    await this.turns.run('replace', async () => {
      let before: TeamMember[] = [];
      await this.http.writeOnce(
        async () => {
          before = await this.list(teamUuid);
          if (before.some((m) => m.uuid === userUuid)) return;
          await this.replace(teamUuid, [...before.map((m) => m.uuid), userUuid]);
        },
        async () =>
          (await this.list(teamUuid, true)).some((m) => m.uuid === userUuid)
            ? { took: undefined }
            : undefined,
      );
      const after = new Set((await this.list(teamUuid, true)).map((m) => m.uuid));
      const lost = before.filter((m) => !after.has(m.uuid));
      if (lost.length > 0) {
        this.lostMembers.add(teamUuid);
        throw new LostMembersError(teamUuid, lost);
      }
      if (!after.has(userUuid)) throw notJoined('PUT', teamUuid, userUuid);
    });
  }
}

/** An addition not sent: an earlier replace of this team's members in the run lost members. */
export class ReplaceStoppedError extends ApiError {
  constructor(teamUuid: string) {
    super(
      'PUT',
      expandPath(ENDPOINTS.replaceTeamMembers.path, { team: teamUuid }),
      undefined,
      "not sent: an earlier replace of this team's members in this run lost members (named in its failure), so its list is not replaced again. Restore them, then run apply again.",
    );
  }
}

function notJoined(method: string, teamUuid: string, userUuid: string): ApiError {
  return new ApiError(
    method,
    expandPath(ENDPOINTS.addTeamMember.path, { team: teamUuid }),
    undefined,
    `PactFlow accepted the addition, but a read afterwards does not show ${userUuid} as a member`,
  );
}
