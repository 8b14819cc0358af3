import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
 * Vitest's global setup: every temporary folder a test makes (`mkdtempSync(tmpdir())`) goes in one
 * folder for the run, removed when the run ends, so that runs leave nothing in the system's
 * temporary folder. The test workers start after this and inherit TMPDIR.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'pactflow-accounts-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
