import { describe, expect, it, vi } from 'vitest';
import { parseYamlSource } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';

const load = (text: string) => parseYamlSource('accounts.yaml', new TextEncoder().encode(text));
const at = (p: { line: number; column: number; path: string }) => `${p.line}:${p.column} ${p.path}`;

describe('positions of a desired state', () => {
  it('are not looked for while a valid file is validated: the positioned parse never runs', () => {
    const loaded = load('version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI/CD]\n');
    const locate = vi.fn(loaded.locate);
    const { desired, diagnostics } = validateConfig({ ...loaded, locate });
    expect(diagnostics).toEqual([]);
    expect(desired?.accounts.map((a) => a.name)).toEqual(['ci-a']);
    expect(locate).not.toHaveBeenCalled();
    expect(at(desired!.accounts[0]!.source.entry)).toBe('3:5 systemAccounts[0]');
    expect(locate).toHaveBeenCalledTimes(1);
  });

  it('point at each role and team an account lists, or at the defaults it takes, Administrator left out', () => {
    const { desired } = validateConfig(
      load(
        [
          'version: 1',
          'defaults:',
          '  roles: [CI/CD, Viewer]',
          '  teams: [Payments]',
          'systemAccounts:',
          '  - name: ci-a',
          '    roles: [Administrator, CI/CD]',
          '    teams: [Orders, Payments]',
          '  - name: ci-b',
          '',
        ].join('\n'),
      ),
    );
    const [a, b] = desired!.accounts;
    expect(a!.admin).toBe(true);
    expect(a!.roles).toEqual(['CI/CD']);
    expect(a!.source.roles.map(at)).toEqual(['7:28 systemAccounts[0].roles[1]']);
    expect(a!.source.teams.map(at)).toEqual([
      '8:13 systemAccounts[0].teams[0]',
      '8:21 systemAccounts[0].teams[1]',
    ]);
    expect(b!.roles).toEqual(['CI/CD', 'Viewer']);
    expect(b!.source.roles.map(at)).toEqual(['3:11 defaults.roles[0]', '3:18 defaults.roles[1]']);
    expect(b!.source.teams.map(at)).toEqual(['4:11 defaults.teams[0]']);
    expect(at(b!.source.entry)).toBe('9:5 systemAccounts[1]');
  });

  it('are lists of their own: an account changing its roles changes neither the defaults nor another account', () => {
    const { desired } = validateConfig(
      load('version: 1\ndefaults:\n  roles: [CI/CD]\nsystemAccounts:\n  - name: ci-a\n  - name: ci-b\n'),
    );
    const [a, b] = desired!.accounts;
    a!.roles!.push('Viewer');
    expect(b!.roles).toEqual(['CI/CD']);
  });
});
