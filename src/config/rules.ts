import type { AccountsFile } from './types.js';
import type { PathSegment } from './loaded-yaml.js';
import { compileGlob, globCovers, scopeMatcher } from '../util/glob.js';
import { SCOPE_PATTERN, isBuiltInRoleName } from '../permissions/scopes.js';
import { closest } from '../util/suggest.js';

/** A problem a semantic rule finds, located by its path in the file. */
export interface RuleFinding {
  path: PathSegment[];
  /** Point at the key rather than the value (e.g. for a field that should not be there). */
  key?: boolean;
  severity?: 'error' | 'warning';
  summary: string;
  detail?: string;
}

/**
 * The semantic rules run after the schema check. Each reads the file defensively, because the
 * schema may have failed elsewhere and every problem is still reported in one pass.
 */
export type SemanticRule = (file: Partial<AccountsFile>) => RuleFinding[];

export const ADMINISTRATOR = 'Administrator';

/**
 * PactFlow's built-in roles. A tenant may define custom roles too, so a name not listed here is
 * not an error offline — but one that is a near miss of a built-in name is most likely a typo.
 */
export const BUILT_IN_ROLES = [ADMINISTRATOR, 'CI/CD', 'Read-Only', 'User', 'Viewer'] as const;

const isString = (x: unknown): x is string => typeof x === 'string';
const accountsOf = (file: Partial<AccountsFile>) =>
  Array.isArray(file.systemAccounts) ? file.systemAccounts : [];
const rolesOf = (file: Partial<AccountsFile>) => (Array.isArray(file.roles) ? file.roles : []);
const stringList = (x: unknown): [string, number][] =>
  Array.isArray(x) ? x.flatMap((v, i): [string, number][] => (isString(v) ? [[v, i]] : [])) : [];
