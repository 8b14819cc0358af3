import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { renderDiagnostics, renderDiagnosticsMarkdown } from '../../src/render/diagnostics.js';
import { MARKER } from '../../src/render/marker.js';
import { guardLines, renderPlanText, visible } from '../../src/render/text.js';
import { desiredFrom, liveState } from '../helpers/states.js';
import { golden } from './golden-file.js';

const options = { baseUrl: 'https://acme.pactflow.io', generator: 't' };

describe('visible', () => {
  it.each([
    ['\u202e', '\\u202e'],
    ['\u202a', '\\u202a'],
    ['\u2066', '\\u2066'],
    ['\u2069', '\\u2069'],
    ['\u200b', '\\u200b'],
    ['\u200e', '\\u200e'],
    ['\ufeff', '\\ufeff'],
    ['\u061c', '\\u061c'],
    ['\u001b', '\\u001b'],
    ['\u009b', '\\u009b'],
    ['\u3164', '\\u3164'],
  ])('shows %j as %s', (ch, shown) => expect(visible(`a${ch}b`)).toBe(`a${shown}b`));

  it('leaves letters, emoji and accents as they are', () => {
    expect(visible('café-ü-日本-🚀-ci/cd')).toBe('café-ü-日本-🚀-ci/cd');
  });
});

describe('renderPlanText', () => {
  it('escapes bidirectional and invisible characters in names, quoted or not', () => {
    const plan = computePlan(
      desiredFrom('version: 1\nsystemAccounts:\n  - {name: "ci-\\u202Eyalp\\u202C"}\n'),
      liveState([{ name: 'ci-\u2066x\u2069' }, { name: 'ci\u200bpay' }]),
      options,
    ).plan!;
    const text = renderPlanText(plan);
    expect(text).toContain('  + ci-\\u202eyalp\\u202c will be created\n');
    expect(text).toContain('      name: "ci-\\u202eyalp\\u202c"\n');
    expect(text).toContain('  ? ci-\\u2066x\\u2069 — left as it is');
    expect(text).toContain('  ? ci\\u200bpay — left as it is');
    expect(text).not.toMatch(/[\u200b\u202a-\u202e\u2066-\u2069]/);
  });

  it('numbers agree with their nouns', () => {
    const one = computePlan(
      desiredFrom('version: 1\nsystemAccounts:\n  - {name: ci-a}\n'),
      liveState([{ name: 'ci-a' }]),
      options,
    ).plan!;
    expect(renderPlanText(one)).toContain('(1 account unchanged)');
    const deletes = computePlan(
      desiredFrom('version: 1\nsystemAccounts:\n  - {name: ci-a, state: deleted}\n'),
      liveState([{ name: 'ci-a' }]),
      options,
    ).plan!;
    expect(guardLines(deletes.guards)).toEqual([
      '1 delete exceeds policy.limits.maxDeletes = 0: raise it in the file, or for one run with `apply --allow-deletes 1`',
    ]);
  });
});

describe('diagnostics', () => {
  const diagnostics: Diagnostic[] = [
    {
      severity: 'error',
      code: 'unknown-role',
      summary: 'systemAccounts[0].roles[0]: unknown role "CI-CD\u202e" <b>',
      detail: 'Did you mean "CI/CD"?',
      file: 'accounts.yaml',
      line: 4,
      column: 13,
    },
    {
      severity: 'warning',
      code: 'unmatched-protected',
      summary: 'policy.protected[0]: "break-glass-*" matches no live account',
      file: 'accounts.yaml',
      line: 3,
      column: 15,
    },
  ];

  it('text: one line each, invisible characters shown, the count in words', () => {
    expect(renderDiagnostics('accounts.yaml', diagnostics)).toBe(
      [
        'accounts.yaml:4:13: systemAccounts[0].roles[0]: unknown role "CI-CD\\u202e" <b> — Did you mean "CI/CD"?',
        'accounts.yaml:3:15: warning: policy.protected[0]: "break-glass-*" matches no live account',
        'Found 1 problem in accounts.yaml',
        '',
      ].join('\n'),
    );
  });

  it('markdown: under the plan marker, values inert, as in the golden file', () => {
    const md = renderDiagnosticsMarkdown(diagnostics, 'accounts.yaml');
    expect(md.startsWith(`${MARKER}\n`)).toBe(true);
    expect(md).not.toContain('<b>');
    golden('test/fixtures/reports/diagnostics.md', md);
  });

  it('markdown: 10,000 problems stay under 65,000 characters, the rest counted', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...diagnostics[0]!, line: i + 1 }));
    const md = renderDiagnosticsMarkdown(many, 'accounts.yaml');
    expect(md.length).toBeLessThanOrEqual(65_000);
    const shown = (md.match(/^- ❌ error at/gm) ?? []).length;
    expect(md).toContain(`- … and ${(10_000 - shown).toLocaleString('en-US')} more (see the JSON plan)`);
  });
});
