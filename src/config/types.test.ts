import { describe, expect, it } from 'vitest';
import schema from '../../schemas/accounts.schema.json' with { type: 'json' };
import {
  ACCOUNT_FIELDS,
  ACCOUNT_STATES,
  DEFAULTS_FIELDS,
  DEFAULT_LIMITS,
  FILE_FIELDS,
  LIMITS_FIELDS,
  POLICY_FIELDS,
  ROLE_FIELDS,
  SCOPE_FIELDS,
  UNMANAGED_POLICIES,
  UNMANAGED_ROLE_POLICIES,
} from './types.js';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: string[];
  description?: string;
  additionalProperties?: boolean;
}
const root = schema as SchemaNode;
const policy = root.properties!.policy!;
const account = root.properties!.systemAccounts!.items!;

/** The schema's view of an object: property name → required. */
const shape = (node: SchemaNode) =>
  Object.fromEntries(Object.keys(node.properties ?? {}).map((k) => [k, (node.required ?? []).includes(k)]));

describe('the TypeScript types agree with schemas/accounts.schema.json', () => {
  it.each([
    ['file', root, FILE_FIELDS],
    ['policy', policy, POLICY_FIELDS],
    ['policy.scope', policy.properties!.scope!, SCOPE_FIELDS],
    ['policy.limits', policy.properties!.limits!, LIMITS_FIELDS],
    ['defaults', root.properties!.defaults!, DEFAULTS_FIELDS],
    ['systemAccounts[]', account, ACCOUNT_FIELDS],
    ['roles[]', root.properties!.roles!.items!, ROLE_FIELDS],
  ])('%s: same fields, same required ones', (_, node, fields) => {
    expect(shape(node)).toEqual(fields);
  });

  it('enums match', () => {
    expect(account.properties!.state!.enum).toEqual([...ACCOUNT_STATES]);
    expect(policy.properties!.unmanaged!.enum).toEqual([...UNMANAGED_POLICIES]);
    expect(policy.properties!.unmanagedRoles!.enum).toEqual([...UNMANAGED_ROLE_POLICIES]);
  });

  it('limit defaults are the ones the descriptions promise', () => {
    for (const [key, value] of Object.entries(DEFAULT_LIMITS)) {
      expect(policy.properties!.limits!.properties![key]!.description).toContain(`Default ${value}.`);
    }
  });

  it('every object forbids unknown fields and every field has a description', () => {
    const walk = (node: SchemaNode, where: string): void => {
      expect(node.description, `${where} has a description`).toBeTruthy();
      if (node.properties) {
        expect(node.additionalProperties, `${where} forbids unknown fields`).toBe(false);
        for (const [key, child] of Object.entries(node.properties)) walk(child, `${where}.${key}`);
      }
      if (node.items) walk(node.items, `${where}[]`);
    };
    walk(root, '$');
  });
});
