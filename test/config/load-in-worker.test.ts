import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/validate.js';
import type { DesiredState } from '../../src/config/types.js';
import type { Diagnostic } from '../../src/diagnostics.js';

// plan loads the file in a thread of its own, started from the compiled loader (npm test builds
// first). Whatever the file, that must give what loading it here gives: the same desired state,
// positions, warnings and errors.
type Load = (file: string, location: string) => Promise<{ desired: DesiredState; warnings: Diagnostic[] }>;
type LoadInThread = (
  file: string,
  location: string,
  options: { anySize?: boolean },
) => Promise<{ desired: DesiredState; warnings: Diagnostic[] }>;
const compiled = pathToFileURL(path.resolve('dist/src/config/load-in-worker.js')).href;
const imported = (await import(compiled)) as { loadConfigConcurrently: LoadInThread };
// These files are small: the thread is asked for whatever their size.
const loadConfigConcurrently: Load = (file, location) =>
  imported.loadConfigConcurrently(file, location, { anySize: true });

const dir = mkdtempSync(path.join(tmpdir(), 'pfa-loader-'));
function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

/** What a load gives, with the lazily found positions read out. */
async function outcome(load: Load, location: string) {
  try {
    const { desired, warnings } = await load('accounts.yaml', location);
    const at = (p: { file: string; line: number; column: number; path: string }) =>
      `${p.file}:${p.line}:${p.column} ${p.path}`;
    return {
      warnings,
      desired: JSON.stringify(desired, (key, value: unknown) => (key === 'source' ? undefined : value)),
      positions: desired.accounts.flatMap((a) =>
        [a.source.entry, ...a.source.roles, ...a.source.teams].map(at),
      ),
      rolePositions: desired.roles.flatMap((r) =>
        [r.source.name, ...r.source.permissions.map((p) => p.at)].map(at),
      ),
    };
  } catch (error) {
    const e = error as Error & { hint?: string; diagnostics?: Diagnostic[]; file?: string };
    return {
      error: { name: e.name, message: e.message, hint: e.hint, file: e.file, diagnostics: e.diagnostics },
    };
  }
}

describe('the file loaded in its own thread is the file loaded here', () => {
  it.each([
    ['the example', path.resolve('examples/accounts.yaml')],
    [
      'a file with custom roles and defaults',
      file(
        'roles.yaml',
        'version: 1\ndefaults:\n  teams: [Payments]\nroles:\n  - name: Deployer\n    permissions: [environment:read:*, deployment_and_release:record:*]\nsystemAccounts:\n  - name: ci-a\n    roles: [Deployer, Administrator]\n  - name: ci-b\n    admin: true\n',
      ),
    ],
    [
      'a near miss of a built-in role (a warning)',
      file('warn.yaml', 'version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: [CI-CD]\n'),
    ],
    [
      'an invalid file',
      file('bad.yaml', 'version: 1\nsystemAccounts:\n  - name: ci-a\n    state: gone\n  - name: CI-A\n'),
    ],
    ['a YAML syntax error', file('syntax.yaml', 'version: 1\nsystemAccounts:\n  - name: [ci-a\n')],
    [
      'a file with an alias (the positioned parse)',
      file(
        'alias.yaml',
        'version: 1\nsystemAccounts:\n  - name: ci-a\n    roles: &r [CI/CD]\n  - name: ci-b\n    roles: *r\n',
      ),
    ],
    ['a file that is not there', path.join(dir, 'missing.yaml')],
    ['a folder', dir],
  ])('%s', async (_, location) => {
    const here = await outcome(loadConfig, location);
    const there = await outcome(loadConfigConcurrently, location);
    expect(there).toEqual(here);
  });

  const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
  /** Message ports open a moment into loading `location`, the loaders of earlier tests closed. */
  async function portsWhileLoading(location: string, options: { anySize?: boolean }) {
    for (let i = 0; i < 100 && ports() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ports()).toBe(0);
    const loading = imported.loadConfigConcurrently('accounts.yaml', location, options);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const during = ports();
    await loading;
    return during;
  }

  it('runs in a thread of its own: a message port is open while it loads', async () => {
    expect(await portsWhileLoading(path.resolve('examples/accounts.yaml'), { anySize: true })).toBe(1);
  });

  it('starts a thread only for a file large enough to pay for it', async () => {
    expect(await portsWhileLoading(path.resolve('examples/accounts.yaml'), {})).toBe(0);
    const accounts = Array.from({ length: 2_000 }, (_, i) => `  - name: ci-${i}\n    roles: [CI/CD]\n`);
    const large = file('large.yaml', `version: 1\nsystemAccounts:\n${accounts.join('')}`);
    expect(await portsWhileLoading(large, {})).toBe(1);
  });
});
