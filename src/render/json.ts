import type { Plan } from '../plan/types.js';

/** The saved-plan document: stable key order, two-space indent, a final newline. */
export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}
