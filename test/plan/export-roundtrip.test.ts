import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import { exportDesired, renderExportYaml } from '../../src/export/export.js';
import { computePlan } from '../../src/plan/compute.js';
import type { AccountSketch } from '../helpers/states.js';
import type { CustomRoleSketch } from '../helpers/states.js';
import { ROLES, TEAMS, liveState } from '../helpers/states.js';

/** A small seeded generator, so every run checks the same hundred organizations. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const SCOPES = ['contract_data:read:*', 'environment:read:team', 'webhook:manage:team', 'user:invite'];

/** Custom roles of an organization: some with a description, some with no scopes at all. */
function customRoles(seed: number): CustomRoleSketch[] {
  const r = random(seed * 7919);
  return Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    name: `Custom ${seed}-${i}${r() < 0.3 ? ': with punctuation' : ''}`,
    ...(r() < 0.5 ? { description: `role ${i}` } : {}),
    permissions: SCOPES.filter(() => r() < 0.5),
  }));
}

function organization(seed: number): AccountSketch[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs.filter(() => r() < 0.4);
  const roleNames = [...Object.keys(ROLES), ...customRoles(seed).map((c) => c.name)];
  const teamNames = Object.keys(TEAMS) as (keyof typeof TEAMS)[];
  return Array.from({ length: Math.floor(r() * 25) }, (_, i) => ({
    name: `${r() < 0.5 ? 'ci' : 'bot'}-${seed}-${i}${r() < 0.2 ? ' with spaces' : ''}`,
    ...(r() < 0.5 ? { email: `a${i}@example.com` } : {}),
    active: r() < 0.8,
    roles: pick(roleNames),
    teams: pick(teamNames),
  }));
}

const exportOf = (live: ReturnType<typeof liveState>, include?: string[]) => {
  const text = renderExportYaml(exportDesired(live, include ? { include } : {}), {
    baseUrl: 'https://x.pactflow.io',
    schema: 's.json',
  });
  const result = validateConfig(parseYamlSource('exported.yaml', new TextEncoder().encode(text)));
  if (!result.desired) throw new Error(result.diagnostics.map((d) => d.summary).join('\n'));
  return result.desired;
};

describe('a plan computed against exportOf(live) is empty', () => {
  it.each(Array.from({ length: 100 }, (_, i) => i + 1))('organization #%i', (seed) => {
    const live = liveState(organization(seed), undefined, { customRoles: customRoles(seed) });
    const desired = exportOf(live);
    expect(desired.roles.map((role) => role.name)).toEqual(customRoles(seed).map((c) => c.name));
    const { plan, diagnostics } = computePlan(desired, live, {
      baseUrl: 'https://x.pactflow.io',
      generator: 't',
    });
    expect(diagnostics).toEqual([]);
    expect(plan!.changes).toEqual([]);
    expect(plan!.roleChanges).toEqual([]);
    expect(plan!.unmanaged).toEqual([]);
    expect(plan!.summary.unchanged).toBe(live.accounts.length);
  });

  it('with --include, only matching accounts are exported and the rest are out of scope', () => {
    const live = liveState(organization(7));
    const desired = exportOf(live, ['ci-*']);
    expect(desired.accounts.every((a) => a.name.startsWith('ci-'))).toBe(true);
    const { plan } = computePlan(desired, live, { baseUrl: 'https://x.pactflow.io', generator: 't' });
    expect(plan!.changes).toEqual([]);
    expect(plan!.summary.outOfScope).toBe(live.accounts.filter((a) => !a.name.startsWith('ci-')).length);
  });

  it('names with bidi and invisible characters are written escaped, and read back the same', () => {
    const names = [
      'ci-\u202Eexe.txt',
      'ci-zw\u200Bsp',
      'ci-bom\uFEFFx',
      'ci-\u2066iso\u2069',
      'ci-lrm\u200E',
      'ci-tag\u{E0041}',
    ];
    const live = liveState(names.map((name) => ({ name, active: true, roles: [], teams: [] })));
    const text = renderExportYaml(exportDesired(live), {
      baseUrl: 'https://x.pactflow.io',
      schema: 's.json',
    });
    // A file meant for review in a pull request shows what is there, not text reordered or hidden.
    expect(text).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u);
    expect(text).toContain('"ci-\\u202E' + 'exe.txt"');
    const desired = exportOf(live);
    expect(desired.accounts.map((a) => a.name).sort()).toEqual([...names].sort());
    const { plan } = computePlan(desired, live, { baseUrl: 'https://x.pactflow.io', generator: 't' });
    expect(plan!.changes).toEqual([]);
  });
});
