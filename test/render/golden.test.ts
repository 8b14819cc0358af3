import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/validate.js';
import { exportDesired, renderExportYaml } from '../../src/export/export.js';
import { computePlan } from '../../src/plan/compute.js';
import { validatePlanDocument } from '../../src/plan/schema.js';
import { ANSI } from '../../src/render/color.js';
import { renderPlanJson } from '../../src/render/json.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { renderPlanText } from '../../src/render/text.js';
import type { LiveState } from '../../src/state/types.js';
import { golden, updateGolden } from './golden-file.js';

/**
 * Golden files: each scenario under test/fixtures/plans/ has accounts.yaml and live.json; the plan
 * and its three renderings must match the files beside them. UPDATE_GOLDEN=1 rewrites them (review
 * the diff before committing).
 */
const root = 'test/fixtures/plans';
const scenarios = readdirSync(root).sort();

async function planFor(dir: string) {
  const live = JSON.parse(readFileSync(path.join(dir, 'live.json'), 'utf8')) as LiveState;
  const file = path.join(dir, 'accounts.yaml');
  if (!existsSync(file)) {
    // no-changes: the export of the live state itself, written like a golden file.
    if (!updateGolden)
      throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 to write it, then review it`);
    writeFileSync(
      file,
      renderExportYaml(exportDesired(live), {
        baseUrl: 'https://acme.pactflow.io',
        schema: '../../../../schemas/accounts.schema.json',
      }),
    );
  }
  const { desired } = await loadConfig(file);
  const result = computePlan(desired, live, {
    baseUrl: 'https://acme.pactflow.io',
    generator: 'pactflow-accounts (golden)',
  });
  if (!result.plan) throw new Error(result.diagnostics.map((d) => d.summary).join('\n'));
  return result.plan;
}

describe.each(scenarios)('scenario %s', (scenario) => {
  const dir = path.join(root, scenario);
  it('json: the saved-plan document, valid against schemas/plan.schema.json', async () => {
    const plan = await planFor(dir);
    const json = renderPlanJson(plan);
    golden(path.join(dir, 'plan.json'), json);
    expect(validatePlanDocument(JSON.parse(json)), JSON.stringify(validatePlanDocument.errors)).toBe(true);
  });
  it('text', async () => golden(path.join(dir, 'plan.txt'), renderPlanText(await planFor(dir))));
  it('text with colour', async () =>
    golden(path.join(dir, 'plan.ansi'), renderPlanText(await planFor(dir), { colors: ANSI })));
  it('markdown', async () => golden(path.join(dir, 'plan.md'), renderPlanMarkdown(await planFor(dir))));
});

it('covers the scenarios the renderers must handle', () => {
  expect(scenarios).toEqual(
    expect.arrayContaining(['hostile-names', 'mixed', 'no-changes', 'refused', 'roles']),
  );
});

describe('golden files', () => {
  it('a missing golden file fails the test instead of writing itself', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'golden-')), 'plan.md');
    expect(() => golden(file, 'anything', false)).toThrow(
      /golden file .*plan\.md is missing: run the tests with UPDATE_GOLDEN=1/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('a golden file that differs fails, and is left as it was', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'golden-')), 'plan.md');
    writeFileSync(file, 'reviewed\n');
    expect(() => golden(file, 'changed\n', false)).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('reviewed\n');
  });
});
