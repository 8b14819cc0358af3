import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, desiredStateFromObject, loadConfig } from '../../src/index.js';
import type { DesiredState, Diagnostic } from '../../src/index.js';

const INVALID = 'test/fixtures/invalid';
/** Problems in the bytes, which an object does not have: emptiness and encoding. */
const IN_THE_BYTES = ['empty.yaml', 'only-comments.yaml', 'not-utf8.yaml'];

/** A fixture's value, when `yaml` reads it at all (alias bombs, tabs, duplicate keys it refuses). */
function valueOf(file: string): { value: unknown } | undefined {
  try {
    return { value: parse(readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/** Diagnostics without where they stand: an object has no lines. */
const withoutPlace = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    // A file's diagnostic may point at the other place it names; an object has no places.
    .map(({ severity, code, summary, detail }) => ({
      severity,
      code,
      summary: summary.replace(/ \([^()]* is at line \d+, column \d+\)$/, ''),
      detail,
    }))
    .sort((a, b) => `${a.code} ${a.summary}`.localeCompare(`${b.code} ${b.summary}`));

async function fileDiagnostics(file: string): Promise<Diagnostic[]> {
  try {
    return (await loadConfig(file)).warnings;
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostics;
    throw error;
  }
}

function objectDiagnostics(value: unknown): Diagnostic[] {
  try {
    return desiredStateFromObject(value).warnings;
  } catch (error) {
    if (error instanceof ConfigError) return error.diagnostics;
    throw error;
  }
}

/** The desired state with each source position as its path: what an object and a file share. */
function withPathsOnly(desired: DesiredState) {
  const at = (p: { path: string }) => p.path;
  return {
    policy: desired.policy,
    roles: desired.roles.map((r) => ({
      ...r,
      source: {
        entry: at(r.source.entry),
        name: at(r.source.name),
        permissions: r.source.permissions.map((p) => [p.scope, at(p.at)]),
      },
    })),
    accounts: desired.accounts.map((a) => ({
      ...a,
      source: { entry: at(a.source.entry), roles: a.source.roles.map(at), teams: a.source.teams.map(at) },
    })),
  };
}

const fixtures = readdirSync(INVALID)
  .filter((f) => !IN_THE_BYTES.includes(f) && valueOf(`${INVALID}/${f}`) !== undefined)
  .sort();

describe('desiredStateFromObject', () => {
  it('is checked against most of the invalid fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  it.each(fixtures)('gives the loader’s diagnostics for %s, at line 0', async (name) => {
    const file = `${INVALID}/${name}`;
    const expected = await fileDiagnostics(file);
    const actual = objectDiagnostics(valueOf(file)!.value);
    expect(expected.length).toBeGreaterThan(0);
    expect(withoutPlace(actual)).toEqual(withoutPlace(expected));
    expect(actual.every((d) => d.file === '<object>' && d.line === 0 && d.column === 0)).toBe(true);
  });

  it('gives the desired state the loader gives for the same content', async () => {
    const file = 'examples/accounts.yaml';
    const fromFile = await loadConfig(file);
    const fromObject = desiredStateFromObject(parse(readFileSync(file, 'utf8')), { name: 'accounts' });
    expect(withPathsOnly(fromObject.desired)).toEqual(withPathsOnly(fromFile.desired));
    expect(fromObject.warnings).toEqual([]);
    expect(fromObject.desired.file).toBe('accounts');
    expect(fromObject.desired.accounts[2]!.source.entry).toMatchObject({
      file: 'accounts',
      line: 0,
      column: 0,
      path: 'systemAccounts[2]',
    });
  });

  it('hashes the object: the same content, the same sha256', () => {
    const object = { version: 1, systemAccounts: [{ name: 'ci-a' }] };
    const { sha256 } = desiredStateFromObject(object).desired;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(desiredStateFromObject(structuredClone(object)).desired.sha256).toBe(sha256);
    expect(desiredStateFromObject({ ...object, systemAccounts: [{ name: 'ci-b' }] }).desired.sha256).not.toBe(
      sha256,
    );
  });

  it('names the object as told in its errors, and calls nothing at all not a mapping', () => {
    expect(() => desiredStateFromObject(undefined, { name: 'bots' })).toThrow(
      expect.objectContaining({
        file: 'bots',
        diagnostics: [expect.objectContaining({ code: 'not-a-mapping', file: 'bots', line: 0 })],
      }),
    );
  });

  it('does not share arrays with the object it was given', () => {
    const object = { version: 1, systemAccounts: [{ name: 'ci-a', teams: ['Payments'] }] };
    const { desired } = desiredStateFromObject(object);
    object.systemAccounts[0]!.teams.push('Orders');
    expect(desired.accounts[0]!.teams).toEqual(['Payments']);
  });
});
