import type { DesiredState } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';
import type { LiveState } from '../state/types.js';
import { nameKey } from '../util/names.js';
import type { Change } from './types.js';

/**
 * Whether the file gives an account a name no live system account has: a create, or a rename to
 * it. PactFlow refuses such a write when a person has the name, so the people are read for it.
 */
export function givesNewNames(desired: DesiredState, live: LiveState): boolean {
  const taken = new Set(live.accounts.map((a) => nameKey(a.name)));
  return desired.accounts.some((a) => a.state !== 'deleted' && !taken.has(nameKey(a.name)));
}

/**
 * A create or rename to a name a person has in PactFlow: an error at the entry, before anything is
 * written (PactFlow answers 400, and no second run helps). Unchecked when people were not read.
 */
export function personNameClashes(
  changes: readonly Change[],
  desired: DesiredState,
  live: LiveState,
): Diagnostic[] {
  if (!live.personNames) return [];
  const people = new Map(live.personNames.map((n) => [nameKey(n), n]));
  const entries = new Map(desired.accounts.map((a) => [a.name, a]));
  return changes.flatMap((change) => {
    const newName = change.steps.some((s) => s.kind === 'create' || s.kind === 'rename');
    const person = newName ? people.get(nameKey(change.account)) : undefined;
    const entry = entries.get(change.account);
    if (person === undefined || !entry) return [];
    const at = entry.source.entry;
    return [
      diagnosticAt(
        at,
        'name-of-a-person',
        `${at.path}: the name "${change.account}" is taken by a person in PactFlow ("${person}"), and PactFlow refuses a system account by a person's name`,
        'choose another name for the system account',
      ),
    ];
  });
}
