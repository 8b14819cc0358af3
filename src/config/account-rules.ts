/** The semantic rules on system accounts: names, previous names, lists and emails. */
import { escapes } from '../render/escape.js';
import { nameKey } from '../util/names.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import { accountsOf, formatPath, isString, rolesOf, stringList, validName } from './rule-helpers.js';
import type { RuleFinding, SemanticRule } from './rule-helpers.js';
import type { PathSegment } from './loaded-yaml.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const ACCOUNT_RULES: Record<string, SemanticRule> = {
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
    const accounts = accountsOf(file);
    return accounts.flatMap((account, i) => {
      const name: unknown = account?.name;
      if (!validName(name)) return [];
      const first = seen.get(nameKey(name));
      if (first === undefined) {
        seen.set(nameKey(name), i);
        return [];
      }
      const firstName = accounts[first]!.name;
      return [
        {
          path: ['systemAccounts', i, 'name'],
          summary: `duplicate account name "${escapes(name)}" (also systemAccounts[${first}] "${escapes(firstName)}"; names are compared ignoring case and Unicode normalization)`,
          detail: 'keep one entry per account',
          also: ['systemAccounts', first, 'name'],
        },
      ];
    });
  },

  'previous-name-conflict': (file) => {
    const accounts = accountsOf(file);
    const names = new Map<string, number>();
    accounts.forEach((a, i) => validName(a?.name) && names.set(nameKey(a.name), i));
    const claimed = new Map<string, string>();
    return accounts.flatMap((account, i) =>
      stringList(account?.previousNames).flatMap(([previous, j]): RuleFinding[] => {
        const path = ['systemAccounts', i, 'previousNames', j];
        const key = nameKey(previous);
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
        const first = seen.get(nameKey(value));
        if (first === undefined) {
          seen.set(nameKey(value), j);
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
};