const validName = (x: unknown): x is string => isString(x) && x.trim() !== '';
export const formatPath = (path: readonly PathSegment[]) =>
  path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const SEMANTIC_RULES: Record<string, SemanticRule> = {
  'empty-name': (file) =>
    accountsOf(file).flatMap((account, i) => {
      const name: unknown = account?.name;
      if (!isString(name)) return [];
      if (name.trim() === '')
        return [
          {
            path: ['systemAccounts', i, 'name'],
            summary: 'account name is empty',
            detail: 'give the account a name',
          },
        ];
      if (name !== name.trim())
        return [
          {
            path: ['systemAccounts', i, 'name'],
            summary: `account name "${name}" has leading or trailing spaces`,
            detail: 'remove the spaces; PactFlow would store a different name',
          },
        ];
      return [];
    }),

  'duplicate-name': (file) => {
    const seen = new Map<string, number>();
    return accountsOf(file).flatMap((account, i) => {
      const name: unknown = account?.name;
      if (!validName(name)) return [];
      const first = seen.get(name.toLowerCase());
      if (first === undefined) {
        seen.set(name.toLowerCase(), i);
        return [];
      }
      return [
        {
          path: ['systemAccounts', i, 'name'],
          summary: `duplicate account name "${name}" (also systemAccounts[${first}]; names are compared case-insensitively)`,
          detail: 'keep one entry per account',
        },
      ];
    });
  },

  'previous-name-conflict': (file) => {
    const accounts = accountsOf(file);
    const names = new Map<string, number>();
    accounts.forEach((a, i) => validName(a?.name) && names.set(a.name.toLowerCase(), i));
    const claimed = new Map<string, string>();
    return accounts.flatMap((account, i) =>
      stringList(account?.previousNames).flatMap(([previous, j]): RuleFinding[] => {
        const path = ['systemAccounts', i, 'previousNames', j];
        const key = previous.toLowerCase();
        const owner = names.get(key);
        if (owner !== undefined) {
          return [
            {
              path,
              summary:
                owner === i
                  ? `previous name "${previous}" is the account's own name`
                  : `previous name "${previous}" is the name of systemAccounts[${owner}]`,
              detail: 'a previous name must be a name the account no longer has; remove it',
            },
          ];
        }
        const earlier = claimed.get(key);
        claimed.set(key, formatPath(path));
        return earlier === undefined
          ? []
          : [
              {
                path,
                summary: `previous name "${previous}" is listed twice (also ${earlier})`,
                detail: 'one live account can be renamed into only one entry; keep it in one place',
              },
            ];
      }),
    );
  },

  'admin-conflict': (file) =>
    accountsOf(file).flatMap((account, i) =>
      account?.admin === false
        ? stringList(account.roles)
            .filter(([role]) => role.toLowerCase() === ADMINISTRATOR.toLowerCase())
            .map(([, j]) => ({
              path: ['systemAccounts', i, 'roles', j],
              summary: '"Administrator" in roles contradicts admin: false',
              detail: 'remove Administrator from roles, or set admin: true',
            }))
        : [],
    ),

  'duplicate-list-entry': (file) => {
    const lists: [PathSegment[], unknown][] = [
      [['defaults', 'roles'], file.defaults?.roles],
      [['defaults', 'teams'], file.defaults?.teams],
      [['policy', 'protected'], file.policy?.protected],
      [['policy', 'scope', 'include'], file.policy?.scope?.include],
      [['policy', 'scope', 'exclude'], file.policy?.scope?.exclude],
    ];
    // A list of fewer than two holds no repeat: most accounts' lists, in a file of thousands.
    const mayRepeat = (list: unknown) => Array.isArray(list) && list.length > 1;
    accountsOf(file).forEach((a, i) => {
      for (const field of ['roles', 'teams', 'previousNames'] as const)
        if (mayRepeat(a?.[field])) lists.push([['systemAccounts', i, field], a?.[field]]);
    });
    rolesOf(file).forEach((r, i) => lists.push([['roles', i, 'permissions'], r?.permissions]));
    return lists.flatMap(([path, list]) => {
      const seen = new Map<string, number>();
      return stringList(list).flatMap(([value, j]) => {
        const first = seen.get(value.toLowerCase());
        if (first === undefined) {
          seen.set(value.toLowerCase(), j);
          return [];
        }
        return [
          {
            path: [...path, j],
            summary: `"${value}" is listed twice in ${formatPath(path)} (also [${first}])`,
            detail: 'remove the repeated entry',
          },
        ];
      });
    });
  },

  'built-in-role-defined': (file) =>
    rolesOf(file).flatMap((role, i) =>
      validName(role?.name) && isBuiltInRoleName(role.name)
        ? [
            {
              path: ['roles', i, 'name'],
              summary: `"${role.name}" is a built-in PactFlow role and cannot be defined here`,
              detail: "reference it in an account's roles as it is, or give your custom role another name",
            },
          ]
        : [],
    ),

  'role-name': (file) => {
    const seen = new Map<string, number>();
    return rolesOf(file).flatMap((role, i): RuleFinding[] => {
      const name: unknown = role?.name;
      if (!validName(name)) return [];
      if (name !== name.trim())
        return [
          {
            path: ['roles', i, 'name'],
            summary: `role name "${name}" has leading or trailing spaces`,
            detail: 'remove the spaces; PactFlow would store a different name',
          },
        ];
      const first = seen.get(name.toLowerCase());
      if (first === undefined) {
        seen.set(name.toLowerCase(), i);
        return [];
      }
      return [
        {
          path: ['roles', i, 'name'],
          summary: `duplicate role name "${name}" (also roles[${first}]; names are compared case-insensitively)`,
          detail: 'keep one entry per role',
        },
      ];
    });
  },

  'invalid-scope': (file) =>
    rolesOf(file).flatMap((role, i) =>
      stringList(role?.permissions)
        .filter(([scope]) => !SCOPE_PATTERN.test(scope))
        .map(([scope, j]) => ({
          path: ['roles', i, 'permissions', j],
          summary: `"${scope}" is not a permission scope`,
          detail:
            'write resource:action[:scope], e.g. contract_data:manage:team or user:invite; `validate --online` lists the scopes your PactFlow knows',
        })),
    ),

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

  'role-near-miss': (file) => {
    // Team Administrator is PactFlow's too (server-managed): planning explains that one.
    const builtIn = new Set([...BUILT_IN_ROLES, 'Team Administrator'].map((r) => r.toLowerCase()));
    const lists: [PathSegment[], unknown][] = [[['defaults', 'roles'], file.defaults?.roles]];
    accountsOf(file).forEach((a, i) => lists.push([['systemAccounts', i, 'roles'], a?.roles]));
    // Thousands of accounts name the same few custom roles: each name is compared once.
    const nearest = new Map<string, string | undefined>();
    const near = (role: string) => {
      if (!nearest.has(role)) nearest.set(role, closest(role, BUILT_IN_ROLES));
      return nearest.get(role);
    };
    return lists.flatMap(([path, list]) =>
      stringList(list).flatMap(([role, j]): RuleFinding[] => {
        if (builtIn.has(role.toLowerCase())) return [];
        const match = near(role);
        return match === undefined
          ? []
          : [
              {
                path: [...path, j],
                severity: 'warning',
                summary: `role "${role}" is not a built-in role (did you mean "${match}"?)`,
                detail:
                  'fine if it is a custom role of your PactFlow; `validate --online` checks every role name',
              },
            ];
      }),
    );
  },

  'invalid-email': (file) =>
    accountsOf(file).flatMap((account, i) =>
      isString(account?.email) && !EMAIL.test(account.email)
        ? [
            {
              path: ['systemAccounts', i, 'email'],
              summary: `invalid email "${account.email}"`,
              detail: 'use an address like name@example.com, or leave email out',
            },
          ]
        : [],
    ),

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
  const literalPrefix = (g: string) => /^[^*?]*/.exec(g)![0].toLowerCase();
  const literalSuffix = (g: string) => /[^*?]*$/.exec(g)![0].toLowerCase();
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
