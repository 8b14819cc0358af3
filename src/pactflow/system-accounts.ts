import type { ApiUser } from './types.js';
import { ENDPOINTS } from './endpoints.js';
import { IncompleteListError } from './pages.js';
import type { PageReader, Query, ReadProgress } from './pages.js';
import type { Checker } from './checks.js';

export const systemAccounts = (active: boolean): Query => ({ userType: 1, active });
export const userItem = (check: Checker, value: unknown, index: number) =>
  check.user(value, `users[${index}]`);

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
export async function readSystemAccounts(pages: PageReader, onProgress?: ReadProgress): Promise<ApiUser[]> {
  for (let attempt = 1; ; attempt++) {
    const read = await readBothLists(pages, onProgress);
    const problem = countProblem(read);
    if (problem === undefined) return read.merged;
    if (attempt >= 2) throw new IncompleteListError(ENDPOINTS.listUsers.path, problem);
  }
}

/** What one read of both lists found, and the counts to check it against. */
interface BothLists {
  merged: ApiUser[];
  /** Accounts read, by uuid, in both lists together. */
  read: number;
  /** The enabled total as page 1 stated it, and as the recount did. */
  enabledStated?: number | undefined;
  enabledNow?: number | undefined;
  disabledStated?: number | undefined;
}

/** Progress over both lists: the sum read, and the total once both have stated theirs. */
function combinedProgress(onProgress: ReadProgress | undefined) {
  if (!onProgress) return undefined;
  const read = [0, 0];
  const stated: (number | undefined)[] = [undefined, undefined];
  return (list: 0 | 1): ReadProgress =>
    (r, total) => {
      read[list] = r;
      stated[list] = total;
      const [e, d] = stated;
      onProgress(read[0]! + read[1]!, e === undefined || d === undefined ? undefined : e + d);
    };
}

/**
 * The enabled list's page 1, then the rest of it beside the whole disabled list, then the recount
 * of the enabled total beside the last disabled page.
 */
async function readBothLists(pages: PageReader, onProgress: ReadProgress | undefined): Promise<BothLists> {
  const progress = combinedProgress(onProgress);
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
    pages.paged('listUsers', 'users', systemAccounts(true), userItem, {
      onProgress: progress?.(0),
      onFirstPage: counted,
      halt: halt.signal,
    }),
  );
  const readDisabled = () =>
    pages.paged('listUsers', 'users', systemAccounts(false), userItem, {
      onProgress: progress?.(1),
      halt: halt.signal,
    });
  const disabled = stopOnFailure(firstEnabledCount.then(readDisabled));
  const recount = () => pages.readPage('listUsers', 'users', systemAccounts(true), userItem, 1);
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
  return {
    merged: [...byUuid.values()].filter((u) => u.type === 1),
    read: byUuid.size,
    enabledStated: e.stated,
    enabledNow: e.stated === undefined ? undefined : (await recounted)?.page?.totalElements,
    disabledStated: d.stated,
  };
}

/** Why the counts say an account was missed, or undefined when they agree (or there are none). */
function countProblem(r: BothLists): string | undefined {
  if (r.enabledStated === undefined || r.enabledNow === undefined) return undefined;
  // Moves that cancel out in the enabled total can still leave an account in neither list: the
  // accounts read then number fewer than the enabled total now plus the disabled total as its
  // pages stated it, two counts only one round trip apart.
  const total = r.disabledStated === undefined ? r.read : r.enabledNow + r.disabledStated;
  if (r.enabledNow === r.enabledStated && r.read === total) return undefined;
  return r.enabledNow !== r.enabledStated
    ? `the enabled system accounts went from ${r.enabledStated} to ${r.enabledNow} while the lists were read`
    : `the lists held ${r.read} system accounts where PactFlow counted ${total}`;
}
