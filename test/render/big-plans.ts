import { computePlan } from '../../src/plan/compute.js';
import type { Plan } from '../../src/plan/types.js';
import { desiredFrom, liveState } from '../helpers/states.js';

const options = { baseUrl: 'https://acme.pactflow.io', generator: 't' };
const pad = (i: number) => String(i).padStart(5, '0');
/** Every trick at once: markup, a bidi override, zero-width and control characters, a closing tag. */
export const HOSTILE_PART =
  '</details><img src=x>|`x`|[l](http://e.example) \u202e\u200b\u0007 @team #1 $x$ ';

/** 1,500 protected accounts the file asks to disable: 1,500 refusals. */
export function protectedPlan(n = 1500): Plan {
  const names = Array.from({ length: n }, (_, i) => `ci-protected-account-${pad(i)}`);
  const yaml = [
    'version: 1',
    'policy:',
    `  protected: [${names.join(', ')}]`,
    'systemAccounts:',
    ...names.map((name) => `  - {name: ${name}, state: disabled}`),
    '',
  ].join('\n');
  return computePlan(desiredFrom(yaml), liveState(names.map((name) => ({ name }))), options).plan!;
}

/** 5,000 live accounts the file does not list (policy.unmanaged: ignore) and one change. */
export function unmanagedPlan(n = 5000): Plan {
  const live = Array.from({ length: n }, (_, i) => ({ name: `ci-unmanaged-account-${pad(i)}` }));
  const yaml = 'version: 1\nsystemAccounts:\n  - {name: ci-new}\n';
  return computePlan(desiredFrom(yaml), liveState(live), options).plan!;
}

/** Accounts whose names are long and hostile: creates, deletes (policy.unmanaged) and refusals. */
export function hostilePlan(n = 400, length = 1_000): Plan {
  const name = (prefix: string, i: number) =>
    `${prefix}-${pad(i)}-${HOSTILE_PART.repeat(Math.ceil(length / HOSTILE_PART.length))}`
      .slice(0, length)
      .trimEnd();
  const created = Array.from({ length: n }, (_, i) => name('new', i));
  const live = Array.from({ length: n }, (_, i) => ({ name: name('old', i) }));
  const yaml = [
    'version: 1',
    'policy:',
    '  unmanaged: delete',
    'systemAccounts:',
    ...created.map((c) => `  - name: ${JSON.stringify(c)}`),
    '',
  ].join('\n');
  return computePlan(desiredFrom(yaml), liveState(live), options).plan!;
}
