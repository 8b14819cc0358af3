/** What the semantic rules (rules.ts) share: what a finding is, and how a rule reads the file. */
import type { PathSegment } from './loaded-yaml.js';
import type { AccountsFile } from './types.js';

/** A problem a semantic rule finds, located by its path in the file. */
export interface RuleFinding {
  path: PathSegment[];
  /** Point at the key rather than the value (e.g. for a field that should not be there). */
  key?: boolean;
  severity?: 'error' | 'warning';
  summary: string;
  detail?: string;
  /** Another place the finding is about (the first of two equal names): its line is added. */
  also?: PathSegment[];
}

/**
 * The semantic rules run after the schema check. Each reads the file defensively, because the
 * schema may have failed elsewhere and every problem is still reported in one pass.
 */
export type SemanticRule = (file: Partial<AccountsFile>) => RuleFinding[];

export const isString = (x: unknown): x is string => typeof x === 'string';
export const accountsOf = (file: Partial<AccountsFile>) =>
  Array.isArray(file.systemAccounts) ? file.systemAccounts : [];
export const rolesOf = (file: Partial<AccountsFile>) => (Array.isArray(file.roles) ? file.roles : []);
export const stringList = (x: unknown): [string, number][] =>
  Array.isArray(x) ? x.flatMap((v, i): [string, number][] => (isString(v) ? [[v, i]] : [])) : [];
export const validName = (x: unknown): x is string => isString(x) && x.trim() !== '';
export const formatPath = (path: readonly PathSegment[]) =>
  path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
