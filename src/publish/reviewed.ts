import type { Plan } from '../plan/types.js';
import { PLAIN } from '../render/color.js';
import { roleChangeTextLines } from '../render/permissions.js';
import { code } from '../render/markdown-kit.js';
import { SYMBOLS, changeTitle, fieldText } from '../render/text.js';
import { fieldChanges } from '../render/words.js';

/** What a reviewer saw: the plan's hash and one line per change, as the plan comment carries it. */
export interface ReviewedPlan {
  hash: string;
  changes: string[];
}

const DATA = /<!-- pactflow-accounts-reviewed:([A-Za-z0-9+/=]+) -->/;

/** One line per change, accounts then roles (both are in the hash): its symbol, title and fields. */
export function changeLines(plan: Plan): string[] {
  return [
    ...plan.changes.map((change) =>
      [
        `${SYMBOLS[change.action]} ${changeTitle(change)}`,
        ...fieldChanges(change).map((f) => fieldText(f, PLAIN)),
      ].join('; '),
    ),
    ...plan.roleChanges.map((change) =>
      roleChangeTextLines(change)
        .map((line) => line.trim())
        .join('; '),
    ),
  ];
}

/**
 * A hidden block for the plan comment: base64 JSON (no `--` can end the HTML comment early). Past
 * `room` characters only the hash goes in, so the comment stays under the host's size limit.
 */
export function reviewedBlock(plan: Plan, room: number): string {
  const encode = (data: ReviewedPlan) =>
    `<!-- pactflow-accounts-reviewed:${Buffer.from(JSON.stringify(data)).toString('base64')} -->`;
  const full = encode({ hash: plan.hash, changes: changeLines(plan) });
  return full.length <= room ? full : encode({ hash: plan.hash, changes: [] });
}

export function readReviewedBlock(body: string): ReviewedPlan | undefined {
  const match = DATA.exec(body);
  if (!match) return undefined;
  try {
    const data = JSON.parse(Buffer.from(match[1]!, 'base64').toString('utf8')) as Partial<ReviewedPlan>;
    if (typeof data.hash !== 'string' || !Array.isArray(data.changes)) return undefined;
    return { hash: data.hash, changes: data.changes.filter((c): c is string => typeof c === 'string') };
  } catch {
    return undefined;
  }
}

export type Comparison =
  | { kind: 'same'; hash: string }
  | { kind: 'different'; reviewed: string; applied: string; removed: string[]; added: string[] }
  | { kind: 'unreviewed'; applied: string; reason: string };

export function comparePlans(reviewed: ReviewedPlan | undefined, plan: Plan, reason: string): Comparison {
  if (!reviewed) return { kind: 'unreviewed', applied: plan.hash, reason };
  if (reviewed.hash === plan.hash) return { kind: 'same', hash: plan.hash };
  const now = changeLines(plan);
  return {
    kind: 'different',
    reviewed: reviewed.hash,
    applied: plan.hash,
    removed: reviewed.changes.filter((c) => !now.includes(c)),
    added: now.filter((c) => !reviewed.changes.includes(c)),
  };
}

/** Markdown for the request: the reviewed plan, or exactly how this plan differs from it. */
export function renderComparison(comparison: Comparison, verb: 'applied' | 'to apply'): string {
  switch (comparison.kind) {
    case 'same':
      return verb === 'applied'
        ? `✅ Applied the reviewed plan (hash <code>${comparison.hash}</code>).\n`
        : `✅ The plan to apply is the reviewed plan (hash <code>${comparison.hash}</code>).\n`;
    case 'unreviewed':
      return `⚠️ No reviewed plan to compare with: ${comparison.reason}. The plan ${verb === 'applied' ? 'applied' : 'to apply'} has hash <code>${comparison.applied}</code>.\n`;
    case 'different': {
      const lines = [
        `⚠️ The plan ${verb === 'applied' ? 'applied' : 'to apply'} (hash <code>${comparison.applied}</code>) differs from the reviewed plan (hash <code>${comparison.reviewed}</code>):`,
        '',
        ...comparison.removed.map((c) => `- reviewed, not in this plan: ${code(c)}`),
        ...comparison.added.map((c) => `- in this plan, not reviewed: ${code(c)}`),
      ];
      if (!comparison.removed.length && !comparison.added.length)
        lines.push('- the same changes, with different steps or in a different order');
      return lines.join('\n') + '\n';
    }
  }
}
