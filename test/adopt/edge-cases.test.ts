import { describe, expect, it } from 'vitest';
import { liveState } from '../helpers/states.js';
import { detailLines, renderAdoptDiff, summaryLine } from '../../src/adopt/report.js';
import { adoptYaml, planOf } from './helpers.js';

/** Adopt, then check that the file plans clean and a second adopt changes nothing. */
function adoptClean(yaml: string, live: ReturnType<typeof liveState>, options = {}): string {
  const { text } = adoptYaml(yaml, live, options);
  expect(planOf(text, live).changes).toEqual([]);
  expect(adoptYaml(text, live, options).text).toBe(text);
  return text;
}

describe('adopt: values written as block scalars', () => {
  it('replaces a folded or literal scalar and keeps the next key on its own line', () => {
    const yaml = `version: 1
systemAccounts:
  - name: >-
      ci-a
    email: |-
      a@example.com
    state: >-
      enabled
    roles: [CI/CD]
  - name: ci-b
    email: >-
      b@example.com

    roles: [CI/CD]
`;
    const live = liveState([
      { name: 'ci-a2', email: 'a@example.com', active: false },
      { name: 'ci-b', email: 'b2@example.com' },
    ]);
    expect(adoptClean(yaml, live)).toBe(`version: 1
systemAccounts:
  - name: ci-a2
    email: |-
      a@example.com
    state: disabled
    roles: [CI/CD]
    previousNames: [ci-a]
  - name: ci-b
    email: b2@example.com

    roles: [CI/CD]
`);
  });
});

describe('adopt: a file with Windows line ends (CRLF)', () => {
  it('writes CRLF in every line it adds, never a mix', () => {
    const yaml = [
      'version: 1',
      'systemAccounts:',
      '  - name: ci-a # kept',
      '    roles:',
      '      - CI/CD',
      '  - name: ci-b',
      '',
    ].join('\r\n');
    const live = liveState([
      { name: 'ci-a', roles: ['CI/CD', 'Viewer'], active: false },
      { name: 'ci-b' },
      { name: 'ci-c', roles: ['Viewer'] },
    ]);
    const text = adoptClean(yaml, live, { includeUnmanaged: true });
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('      - Viewer\r\n');
    expect(text).toContain('  - name: ci-c\r\n    state: enabled\r\n');
    // The diff reads as any other: no CR escape at the end of its lines.
    const diff = renderAdoptDiff('accounts.yaml', yaml, text);
    expect(diff).not.toContain('\\u000d');
    expect(diff).toMatch(/^\+\s+- Viewer$/m);
  });

  it('adds CRLF at the end of a file whose last line has no line break', () => {
    const yaml = 'version: 1\r\nsystemAccounts:\r\n  - name: ci-a\r\n    roles: [CI/CD]';
    const text = adoptClean(yaml, liveState([{ name: 'ci-a', active: false }]));
    expect(text).toBe(
      'version: 1\r\nsystemAccounts:\r\n  - name: ci-a\r\n    roles: [CI/CD]\r\n    state: disabled\r\n',
    );
  });
});

describe('adopt: a live name that is another entry previous name', () => {
  const yaml = `version: 1
systemAccounts:
  - name: ci-a
    previousNames: [ci-b] # renamed long ago
  - name: ci-c
    email: c@example.com
`;

  it('drops the stale previous name when a rename takes it', () => {
    const live = liveState([{ name: 'ci-a' }, { name: 'ci-b', email: 'c@example.com' }]);
    const result = adoptYaml(yaml, live);
    expect(result.text).toBe(`version: 1
systemAccounts:
  - name: ci-a
  - name: ci-b
    email: c@example.com
    previousNames: [ci-c]
`);
    expect(planOf(result.text, live).changes).toEqual([]);
    expect(summaryLine(result)).toBe('adopted 2 accounts: 1 rename, 1 previous name dropped');
    expect(detailLines(result).join('\n')).toContain('previous name "ci-b" dropped');
  });

  it('drops it from an entry that is not a --target, and when --include-unmanaged adds the name', () => {
    const live = liveState([
      { name: 'ci-a' },
      { name: 'ci-b', roles: ['Viewer'] },
      { name: 'ci-c', email: 'c@example.com' },
    ]);
    const text = adoptClean(yaml, live, { includeUnmanaged: true, targets: ['ci-b'] });
    expect(text).toContain('  - name: ci-a\n  - name: ci-c\n');
    expect(text).toContain('  - name: ci-b\n');
  });
});

describe('adopt: a flow list written one item a line, with comments', () => {
  const yaml = `version: 1
systemAccounts:
  - name: ci-a
    roles: [
      CI/CD, # publishes
      Viewer # reads
    ]
`;

  it('removes the last items with their comments and keeps the comment of the item that stays', () => {
    const live = liveState([{ name: 'ci-a', roles: ['CI/CD'] }]);
    expect(adoptClean(yaml, live)).toBe(`version: 1
systemAccounts:
  - name: ci-a
    roles: [
      CI/CD # publishes
    ]
`);
  });

  it('adds after the item that stays when the last one goes', () => {
    const live = liveState([{ name: 'ci-a', roles: ['CI/CD', 'Read-Only'] }]);
    expect(adoptClean(yaml, live)).toBe(`version: 1
systemAccounts:
  - name: ci-a
    roles: [
      CI/CD, Read-Only # publishes
    ]
`);
  });
});

describe('adopt: protected accounts', () => {
  const yaml = [
    'version: 1',
    'policy:',
    '  protected: [ci-break-glass*]',
    'systemAccounts:',
    '  - name: ci-old # gone from PactFlow',
    '    email: ops@example.com',
    '    roles: [CI/CD]',
    '  - name: ci-a',
    '',
  ].join('\n');

  it('are never paired with an entry nor added by --include-unmanaged: never written into the file', () => {
    const live = liveState([
      { name: 'ci-a' },
      { name: 'ci-break-glass', email: 'ops@example.com', roles: ['CI/CD'] },
      { name: 'ci-new', roles: ['Viewer'] },
    ]);
    const result = adoptYaml(yaml, live, { includeUnmanaged: true });
    expect(result.text).not.toMatch(/name: ci-break-glass/);
    expect(result.text).not.toContain('ci-old');
    expect(result.text).toContain('- name: ci-new');
  });
});
