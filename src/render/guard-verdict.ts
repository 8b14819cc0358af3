import type { Limits } from '../plan/guards.js';
import type { GuardReport, LimitName } from '../plan/types.js';
import { count } from '../util/plural.js';
import { FLAG_FOR_LIMIT, LIMIT_NOUN as NOUN } from './text.js';

/**
 * What apply says about each budget after re-checking the guards, so that the words match what
 * happens: a budget the plan goes over is refused, one that only an --allow-… flag lets through is
 * said to be allowed by that flag ("2 admin changes, allowed by --allow-admin-changes 2").
 */
export function limitVerdictLines(
  report: GuardReport,
  fileLimits: Limits,
  overrides: Partial<Limits>,
): { refused: string[]; allowed: string[] } {
  const refused: string[] = [];
  const allowed: string[] = [];
  for (const name of Object.keys(NOUN) as LimitName[]) {
    const { count: n } = report.limits[name];
    const words = count(n, ...NOUN[name]);
    if (report.exceeded.includes(name)) {
      const verb = n === 1 ? 'exceeds' : 'exceed';
      const override = overrides[name];
      refused.push(
        `${words} ${verb} policy.limits.${name} = ${fileLimits[name]}${override === undefined ? '' : ` and ${FLAG_FOR_LIMIT[name]} ${override}`}: raise it in the file, or for one run with \`apply ${FLAG_FOR_LIMIT[name]} ${n}\``,
      );
    } else if (n > fileLimits[name]) {
      allowed.push(`${words}, allowed by ${FLAG_FOR_LIMIT[name]} ${overrides[name] ?? n}`);
    }
  }
  return { refused, allowed };
}
