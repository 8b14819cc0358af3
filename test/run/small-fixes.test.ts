import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/plan/compute.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { desiredFrom, liveState } from '../helpers/states.js';

const options = { baseUrl: 'https://acme.pactflow.io', generator: 't' };
const plan = (yaml: string, live: Parameters<typeof liveState>[0]) =>
  computePlan(desiredFrom(`version: 1\n${yaml}`), liveState(live), options).plan!;

describe('the plan comment names its hash as the README does', () => {
  it.each([
    ['with changes', plan('systemAccounts:\n  - {name: ci-a}\n', [])],
    ['without changes', plan('systemAccounts:\n  - {name: ci-a}\n', [{ name: 'ci-a' }])],
  ])('%s: "Plan hash <hash>"', (_, p) => {
    const md = renderPlanMarkdown(p);
    expect(md).toContain(`Plan hash <code>${p.hash}</code>`);
    expect(md).not.toMatch(/\bplan <code>/);
  });
});

describe('.gitignore', () => {
  it('ignores the tarball npm pack leaves behind', () => {
    const ignored = execFileSync('git', ['check-ignore', '--no-index', 'pactflow-accounts-0.1.0.tgz'], {
      encoding: 'utf8',
    });
    expect(ignored.trim()).toBe('pactflow-accounts-0.1.0.tgz');
  });
});
