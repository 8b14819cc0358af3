import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { MARKDOWN_LIMIT, fitMarkdown, section, fenced } from '../../src/render/markdown-kit.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { MARKER } from '../../src/render/marker.js';
import { renderPlanText } from '../../src/render/text.js';
import { desiredFrom, liveState } from '../helpers/states.js';
import { hostilePlan, protectedPlan, unmanagedPlan } from './big-plans.js';
import { markdownProblems } from './markdown-checks.js';

const HOSTILE = '<img src=x onerror=alert(1)> | `x` ](y)';
const options = { baseUrl: 'https://acme.pactflow.io', generator: 't' };
const plan = (yaml: string, live: Parameters<typeof liveState>[0]) =>
  computePlan(desiredFrom(`version: 1\n${yaml}`), liveState(live), options).plan!;
const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const mores = (md: string) =>
  [...md.matchAll(/… and ([\d,]+) more \(see the JSON plan\)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));

describe('escapeMarkdown', () => {
  it('leaves no character that could open a tag, link, code span, cell or emphasis', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(escaped).not.toMatch(/[<>`|[\]]/);
    expect(escaped).toBe('&#60;img src=x onerror=alert(1)&#62; &#124; &#96;x&#96; &#93;(y)');
  });

  it('round-trips: decoding the entities gives the name back, so names are shown, never dropped', () => {
    const name = '**a** _b_ [c](d) <!-- e --> \\ {f} #g ~h~ !i: j @k $l$ http://m www.n';
    expect(decode(escapeMarkdown(name))).toBe(name);
  });

  it.each([
    ['a mention', '@octo/team', '&#64;octo/team'],
    ['an issue reference', '#12', '&#35;12'],
    ['math', '$x$', '&#36;x&#36;'],
    ['an autolink', 'http://evil.example', 'http&#58;//evil.example'],
    ['a www autolink', 'www.evil.example', 'www&#46;evil.example'],
  ])('makes %s inert', (_, text, escaped) => expect(escapeMarkdown(text)).toBe(escaped));

  it('shows a line break instead of starting a new Markdown block', () => {
    expect(escapeMarkdown('a\n# heading')).toBe('a&#92;u000a&#35; heading');
  });

  it.each([
    ['right-to-left override', '\u202e', '\\u202e'],
    ['left-to-right embedding', '\u202a', '\\u202a'],
    ['pop directional formatting', '\u202c', '\\u202c'],
    ['first strong isolate', '\u2068', '\\u2068'],
    ['pop directional isolate', '\u2069', '\\u2069'],
    ['zero-width space', '\u200b', '\\u200b'],
    ['zero-width joiner', '\u200d', '\\u200d'],
    ['right-to-left mark', '\u200f', '\\u200f'],
    ['byte-order mark', '\ufeff', '\\ufeff'],
    ['no-break space', '\u00a0', '\\u00a0'],
    ['soft hyphen', '\u00ad', '\\u00ad'],
    ['line separator', '\u2028', '\\u2028'],
    ['escape', '\u001b', '\\u001b'],
    ['a lone surrogate', '\ud800', '\\ud800'],
  ])('shows a %s as an inert, visible escape', (_, ch, shown) => {
    const escaped = escapeMarkdown(`ci-${ch}-x`);
    expect(decode(escaped)).toBe(`ci-${shown}-x`);
    expect(escaped).not.toContain(ch);
  });
});

describe('renderPlanMarkdown', () => {
  it('starts with the marker a bot updates in place', () => {
    expect(renderPlanMarkdown(plan('systemAccounts:\n  - {name: a}\n', [])).split('\n')[0]).toBe(MARKER);
  });

  it('shows a hostile account name as inert text', () => {
    const md = renderPlanMarkdown(plan(`systemAccounts:\n  - name: "${HOSTILE.replace(/"/g, '\\"')}"\n`, []));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('`x`');
    expect(md).toContain('<code>&#60;img src=x onerror=alert(1)&#62; &#124; &#96;x&#96; &#93;(y)</code>');
  });

  it("keeps the tool's own words plain: only values are escaped", () => {
    const md = renderPlanMarkdown(
      plan('systemAccounts:\n  - {name: ci-a, state: disabled, roles: [Viewer]}\n', [{ name: 'ci-a' }]),
    );
    expect(md).toContain('  - state: enabled → disabled\n');
    expect(md).toContain(
      'roles: <code>CI/CD</code> → <code>Viewer</code> (adds <code>Viewer</code>; removes <code>CI/CD</code>)',
    );
    expect(md.replace(/https&#58;\/\//g, '')).not.toMatch(/&#(58|91|93|40|41|34);/);
  });

  it('a clean plan is one short line under the marker, not a table of zeros', () => {
    const clean = plan('systemAccounts:\n  - {name: ci-a}\n', [{ name: 'ci-a' }]);
    const md = renderPlanMarkdown(clean);
    // The plan's hash, so even "no changes" says which plan was reviewed.
    expect(md).toBe(
      `${MARKER}\n**No changes.** PactFlow (<code>https&#58;//acme.pactflow.io</code>) matches <code>accounts.yaml</code>: 1 account unchanged (Plan hash <code>${clean.hash}</code>).\n`,
    );
  });

  it("shows the plan's warnings in the comment, with or without changes", () => {
    const clean = plan('policy:\n  protected: [break-glass-*]\nsystemAccounts:\n  - {name: ci-a}\n', [
      { name: 'ci-a' },
    ]);
    expect(clean.warnings?.length).toBe(1);
    const md = renderPlanMarkdown(clean);
    expect(md).toMatch(
      /^<!-- pactflow-accounts-plan -->\n\*\*No changes\.\*\* .*\n\n#### Warnings\n\n- ⚠️ .*break-glass-&#42;/,
    );
    const changed = renderPlanMarkdown({
      ...clean,
      changes: plan('systemAccounts:\n  - {name: ci-b}\n', []).changes,
    });
    expect(changed).toContain('#### Warnings\n\n- ⚠️ ');
  });

  it('shows the plan hash when given one', () => {
    const md = renderPlanMarkdown(plan('systemAccounts:\n  - {name: ci-a}\n', []), { hash: 'a1b2c3d4' });
    expect(md).toContain('Plan hash <code>a1b2c3d4</code>');
  });

  describe('risky changes', () => {
    const risky = plan(
      [
        'policy:',
        '  unmanaged: delete',
        '  limits: {maxDeletes: 5, maxAdminChanges: 5}',
        'systemAccounts:',
        '  - {name: aaa, roles: [Viewer]}',
        '  - {name: ggg, admin: true}',
        '  - {name: hhh, admin: false}',
        '  - {name: zzz, state: disabled}',
        '',
      ].join('\n'),
      [
        { name: 'aaa' },
        { name: 'ggg' },
        { name: 'hhh', roles: ['Administrator', 'CI/CD'] },
        { name: 'old', roles: ['Administrator', 'Read-Only'], teams: ['Payments', 'Orders'] },
        { name: 'zzz' },
      ],
    );
    const md = renderPlanMarkdown(risky);

    it('come first, open, with their risk in words', () => {
      const section = md.slice(md.indexOf('#### ⚠️ Risky changes'), md.indexOf('#### Other changes'));
      expect(section).not.toContain('<details>');
      expect(section).toContain('- 🔧 **<code>ggg</code> will be updated**: grants Administrator\n');
      expect(section).toContain('- 🔧 **<code>hhh</code> will be updated**: removes Administrator\n');
      expect(section).toContain('- ⏸️ **<code>zzz</code> will be disabled**: disables the account\n');
      expect(section).toContain('- 🗑️ **<code>old</code> will be deleted**: deletes the account\n');
      expect(md).not.toMatch(/admin-grant|admin-revoke/);
      expect(md.indexOf('<code>zzz</code>')).toBeLessThan(md.indexOf('<code>aaa</code>'));
      expect(md).toContain('<details><summary>🔧 <b><code>aaa</code></b> will be updated</summary>');
    });

    it('a delete says what goes with the account: roles, teams and tokens', () => {
      expect(md).toContain(
        '  - goes with it: roles <code>Administrator</code>, <code>Read-Only</code>, teams <code>Orders</code>, <code>Payments</code> and its API tokens, which stop working\n',
      );
    });

    it('text marks admin grants and revokes as risky', () => {
      const text = renderPlanText(risky);
      expect(text).toContain('  ~ ggg will be updated  ⚠ risky: grants Administrator\n');
      expect(text).toContain('  ~ hhh will be updated  ⚠ risky: removes Administrator\n');
      expect(text).toContain('  ~ aaa will be updated\n');
      expect(text).toContain(
        '      goes with it: roles [Administrator, Read-Only], teams [Orders, Payments] and its API tokens, which stop working\n',
      );
    });
  });

  it('the headline, the table and the text closing line count the same way', () => {
    // Unmanaged accounts: two deleted by policy (counted as deletes), one protected (left alone).
    const p = plan(
      'policy:\n  unmanaged: delete\n  protected: [ci-keep]\n  limits: {maxDeletes: 0}\nsystemAccounts:\n  - {name: ci-a}\n',
      [{ name: 'ci-a' }, { name: 'ci-keep' }, { name: 'ci-x' }, { name: 'ci-y' }],
    );
    const md = renderPlanMarkdown(p);
    const table = Object.fromEntries(
      [...md.matchAll(/^\| (.+?) \| ([\d,]+) \|$/gm)].map((m) => [m[1]!, Number(m[2])]),
    );
    expect(table).toEqual({ '🗑️ delete': 2, unchanged: 1, 'unmanaged, left as they are': 1 });
    expect(md).toContain('### PactFlow system accounts: 2 changes, refused by safety guards\n');
    expect(md).toContain('#### Unmanaged accounts in scope');
    expect((md.match(/^- <code>ci-keep<\/code>/gm) ?? []).length).toBe(1);
    expect(renderPlanText(p)).toContain('0 to enable, 0 to disable, 2 to delete; 1 unchanged, 1 unmanaged.');
  });

  it('is not shortened when it fits', () => {
    const md = renderPlanMarkdown(hostilePlan(5, 50));
    expect(md).not.toContain('Shortened');
    expect(mores(md)).toEqual([]);
    expect(markdownProblems(md)).toEqual([]);
  });
});

describe('the 65,000-character cap', () => {
  it('holds for 1,500 refusals by protected accounts, and counts what is left out', () => {
    const p = protectedPlan(1500);
    const md = renderPlanMarkdown(p);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdownProblems(md)).toEqual([]);
    // The refusals (guard lines first) and the risky changes are each cut with a count of the rest.
    const refusalsShown = (md.match(/^> - <code>ci-protected-account-/gm) ?? []).length;
    const riskyShown = (md.match(/^- ⏸️ \*\*<code>ci-protected-account-/gm) ?? []).length;
    expect(refusalsShown).toBeGreaterThan(50);
    expect(mores(md)).toEqual([1500 - refusalsShown, 1500 - riskyShown]);
    expect(md).toMatch(/Shortened to stay under GitHub's comment limit: [\d,]+ entries not shown/);
    const notShown = Number(/limit: ([\d,]+) entries/.exec(md)![1]!.replace(/,/g, ''));
    expect(notShown).toBe(mores(md).reduce((a, b) => a + b, 0));
  });

  it('holds for 5,000 unmanaged accounts, which end in "… and N more" instead of vanishing', () => {
    const md = renderPlanMarkdown(unmanagedPlan(5000));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toContain('#### Unmanaged accounts in scope');
    const shown = (md.match(/^- <code>ci-unmanaged-account-\d+<\/code> — left as it is$/gm) ?? []).length;
    expect(shown).toBeGreaterThan(100);
    expect(mores(md)).toEqual([5000 - shown]);
    expect(md).toContain('| unmanaged, left as they are | 5,000 |');
    expect(md).not.toMatch(/(\d+) of \1 /);
    expect(markdownProblems(md)).toEqual([]);
  });

  it('holds for long hostile names, and never cuts a <details> block in half', () => {
    const md = renderPlanMarkdown(hostilePlan(400, 1_000));
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdownProblems(md)).toEqual([]);
    expect(md).toMatch(/…\(\d+ more characters\)<\/code>/);
    expect(mores(md).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('holds at any limit, down to a heading and its count', () => {
    const p = protectedPlan(30);
    for (const limit of [1_500, 2_000, 3_000, 5_000, 10_000]) {
      const md = renderPlanMarkdown(p, { limit });
      expect(md.length).toBeLessThanOrEqual(limit);
      expect(markdownProblems(md)).toEqual([]);
    }
  });

  it('fitMarkdown keeps a later section when an earlier one is cut, with room for its count', () => {
    const items = (n: number, p: string) => Array.from({ length: n }, (_, i) => `- ${p}${i}`.padEnd(40, '.'));
    const md = fitMarkdown(
      'top\n\n',
      [section('#### A\n', items(100, 'a'), (i) => i), section('#### B\n', items(3, 'b'), (i) => i)],
      1_000,
    );
    expect(md.length).toBeLessThanOrEqual(1_000);
    expect(md).toContain('#### B');
    const shownA = (md.match(/^- a\d+/gm) ?? []).length;
    const shownB = (md.match(/^- b\d+/gm) ?? []).length;
    expect(mores(md).reduce((a, b) => a + b, 0)).toBe(103 - shownA - shownB);
  });
});

describe('fenced', () => {
  it('uses a fence longer than any backtick run inside, so nothing inside can close it', () => {
    expect(fenced('a\nb\n', 'diff')).toBe('```diff\na\nb\n```');
    const inside = 'description: |\n   ```\n   ````sh\n';
    const block = fenced(inside);
    expect(block.split('\n')[0]).toBe('`````');
    expect(block.split('\n').at(-1)).toBe('`````');
    expect(block.split('\n').slice(1, -1).join('\n')).toBe(inside.trimEnd());
  });
});
