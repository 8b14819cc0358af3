import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashChanges } from '../../src/plan/fingerprint.js';
import type { Plan } from '../../src/plan/types.js';
import {
  changeLines,
  comparePlans,
  readReviewedBlock,
  renderComparison,
  reviewedBlock,
} from '../../src/publish/reviewed.js';

const plan = JSON.parse(readFileSync('test/fixtures/plans/mixed/plan.json', 'utf8')) as Plan;
const without = (p: Plan, n: number): Plan => {
  const changes = p.changes.filter((_, i) => i !== n);
  return { ...p, changes, hash: hashChanges(changes) };
};

describe('what was reviewed is what is applied', () => {
  it('the hash depends on the changes only', () => {
    expect(hashChanges(plan.changes)).toBe(plan.hash);
    expect(hashChanges(plan.changes.map((c) => ({ ...c, fingerprint: 'sha256:other' })))).toBe(plan.hash);
    expect(without(plan, 0).hash).not.toBe(plan.hash);
  });

  it('the hidden block round-trips through a comment body', () => {
    const body = `${'text\n'.repeat(3)}${reviewedBlock(plan, 60_000)}\n`;
    expect(readReviewedBlock(body)).toEqual({ hash: plan.hash, changes: changeLines(plan) });
    expect(changeLines(plan)).toHaveLength(plan.changes.length);
  });

  it('with no room, only the hash goes in', () => {
    expect(readReviewedBlock(reviewedBlock(plan, 10))).toEqual({ hash: plan.hash, changes: [] });
  });

  it('the same plan reads as applied as reviewed', () => {
    const c = comparePlans(readReviewedBlock(reviewedBlock(plan, 60_000)), plan, 'n/a');
    expect(renderComparison(c, 'applied')).toBe(
      `✅ Applied the reviewed plan (hash <code>${plan.hash}</code>).\n`,
    );
  });

  it('a different plan names exactly the changes that differ', () => {
    const reviewed = readReviewedBlock(reviewedBlock(without(plan, 0), 60_000));
    const c = comparePlans(reviewed, plan, 'n/a');
    expect(c.kind).toBe('different');
    if (c.kind !== 'different') return;
    expect(c.removed).toEqual([]);
    expect(c.added).toEqual([changeLines(plan)[0]]);
    const text = renderComparison(c, 'applied');
    expect(text).toContain(`differs from the reviewed plan (hash <code>${without(plan, 0).hash}</code>)`);
    expect(text.match(/in this plan, not reviewed/g)).toHaveLength(1);
  });

  it('a role change that differs is named too, not passed off as a reordering', () => {
    const roles = JSON.parse(readFileSync('test/fixtures/plans/roles/plan.json', 'utf8')) as Plan;
    const fewer = roles.roleChanges.slice(1);
    const reviewedPlan: Plan = { ...roles, roleChanges: fewer, hash: hashChanges(roles.changes, fewer) };
    const c = comparePlans(readReviewedBlock(reviewedBlock(reviewedPlan, 60_000)), roles, 'n/a');
    expect(c.kind).toBe('different');
    if (c.kind !== 'different') return;
    expect(c.removed).toEqual([]);
    expect(c.added).toHaveLength(1);
    expect(c.added[0]).toContain('role Contract Publisher will be created');
    expect(renderComparison(c, 'applied')).not.toContain('different steps or in a different order');
  });

  it('no reviewed plan says why', () => {
    expect(
      renderComparison(comparePlans(undefined, plan, 'no plan comment on pull request #3'), 'to apply'),
    ).toContain('No reviewed plan to compare with: no plan comment on pull request #3');
  });
});
