/** The semantic rules on roles: custom roles the file defines, and role names accounts give. */
import { nameKey } from '../util/names.js';
import { SCOPE_PATTERN } from '../permissions/scopes.js';
import { BUILT_IN_ROLE_NAMES, TEAM_ADMINISTRATOR, isBuiltInRoleName } from '../types/built-in-roles.js';
import { closest } from '../util/suggest.js';
import { accountsOf, rolesOf, stringList, validName } from './rule-helpers.js';
import type { RuleFinding, SemanticRule } from './rule-helpers.js';
import type { PathSegment } from './loaded-yaml.js';

export const ROLE_RULES: Record<string, SemanticRule> = {
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
      const first = seen.get(nameKey(name));
      if (first === undefined) {
        seen.set(nameKey(name), i);
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

  'server-managed-role': (file) => {
    // PactFlow grants Team Administrator to a team's administrators; `plan` refuses it in a role
    // list, so the file is refused here, offline, with the same words.
    const lists: [PathSegment[], unknown][] = [[['defaults', 'roles'], file.defaults?.roles]];
    accountsOf(file).forEach((a, i) => lists.push([['systemAccounts', i, 'roles'], a?.roles]));
    const key = nameKey(TEAM_ADMINISTRATOR);
    return lists.flatMap(([path, list]) =>
      stringList(list)
        .filter(([role]) => nameKey(role.trim()) === key)
        .map(([role, j]) => ({
          path: [...path, j],
          summary: `role "${role}" cannot be assigned`,
          detail: 'PactFlow grants it to team administrators; remove it from the list',
        })),
    );
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

  'role-near-miss': (file) => {
    // A tenant may define custom roles too, so a name not built in is not an error offline, but a
    // near miss of a built-in name is most likely a typo. Team Administrator: planning explains it.
    const builtIn = new Set(BUILT_IN_ROLE_NAMES.map((r) => r.toLowerCase()));
    const lists: [PathSegment[], unknown][] = [[['defaults', 'roles'], file.defaults?.roles]];
    accountsOf(file).forEach((a, i) => lists.push([['systemAccounts', i, 'roles'], a?.roles]));
    // Thousands of accounts name the same few custom roles: each name is compared once.
    const nearest = new Map<string, string | undefined>();
    const near = (role: string) => {
      if (!nearest.has(role)) nearest.set(role, closest(role, BUILT_IN_ROLE_NAMES));
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
};
