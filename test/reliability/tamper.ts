import fc from 'fast-check';
import type { Change, Plan, Step } from '../../src/plan/types.js';

/** Edits a person could make to a saved plan by hand: labels, targets and steps. */
export type Edit =
  | { kind: 'labels' }
  | { kind: 'drop-refusals' }
  | { kind: 'retarget'; change: number; user: number }
  | { kind: 'add-step'; change: number; step: number; first: boolean }
  | { kind: 'new-change'; user: number; step: number };

const STEPS: Step[] = [
  { kind: 'delete' },
  { kind: 'disable' },
  { kind: 'set-roles', roles: [{ uuid: 'r-admin', name: 'Administrator' }] },
  { kind: 'set-roles', roles: [{ uuid: 'r-admin', name: 'CI/CD' }] },
  { kind: 'set-roles', roles: [{ uuid: 'r-cicd', name: 'CI/CD' }] },
  { kind: 'rename', name: 'ci-renamed' },
  { kind: 'rename', name: 'bot-sneaky' },
  { kind: 'reconcile', spec: { admin: true }, administrator: { uuid: 'r-viewer', name: 'Viewer' } },
  { kind: 'reconcile', spec: { roles: [{ uuid: 'r-admin', name: 'Administrator' }] } },
  { kind: 'create', name: 'ci-made-up' },
  { kind: 'create', name: 'svc-outside' },
  { kind: 'enable' },
];

export const editsArb: fc.Arbitrary<Edit[]> = fc.array(
  fc.oneof(
    fc.constant<Edit>({ kind: 'labels' }),
    fc.constant<Edit>({ kind: 'drop-refusals' }),
    fc.record({ kind: fc.constant('retarget' as const), change: fc.nat(), user: fc.nat() }),
    fc.record({
      kind: fc.constant('add-step' as const),
      change: fc.nat(),
      step: fc.nat(STEPS.length - 1),
      first: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('new-change' as const), user: fc.nat(), step: fc.nat(STEPS.length - 1) }),
  ),
  { maxLength: 5 },
);

/** The plan with the edits made, as `apply plan.json` would read it back from disk. */
export function tamper(plan: Plan, edits: readonly Edit[], userUuids: readonly string[]): Plan {
  const out = structuredClone(plan);
  const pick = <T>(list: readonly T[], i: number) => (list.length ? list[i % list.length] : undefined);
  for (const edit of edits) {
    switch (edit.kind) {
      case 'labels':
        for (const c of out.changes) {
          c.risks = [];
          c.action = 'update';
        }
        for (const limit of Object.values(out.guards.limits)) limit.limit = 999;
        out.guards = { ...out.guards, exceeded: [], refusals: [], ok: true };
        for (const key of Object.keys(out.summary) as (keyof Plan['summary'])[]) out.summary[key] = 0;
        break;
      case 'drop-refusals':
        for (const c of out.changes) delete c.refused;
        break;
      case 'retarget': {
        const change = pick(out.changes, edit.change);
        const uuid = pick(userUuids, edit.user);
        if (change && uuid) change.uuid = uuid;
        break;
      }
      case 'add-step': {
        const change = pick(out.changes, edit.change);
        const step = structuredClone(STEPS[edit.step]!);
        if (change && edit.first) change.steps.unshift(step);
        else if (change) change.steps.push(step);
        break;
      }
      case 'new-change': {
        const uuid = pick(userUuids, edit.user);
        if (!uuid) break;
        const change: Change = {
          account: 'ci-a',
          uuid,
          action: 'update',
          origin: 'file',
          before: null,
          after: null,
          steps: [structuredClone(STEPS[edit.step]!)],
          risks: [],
          fingerprint: 'sha256:00000000000000000000000000000000',
        };
        out.changes.push(change);
        break;
      }
    }
  }
  return out;
}
