/**
 * How error bodies look. `problem` is RFC 9457 `application/problem+json`, which PactFlow's docs
 * name as the current shape; `legacy` is the three older shapes a client must still read. Apart
 * from problems.ts, which imports Node's http module, so that the CLI can offer the choice without
 * loading it.
 */
export type ErrorFormat = 'problem' | 'legacy';
export const ERROR_FORMATS: readonly ErrorFormat[] = ['problem', 'legacy'];
