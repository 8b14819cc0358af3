import { Document, isMap, isSeq, visit } from 'yaml';
import type { AccountsFile, RoleEntry, SystemAccountEntry } from '../config/types.js';
import { UsageError } from '../errors.js';
import { fieldsOf } from '../plan/account.js';
import { ADMINISTRATOR } from '../types/built-in-roles.js';
import type { LiveState } from '../state/types.js';
import { scopeMatcher } from '../util/glob.js';

/**
 * A desired-state file that describes the live organization exactly, so that `plan` on it shows no
 * changes: every system account (or those matching `include`) with its email, state, Administrator
 * flag, other roles and teams. Pure; the CLI writes it.
 */
export function exportDesired(live: LiveState, options: { include?: readonly string[] } = {}): AccountsFile {
  const include = [...(options.include ?? [])];
  const inScope = scopeMatcher({ include, exclude: [] });
  const accounts = live.accounts.filter((a) => inScope(a.name));
  const seen = new Map<string, string>();
  for (const a of accounts) {
    const other = seen.get(a.name.toLowerCase());
    if (other !== undefined) {
      throw new UsageError(
        `live accounts "${other}" and "${a.name}" differ only in case; a desired-state file cannot name both`,
        'Rename one of them in PactFlow, then export again.',
      );
    }
    seen.set(a.name.toLowerCase(), a.name);
  }
  const administrator = live.roles.find((r) => r.name.toLowerCase() === ADMINISTRATOR.toLowerCase());
  // The planner's own view of an account's fields, so an export cannot disagree with a plan.
  const systemAccounts = accounts.map((a): SystemAccountEntry => {
    const { name, email, state, admin, roles, teams } = fieldsOf(a, administrator);
    return { name, ...(email ? { email } : {}), state, admin, roles, teams };
  });
  // Custom roles too, so the file owns them and a plan against it stays empty.
  const roles = live.roles
    .filter((r) => !r.systemDefined && !r.serverManaged)
    .map((r): RoleEntry => ({
      name: r.name,
      ...(r.description ? { description: r.description } : {}),
      permissions: [...r.permissions],
    }));
  return {
    version: 1,
    policy: {
      unmanaged: 'ignore',
      ...(include.length ? { scope: { include } } : {}),
    },
    ...(roles.length ? { roles } : {}),
    systemAccounts,
  };
}

/** The file as YAML, with the comments a person needs to start editing it. */
export function renderExportYaml(file: AccountsFile, meta: { baseUrl: string; schema: string }): string {
  const doc = new Document(file);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${meta.schema}`,
    '',
    ` System accounts and custom roles exported from ${meta.baseUrl} by pactflow-accounts.`,
    ' `pactflow-accounts plan -f <this file>` shows no changes until you edit it.',
    ' Each account: state enabled|disabled|deleted, admin (Administrator role), roles and teams',
    ' (exact sets). Add previousNames when you rename one, so it keeps its uuid and tokens.',
  ].join('\n');
  // Short lists read best inline: roles: [CI/CD], teams: [Payments].
  const accounts = doc.get('systemAccounts', true);
  if (isSeq(accounts)) {
    for (const item of accounts.items) {
      if (!isMap(item)) continue;
      for (const key of ['roles', 'teams']) {
        const list = item.get(key, true);
        if (isSeq(list)) list.flow = true;
      }
    }
  }
  const roles = doc.get('roles', true);
  if (isSeq(roles)) {
    for (const item of roles.items) {
      const list = isMap(item) ? item.get('permissions', true) : undefined;
      if (isSeq(list)) list.flow = true;
    }
    (roles as { commentBefore?: string }).commentBefore =
      ' Custom roles: each is kept at exactly these permission scopes. Built-in roles are never listed.';
  }
  const policy = doc.get('policy', true) as { commentBefore?: string } | undefined;
  if (policy) {
    policy.commentBefore =
      ' unmanaged: what to do with live accounts in scope that are not listed (ignore | disable | delete).\n' +
      ' With ignore, a drift check can still flag accounts made by hand: plan --detailed-exitcode --unmanaged-is-drift.\n' +
      ' limits (defaults): maxDeletes 0, maxDisables 5, maxAdminChanges 1 per apply.';
  }
  // Bidirectional and invisible format characters (U+202E, U+200B, U+FEFF…) would make a name read
  // as something else in a diff: such strings are double-quoted, where YAML's \uXXXX escape is
  // valid, and the characters are written as that escape (yaml leaves them raw).
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /\p{Cf}/u.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\p{Cf}/gu, (ch) => {
    const hex = ch.codePointAt(0)!.toString(16).toUpperCase();
    return hex.length > 4 ? `\\U${hex.padStart(8, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
}
