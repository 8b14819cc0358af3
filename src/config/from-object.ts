import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import { ConfigError } from '../errors.js';
import type { DesiredState } from './types.js';
import { validateConfig } from './validate.js';

/** An object has no lines: every diagnostic and source position stands at line 0, column 0. */
const NOWHERE = { line: 0, column: 0 };

/**
 * The desired state from a plain object shaped like the desired-state file (an `AccountsFile`,
 * built by a program or parsed from JSON), checked by the same schema and rules as `loadConfig`,
 * with the same diagnostics, at line 0. Throws ConfigError with every problem when it is invalid.
 * `name` stands for the file in diagnostics and plans; `sha256` is that of the object as JSON.
 */
export function desiredStateFromObject(
  value: unknown,
  options: { name?: string } = {},
): { desired: DesiredState; warnings: Diagnostic[] } {
  const file = options.name ?? '<object>';
  // undefined stands for "no value": the loader never gives it without a diagnostic saying why.
  const given = value === undefined ? null : value;
  const result = validateConfig({ file, sha256: '', value: given, diagnostics: [], locate: () => NOWHERE });
  if (!result.desired) throw new ConfigError(file, result.diagnostics);
  // Only a valid object is hashed: it is plain data then, which JSON.stringify always takes.
  const sha256 = createHash('sha256').update(JSON.stringify(given)).digest('hex');
  return { desired: { ...result.desired, sha256 }, warnings: result.diagnostics };
}
