import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import { MARKDOWN_LIMIT, MARKER, escapeMarkdown, renderPlanMarkdown } from '../../src/render/markdown.js';
import { desiredFrom, liveState } from '../helpers/states.js';

const HOSTILE = '<img src=x onerror=alert(1)> | `x` ](y)';

describe('escapeMarkdown', () => {
  it('leaves no character that could open a tag, link, code span, cell or emphasis', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(escaped).not.toMatch(/[<>`|[\]()]/);
    expect(escaped).toBe('&#60;img src=x onerror=alert&#40;1&#41;&#62; &#124; &#96;x&#96; &#93;&#40;y&#41;');
  });

  it('round-trips: decoding the entities gives the name back, so names are shown, never dropped', () => {
    const name = '**a** _b_ [c](d) <!-- e --> \\ {f} #g ~h~ !i: j';
    const decoded = escapeMarkdown(name).replace(/&#(\d+);/g, (_, n: string) =>
      String.fromCodePoint(Number(n)),
    );
    expect(decoded).toBe(name);
  });

  it('folds line breaks so a name cannot start a new Markdown block', () => {
    expect(escapeMarkdown('a\n# heading')).toBe('a &#35; heading');
  });
});

function bigPlan(count: number) {
  const accounts = Array.from(
    { length: count },
    (_, i) =>
      `  - {name: ci-account-with-a-long-name-${String(i).padStart(5, '0')}, roles: [Read-Only], teams: [Payments]}\n`,
  );
  return computePlan(desiredFrom(`version: 1\nsystemAccounts:\n${accounts.join('')}`), liveState([]), {
    baseUrl: 'https://acme.pactflow.io',
    generator: 't',
  }).plan!;
}

describe('renderPlanMarkdown', () => {
  it('starts with the marker a bot updates in place', () => {
    expect(renderPlanMarkdown(bigPlan(1)).split('\n')[0]).toBe(MARKER);
  });

  it('shows a hostile account name as text', () => {
    const plan = computePlan(
      desiredFrom(`version: 1\nsystemAccounts:\n  - name: "${HOSTILE.replace(/"/g, '\\"')}"\n`),
      liveState([]),
      {
        baseUrl: 'https://acme.pactflow.io',
        generator: 't',
      },
    ).plan!;
    const md = renderPlanMarkdown(plan);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('`x`');
    expect(md).toContain(
      '<b>&#60;img src=x onerror=alert&#40;1&#41;&#62; &#124; &#96;x&#96; &#93;&#40;y&#41;</b>',
    );
  });

  it('stays under 65,000 characters with an explicit notice when there is too much', () => {
    const md = renderPlanMarkdown(bigPlan(2000));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const shown = /(\d+) of 2000 account changes shown/.exec(md);
    expect(shown).not.toBeNull();
    expect(Number(shown![1])).toBeGreaterThan(50);
    expect((md.match(/<details>/g) ?? []).length).toBe(Number(shown![1]));
    expect((md.match(/<\/details>/g) ?? []).length).toBe(Number(shown![1])); // no block cut in half
  });

  it('is not truncated when it fits', () => {
    const md = renderPlanMarkdown(bigPlan(20));
    expect(md).not.toContain('Truncated');
    expect((md.match(/<details>/g) ?? []).length).toBe(20);
  });

  it('puts risky changes first', () => {
    const plan = computePlan(
      desiredFrom(
        'version: 1\nsystemAccounts:\n  - {name: aaa, roles: [Viewer]}\n  - {name: zzz, state: disabled}\n',
      ),
      liveState([{ name: 'aaa' }, { name: 'zzz' }]),
      { baseUrl: 'https://x.pactflow.io', generator: 't' },
    ).plan!;
    const md = renderPlanMarkdown(plan);
    expect(md.indexOf('<b>zzz</b>')).toBeLessThan(md.indexOf('<b>aaa</b>'));
    expect(md.indexOf('Risky changes')).toBeLessThan(md.indexOf('<b>zzz</b>'));
  });
});
