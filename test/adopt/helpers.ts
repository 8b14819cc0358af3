import { adoptFile } from '../../src/adopt/adopt.js';
import type { AdoptOptions, AdoptResult } from '../../src/adopt/adopt.js';
import { computePlan } from '../../src/plan/compute.js';
import type { Plan } from '../../src/plan/types.js';
import type { LiveState } from '../../src/state/types.js';
import { desiredFrom } from '../helpers/states.js';

/** Adopt over YAML text, as the CLI does after loading and validating it. */
export function adoptYaml(yaml: string, live: LiveState, options: AdoptOptions = {}): AdoptResult {
  return adoptFile(yaml, desiredFrom(yaml), live, options);
}

/** The plan of a file against a live state; throws when the file does not validate or plan. */
export function planOf(yaml: string, live: LiveState, targets?: string[]): Plan {
  const result = computePlan(desiredFrom(yaml), live, {
    baseUrl: 'http://127.0.0.1',
    generator: 'test',
    ...(targets ? { targets } : {}),
  });
  if (!result.plan) throw new Error(result.diagnostics.map((d) => d.summary).join('\n'));
  return result.plan;
}
