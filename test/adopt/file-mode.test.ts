import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

// adopt writes the desired-state file in place (an atomic replace): the file's permissions stay.
describe('a file replaced atomically keeps its permissions', () => {
  it.each([0o600, 0o664, 0o444])('mode %o', (mode) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pfa-mode-')), 'accounts.yaml');
    writeFileSync(file, 'before\n');
    chmodSync(file, mode);
    writeFileAtomic(file, 'after\n');
    expect(statSync(file).mode & 0o777).toBe(mode);
  });
});
