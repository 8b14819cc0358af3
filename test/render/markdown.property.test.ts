import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/apply/types.js';
import type { Action, Change, Plan, Risk, UnmanagedAccount } from '../../src/plan/types.js';
import { ACTIONS } from '../../src/plan/types.js';
import { renderApplyMarkdown } from '../../src/render/apply-report.js';
import { renderDiagnosticsMarkdown } from '../../src/render/diagnostics.js';
import { MARKDOWN_LIMIT } from '../../src/render/markdown-kit.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { HOSTILE_PART } from './big-plans.js';
import { markdownProblems } from './markdown-checks.js';

/** Names from any Unicode, hostile fragments and long runs: what a saved plan or the API may hold. */
const name = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(HOSTILE_PART, '</details>', '\u202e\u2066', '`|`', ''),
  fc.string({ unit: 'binary', minLength: 300, maxLength: 1_500 }),
);

const RISKS: Risk[] = ['delete', 'disable', 'admin-grant', 'admin-revoke'];

function change(i: number, base: string, action: Action, risky: boolean, refused: boolean): Change {
  const account = `${base}${i}`;
  return {
    account,
    uuid: `u${i}`,
    action,
    origin: i % 3 === 0 ? 'unmanaged' : 'file',
    before:
      action === 'create'
        ? null
        : { name: account, state: 'enabled', admin: false, roles: [base], teams: [base] },
    after:
      action === 'delete'
        ? null
        : { name: account, state: 'disabled', admin: true, roles: ['CI/CD'], teams: [] },
    steps: [],
    risks: risky ? [RISKS[i % RISKS.length]!] : [],
    ...(refused
      ? { refused: { guard: 'protected' as const, message: `"${account}" is in policy.protected` } }
      : {}),
    fingerprint: 'f',
  };
}

/** A plan of up to thousands of entries, built cheaply from a few generated names. */
const plans = fc
  .record({
    base: name,
    other: name,
    changes: fc.nat({ max: 1_500 }),
    unmanaged: fc.nat({ max: 3_000 }),
    action: fc.constantFrom(...ACTIONS),
    riskyEvery: fc.integer({ min: 1, max: 5 }),
    refusedEvery: fc.integer({ min: 1, max: 50 }),
    file: name,
    baseUrl: name,
    limit: fc.oneof(fc.constant(MARKDOWN_LIMIT), fc.integer({ min: 1_000, max: MARKDOWN_LIMIT })),
  })
  .map((g) => {
    const changes = Array.from({ length: g.changes }, (_, i) =>
      change(
        i,
        g.base,
        ACTIONS[(i + ACTIONS.indexOf(g.action)) % ACTIONS.length]!,
        i % g.riskyEvery === 0,
        i % g.refusedEvery === 0,
      ),
    );
    const unmanaged: UnmanagedAccount[] = Array.from({ length: g.unmanaged }, (_, i) => ({
      name: `${g.other}${i}`,
      uuid: `m${i}`,
      active: i % 2 === 0,
      disposition: (['ignore', 'protected', 'already-disabled'] as const)[i % 3]!,
    }));
    const refusals = changes.flatMap((c) => (c.refused ? [{ account: c.account, ...c.refused }] : []));
    const plan: Plan = {
      formatVersion: 1,
      generator: 't',
      baseUrl: g.baseUrl,
      desired: { file: g.file, sha256: '0' },
      caller: { uuid: 'c', name: 'caller' },
      targets: null,
      summary: {
        create: 0,
        rename: 0,
        update: 0,
        enable: 0,
        disable: 0,
        delete: 0,
        unchanged: 7,
        unmanaged: 0,
        outOfScope: 0,
        refused: 0,
      },
      hash: '0123456789ab',
      guards: {
        limits: {
          maxDeletes: { count: 3, limit: 0 },
          maxDisables: { count: 0, limit: 5 },
          maxAdminChanges: { count: 0, limit: 1 },
        },
        exceeded: refusals.length ? ['maxDeletes'] : [],
        refusals,
        ok: refusals.length === 0,
      },
      changes,
      roleChanges: [],
      unmanaged,
    };
    return {
      plan,
      limit: g.limit,
      entries: (refusals.length ? refusals.length + 1 : 0) + changes.length + unmanaged.length,
    };
  });

const mores = (md: string) =>
  [...md.matchAll(/… and ([\d,]+) more \(see the JSON plan\)/g)].reduce(
    (n, m) => n + Number(m[1]!.replace(/,/g, '')),
    0,
  );

/** Entries a reader sees: refusal lines, risky changes, folded changes, unmanaged accounts. */
const shownEntries = (md: string) =>
  (md.match(/^(?:> - (?!…)|- \S+ \*\*<code>|<details>|- <code>)/gm) ?? []).length;

describe('Markdown stays within its limit, whatever the plan holds', () => {
  it('plans: at most the limit, no block cut, nothing raw, and every entry shown or counted', () => {
    fc.assert(
      fc.property(plans, ({ plan, limit, entries }) => {
        const md = renderPlanMarkdown(plan, { limit });
        expect(md.length).toBeLessThanOrEqual(limit);
        expect(markdownProblems(md)).toEqual([]);
        if (md.includes('too large to show here')) return;
        expect(shownEntries(md) + mores(md)).toBe(entries);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('diagnostics and apply reports: at most the limit', () => {
    fc.assert(
      fc.property(
        name,
        fc.nat({ max: 3_000 }),
        fc.integer({ min: 1_000, max: MARKDOWN_LIMIT }),
        (text, n, limit) => {
          const diagnostics = Array.from({ length: n }, (_, i) => ({
            severity: i % 4 === 0 ? ('warning' as const) : ('error' as const),
            code: 'c',
            summary: `${text} ${i}`,
            detail: text,
            file: text,
            line: i,
            column: 1,
          }));
          const report = renderDiagnosticsMarkdown(diagnostics, text, { limit });
          expect(report.length).toBeLessThanOrEqual(limit);
          expect(markdownProblems(report)).toEqual([]);
          const outcomes: Outcome[] = Array.from({ length: n }, (_, i) => ({
            account: `${text}${i}`,
            action: 'update',
            status: (['done', 'failed', 'interrupted', 'skipped'] as const)[i % 4]!,
            message: text,
            calls: 1,
          }));
          const applied = renderApplyMarkdown({ outcomes, interrupted: false }, { limit });
          expect(applied.length).toBeLessThanOrEqual(limit);
          expect(markdownProblems(applied)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
