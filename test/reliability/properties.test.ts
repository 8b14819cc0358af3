import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute.js';
import { computePlan } from '../../src/plan/compute.js';
import type { Plan } from '../../src/plan/types.js';
import { checkGuards, guardContext } from '../../src/plan/guards.js';
import { fetchLiveState } from '../../src/state/live-state.js';
import { compileGlob, scopeMatcher } from '../../src/util/glob.js';
import { desiredFrom } from '../helpers/states.js';
import { fileArb, generousLimits, orgArb, smallLimits } from './arbitraries.js';
import { FakeOrg } from './fake-org.js';
import { editsArb, tamper } from './tamper.js';

// Invariants over random organizations and files, 1,000 cases each, on the real planner, guards
// and executor over an in-memory organization (fast-check shrinks any counterexample).
const RUNS = { numRuns: 1_000 };
const OPTIONS = { baseUrl: 'https://fake.pactflow.test', generator: 'property' };

async function planFor(fake: FakeOrg, text: string, desired = desiredFrom(text)) {
  const live = await fetchLiveState(fake);
  const { plan, diagnostics } = computePlan(desired, live, OPTIONS);
  expect(diagnostics).toEqual([]);
  return { desired, live, plan: plan! };
}

describe('properties', () => {
  it('apply, then plan, is empty', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(orgArb, fileArb(generousLimits), async (org, file) => {
        const fake = new FakeOrg(org);
        const { desired, live, plan } = await planFor(fake, file.text);
        if (!checkGuards(plan, guardContext(live, desired.policy)).ok) return; // apply would not run
        const result = await executePlan(plan, fake, { live: live.accounts });
        if (plan.changes.length > 0) applied++;
        expect(result.outcomes.filter((o) => o.status !== 'done')).toEqual([]);
        const again = computePlan(desired, await fetchLiveState(fake), OPTIONS).plan!;
        expect(again.changes).toEqual([]);
      }),
      RUNS,
    );
    // Most cases must really apply something, or the property would prove little.
    expect(applied).toBeGreaterThan(RUNS.numRuns / 3);
  });

  it('plan is deterministic, whatever order the API lists things in, and sends no write', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, fileArb(smallLimits), async (org, file) => {
        const fake = new FakeOrg(org);
        const reversed = new FakeOrg({
          ...org,
          users: [...org.users].reverse(),
          roles: [...org.roles].reverse(),
        });
        const desired = desiredFrom(file.text);
        const first = (await planFor(fake, file.text, desired)).plan;
        const second = (await planFor(fake, file.text, desired)).plan;
        const third = (await planFor(reversed, file.text, desired)).plan;
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect(JSON.stringify(third)).toBe(JSON.stringify(first));
        expect([...fake.writes, ...reversed.writes]).toEqual([]);
      }),
      RUNS,
    );
  });

  it('no human user, out-of-scope or protected account (nor the token owner) is ever written to, even from an edited plan', async () => {
    let wrote = 0;
    await fc.assert(
      fc.asyncProperty(orgArb, fileArb(generousLimits), editsArb, async (org, file, edits) => {
        const fake = new FakeOrg(org);
        const { desired, live, plan } = await planFor(fake, file.text);
        const edited: Plan = tamper(
          plan,
          edits,
          org.users.map((u) => u.uuid),
        );
        if (!checkGuards(edited, guardContext(live, desired.policy)).ok) return;
        const before = fake.snapshot();
        await executePlan(edited, fake, { live: live.accounts });
        if (fake.writes.length > 0) wrote++;
        const after = fake.snapshot();
        const inScope = scopeMatcher(desired.policy);
        const isProtected = (name: string) => desired.policy.protected.some((p) => compileGlob(p).test(name));
        for (const write of fake.writes) {
          const was = before.get(write.uuid);
          const name = was?.name ?? after.get(write.uuid)?.name;
          if (was) {
            expect(was.type, `${write.op} on a person`).toBe(1);
            expect(write.uuid, 'the token owner').not.toBe(org.callerUuid);
          }
          if (name !== undefined) {
            expect(inScope(name), `${write.op} on out-of-scope ${name}`).toBe(true);
            expect(isProtected(name), `${write.op} on protected ${name}`).toBe(false);
          }
        }
      }),
      RUNS,
    );
    expect(wrote).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it("no edit of a saved plan's risks, guards or summary (or its steps) lets apply exceed the file's limits", async () => {
    let wrote = 0;
    await fc.assert(
      fc.asyncProperty(orgArb, fileArb(smallLimits), editsArb, async (org, file, edits) => {
        const fake = new FakeOrg(org);
        const { desired, live, plan } = await planFor(fake, file.text);
        const edited = tamper(
          plan,
          [{ kind: 'labels' }, ...edits],
          org.users.filter((u) => u.type === 1).map((u) => u.uuid),
        );
        if (!checkGuards(edited, guardContext(live, desired.policy)).ok) return;
        const before = fake.snapshot();
        await executePlan(edited, fake, { live: live.accounts });
        if (fake.writes.length > 0) wrote++;
        const after = fake.snapshot();
        const admin = (u: { roles: string[] } | undefined) => u?.roles.includes('r-admin') ?? false;
        let deletes = 0;
        let disables = 0;
        let adminChanges = 0;
        for (const [uuid, was] of before) {
          const now = after.get(uuid);
          if (!now) deletes++;
          else if (was.active && !now.active) disables++;
          if (now && admin(was) !== admin(now)) adminChanges++;
        }
        for (const [uuid, now] of after) if (!before.has(uuid) && admin(now)) adminChanges++;
        const { limits } = desired.policy;
        expect(deletes).toBeLessThanOrEqual(limits.maxDeletes);
        expect(disables).toBeLessThanOrEqual(limits.maxDisables);
        expect(adminChanges).toBeLessThanOrEqual(limits.maxAdminChanges);
      }),
      RUNS,
    );
    expect(wrote).toBeGreaterThan(RUNS.numRuns / 10);
  });
});
