/** The semantic rules on the policy: protected accounts and the scope globs. */
import { nameKey } from '../util/names.js';
import { compileGlob, globCovers, scopeMatcher } from '../util/glob.js';
import { accountsOf, stringList, validName } from './rule-helpers.js';
import type { RuleFinding, SemanticRule } from './rule-helpers.js';
import type { PathSegment } from './loaded-yaml.js';

export const POLICY_RULES: Record<string, SemanticRule> = {
  'glob-spaces': (file) => {
    // Account names never start or end with a space (see empty-name), so such a glob matches
    // nothing: a protected pattern would protect nothing, silently.
    const lists: [PathSegment[], unknown][] = [
      [['policy', 'protected'], file.policy?.protected],
      [['policy', 'scope', 'include'], file.policy?.scope?.include],
      [['policy', 'scope', 'exclude'], file.policy?.scope?.exclude],
    ];
    return lists.flatMap(([path, list]) =>
      stringList(list)
        .filter(([pattern]) => pattern !== pattern.trim())
        .map(([pattern, j]) => ({
          path: [...path, j],
          summary: `pattern "${pattern}" has leading or trailing spaces, so it can never match an account name`,
          detail: 'remove the spaces',
        })),
    );
  },

  'protected-delete': (file) => {
    // `protected` entries are globs, like scope: "break-glass-*" protects every match.
    const globs = stringList(file.policy?.protected).map(([p]) => compileGlob(p));
    return accountsOf(file).flatMap((account, i) =>
      validName(account?.name) && account.state === 'deleted' && globs.some((re) => re.test(account.name))
        ? [
            {
              path: ['systemAccounts', i, 'state'],
              summary: `"${account.name}" is protected and cannot be deleted`,
              detail: 'remove it from policy.protected first, or do not ask to delete it',
            },
          ]
        : [],
    );
  },

  'glob-never-matches': (file) => {
    const include = stringList(file.policy?.scope?.include);
    const exclude = stringList(file.policy?.scope?.exclude);
    const findings: RuleFinding[] = [];
    for (const [pattern, j] of include) {
      const covering = exclude.find(([e]) => globCovers(e, pattern));
      if (covering)
        findings.push({
          path: ['policy', 'scope', 'include', j],
          summary: `include glob "${pattern}" can never match: exclude glob "${covering[0]}" removes every name it matches`,
          detail: 'narrow the exclude glob or drop this include',
        });
    }
    for (const [pattern, j] of exclude) {
      if (include.length > 0 && include.every(([inc]) => !globsMayOverlap(inc, pattern)))
        findings.push({
          path: ['policy', 'scope', 'exclude', j],
          summary: `exclude glob "${pattern}" can never match: no include glob matches the names it would exclude`,
          detail: 'fix the glob or remove it',
        });
    }
    return findings;
  },

  'outside-scope': (file) => {
    const include = stringList(file.policy?.scope?.include).map(([p]) => p);
    const exclude = stringList(file.policy?.scope?.exclude).map(([p]) => p);
    if (include.length === 0 && exclude.length === 0) return [];
    const inScope = scopeMatcher({ include, exclude });
    return accountsOf(file).flatMap((account, i) =>
      validName(account?.name) && !inScope(account.name)
        ? [
            {
              path: ['systemAccounts', i, 'name'],
              summary: `"${account.name}" is outside policy.scope`,
              detail:
                'the file cannot both list an account and leave it out of scope: widen policy.scope or remove the entry',
            },
          ]
        : [],
    );
  },
};

/** Two globs may match a common name unless their literal prefixes or suffixes disagree. */
function globsMayOverlap(a: string, b: string): boolean {
  const literalPrefix = (g: string) => nameKey(/^[^*?]*/.exec(g)![0]);
  const literalSuffix = (g: string) => nameKey(/[^*?]*$/.exec(g)![0]);
  const pa = literalPrefix(a);
  const pb = literalPrefix(b);
  const sa = literalSuffix(a);
  const sb = literalSuffix(b);
  if (!(pa.startsWith(pb) || pb.startsWith(pa))) return false;
  if (!(sa.endsWith(sb) || sb.endsWith(sa))) return false;
  // Fully literal globs overlap only if one matches the other.
  if (!/[*?]/.test(a)) return compileGlob(b).test(a);
  if (!/[*?]/.test(b)) return compileGlob(a).test(b);
  return true;
}
