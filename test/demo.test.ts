import process from 'node:process';
import { afterEach, describe, expect, it, vi } from 'vitest';

// `npm run demo` is a newcomer's first run: it must do the whole job and exit 0.
describe('the demo (npm run demo)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('plans, applies, exports, plans clean, then shows an adopt --check diff, exit code 0', async () => {
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    await import('../scripts/demo.js');
    expect(process.exitCode).toBe(0);
    expect(printed).toContain('Apply complete');
    expect(printed).toMatch(/No changes\. PactFlow matches examples\/accounts\.yaml/);
    expect(printed).toMatch(/^\+\s+state: disabled$/m);
    expect(printed).toContain('would adopt 1 account: 1 state');
    expect(printed).not.toContain('(exit code');
  }, 60_000);
});
