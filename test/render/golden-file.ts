import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** UPDATE_GOLDEN=1 is the only way a golden file is written. */
export const updateGolden = process.env.UPDATE_GOLDEN === '1';

/** Compares with the golden file; a missing one fails (it never recreates itself and passes). */
export function golden(file: string, actual: string, update = updateGolden): void {
  if (update) writeFileSync(file, actual);
  if (!existsSync(file))
    throw new Error(
      `golden file ${file} is missing: run the tests with UPDATE_GOLDEN=1 and review the new file`,
    );
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
