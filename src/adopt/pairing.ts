import type { DesiredAccount, DesiredState } from '../config/types.js';
import { fieldsOf } from '../plan/account.js';
import type { AccountFields } from '../plan/types.js';
import type { LiveAccount, LiveState, Ref } from '../state/types.js';
import { compileGlob, scopeMatcher } from '../util/glob.js';
import { nameKey } from '../util/names.js';

/**
 * How an entry of the file found its live account. The file holds no uuid: an entry whose names
 * no live account has is paired with a live account the file does not list, by the same email
 * when exactly one has it, else as a probable rename when exactly one has the entry's roles,
 * teams and state; otherwise it has none (deleted in PactFlow).
 */
export type Pairing =
  | { kind: 'name'; live: LiveAccount }
  | { kind: 'previous-name'; live: LiveAccount; previous: string }
  | { kind: 'email'; live: LiveAccount }
  | { kind: 'probable'; live: LiveAccount }
  | { kind: 'none' }
  /** Two live accounts by its name: left as it is (plan warns about it too). */
  | { kind: 'ambiguous' };

const setKey = (names: readonly string[]) =>
  names
    .map(nameKey)
    .sort()
    .filter((n, i, all) => all[i - 1] !== n)
    .join('\n');

/** Each entry's pairing, in file order, and the live accounts in scope that no entry took. */
export function pairEntries(
  desired: DesiredState,
  live: LiveState,
  administrator: Ref | undefined,
): { pairings: Pairing[]; unlisted: LiveAccount[] } {
  const byName = new Map<string, LiveAccount[]>();
  for (const a of live.accounts) byName.set(nameKey(a.name), [...(byName.get(nameKey(a.name)) ?? []), a]);
  const claimed = new Set<string>();
  const pairings: Pairing[] = desired.accounts.map((account) => matchByName(account, byName, claimed));
  // A protected account is never changed, so never written into the file either: it pairs with
  // no entry and is not added by --include-unmanaged.
  const inScope = scopeMatcher(desired.policy);
  const protectedGlobs = desired.policy.protected.map(compileGlob);
  const adoptable = (a: LiveAccount) => inScope(a.name) && !protectedGlobs.some((glob) => glob.test(a.name));
  let pool = live.accounts.filter((a) => !claimed.has(a.uuid) && adoptable(a));
  const unpaired = desired.accounts
    .map((account, i) => ({ account, i }))
    .filter(({ account, i }) => pairings[i]!.kind === 'none' && account.state !== 'deleted');
  for (const kind of ['email', 'probable'] as const) {
    const chosen = unpaired
      .filter(({ i }) => pairings[i]!.kind === 'none')
      .map(({ account, i }) => ({ i, candidates: pool.filter((a) => fits(kind, account, a, administrator)) }))
      .filter((c) => c.candidates.length === 1);
    const uses = new Map<string, number>();
    for (const c of chosen) uses.set(c.candidates[0]!.uuid, (uses.get(c.candidates[0]!.uuid) ?? 0) + 1);
    // A live account two entries would take pairs with neither.
    for (const c of chosen) {
      const candidate = c.candidates[0]!;
      if (uses.get(candidate.uuid) !== 1) continue;
      pairings[c.i] = { kind, live: candidate };
      pool = pool.filter((a) => a.uuid !== candidate.uuid);
    }
  }
  return { pairings, unlisted: pool };
}

function matchByName(
  account: DesiredAccount,
  byName: Map<string, LiveAccount[]>,
  claimed: Set<string>,
): Pairing {
  const exact = byName.get(nameKey(account.name)) ?? [];
  for (const a of exact) claimed.add(a.uuid);
  if (exact.length > 1) return { kind: 'ambiguous' };
  if (exact[0]) return { kind: 'name', live: exact[0] };
  const previous = account.previousNames.flatMap((p) =>
    (byName.get(nameKey(p)) ?? []).filter((a) => !claimed.has(a.uuid)).map((a) => ({ p, a })),
  );
  if (previous.length > 1) return { kind: 'ambiguous' };
  if (!previous[0]) return { kind: 'none' };
  claimed.add(previous[0].a.uuid);
  return { kind: 'previous-name', live: previous[0].a, previous: previous[0].p };
}

function fits(
  kind: 'email' | 'probable',
  account: DesiredAccount,
  live: LiveAccount,
  administrator: Ref | undefined,
): boolean {
  if (kind === 'email')
    return account.email !== undefined && live.email?.toLowerCase() === account.email.toLowerCase();
  return sameProfile(account, fieldsOf(live, administrator));
}

/** The entry's state, roles (and Administrator) and teams, where it manages them, are the live account's. */
function sameProfile(account: DesiredAccount, now: AccountFields): boolean {
  if (account.state !== now.state) return false;
  if (account.roles !== undefined && setKey(account.roles) !== setKey(now.roles)) return false;
  const admin = account.admin ?? (account.roles !== undefined ? false : undefined);
  if (admin !== undefined && admin !== now.admin) return false;
  return account.teams === undefined || setKey(account.teams) === setKey(now.teams);
}
