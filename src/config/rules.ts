import { ACCOUNT_RULES } from './account-rules.js';
import { POLICY_RULES } from './policy-rules.js';
import type { SemanticRule } from './rule-helpers.js';
import { ROLE_RULES } from './role-rules.js';

/**
 * The semantic rules run after the schema check, by the code each diagnostic carries. Each reads
 * the file defensively, because the schema may have failed elsewhere and every problem is still
 * reported in one pass.
 */
export const SEMANTIC_RULES: Record<string, SemanticRule> = {
  ...ACCOUNT_RULES,
  ...ROLE_RULES,
  ...POLICY_RULES,
};
